"""Bates numbers and ranges: the forms court orders use, bad input, and round-trip properties."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.domain.bates import (
    BatesError,
    BatesNumber,
    BatesRange,
    coalesce,
    format_ranges,
    parse_ranges,
)


def aol(number: int) -> BatesNumber:
    return BatesNumber("AOL-DEF-", number, 8)


def aol_range(first: int, last: int) -> BatesRange:
    return BatesRange(aol(first), aol(last))


# -- every written form ------------------------------------------------------------------------

FORMS: list[tuple[str, str, int, int, int]] = [
    # text, prefix of first, first, last, width of first
    # the exact strings of the order
    ("AOL-DEF-00556919", "AOL-DEF-", 556919, 556919, 8),
    ("AOL-DEF-00528691-707", "AOL-DEF-", 528691, 528707, 8),
    ("AOL-DEF-00516605-623", "AOL-DEF-", 516605, 516623, 8),
    ("AOL-DEF-00556914 through AOL-DEF-00556934", "AOL-DEF-", 556914, 556934, 8),
    ("AOL-DEF-00556914-AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL- DEF-00516618", "AOL-DEF-", 516618, 516618, 8),
    ("Bates Nos. AOL-DEF-00556914 through AOL-DEF-00556930", "AOL-DEF-", 556914, 556930, 8),
    # abbreviated ends
    ("AOL-DEF-00556914-930", "AOL-DEF-", 556914, 556930, 8),
    ("AOL-DEF-00556914-8", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914-556920", "AOL-DEF-", 556914, 556920, 8),
    ("AOL-DEF-00556914-00556920", "AOL-DEF-", 556914, 556920, 8),
    ("AOL-DEF-00556999-7001", "AOL-DEF-", 556999, 557001, 8),
    # range words and dashes
    ("AOL-DEF-00556914 THROUGH AOL-DEF-00556934", "AOL-DEF-", 556914, 556934, 8),
    ("AOL-DEF-00556914 thru AOL-DEF-00556934", "AOL-DEF-", 556914, 556934, 8),
    ("AOL-DEF-00556914 to AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914\u2013AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914 \u2013 AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914\u2014AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914\u2013930", "AOL-DEF-", 556914, 556930, 8),
    ("AOL-DEF-00556914 - AOL-DEF-00556918", "AOL-DEF-", 556914, 556918, 8),
    ("AOL-DEF-00556914 - 930", "AOL-DEF-", 556914, 556930, 8),
    ("AOL-DEF-00556914 through 00556934", "AOL-DEF-", 556914, 556934, 8),
    # labels
    ("Bates No. AOL-DEF-00556919", "AOL-DEF-", 556919, 556919, 8),
    ("bates nos AOL-DEF-00556914-930", "AOL-DEF-", 556914, 556930, 8),
    ("Bates Number AOL-DEF-00556919", "AOL-DEF-", 556919, 556919, 8),
    ("Bates Numbers AOL-DEF-00556914-930", "AOL-DEF-", 556914, 556930, 8),
    ("BATES NUMBER(S): AOL-DEF-00556914-930", "AOL-DEF-", 556914, 556930, 8),
    ("Bates No(s). AOL-DEF-00556914-930", "AOL-DEF-", 556914, 556930, 8),
    # line-break and typesetting damage
    ("AOL-DEF-\n00556914", "AOL-DEF-", 556914, 556914, 8),
    ("  AOL-DEF-00556914  ", "AOL-DEF-", 556914, 556914, 8),
    ("AOL\u2011DEF\u201100556914", "AOL-DEF-", 556914, 556914, 8),
    ("AOL-DEF-00556914 through\nAOL-DEF-00556934", "AOL-DEF-", 556914, 556934, 8),
    # other separators, widths and series styles
    ("AOL_DEF_00556914", "AOL_DEF_", 556914, 556914, 8),
    ("AOL DEF 00556914", "AOL DEF ", 556914, 556914, 8),
    ("AOL.DEF.00556914", "AOL.DEF.", 556914, 556914, 8),
    ("ABC0001234", "ABC", 1234, 1234, 7),
    ("ABC0001234-1240", "ABC", 1234, 1240, 7),
    ("NGC 157201", "NGC ", 157201, 157201, 6),
    ("NGC 157201-210", "NGC ", 157201, 157210, 6),
    ("NGC 9998-10001", "NGC ", 9998, 10001, 4),
    ("SMITH000001", "SMITH", 1, 1, 6),
    ("SMITH000001-SMITH000009", "SMITH", 1, 9, 6),
    ("P2P-000123", "P2P-", 123, 123, 6),
    ("P2P-000123-130", "P2P-", 123, 130, 6),
    ("A1B2C0005", "A1B2C", 5, 5, 4),
    # a prefix word ending in digits before an underscore
    ("NG7_0001234", "NG7_", 1234, 1234, 7),
    ("NG7_0001234-1240", "NG7_", 1234, 1240, 7),
    ("NG7_0001234 through NG7_0001240", "NG7_", 1234, 1240, 7),
    ("AOL_DEF_00556914-AOL-DEF-00556918", "AOL_DEF_", 556914, 556918, 8),
    ("AOL DEF 00556914 through AOL-DEF-00556918", "AOL DEF ", 556914, 556918, 8),
    ("AOL-DEF-00556914-AOL_DEF_556918", "AOL-DEF-", 556914, 556918, 8),
]


@pytest.mark.parametrize(("text", "prefix", "first", "last", "width"), FORMS)
def test_every_written_form_parses(
    text: str, prefix: str, first: int, last: int, width: int
) -> None:
    rng = BatesRange.parse(text)
    assert (rng.first.prefix, rng.first.number, rng.first.width) == (prefix, first, width)
    assert rng.last.number == last
    assert rng.last.series == rng.first.series


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AOL-DEF-00556919", "AOL-DEF-00556919"),
        ("Bates No. AOL-DEF-00556919", "AOL-DEF-00556919"),
        ("AOL- DEF-00516618", "AOL-DEF-00516618"),
        ("AOL_DEF_00556914", "AOL_DEF_00556914"),
        ("NGC 157201", "NGC 157201"),
        ("SMITH000001", "SMITH000001"),
        ("P2P_000123", "P2P_000123"),
    ],
)
def test_number_parse(text: str, expected: str) -> None:
    assert str(BatesNumber.parse(text)) == expected


# -- bad input -----------------------------------------------------------------------------

BAD_RANGES = [
    "",
    "   ",
    "Bates Nos.",
    "AOL-DEF-",
    "AOL-DEF",
    "00556914",
    "AOL-DEF-0055X914",
    "AOL-DEF-00556914X",
    "AOL-DEF-00000010-AOL-DEF-00000002",
    "AOL-DEF-00556930-914",
    "AOL-DEF-00556930 through AOL-DEF-00556914",
    "AOL-DEF-00000001-XYZ-00000002",
    "AOL-DEF-00000001 through XYZ-00000002",
    "AOL-DEF-00528691-000528707",
    "(AOL-DEF-00556914)",
    "AOL-DEF-00556914.",
    "#AOL-DEF-00556914",
    "AOL-DEF-00556914 see below",
    "AOL-DEF-00556914 through",
    "AOL-DEF-00556914\u2013",
    "AOL-DEF-00556914 to AOL-DEF-00556915 to AOL-DEF-00556916",
    "AOL-DEF-00556914, AOL-DEF-00556915",
    "AOL-DEF-00556914-AOL-DEF-",
    "AOL-DEF-00556914\nbad",
    "AOL-DEF-\u0665\u0665",
    "ABC0001234-1230",  # abbreviated end before its start, not a prefix "ABC0001234-"
    "MDL2047-000123",  # prefix words may not end in digits
    "PL-2019-000123",  # nor start with them
    "NG7-0001234",  # a hyphen after a digit starts a range end: only "_" may follow one
    "ABC000123.4",  # a footnote marker glued on, not page 4 of a series "ABC000123."
]


@pytest.mark.parametrize("text", BAD_RANGES)
def test_bad_range_message_quotes_input(text: str) -> None:
    with pytest.raises(BatesError) as caught:
        BatesRange.parse(text)
    message = str(caught.value)
    assert repr(text) in message
    assert "\n" not in message


@pytest.mark.parametrize(
    "text", ["", "AOL-DEF-", "AOL-DEF-00528691-707", "AOL-DEF-0055X914", "AOL-DEF-1 foo"]
)
def test_bad_number_message_quotes_input(text: str) -> None:
    with pytest.raises(BatesError, match="not a Bates number") as caught:
        BatesNumber.parse(text)
    assert repr(text) in str(caught.value)


def test_error_messages_name_the_problem() -> None:
    with pytest.raises(BatesError, match=r"^not a Bates number or range: 'AOL-DEF-'$"):
        BatesRange.parse("AOL-DEF-")
    with pytest.raises(BatesError, match=r"^Bates range ends before it begins: 'AOL-DEF-0+10-AOL"):
        BatesRange.parse("AOL-DEF-00000010-AOL-DEF-00000002")
    with pytest.raises(BatesError, match=r"^prefixes differ in range: "):
        BatesRange.parse("AOL-DEF-00000001-XYZ-00000002")
    assert issubclass(BatesError, ValueError)


@pytest.mark.parametrize(
    ("prefix", "number", "width"),
    [
        ("AOL-DEF-", 100, 2),  # does not fit
        ("AOL-DEF-", -1, 8),
        ("AOL-DEF-", 1, 0),
        ("", 1, 8),
        ("AOL--DEF-", 1, 8),
        ("MDL2047", 1, 8),
        ("MDL2047-", 1, 8),
        ("1AB-", 1, 8),
        ("AOL-DEF-\n", 1, 8),
    ],
)
def test_invalid_numbers_are_refused(prefix: str, number: int, width: int) -> None:
    with pytest.raises(BatesError):
        BatesNumber(prefix, number, width)


def test_invalid_ranges_are_refused() -> None:
    with pytest.raises(BatesError, match="ends before it begins"):
        aol_range(10, 2)
    with pytest.raises(BatesError, match="prefixes differ"):
        BatesRange(aol(1), BatesNumber("XYZ-", 2, 8))


# -- numbers ---------------------------------------------------------------------------------


def test_number_identity_ignores_style() -> None:
    a, b, c = BatesNumber.parse("AOL_DEF_00556914"), aol(556914), BatesNumber("aol def ", 556914, 6)
    assert a == b == c
    assert len({a, b, c}) == 1
    assert a.series == "AOLDEF"
    assert aol(1) != BatesNumber("XYZ-", 1, 8)
    assert aol(1) != "AOL-DEF-00000001"


def test_number_ordering_and_arithmetic() -> None:
    assert aol(1) < aol(2) <= aol(2) < BatesNumber("AOL_DEF_", 3, 4)
    assert aol(5) > aol(4) >= aol(4)
    assert sorted([aol(3), aol(1), aol(2)]) == [aol(1), aol(2), aol(3)]
    assert str(aol(556914) + 16) == "AOL-DEF-00556930"
    assert str(aol(5) + -5) == "AOL-DEF-00000000"
    assert aol(556930) - aol(556914) == 16
    assert aol(556914) - BatesNumber("AOL_DEF_", 556930, 8) == -16


def test_number_arithmetic_errors() -> None:
    with pytest.raises(BatesError, match="does not fit in 8 digits: 'AOL-DEF-100000000'"):
        aol(99_999_999) + 1
    with pytest.raises(BatesError, match="below zero"):
        aol(0) + -1
    with pytest.raises(BatesError, match="different series"):
        aol(1) - BatesNumber("XYZ-", 1, 8)
    with pytest.raises(BatesError, match="different series"):
        _ = aol(1) < BatesNumber("XYZ-", 2, 8)


# -- ranges ------------------------------------------------------------------------------------


def test_range_rendering() -> None:
    assert str(aol_range(556914, 556918)) == "AOL-DEF-00556914-AOL-DEF-00556918"
    assert str(aol_range(556919, 556919)) == "AOL-DEF-00556919"
    assert (
        str(BatesRange(aol(1), BatesNumber("AOL_DEF_", 9, 3)))
        == "AOL-DEF-00000001-AOL-DEF-00000009"
    )
    assert aol_range(528691, 528707).abbreviated() == "AOL-DEF-00528691-707"
    assert aol_range(528691, 528707).abbreviated(with_prefix=False) == "00528691-707"
    assert aol_range(556914, 556930).abbreviated() == "AOL-DEF-00556914-930"
    assert aol_range(516605, 516623).abbreviated() == "AOL-DEF-00516605-623"
    assert aol_range(556914, 556918).abbreviated() == "AOL-DEF-00556914-918"
    assert aol_range(556999, 557001).abbreviated() == "AOL-DEF-00556999-7001"
    assert aol_range(1, 99_999_999).abbreviated() == "AOL-DEF-00000001-99999999"
    assert aol_range(556919, 556919).abbreviated() == "AOL-DEF-00556919"
    assert aol_range(556919, 556919).abbreviated(with_prefix=False) == "00556919"
    assert BatesRange.parse("AB-1-3").abbreviated() == "AB-1-3"
    assert BatesRange.parse("AB-01-12").abbreviated() == "AB-01-12"


def test_range_that_outgrows_its_padding() -> None:
    rng = BatesRange(BatesNumber("NGC", 9998, 4), BatesNumber("NGC", 10001, 5))
    assert str(rng) == "NGC9998-NGC10001"
    assert rng.abbreviated() == "NGC9998-NGC10001"
    assert BatesRange.parse(rng.abbreviated()) == rng
    assert [str(n) for n in rng] == ["NGC9998", "NGC9999", "NGC10000", "NGC10001"]


def test_range_pages() -> None:
    rng = aol_range(556914, 556918)
    assert len(rng) == 5
    assert [str(n) for n in rng][::4] == ["AOL-DEF-00556914", "AOL-DEF-00556918"]
    assert rng.page(0) == aol(556914)
    assert rng.page(4) == aol(556918)
    assert rng.index(BatesNumber.parse("AOL_DEF_00556916")) == 2
    for bad in (-1, 5):
        with pytest.raises(IndexError):
            rng.page(bad)
    with pytest.raises(BatesError, match="'AOL-DEF-00556919' is not in Bates range"):
        rng.index(aol(556919))
    assert BatesRange.single(aol(7)) == aol_range(7, 7)


def test_range_containment_and_overlap() -> None:
    rng = aol_range(10, 20)
    assert aol(10) in rng
    assert aol(20) in rng
    assert aol(21) not in rng
    assert BatesNumber("XYZ-", 15, 8) not in rng
    assert "AOL-DEF-00000015" not in rng
    assert aol_range(12, 20) in rng
    assert aol_range(12, 21) not in rng
    assert rng.overlaps(aol_range(20, 30))
    assert not rng.overlaps(aol_range(21, 30))
    assert not rng.overlaps(BatesRange.parse("XYZ-00000010-20"))


# -- lists -------------------------------------------------------------------------------------

ORDER_LIST = "AOL-DEF-00556914-930, 00528691-707, and AOL-DEF-00516605-623"
ORDER_RANGES = [aol_range(556914, 556930), aol_range(528691, 528707), aol_range(516605, 516623)]


@pytest.mark.parametrize(
    "text",
    [
        ORDER_LIST,
        f"Bates Nos. {ORDER_LIST}",
        "AOL-DEF-00556914-930; 00528691-707; AOL-DEF-00516605-623",
        "AOL-DEF-00556914-930, 00528691-707 and 00516605-623",
        "AOL-DEF-00556914 through AOL-DEF-00556930, 00528691 through 00528707 & 00516605-623",
        "AOL-DEF-00556914-930,\n00528691-707, and Bates No. AOL_DEF_00516605-623,",
    ],
)
def test_parse_ranges_of_an_order(text: str) -> None:
    assert parse_ranges(text) == ORDER_RANGES


def test_parse_ranges_switches_prefix() -> None:
    ranges = parse_ranges("AOL-DEF-00000001-3, NGC 157201-210, 157300, and 00000009")
    assert [str(r) for r in ranges] == [
        "AOL-DEF-00000001-AOL-DEF-00000003",
        "NGC 157201-NGC 157210",
        "NGC 157300",
        "NGC 00000009",
    ]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("", "''"),
        (", and ;", "', and ;'"),
        ("00528691-707, AOL-DEF-00516605-623", "'00528691-707'"),
        ("AOL-DEF-00556914-930, 00528691-0", "'00528691-0'"),
        ("AOL-DEF-00556914-930, see below", "'see below'"),
    ],
)
def test_parse_ranges_errors_quote_the_entry(text: str, quoted: str) -> None:
    with pytest.raises(BatesError) as caught:
        parse_ranges(text)
    assert quoted in str(caught.value)


def test_coalesce_sorts_and_merges() -> None:
    ranges = [
        aol_range(20, 25),
        BatesRange.parse("XYZ-0001-5"),
        aol_range(1, 5),
        aol_range(6, 8),
        BatesRange.parse("AOL_DEF_00000004-00000007"),
        aol_range(22, 30),
    ]
    assert coalesce(ranges) == [aol_range(1, 8), aol_range(20, 30), BatesRange.parse("XYZ-0001-5")]
    assert coalesce([]) == []


def test_format_ranges_of_an_order() -> None:
    assert format_ranges(ORDER_RANGES) == "AOL-DEF-00556914-930, 00528691-707, 00516605-623"
    pages = [aol_range(556914, 556918), *(aol_range(n, n) for n in range(556919, 556931))]
    assert len(pages) == 13
    assert format_ranges(pages) == "AOL-DEF-00556914-930"
    mixed = [aol_range(1, 3), BatesRange.parse("NGC 157201-210"), aol_range(4, 4), aol_range(3, 9)]
    assert (
        format_ranges(mixed)
        == "AOL-DEF-00000001-003, NGC 157201-210, AOL-DEF-00000004, 00000003-009"
    )
    assert format_ranges([]) == ""


# -- properties ------------------------------------------------------------------------------

# Letters without T, N and O, so that no prefix word reads as "to", "thru", "and" or "Bates".
LETTERS = "ABCDEFGHIJKLMPQRSUVWXYZabcdefghijklmpqrsuvwxyz"
SEPARATORS = "-_. "


@st.composite
def prefixes(draw: st.DrawFn) -> str:
    """Words of letters (digits only inside a word) joined by separators, maybe one trailing."""
    letter = st.sampled_from(LETTERS)
    prefix = ""
    for i in range(draw(st.integers(1, 3))):
        if i:
            prefix += draw(st.sampled_from(SEPARATORS))
        prefix += draw(letter) + draw(st.text(LETTERS + "0123456789", max_size=4))
        if prefix[-1].isdigit():
            prefix += draw(letter)
    if draw(st.booleans()):
        prefix += draw(st.sampled_from(SEPARATORS))
    return prefix


@st.composite
def numbers(draw: st.DrawFn) -> BatesNumber:
    width = draw(st.integers(1, 12))
    return BatesNumber(draw(prefixes()), draw(st.integers(0, 10**width - 1)), width)


@st.composite
def ranges(draw: st.DrawFn, max_pages: int | None = None) -> BatesRange:
    first = draw(numbers())
    room = 10**first.width - 1 - first.number
    pages = draw(st.integers(0, room if max_pages is None else min(room, max_pages - 1)))
    return BatesRange(first, first + pages)


SMALL_PREFIXES = ["AOL-DEF-", "AOL_DEF_", "NGC ", "ABC"]


@st.composite
def small_ranges(draw: st.DrawFn) -> BatesRange:
    prefix = draw(st.sampled_from(SMALL_PREFIXES))
    width = draw(st.integers(2, 4))
    first = draw(st.integers(0, 40))
    return BatesRange(
        BatesNumber(prefix, first, width),
        BatesNumber(prefix, first + draw(st.integers(0, 12)), width),
    )


def page_list(rngs: list[BatesRange]) -> list[tuple[str, int]]:
    return [(n.series, n.number) for r in rngs for n in r]


def pages_of(rngs: list[BatesRange]) -> set[tuple[str, int]]:
    return set(page_list(rngs))


@settings(max_examples=200)
@given(numbers())
def test_number_round_trip(n: BatesNumber) -> None:
    parsed = BatesNumber.parse(str(n))
    assert (parsed.prefix, parsed.number, parsed.width) == (n.prefix, n.number, n.width)
    assert BatesRange.parse(str(n)) == BatesRange.single(n)


@settings(max_examples=200)
@given(ranges())
def test_range_round_trips(rng: BatesRange) -> None:
    for text in (str(rng), rng.abbreviated(), rng.first.prefix + rng.abbreviated(False)):
        parsed = BatesRange.parse(text)
        assert parsed == rng
        assert (parsed.first.prefix, parsed.first.width) == (rng.first.prefix, rng.first.width)
    assert len(rng) == rng.last - rng.first + 1


@settings(max_examples=100)
@given(ranges(max_pages=40))
def test_iteration_yields_every_page_in_order(rng: BatesRange) -> None:
    pages = list(rng)
    assert len(pages) == len(rng)
    assert pages[0] == rng.first
    assert pages[-1] == rng.last
    assert str(pages[0]) == str(rng.first)
    assert all(b - a == 1 for a, b in itertools.pairwise(pages))
    assert all(rng.page(i) == p and rng.index(p) == i for i, p in enumerate(pages))


@settings(max_examples=200)
@given(small_ranges(), small_ranges())
def test_containment_and_overlap_agree_with_pages(a: BatesRange, b: BatesRange) -> None:
    pa, pb = pages_of([a]), pages_of([b])
    assert (b in a) == (pb <= pa)
    assert a.overlaps(b) == b.overlaps(a) == bool(pa & pb)
    if b in a:
        assert a.overlaps(b)


@settings(max_examples=150)
@given(st.lists(small_ranges(), max_size=8))
def test_coalesce_covers_the_union_without_overlap(rngs: list[BatesRange]) -> None:
    merged = coalesce(rngs)
    assert pages_of(merged) == pages_of(rngs)
    keys = [(r.series, r.first.number) for r in merged]
    assert keys == sorted(keys)
    for a, b in itertools.pairwise(merged):
        assert not a.overlaps(b)
        assert a.series != b.series or a.last.number + 1 < b.first.number


@settings(max_examples=150)
@given(st.lists(st.one_of(small_ranges(), ranges()), min_size=1, max_size=6))
def test_format_ranges_parses_back(rngs: list[BatesRange]) -> None:
    parsed = parse_ranges(format_ranges(rngs))
    # coalesce is checked against page sets above; comparing its intervals covers huge ranges
    assert coalesce(parsed) == coalesce(rngs)
    if sum(len(r) for r in rngs) <= 200:
        # joining only consecutive neighbours keeps every page, in the order given
        assert page_list(parsed) == page_list(rngs)


def _read(read: Callable[[str], BatesNumber], text: str) -> tuple[str, int, int] | str:
    try:
        n = read(text)
    except BatesError as refused:
        return f"refused: {refused}"
    return (n.prefix, n.number, n.width)


@settings(max_examples=200)
@given(
    st.one_of(
        numbers().map(str),
        st.text(alphabet="ABab0189-_. \u2011\n", max_size=14),
        st.sampled_from(["Bates No. ABC-0001", "BATES NOS-0001", "ABC000123.4", "ABC- 0001"]),
    )
)
def test_a_stored_number_reads_as_parse_reads_it(text: str) -> None:
    """``stored`` (how a Bates column reads its text back) takes the short way for text as
    ``str`` writes a number, and gives what ``parse`` gives for any text at all."""
    assert _read(BatesNumber.stored, text) == _read(BatesNumber.parse, text)
