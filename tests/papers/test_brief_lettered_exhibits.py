"""A brief's lettered exhibits matched with the record by identifier, as the workspace names
them (``Ex. A``, ``Ex. 5-A``): what each cites, and each one the record does not hold said as
a mismatch, as a numbered one is. Real PDFs, a real workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.domain.exhibit_ids import ExhibitId
from clawback.service import Record
from tests.ingest.make import text_pdf
from tests.service.test_briefs import brief_pdf
from tests.started import copy_workspace, start, template


def _lettered(root: Path) -> Record:
    """Ex. A (AEO), Ex. 5-A (Confidential), Ex. 4 (AEO) and Ex. 7 (no tier), produced."""
    op = start(root)
    for exhibit, body in (("A", "protocol"), ("5-A", "redline"), ("4", "memo"), ("7", "notice")):
        op.ingest.ingest_file(
            text_pdf(f"The {body} of the parties"), f"{body}.pdf", exhibit=ExhibitId.parse(exhibit)
        )
    op.designations.designate("Ex. A", "AEO")
    op.designations.designate("Ex. 5-A", "Confidential")
    op.designations.designate(4, "AEO")
    op.productions.produce(["Ex. A", "Ex. 5-A", 4, 7], "TST-00000001", "VOL1")
    return op


@pytest.fixture
def op(tmp_path: Path) -> Iterator[Record]:
    record = copy_workspace(template("lettered-exhibits", _lettered), tmp_path / "ws")
    yield record
    record.ctx.workspace.close()


def test_lettered_exhibits_cite_what_the_record_holds_by_identifier(op: Record) -> None:
    brief = brief_pdf(
        "See Ex. A at 3 and Exhibits 5-A through 5-C; Ex. 7; Exs. 4 and Z. In Smith v. Jones, "
        "123 F.3d 456, 460 (9th Cir. 2000) (sealing Trial Ex. A), the court sealed a contract."
    )
    found = [(c.raw, c.cites, c.warnings) for c in op.briefs.citations(brief)]
    assert found == [
        ("Ex. A at 3", ("Ex. A (AEO)",), ()),
        (
            "Exhibits 5-A through 5-C",
            ("Ex. 5-A (Confidential)",),
            ("no Exs. 5-B, 5-C in the record",),
        ),
        ("Ex. 7", (), ()),
        ("Exs. 4 and Z", ("Ex. 4 (AEO)",), ("no Ex. Z in the record",)),
    ]
