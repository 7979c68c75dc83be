"""What the verification gate reports, and the exception that stops a pipeline on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clawback.domain.errors import ClawbackError

__all__ = ["Finding", "VerificationError", "require_clean"]


@dataclass(frozen=True)
class Finding:
    """One reason a file must not go out.

    `page` is the 0-based page index, or None for file-level findings. `check` names the check
    (see `clawback.pdf.gate.verify`). `detail` is one line; it names a secret by its label, never by
    its text.
    """

    page: int | None
    check: str
    detail: str

    def __str__(self) -> str:
        where = "file" if self.page is None else f"page {self.page + 1}"
        return f"{where}: {self.check}: {self.detail}"


class VerificationError(ClawbackError):
    """A file failed verification. The message is one line naming the file."""


def require_clean(findings: Sequence[Finding], name: str) -> None:
    """Raise `VerificationError` if there is any finding.

    The message names the file, the count, and the first finding (its page and check).
    """
    if not findings:
        return
    first = findings[0]
    more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
    raise VerificationError(f"{name}: {len(findings)} finding(s); first: {first}{more}")
