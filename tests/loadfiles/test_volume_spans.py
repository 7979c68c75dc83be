"""Two things a volume import lost: a record whose native has more pages than its Bates span
(a native produced under its one slip-sheet number) was refused, and the same native in two
volumes became two unrelated documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.loadfiles import write_dat
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import text_pdf


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("spans") / "ws"
    workspace = Workspace.init(root).operator()
    workspace.matter.load_case(reference_case())
    workspace.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
    workspace = workspace.ctx.workspace.person("rc@other.test")
    yield workspace
    workspace.close()


def _volume(folder: Path, name: str, rows: list[tuple[str, str, str, bytes]]) -> Path:
    """A volume named `name`: one record per row (begin, end, native file name, its bytes)."""
    (folder / "NATIVES").mkdir(parents=True)
    for _, _, native, data in rows:
        (folder / "NATIVES" / native).write_bytes(data)
    table = [[begin, end, f".\\NATIVES\\{native}"] for begin, end, native, _ in rows]
    (folder / f"{name}.dat").write_bytes(write_dat(["BEGBATES", "ENDBATES", "NATIVEPATH"], table))
    return folder / f"{name}.dat"


def test_a_native_longer_than_its_span_is_imported_whole_and_said(
    ws: Workspace, tmp_path: Path
) -> None:
    three = text_pdf("first page of the native", "second page", "third page")
    dat = _volume(tmp_path / "v1", "LONG001", [("LNG0001", "LNG0001", "report.pdf", three)])
    report = ws.imports.volume(tmp_path / "v1", dat)
    [imported] = report.imported  # today: refused, "LNG0001 names 1 pages, the document has 3"
    assert imported.pages == 3
    assert report.problems == [
        "row 1 (LNG0001): LNG0001 names 1 page, the document has 3: imported whole, its first "
        "page numbered LNG0001, 2 pages without a Bates number"
    ]
    with ws.transaction() as s:
        numbers = s.scalars(
            select(t.Page.bates)
            .join(t.Document, t.Document.id == t.Page.document_id)
            .where(t.Document.control == imported.control)
            .order_by(t.Page.idx)
        ).all()
    assert [str(n) if n else None for n in numbers] == ["LNG0001", None, None]
    shown = ws.reads.show(imported.control)  # still shown, by the numbers it has
    assert str(shown["bates"]) == "LNG0001"
    said = [w for c, w in ws.reads.partial_reads() if c == imported.control]
    assert said == [report.problems[0].split(": ", 1)[1]]


def test_the_same_native_in_a_later_volume_is_a_duplicate_of_the_earlier_document(
    ws: Workspace, tmp_path: Path
) -> None:
    memo = text_pdf("The same memo, produced twice")
    first = _volume(tmp_path / "a", "VOLA", [("AAA0001", "AAA0001", "memo.pdf", memo)])
    [earlier] = ws.imports.volume(tmp_path / "a", first).imported
    second = _volume(tmp_path / "b", "VOLB", [("BBB0001", "BBB0001", "memo-copy.pdf", memo)])
    report = ws.imports.volume(tmp_path / "b", second)
    [later] = report.imported
    assert later.duplicates == (earlier.control,)  # today: (), a second unrelated document
    assert report.problems == [
        f"row 1 (BBB0001): its file is byte for byte that of {earlier.control} (volume VOLA, "
        f"AAA0001): imported as {later.control}, recorded as a duplicate of {earlier.control}"
    ]
    with ws.transaction() as s:
        meta = dict(
            s.execute(
                select(t.Document.control, t.Document.meta).where(
                    t.Document.control.in_([earlier.control, later.control])
                )
            ).all()
        )
    assert meta[earlier.control]["duplicates"] == [later.control]
    assert meta[later.control]["duplicates"] == [earlier.control]
