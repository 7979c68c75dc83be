"""The order reader's benchmark (``benchmarks/read_orders.py``) scores what the corpus's
conventions say it scores (tests/orders/README.md): a ruling whose outcome is ``null`` is past
the source's cut or interim, and "a reader should not be scored on it", in any field."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from read_orders import expected_items, shows_misses


def _case(*rulings: tuple[str | None, str | None]) -> dict[str, object]:
    return {
        "motions": [
            {
                "kind": "seal",
                "outcome": None,
                "rulings": [{"exhibit": x, "outcome": o} for x, o in rulings],
            }
        ],
        "acts": [],
    }


def test_an_exhibit_whose_ruling_is_past_the_cut_is_not_scored() -> None:
    items = expected_items(_case(("E", None), ("F", "granted"), (None, None)))
    assert dict(items["exhibits"]) == {"F": 1}
    assert dict(items["dispositions"]) == {("F", "granted"): 1}
    assert not items["motions"]


def test_one_named_set_shows_its_misses_and_no_other_sets() -> None:
    for verbose, held_out in ((True, True), (True, False), (False, False)):
        flags = {"verbose": verbose, "held_out": held_out, "only": "heldout12"}
        assert shows_misses("held-out heldout12", **flags)
        assert not shows_misses("held-out heldout13", **flags)
        assert not shows_misses("development", **flags)
    assert shows_misses("development", verbose=False, held_out=False, only="development")


def test_without_a_named_set_the_held_out_misses_need_held_out() -> None:
    assert shows_misses("development", verbose=True, held_out=False, only=None)
    assert not shows_misses("held-out heldout13", verbose=True, held_out=False, only=None)
    assert not shows_misses("development", verbose=False, held_out=True, only=None)
