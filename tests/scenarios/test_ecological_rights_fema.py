"""Ecological Rights Found. v. FEMA (N.D. Cal. Jan. 3, 2017): a claw-back of three inadvertently
produced documents, denied (tests/orders/ecological-rights-fema-2017-01-03).

What the model cannot carry of this order (the next slice's work):

- More than one privilege on a claim: FEMA claimed (per a third-party summary) deliberative
  process and attorney-client privilege under FOIA Exemption 5; a claim names one privilege.
- A claw-back raised in a joint discovery letter rather than a motion: the draft calls it
  "Defendant's request to claw back", the order "Defendant's motion"; the letter's docket (Dkt.
  No. 34) has no place on a claim.
- One disposition for the request: the order denies the motion in one sentence; the draft
  disposes of each unrelated document in its own paragraph (documents are grouped only by
  family).
- The documents as the order names them ("three documents inadvertently produced"): they are
  entered as produced Exs. 1-3 with made-up Bates numbers, which the draft cites.
"""

from __future__ import annotations

from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "ecological-rights-fema-2017-01-03"


def test_the_claw_back_of_three_documents_is_denied(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "Defendant", "--receiving", "Plaintiff")
    (motion,) = order["motions"]
    (ruling,) = motion["rulings"]
    assert (motion["kind"], outcome(motion["outcome"])) == ("clawback", "denied")
    assert entered.rulings == {"dkt-34": [(outcome(ruling["outcome"]), "2017-01-03", "")]}
    assert entered.deadlines == []
    (real,) = order["ordering_paragraphs"]
    assert real == "For the following reasons, Defendant's motion is denied."
    assert entered.drafted == [
        f"Defendant's request to claw back the document bearing Bates number FEMA-00000{n} "
        f"(Def.'s Ex. {n}) is DENIED."
        for n in (1, 2, 3)
    ]
