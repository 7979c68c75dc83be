"""Garcia v. SEIU (D. Nev. July 12, 2018): an interim seal "as a one-time courtesy", and the
court's own threat to unseal the motion to seal unless a further motion comes by a fixed hour
the next day (tests/orders/garcia-seiu-2018-07-12).

What the model cannot carry of this order (the next slice's work):

- A conditional or interim seal: a seal ruling is granted or denied; Exhibit 21's interim seal
  "pending resolution of the motion to seal" is entered as granted, the condition only in the
  court's reason (kept verbatim), and the motion to seal stays pending in the order but is ruled
  in the record.
- The court's own motion: unsealing 135 (the motion to seal) and 135-1 (its declaration) unless a
  further motion is filed — filings, not produced documents, and a conditional ruling of the
  court's own; neither can be entered or drafted.
- A time of day: "by 3:00 p.m. on 7/13/2018" is entered as the date the court fixed; the hour
  is lost.
- The clerk's act ("The Clerk's Office is INSTRUCTED to seal Docket No. 134-17"): an act's party
  is a side of the case (producing, receiving, both), not the clerk, and it has no day or date.
- The exhibit by its docket number ("Docket No. 134-17 (\\"Exhibit 21\\")"): entered as produced
  Ex. 21 with made-up Bates numbers.
- The draft's wording for the motion: "Defendants' Motion to Seal (Dkt. No. 135) is GRANTED"
  (the motion was Plaintiffs', and it was not granted but left pending).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "garcia-seiu-2018-07-12"


def test_the_interim_seal_and_the_further_motion_due_the_next_day(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "Defendants", "--receiving", "Plaintiffs")
    seal = order["motions"][0]
    (interim,) = seal["rulings"]
    assert (interim["exhibit"], outcome(interim["outcome"])) == ("21", "conditionally_granted")
    assert entered.seals == {"135": [(21, True, interim["reason"])]}
    further, _clerk = order["acts"]
    assert (further["on_or_before"], further["due"]) == (date(2018, 7, 13), date(2018, 7, 13))
    assert entered.due() == [(further["due"], further["what"])]
    sealing, further_motion = entered.drafted
    real = order["ordering_paragraphs"]
    # "The Court will unseal 135 ... unless a further motion is filed explaining why they should
    # remain sealed by 3:00 p.m. on 7/13/2018." / "The Clerk's Office is INSTRUCTED to seal
    # Docket No. 134 -17 ("Exhibit 21")."
    assert "a further motion is filed explaining why" in real[0] and "7/13/2018" in real[0]
    assert "INSTRUCTED to seal" in real[1]
    assert sealing == "Defendants' Motion to Seal (Dkt. No. 135) is GRANTED."
    assert further_motion == f"On or before July 13, 2018, Plaintiffs shall {further['what']}."
