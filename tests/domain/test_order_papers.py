"""Rulings on papers that are no exhibit, and the wordings the order reader once missed: a table
of sentences as orders write them (the development set's shapes, reworded) and what each must
draft."""

from __future__ import annotations

import pytest

from clawback.domain.order_reading import Draft, read_order
from clawback.domain.outcomes import Result

Drafted = set[tuple[str | None, str | None, str | None, Result]]


def _drafted(text: str) -> Drafted:
    """(docket, exhibit, document, outcome) of each drafted ruling."""
    return {(r.docket, r.exhibit, r.document, r.outcome) for r in read_order(text).rulings}


def _read(text: str) -> Draft:
    return read_order(text)


def test_a_motion_named_by_docket_number_in_running_prose() -> None:
    assert _drafted("ORDER\n\nThe motion at ECF No. 45 is GRANTED.") == {
        ("45", None, None, Result.granted)
    }


def test_the_papers_a_motions_title_names_take_its_outcome() -> None:
    text = (
        "The Court GRANTS Defendants' Motion for Leave to File Unredacted Version of Doc. No. "
        "360-2 and to Unseal Doc. No. 355, (doc. 367), and DENIES as moot Plaintiff's Motion to "
        "Unseal ECF 355, (doc. 408)."
    )
    assert _drafted(text) == {
        ("367", None, None, Result.granted),
        ("367", None, "Doc. No. 360-2", Result.granted),
        ("367", None, "Doc. No. 355", Result.granted),
        ("408", None, None, Result.moot),
        ("408", None, "ECF 355", Result.moot),
    }


def test_a_docket_number_after_a_papers_name_is_the_papers_not_a_motions() -> None:
    text = (
        "The Court (1) GRANTS the Government's request for redactions regarding the declaration "
        "referenced in the Court's Memorandum Opinion and Order (Doc. 123); and (2) DENIES the "
        "Government's request to redact the names of third parties in the Court's Memorandum "
        "Opinion and Order (Doc. 123)."
    )
    assert _drafted(text) == {
        (None, None, None, Result.granted_in_part),
        (
            None,
            None,
            "the Government's request for redactions regarding the declaration referenced in "
            "the Court's Memorandum Opinion and Order (Doc. 123)",
            Result.granted,
        ),
        (
            None,
            None,
            "the Government's request to redact the names of third parties in the Court's "
            "Memorandum Opinion and Order (Doc. 123)",
            Result.denied,
        ),
    }


@pytest.mark.parametrize(
    ("sentence", "papers", "outcome"),
    [
        (
            "Mr. Smith's Memorandum in Support of his Motion to Stay and his Reply in Support of "
            "Motion to Stay shall remain sealed until the Report is publicly filed on March 15, "
            "2012.",
            {
                "Mr. Smith's Memorandum in Support of his Motion to Stay",
                "his Reply in Support of Motion to Stay",
            },
            Result.granted_in_part,  # sealed for a time only
        ),
        (
            "Mr. Smith's Notice of Appeal and Motion to Stay shall be posted on the public docket "
            "on Thursday, March 1, 2012.",
            {"Mr. Smith's Notice of Appeal", "Motion to Stay"},
            Result.denied,
        ),
    ],
)
def test_the_papers_a_sentences_subject_names(
    sentence: str, papers: set[str], outcome: Result
) -> None:
    text = f"The Court GRANTS IN PART AND DENIES IN PART the Motions to Seal.\n\n{sentence}"
    named = {(d, o) for _, _, d, o in _drafted(text) if d is not None}
    assert named == {(paper, outcome) for paper in papers}


def test_a_paper_joined_to_an_exhibit_list() -> None:
    text = "The Court does not find good cause to seal Exhibit 2 or Plaintiffs' reply."
    assert _drafted(text) == {
        (None, "2", None, Result.denied),
        (None, None, "Plaintiffs' reply", Result.denied),
    }


def test_a_part_the_parties_settled_is_withdrawn_and_the_motion_rules_on_the_rest() -> None:
    text = (
        "Before the Court is Defendants' Motion to Compel Return of Inadvertently Produced "
        "Documents. Through a joint notice filed with the Court, the parties stated that they "
        "were able to resolve the dispute with respect to nineteen of the twenty documents.\n\n"
        "For the reasons below, the Motion is DENIED."
    )
    named = {(d, o) for _, _, d, o in _drafted(text) if d is not None}
    assert named == {
        ("nineteen of the twenty documents", Result.withdrawn),
        ("the rest", Result.denied),
    }


