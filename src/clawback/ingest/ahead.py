"""What a batch of files will have LibreOffice render: each Office file, and each e-mail's
attachments that have no page form of their own (an e-mail's family renders them, one
LibreOffice run per family). `Workspace.ingest_paths` renders a batch's in one run
(`render.ahead`) before ingesting its files one by one, as it always did.

Its contract: it reads, it never refuses. A file it cannot read here (not a kind ingest takes,
a broken e-mail) contributes nothing, and ingest then says what is wrong with it as before.
"""

from __future__ import annotations

from pathlib import PurePath

from clawback import email
from clawback.domain.errors import ClawbackError
from clawback.ingest.images import PICTURES
from clawback.ingest.sniff import EMAIL, OFFICE, sniff
from clawback.pdf.files.convert import RENDERED

__all__ = ["to_render"]


def to_render(data: bytes, name: str) -> list[tuple[bytes, str]]:
    """The ``(bytes, suffix)`` of each file LibreOffice will render when `data` (the file
    called `name`) is ingested; empty when there are none or the file cannot be read here."""
    try:
        found = sniff(data, name)
        if found.kind == OFFICE:
            return [(data, found.suffix)]
        if found.kind != EMAIL:
            return []
        members = email.family(data, name)
    except (ClawbackError, ValueError):
        return []
    out = []
    for m in members:
        suffix = PurePath(m.name).suffix.lower()
        if m.pdf is None and not m.native.startswith(PICTURES) and suffix in RENDERED:
            out.append((m.native, suffix))
    return out
