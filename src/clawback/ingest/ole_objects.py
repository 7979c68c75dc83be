"""The files embedded in a Word, Excel or PowerPoint 97-2003 file (an OLE2 compound file), which
its rendering shows only as a preview picture, if at all: each embedded object is a storage of
the file (Word keeps them under ``ObjectPool/_NNNN/``, Excel as ``MBD0000NNNN/``), and the object
is a file when the storage holds

* ``\\x01Ole10Native``: a file packaged whole (Windows' Object Packager: a PDF, a picture, any
  file dragged into the document), with the name it had;
* ``Package``: an Office Open XML file (a workbook embedded in a Word 97-2003 document);
* ``CONTENTS`` holding a PDF (Acrobat's embedded document).

The step's contract: `ole_files` returns each such file, in the order the compound file lists
its storages, each once, with its name (the packaged file's own; else the storage's with the
suffix its bytes say); none for a file that is no Office compound file (an Outlook .msg, whose
attachments are the e-mail step's) or that cannot be read. An object embedded as an OLE storage
of its own (a Word 97-2003 document or workbook inside another) is no file here and is not
returned; an object a PowerPoint 97-2003 deck keeps inside its ``PowerPoint Document`` stream is
not looked for. The compound file is read within the limits its sniffing checked (its size).
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import PureWindowsPath
from typing import cast

import olefile

from clawback.domain.errors import ClawbackError
from clawback.ingest.embedded import Embedded

__all__ = ["ole_files"]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_NATIVE, _PACKAGE, _CONTENTS = "\x01Ole10Native", "Package", "CONTENTS"


def ole_files(data: bytes) -> list[Embedded]:
    """Every file embedded in the compound file, in order, each once (see the module doc)."""
    if not data.startswith(_OLE2):
        return []
    found: list[Embedded] = []
    seen: set[str] = set()
    try:
        with olefile.OleFileIO(data) as ole:
            # Names are str (no path_encoding); types-olefile says bytes, as the file given.
            entries = cast(list[list[str]], ole.listdir(streams=True, storages=False))
            if any(part.startswith("__substg1.0_") for entry in entries for part in entry):
                return []  # an Outlook message: its attachments are the e-mail step's
            for entry in entries:
                if len(entry) < 2 or entry[-1] not in (_NATIVE, _PACKAGE, _CONTENTS):
                    continue
                stream = ole.openstream(entry).read()
                made = _embedded(entry, stream)
                if made is None:
                    continue
                sha = hashlib.sha256(made.data).hexdigest()
                if made.data and sha not in seen:
                    seen.add(sha)
                    found.append(made)
    except (OSError, ValueError, IndexError, struct.error):
        return []  # a compound file that cannot be read: its own step says so
    return found


def _embedded(entry: list[str], stream: bytes) -> Embedded | None:
    """The file one object's stream holds, or None (no file: a CONTENTS stream that is no
    PDF, a packaged file cut short)."""
    storage = entry[-2]
    if entry[-1] == _NATIVE:
        return _packaged(stream, storage)
    if entry[-1] == _PACKAGE:
        return Embedded(storage + _suffix(stream), stream)
    if stream.startswith(b"%PDF-"):
        return Embedded(f"{storage}.pdf", stream)
    return None


def _packaged(stream: bytes, storage: str) -> Embedded | None:
    """A file packaged in an OLE 1.0 native stream: its size, a format word, its label and
    source path (each ended by a NUL), a reserved word, the temporary path (its length first),
    then the file's own size and bytes."""
    at = 4 + 2
    label, at = _text(stream, at)
    path, at = _text(stream, at)
    at += 4
    (temp,) = struct.unpack_from("<I", stream, at)
    at += 4 + temp
    (size,) = struct.unpack_from("<I", stream, at)
    at += 4
    data = stream[at : at + size]
    if len(data) != size:
        return None  # cut short: the file is not all there
    name = PureWindowsPath(label or path).name or storage
    return Embedded(name, data)


def _text(stream: bytes, at: int) -> tuple[str, int]:
    """A NUL-ended ANSI string at ``at``, and where what follows it starts."""
    end = stream.index(b"\x00", at)
    return stream[at:end].decode("cp1252", errors="replace"), end + 1


def _suffix(data: bytes) -> str:
    """The suffix an embedded package's bytes say it has (``.xlsx`` ...), else ``.bin``."""
    from clawback.ingest.sniff import sniff

    try:
        return sniff(data, "").suffix
    except ClawbackError:
        return ".bin"