def test_interim_sealing_then_a_direction_to_seal_an_exhibit_by_its_docket_number() -> None:
    text = (
        "ORDER. As a one-time courtesy, the Court will allow the subject document to be sealed "
        "on an interim basis pending resolution of the motion to seal. The Clerk's Office is "
        'INSTRUCTED to seal Docket No. 134-17 ("Exhibit 21").'
    )
    [ruling] = [r for r in _read(text).rulings if r.exhibit is not None]
    assert (ruling.exhibit, ruling.outcome) == ("21", Result.conditionally_granted)


def test_sealing_pending_a_partys_clarification_waits_on_a_supplement() -> None:
    text = (
        "The Court will temporarily retain under seal Plaintiff's Exhibit 60 while permitting "
        "Plaintiff to file a redacted version of that exhibit, and will temporarily retain under "
        "seal Defendants' Exhibit E, pending the parties' clarification regarding the exhibit."
    )
    outcomes = {r.exhibit: r.outcome for r in _read(text).rulings}
    assert outcomes == {
        "60": Result.conditionally_granted,
        "E": Result.granted_subject_to_supplement,
    }


def test_an_outcome_broken_by_a_space_in_the_text_layer() -> None:
    assert _drafted("ORDER\n\nThe Motion to Seal (Dkt. 116) is GRA NTED.") == {
        ("116", None, None, Result.granted)
    }


def test_what_the_court_recounts_of_an_earlier_order_rules_and_sets_nothing() -> None:
    text = (
        "Dated: February 27, 2012\n\nThe Court already granted one motion, Dkt. No. 79. In that "
        "Order, the Court gave the attorneys the opportunity to comment by no later than March "
        "8, 2012."
    )
    draft = _read(text)
    assert draft.rulings == ()
    assert draft.acts == ()


def test_discovery_requests_a_granted_motion_to_compel_asked_about() -> None:
    text = (
        "This matter is before the Court on Defendants' Motion to Compel (doc. 85). Defendants "
        "seek an order compelling Plaintiff to respond to Defendants' First Set of Requests for "
        "Production. Defendants also seek an order compelling Plaintiff to serve complete "
        "responses to First Interrogatories No. 1, 3, 5-14, and 21.\n\n"
        "The Court finds that the Motion should be granted."
    )
    named = {(d, o) for _, _, d, o in _drafted(text) if d is not None}
    assert named == {
        ("Defendants' First Set of Requests for Production", Result.granted),
        ("First Interrogatories No. 1, 3, 5-14, and 21", Result.granted),
    }


def test_papers_named_by_the_docket_numbers_of_the_motions() -> None:
    text = (
        "This case is before the Court on two applications to seal from Plaintiffs (docket "
        "entries nos. 440, 459). The Court hereby directs Plaintiffs to refile the exhibits "
        "listed in docket entries nos. 440 and 459 on the public docket without redactions."
    )
    by_docket = {docket: outcome for docket, _, d, outcome in _drafted(text) if d is not None}
    assert by_docket == {"440": Result.denied, "459": Result.denied}


def test_the_motion_a_sentence_calls_the_motion_is_the_last_one_ruled_on() -> None:
    text = (
        "1. The plaintiffs' Motion for Relief from the Protective Order (Doc. No. 299) is "
        "DENIED. The motion is also denied to the extent the plaintiffs request to be relieved "
        "from any obligation to return or destroy any copies of the documents."
    )
    draft = _read(text)
    assert {(r.motion, r.docket, r.outcome) for r in draft.rulings} == {
        ("protective-order", "299", Result.denied)
    }


def test_an_exhibit_ruled_on_only_by_the_docket_entry_it_was_filed_as() -> None:
    text = (
        "ORDER granting 134 Motion to Seal. The following materials shall be filed under seal: "
        "Doc. 120 ; Doc. 118 , Ex. 2.\n\n"
        "The lodged documents are Exhibits B (Doc. 120), C (Doc. 121), and D (Doc. 122) to the "
        "Motion to Compel."
    )
    exhibits = {r.exhibit: r.outcome for r in _read(text).rulings if r.exhibit is not None}
    assert exhibits == {"B": Result.granted, "2": Result.granted}
