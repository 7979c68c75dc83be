"""Every bounded text column holds what it says it does, on every backend, checked before a row
is written: PostgreSQL refuses a value longer than its column with the database's words, naming
no field, and SQLite keeps it whole, so the same input was kept on one backend and refused on
the other. Now both refuse it in one line naming what was too long (`InvalidInput`), before
anything of the unit of work is written; a value made from a file (a title from an e-mail's
subject) is fitted where it is made (`fitted`), never refused."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import InstrumentedAttribute, Session

from clawback.domain.errors import InvalidInput

__all__ = ["fitted"]

#: Where a value cut to fit ends.
_CUT = "\u2026"


def fitted(text: str, column: InstrumentedAttribute[Any]) -> str:
    """``text`` cut to what ``column`` holds, ending ``…`` where it was cut."""
    limit = getattr(column.type, "length", None)
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - len(_CUT)].rstrip() + _CUT


@event.listens_for(Session, "before_flush")
def _within_lengths(session: Session, _context: Any, _instances: Any) -> None:
    for row in [*session.new, *session.dirty]:
        state = inspect(row)
        mapper = state.mapper
        for attr in mapper.column_attrs:
            column = attr.columns[0]
            limit = getattr(column.type, "length", None)
            if not isinstance(column.type, String) or limit is None:
                continue
            value = state.dict.get(attr.key)  # as held: a column not loaded is not read
            if isinstance(value, str) and len(value) > limit:
                table = str(mapper.local_table.name).replace("_", " ")
                raise InvalidInput(
                    f"a {table}'s {column.name.replace('_', ' ')} holds at most {limit:,} "
                    f"characters (this one has {len(value):,})"
                )
