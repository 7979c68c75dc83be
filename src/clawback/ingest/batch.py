"""A batch of files and folders to ingest, and the one-line report of each file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

INGESTED, KNOWN, REFUSED = "ingested", "known", "refused"


@dataclass(frozen=True)
class FileReport:
    """What became of one file: `outcome` is INGESTED, KNOWN (already in the record) or
    REFUSED; `controls` are its documents' control numbers; `reason` why it was refused."""

    path: Path
    outcome: str
    controls: tuple[str, ...] = ()
    reason: str = ""

    def line(self) -> str:
        """The report line: ``PATH: DOC-... (ingested)``, ``PATH: DOC-... (already in the
        record)`` or ``PATH: refused: REASON``."""
        if self.outcome == REFUSED:
            return f"{self.path}: refused: {self.reason}"
        said = "ingested" if self.outcome == INGESTED else "already in the record"
        return f"{self.path}: {', '.join(self.controls)} ({said})"


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Each file named, and every file under each folder named (recursing, in name order,
    hidden files and folders skipped); a path that does not exist is yielded as given, so
    that it is reported."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in found.relative_to(path).parts)
                if found.is_file() and not hidden:
                    yield found
        else:
            yield path
