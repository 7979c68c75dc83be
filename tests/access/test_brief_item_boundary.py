"""A brief's proposals and citations tell its filer no item the filer is not told of.

An item is the producing side's preparation (and the court's) until a claim over its exhibit,
a ruling on one or a seal of it in part names it (``Reads.show`` lists no other). Before:
receiving counsel, proposing the redactions of a brief quoting a Confidential exhibit they
read, was told "names item ocelot-code on TST-00000001 (Confidential)": the id of an item the
producing side had defined and no claim named, and that the quoted words were the item's.
Once a claim names the item, its filer is told it, as ``show`` tells it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.service import Record, Via
from tests.ingest.make import text_pdf
from tests.service.test_briefs import brief_pdf
from tests.started import start

COUNSEL = "rc@other.test"
CODE = "FIR-2018-12-004417"
BRIEF = brief_pdf(f'Defendants report "{CODE}" at TST-00000001.')


@pytest.fixture
def op(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Record]:
    op = start(tmp_path_factory.mktemp("brief") / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    [report], _ = op.ingest.ingest_file(text_pdf(f"The code is {CODE} here"), "r.pdf", exhibit=1)
    op.designations.designate(report, "Confidential")
    op.productions.produce([report], "TST-00000001", "VOL1")
    op.items.define(1, "ocelot-code", "TST-00000001", "database code", [CODE])
    yield op
    op.ctx.workspace.close()


def test_a_brief_is_told_no_item_its_filer_is_not_told_of(op: Record) -> None:
    counsel = op.ctx.workspace.person(COUNSEL, Via.web)
    assert counsel.reads.show(1)["items"] == []  # no claim names it: not theirs to know
    said = repr(counsel.briefs.propose(BRIEF)) + repr(counsel.briefs.citations(BRIEF))
    assert "ocelot" not in said, said
    assert CODE in said  # the quotation of a Confidential page is still proposed
    assert "ocelot-code" in repr(op.briefs.propose(BRIEF))  # the producing side's own item
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=["ocelot-code"])
    op.claims.rule("c1", "denied")
    assert "ocelot-code" in repr(counsel.briefs.propose(BRIEF))  # named by the claim now
