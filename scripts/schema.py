"""Make ``src/clawback/storage/schema/{sqlite,postgresql}.sql`` again from the migrations.

Runs every migration, one by one, on an empty SQLite file and in an empty PostgreSQL schema
(of ``CLAWBACK_TEST_POSTGRES``'s server, dropped after), and writes down what they made, as
each database keeps it: SQLite's objects by the SQL it stores for each (the shadow tables
FTS5 makes itself left out, their rows written after), PostgreSQL's by ``pg_dump`` (its
schema, then its rows), its schema's name taken out so the DDL lands in whatever schema a
workspace's URL names; then the rows the migrations wrote (``alembic_version``'s included),
and ANALYZE of each table the migrations analysed. (A table Alembic copied on SQLite lists its
constraints in an order that changes from run to run, the migrations' as well: two runs may
differ there, and nowhere else.)
``tests/storage/test_head_schema.py`` checks that a database made from each file is the
migrated one. Run as ``scripts/schema`` from the project's root.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from clawback.storage import head_schema
from clawback.storage.db import connect, head_revision, upgrade

POSTGRES = os.environ.get(
    "CLAWBACK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
#: The schema the PostgreSQL migrations run in: a name found nowhere else in the dump.
SOURCE = "clawback_head_schema_source"


def header(dialect: str) -> str:
    return (
        f"-- clawback's schema on {dialect}, as the migrations make it: made by scripts/schema\n"
        f"-- revision: {head_revision()}\n"
    )


def sqlite() -> str:
    with tempfile.TemporaryDirectory() as folder:
        engine = connect(f"sqlite:///{Path(folder) / 'schema.db'}")
        upgrade(engine)
        with engine.connect() as conn:
            shadows = {
                row[1] for row in conn.exec_driver_sql("PRAGMA table_list") if row[2] == "shadow"
            }
            objects = [
                (kind, name, sql)
                for kind, name, sql in conn.exec_driver_sql(
                    "SELECT type, name, sql FROM sqlite_master ORDER BY rowid"
                )
                if sql is not None and name not in shadows and not name.startswith("sqlite_")
            ]
            order = ("table", "index", "view", "trigger")
            lines = [header("SQLite")]
            for kind in order:
                lines += [f"{sql};\n" for k, _, sql in objects if k == kind]
            tables = [n for k, n, sql in objects if k == "table" and "VIRTUAL" not in sql]
            lines += _inserts(conn, tables)
            # FTS5's own rows as the migrations left them (0014's 'rebuild' of the empty index
            # wrote a record of its average sizes that a table just made does not hold yet)
            lines += _inserts(conn, sorted(shadows), "INSERT OR REPLACE")
            version = conn.exec_driver_sql("PRAGMA user_version").scalar()
        engine.dispose()
    assert not {k for k, _, _ in objects} - set(order), objects
    if version:
        lines.append(f"PRAGMA user_version = {version};\n")
    return "".join(lines)


def _inserts(conn: Connection, tables: list[str], verb: str = "INSERT") -> list[str]:
    lines = []
    for table in sorted(tables):
        for row in conn.exec_driver_sql(f'SELECT * FROM "{table}" ORDER BY 1'):
            values = ", ".join(_literal(v) for v in row)
            lines.append(f'{verb} INTO "{table}" VALUES ({values});\n')
    return lines


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    return "'" + str(value).replace("'", "''") + "'"


def postgresql() -> str:
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {SOURCE} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {SOURCE}"))
    try:
        engine = connect(f"{POSTGRES}?options=-csearch_path%3D{SOURCE}")
        upgrade(engine)
        with engine.connect() as conn:
            analysed = conn.scalars(
                text(
                    "SELECT relname FROM pg_class WHERE relkind = 'r' AND reltuples >= 0 "
                    "AND relnamespace = current_schema()::regnamespace ORDER BY relname"
                )
            ).all()
        engine.dispose()
        # The rows after the indexes, as the migrations wrote them: an index made over a row
        # would count it in the table's size estimate, where the migrations' says "never read".
        dump = _pg_dump("--schema-only") + _pg_dump("--data-only", "--inserts")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {SOURCE} CASCADE"))
        admin.dispose()
    kept: list[str] = []
    for line in dump.splitlines(keepends=True):
        if line.startswith(("--", "\\", "SET ", "SELECT pg_catalog.set_config", "CREATE SCHEMA")):
            continue  # comments, psql's commands, the session's settings, the source schema
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.replace(f"{SOURCE}.", ""))
    body = "".join(kept).strip() + "\n"
    if SOURCE in body:
        raise SystemExit(f"pg_dump named the schema where it could not be taken out:\n{body}")
    body += "".join(f"ANALYZE {name};\n" for name in analysed)
    return header("PostgreSQL") + "\n" + body


def _pg_dump(*what: str) -> str:
    url = make_url(POSTGRES)
    env = {**os.environ, "PGPASSWORD": url.password or ""}
    command = [
        "pg_dump",
        f"--host={url.host or '127.0.0.1'}",
        f"--port={url.port or 5432}",
        f"--username={url.username or 'postgres'}",
        f"--schema={SOURCE}",
        "--no-owner",
        "--no-privileges",
        *what,
        str(url.database),
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"pg_dump failed: {done.stderr.strip()}")
    return done.stdout


def main() -> None:
    for dialect, make in (("sqlite", sqlite), ("postgresql", postgresql)):
        target = head_schema.path(dialect)
        target.parent.mkdir(exist_ok=True)
        target.write_text(make(), "utf-8")
        print(f"{target}: the schema of migration {head_revision()}", file=sys.stderr)


if __name__ == "__main__":
    main()
