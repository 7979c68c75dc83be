"""`clawback read-index`: an exhibit index read into exhibit -> Bates pairs, matched with the
record (SQLite and PostgreSQL), every mismatch and typo one line; nothing bound without
--apply."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import docx
import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.domain.errors import NotPermitted
from clawback.domain.exhibit_index import read_index
from clawback.papers.text import paper_text
from clawback.service import URL_SETTING, Workspace
from tests.service.test_received import received_pdf, volume
from tests.service.test_workspace import text_pdf

INDEX = """EXHIBIT INDEX TO THE DECLARATION OF A. HALASKA
Exhibit | Bates | Description
Ex. 1 | ABC0001-0002 | E-mail from J. Smith, March 3, 2019
Exhibit 2    ABC 0003-05    Its attachment, a spreadsheet
  (continued: cover page and two tabs)
Ex. 3 | ABC0006 | Memorandum
Ex. 4 | ABC0007-0010 | Field report
Ex. 5 | ABC00O123 | Slide deck
Ex. 6 | ABC0003-0004 | Part of the attachment
Ex. 9 | ABC0001-0002 | The e-mail again, under another number
Ex. 10 | | To be produced
"""


def test_the_index_is_read_row_by_row_with_no_record() -> None:
    reading = read_index(INDEX)
    assert [str(r) for r in reading.rows] == [
        "Ex. 1: ABC0001-002",
        "Ex. 2: ABC0003-005",
        "Ex. 3: ABC0006",
        "Ex. 4: ABC0007-010",
        "Ex. 6: ABC0003-004",
        "Ex. 9: ABC0001-002",
    ]
    assert [r.line for r in reading.rows] == [3, 4, 6, 7, 9, 10]
    assert [str(p) for p in reading.problems] == [
        "line 8: 'ABC00O123' has a letter among its digits: 'ABC000123' meant?",
        "line 11: Ex. 10 has no Bates number",
    ]


TABLE = [
    ("Ex. 1", "ABC0001-0002", "E-mail"),
    ("Ex. 2", "ABC 0003-05", "Its attachment"),
    ("Ex. 3", "ABC0006", "Memorandum"),
]


def _docx_table(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("EXHIBIT INDEX")
    table = document.add_table(rows=0, cols=3)
    for cells in TABLE:
        row = table.add_row()
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.save(str(path))
    return path


def _pdf_table(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "EXHIBIT INDEX", fontsize=11)
    for k, cells in enumerate(TABLE):
        for x, value in zip((72, 140, 300), cells, strict=True):
            page.insert_text((x, 100 + 16 * k), value, fontsize=11)
    doc.save(path)
    doc.close()
    return path


@pytest.mark.parametrize("make", [_docx_table, _pdf_table], ids=["docx", "pdf"])
def test_an_index_table_in_docx_or_pdf(make: Callable[[Path], Path], tmp_path: Path) -> None:
    suffix = ".docx" if make is _docx_table else ".pdf"
    reading = read_index(paper_text(make(tmp_path / f"index{suffix}"), rows=True))
    assert [str(r) for r in reading.rows] == [
        "Ex. 1: ABC0001-002",
        "Ex. 2: ABC0003-005",
        "Ex. 3: ABC0006",
    ]
    assert reading.problems == ()


@dataclass
class Books:
    """A workspace and the database it is bound to."""

    root: Path
    url: str

    def open(self) -> Workspace:
        return Workspace.open(self.root, self.url)


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Books]:
    """Three produced documents, ABC0001-0002, ABC0003-0005 and ABC0006 (already Ex. 9)."""
    root = tmp_path / "ws"
    record = Workspace.init(root, database_url).operator()
    record.matter.load_case(reference_case())
    record.ingest.ingest(text_pdf("e-mail", "page two"), title="e-mail")
    record.ingest.ingest(text_pdf("sheet", "tab one", "tab two"), title="attachment")
    record.ingest.ingest(text_pdf("memo"), title="memo", exhibit=9)
    record.productions.produce(["DOC-000001", "DOC-000002", "DOC-000003"], "ABC0001", "V1")
    record.close()
    yield Books(root, database_url)


EXPECTED = [
    "line 3: Ex. 1: ABC0001-002 = DOC-000001 (to bind)",
    "line 4: Ex. 2: ABC0003-005 = DOC-000002 (to bind)",
    "line 6: Ex. 3: ABC0006: DOC-000003 (ABC0006) is already Ex. 9",
    "line 7: Ex. 4: ABC0007-010 is not a produced page in the record",
    "line 8: 'ABC00O123' has a letter among its digits: 'ABC000123' meant?",
    "line 9: Ex. 6: ABC0003-004 is part of DOC-000002 (ABC0003-005)",
    "line 10: Ex. 9: ABC0001-002: Ex. 9 is already DOC-000003 (ABC0006)",
    "line 11: Ex. 10 has no Bates number",
]


def run(ws: Books, index: Path, *more: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(
        app, ["read-index", str(index), "-w", str(ws.root), *more], env={URL_SETTING: ws.url}
    )
    return result.exit_code, result.output.splitlines()


def test_every_mismatch_said_and_only_apply_binds_the_rows_that_match(
    ws: Books, tmp_path: Path
) -> None:
    index = tmp_path / "index.txt"
    index.write_text(INDEX)
    status, lines = run(ws, index)
    assert status == 1
    assert sorted(lines) == sorted(EXPECTED)
    assert run(ws, index) == (status, lines)  # reading bound nothing
    workspace = ws.open()
    workspace.operator().people.add(
        "staff@producing.example", name="staff", side="producing", category="counsel"
    )
    with pytest.raises(NotPermitted):  # a preview reads only
        workspace.preview("staff@producing.example").exhibit_index.apply(INDEX)
    workspace.close()
    status, lines = run(ws, index, "--apply")
    assert status == 1
    bound = [line for line in lines if line.endswith("-> bound")]
    assert bound == [
        "line 3: Ex. 1: ABC0001-002 = DOC-000001 (to bind) -> bound",
        "line 4: Ex. 2: ABC0003-005 = DOC-000002 (to bind) -> bound",
    ]
    _, again = run(ws, index)
    assert again[:2] == [
        "line 3: Ex. 1: ABC0001-002 = DOC-000001 (already bound)",
        "line 4: Ex. 2: ABC0003-005 = DOC-000002 (already bound)",
    ]
    now_bound = "line 10: Ex. 9: ABC0001-002: DOC-000001 (ABC0001-002) is already Ex. 1"
    assert again[2:] == [
        now_bound if line.startswith("line 10:") else line for line in EXPECTED[2:]
    ]


def test_one_document_under_two_exhibits_binds_neither(ws: Books, tmp_path: Path) -> None:
    """Also: one prefix in two widths names the same pages."""
    index = tmp_path / "index.txt"
    index.write_text("Ex. 1 | ABC0001-0002 | e-mail\nEx. 7 | ABC000001 - ABC000002 | again\n")
    status, lines = run(ws, index, "--apply")
    assert status == 1
    assert lines == [
        "line 1: Ex. 1: ABC0001-002: DOC-000001 is named twice: Ex. 1 (line 1), Ex. 7 (line 2)",
        "line 2: Ex. 7: ABC000001-002: DOC-000001 is named twice: Ex. 1 (line 1), Ex. 7 (line 2)",
    ]


def test_a_page_the_reader_may_not_see_reads_as_absent(ws: Books, tmp_path: Path) -> None:
    """The receiving side's own volume is no page of the producing side's record: its Bates
    numbers answer exactly as numbers nobody stamped."""
    workspace = ws.open()
    operator = workspace.operator()
    operator.people.add(
        "counsel@plaintiffs.example", name="p", side="receiving", category="counsel"
    )
    operator.people.add("counsel@defense.example", name="d", side="producing", category="counsel")
    theirs = volume(tmp_path / "vol", [("OTH0000001", "OTH0000001", "", "", received_pdf("x"))])
    assert workspace.person("counsel@plaintiffs.example").imports.volume(theirs).problems == []
    index = "Ex. 20 | OTH0000001 | theirs\nEx. 21 | OTH0000009 | nobody's\n"
    producing = workspace.person("counsel@defense.example").exhibit_index.read(index)
    assert [str(p) for p in producing.problems] == [
        "line 1: Ex. 20: OTH0000001 is not a produced page in the record",
        "line 2: Ex. 21: OTH0000009 is not a produced page in the record",
    ]
    (seen,) = operator.exhibit_index.read(index).matches  # the operator sees every collection
    assert (str(seen.row.exhibit), seen.control) == ("20", "RCV-000001")
    workspace.close()


def test_a_row_wrapped_onto_the_next_line_keeps_its_bates_number() -> None:
    """A description too long for its cell pushes the Bates cell onto the next line."""
    text = (
        "Ex. 7    E-mail from J. Smith to the field office re the March 3\n"
        "         meeting and its attachments    ABC0007-0010\n"
        "Ex. 8    Memorandum    ABC0011\n"
    )
    reading = read_index(text)
    assert [(str(r), r.line) for r in reading.rows] == [
        ("Ex. 7: ABC0007-010", 1),
        ("Ex. 8: ABC0011", 3),
    ]
    assert reading.problems == ()


def test_a_bates_number_on_no_row_is_said_not_dropped() -> None:
    """A table read column by column (as a PDF's text layer often gives it): the exhibit
    numbers, then the descriptions, then the Bates cells; no row can be paired, and the
    pages are said rather than silently left out."""
    text = (
        "PLAINTIFF'S EXHIBIT LIST\n"
        "Trial Exhibit No.\n"
        "1. 2. 3.\n"
        "\n"
        "Description Certified Copy of U.S. Patent 5,994,329 Kenyon Opinion Letter\n"
        "\n"
        "T 007339-007473; T 007597-007599\n"
    )
    reading = read_index(text, ["T "])
    assert reading.rows == ()
    assert [str(p) for p in reading.problems] == [
        "no exhibit row found: a row starts with its exhibit (Ex. 12 | ABC0001-0014 | ...)",
        "line 7: T 007339-473, 007597-599 is on no exhibit's row (a table read column by column?)",
    ]


def test_an_index_with_no_row_at_all_says_so() -> None:
    reading = read_index("INDEX TO DEFERRED APPENDIX\nJA Tab Page Date Filer\n1 1-160 FCC Order\n")
    assert [str(p) for p in reading.problems] == [
        "no exhibit row found: a row starts with its exhibit (Ex. 12 | ABC0001-0014 | ...)"
    ]


def test_trial_exhibit_labels_start_rows() -> None:
    """A trial exhibit list numbers its rows with a party's letters (as the real lists in
    tests/papers/real/ do), one to a line, each maybe opened by a site's margin mark."""
    text = (
        "JOINT ADMITTED TRIAL EXHIBIT LIST\n"
        "EX. NO.    DESCRIPTION    BATES\n"
        "`JTX 001    U.S. Patent No. 8,242,158    HOS0001-0012\n"
        "PTX-005 | Precedex Pre-Mix Research Deck | HOS0013-0020\n"
        "DTX # 4    Daifotis & Karpf, Summary of Safety Profile    MK 0229494-0229497\n"
        "CX-0001\n"
    )
    reading = read_index(text)
    assert [str(r) for r in reading.rows] == [
        "Ex. JTX 001: HOS0001-012",
        "Ex. PTX-005: HOS0013-020",
        "Ex. DTX # 4: MK 0229494-497",
    ]
    assert [str(p) for p in reading.problems] == ["line 6: Ex. CX-0001 has no Bates number"]


