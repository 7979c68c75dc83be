"""Drafting ordering paragraphs: the reference case must come out as the court disposed of it."""

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from clawback.domain.bates import BatesRange, parse_ranges
from clawback.domain.claims import Claim, Privilege, Result, Ruling, State
from clawback.domain.compliance import Act, Directive, deadlines
from clawback.domain.deadlines import Deadline
from clawback.domain.documents import Exhibit
from clawback.domain.drafting import Paragraph, ordering_paragraphs, render
from clawback.domain.errors import RuleViolation
from clawback.domain.sealing import MotionKind, MotionToSeal, decide

ORDER = Path("/work/shared/seed-case/order-2020-06-26.txt")
ORDER_DATE = date(2020, 6, 26)
LE = Privilege.law_enforcement
CLAIMS = [
    Claim("c-sentri", LE, tuple(range(1, 18))),
    Claim("c-fir-code", LE, (18,), ("fir-dbcode",)),
    Claim("c-fir-gaps", LE, (18,), ("fir-gaps",)),
    Claim("c-ppt-code", LE, (19,), ("ppt-dbcode",)),
    Claim("c-ppt-other", LE, (19,), ("ppt-other", "ppt-618")),
]
RULINGS = [
    Ruling("c-sentri", Result.denied),
    Ruling("c-fir-code", Result.granted),
    Ruling("c-fir-gaps", Result.denied),
    Ruling("c-ppt-code", Result.granted),
    Ruling("c-ppt-other", Result.denied),
]
MOTION = MotionToSeal("461", tuple(range(1, 20)), MotionKind.non_dispositive, joint=True)
DIRECTIVES = [
    Directive("5", 14, Act.lodge_sealed),
    Directive("5", 14, Act.file_public_redacted),
    Directive("6", 14, Act.file_public),
]
# The items as the case file describes them (the fixture's descriptions are one word each).
WHAT = {
    "fir-dbcode": "numerical database identification code used to track the report",
    "fir-gaps": "names listed under the heading 'Information Gaps'",
    "ppt-dbcode": "numerical database identification codes",
    "ppt-other": "other information about actions CBP takes with sensitive information",
    "ppt-618": "page identical in content to the image at AOL-DEF-00556922 (Ex. 5)",
}
BATES = re.compile(r"[A-Z]+(?:-[A-Z]+)*-\d+(?:\s+through\s+[A-Z]+(?:-[A-Z]+)*-\d+|-\d+(?!\d))?")
EXHIBITS = re.compile(r"Gov't Exs?\.\s*((?:\d+(?:-\d+)?(?:,\s*|\s+and\s+)?)+)")
WORDS = re.compile(r"\b(GRANTED|DENIED)\b")


@pytest.fixture
def described(exhibits: list[Exhibit]) -> list[Exhibit]:
    return [replace(e, items=tuple(replace(i, what=WHAT[i.id]) for i in e.items)) for e in exhibits]


def _deadlines(exhibits: list[Exhibit], motion: MotionToSeal = MOTION) -> list[Deadline]:
    decisions = decide(motion, exhibits, standard_met=True)
    return deadlines(DIRECTIVES, ORDER_DATE, exhibits, decisions)


def _draft(exhibits: list[Exhibit], **kwargs: object) -> list[Paragraph]:
    args: dict[str, object] = {
        "claims": CLAIMS,
        "rulings": RULINGS,
        "motion": MOTION,
        "seal_granted": True,
        "deadlines": _deadlines(exhibits),
    }
    args.update(kwargs)
    return ordering_paragraphs(exhibits, **args)  # type: ignore[arg-type]


def _pages(ranges: list[BatesRange] | tuple[BatesRange, ...]) -> set[tuple[str, int]]:
    return {(p.series, p.number) for r in ranges for p in r}


def _bates_in(text: str) -> list[BatesRange]:
    return [r for found in BATES.findall(text) for r in parse_ranges(found)]


def _exhibits_in(text: str) -> set[int]:
    numbers: set[int] = set()
    for found in EXHIBITS.findall(text):
        for part in re.split(r",\s*|\s+and\s+", found.strip()):
            if part:
                a, _, b = part.partition("-")
                numbers.update(range(int(a), int(b or a) + 1))
    return numbers


def _words(text: str) -> set[str]:
    return set(WORDS.findall(text))


def _clauses(text: str) -> dict[str, set[tuple[str, int]]]:
    """The pages each GRANTED or DENIED clause names, up to the next such word."""
    parts = WORDS.split(text)
    return {
        word: _pages(_bates_in(after)) for word, after in zip(parts[1::2], parts[2::2], strict=True)
    }


def _conclusion() -> dict[int, str]:
    """The order's numbered ordering paragraphs, read from the order itself."""
    text = ORDER.read_text(encoding="utf-8")
    tail = text[text.index("IV. CONCLUSION") :]
    found = {}
    for line in tail.splitlines():
        match = re.match(r"^(\d+)\.\s+(.*)$", line)
        if match:
            found[int(match[1])] = re.sub(r"(?:\s*//)+\s*$", "", match[2])
    return found


