"""What claims and rulings do to a filed paper: the rule exhibits go by (``domain.claims``),
read for papers. Pending: the named items withheld (the paper whole when none is named);
granted: redacted (withheld whole for a whole-paper grant); denied: released; an outcome that
releases nothing keeps them withheld. A claim over an exhibit and a paper is ruled once."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clawback.domain.claims import (
    Claim,
    Privilege,
    Result,
    Ruling,
    State,
    effects,
    paper_effects,
)
from clawback.domain.documents import Exhibit
from clawback.domain.errors import ClawbackError
from clawback.domain.pinpoints import FiledItem, FiledKind, FiledPaper, Pinpoint

PAPER = FiledPaper(
    "101-33",
    FiledKind.brief,
    "Opposition",
    3,
    (
        FiledItem("q1", Pinpoint.parse("page 2, lines 3-4"), "advice", ("a",)),
        FiledItem("q2", Pinpoint.parse("page 3"), "more", ("b",)),
    ),
)
ITEMS = Claim("c", Privilege.attorney_client, (), ("q1",), papers=("101-33",))
WHOLE = Claim("w", Privilege.work_product, (), papers=("101-33",))


def ruled(claim: Claim) -> Claim:
    return replace(claim, state=State.ruled)


def test_pending_withholds_the_named_items_granted_redacts_denied_releases() -> None:
    paper, items, whole = PAPER, ITEMS, WHOLE
    pending = paper_effects([paper], [], [items], [])["101-33"]
    assert (pending.pending, pending.hidden, pending.redact) == (False, ("q1",), ())
    assert paper_effects([paper], [], [whole], [])["101-33"].pending  # the paper whole
    on_items = ruled(items)
    granted = paper_effects([paper], [], [on_items], [Ruling("c", Result.granted)])["101-33"]
    assert (granted.outcome, granted.redact, granted.hidden) == (Result.granted, ("q1",), ())
    assert granted.label("q1") == "REDACTED - ATTORNEY-CLIENT PRIVILEGE"
    denied = paper_effects([paper], [], [on_items], [Ruling("c", Result.denied)])["101-33"]
    assert (denied.outcome, denied.redact, denied.hidden, denied.pending) == (
        Result.denied,
        (),
        (),
        False,
    )
    moot = paper_effects([paper], [], [on_items], [Ruling("c", Result.moot)])["101-33"]
    assert moot.hidden == ("q1",)  # nothing released yet: still withheld
    withheld = paper_effects([paper], [], [ruled(whole)], [Ruling("w", Result.granted)])["101-33"]
    assert withheld.withheld and withheld.outcome is Result.granted
    with pytest.raises(ClawbackError, match="grants item 'q2' it does not claim"):
        paper_effects([paper], [], [on_items], [Ruling("c", Result.granted, ("q2",))])


def test_a_claim_over_an_exhibit_and_a_paper_is_ruled_on_both_by_one_ruling(
    exhibits: list[Exhibit],
) -> None:
    both = Claim("b", Privilege.attorney_client, (1,), papers=("101-33",), state=State.ruled)
    ruling = Ruling("b", Result.granted_in_part, ("q1",))  # an item of the paper, not of Ex. 1
    on_exhibit = effects(exhibits, [both], [ruling])[1]
    assert (on_exhibit.outcome, on_exhibit.redact, on_exhibit.withheld) == (
        Result.denied,
        (),
        False,
    )
    on_paper = paper_effects([PAPER], exhibits, [both], [ruling])["101-33"]
    assert (on_paper.outcome, on_paper.redact) == (Result.granted_in_part, ("q1",))
    assert effects(exhibits, [replace(both, state=State.noticed)], [])[1].pending
