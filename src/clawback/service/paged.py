"""One page of a longer answer (a listing, a search's hits): a list, as callers always had,
with how many answer in all among what the person may see, and where this page starts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


class Paged(list[T]):
    def __init__(self, items: Iterable[T] = (), *, total: int = 0, offset: int = 0) -> None:
        super().__init__(items)
        self.total = total
        self.offset = offset
