"""Claims, their lifecycle, rulings per claim, and the effect per exhibit."""

import pytest

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.claims import (
    Claim,
    Privilege,
    Result,
    Ruling,
    State,
    check_ruling,
    effects,
    moves,
)
from clawback.domain.documents import Exhibit, Item, exhibit_runs, family_range
from clawback.domain.errors import RuleViolation
from clawback.domain.order import DesignationHistory, Side

LE = Privilege.law_enforcement
REFERENCE_CLAIMS = [
    Claim("c-sentri", LE, tuple(range(1, 18))),
    Claim("c-fir-code", LE, (18,), ("fir-dbcode",)),
    Claim("c-fir-gaps", LE, (18,), ("fir-gaps",)),
    Claim("c-ppt-code", LE, (19,), ("ppt-dbcode",)),
    Claim("c-ppt-other", LE, (19,), ("ppt-other", "ppt-618")),
]
REFERENCE_RULINGS = [
    Ruling("c-sentri", Result.denied),
    Ruling("c-fir-code", Result.granted),
    Ruling("c-fir-gaps", Result.denied),
    Ruling("c-ppt-code", Result.granted),
    Ruling("c-ppt-other", Result.denied),
]


def test_reference_rulings_give_the_orders_effects(exhibits: list[Exhibit]) -> None:
    result = effects(exhibits, REFERENCE_CLAIMS, REFERENCE_RULINGS)
    for n in range(1, 18):
        assert result[n].outcome is Result.denied and not result[n].redact
    assert result[18].outcome is Result.granted_in_part
    assert result[18].redact == ("fir-dbcode",)
    assert result[19].outcome is Result.granted_in_part
    assert result[19].redact == ("ppt-dbcode",)
    assert not any(e.withheld for e in result.values())


def test_pending_claims_have_no_effect_yet(exhibits: list[Exhibit]) -> None:
    result = effects(exhibits, REFERENCE_CLAIMS, [])
    assert all(result[n].outcome is None and result[n].pending for n in range(1, 20))
    assert all(not e.redact and not e.withheld for e in result.values())
    partly = effects(exhibits, REFERENCE_CLAIMS, REFERENCE_RULINGS[:2])
    assert partly[18].outcome is Result.granted and partly[18].pending
    assert partly[19].outcome is None and partly[19].pending


def test_document_claim_granted_withholds_the_whole_exhibit(exhibits: list[Exhibit]) -> None:
    result = effects(exhibits, REFERENCE_CLAIMS[:1], [Ruling("c-sentri", Result.granted)])
    assert result[5].withheld and result[5].outcome is Result.granted
    assert result[18].outcome is None


def test_granted_in_part_names_items(exhibits: list[Exhibit]) -> None:
    claim = Claim("c", LE, (19,), ("ppt-dbcode", "ppt-other"))
    ruling = Ruling("c", Result.granted_in_part, ("ppt-dbcode",))
    result = effects(exhibits, [claim], [ruling])
    assert result[19].outcome is Result.granted_in_part and result[19].redact == ("ppt-dbcode",)


def test_ruling_may_not_grant_what_was_not_claimed(exhibits: list[Exhibit]) -> None:
    claim = Claim("c", LE, (18,), ("fir-gaps",))
    with pytest.raises(RuleViolation, match="'fir-dbcode'"):
        check_ruling(claim, Ruling("c", Result.granted_in_part, ("fir-dbcode",)), exhibits)
    with pytest.raises(RuleViolation, match="names no item"):
        check_ruling(claim, Ruling("c", Result.granted_in_part), exhibits)
    with pytest.raises(RuleViolation, match=r"\(denied\) grants nothing"):
        check_ruling(claim, Ruling("c", Result.denied, ("fir-gaps",)), exhibits)


def test_lifecycle() -> None:
    claim = Claim("c", LE, (1,))
    assert claim.pending and claim.scope.value == "document"
    ruled = claim.advance(State.sequestered).advance(State.submitted).advance(State.ruled)
    assert not ruled.pending
    assert ruled.advance(State.applied).state is State.applied
    with pytest.raises(RuleViolation, match="from noticed to applied"):
        claim.advance(State.applied)
    with pytest.raises(RuleViolation):
        ruled.advance(State.withdrawn)


def test_item_must_lie_on_its_exhibit() -> None:
    with pytest.raises(RuleViolation, match=r"outside Ex\. 3"):
        Exhibit(
            3,
            BatesRange.parse("X-001-003"),
            "pdf",
            "t",
            DesignationHistory(),
            items=(Item("i", BatesNumber.parse("X-009"), "w", ("a",)),),
        )
    with pytest.raises(RuleViolation, match="locates nothing"):
        Item("i", BatesNumber.parse("X-009"), "w")


@pytest.mark.parametrize("texts", [("",), ("  ",), ("codes", "\n")])
def test_an_item_of_blank_text_locates_nothing(texts: tuple[str, ...]) -> None:
    """``clawback item DOC I --text ""`` named an item: the empty string is on every page."""
    with pytest.raises(RuleViolation, match="item 'i': a blank text locates nothing"):
        Item("i", BatesNumber.parse("X-009"), "w", texts)


def test_family_and_exhibit_runs(exhibits: list[Exhibit]) -> None:
    assert str(family_range(exhibits, "sentri")) == "AOL-DEF-00556914-AOL-DEF-00556934"
    assert exhibit_runs([1, 2, 3, 13, 12, 18, 19, 4, 5, 6, 7, 8, 9, 10, 11]) == "Exs. 1-13, 18, 19"
    assert exhibit_runs([14, 15, 16, 17]) == "Exs. 14-17"
    assert exhibit_runs([5]) == "Ex. 5"


@pytest.mark.parametrize(
    ("current", "seat", "expected"),
    [
        (State.noticed, Side.receiving, [State.sequestered, State.submitted]),
        (State.noticed, Side.producing, [State.preserved, State.withdrawn]),
        (State.noticed, Side.court, [State.under_review, State.ruled]),
        (State.sequestered, Side.receiving, [State.submitted]),
        (State.under_review, Side.receiving, []),
        (State.ruled, Side.court, []),  # applied: the filing makes it
        (State.applied, Side.producing, [State.replaced]),
        (State.applied, None, [State.replaced]),
        (State.withdrawn, None, []),
    ],
)
def test_the_moves_a_seat_may_make_from_a_state(
    current: State, seat: Side | None, expected: list[State]
) -> None:
    assert moves(current, seat) == expected
