"""Marine v. Delta Marine Indus. (W.D. Wash. July 16, 2024): a motion to seal one exhibit,
granted with the court's reason (tests/orders/marine-delta-marine-2024-07-16).

What the model cannot carry of this order (the next slice's work):

- The movant: Plaintiffs moved to seal material Delta designated. A motion to seal has no movant
  in the record; ``draft-order`` writes it as the producing party's ("Delta's Motion to Seal").
- The exhibit as the court names it: "Exhibit 8 to the Declaration of Katie Mattison, Dkt. No.
  57" is an exhibit to a filed declaration, not a produced document; it is entered as produced
  Ex. 8 with made-up Bates numbers, and the draft cites those Bates numbers.
- The sealed exhibit in the disposition: a motion granted whole is drafted as "Delta's Motion to
  Seal (Dkt. No. 53) is GRANTED." without naming Exhibit 8 or saying it "will REMAIN SEALED";
  the court's reason is kept (verbatim) in the record but not drafted.
- The order's second ordering paragraph (the caption amended sua sponte, a party dismissed) and
  its direction that future filings use the new caption: not rulings or acts the model has (an
  act needs a day count or a date; this one has neither).
"""

from __future__ import annotations

from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "marine-delta-marine-2024-07-16"


def test_the_seal_of_exhibit_8_is_granted_with_the_courts_reason(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "Delta", "--receiving", "Plaintiffs")
    (motion,) = order["motions"]
    (ruling,) = motion["rulings"]
    assert (motion["docket"], outcome(ruling["outcome"])) == ("Dkt. No. 53", "granted")
    assert entered.sealed == {int(ruling["exhibit"]): True}
    assert entered.deadlines == []  # the order sets no act with a day or a date
    (drafted,) = entered.drafted
    real = order["ordering_paragraphs"][0]
    # The real: "Accordingly, the Court GRANTS Plaintiffs' Motion to Seal, Dkt. No. 53.
    # Exhibit 8 ... will REMAIN SEALED."
    assert "GRANTS" in real and "Motion to Seal, Dkt. No. 53" in real and "Exhibit 8" in real
    assert drafted == "Delta's Motion to Seal (Dkt. No. 53) is GRANTED."
    assert entered.seals == {"53": [(8, True, ruling["reason"])]}
