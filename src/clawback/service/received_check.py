"""`clawback volume check`: a received volume's defects, with no workspace (`loadfiles.volume`),
and what its import will do with the files inside each record's native, by the import's own
code (`received_children.take_out`: the rule, then ingest's family step): each file taken out
as a document of the record's family, under its received name; files left inside and why; a
file that cannot be read (kept in native form behind a placeholder page). The lines of files
left inside or not read are the import's own, word for word, as defects; the files taken out
are said apart, as what will happen, not as a defect. Reading a native's files costs what the
import's does (they are rendered and read), and nothing is written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from clawback.ingest import shown
from clawback.loadfiles.volume import Row, check_rows, read_volume
from clawback.service import received_children
from clawback.service.volume_files import Natives

__all__ = ["VolumeCheck", "check_volume"]


@dataclass
class VolumeCheck:
    """What a volume's check found: its defects, and the files its import will take out of
    the natives (one line per record), each line naming its row and record."""

    defects: list[str] = field(default_factory=list)
    taken_out: list[str] = field(default_factory=list)


def check_volume(folder: Path, dat: Path | None = None, opt: Path | None = None) -> VolumeCheck:
    """The volume at ``folder`` checked (see the module doc)."""
    _, rows, lines = read_volume(folder, dat, opt)
    natives = Natives(folder, rows)
    named = {row.control for row in rows}
    said = VolumeCheck()
    seen: set[str] = set()

    def inside(row: Row, name: str, data: bytes) -> list[str]:
        if not row.control or row.control in seen:  # a row the import does not take
            return []
        seen.add(row.control)
        notes: list[str] = []
        taken = received_children.take_out(row, named, (name, data), natives, notes)
        if taken.members:
            files = ", ".join(
                f"{child} {shown(m.member.name)!r}"
                for m, child in zip(taken.members, taken.names, strict=True)
            )
            held = "file" if len(taken.names) == 1 else "files"
            where = f"row {row.number} ({row.control})"
            said.taken_out.append(
                f"{where}: its native holds {len(taken.names)} {held}: taken out as {files}"
            )
        return [*notes, *taken.said]  # the files' own, as the import reports them

    said.defects = check_rows(folder, rows, lines, inside)
    return said
