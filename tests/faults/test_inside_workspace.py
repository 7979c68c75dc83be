"""An output aimed inside the workspace (the database, the file store, the folder itself, or a
link that leads there) is refused in one line, before anything is written or recorded: the
database and the workspace's files are exactly as they were."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from tests.faults.conftest import (
    cli,
    copy_workspace,
    database_dump,
    one_line_error,
    same_database,
    tree,
)

#: Each command with a target inside the workspace ``w``; ``o`` is a folder outside it.
Args = Callable[[Path, Path], list[str]]
INSIDE: dict[str, Args] = {
    "privilege-log-csv": lambda w, o: [
        "privilege-log",
        "--csv",
        str(w / "clawback.db"),
        "--xlsx",
        str(o / "log.xlsx"),
    ],
    "privilege-log-xlsx": lambda w, o: [
        "privilege-log",
        "--csv",
        str(o / "log.csv"),
        "--xlsx",
        str(w / "log.xlsx"),
    ],
    "export-store": lambda w, o: ["export", "1", "--out", str(w / "files")],
    "export-root": lambda w, o: ["export", "1", "--out", str(w)],
    "export-link": lambda w, o: ["export", "1", "--out", str(o / "link" / "files")],
    "volume-export": lambda w, o: ["volume", "export", "AOL-DEF-VOL002", "--out", str(w)],
    "image": lambda w, o: ["image", "AOL-DEF-00528703", "--png", str(w / "page.png")],
    "bench-memo": lambda w, o: ["bench-memo", "c-fir-code", "--out", str(w / "memo.pdf")],
    "audit-export": lambda w, o: ["audit", "export", str(w / "workspace.id")],
    "audit-checkpoint": lambda w, o: ["audit", "checkpoint", "--out", str(w / "head.json")],
    "deadlines-ics": lambda w, o: [
        "deadlines",
        "--order-date",
        "2020-06-26",
        "--directive",
        "7:30:file_public",
        "--ics",
        str(w / "due.ics"),
    ],
    "file": lambda w, o: ["file", str(w / "out")],
    "file-brief": lambda w, o: ["file-brief", str(o / "brief.pdf"), "--out", str(w / "briefs")],
}


@pytest.mark.parametrize("name", sorted(INSIDE))
def test_an_output_inside_the_workspace_is_refused_and_changes_nothing(
    ready_to_file: Path, tmp_path: Path, name: str
) -> None:
    ws = copy_workspace(ready_to_file, tmp_path / "ws")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "link").symlink_to(ws, target_is_directory=True)
    brief = pymupdf.open()
    brief.new_page().insert_text((72, 72), "Ex. 18 at AOL-DEF-00528703.", fontsize=11)
    brief.save(outside / "brief.pdf")
    brief.close()
    files, record = tree(ws), database_dump(ws)
    mine = tree(outside)

    line = one_line_error(cli(ws, *INSIDE[name](ws, outside)))

    assert "inside the workspace" in line, line
    same_database(record, ws)
    assert {k: v for k, v in tree(ws).items() if not k.startswith("clawback.db-")} == files
    assert tree(outside) == mine  # not even the other file of the pair
