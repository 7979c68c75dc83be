"""Ordering paragraphs of another shape than the reference order, sentence by sentence: a motion
to compel over attorney-client material (a non-government producing party), a claw-back denied
as moot, the designating party's supporting statement, an act the court dated and one for the
receiving side."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from clawback.domain.acts import ActKind, OrderedAct, Party
from clawback.domain.claims import Claim, Privilege, Request, Result, Ruling
from clawback.domain.documents import Exhibit
from clawback.domain.drafting import exhibit_label, ordering_paragraphs
from clawback.domain.sealing import LocalRule, MotionKind, MotionToSeal, supporting_statement

AC = Privilege.attorney_client
ORDER = date(2021, 6, 3)
NDCAL = LocalRule("ndcal-79-5", "N.D. Cal.", "N.D. Cal. Civil L.R. 79-5", True, True, 7)


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=\.)\s+(?=[A-Z])", text)


def test_a_motion_to_compel_a_moot_claw_back_and_acts_sentence_by_sentence(
    exhibits: list[Exhibit],
) -> None:
    described = [
        replace(e, items=tuple(replace(i, what="names of the agents") for i in e.items))
        if e.number == 18
        else e
        for e in exhibits
    ]
    claims = [
        Claim("moot", AC, (1,)),
        Claim("names", AC, (18,), ("fir-gaps",), request=Request.compel),
        Claim("deck", AC, (19,), request=Request.compel),
    ]
    rulings = [
        Ruling("moot", Result.moot, reason="Moot: the parties stipulated."),
        Ruling("names", Result.granted),
        Ruling("deck", Result.waived, reason="Produced twice and not clawed back for a year."),
    ]
    statement = supporting_statement(
        NDCAL,
        MotionToSeal("120", (18,), MotionKind.non_dispositive),
        date(2021, 6, 7),
        movant_designated=False,
        exhibits="Ex. 18",
    )
    assert statement is not None
    acts = [
        statement,
        OrderedAct(
            Party.both,
            ActKind.joint_status_report,
            "file a joint status report",
            ORDER,
            by=date(2021, 6, 17),
            source="order of 2021-06-03, para. 5",
        ).deadline(),
        OrderedAct(
            Party.receiving,
            ActKind.supplemental_response,
            "file a response to the supplemental declaration",
            ORDER,
            days=7,
            source="order of 2021-06-03, para. 6",
        ).deadline(),
    ]
    label = exhibit_label("Defendants", "Acme Corp. and its officers")
    drafted = ordering_paragraphs(
        described, claims, rulings, None, None, acts, "Defendants", exhibit_label=label
    )
    assert [sentences(p.text) for p in drafted] == [
        [
            "Defendants' request to claw back the document bearing Bates numbers "
            "AOL-DEF-00556914-918 (Defs.' Ex. 1) is DENIED AS MOOT."
        ],
        [
            "Plaintiffs' motion to compel production of the document bearing Bates numbers "
            "AOL-DEF-00528691-707 (Defs.' Ex. 18) is DENIED with respect to the names of the "
            "agents on page AOL-DEF-00528703."
        ],
        [
            "Plaintiffs' motion to compel production of the document bearing Bates numbers "
            "AOL-DEF-00516605-623 (Defs.' Ex. 19) is GRANTED: the privilege has been waived."
        ],
        [
            "On or before June 14, 2021, Defendants shall file a statement supporting the "
            "sealing of Ex. 18 (motion to seal, Dkt. 120)."
        ],
        ["On or before June 17, 2021, the parties shall file a joint status report."],
        [
            "Within 7 days of the date of this Order, Plaintiffs shall file a response to the "
            "supplemental declaration."
        ],
    ]
    assert not any("shall designating" in p.text or "Gov't" in p.text for p in drafted)


def test_exhibit_labels_follow_the_producing_party() -> None:
    assert exhibit_label("Defendants", "U.S. Customs and Border Protection") == "Gov't Ex."
    assert exhibit_label("Defendants") == "Defs.' Ex."
    assert exhibit_label("Plaintiff") == "Pl.'s Ex."
    assert exhibit_label("Acme") == "Acme's Ex."
    assert exhibit_label("United States") == "Gov't Ex."
