"""Administrative motions to seal (N.D. Cal. Civil L.R. 7-11 and 79-5): a motion brought in that
form is disposed of by its own name, as the court's orders give it, and a form that cannot be
brought (to consider whether another party's material should be unsealed, an administrative
motion of the court's own) is refused in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.domain.documents import Exhibit
from clawback.domain.drafting import ordering_paragraphs
from clawback.domain.errors import InvalidInput
from clawback.domain.paper_seals import PaperSealDecision
from clawback.domain.seal_parts import MotionForm, Movant, SealRequest, motion_form, motion_title
from clawback.domain.sealing import MotionKind, MotionToSeal, SealDecision, Standard

GOOD = Standard.good_cause
NON = MotionKind.non_dispositive
ORDERS = Path(__file__).parents[1] / "orders"


def drafted(exhibits: list[Exhibit], *motions: tuple[MotionToSeal, list[object]]) -> list[str]:
    """The ordering paragraphs for ``motions`` (each with its decisions on exhibits or papers),
    Plaintiff designating and Defendant filing the other side's material."""
    on_exhibits = [(m, [d for d in ds if isinstance(d, SealDecision)]) for m, ds in motions]
    on_papers = {m.docket: [d for d in ds if isinstance(d, PaperSealDecision)] for m, ds in motions}
    paragraphs = ordering_paragraphs(
        exhibits,
        [],
        [],
        None,
        None,
        [],
        "Plaintiff",
        exhibit_label=None,
        receiving="Defendant",
        seal_motions=on_exhibits,
        paper_seals=on_papers,
    )
    return [p.text for p in paragraphs]


def test_each_form_is_disposed_of_in_the_courts_words(exhibits: list[Exhibit]) -> None:
    theirs = MotionToSeal("134", (1,), NON, movant=Movant.producing, form=MotionForm.administrative)
    ours = MotionToSeal(
        "88",
        (),
        NON,
        movant=Movant.receiving,
        papers=("87",),
        form=MotionForm.other_partys_material,
    )
    noticed = MotionToSeal("90", (), NON, movant=Movant.receiving, papers=("89",))
    said = drafted(
        exhibits,
        (theirs, [SealDecision(1, True, GOOD, "good cause shown for sealing")]),
        (ours, [PaperSealDecision("87", False, GOOD, "good cause not shown")]),
        (noticed, [PaperSealDecision("89", True, GOOD, "good cause shown for sealing")]),
    )
    assert said == [
        "Plaintiff's Administrative Motion to File Under Seal (Dkt. No. 134) is GRANTED.",
        "Defendant's Administrative Motion to Consider Whether Another Party's Material Should "
        "Be Sealed (Dkt. No. 88) is DENIED.",
        "Defendant's Motion to Seal (Dkt. No. 90) is GRANTED. The Clerk shall maintain "
        "ECF No. 89 under seal.",  # a noticed motion reads as it did
    ]


def test_an_administrative_motion_to_unseal_and_its_partial_grant(
    exhibits: list[Exhibit],
) -> None:
    unseal = MotionToSeal(
        "140",
        (2,),
        NON,
        movant=Movant.receiving,
        request=SealRequest.unseal,
        form=MotionForm.administrative,
    )
    (text,) = drafted(exhibits, (unseal, [SealDecision(2, False, GOOD, "unsealed")]))
    assert text.startswith("Defendant's Administrative Motion to Unseal (Dkt. No. 140) is GRANTED")
    reason = "the rates are stated in the public complaint."
    part = MotionToSeal("141", (1, 2), NON, movant=Movant.producing, form=MotionForm.administrative)
    (text,) = drafted(
        exhibits,
        (part, [SealDecision(1, True, GOOD, ""), SealDecision(2, False, GOOD, reason)]),
    )
    assert text.startswith(
        "Plaintiff's Administrative Motion to File Under Seal (Dkt. No. 141) is GRANTED IN PART:"
    )
    assert text.endswith(f"{reason[:-1]}.")


def test_a_form_that_cannot_be_brought_is_refused_in_one_line() -> None:
    with pytest.raises(InvalidInput, match=r"^a motion to consider whether another party's"):
        MotionToSeal(
            "9",
            (1,),
            NON,
            request=SealRequest.unseal,
            form=MotionForm.other_partys_material,
        )
    with pytest.raises(InvalidInput, match=r"^motion Dkt\. 9: the court's own motion is no "):
        MotionToSeal("9", (1,), NON, movant=Movant.court, form=MotionForm.administrative)
    with pytest.raises(InvalidInput, match=r"^no form of motion 'admin': one of motion, "):
        motion_form("admin")


def test_the_title_is_the_one_a_real_northern_district_order_gives() -> None:
    """Opperman v. Path, Inc. (N.D. Cal. 2017, Tigar, J.), tests/orders: "ORDER REGARDING
    ADMINISTRATIVE MOTIONS TO FILE UNDER SEAL", and the motions in its text by that name."""
    text = (ORDERS / "opperman-path-2017-03.txt").read_text("utf-8")
    title = motion_title(MotionForm.administrative, SealRequest.seal)
    caption = text.splitlines()[1]
    assert caption == f"ORDER REGARDING {title.replace('Motion', 'Motions').upper()}"
    assert "the administrative motion at ECF No. 825" in text
    assert "An administrative motion to seal must also fulfill" in text