def test_a_slip_sheet_a_title_or_another_paper_s_exhibit_is_no_row() -> None:
    """The filing's own slip sheet (``EXHIBIT 3B``) and its title, and a description naming
    an exhibit of another paper (``Ex. A of the Opening Expert Report``), as the real lists
    in tests/papers/real/ have them, are not rows of the index."""
    text = (
        "EXHIBIT 3B\n"
        "EXHIBIT 3B DEFENDANT'S TRIAL EXHIBIT LIST AND PLAINTIFF'S OBJECTIONS THERETO\n"
        "EXHIBIT 3A PLAINTIFF'S EXHIBIT LIST AND DEFENDANT'S OBJECTIONS THERETO Merck v. Teva "
        "USA, C.A. No. 04-939 (GMS) Trial Exhibit No.\n"
        "Ex. A of Opening Expert Report of Michael Ramsay - CV\n"
        "Exhibit 2 to the Deposition of J. Smith\n"
        "Ex. 5 | ABC0001-0003 | E-mail\n"
        "EXHIBIT 6    ABC0004    MEMO\n"
    )
    reading = read_index(text)
    assert [str(r) for r in reading.rows] == ["Ex. 5: ABC0001-003", "Ex. 6: ABC0004"]
    assert reading.problems == ()


def test_begbates_and_endbates_cells_are_one_range_and_a_description_s_bates_is_no_page() -> None:
    """A trial exhibit list's BEGBATES and ENDBATES columns name one range; a number the
    description mentions is a reference, not the exhibit's pages."""
    text = (
        "Exhibit No.\tBegBates\tEndBates\tDescription\n"
        "PX 0001\tGOOG-DOJ-00012345\tGOOG-DOJ-00012350\tE-mail from S. Pichai\n"
        "PX 0002\tGOOG-DOJ-00012351\tGOOG-DOJ-00012351\tSlide\n"
        "Ex. 5 | ABC0001-0003 | E-mail forwarding ABC0010 to the team\n"
        "Ex. 7 E-mail at ABC0011\n"
    )
    assert [str(r) for r in read_index(text).rows] == [
        "Ex. PX 0001: GOOG-DOJ-00012345-350",
        "Ex. PX 0002: GOOG-DOJ-00012351",
        "Ex. 5: ABC0001-003",
        "Ex. 7: ABC0011",
    ]
