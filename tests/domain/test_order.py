"""The protective order as data: tiers, who each admits, designations and their history."""

import pytest

from clawback.domain.errors import NotFound, RuleViolation
from clawback.domain.order import (
    Designation,
    DesignationHistory,
    Person,
    Side,
    order_from_data,
)

REFERENCE = {
    "docket": "276",
    "tiers": [
        {
            "name": "Confidential",
            "may_see": [
                "counsel",
                "court",
                "limited_third_parties",
                "witnesses",
                "named_parties",
                "party_officers_directors_employees",
            ],
        },
        {
            "name": "Highly Confidential - Attorneys' Eyes Only",
            "short": "AEO",
            "may_see": ["counsel", "court", "limited_third_parties", "witnesses"],
        },
    ],
}
ORDER = order_from_data(REFERENCE)


def person(category: str, side: Side = Side.receiving) -> Person:
    return Person(f"{category}@example.test", category, side, category)


@pytest.mark.parametrize(
    ("category", "confidential", "aeo"),
    [
        ("counsel", True, True),
        ("court", True, True),
        ("witnesses", True, True),
        ("named_parties", True, False),
        ("party_officers_directors_employees", True, False),
        ("press", False, False),
    ],
)
def test_who_may_see_each_tier(category: str, confidential: bool, aeo: bool) -> None:
    someone = person(category)
    assert ORDER.may_see(someone, Designation("Confidential")) is confidential
    assert ORDER.may_see(someone, Designation("AEO")) is aeo
    assert ORDER.may_see(someone, None) is True


def test_tiers_are_ordered_and_found_by_name_or_short_name() -> None:
    assert ORDER.rank("Confidential") < ORDER.rank("AEO")
    assert ORDER.tier("highly confidential \u2013 attorneys\u2019 eyes only").short == "AEO"
    assert ORDER.legend("AEO") == "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY"


def test_unknown_tier_names_it() -> None:
    with pytest.raises(NotFound, match="'Secret'"):
        ORDER.tier("Secret")


def test_acknowledgment_required_before_access() -> None:
    order = order_from_data(
        {"docket": "1", "tiers": [{"name": "Confidential", "may_see": ["expert", "counsel"]}]}
    )
    order = type(order)(order.docket, order.tiers, True, frozenset({"expert"}))
    expert = person("expert")
    assert not order.may_see(
        Person("e@x.test", "E", Side.receiving, "expert", False), Designation("Confidential")
    )
    assert order.may_see(expert, Designation("Confidential"))


def test_redesignation_keeps_history() -> None:
    history = DesignationHistory().redesignate(Designation("Confidential", "at production"))
    later = history.redesignate(Designation("AEO", "re-designated"))
    assert history.current == Designation("Confidential", "at production")
    assert later.current is not None and later.current.tier == "AEO"
    assert [d.tier for d in later.entries] == ["Confidential", "AEO"]


def test_malformed_order_refused() -> None:
    with pytest.raises(RuleViolation, match="no tiers"):
        order_from_data({"docket": "1", "tiers": []})
    with pytest.raises(RuleViolation, match="not a mapping"):
        order_from_data({"docket": "1", "tiers": ["Confidential"]})
