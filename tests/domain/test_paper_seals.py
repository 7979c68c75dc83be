"""Sealing filed papers in the domain: the ruling per paper, which ruling governs, what the
public version redacts in the order's words, and the ordering paragraph's sentences for papers,
each against the text it must be."""

from __future__ import annotations

import re
from datetime import date

import pytest

from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit
from clawback.domain.drafting import ordering_paragraphs
from clawback.domain.errors import InvalidInput
from clawback.domain.paper_seals import (
    PaperItem,
    PaperSealDecision,
    check_items,
    decide_papers,
    governing,
    public_version_act,
    redacting,
    targets,
)
from clawback.domain.pinpoints import Pinpoint
from clawback.domain.seal_parts import Movant, Privacy, SealPart, SealRequest
from clawback.domain.sealing import MotionKind, MotionToSeal, SealDecision, Standard

GOOD = Standard.good_cause
NON = MotionKind.non_dispositive
DAY = date(2024, 3, 1)


def item(id_: str, at: str, page: int = 0, *texts: str) -> PaperItem:
    return PaperItem(id_, Pinpoint.parse(at), page, texts)


ITEMS = {
    "101-34": [
        item("rates", "page 7, lines 3-9", 6, "discount rate 12%"),
        item("p3", "page 3", 2, "x"),
        item("p5", "page 5", 4, "x"),
        item("p6", "page 6", 5, "x"),
        item("para", "¶ 12", 8, "x"),
    ]
}


@pytest.mark.parametrize(
    ("part", "words"),
    [
        (None, "every page"),
        (SealPart(items=("rates",)), "page 7, lines 3-9"),
        (SealPart(items=("p3", "p5", "p6")), "pages 3 and 5-6"),
        (SealPart(items=("p5", "p6", "para")), "pages 5-6 and ¶ 12"),
        (SealPart(items=("rates",), what="the discount rates"), "the discount rates"),
        (
            SealPart(patterns=("rate",), privacy=(Privacy.ssn,)),
            "the information the Court has identified and the Social Security and "
            "taxpayer-identification numbers (all but their last four digits)",
        ),
    ],
)
def test_what_a_public_version_redacts_in_the_orders_words(
    part: SealPart | None, words: str
) -> None:
    assert redacting(part, ITEMS["101-34"]) == words


def test_the_ruling_per_paper_mirrors_the_exhibits() -> None:
    motion = MotionToSeal("90", (), NON, papers=("101-33", "101-34"))
    part = SealPart(items=("rates",))
    granted = decide_papers(motion, motion.papers, True, "", part)
    assert [(d.paper, d.sealed, d.reason, d.part) for d in granted] == [
        ("101-33", True, "good cause shown for sealing", part),
        ("101-34", True, "good cause shown for sealing", part),
    ]
    denied = decide_papers(motion, ("101-33",), False, "Already quoted in the opinion.")
    assert [(d.sealed, d.reason, d.part) for d in denied] == [
        (False, "Already quoted in the opinion.", None)
    ]
    unseal = MotionToSeal("91", (), NON, request=SealRequest.unseal, papers=("101-33",))
    assert [d.sealed for d in decide_papers(unseal, ("101-33",), True)] == [False]
    assert [d.sealed for d in decide_papers(unseal, ("101-33",), False)] == [True]


def test_the_latest_ruling_in_force_governs_else_as_lodged() -> None:
    sealed = PaperSealDecision("1", True, GOOD, "")
    ends = PaperSealDecision("1", True, GOOD, "", unseal_on=DAY)
    unsealed = PaperSealDecision("1", False, GOOD, "")
    assert governing(True, [], DAY) is True
    assert governing(False, [], DAY) is False
    assert governing(True, [sealed, unsealed], DAY) is False
    assert governing(False, [unsealed, sealed], DAY) is True
    assert governing(False, [ends], date(2024, 2, 29)) is True
    assert governing(False, [ends], DAY) is False  # its seal ended that day


