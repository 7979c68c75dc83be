"""Filed papers and the places in them a court cites, without Bates numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.domain.errors import InvalidInput, RuleViolation
from clawback.domain.pinpoints import FiledItem, FiledKind, FiledPaper, Pinpoint, docket_entry


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("page 7, lines 3-9", Pinpoint(7, (3, 9))),
        ("p. 7, ll. 3\u20139", Pinpoint(7, (3, 9))),
        ("page 7, line 3", Pinpoint(7, (3, 3))),
        ("Tr. 112:4-20", Pinpoint(112, (4, 20))),  # a deposition excerpt, as cited
        ("page 12", Pinpoint(12)),
        ("\u00b6 12", Pinpoint(paragraph="12")),
        ("paragraph 4(B)", Pinpoint(paragraph="4(b)")),
    ],
)
def test_a_place_is_read_as_the_court_cites_it(written: str, place: Pinpoint) -> None:
    assert Pinpoint.parse(written) == place


@pytest.mark.parametrize("bad", ["page 0", "page 7, lines 9-3", "7:3-99", "Bates ABC-1", "\u00b6"])
def test_what_is_not_a_place_is_named_in_one_line(bad: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        Pinpoint.parse(bad)
    assert repr(" ".join(bad.split())) in str(caught.value)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 999), st.integers(1, 28), st.integers(0, 27), st.booleans())
def test_written_back_it_reads_the_same(page: int, first: int, more: int, lines: bool) -> None:
    place = Pinpoint(page, (first, min(first + more, 28)) if lines else None)
    assert Pinpoint.parse(str(place)) == place


def test_a_filed_paper_is_itemised_and_cited_without_bates_numbers() -> None:
    rates = FiledItem("rates", Pinpoint.parse("page 7, lines 3-9"), "discount rates")
    ssn = FiledItem("ssn", Pinpoint.parse("\u00b6 12"), "a Social Security number")
    report = FiledPaper("101-33", FiledKind.expert_report, "Expert report", 20, (rates, ssn))
    assert report.cite(rates) == "ECF No. 101-33 at page 7, lines 3-9"
    assert report.cite(ssn) == "ECF No. 101-33 \u00b6 12"
    with pytest.raises(RuleViolation, match=r"past the last page of ECF No\. 101-33"):
        FiledPaper("101-33", FiledKind.expert_report, "Expert report", 6, (rates,))


@pytest.mark.parametrize(
    "entry", ["ECF No. \u00b2", "ECF No. \u0661\u0660\u0661", "101-\u00b3", "Dkt. \uff11"]
)
def test_a_docket_entry_is_written_in_ascii_digits(entry: str) -> None:
    """``"²".isdigit()`` is true and ``int("²")`` a ValueError (a traceback); Arabic-Indic
    digits were read as the entry ``101``."""
    with pytest.raises(InvalidInput, match="not a docket entry"):
        docket_entry(entry)
