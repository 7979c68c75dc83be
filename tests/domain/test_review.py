"""The court's review record: the threshold showing and the ten Frankenhauser factors, read from
findings as the court's staff write them, and refused when incomplete or quoting the material."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from clawback.demo.run import reference_case
from clawback.domain.errors import RuleViolation
from clawback.domain.review import (
    FACTORS,
    Element,
    Shown,
    Weighs,
    check_no_protected_text,
    record_from_data,
)

REVIEWS: dict[str, Any] = reference_case()["reviews"]


def findings(claim: str = "c-sentri") -> dict[str, Any]:
    return copy.deepcopy(REVIEWS[claim])


def test_the_reference_findings_follow_the_order() -> None:
    sentri = record_from_data("c-sentri", findings())
    assert [f.element for f in sentri.threshold] == list(Element)
    assert [f.number for f in sentri.factors] == list(range(1, 11))
    assert sentri.threshold_met is False and sentri.threshold_words == "not made"
    shown = {f.element: f.finding for f in sentri.threshold}
    assert shown[Element.harm_described] is Shown.not_met
    assert shown[Element.protective_order_insufficient] is Shown.not_met
    assert sentri.balance[Weighs.disclosure] == 2 and sentri.balance[Weighs.privilege] == 0
    assert sentri.factors[9].factor == FACTORS[10]
    assert all(f.citation.startswith("Order, part II") for f in sentri.threshold)
    code = record_from_data("c-fir-code", findings("c-fir-code"))
    assert code.threshold_met is None and code.threshold_words == "no element found lacking"
    assert code.factors[9].finding is Weighs.privilege
    assert {c: record_from_data(c, findings(c)).threshold_met for c in REVIEWS} == {
        "c-sentri": False,
        "c-fir-code": None,
        "c-fir-gaps": False,
        "c-ppt-code": None,
        "c-ppt-other": False,
    }


def test_a_record_reads_back_from_its_stored_form() -> None:
    kept = record_from_data("c-sentri", findings())
    assert record_from_data("c-sentri", kept.as_data()) == kept


def test_all_met_makes_the_threshold() -> None:
    data = findings()
    for entry in data["threshold"].values():
        entry["finding"] = "met"
    assert record_from_data("c", data).threshold_met is True


def test_assumed_findings_are_marked() -> None:
    data = findings()
    data["factors"]["8"] = {
        "finding": "disclosure",
        "note": "assumed: the suit is not frivolous",
        "citation": "assumed: no finding in the order",
    }
    kept = record_from_data("c", data)
    assert [f.number for f in kept.factors if f.assumed] == [8]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["threshold"].pop("personal_review"), "personal_review has no finding"),
        (lambda d: d["factors"].pop("7"), "factor 7 has no finding"),
        (
            lambda d: d["factors"].__setitem__("11", d["factors"]["1"]),
            "no Frankenhauser factor '11'",
        ),
        (
            lambda d: d["threshold"]["formal_claim"].__setitem__("finding", "maybe"),
            "'maybe' is not",
        ),
        (lambda d: d["factors"]["10"].__setitem__("citation", " "), "factor 10 has no citation"),
        (lambda d: d.__setitem__("balance", {}), "unknown section 'balance'"),
        (lambda d: d.pop("factors"), "factors is missing"),
        (lambda d: d["threshold"].__setitem__("whim", d["threshold"]["formal_claim"]), "'whim'"),
    ],
)
def test_incomplete_or_wrong_findings_are_refused(change: Any, message: str) -> None:
    data = findings()
    change(data)
    with pytest.raises(RuleViolation, match=message):
        record_from_data("c-sentri", data)


def test_findings_may_not_quote_the_claimed_material() -> None:
    kept = record_from_data("c-fir-code", findings("c-fir-code"))
    check_no_protected_text(kept, ["FIR-2018-12-004417"])
    data = findings("c-fir-code")
    data["factors"]["10"]["note"] = "the code FIR-2018-12-004417 is irrelevant"
    quoting = record_from_data("c-fir-code", data)
    with pytest.raises(RuleViolation, match="quotes claimed material"):
        check_no_protected_text(quoting, ["fir-2018-12-004417"])
