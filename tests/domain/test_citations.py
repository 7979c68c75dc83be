"""Bates citations and exhibit references in running text: the forms briefs use, and
round trips from ranges written every way back to the same ranges."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.domain.bates import BatesError, BatesNumber, BatesRange, format_ranges, parse_ranges
from clawback.domain.citations import find_citations, find_exhibit_refs

PREFIXES = ["AOL-DEF-", "NGC", "P2P_"]


def found(text: str) -> list[tuple[str, list[str]]]:
    return [(c.raw, [r.abbreviated() for r in c.ranges]) for c in find_citations(text, PREFIXES)]


CITATIONS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    # text, [(raw, [ranges])]
    ("See AOL-DEF-00528703.", [("AOL-DEF-00528703", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-00528691-707", [("AOL-DEF-00528691-707", ["AOL-DEF-00528691-707"])]),
    ("(AOL-DEF-00528691\u2013707)", [("AOL-DEF-00528691\u2013707", ["AOL-DEF-00528691-707"])]),
    (
        "AOL-DEF-00528691 \u2013 AOL-DEF-00528707,",
        [("AOL-DEF-00528691 \u2013 AOL-DEF-00528707", ["AOL-DEF-00528691-707"])],
    ),
    (
        "AOL-DEF-00556914 through AOL-DEF-00556934 shows",
        [("AOL-DEF-00556914 through AOL-DEF-00556934", ["AOL-DEF-00556914-934"])],
    ),
    (
        "AOL-DEF-00556914-AOL-DEF-00556918",
        [("AOL-DEF-00556914-AOL-DEF-00556918", ["AOL-DEF-00556914-918"])],
    ),
    ("AOL-DEF-00528703 to 05", [("AOL-DEF-00528703 to 05", ["AOL-DEF-00528703-705"])]),
    # pin cites belong to the span, not the pages
    ("AOL-DEF-00528703 at 2.", [("AOL-DEF-00528703 at 2", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-00528703, at pp. 2-3", [("AOL-DEF-00528703, at pp. 2-3", ["AOL-DEF-00528703"])]),
    (
        "AOL-DEF-00528691-707 at 13, 00528710 at 1",
        [
            (
                "AOL-DEF-00528691-707 at 13, 00528710 at 1",
                ["AOL-DEF-00528691-707", "AOL-DEF-00528710"],
            )
        ],
    ),
    # lists, with the prefix inherited
    (
        "Bates Nos. AOL-DEF-00556914-930, 00528691-707, and AOL-DEF-00516605-623.",
        [
            (
                "AOL-DEF-00556914-930, 00528691-707, and AOL-DEF-00516605-623",
                ["AOL-DEF-00556914-930", "AOL-DEF-00528691-707", "AOL-DEF-00516605-623"],
            )
        ],
    ),
    (
        "AOL-DEF-00528703 & NGC 157201",
        [("AOL-DEF-00528703 & NGC 157201", ["AOL-DEF-00528703", "NGC157201"])],
    ),
    # line breaks where PDF text wraps, other separators, other prefixes
    ("AOL-\nDEF-00528703", [("AOL-\nDEF-00528703", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-\n00528691-\n707", [("AOL-DEF-\n00528691-\n707", ["AOL-DEF-00528691-707"])]),
    (
        "AOL-DEF-00528691 through\nAOL-DEF-00528707",
        [("AOL-DEF-00528691 through\nAOL-DEF-00528707", ["AOL-DEF-00528691-707"])],
    ),
    ("aol_def_00528703", [("aol_def_00528703", ["AOL-DEF-00528703"])]),
    ("AOL DEF 00528703", [("AOL DEF 00528703", ["AOL-DEF-00528703"])]),
    ("NGC 157201-210", [("NGC 157201-210", ["NGC157201-210"])]),
    ("P2P_0042", [("P2P_0042", ["P2P_0042"])]),
    # separate citations
    (
        "AOL-DEF-00528703; see also AOL-DEF-00528705",
        [
            ("AOL-DEF-00528703", ["AOL-DEF-00528703"]),
            ("AOL-DEF-00528705", ["AOL-DEF-00528705"]),
        ],
    ),
    # what is not a citation, or not part of one
    ("AOL-DEF-00528703, 2019 and 12 pages", [("AOL-DEF-00528703", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-00528703 to 2019", [("AOL-DEF-00528703", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-00528703-related", [("AOL-DEF-00528703", ["AOL-DEF-00528703"])]),
    ("AOL-DEF-00528707-691", [("AOL-DEF-00528707", ["AOL-DEF-00528707"])]),
    ("XAOL-DEF-00528703 and MAOL-DEF-1", []),
    ("ZZ-AOL-DEF-00528703", []),
    ("AOL-DEF- without digits, ABC-00001", []),
    ("Bates No. 00528703 (no prefix)", []),
]


@pytest.mark.parametrize(("text", "expected"), CITATIONS)
def test_citation_forms(text: str, expected: list[tuple[str, list[str]]]) -> None:
    assert found(text) == expected
    for citation in find_citations(text, PREFIXES):
        assert text[citation.start : citation.end] == citation.raw


def test_ranges_use_the_given_prefix_and_compare_by_series() -> None:
    (citation,) = find_citations("AOL DEF\n00528691 - 707", ["AOL-DEF-"])
    (rng,) = citation.ranges
    assert rng.first.prefix == "AOL-DEF-" and rng == BatesRange.parse("AOL_DEF_00528691-707")
    assert BatesNumber.parse("AOL-DEF-00528700") in rng


def test_prefixes_are_checked() -> None:
    assert find_citations("AOL-DEF-00528703", []) == []
    with pytest.raises(BatesError, match="not a Bates prefix"):
        find_citations("x", ["PL-2019-"])


def test_the_longer_prefix_wins() -> None:
    (citation,) = find_citations("AOL-DEF-00528703", ["AOL-", "AOL-DEF-"])
    assert citation.ranges[0].first.prefix == "AOL-DEF-"


EXHIBITS: list[tuple[str, list[tuple[str, tuple[int, ...]]]]] = [
    ("See Ex. 18.", [("Ex. 18", (18,))]),
    ("Exs. 1-13", [("Exs. 1-13", tuple(range(1, 14)))]),
    ("Exs. 1\u201313, 15", [("Exs. 1\u201313, 15", (*range(1, 14), 15))]),
    ("Gov't Ex. 5", [("Gov't Ex. 5", (5,))]),
    ("Gov\u2019t Ex. 5", [("Gov\u2019t Ex. 5", (5,))]),
    ("Exhibits 14 and 15", [("Exhibits 14 and 15", (14, 15))]),
    ("Exhibits 14, 15, and 17", [("Exhibits 14, 15, and 17", (14, 15, 17))]),
    ("Pl.'s Exhibit 4", [("Pl.'s Exhibit 4", (4,))]),
    ("Defs.' Ex. 3", [("Defs.' Ex. 3", (3,))]),
    ("Exhibit No. 3", [("Exhibit No. 3", (3,))]),
    ("exhibit 7 through 9", [("exhibit 7 through 9", (7, 8, 9))]),
    ("Ex. 18 at 2, and Ex. 19", [("Ex. 18 at 2", (18,)), ("Ex. 19", (19,))]),
    ("Ex. 18 at 2-3; Ex. 5", [("Ex. 18 at 2-3", (18,)), ("Ex. 5", (5,))]),
    ("Ex.\n18", [("Ex.\n18", (18,))]),
    ("Ex. 9-2", [("Ex. 9", (9,))]),
    ("Index 5, Apex 3, Exhibit A, next 4", [("Exhibit A", ())]),  # lettered: not a number
]


@pytest.mark.parametrize(("text", "expected"), EXHIBITS)
def test_exhibit_forms(text: str, expected: list[tuple[str, tuple[int, ...]]]) -> None:
    assert [(text[r.start : r.end], r.numbers) for r in find_exhibit_refs(text)] == expected


# -- round trips -------------------------------------------------------------------------------

AOL = "AOL-DEF-"


@st.composite
def aol_ranges(draw: st.DrawFn) -> BatesRange:
    first = draw(st.integers(1, 99_999_000))
    size = draw(st.integers(0, 900))
    return BatesRange(BatesNumber(AOL, first, 8), BatesNumber(AOL, first + size, 8))


WRAPS = st.sampled_from(["", "\n"])


@st.composite
def written(draw: st.DrawFn, rng: BatesRange) -> str:
    """One range in one of the ways briefs write it, maybe wrapped at a separator."""
    wrap = draw(WRAPS)
    first = f"AOL-{wrap}DEF-{draw(WRAPS)}{rng.first.number:08d}"
    if len(rng) == 1:
        return first
    full = f"AOL-DEF-{rng.last.number:08d}"
    short = rng.abbreviated()[len(str(rng.first)) + 1 :]
    joint = draw(
        st.sampled_from(["-", f"-{wrap}", "\u2013", " \u2013 ", " - ", " through ", " to "])
    )
    end = draw(st.sampled_from([full, short, f"{rng.last.number:08d}"]))
    return f"{first}{joint}{end}"


@settings(max_examples=300)
@given(st.data(), st.lists(aol_ranges(), min_size=1, max_size=4))
def test_written_ranges_read_back(data: st.DataObject, ranges: list[BatesRange]) -> None:
    parts = [data.draw(written(rng)) for rng in ranges]
    joints = data.draw(
        st.lists(
            st.sampled_from([", ", "; ", ", and ", " and ", " & ", ",\n"]),
            min_size=len(parts) - 1,
            max_size=len(parts) - 1,
        )
    )
    body = parts[0] + "".join(j + p for j, p in zip(joints, parts[1:], strict=True))
    text = f"As Bates Nos. {body} show (emphasis added)."
    (citation,) = find_citations(text, [AOL])
    assert citation.raw == body
    assert list(citation.ranges) == ranges


@settings(max_examples=200)
@given(
    st.lists(aol_ranges(), min_size=1, max_size=5),
    st.sampled_from(["See ", "Bates Nos. ", "(", "pages\n"]),
)
def test_formatted_ranges_read_back(ranges: list[BatesRange], lead: str) -> None:
    body = format_ranges(ranges)
    (citation,) = find_citations(f"{lead}{body}.", [AOL])
    assert citation.raw == body
    assert list(citation.ranges) == parse_ranges(body)


TOKENS = st.sampled_from(
    ["AOL", "-", "DEF", "_", " ", "\n", "0052870", "3", "12", ",", " and ", " through ", " to ",
     "\u2013", " at ", "p. ", "Ex", ". ", "Exs", "Exhibit", "s ", "Gov't ", ";", "&", "x"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(TOKENS, max_size=40).map("".join))
def test_any_text_gives_ordered_exact_spans(text: str) -> None:
    end = 0
    for citation in find_citations(text, [AOL]):
        assert end <= citation.start < citation.end and citation.ranges
        assert text[citation.start : citation.end] == citation.raw
        end = citation.end
    end = 0
    for start, stop, numbers in find_exhibit_refs(text):
        assert end <= start < stop and numbers
        end = stop


@st.composite
def exhibit_lists(draw: st.DrawFn) -> tuple[str, tuple[int, ...]]:
    entries = draw(st.lists(st.tuples(st.integers(1, 300), st.integers(0, 20)), min_size=1))
    texts, numbers = [], []
    for first, size in entries:
        if size:
            dash = draw(st.sampled_from(["-", "\u2013", " through "]))
            texts.append(f"{first}{dash}{first + size}")
        else:
            texts.append(str(first))
        numbers.extend(range(first, first + size + 1))
    joints = [draw(st.sampled_from([", ", ", and ", " and ", " & "])) for _ in texts[1:]]
    body = texts[0] + "".join(j + t for j, t in zip(joints, texts[1:], strict=True))
    return body, tuple(numbers)


@given(exhibit_lists(), st.sampled_from(["Ex. ", "Exs. ", "Exhibits ", "Gov't Exs. ", "JX "]))
def test_exhibit_lists_read_back(listed: tuple[str, tuple[int, ...]], lead: str) -> None:
    body, numbers = listed
    text = f"See {lead}{body}; the record."
    refs = find_exhibit_refs(text)
    if lead == "JX ":
        assert refs == []
        return
    (ref,) = refs
    assert text[ref.start : ref.end] == lead + body and ref.numbers == numbers


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "ABC0042-ABC0045.0001",
            "'ABC0042-ABC0045.0001': a suffix after 'ABC0045'? read as 'ABC0045'",
        ),
        ("ABC0061-C", "'ABC0061-C': a suffix after 'ABC0061'? read as 'ABC0061'"),
        ("see ABC0061A.", "'ABC0061A': a suffix after 'ABC0061'? read as 'ABC0061'"),
    ],
)
def test_a_suffix_after_a_number_is_said(text: str, said: str) -> None:
    """An attachment's or a page's suffix (``ABC0045.0001``, ``ABC0061-C``) names something
    the number alone does not: the page is read, and the suffix said, not dropped."""
    (citation,) = find_citations(text, ["ABC"])
    assert citation.warnings == (said,)


def test_a_number_run_into_the_next_word_is_said() -> None:
    """Two table cells run together as the text came out (``MK 0229494Safety Profile``, in a
    real exhibit list): the number is read, and the run said."""
    (citation,) = find_citations("Summary of MK 0229494Safety Profile", ["MK "])
    assert citation.warnings == (
        "'MK 0229494Safety': the number runs into the next word (two cells run together?)",
    )


def test_no_suffix_where_none_is() -> None:
    for text in ("ABC0042-0045.", "ABC0042, ABC0050", "ABC0001-0014 (native)", "ABC0042 Safety"):
        assert all(not c.warnings for c in find_citations(text, ["ABC", "MK "])), text
