"""A brief's exhibit references tell its reader nothing of an exhibit they may not know of,
lettered (``Ex. A``) or numbered (``Ex. 4``): a brief citing it is answered exactly as one
citing an exhibit the record does not hold ("no Ex. Q in the record"), and one they may know
of but not read (a pending claw-back) is no mismatch, as a numbered one is none."""

from __future__ import annotations

from clawback.domain.exhibit_ids import FIRST_OTHER_ORDINAL
from clawback.service import Record, Via
from tests.papers.test_brief_lettered_exhibits import op as op
from tests.service.test_briefs import brief_pdf

COUNSEL, STAFF = "rc@other.test", "staff@other.test"
Said = list[tuple[str, tuple[str, ...], tuple[str, ...]]]


def _said(record: Record, *paragraphs: str) -> Said:
    return [(c.raw, c.cites, c.warnings) for c in record.briefs.citations(brief_pdf(*paragraphs))]


def _people(op: Record) -> tuple[Record, Record]:
    op.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    op.people.add(STAFF, name="RS", side="receiving", category="party_officers_directors_employees")
    workspace = op.ctx.workspace
    return workspace.person(COUNSEL, Via.web), workspace.person(STAFF, Via.web)


def test_an_exhibit_beyond_the_reader_s_tier_is_cited_as_absent(op: Record) -> None:
    counsel, staff = _people(op)
    hidden = "See Ex. A at 3; Exs. 4 and 7; Ex. 5-A."  # A and 4 are AEO: not the staff's
    absent = "See Ex. Q at 3; Exs. 99 and 7; Ex. 5-A."
    said = _said(staff, hidden)
    assert said == [
        ("Ex. A at 3", (), ("no Ex. A in the record",)),
        ("Exs. 4 and 7", (), ("no Ex. 4 in the record",)),
        ("Ex. 5-A", ("Ex. 5-A (Confidential)",), ()),
    ]
    swapped = [
        (
            raw.replace("Q", "A").replace("99", "4"),
            cites,
            tuple(w.replace("Q", "A").replace("99", "4") for w in warned),
        )
        for raw, cites, warned in _said(staff, absent)
    ]
    assert said == swapped  # exactly as absent
    assert _said(counsel, hidden) == [
        ("Ex. A at 3", ("Ex. A (AEO)",), ()),
        ("Exs. 4 and 7", ("Ex. 4 (AEO)",), ()),
        ("Ex. 5-A", ("Ex. 5-A (Confidential)",), ()),
    ]


def test_a_pending_claw_back_withholds_a_lettered_exhibit_as_a_numbered_one(op: Record) -> None:
    counsel, _ = _people(op)
    op.claims.claim("c1", privilege="attorney_client", exhibits=[FIRST_OTHER_ORDINAL, 4])
    # sequestered: its tier is no longer said, but the claim tells counsel it exists
    assert _said(counsel, "See Ex. A at 3; Ex. 4.") == [
        ("Ex. A at 3", (), ()),
        ("Ex. 4", (), ()),
    ]
