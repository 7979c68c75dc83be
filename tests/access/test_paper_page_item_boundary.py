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
import pytest

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


@pytest.mark.xfail(
    strict=True,
    reason="a paper's page named whole is boxed line by line as text, and the gate refuses "
    "it: the receiving side's copy fails (closed); it wants a whole-page box (module doc)",
)
def test_a_page_claimed_whole_is_copied_to_the_receiving_side_without_its_words(
    tmp_path: Path,
) -> None:
    counsel = _claimed_whole(tmp_path)
    with pymupdf.open(stream=counsel.filed_papers.copy("102"), filetype="pdf") as copy:
        drawn = " ".join(copy[1].get_text().split())
    assert not [w for w in WORDS if w in drawn], drawn
