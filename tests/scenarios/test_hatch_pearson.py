"""Hatch v. Pearson Educ. (D. Ariz. Nov. 18, 2022): two wholesale motions to seal denied without
prejudice, refiling by a date the court fixed (tests/orders/hatch-pearson-2022-11-18).

What the model cannot carry of this order (the next slice's work):

- "Denied without prejudice" on a motion to seal: a seal ruling is granted or denied; both are
  entered as denied, and the draft says "DENIED", not "denied without prejudice".
- The material: "hundreds of pages marked 'confidential'" filed with summary-judgment briefs are
  filings, not produced documents; each motion's material stands as one produced exhibit with
  made-up Bates numbers, which the draft then cites.

Carried since: each motion's movant (Defendant moved Doc. 65, Plaintiff Doc. 84, its exhibit
cited by its own label), both motions drafted, and Doc. 65's denial with the court's reason word
for word (Doc. 84's order gave none, so the standard's words stand).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "hatch-pearson-2022-11-18"


def test_both_motions_are_denied_and_refiling_is_due_on_the_fixed_date(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "Defendant", "--receiving", "Plaintiff")
    assert [(m["docket"], outcome(m["outcome"])) for m in order["motions"]] == [
        ("Doc. 65", "denied_without_prejudice"),
        ("Doc. 84", "denied_without_prejudice"),
    ]
    reason = order["motions"][0]["rulings"][0]["reason"]
    assert entered.seals["65"] == [(1, False, reason)]
    assert [(e, sealed) for e, sealed, _ in entered.seals["84"]] == [(2, False)]
    assert entered.sealed == {1: False, 2: False}
    (act,) = order["acts"]
    assert entered.due() == [(act["due"], act["what"])]
    assert act["due"] == date(2022, 12, 9)

    denial, second, refiling = entered.drafted
    real = order["ordering_paragraphs"]
    # "ORDER denying without prejudice 65 Motion to Seal."
    assert "65 Motion to Seal" in real[0]
    quoted = reason.removesuffix('."') + '"'
    assert denial == (
        "Defendant's Motion to Seal (Dkt. No. 65) is DENIED as to the document bearing Bates "
        f"number PEARSON-000001 (Def.'s Ex. 1): {quoted}."
    )
    # "FURTHER ORDERED denying without prejudice 84 MOTION to Seal."
    assert "84 MOTION to Seal" in real[1]
    assert second == (
        "Plaintiff's Motion to Seal (Dkt. No. 84) is DENIED as to the document bearing Bates "
        "number PEARSON-000002 (Pl.'s Ex. 2), for which compelling reasons have not been shown."
    )
    # "FURTHER ORDERED that the parties shall refile their Motions to Seal with specific requests
    # and properly redacted documents no later than December 9, 2022."
    assert real[2].endswith(f"the parties shall {act['what']} no later than December 9, 2022.")
    assert refiling == f"On or before December 9, 2022, the parties shall {act['what']}."