def test_reference_case_disposes_as_the_order_does(described: list[Exhibit]) -> None:
    order = _conclusion()
    drafted = _draft(described)
    assert sorted(order) == [p.number for p in drafted] == [1, 2, 3, 4, 5, 6]
    by_number = {p.number: p for p in drafted}
    for n in (1, 2, 3, 5, 6):
        ours, theirs = by_number[n], order[n]
        # Same pages, whether read from our structure or from our words.
        assert _pages(ours.bates) == _pages(_bates_in(theirs)), n
        assert _pages(_bates_in(ours.text)) == _pages(_bates_in(theirs)), n
        # Same exhibits and the same GRANTED/DENIED words.
        assert set(ours.exhibits) == _exhibits_in(ours.text) == _exhibits_in(theirs), n
        assert _words(ours.text) == _words(theirs), n
        # Granted for the same pages, denied for the same pages (paragraphs 2 and 3).
        assert _clauses(ours.text) == _clauses(theirs), n
    assert [by_number[n].disposition for n in (1, 2, 3, 5, 6)] == [
        "denied",
        "granted_in_part",
        "granted_in_part",
        "directive",
        "directive",
    ]
    # Paragraph 4: as the order does, the motion is GRANTED; Exs. 14-17, public and so not
    # sealable, reach the public docket through paragraph 6's directive.
    seal = by_number[4]
    assert _words(seal.text) == _words(order[4]) == {"GRANTED"}
    assert seal.disposition == "granted"
    assert seal.text == "The parties' Motion to Seal (Dkt. No. 461) is GRANTED."
    assert set(seal.exhibits) == set(range(1, 20))


def test_reference_case_wording(described: list[Exhibit]) -> None:
    texts = [str(p) for p in _draft(described)]
    order = _conclusion()
    # Paragraph 1 comes out word for word as the court wrote it.
    assert texts[0] == f"1. {order[1]}"
    assert texts[0] == (
        "1. Defendants' request to claw back the documents bearing Bates numbers "
        "AOL-DEF-00556914 through AOL-DEF-00556934 (Gov't Exs. 1-17) is DENIED."
    )
    assert texts[1] == (
        "2. Defendants' request to claw back the document bearing Bates numbers "
        "AOL-DEF-00528691-707 (Gov't Ex. 18) is GRANTED with respect to the numerical database "
        "identification code used to track the report on page AOL-DEF-00528703 and is otherwise "
        "DENIED."
    )
    assert texts[2].endswith(
        "(Gov't Ex. 19) is GRANTED with respect to the numerical database identification codes "
        "on page AOL-DEF-00516617 and DENIED as to all other information on pages "
        "AOL-DEF-00516617 and AOL-DEF-00516618."
    )
    assert texts[4] == (
        "5. Within 14 days of the date of this Order, Defendants shall lodge under seal on the "
        "docket the documents bearing Bates numbers AOL-DEF-00556914 through AOL-DEF-00556930, "
        "the document bearing Bates numbers AOL-DEF-00528691-707, and the document bearing "
        "Bates numbers AOL-DEF-00516605-623 (Gov't Exs. 1-13, 18 and 19), redacted for "
        "privilege as consistent with this Order. Defendants shall also file the same exhibits "
        "on the public docket with the confidential information redacted."
    )
    assert texts[5] == (
        "6. Within 14 days of the date of this Order, Defendants shall file on the public docket "
        "the documents bearing Bates numbers AOL-DEF-00556931 through AOL-DEF-00556934 "
        "(Gov't Exs. 14-17)."
    )
    assert render(_draft(described)) == "\n".join(texts)


def test_no_paragraph_quotes_an_item(described: list[Exhibit]) -> None:
    secrets = [t for e in described for i in e.items for t in i.texts]
    assert secrets
    everything = render(_draft(described)).casefold()
    assert not [s for s in secrets if s.casefold() in everything]
    # A description that gives the secret away is refused, not printed.
    leaky = [
        replace(
            e,
            items=tuple(
                replace(i, what=f"code {i.texts[0]}") if i.id == "fir-dbcode" else i
                for i in e.items
            ),
        )
        for e in described
    ]
    with pytest.raises(RuleViolation, match=r"paragraph 2 .*'fir-dbcode'") as caught:
        _draft(leaky)
    assert "FIR-2018" not in str(caught.value)


def test_whole_document_claims_granted(described: list[Exhibit]) -> None:
    drafted = _draft(
        described,
        claims=[CLAIMS[0], Claim("c-fir", LE, (18,))],
        rulings=[Ruling("c-sentri", Result.granted), Ruling("c-fir", Result.granted)],
    )
    assert str(drafted[0]).endswith("(Gov't Exs. 1-17) is GRANTED.")
    assert drafted[1].text == (
        "Defendants' request to claw back the document bearing Bates numbers "
        "AOL-DEF-00528691-707 (Gov't Ex. 18) is GRANTED."
    )
    assert [p.disposition for p in drafted[:2]] == ["granted", "granted"]
    assert drafted[1].exhibits == (18,)
    assert drafted[1].bates == (BatesRange.parse("AOL-DEF-00528691-707"),)


