"""Shapes of order the reader learned from the corpus's misses (issue 19): one sentence ruling
several motions clause by clause, and a step's second direction that takes the step's date."""

from __future__ import annotations

from datetime import date

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
