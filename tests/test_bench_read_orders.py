"""The order reader's benchmark (``benchmarks/read_orders.py``) scores what the corpus's
conventions say it scores (tests/orders/README.md): a ruling whose outcome is ``null`` is past
the source's cut or interim, and "a reader should not be scored on it", in any field."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from read_orders import expected_items


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
