"""An order disposing of every kind of motion at once, sentence by sentence: a motion to compel
and a claw-back, a party's motion to seal ruled exhibit by exhibit with the court's reason word
for word, the receiving party's motion sealed in part (its exhibits by its own label, FRCP
5.2(a) in the rule's terms), the court's own sealing (no motion invented), and a motion to
unseal denied with its reason."""

from __future__ import annotations

import re

from clawback.domain.claims import Claim, Privilege, Request, Result, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.drafting import exhibit_label, ordering_paragraphs
from clawback.domain.seal_parts import Movant, Privacy, SealPart, SealRequest
from clawback.domain.sealing import (
    PUBLIC_DOMAIN,
    MotionKind,
    MotionToSeal,
    SealDecision,
    Standard,
)

GOOD = Standard.good_cause
NON = MotionKind.non_dispositive


def sentences(text: str) -> list[str]:
    return re.split(r"(?<!Dkt\.)(?<!No\.)(?<=\.)\s+(?=[A-Z])", text)


def test_every_motion_the_order_disposes_of(exhibits: list[Exhibit]) -> None:
    claims = [
        Claim("names", Privilege.attorney_client, (18,), ("fir-gaps",), request=Request.compel),
        Claim("deck", Privilege.work_product, (19,)),
    ]
    rulings = [Ruling("names", Result.granted), Ruling("deck", Result.waived)]
    theirs = MotionToSeal("100", (1, 2, 14), NON, movant=Movant.producing)
    reason = "the images show nothing beyond what the complaint alleges."
    part = SealPart(items=("fir-dbcode",), privacy=(Privacy.ssn,))
    motions = [
        (
            theirs,
            [
                SealDecision(1, True, GOOD, "good cause shown for sealing"),
                SealDecision(2, False, GOOD, reason),
                SealDecision(14, False, GOOD, PUBLIC_DOMAIN),
            ],
        ),
        (
            MotionToSeal("101", (18,), NON, movant=Movant.receiving),
            [SealDecision(18, True, GOOD, "", part)],
        ),
        (
            MotionToSeal("order", (19,), NON, movant=Movant.court),
            [SealDecision(19, True, GOOD, "")],
        ),
        (
            MotionToSeal("102", (1,), NON, movant=Movant.receiving, request=SealRequest.unseal),
            [SealDecision(1, True, GOOD, "The Ninth Circuit's mandate has not issued.")],
        ),
    ]
    drafted = ordering_paragraphs(
        exhibits,
        claims,
        rulings,
        None,
        None,
        [],
        "Defendants",
        exhibit_label=exhibit_label("Defendants", "U.S. Customs and Border Protection"),
        seal_motions=motions,
    )
    assert [sentences(p.text) for p in drafted] == [
        [
            "Plaintiffs' motion to compel production of the document bearing Bates numbers "
            "AOL-DEF-00528691-707 (Gov't Ex. 18) is DENIED with respect to the names on page "
            "AOL-DEF-00528703."
        ],
        [
            "Defendants' request to claw back the document bearing Bates numbers "
            "AOL-DEF-00516605-623 (Gov't Ex. 19) is DENIED: the privilege has been waived."
        ],
        [
            "Defendants' Motion to Seal (Dkt. No. 100) is GRANTED IN PART: it is GRANTED as to "
            "the document bearing Bates numbers AOL-DEF-00556914-918 (Gov't Ex. 1) and DENIED "
            "as to the document bearing Bates number AOL-DEF-00556931 (Gov't Ex. 14), which is "
            "already publicly available and cannot be sealed; and as to the document bearing "
            "Bates number AOL-DEF-00556919 (Gov't Ex. 2): the images show nothing beyond what "
            "the complaint alleges."
        ],
        [
            "Plaintiffs' Motion to Seal (Dkt. No. 101) is GRANTED IN PART: it is GRANTED as to "
            "the code and the Social Security and taxpayer-identification numbers (all but "
            "their last four digits) in the document bearing Bates numbers "
            "AOL-DEF-00528691-707 (Pls.' Ex. 18), to be redacted from the version filed on the "
            "public docket; and it is otherwise DENIED."
        ],
        [
            "On its own motion, the Court ORDERS that the document bearing Bates numbers "
            "AOL-DEF-00516605-623 (Gov't Ex. 19) be filed under seal."
        ],
        [
            "Plaintiffs' Motion to Unseal (Dkt. No. 102) is DENIED: The Ninth Circuit's "
            "mandate has not issued."
        ],
    ]
    said = " ".join(p.text for p in drafted)
    assert "Motion to Seal (Dkt. No. order)" not in said  # the own motion is no motion
    assert "request to claw back" not in drafted[0].text


def test_a_conditional_seal_and_a_granted_unseal(exhibits: list[Exhibit]) -> None:
    motions = [
        (
            MotionToSeal("200", (18,), NON, joint=True),
            [SealDecision(18, True, GOOD, "", condition="file proposed redactions")],
        ),
        (
            MotionToSeal("201", (19,), NON, movant=Movant.both, request=SealRequest.unseal),
            [SealDecision(19, False, GOOD, "unsealed")],
        ),
    ]
    drafted = ordering_paragraphs(
        exhibits, [], [], None, None, [], "Acme", exhibit_label="Acme's Ex.", seal_motions=motions
    )
    assert [p.text for p in drafted] == [
        "The parties' Motion to Seal (Dkt. No. 200) is CONDITIONALLY GRANTED: the document "
        "bearing Bates numbers AOL-DEF-00528691-707 (Acme's Ex. 18) shall remain under seal on "
        "the condition that the parties file proposed redactions.",
        "The parties' Motion to Unseal (Dkt. No. 201) is GRANTED, and the document bearing "
        "Bates numbers AOL-DEF-00516605-623 (Acme's Ex. 19) shall be unsealed.",
    ]
    assert [p.disposition for p in drafted] == ["granted", "granted"]


def test_the_courts_own_seal_in_part_on_a_condition(exhibits: list[Exhibit]) -> None:
    part = SealPart(privacy=(Privacy.birth_date, Privacy.minor), minors=("A. B.",))
    motions = [
        (
            MotionToSeal("sua sponte", (18,), NON, movant=Movant.court),
            [SealDecision(18, True, GOOD, "", part, "file a redacted version within 7 days")],
        )
    ]
    (drafted,) = ordering_paragraphs(
        exhibits, [], [], None, None, [], "Acme", exhibit_label="Acme's Ex.", seal_motions=motions
    )
    assert drafted.text == (
        "On its own motion, the Court ORDERS that the birth dates (all but the year) and the "
        "names of minors (all but their initials) in the document bearing Bates numbers "
        "AOL-DEF-00528691-707 (Acme's Ex. 18) be redacted from the version filed on the public "
        "docket, on the condition that Acme file a redacted version within 7 days."
    )
    assert drafted.disposition == "directive" and "Motion" not in drafted.text
