"""A batch of files and folders to ingest, and the one-line report of each file."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

INGESTED, KNOWN, REFUSED = "ingested", "known", "refused"
#: Why a folder named that holds no file to take is refused.
EMPTY_FOLDER = "a folder with no files to ingest (hidden ones skipped)"


@dataclass(frozen=True)
class FileReport:
    """What became of one file: `outcome` is INGESTED, KNOWN (already in the record) or
    REFUSED; `controls` are its documents' control numbers; `reason` why it was refused."""

    path: Path
    outcome: str
    controls: tuple[str, ...] = ()
    reason: str = ""
    #: What is wrong with a file taken in all the same (damaged, a scan OCR could not read).
    warnings: tuple[str, ...] = ()
    #: The exhibit it was numbered as ("Ex. 5"), new or already in the record.
    exhibit: str = ""

    def line(self) -> str:
        """The report line: ``PATH: DOC-... (ingested)``, ``PATH: DOC-... (already in the
        record)`` or ``PATH: refused: REASON``, each warning after it on the same line
        (``; warning: ...``); one line whatever the name holds (`shown`)."""
        if self.outcome == REFUSED:
            return f"{shown(str(self.path))}: refused: {shown(self.reason)}"
        said = "ingested" if self.outcome == INGESTED else "already in the record"
        if self.exhibit:
            said += f", {self.exhibit}"
        warned = "".join(f"; warning: {shown(w)}" for w in self.warnings)
        return f"{shown(str(self.path))}: {', '.join(self.controls)} ({said}){warned}"


def shown(name: str) -> str:
    """`name` safe to print on one line and to store: each control character (a newline would
    forge a second report line), each format character (a right-to-left override would
    reverse what follows) and each byte that was not UTF-8 (decoded by the file system as a
    lone surrogate) written as an escape (``\\n``, ``\\u202e``, ``\\xff``); the rest as it is."""
    out = []
    for ch in name:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the file system could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and every file under each folder named (recursing, in name order,
    hidden files and folders skipped); a path that does not exist is yielded as given, so
    that it is reported, and so is a folder with no file to take."""
    for path in paths:
        if path.is_dir():
            taken = False
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden:
                    taken = True
                    yield found
            if not taken:
                yield path  # reported: `EMPTY_FOLDER`
        else:
            yield path
