"""Reading a trace code back out of what OCR made of a copy (``domain.traces.codes_in``)."""

from __future__ import annotations

import pytest

from clawback.domain.errors import InvalidInput
from clawback.domain.traces import ALPHABET, TraceCode, codes_in


def test_a_code_read_whole_is_found_the_most_often_read_first() -> None:
    text = "TRACE PJX7-4K97 x TRACEPJX7-4K97 TRACE PK7X-4K97 TRACEPJX7-4K97"
    assert codes_in(text)[:2] == [TraceCode("PJX7-4K97"), TraceCode("PK7X-4K97")]


def test_a_code_never_read_whole_is_read_by_the_most_common_symbol_at_each_place() -> None:
    # A tiled mark read four times, each time one symbol wrong, at a different place: no
    # reading is the code, and together they spell it.
    text = "TRACEPJX7-4K9A TRACEPJXE-4K97 TRACEPKX7-4K97 TRACEPJX7-AK97"
    found = codes_in(text)
    assert TraceCode("PJX7-4K97") in found
    assert found[-1] == TraceCode("PJX7-4K97")  # after every code read as it stands


def test_one_reading_or_a_tie_makes_no_code_of_its_own() -> None:
    assert codes_in("TRACE PJX7-4K97") == [TraceCode("PJX7-4K97")]
    # two readings differing at one place: no majority there, so nothing is made up
    assert codes_in("TRACEPJX7-4K97 TRACEPJX7-4K9A") == [
        TraceCode("PJX7-4K97"),
        TraceCode("PJX7-4K9A"),
    ]


def test_a_code_is_written_in_its_alphabet_alone() -> None:
    assert "0" not in ALPHABET and "O" not in ALPHABET
    with pytest.raises(InvalidInput, match="not a trace code"):
        TraceCode("PJX0-4K97")
