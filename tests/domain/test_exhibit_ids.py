"""Exhibit identifiers as the court writes them: parsed once, ordered as exhibit lists run."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId, exhibit_ids, exhibit_label

P = ExhibitId.parse


@pytest.mark.parametrize(
    ("written", "text", "canonical", "number"),
    [
        ("12", "12", "12", 12),
        ("Gov't Ex. 12", "12", "12", 12),  # the party's label is not the identifier
        ("Pl.'s Exhibit 12", "12", "12", 12),
        ("Exhibit A", "A", "A", None),
        ("QQ", "QQ", "QQ", None),
        ("P5", "P5", "P5", None),
        ("Ex. 5-A", "5-A", "5-A", None),
        ("Exhibit 5A", "5A", "5-A", None),  # kept as written, indexed as one spelling
        ("Exh. No. 7", "7", "7", 7),
        # trial exhibits as exhibit lists number them: a party's letters, then a padded number
        ("JTX 001", "JTX 001", "JTX1", None),
        ("PTX-005", "PTX-005", "PTX5", None),  # trial exhibit 5, not sub-exhibit 5 of "PTX"
        ("DTX # 4", "DTX # 4", "DTX4", None),
        ("CX-0001", "CX-0001", "CX1", None),
        ("DX-12", "DX-12", "DX12", None),
        ("A-1", "A-1", "A-1", None),  # a sub-exhibit of A still
    ],
)
def test_an_identifier_is_read_once_and_kept_as_written(
    written: str, text: str, canonical: str, number: int | None
) -> None:
    exhibit = P(written)
    assert (str(exhibit), exhibit.canonical, exhibit.number) == (text, canonical, number)


def test_the_order_of_an_exhibit_list() -> None:
    written = ["6", "5-B", "AA", "5", "Z", "5-A", "QQ", "A", "BB", "P10", "P2"]
    ordered = [str(x) for x in sorted(P(w) for w in written)]
    assert ordered == ["5", "5-A", "5-B", "6", "A", "Z", "AA", "BB", "QQ", "P2", "P10"]
    assert P("5a") == P("5-A") and P("a") == P("A") and P("Ex. 012") == P("12")


@pytest.mark.parametrize(
    ("given_", "listed"),
    [
        (["A-F"], "A B C D E F"),
        (["X-BB"], "X Y Z AA BB"),  # past Z, courts double the letter
        (["5-A through 5-C", "5-A"], "5-A 5-B 5-C"),
        (["P1-P3"], "P1 P2 P3"),
        (["Exs. 1-3, 18 and 19"], "1 2 3 18 19"),
        (["A-1"], "A-1"),  # one identifier, not a run
    ],
)
def test_runs_over_letters_numbers_and_sub_exhibits(given_: list[str], listed: str) -> None:
    assert [str(x) for x in exhibit_ids(given_)] == listed.split()


@pytest.mark.parametrize("bad", ["F-A", "0", "A-", "??", "1-20001", "4, , 5", "5-A-5-C"])
def test_what_is_not_an_exhibit_is_named_in_one_line(bad: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        exhibit_ids([bad])
    assert repr(bad) in str(caught.value) or "first to last" in str(caught.value)


def test_an_order_lists_them_back() -> None:
    ids = exhibit_ids(["A-F", "H", "1-13", "18", "19"])
    assert exhibit_label(ids) == "Exs. 1-13, 18, 19, A-F, H"
    assert exhibit_label([P("QQ")]) == "Ex. QQ"


_letters = st.sampled_from([chr(c) * n for c in range(65, 91) for n in (1, 2)])
_identifier = st.one_of(
    st.integers(1, 5000).map(str),
    _letters,
    st.tuples(st.integers(1, 500), st.sampled_from("ABCD")).map(lambda p: f"{p[0]}-{p[1]}"),
    st.tuples(st.sampled_from(["P", "D", "PX"]), st.integers(1, 99)).map(lambda p: f"{p[0]}{p[1]}"),
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_identifier, min_size=1, max_size=12))
def test_listing_and_reading_back_give_the_same_exhibits(written: list[str]) -> None:
    ids = {P(w) for w in written}
    assert set(exhibit_ids([exhibit_label(ids)])) == ids
    assert all(P(x.canonical) == x and P(str(x)) == x for x in ids)
    ordered = sorted(ids)
    assert all(a < b for a, b in pairwise(ordered))


def test_a_trial_exhibit_is_one_exhibit_however_padded_or_spaced() -> None:
    assert P("JTX 001") == P("JTX001") == P("JTX-1") and P("PTX-005") != P("PTX")


@pytest.mark.parametrize(
    "text",
    ["\u0663", "Ex. \u0661\u0662", "\uff15", "5-\u0661", "P\u0665", "100000000000000000000", "-1"],
)
def test_an_exhibit_is_written_in_ascii_digits(text: str) -> None:
    """``int()`` reads Arabic-Indic and full-width digits: "٣" was taken as Ex. 3."""
    with pytest.raises(InvalidInput):
        ExhibitId.parse(text)
    with pytest.raises(InvalidInput):
        exhibit_ids([text])
