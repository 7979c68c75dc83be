"""A document's Bates numbers kept on its row (``service.stamps``, migration 0024) equal its
pages' after every writer of a page's number: a volume produced (a slip sheet too), abandoned,
withdrawn and produced again under new numbers, and a received volume imported (a native
longer than its span numbered on its first pages only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import ClawbackError
from clawback.loadfiles import write_dat
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import text_pdf
from tests.service.test_production import LEGEND, a_strip, docs

Stamps = tuple[BatesNumber | None, BatesNumber | None, str | None, int | None]


def stamps(ws: Workspace) -> dict[str, tuple[Stamps, Stamps]]:
    """Each document's stamp columns, and the same four values as its pages give them (the
    columns named, not the whole row: a test reads them at an older revision, before later
    migrations added columns to the table)."""
    d = t.Document
    found = {}
    with ws.transaction() as s:
        for doc in s.execute(
            select(d.id, d.control, d.first_bates, d.last_bates, d.first_series, d.first_number)
        ):
            numbers = [
                b
                for b in s.scalars(
                    select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                )
                if b is not None
            ]
            first = numbers[0] if numbers else None
            pages: Stamps = (
                first,
                numbers[-1] if numbers else None,
                first.series if first else None,
                first.number if first else None,
            )
            kept: Stamps = (doc.first_bates, doc.last_bates, doc.first_series, doc.first_number)
            found[doc.control] = (kept, pages)
    return found


def assert_kept(ws: Workspace) -> dict[str, Stamps]:
    found = stamps(ws)
    for control, (kept, pages) in found.items():
        assert kept == pages, control
    return {control: kept for control, (kept, _) in found.items()}


def test_a_produced_volume_stamps_its_documents_and_a_slip_sheets(ws: Workspace) -> None:
    first, withheld = docs(ws, 2, pages=3)
    ws.productions.produce([first, withheld], "ST-000101", "SV1", withhold={withheld: "privileged"})
    kept = assert_kept(ws)
    assert str(kept[first][0]) == "ST-000101" and str(kept[first][1]) == "ST-000103"
    assert str(kept[withheld][1]) == "ST-000106" and kept[withheld][2:] == ("ST", 104)


def test_a_withdrawn_volume_unstamps_and_a_new_one_stamps_again(ws: Workspace) -> None:
    (first,) = docs(ws, 1)
    ws.productions.produce([first], "WD-000001", "WV1")
    ws.productions.withdraw("WV1", "produced before its designation was set")
    assert assert_kept(ws)[first] == (None, None, None, None)
    ws.productions.produce([first], None, "WV2", continue_from="WD-")
    assert str(assert_kept(ws)[first][0]) == "WD-000003"


def test_an_abandoned_volume_unstamps_what_it_made(ws: Workspace) -> None:
    first, tiny = docs(ws, 1)[0], a_strip(ws)
    with pytest.raises(ClawbackError, match="volume NV stays open"):
        ws.productions.produce([first, tiny], "NV-000001", "NV", legend=LEGEND)
    assert str(assert_kept(ws)[first][1]) == "NV-000002"
    ws.productions.abandon("NV", "a strip too narrow for the legend")
    assert assert_kept(ws)[first] == (None, None, None, None)


def test_an_imported_volume_stamps_the_pages_its_span_numbers(
    tmp_path: Path, database_url: str
) -> None:
    from clawback.demo.run import reference_case

    operator = Workspace.init(tmp_path / "ws", database_url).operator()
    try:
        operator.matter.load_case(reference_case())
        operator.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
        ws = operator.ctx.workspace.person("rc@other.test")
        folder = tmp_path / "vol"
        (folder / "NATIVES").mkdir(parents=True)
        three = text_pdf("first page of the native", "second page", "third page")
        (folder / "NATIVES" / "long.pdf").write_bytes(three)
        (folder / "NATIVES" / "two.pdf").write_bytes(text_pdf("one of two", "two of two"))
        table = [
            ["LNG0001", "LNG0001", ".\\NATIVES\\long.pdf"],
            ["LNG0002", "LNG0003", ".\\NATIVES\\two.pdf"],
        ]
        dat = folder / "LONG001.dat"
        dat.write_bytes(write_dat(["BEGBATES", "ENDBATES", "NATIVEPATH"], table))
        report = ws.imports.volume(folder, dat)
        assert len(report.imported) == 2
        kept = assert_kept(ws)
        long, two = (kept[i.control] for i in report.imported)
        assert str(long[0]) == str(long[1]) == "LNG0001"
        assert (str(two[0]), str(two[1])) == ("LNG0002", "LNG0003")
    finally:
        operator.close()


def test_the_migration_stamps_the_documents_already_numbered(ws: Workspace) -> None:
    from alembic import command

    from clawback.storage.db import _config

    first, withheld = docs(ws, 2, pages=3)
    ws.productions.produce([first], "MG-000001", "MV1")
    ws.productions.produce([withheld], None, "MV2", continue_from="MG-", withhold={withheld: "w"})
    ws.ingest.ingest(text_pdf("never produced"), title="not numbered")
    engine = ws.ctx.workspace.engine
    command.downgrade(_config(engine), "0023")
    command.upgrade(_config(engine), "0024")
    kept = assert_kept(ws)
    assert str(kept[first][0]) == "MG-000001" and kept[withheld][2:] == ("MG", 4)
    assert sum(k == (None, None, None, None) for k in kept.values()) == 1
