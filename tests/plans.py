"""The statements a call sends, and how SQLite plans each: for tests that a read goes along an
index and not by a scan of a table that grows with the record."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, event


@contextlib.contextmanager
def statements(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement ``engine`` sends inside the block, with its parameters."""
    sent: list[tuple[str, Any]] = []

    def seen(_c: object, _cursor: object, sql: str, parameters: Any, *_: object) -> None:
        sent.append((sql, parameters))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", seen)


def plan(engine: Engine, sql: str, parameters: Any) -> list[str]:
    """SQLite's plan of one statement, a step a line (``SEARCH document USING INDEX ...``)."""
    with engine.connect() as conn:
        return [row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", parameters)]
