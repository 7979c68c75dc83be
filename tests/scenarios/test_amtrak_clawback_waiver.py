"""Certain Underwriters at Lloyd's v. Amtrak (E.D.N.Y. Nov. 17, 2016): a motion to compel the
re-production of two clawed-back documents, granted because the privilege was waived
(tests/orders/amtrak-clawback-waiver-2016-11-17).

What the model cannot carry of this order (the next slice's work):

- Two protections on one claim: attorney-client privilege and work-product protection; the claim
  names one (attorney_client), the other is in its basis only.
- Waiver by use: the privilege was waived by use at deposition without timely objection under a
  Rule 502(d) order, not by a Rule 502(b) analysis; the record has "waived" without saying how.
- The documents as deposition exhibits (a third-party summary numbers them 26 and 44): they are
  entered as produced Exs. 1-2 with made-up Bates numbers, which the draft cites.
- The act "re-produce the two clawed-back documents": the order (as far as the text goes) sets
  no day count or date, and an act needs one.
- The order's words for the outcome: it grants LMI's motion; the draft, in the motion's terms,
  grants the motion to compel and says why ("the privilege has been waived"), one paragraph per
  document where the order has one sentence for the motion.
"""

from __future__ import annotations

from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "amtrak-clawback-waiver-2016-11-17"


def test_the_motion_to_compel_is_granted_as_the_privilege_was_waived(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "Amtrak", "--receiving", "LMI")
    (motion,) = order["motions"]
    (ruling,) = motion["rulings"]
    assert (motion["kind"], outcome(motion["outcome"])) == ("compel", "granted")
    assert entered.rulings == {"lmi-compel": [(outcome(ruling["outcome"]), "2016-11-17", "")]}
    assert entered.deadlines == []
    (real,) = order["ordering_paragraphs"]
    assert real == "For the following reasons, LMI's motion is granted."
    assert entered.drafted == [
        f"LMI's motion to compel production of the document bearing Bates number "
        f"AMTRAK-00000{n} (Amtrak's Ex. {n}) is GRANTED: the privilege has been waived."
        for n in (1, 2)
    ]
