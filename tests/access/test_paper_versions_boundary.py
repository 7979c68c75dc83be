"""A filed paper's versions (``filed_papers.public_version``: public, highlighted, sealed) made
by a reader a claim keeps some of its words from are made from the paper as that reader has it,
never from the paper as lodged.

ECF No. 102 is on the public docket; a claim over its item ``q-advice`` (the words of
`SECRET`) is pending, so its words are withheld from the receiving side. Before: receiving
counsel, asking for the paper's versions (a seat that files briefs may), was written
``sealed/ECF-102.pdf`` (the paper as lodged) and ``highlighted/ECF-102.pdf`` (the same,
highlighted), both carrying the words their page text, copy and picture withhold. The
producing side, which reads the paper as filed, still gets the paper as lodged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf
import pytest

from clawback.service import Via
from tests.service.test_filed_papers import SECRET, pleading_pdf
from tests.started import start

PRODUCING = "pc@defendants.test"
COUNSEL = "rc@plaintiffs.test"


def _text(path: Path) -> str:
    with pymupdf.open(path) as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)


@pytest.mark.parametrize("reader", [COUNSEL, PRODUCING])
def test_a_papers_versions_carry_no_word_a_claim_keeps_from_their_maker(
    tmp_path: Path, reader: str
) -> None:
    op = start(tmp_path / "ws")
    op.people.add(PRODUCING, name="PC", side="producing", category="counsel")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    paper = pleading_pdf(tmp_path / "paper.pdf").read_bytes()
    op.filed_papers.enter(paper, "102", "brief", "Opposition quoting advice")
    op.filed_papers.item("102", "q-advice", "page 2, line 3", "advice quoted")
    op.claims.claim(
        "c-item",
        privilege="attorney_client",
        papers=["102"],
        items=["q-advice"],
        on=date(2020, 6, 1),
    )
    record = op.ctx.workspace.person(reader, Via.web)
    made = record.filed_papers.public_version("102", tmp_path / "out")
    texts = {kind: _text(path) for kind, path in made.items()}
    assert sorted(texts) == ["highlighted", "public", "sealed"]
    assert SECRET not in texts["public"]
    if reader == COUNSEL:  # the words are withheld from them: in no version they are given
        assert not [k for k, text in texts.items() if SECRET in text], texts
        assert SECRET not in record.filed_papers.page_text("102", 2)  # as their page reads
    else:  # the producing side reads the paper as filed: the sealed version is as lodged
        assert SECRET in texts["sealed"] and SECRET in texts["highlighted"]
