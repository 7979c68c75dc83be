"""Column types for the field's values: a Bates number is stored as its text and read back as a
``BatesNumber``, so it is parsed once, here, and travels as a value everywhere else."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Dialect, String
from sqlalchemy.types import TypeDecorator

from clawback.domain.bates import BatesNumber


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
        return None if value is None else BatesNumber.parse(value)
