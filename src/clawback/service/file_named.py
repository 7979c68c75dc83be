"""A refusal said of the file it is about: ``opposition.pdf: not a PDF: no %PDF- header``.

A command that takes a file (``file-paper``) answers each refusal in one line; a line that
names the problem but not the file leaves whoever sends forty files not knowing which one
failed. `naming` puts the file's name, as its sender gave it, before any refusal raised inside
it, once (a line that begins with it already is left as it is).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from clawback.domain.errors import ClawbackError

__all__ = ["naming"]


@contextmanager
def naming(name: str | None) -> Iterator[None]:
    """Inside it, a `ClawbackError` says ``name: problem`` (``name`` None: as it is)."""
    try:
        yield
    except ClawbackError as exc:
        said = str(exc)
        if name and not said.startswith(f"{name}: "):
            exc.args = (f"{name}: {said}",)
        raise
