"""Names a person gives records (a claim's id, an item's id, a seal motion's docket number)
are parsed once where they enter: one holding a control character (a line break, an escape, a
bidirectional override) is refused, so no answer, mail subject, log line or export carries it.
And the audit trail's CSV export holds every cell as text a spreadsheet shows, never runs (as
the privilege log's does, by the same function), while still verifying byte for byte."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import InvalidInput
from clawback.service import Workspace
from clawback.storage.audit_export import verify_export
from tests.access.test_enforcement import one_page

DAY = date(2020, 6, 1)
FORMULA = '=HYPERLINK("http://evil.example","open")'


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root = tmp_path_factory.mktemp("ids") / "ws"
    ws = Workspace.init(root, f"sqlite:///{root / 'clawback.db'}").operator()
    ws.matter.load_case(reference_case())
    ws.ingest.ingest(one_page(1), title="memo", exhibit=1)
    ws.productions.produce([1], "TST-00000001", "V1")
    yield ws
    ws.close()


@pytest.mark.parametrize(
    "given", ["c\n1", "c\r1", "c\x1b[31m1", "c\u202e1", "c\u20281", "c\x001", " c1", "c1\t"]
)
def test_a_claim_or_item_id_with_a_control_character_is_refused(ws: Workspace, given: str) -> None:
    with pytest.raises(InvalidInput, match="not a claim id"):
        ws.claims.claim(given, privilege="law_enforcement", exhibits=[1])
    with pytest.raises(InvalidInput, match="not an item id"):
        ws.items.define(1, given, "TST-00000001", "a word", ["Memo"])
    with pytest.raises(InvalidInput, match="not a motion's docket number"):
        ws.sealing.move_to_seal(given, exhibits=[1], kind="non_dispositive", filed_on=DAY)
    assert not [c for c in ws.claims.status() if c["claim"] == given]


def test_the_trail_csv_shows_a_formula_as_text_and_still_verifies(
    ws: Workspace, tmp_path: Path
) -> None:
    ws.claims.claim(FORMULA, privilege="law_enforcement", exhibits=[1])
    ws.claims.claim("'quoted", privilege="law_enforcement", exhibits=[1])
    for claim in (FORMULA, "'quoted"):  # an entry whose subject is the claim's id
        ws.claims.advance(claim, "withdrawn")
    out = tmp_path / "trail.csv"
    ws.audit.export(out, "csv")
    with out.open(newline="", encoding="utf-8") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert FORMULA not in cells and "'" + FORMULA in cells
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert verify_export(out) == []
    assert "''quoted" in cells  # a quote of its own is quoted too: read back as written
    out.write_text(out.read_text().replace("''quoted", "'quoted"))
    assert verify_export(out) != []  # the quoting is part of what the file says
