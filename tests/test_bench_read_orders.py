"""The order reader's benchmark (``benchmarks/read_orders.py``) scores what the corpus's
conventions say it scores (tests/orders/README.md): a ruling whose outcome is ``null`` is past
the source's cut or interim, and "a reader should not be scored on it", in any field."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))

from clawback.domain.order_reading import read_order
from read_orders import drafted_items, expected_items, shows_misses


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


def test_a_second_motion_ruled_whole_beside_anothers_exhibits_is_its_own_disposition() -> None:
    """The drafted side as the labelled: an original motion denied as moot beside the amended
    motion's exhibits granted is two dispositions, not hidden because the kinds are the same;
    the amended motion's own whole grant is told by its exhibits and is not counted again."""
    draft = read_order(
        "ORDER\n\nDefendant's original motion to seal (ECF No. 55) is DENIED as moot.\n\n"
        "Defendant's amended motion to seal (ECF No. 60) is GRANTED: Exhibits 1 and 3 shall be"
        " filed under seal.\n"
    )
    assert dict(drafted_items(draft)["dispositions"]) == {
        ("-", "moot"): 1,
        ("1", "granted"): 1,
        ("3", "granted"): 1,
    }


def test_a_motion_drafted_only_by_its_exhibits_is_scored_at_their_outcome() -> None:
    """A lawyer reads "the motion to seal Exhibit F is DENIED" as the motion denied; exhibits
    granted and denied as the motion granted in part; exhibits moot as nothing of the motion."""

    def motions(text: str) -> dict[object, int]:
        return dict(drafted_items(read_order("ORDER\n\n" + text + "\n"))["motions"])

    assert motions(
        "Plaintiff moves to seal Exhibit F. The motion to seal Exhibit F is DENIED."
    ) == {("seal", "denied"): 1}
    assert motions(
        "Plaintiff moves to seal Exhibits A and B. Exhibit A shall be filed under seal. The"
        " request to seal Exhibit B is DENIED."
    ) == {("seal", "granted_in_part"): 1}
    assert motions("The motion to seal Exhibit C is DENIED as moot.") == {}
