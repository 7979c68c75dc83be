"""A Bates-numbered volume imported again (the rerun after a run was killed midway, or by
mistake) names each record it holds already as imported before, with its document: before,
the Bates check came first and every such record read "Bates number TP-00000001 is already in
the record", as if another document held its numbers."""

from __future__ import annotations

from pathlib import Path

from clawback.loadfiles import write_dat
from clawback.service import Workspace
from tests.ingest.make import text_pdf

FIELDS = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]


def _volume(where: Path) -> Path:
    (where / "NATIVES").mkdir(parents=True)
    rows = []
    for n in (1, 2):
        (where / "NATIVES" / f"{n}.pdf").write_bytes(text_pdf(f"letter number {n}"))
        bates = f"TP-{n:08d}"
        rows.append([bates, bates, f".\\NATIVES\\{n}.pdf", "CONFIDENTIAL"])
    (where / "TP.dat").write_bytes(write_dat(FIELDS, rows))
    return where / "TP.dat"


def test_a_bates_numbered_volume_imported_again(sqlite_ws: Workspace, tmp_path: Path) -> None:
    dat = _volume(tmp_path / "tp")
    first = sqlite_ws.imports.volume(tmp_path / "tp", dat)
    assert first.problems == [] and len(first.imported) == 2
    again = sqlite_ws.imports.volume(tmp_path / "tp", dat)
    assert again.imported == []
    assert again.problems == [
        f"row {n} (TP-{n:08d}): imported before from volume TP as {i.control}"
        for n, i in enumerate(first.imported, 1)
    ]
