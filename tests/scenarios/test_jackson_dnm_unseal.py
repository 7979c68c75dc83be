"""United States v. Jackson (D.N.M. Dec. 17, 2018): the court's order to show cause about its own
sealed opinion and two motions to unseal, ruled together; a joint proposed order due in 30 days
(tests/orders/jackson-dnm-unseal-2018-12-17).

What the model cannot carry of this order (the next slice's work):

- A proceeding on the court's own motion: the order to show cause (Doc. 2362:123) has no place;
  the sealing of the Zirkle declaration is entered as a motion to seal under that docket.
- The court's own filing as the thing ruled on: the Government's requested redactions to the
  court's Memorandum Opinion and Order (Doc. 123) — granted as to the Zirkle declaration's
  mentions, denied as to the identities of unindicted third parties — are parts of a filing, not
  of a produced document; neither ruling can be entered, and so neither is drafted.
- Motions to unseal (Doc. 2362:102, Doc. 2363:102), granted in part with the particulars left to
  the joint proposed order: no motion to unseal exists.
- Filed documents by docket number in two consolidated cases ("Docs. 2362:86-1, 2362:89-1,
  2363:85-1, 2363:88-1"): the declaration is entered as one produced exhibit with made-up Bates
  numbers, which the draft cites.
- The order's first ordering paragraph as a whole (it grants and denies the Government's
  requests in one sentence); only its sealing half has a drafted counterpart, worded as the
  disposition of "the Government's Motion to Seal" — and the draft does not capitalise a party
  named with an article ("the Government's Motion ..." opens the paragraph in lower case).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.scenarios.enter import enter, expected, outcome

SLUG = "jackson-dnm-unseal-2018-12-17"


def test_the_declaration_is_sealed_and_the_joint_order_is_due_in_30_days(tmp_path: Path) -> None:
    order = expected(SLUG)
    entered = enter(SLUG, tmp_path, "--producing", "the Government", "--receiving", "Defendants")
    own_motion = order["motions"][0]
    declaration = own_motion["rulings"][1]
    assert declaration["document"].startswith("Zirkle declaration")
    assert outcome(declaration["outcome"]) == "granted"
    assert entered.sealed == {1: True}
    (act,) = order["acts"]
    assert (act["days"], act["due"]) == (30, date(2019, 1, 16))
    assert entered.due() == [(act["due"], act["what"])]
    sealing, joint_order = entered.drafted
    real = order["ordering_paragraphs"]
    # "(1) GRANTS the Government's request ... for the sealing of the Zirkle declaration"
    assert "GRANTS the Government's request" in real[0] and "sealing of the Zirkle" in real[0]
    assert sealing == "the Government's Motion to Seal (Dkt. No. 2362:123) is GRANTED."
    # "the parties SHALL SUBMIT a Joint Proposed Order WITHIN THIRTY (30) DAYS of this Order
    # regarding the pleadings that shall be unsealed and/or refiled with redactions"
    assert "SHALL SUBMIT a Joint Proposed Order WITHIN THIRTY (30) DAYS of this Order" in real[1]
    assert (
        joint_order == f"Within 30 days of the date of this Order, the parties shall {act['what']}."
    )
