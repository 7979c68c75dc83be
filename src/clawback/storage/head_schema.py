"""The newest schema made at once: a new database is given the DDL the migrations end in.

Running every migration on an empty database (Alembic, then each file in turn, SQLite's batch
copies of tables) cost a workspace a second of CPU each time one was made. What the migrations
make of an empty database is always the same, so it is kept, per backend, in
``schema/sqlite.sql`` and ``schema/postgresql.sql``: every table, index (partial ones with their
WHERE), trigger, FTS5 table, function, generated column and statistics target, the rows the
migrations write (``audit_head``'s first row) and ``alembic_version`` at the migration it was
made from. ``scripts/schema`` makes both files again from the migrations themselves (run it
after adding one); ``tests/storage/test_head_schema.py`` holds them to the migrations.

Only an empty database is given it, in one transaction, and only when the file is of the
newest migration: a database at an older revision, or a file left behind by a migration added
since, runs the migrations step by step (``db.upgrade``).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy import Connection, Engine, text

SCHEMAS = Path(__file__).with_name("schema")
#: The file's second line: the migration it was made from.
_REVISION = re.compile(r"^-- revision: (\S+)$", re.M)


def path(dialect: str) -> Path:
    return SCHEMAS / f"{dialect}.sql"


def revision(dialect: str) -> str | None:
    """The migration the shipped schema of ``dialect`` was made from (None: none shipped)."""
    file = path(dialect)
    if not file.exists():
        return None
    found = _REVISION.search(file.read_text("utf-8"))
    return found[1] if found else None


def script(dialect: str, head: str) -> str | None:
    """The shipped DDL of ``dialect``, if it is of migration ``head``."""
    if revision(dialect) != head:
        return None
    return path(dialect).read_text("utf-8")


def create(engine: Engine, head: str) -> bool:
    """Give an empty database the schema of migration ``head`` at once; False, and nothing
    done, when the database holds anything or no shipped schema is of ``head``."""
    ddl = script(engine.dialect.name, head)
    if ddl is None:
        return False
    with engine.begin() as conn:  # on SQLite BEGIN IMMEDIATE: no other writer in between
        if not _empty(conn):
            return False
        if conn.dialect.name == "sqlite":
            for statement in _statements(ddl):
                conn.exec_driver_sql(statement)
        else:
            conn.connection.driver_connection.execute(ddl)  # type: ignore[union-attr]
    return True


def _empty(conn: Connection) -> bool:
    if conn.dialect.name == "sqlite":
        query = "SELECT count(*) FROM sqlite_master"
    else:
        query = (
            "SELECT (SELECT count(*) FROM pg_class "
            "WHERE relnamespace = current_schema()::regnamespace) + "
            "(SELECT count(*) FROM pg_proc WHERE pronamespace = current_schema()::regnamespace)"
        )
    return bool(conn.scalar(text(query)) == 0)


def _statements(script: str) -> list[str]:
    """SQLite's script cut into its statements (a trigger's body holds semicolons)."""
    statements, pending = [], ""
    for line in script.splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