def test_item_claim_granted_in_full_names_the_item(described: list[Exhibit]) -> None:
    drafted = _draft(described, claims=CLAIMS[1:2], rulings=RULINGS[1:2], motion=None)
    assert drafted[0].disposition == "granted"
    assert drafted[0].text.endswith(
        "is GRANTED with respect to the numerical database identification code used to track "
        "the report on page AOL-DEF-00528703."
    )
    assert "DENIED" not in drafted[0].text


def test_motion_with_nothing_refused_is_plainly_granted(described: list[Exhibit]) -> None:
    motion = replace(MOTION, exhibits=(*range(1, 14), 18, 19))
    drafted = _draft(described, motion=motion, deadlines=[])
    assert drafted[-1].text == "The parties' Motion to Seal (Dkt. No. 461) is GRANTED."
    assert drafted[-1].disposition == "granted"
    assert drafted[-1].exhibits == (*range(1, 14), 18, 19)


def test_motion_refused_or_undecided(described: list[Exhibit]) -> None:
    motion = MotionToSeal("12", (1, 2, 14), MotionKind.dispositive)
    drafted = _draft(described, claims=[], motion=motion, seal_granted=False, deadlines=[])
    assert drafted[0].disposition == "denied"
    assert drafted[0].text == (
        "Defendants' Motion to Seal (Dkt. No. 12) is DENIED as to the document bearing Bates "
        "number AOL-DEF-00556931 (Gov't Ex. 14), which is already publicly available and cannot "
        "be sealed; and as to the documents bearing Bates numbers AOL-DEF-00556914 through "
        "AOL-DEF-00556919 (Gov't Exs. 1 and 2), for which compelling reasons have not been shown."
    )
    assert _draft(described, claims=[], seal_granted=None, deadlines=[]) == []
    decided = decide(MOTION, described, standard_met=True)
    given = _draft(described, claims=[], seal_granted=None, seal_decisions=decided, deadlines=[])
    assert given == _draft(described, claims=[], deadlines=[])


def test_family_split_by_outcome_and_pending_claims(described: list[Exhibit]) -> None:
    claims = [
        Claim("c-a", LE, tuple(range(1, 10))),
        Claim("c-b", LE, tuple(range(10, 18))),
        Claim("c-pending", LE, (18,), ("fir-gaps",)),
        Claim("c-gone", LE, (19,), state=State.withdrawn),
    ]
    rulings = [
        Ruling("c-a", Result.denied),
        Ruling("c-b", Result.granted),
        Ruling("c-gone", Result.granted),
    ]
    drafted = _draft(described, claims=claims, rulings=rulings)
    assert [p.exhibits for p in drafted[:2]] == [tuple(range(1, 10)), tuple(range(10, 18))]
    assert drafted[0].text.endswith(
        "AOL-DEF-00556914 through AOL-DEF-00556926 (Gov't Exs. 1-9) is DENIED."
    )
    assert drafted[1].text.endswith(
        "AOL-DEF-00556927 through AOL-DEF-00556934 (Gov't Exs. 10-17) is GRANTED."
    )
    assert drafted[2].text.startswith("The parties' Motion to Seal")


def test_labels_dates_and_party(described: list[Exhibit]) -> None:
    drafted = _draft(
        described,
        producing="Plaintiff",
        court_deadline_words=False,
        exhibit_label=None,
    )
    assert drafted[0].text == (
        "Plaintiff's request to claw back the documents bearing Bates numbers "
        "AOL-DEF-00556914 through AOL-DEF-00556934 is DENIED."
    )
    assert drafted[5].text == (
        "On or before July 10, 2020, Plaintiff shall file on the public docket the documents "
        "bearing Bates numbers AOL-DEF-00556931 through AOL-DEF-00556934."
    )
    assert "Ex." not in render(drafted)
    labelled = _draft(described, exhibit_label="Exhibit", deadlines=[])
    assert "(Exhibits 1-17)" in labelled[0].text and "(Exhibit 18)" in labelled[1].text


def test_unrecognised_act_is_kept_word_for_word(described: list[Exhibit]) -> None:
    odd = Deadline("meet and confer about the privilege log", date(2020, 7, 10), ORDER_DATE, 14)
    drafted = _draft(described, claims=[], motion=None, deadlines=[odd, odd])
    assert [p.text for p in drafted] == [
        "Within 14 days of the date of this Order, Defendants shall meet and confer about the "
        "privilege log."
    ] * 2
    assert drafted[0].bates == () and drafted[0].disposition == "directive"