def test_a_part_names_only_the_papers_items_and_finds_its_targets() -> None:
    with pytest.raises(InvalidInput, match=re.escape("no item 'nope' of ECF No. 101-34")):
        check_items(SealPart(items=("nope",)), ITEMS["101-34"], "ECF No. 101-34")
    texts = ["SSN 123-45-6789 here", "nothing"]
    found = targets(SealPart(privacy=(Privacy.ssn,)), [], texts)
    assert [(f.page, f.text, f.reads, f.secret) for f in found] == [
        (0, "123-45-", "XXX-XX-", "123-45-6789")
    ]
    whole = targets(None, [], texts)
    assert [(f.page, f.text) for f in whole] == [(0, None), (1, None)]


def sentences(text: str) -> list[str]:
    return re.split(r"(?<!Dkt\.)(?<!No\.)(?<=\.)\s+(?=[A-Z])", text)


def draft(
    motion: MotionToSeal,
    decisions: list[PaperSealDecision],
    deadlines: list[Deadline] | None = None,
    exhibits: list[Exhibit] | None = None,
    on_exhibits: list[SealDecision] | None = None,
) -> list[str]:
    paragraphs = ordering_paragraphs(
        exhibits or [],
        [],
        [],
        None,
        None,
        deadlines or [],
        "Defendants",
        seal_motions=[(motion, on_exhibits or [])],
        paper_seals={motion.docket: decisions},
        paper_items=ITEMS,
    )
    return [p.text for p in paragraphs]


def test_a_party_motion_on_papers_whole_and_in_part() -> None:
    motion = MotionToSeal("90", (), NON, papers=("101-33", "101-34"))
    part = SealPart(items=("rates",))
    decisions = [
        PaperSealDecision("101-33", True, GOOD, "good cause shown for sealing"),
        PaperSealDecision("101-34", True, GOOD, "good cause shown for sealing", part),
    ]
    (text,) = draft(motion, decisions)
    assert sentences(text) == [
        "Defendants' Motion to Seal (Dkt. No. 90) is GRANTED IN PART.",
        "The Clerk shall maintain ECF No. 101-33 and ECF No. 101-34 under seal.",
        "Defendants shall file a public version of ECF No. 101-34 redacting page 7, lines 3-9.",
    ]
    # the order set a period for the public version: drafted with the dated acts, once
    act = public_version_act(decisions[1], ITEMS["101-34"])
    due = Deadline(act, date(2024, 3, 15), DAY, 14, "order on the motion to seal, Dkt. 90",
                   party="producing")  # fmt: skip
    text, dated = draft(motion, decisions, [due])
    assert "public version" not in text
    assert dated == (
        "Within 14 days of the date of this Order, Defendants shall file a public version of "
        "ECF No. 101-34 redacting page 7, lines 3-9."
    )


def test_a_denial_an_unsealing_and_the_courts_own_motion() -> None:
    theirs = MotionToSeal("92", (), NON, movant=Movant.receiving, papers=("101-33",))
    reason = "The declaration repeats what the complaint alleges."
    (text,) = draft(theirs, [PaperSealDecision("101-33", False, GOOD, reason)])
    assert text == (
        "Plaintiffs' Motion to Seal (Dkt. No. 92) is DENIED: The declaration repeats what the "
        "complaint alleges."
    )
    unseal = MotionToSeal(
        "93", (), NON, movant=Movant.receiving, request=SealRequest.unseal, papers=("101-33",)
    )
    (text,) = draft(unseal, [PaperSealDecision("101-33", False, GOOD, "unsealed")])
    assert text == (
        "Plaintiffs' Motion to Unseal (Dkt. No. 93) is GRANTED, and the Clerk shall unseal "
        "ECF No. 101-33."
    )
    own = MotionToSeal("order-1", (), NON, movant=Movant.court, papers=("101-33", "101-34"))
    part = SealPart(items=("p5", "p6"))
    decisions = [
        PaperSealDecision("101-33", True, GOOD, ""),
        PaperSealDecision("101-34", True, GOOD, "", part),
    ]
    (text,) = draft(own, decisions)
    assert text == (
        "On its own motion, the Court ORDERS that the Clerk maintain ECF No. 101-33 and ECF No. "
        "101-34 under seal; and that Defendants file a public version of ECF No. 101-34 "
        "redacting pages 5-6."
    )
    assert "Motion" not in text
