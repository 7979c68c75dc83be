"""An item whose words are shorter than the gate can look for ("42") is redacted in the
receiving side's copy of an exhibit, as the filings redact it.

Before: a ruling granted such an item, and receiving counsel's download and page picture of
the exhibit failed ("secret 'i-42' is shorter than 4 characters ..."): the redacted view gave
the gate every text of the granted items, where the filings give it only those long enough to
find (`filing.checked_texts`). The page's text already read ``[REDACTED]`` there."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pymupdf

from clawback.service import Via
from tests.ingest.make import text_pdf
from tests.started import start

COUNSEL = "rc@other.test"


def test_a_short_item_granted_is_redacted_in_the_receiving_sides_copy(tmp_path: Path) -> None:
    op = start(tmp_path / "ws")
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    (doc,), _ = op.ingest.ingest_file(text_pdf("Account 42 was paid in full"), "a.pdf", exhibit=1)
    op.productions.produce([doc], "TST-00000001", "VOL1")
    op.items.define("TST-00000001", "i-42", "TST-00000001", "the account", ["42"])
    op.claims.claim("c1", privilege="attorney_client", exhibits=[1], items=["i-42"])
    op.claims.rule("c1", "granted", items=["i-42"], on=date(2020, 6, 5))
    counsel = op.ctx.workspace.person(COUNSEL, Via.web)
    with pymupdf.open(stream=counsel.reads.download("TST-00000001").pdf, filetype="pdf") as pdf:
        drawn = " ".join(pdf[0].get_text().split())
    assert "Account" in drawn and "paid in full" in drawn, drawn
    assert " 42 " not in drawn, drawn
    assert counsel.reads.page_image("TST-00000001", dpi=20).startswith(b"\x89PNG")
