"""Bates numbers as the world writes them, told apart from the docket, case law and other
cases' exhibits, read with no prefix known in advance (an empty workspace)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.citations import find_citations, find_typos
from clawback.domain.references import (
    find_prefixes,
    find_record_citations,
    read_references,
)

ORDER = Path("/tmp/shared/seed-case/order-2020-06-26.txt")


def bates(text: str, prefixes: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    return [(c.raw, [str(r) for r in c.ranges]) for c in read_references(text, prefixes).bates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prefix with a digit and a separator: NG7_, not NG7 or NG
        ("See NG7_0001234.", [("NG7_0001234", ["NG7_0001234"])]),
        ("NG7_0001234-1240", [("NG7_0001234-1240", ["NG7_0001234-NG7_0001240"])]),
        # one prefix in two widths: one series, each number as padded
        (
            "NGC 157201 and NGC 0157305",
            [("NGC 157201 and NGC 0157305", ["NGC 157201", "NGC 0157305"])],
        ),
        # abbreviated ranges
        ("ABC 0001-15", [("ABC 0001-15", ["ABC 0001-ABC 0015"])]),
        ("AOL-DEF-00528691-707", [("AOL-DEF-00528691-707", ["AOL-DEF-00528691-AOL-DEF-00528707"])]),
        # not Bates numbers: the docket, case law, years, codes, words of citation
        ("Dkt. No. 463 at 7; ECF 26-2; ECF No. 26-2 at 3; ECF 2612.", []),
        ("Dousa, 2019 WL 6311990, at *2; Kelly, 114 F.R.D. 653, 663 (N.D. Cal. 1987).", []),
        ("the CBP 2018 report; tracking no. FIR-2018-12-004417; ISO9001", []),
        ("Excerpts of Record, ER 01234; FY 02019", []),
        # a counsel block's addresses: a state and its ZIP code (ZIP+4 is no range)
        (
            "Washington, D.C. 20530; Irvine, CA 92612-4412; North Potomac, MD 20878; "
            "Boston, MA 02110-1726",
            [],
        ),
        # trial exhibits, not pages
        ("CX-0001, PX 0012 and JTX 0003 are admitted", []),
        # a one-letter prefix, as a real exhibit list in tests/papers/real/ writes it
        (
            "T 007339-007473; T 007597-007599",
            [("T 007339-007473; T 007597-007599", ["T 007339-T 007473", "T 007597-T 007599"])],
        ),
        ("Exhibit A 000123; Appendix B 1234; I 000456", []),
    ],
)
def test_bates_numbers_with_no_prefix_known(
    text: str, expected: list[tuple[str, list[str]]]
) -> None:
    assert bates(text) == expected


def test_a_two_width_series_is_one_prefix() -> None:
    assert find_prefixes("NGC 157201, NGC 0157305, NG7_0001234 and AOL-DEF-\n00528703") == [
        "NGC ",
        "NG7_",
        "AOL-DEF-",
    ]
    assert BatesNumber.parse("NGC 157201") == BatesNumber.parse("NGC 0157201")


@pytest.mark.parametrize(
    ("text", "entries"),
    [
        ("Dkt. No. 463 at 7", [("Dkt. No. 463 at 7", ("463",))]),
        ("ECF 26-2", [("ECF 26-2", ("26-2",))]),
        ("ECF No. 26-2 at 3.", [("ECF No. 26-2 at 3", ("26-2",))]),
        ("Dkt. Nos. 461-2 and 463-2", [("Dkt. Nos. 461-2 and 463-2", ("461-2", "463-2"))]),
        ("Dkt. No. 463-1, \u00b6\u00b65-23", [("Dkt. No. 463-1, \u00b6\u00b65-23", ("463-1",))]),
        ("Dkt. 434 at 5-6; Docket #12", [("Dkt. 434 at 5-6", ("434",)), ("Docket #12", ("12",))]),
    ],
)
def test_record_citations(text: str, entries: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(r.raw, r.entries) for r in find_record_citations(text)] == entries
    refs = read_references(text)
    assert refs.bates == () and [r.raw for r in refs.record] == [raw for raw, _ in entries]


def test_case_law_is_never_a_record_citation_or_a_page() -> None:
    text = (
        "See Chinn v. Blankenship, No. 09-5119 RJB, 2010 WL 11591399, at *6 (W.D. Wash. Feb. "
        "26, 2010); Dkt. No. 463 at 7. Kelly, 114 F.R.D. at 662. 28 U.S.C. \u00a7 1746."
    )
    refs = read_references(text)
    assert [r.raw for r in refs.record] == ["Dkt. No. 463 at 7"]
    assert refs.bates == ()
    kinds = [a.kind for a in refs.authorities]
    assert kinds == ["FullCaseCitation", "ShortCaseCitation", "FullLawCitation"]
    assert refs.authorities[0].raw.startswith("Chinn v. Blankenship")


def test_another_case_s_trial_exhibit_is_not_this_case_s() -> None:
    text = (
        "In Smith v. Jones, 123 F.3d 456, 460 (9th Cir. 2000) (sealing Trial Ex. 46), the "
        "court sealed a contract. Here, Ex. 46 is an e-mail."
    )
    refs = read_references(text)
    assert [text[e.start : e.end] for e in refs.exhibits] == ["Ex. 46"]
    assert [text[e.start : e.end] for e in refs.other_cases_exhibits] == ["Trial Ex. 46"]


@pytest.mark.parametrize(
    ("text", "read", "glued"),
    [
        ("as shown at ABC000123.4 and", "ABC000123", "'ABC000123.4'"),
        ("as shown at ABC0001234 5 and", "ABC0001234", "'ABC0001234 5'"),
    ],
)
def test_a_footnote_marker_glued_to_a_number_is_flagged(text: str, read: str, glued: str) -> None:
    (citation,) = find_citations(text, ["ABC"])
    assert citation.raw == read
    (warning,) = citation.warnings
    assert warning.startswith(f"{glued}: a footnote marker glued to '{read}'?")
    assert read_references(text).warnings == (warning,)


def test_a_marker_glued_with_no_space_is_flagged_by_width() -> None:
    text = "ABC0001234, ABC0001240 and ABC00012455."
    refs = read_references(text)
    assert [str(r) for c in refs.bates for r in c.ranges] == [
        "ABC0001234",
        "ABC0001240",
        "ABC00012455",
    ]
    (warning,) = refs.warnings
    assert warning.startswith("'ABC00012455' has 1 digit(s) more than the other numbers")


def test_a_letter_among_the_digits_is_a_typo_not_a_citation() -> None:
    text = "ABC0001234 and ABC00O123 and ABCOO01240"
    assert [c.raw for c in find_citations(text, ["ABC"])] == ["ABC0001234"]
    typos = find_typos(text, ["ABC"])
    assert [(t.raw, str(t.meant)) for t in typos] == [
        ("ABC00O123", "ABC000123"),
        ("ABCOO01240", "ABC0001240"),
    ]
    assert str(typos[0]) == "'ABC00O123' has a letter among its digits: 'ABC000123' meant?"


@pytest.mark.skipif(not ORDER.exists(), reason="the reference order is in the shared folder")
def test_the_reference_order_read_with_no_prefix_known() -> None:
    refs = read_references(ORDER.read_text(encoding="utf-8"))
    assert refs.prefixes == ["AOL-DEF-"]
    pages = {p for c in refs.bates for r in c.ranges for p in r}
    assert min(pages) == BatesNumber.parse("AOL-DEF-00516605")
    assert BatesRange.parse("AOL-DEF-00556914-934").first in pages
    assert len(refs.record) > 20 and refs.warnings == () and refs.other_cases_exhibits == ()


def test_two_numbers_glued_are_flagged() -> None:
    """A range whose hyphen a table cell lost as its text was extracted (the real Merck v.
    Teva exhibit list in tests/papers/real/ has ``MK 02231140223128``)."""
    refs = read_references(
        "Gertz, et al., 1993 MK 02231140223128\nAOL-DEF-00528703 PROD000000001234"
    )
    assert refs.warnings == (
        "'MK 02231140223128': two numbers glued, the hyphen lost? 'MK 0223114-0223128' meant?",
    )
