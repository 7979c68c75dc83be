"""An item naming a filed paper's page whole (``page 2``), under a pending claim: none of the
page's words reaches the receiving side, in its text or in its copy.

Before: the item's words are the page's lines, the pleading margin's numbers among them; its
page text was masked one line at a time in the item's order, so "3" was masked inside
"3. Nothing else on this page is privileged." before that line was, which then no longer
read as itself and stayed: receiving counsel read it. Now the longest words are masked first.

Left open (strict xfail): the copy, the picture and the versions of such a paper fail for the
receiving side (closed, never leaking): the page's lines, margin numbers among them, are
boxed one by one as text and the gate refuses the result ("secret ... is shorter than 4
characters", or the width check on the boxes). A page named whole wants a whole-page box, as
an exhibit's whole-page item gets (`filing.item_redactions`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf

from clawback.service import Record, Via
from tests.service.test_filed_papers import BODY, pleading_pdf
from tests.started import start

COUNSEL = "rc@plaintiffs.test"
WORDS = [line.split(" ", 1)[1] for line in BODY[2].values()]  # each line less its number


def _claimed_whole(tmp_path: Path) -> Record:
    """Receiving counsel, over ECF No. 102 whose page 2 a pending claim names whole."""
    op = start(tmp_path / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.filed_papers.enter(pleading_pdf(tmp_path / "p.pdf").read_bytes(), "102", "brief", "Opp")
    op.filed_papers.item("102", "q-page", "page 2", "the whole page")
    day = date(2020, 6, 1)
    op.claims.claim("c1", privilege="attorney_client", papers=["102"], items=["q-page"], on=day)
    return op.ctx.workspace.person(COUNSEL, Via.web)


def test_a_page_claimed_whole_is_read_by_the_receiving_side_without_its_words(
    tmp_path: Path,
) -> None:
    counsel = _claimed_whole(tmp_path)
    text = " ".join(counsel.filed_papers.page_text("102", 2).split())
    assert not [w for w in WORDS if w in text], text
    assert "PLAINTIFF'S OPPOSITION" in " ".join(counsel.filed_papers.page_text("102", 1).split())


def test_a_page_claimed_whole_is_copied_to_the_receiving_side_blanked_and_nothing_else(
    tmp_path: Path,
) -> None:
    """The copy's page 2 is one box, as an exhibit's page named whole is (one rule,
    ``filing.item_boxes``); page 1 is as filed; the picture of page 2 is served."""
    counsel = _claimed_whole(tmp_path)
    with pymupdf.open(stream=counsel.filed_papers.copy("102"), filetype="pdf") as copy:
        assert copy.page_count == 2
        drawn = " ".join(copy[1].get_text().split())
        first = " ".join(copy[0].get_text().split())
    assert not [w for w in WORDS if w in drawn], drawn
    assert "PLAINTIFF'S OPPOSITION" in first
    assert counsel.filed_papers.page_image("102", 2, dpi=20).startswith(b"\x89PNG")


def test_a_page_claimed_whole_is_in_no_version_the_receiving_side_makes(tmp_path: Path) -> None:
    """Its public, highlighted and sealed versions are made, page 2 blank in each."""
    counsel = _claimed_whole(tmp_path)
    made = counsel.filed_papers.public_version("102", tmp_path / "out")
    for path in made.values():
        with pymupdf.open(path) as pdf:
            drawn = " ".join(pdf[1].get_text().split())
        assert not [w for w in WORDS if w in drawn], (path, drawn)


def test_a_page_named_whole_in_a_seal_part_is_blank_in_the_public_version(
    tmp_path: Path,
) -> None:
    """The next member: a paper sealed in part, the part naming a page whole. Its public
    version failed closed (each line boxed as text; the width check refused the boxes); now
    the page is one box (``paper_seals.targets``: a target of no text) and page 1 is kept."""
    op = start(tmp_path / "ws")
    op.filed_papers.enter(pleading_pdf(tmp_path / "p.pdf").read_bytes(), "102", "brief", "Opp")
    op.filed_papers.item("102", "q-page", "page 2", "the whole page")
    made = op.filed_papers.public_version("102", tmp_path / "out", items=["q-page"])
    with pymupdf.open(made["public"]) as public:
        drawn = " ".join(public[1].get_text().split())
        first = " ".join(public[0].get_text().split())
    assert not [w for w in WORDS if w in drawn], drawn
    assert "PLAINTIFF'S OPPOSITION" in first
