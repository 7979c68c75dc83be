"""A count and its noun in the right number: ``1 page``, ``2 pages``, ``3 entries``."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "page")`` -> ``"1 page"``; ``counted(2, "entry", "entries")`` ->
    ``"2 entries"``. Every count the product writes goes through here: no "1 pages"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
