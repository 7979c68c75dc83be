"""Every outcome a court gives, and what it does to access: stated once, tested per outcome."""

from datetime import date

import pytest

from clawback.domain.claims import (
    Claim,
    Privilege,
    Ruling,
    applied_outcome,
    check_amendment,
    effects,
    governing,
)
from clawback.domain.documents import Exhibit
from clawback.domain.errors import RuleViolation
from clawback.domain.outcomes import ACCESS, Access, Result, words

AC = Privilege.attorney_client
WHOLE = Claim("whole", AC, (1,))  # a document claim over Ex. 1
ITEM = Claim("item", AC, (18,), ("fir-dbcode",))  # an item claim on Ex. 18

# outcome -> (what a document claim comes to, what an item claim comes to)
CASES = [
    (Result.granted, "withheld", "redacted"),
    (Result.conditionally_granted, "withheld", "redacted"),
    (Result.denied, "released", "released"),
    (Result.waived, "released", "released"),
    (Result.withdrawn, "released", "released"),
    (Result.moot, "sequestered", "sequestered"),
    (Result.denied_without_prejudice, "sequestered", "sequestered"),
    (Result.granted_subject_to_supplement, "sequestered", "sequestered"),
]


def test_every_outcome_has_its_access_stated() -> None:
    assert set(ACCESS) == set(Result)
    assert [c[0] for c in CASES] and {c[0] for c in CASES} == set(Result) - {Result.granted_in_part}


@pytest.mark.parametrize(("result", "document", "item"), CASES)
def test_what_each_outcome_does_to_the_material(
    exhibits: list[Exhibit], result: Result, document: str, item: str
) -> None:
    assert applied_outcome(WHOLE, Ruling("whole", result)) == document
    assert applied_outcome(ITEM, Ruling("item", result)) == item
    found = effects(exhibits, [WHOLE, ITEM], [Ruling("whole", result), Ruling("item", result)])
    ex1, ex18 = found[1], found[18]
    assert ex1.withheld == (document == "withheld")
    assert ex1.pending == ex18.pending == (document == "sequestered")
    assert ex18.redact == (("fir-dbcode",) if item == "redacted" else ())
    assert not ex1.redact


def test_a_sequestering_outcome_is_not_a_release(exhibits: list[Exhibit]) -> None:
    moot = effects(exhibits, [ITEM], [Ruling("item", Result.moot)])[18]
    assert moot.pending and moot.outcome is Result.moot and not moot.redact
    waived = effects(exhibits, [ITEM], [Ruling("item", Result.waived)])[18]
    assert not waived.pending and waived.outcome is Result.waived


def test_an_outcome_that_grants_nothing_names_no_item(exhibits: list[Exhibit]) -> None:
    from clawback.domain.claims import check_ruling

    for result in (Result.waived, Result.moot, Result.withdrawn, Result.denied_without_prejudice):
        with pytest.raises(RuleViolation, match="grants nothing, yet names items"):
            check_ruling(ITEM, Ruling("item", result, ("fir-dbcode",)), exhibits)
    check_ruling(ITEM, Ruling("item", Result.conditionally_granted, ("fir-dbcode",)), exhibits)


def test_the_latest_ruling_governs_and_the_history_keeps_both(exhibits: list[Exhibit]) -> None:
    first = Ruling("item", Result.granted_subject_to_supplement, on=date(2021, 6, 3))
    amended = Ruling("item", Result.granted, reason="as supplemented", on=date(2021, 6, 24))
    check_amendment(first, amended)
    assert governing([first, amended]) == {"item": amended}
    before = effects(exhibits, [ITEM], [first])[18]
    after = effects(exhibits, [ITEM], [first, amended])[18]
    assert before.pending and not before.redact
    assert not after.pending and after.redact == ("fir-dbcode",)


def test_an_amendment_is_dated_and_not_before_what_it_amends() -> None:
    first = Ruling("item", Result.denied, on=date(2021, 6, 3))
    with pytest.raises(RuleViolation, match="date the amended ruling"):
        check_amendment(first, Ruling("item", Result.granted))
    with pytest.raises(RuleViolation, match="before the ruling it amends"):
        check_amendment(first, Ruling("item", Result.granted, on=date(2021, 6, 2)))


def test_the_courts_words_for_each_outcome() -> None:
    assert words(Result.denied_without_prejudice) == "DENIED WITHOUT PREJUDICE"
    assert words(Result.conditionally_granted) == "CONDITIONALLY GRANTED"
    assert words(Result.moot) == "DENIED AS MOOT"
    assert all(words(r) for r in Result)
    assert ACCESS[Result.waived] is Access.released
