"""Exhibits as a paralegal lists them: numbers, runs and lists, read once at the edge."""

from __future__ import annotations

import pytest

from clawback.domain.documents import exhibit_numbers, exhibit_runs
from clawback.domain.errors import InvalidInput


@pytest.mark.parametrize(
    ("given", "numbers"),
    [
        (["5"], (5,)),
        (["1-4"], (1, 2, 3, 4)),
        (["Exs. 1-3, 18 and 19"], (1, 2, 3, 18, 19)),
        (["3 through 5", "Ex. 9"], (3, 4, 5, 9)),
        (["2\u20134"], (2, 3, 4)),  # an en dash, as orders print it
        (["7", "5-7", "1"], (7, 5, 6, 1)),  # in the order given, each once
    ],
)
def test_numbers_runs_and_lists(given: list[str], numbers: tuple[int, ...]) -> None:
    assert exhibit_numbers(given) == numbers


@pytest.mark.parametrize("bad", ["A", "5-3", "0", "1-", "1-20001", "4, , 5"])
def test_what_is_not_a_list_of_exhibits_is_named(bad: str) -> None:
    with pytest.raises(InvalidInput, match=repr(bad).replace("(", r"\(")[:6]):
        exhibit_numbers([bad])


def test_the_inverse_of_how_an_order_lists_them() -> None:
    numbers = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 18, 19)
    assert exhibit_numbers([exhibit_runs(numbers)]) == numbers
