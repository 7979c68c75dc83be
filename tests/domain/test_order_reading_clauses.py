"""Shapes of order the reader learned from the corpus's misses (issue 19): one sentence ruling
several motions clause by clause, and a step's second direction that takes the step's date."""

from __future__ import annotations

from datetime import date

import pytest

from clawback.domain.order_reading import read_order
from clawback.domain.outcomes import Result


def test_each_clause_rules_the_motions_it_names_by_docket_number() -> None:
    draft = read_order(
        "ORDER REGARDING ADMINISTRATIVE MOTIONS TO FILE UNDER SEAL\n"
        "The parties have moved to file several documents under seal. For the reasons set forth"
        " below, the Court will grant the administrative motions at ECF No. 780 and ECF No. 814;"
        " grant in part and deny in part the administrative motions at ECF Nos. 750 and 798;"
        " and deny the administrative motion at ECF No. 825.\n"
    )
    assert {r.docket: r.outcome for r in draft.rulings} == {
        "780": Result.granted,
        "814": Result.granted,
        "750": Result.granted_in_part,
        "798": Result.granted_in_part,
        "825": Result.denied,
    }


def test_a_passive_outcome_still_rules_the_motion_named_before_it() -> None:
    draft = read_order(
        "ORDER\nThe motion at ECF No. 45 is GRANTED, and the motion at ECF No. 46 is DENIED.\n"
    )
    assert {r.docket: r.outcome for r in draft.rulings} == {
        "45": Result.granted,
        "46": Result.denied,
    }


def test_a_second_direction_in_a_step_takes_the_steps_date() -> None:
    draft = read_order(
        "ORDER\nThe Court adopts the following procedure:\n"
        "(2) By no later than February 1, 2022, the parties shall jointly file a sealed motion"
        " for leave to file a redacted version of the Court's Order. The parties also shall"
        " email a copy of the proposed order to chambers.\n",
        dated=date(2022, 1, 5),
    )
    assert [(a.party, a.due) for a in draft.acts] == [
        ("joint", date(2022, 2, 1)),
        ("joint", date(2022, 2, 1)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "ORDER\nThis matter is before the Court on Plaintiffs' Motion to Dedesignate Privileged"
        " Document. For the reasons discussed below, the Court will grant the Motion.\n"
        'Defendant then "clawed back" the document. Plaintiffs now seek to dedesignate the'
        " document, arguing that Defendant has waived any privilege the document enjoyed.\n",
        "MEMORANDUM AND ORDER\nPlaintiffs seek to compel defendant to re-produce two documents"
        ' used as deposition exhibits that defendant has since "clawed back" after asserting'
        " attorney-client privilege. For the following reasons, plaintiffs' motion is granted.\n",
    ],
)
def test_granting_the_receiving_sides_motion_against_a_claw_back_holds_the_privilege_waived(
    text: str,
) -> None:
    draft = read_order(text)
    on_documents = [(r.document, r.outcome) for r in draft.rulings if r.document is not None]
    assert on_documents == [("the privilege claimed", Result.waived)]
    assert [r.outcome for r in draft.rulings if r.document is None] == [Result.granted]


def test_denying_the_motion_against_a_claw_back_holds_no_waiver() -> None:
    draft = read_order(
        "ORDER\nThe defendants have moved for an order barring plaintiff from clawing back six"
        " documents, or to re-produce them redacted. For the following reasons, the Court"
        " denies defendants' motion.\n"
    )
    assert [r.outcome for r in draft.rulings] == [Result.denied]


def test_a_heading_in_capitals_is_no_part_of_the_first_sentence() -> None:
    draft = read_order(
        "ORDER GRANTING IN PART\nMOTION TO SEAL\n(Docket No. 338)\n"
        "Pending before the Court are Plaintiffs' emergency motions to seal, Docket Nos. 436 and"
        " 437.\n"
    )
    assert [(r.docket, r.outcome) for r in draft.rulings] == [("338", Result.granted_in_part)]


def test_a_paper_the_motion_names_by_docket_number_takes_the_whole_grant() -> None:
    draft = read_order(
        "MEMORANDUM AND ORDER\nBefore the court is a Motion to Redact and Seal (Doc. 385)."
        ' Defendants move the court to redact "business sensitive sales data" set forth on'
        " page 19 of plaintiff Thomas Schroeder's Response (Doc. 381) to Medtronic's Motion to"
        " Strike. The court grants defendants' Motion to Redact and Seal (Doc. 385).\n"
    )
    assert {(r.docket, r.document, r.outcome) for r in draft.rulings} == {
        ("385", None, Result.granted),
        ("385", "Thomas Schroeder's Response (Doc. 381)", Result.granted),
    }


def test_a_motion_named_by_its_docket_number_as_the_subject_of_its_outcome() -> None:
    draft = read_order(
        "ORDER\nPending before the Court are Plaintiffs' emergency motions to seal, Docket Nos."
        " 436 and 437. The motions appear to be identical to one another with the exception that"
        " Docket No. 436 is not signed. Accordingly, Docket No. 437 supersedes Docket No. 436,"
        " and Docket No. 436 is hereby DENIED as moot.\n"
    )
    assert [(r.docket, r.document, r.outcome) for r in draft.rulings] == [
        ("436", None, Result.moot)
    ]


def test_a_sealed_exhibit_whose_public_redacted_version_is_ordered_is_sealed_in_part() -> None:
    draft = read_order(
        "ORDER granting in part 134 Motion to Seal. The following materials shall be filed under"
        " seal: Doc. 120 ; Doc. 118 , Ex. 2; and Doc. 122 . FURTHER ORDERED that Defendant shall"
        " file redacted versions of Doc. 118 , Ex. 2 (redacting pages 14-19) and Doc. 122"
        " (redacting pages 65-66).\n\n"
        "The lodged documents are Exhibits B (Doc. 120), C (Doc. 121), and D (Doc. 122) to the"
        " Motion to Compel.\n"
    )
    by_exhibit = {r.exhibit: (r.outcome, r.part) for r in draft.rulings if r.exhibit}
    assert by_exhibit == {
        "B": (Result.granted, None),
        "2": (Result.granted_in_part, "pages 14-19"),
        "D": (Result.granted_in_part, "pages 65-66"),
    }
