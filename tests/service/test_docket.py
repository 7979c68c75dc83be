"""The docket as a person reads it (``service.docket``), on SQLite and PostgreSQL: papers in
docket order with their items, the access rule in the listing's query (a paper designated AEO
in the step that enters it is absent to a party employee, not counted; lodged under seal, to
the public), a paper's pages by number with the items drawn only for the seats that read it
as filed; a designation asked of a seat that may not designate, or a tier the order lacks,
is refused before anything is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.domain.errors import NotFound, NotPermitted
from clawback.domain.pinpoints import FiledKind
from clawback.service import Record
from clawback.storage import tables as t
from tests.service.test_filed_papers import SECRET, pleading_pdf

PEOPLE = {
    "counsel@defendants.example": ("producing", "counsel"),
    "counsel@plaintiffs.example": ("receiving", "counsel"),
    "staff@plaintiffs.example": ("receiving", "party_officers_directors_employees"),
    "clerk@court.example": ("court", "court"),
    "reporter@press.example": ("public", "public"),
}


@pytest.fixture
def docket(ws: Record, tmp_path: Path) -> Record:
    """Three papers entered by producing counsel: 102 open, 101-33 lodged under seal and
    designated AEO, 101-4 lodged under seal alone; an item on page 2 of each of the first."""
    for email, (side, category) in PEOPLE.items():
        ws.people.add(email, name=email, side=side, category=category)
    pdf = pleading_pdf(tmp_path / "paper.pdf").read_bytes()
    producing = ws.ctx.workspace.person("counsel@defendants.example")
    papers = producing.filed_papers
    papers.enter(pdf, "ECF No. 102", FiledKind.brief, "Opposition")
    papers.enter(pdf + b"\n", "101-33", "declaration", "Sealed", under_seal=True, designation="AEO")
    papers.enter(pdf + b"\n\n", "Dkt. 101-4", FiledKind.order, "Order", under_seal=True)
    papers.item("102", "q-open", "page 2, lines 3-4", "advice")
    papers.item("101-33", "q-sealed", "page 2, line 3", "advice")
    return ws


def entries(record: Record) -> list[str]:
    return [d.paper.docket for d in record.docket.papers()]


def test_each_seat_lists_the_papers_it_may_see_in_docket_order(docket: Record) -> None:
    as_ = docket.ctx.workspace.person
    assert entries(docket) == ["101-4", "101-33", "102"]
    assert entries(as_("clerk@court.example")) == ["101-4", "101-33", "102"]
    assert entries(as_("counsel@plaintiffs.example")) == ["101-4", "101-33", "102"]  # served
    assert entries(as_("staff@plaintiffs.example")) == ["101-4", "102"]  # AEO: not admitted
    assert entries(as_("reporter@press.example")) == ["102"]  # the public docket alone
    (listed,) = as_("reporter@press.example").docket.papers()
    assert (listed.sealed, listed.designation) == (False, None)
    assert [str(i.at) for i in listed.paper.items] == ["page 2, lines 3-4"]
    sealed = as_("clerk@court.example").docket.papers()[1]
    assert (sealed.sealed, sealed.designation) == (True, "AEO")


def test_a_page_opens_by_number_and_the_items_are_drawn_for_who_reads_it_as_filed(
    docket: Record,
) -> None:
    as_ = docket.ctx.workspace.person
    court = as_("clerk@court.example").docket.page("ECF No. 101-33", 2)
    assert SECRET in court.text and (court.before, court.after) == (1, None)
    assert [i.id for i in court.drawn] == ["q-sealed"]
    assert as_("clerk@court.example").docket.page("101-33", 1).drawn == ()  # item on page 2
    employee = as_("staff@plaintiffs.example").docket
    seen = employee.page("102", 2)
    assert SECRET in seen.text and seen.drawn == ()
    assert employee.page_image("102", 1, dpi=20).startswith(b"\x89PNG")
    for reader, entry in ((employee, "101-33"), (as_("reporter@press.example").docket, "101-4")):
        with pytest.raises(NotFound, match=rf"^no filed paper ECF No\. {entry}$"):
            reader.page(entry, 1)
        with pytest.raises(NotFound, match=rf"^no filed paper ECF No\. {entry}$"):
            reader.page_image(entry, 1)
    with pytest.raises(NotFound, match=r"^ECF No\. 102 has no page 3 \(2 pages\)$"):
        employee.page("102", 3)


def test_a_designation_is_refused_before_anything_is_stored(docket: Record, tmp_path: Path) -> None:
    pdf = pleading_pdf(tmp_path / "other.pdf").read_bytes() + b"%new\n"

    def stored() -> int:
        with docket.ctx.workspace.sessions() as s:
            return s.scalar(select(func.count()).select_from(t.Document)) or 0

    before = stored()
    counsel = docket.ctx.workspace.person("counsel@plaintiffs.example").filed_papers
    with pytest.raises(NotPermitted, match="may not designate documents"):
        counsel.enter(pdf, "110", FiledKind.brief, designation="AEO")
    producing = docket.ctx.workspace.person("counsel@defendants.example").filed_papers
    with pytest.raises(NotFound, match="no tier 'Secret'"):
        producing.enter(pdf, "110", FiledKind.brief, designation="Secret")
    assert stored() == before


def test_a_page_whose_text_is_redacted_for_a_reader_has_no_picture_for_them(
    docket: Record,
) -> None:
    """Until the picture applies what the text withholds (a ruling over a paper's item), the
    picture fails closed: a reader of the redacted text gets none; the court still does."""
    with docket.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.docket == "102"))
        assert doc is not None
        page = s.scalar(select(t.Page).where(t.Page.document_id == doc.id, t.Page.idx == 1))
        assert page is not None
        page.redacted_text = page.text.replace(SECRET, "[REDACTED]")
    as_ = docket.ctx.workspace.person
    employee = as_("staff@plaintiffs.example").docket
    assert SECRET not in employee.page("102", 2).text
    with pytest.raises(NotFound, match=r"^no picture of page 2 of ECF No\. 102$"):
        employee.page_image("102", 2, dpi=20)
    assert employee.page_image("102", 1, dpi=20).startswith(b"\x89PNG")
    assert as_("clerk@court.example").docket.page_image("102", 2, dpi=20).startswith(b"\x89PNG")


def test_a_claimed_items_words_are_off_the_receiving_sides_picture_of_the_page(
    docket: Record,
) -> None:
    """Producing counsel claws back an item of an open paper: the receiving side's page text
    and page picture both lack its words (the picture made from the paper less the claimed
    item, truly redacted); the court's picture keeps them."""
    docket.ctx.workspace.person("counsel@defendants.example").claims.claim(
        "c1", privilege="attorney_client", papers=["ECF No. 102"], items=["q-open"]
    )
    as_ = docket.ctx.workspace.person
    for email in ("counsel@plaintiffs.example", "staff@plaintiffs.example"):
        reader = as_(email).docket
        assert SECRET not in reader.page("102", 2).text, email
        png = reader.page_image("102", 2, dpi=150)
        assert "Hanna" not in _ocr(png), email
    assert "Hanna" in _ocr(as_("clerk@court.example").docket.page_image("102", 2, 150))


def _ocr(png: bytes) -> str:
    import subprocess

    done = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "6"], input=png, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8", "replace")
