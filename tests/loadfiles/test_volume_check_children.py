"""`clawback volume check` says, with no workspace, what `volume import` will do with the files
inside each record's native (taken out as documents of its family, left in it and why, or not
read), by the very code the import runs: its lines are the import's, word for word."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from clawback.service import Workspace
from tests.ingest.make import eml_with, text_pdf
from tests.loadfiles.test_volume_children import LOCKED, _row, _volume


def test_volume_check_says_what_import_does_with_the_files_inside_each_native(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    natives = {
        "locked.eml": eml_with(
            "Locked", [("locked.pdf", LOCKED.read_bytes()), ("ok.pdf", text_pdf("Fine"))]
        ),
        "three.eml": eml_with("Three", [("notes.pdf", text_pdf("Notes"))]),
        "memo.pdf": text_pdf("A memo carrying nothing"),
    }
    rows = [
        _row("ABC0001", "locked.eml"),  # alone: its files taken out, one not read
        _row("ABC0002", "three.eml", attach="ABC0002-ABC0003"),  # ABC0003 not in the volume
        _row("ABC0004", "memo.pdf"),  # nothing inside
    ]
    folder = tmp_path / "vol"
    dat = _volume(folder, rows, natives)
    checked = CliRunner().invoke(app, ["volume", "check", str(folder)])
    assert checked.exit_code == 1 and "Traceback" not in checked.output, checked.output
    locked = (
        "row 1 (ABC0001): attachment 'locked.pdf' (ABC0001.0001) could not be read (encrypted "
        "PDF: it needs a password to open): kept in native form"
    )
    left = (
        "row 2 (ABC0002): its native holds 1 file, left in it: its attachment range "
        "ABC0002-ABC0003 names records not in this volume"
    )
    gap = "row 3 (ABC0004): Bates gap: ABC0003 (1 page(s)) missing after row 2 (ABC0002)"
    assert checked.stderr.splitlines() == [locked, left, gap]  # today: the gap alone
    assert checked.stdout.splitlines() == [
        "row 1 (ABC0001): its native holds 2 files: taken out as ABC0001.0001 'locked.pdf', "
        "ABC0001.0002 'ok.pdf'"
    ]
    assert sorted(p.name for p in folder.iterdir()) == ["NATIVES", "VOL1.dat"]
    # The import then says the same of them, and does it.
    report = sqlite_ws.imports.volume(folder, dat)
    assert report.problems == checked.stderr.splitlines()
    assert [(i.theirs, i.attachment_of) for i in report.imported] == [
        ("ABC0001", None),
        ("ABC0001.0001", "ABC0001"),
        ("ABC0001.0002", "ABC0001"),
        ("ABC0002", None),
        ("ABC0004", None),
    ]
