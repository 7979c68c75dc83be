"""Hatch v. Pearson Educ. (D. Ariz. Nov. 18, 2022): two wholesale motions to seal denied without
prejudice, refiling by a date the court fixed (tests/orders/hatch-pearson-2022-11-18).

What the model cannot carry of this order (the next slice's work):

- "Denied without prejudice" on a motion to seal: a seal ruling is granted or denied; both are
  entered as denied, and the draft says "DENIED", not "denied without prejudice".
- The material: "hundreds of pages marked 'confidential'" filed with summary-judgment briefs are
  filings, not produced documents; each motion's material stands as one produced exhibit with
  made-up Bates numbers, which the draft then cites.
- The movants: Defendant moved (Doc. 65), Plaintiff moved (Doc. 84); a motion to seal has no
  movant, and the draft calls both the producing party's ("Defendant's Motion to Seal").
- Both motions in the draft: ``draft-order`` drafts only one ruled motion to seal (the latest
  ruled; here both were ruled the same day and Doc. 65's is drafted), so the real second
  paragraph ("FURTHER ORDERED denying without prejudice 84 MOTION to Seal.") has no counterpart.
- A denial's own reason in the draft: the record keeps Doc. 65's reason word for word, but the
  draft phrases a denial with the standard's stock words.
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

    denial, refiling = entered.drafted
    real = order["ordering_paragraphs"]
    # "ORDER denying without prejudice 65 Motion to Seal."
    assert "65 Motion to Seal" in real[0]
    assert denial.startswith("Defendant's Motion to Seal (Dkt. No. 65) is DENIED as to ")
    # "FURTHER ORDERED that the parties shall refile their Motions to Seal with specific requests
    # and properly redacted documents no later than December 9, 2022."
    assert real[2].endswith(f"the parties shall {act['what']} no later than December 9, 2022.")
    assert refiling == f"On or before December 9, 2022, the parties shall {act['what']}."
