"""Column types for the field's values: a Bates number is stored as its text and read back as a
``BatesNumber``, so it is parsed once, here, and travels as a value everywhere else; in a
query, ``bates_series`` and ``bates_counter`` read its text back as that value's series and
number, so the database orders and compares Bates numbers as ``BatesNumber`` does."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Dialect, String, cast, func, type_coerce
from sqlalchemy.types import TypeDecorator

from clawback.domain.bates import SEPARATORS, BatesNumber


class Bates(TypeDecorator[BatesNumber]):
    """A Bates number column: ``BatesNumber`` in and out, its canonical text in the database."""

    impl = String(60)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, BatesNumber):
            raise TypeError(f"a Bates column takes a BatesNumber, not {type(value).__name__}")
        return str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> BatesNumber | None:
        return None if value is None else _read(value)


@functools.lru_cache(maxsize=16384)
def _read(text: str) -> BatesNumber:
    """A stored Bates number as a value: a page view reads hundreds (its document's pages,
    their neighbours), the same ones request after request, so each text is read once (a
    ``BatesNumber`` is immutable: one value serves every read of it)."""
    return BatesNumber.stored(text)


#: What ``rtrim`` strips to leave a stored Bates number's prefix (a prefix never ends in a digit).
_DIGITS = "0123456789"


def bates_series(column: ColumnElement[Any], dialect: str) -> ColumnElement[str]:
    """A Bates column's ``BatesNumber.series`` in SQL (its prefix, upper case, no separators),
    compared as Python compares strings (code points: ``C`` collation on PostgreSQL)."""
    found: ColumnElement[str] = _prefix(column)
    for separator in SEPARATORS:
        found = func.replace(found, separator, "", type_=String)
    found = func.upper(found, type_=String)
    return found.collate("C") if dialect == "postgresql" else found


def bates_counter(column: ColumnElement[Any]) -> ColumnElement[int]:
    """A Bates column's ``BatesNumber.number`` in SQL: the digits after its prefix."""
    digits = func.substr(
        type_coerce(column, String), func.length(_prefix(column)) + 1, type_=String
    )
    return cast(digits, BigInteger)


def _prefix(column: ColumnElement[Any]) -> ColumnElement[str]:
    return func.rtrim(type_coerce(column, String), _DIGITS, type_=String)
