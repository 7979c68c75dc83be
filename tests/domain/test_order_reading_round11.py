"""Shapes of order the reader learned in issue 19's eleventh pass, from the tenth held-out set's
classes of misses (tests/orders/heldout10-misses.md, then moved into development). Each test is
one class of wording, on a short sentence written for the test in the way courts commonly put it
(not a copy of the order that showed the class), and failed on the reader before the pass."""

from __future__ import annotations

from tests.domain.order_reads import acts as _acts
from tests.domain.order_reads import rulings as _rulings

# 1. A discovery order that names no motion's kind ---------------------------------------------


def test_a_discovery_order_naming_no_kind_rules_on_a_motion_to_compel() -> None:
    assert _rulings(
        "ORDER ON DISCOVERY DISPUTE\n\nThe parties dispute whether the memoranda listed on"
        " Defendant's privilege log were properly withheld. Plaintiff's request for relief is"
        " DENIED.\n"
    ) == [("compel", "plaintiff", None, None, "denied")]
    assert _rulings(
        "ORDER\n\nPlaintiff moves for production of the accountant's files. Plaintiff's motion"
        " for production is granted in part and denied in part.\n"
    ) == [("compel", "plaintiff", None, None, "granted_in_part")]


def test_an_order_naming_no_kind_and_no_discovery_still_rules_on_sealing() -> None:
    assert _rulings(
        "ORDER\n\nDefendant asks that its reply be kept from the public docket. The motion is"
        " GRANTED.\n"
    ) == [("seal", None, None, None, "granted")]


# 2. A party named by the short name the order gives it -----------------------------------------


def test_a_party_defined_by_a_short_name_acts_under_that_name() -> None:
    text = (
        "ORDER\n\nPlaintiff Riverbend Farms sues Defendants Northern Grain Company"
        " (\u201cNGC\u201d) and Lakeside Storage, LLC (\u201cLakeside\u201d) (collectively,"
        " \u201cGrain Sellers\u201d). The Court ORDERS Grain Sellers to supplement their"
        " privilege log within 14 days. The Court further ORDERS Lakeside to serve its responses.\n"
    )
    assert [a[0] for a in _acts(text)] == ["defendant", "defendant"]


def test_a_group_defined_as_one_side_makes_each_member_that_side() -> None:
    text = (
        "ORDER\n\nThe motion was filed by Harbor Advisors, Inc. (\u201cHarbor\u201d) and Ms. Jane"
        " Roe (\u201cRoe\u201d) (collectively, \u201cDefendants\u201d). Harbor shall produce the"
        " ledgers within 10 days.\n"
    )
    assert [a[0] for a in _acts(text)] == ["defendant"]


def test_a_short_name_of_a_paper_is_no_party() -> None:
    text = (
        "ORDER\n\nBefore the Court is Defendants' Motion to Amend Order (\u201cMotion to"
        " Amend\u201d). The Motion to Amend shall be filed in redacted form.\n"
    )
    assert [a[0] for a in _acts(text)] != ["defendant"]


# 3. A grant said as adopting what was proposed ------------------------------------------------


def test_adopting_a_proposal_to_seal_grants_it() -> None:
    assert _rulings(
        "ORDER\n\nThe magistrate judge proposes that the exhibits to the motion be filed under"
        " seal. The Court ADOPTS the proposal to file the exhibits under seal.\n"
    ) == [("seal", None, None, None, "granted")]
    assert _rulings(
        "ORDER\n\nThe defendant's proposals for continued redaction of its pricing data are"
        " adopted.\n"
    ) == [("seal", "defendant", None, None, "granted")]


def test_adopting_a_procedure_rules_on_nothing() -> None:
    assert (
        _rulings(
            "ORDER\n\nConsistent with these standards, the Court adopts the following procedure"
            " for filing confidential papers.\n"
        )
        == []
    )


# 4. A docket text's numbered motion of a kind no vocabulary names -------------------------------


def test_a_docket_texts_numbered_motion_for_other_relief_is_no_sealing_ruling() -> None:
    drafted = _rulings(
        "ORDER denying 35 Plaintiff's Motion for Judgment on the Pleadings; granting 41"
        " Defendant's Motion to Seal. Signed by Judge A. Smith on 3/4/2022.\n"
    )
    assert [(r[0], r[4]) for r in drafted] == [("seal", "granted")]
    assert (
        _rulings("ORDER granting [12] Motion for Extension of Time. Signed by Judge A. Smith.\n")
        == []
    )


# 5. A protective order named as the authority a request is made under ---------------------------


def test_a_protective_order_a_request_is_made_under_is_not_its_kind() -> None:
    drafted = _rulings(
        "We write on behalf of Plaintiff, pursuant to Rule 5(b) of Your Honor's Individual"
        " Practices and the parties' Stipulated Protective Order (the \u201cProtective Order\u201d)"
        " (Dkt. 40), to request leave to file under seal its letter and the exhibits thereto."
        " APPLICATION GRANTED.\n"
    )
    assert [(r[0], r[4]) for r in drafted] == [("seal", "granted")]


def test_a_motion_for_a_protective_order_keeps_its_kind() -> None:
    assert [
        (r[0], r[4])
        for r in _rulings(
            "ORDER\n\nDefendant moves for entry of a protective order under Rule 26(c). The"
            " motion is GRANTED.\n"
        )
    ] == [("protective-order", "granted")]
    assert [
        (r[0], r[4])
        for r in _rulings(
            "ORDER\n\nPursuant to Rule 26(c), Defendant moves for entry of a protective order. The"
            " motion is GRANTED.\n"
        )
    ] == [("protective-order", "granted")]


# 6. The mandative subjunctive: "orders that X be unsealed" -------------------------------------


def test_ordering_that_papers_be_unsealed_denies_their_sealing() -> None:
    assert [
        (r[0], r[4])
        for r in _rulings(
            "MEMORANDUM OPINION\n\nPending are Defendant's proposed redactions to the report."
            " For the reasons below, the Court will order that the report be unsealed in full.\n"
        )
    ] == [("seal", "denied")]
    assert [
        (r[0], r[4]) for r in _rulings("ORDER\n\nIT IS ORDERED that Exhibit 4 be sealed.\n")
    ] == [("seal", "granted")]


def test_asking_that_papers_be_unsealed_rules_on_nothing() -> None:
    assert _rulings("ORDER\n\nPlaintiff asks that the exhibits to the motion be unsealed.\n") == []
