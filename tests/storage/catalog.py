"""A database's schema and rows as plain data, to compare two databases made two ways.

Everything the database keeps about its schema, read from its own catalog: on SQLite every
object's creating SQL as the database keeps it (tables, virtual tables and the shadow tables
FTS5 keeps beside them, indexes with their WHERE, triggers, views), each table's columns, and
the file's settings; on PostgreSQL each relation, each column (type, null, default, generated
expression, identity, statistics target), constraint, index, trigger, function, type and
sequence, as PostgreSQL itself prints them. Then every row of every table (the shadow tables'
and ``alembic_version``'s included), so data a migration writes is compared too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, text


def describe(conn: Connection) -> dict[str, Any]:
    if conn.dialect.name == "sqlite":
        return _sqlite(conn)
    return _postgresql(conn)


def _rows(conn: Connection, table: str) -> list[tuple[str, ...]]:
    found = conn.execute(text(f'SELECT * FROM "{table}"')).all()
    return sorted(tuple(repr(v) for v in row) for row in found)


def _sqlite(conn: Connection) -> dict[str, Any]:
    objects = conn.execute(
        text("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
    ).all()
    tables = [name for kind, name, _, _ in objects if kind == "table"]
    stored = [
        n for k, n, _, sql in objects if k == "table" and not sql.startswith("CREATE VIRTUAL")
    ]
    return {
        "objects": [
            (kind, name, table, _table_sql(sql) if kind == "table" else sql)
            for kind, name, table, sql in objects
        ],
        "columns": {
            name: [tuple(c) for c in conn.exec_driver_sql(f'PRAGMA table_xinfo("{name}")')]
            for name in tables
        },
        "indexes": {name: _sqlite_indexes(conn, name) for name in tables},
        "settings": {
            pragma: conn.exec_driver_sql(f"PRAGMA {pragma}").scalar()
            for pragma in ("user_version", "application_id", "encoding", "auto_vacuum")
        },
        "rows": {name: _rows(conn, name) for name in stored},  # FTS5's in its shadow tables
    }


def _table_sql(sql: str) -> tuple[str, ...]:
    """A CREATE TABLE's text with its table constraints in one order: Alembic's batch copy
    of a table on SQLite writes them in an order that changes from run to run, so two runs of
    the very same migrations differ there. The columns keep their order, every word is kept."""
    head, _, body = sql.partition("(")
    body, _, tail = body.rpartition(")")
    items, depth, start = [], 0, 0
    for at, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            items.append(body[start:at])
            start = at + 1
    items.append(body[start:])
    items = [" ".join(item.split()) for item in items]
    constraint = ("PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK", "CONSTRAINT")
    columns = [i for i in items if not i.startswith(constraint)]
    constraints = sorted(i for i in items if i.startswith(constraint))
    return (" ".join(head.split()), *columns, *constraints, tail.strip())


def _sqlite_indexes(conn: Connection, table: str) -> list[tuple[Any, ...]]:
    """A table's indexes by what they hold, not by name: the names SQLite gives the indexes
    of UNIQUE constraints (``sqlite_autoindex_document_2``) follow the constraints' order."""
    found = []
    for _, name, unique, origin, partial in conn.exec_driver_sql(f'PRAGMA index_list("{table}")'):
        columns = [c[2] for c in conn.exec_driver_sql(f'PRAGMA index_xinfo("{name}")')]
        found.append((unique, origin, partial, *map(str, columns)))
    return sorted(found)


_RELATIONS = """
SELECT c.relname, c.relkind, c.relpersistence, c.reloptions::text, c.reltuples
FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname
"""
_COLUMNS = """
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       a.attidentity, a.attgenerated, pg_get_expr(d.adbin, d.adrelid), a.attstattarget,
       coalesce(co.collname, ''),
       rank() OVER (PARTITION BY c.oid ORDER BY a.attnum)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY c.relname, a.attnum
"""
_CONSTRAINTS = """
SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid), k.condeferrable
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
WHERE k.connamespace = current_schema()::regnamespace ORDER BY c.relname, k.conname
"""
_INDEXES = """
SELECT i.relname, pg_get_indexdef(x.indexrelid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE i.relnamespace = current_schema()::regnamespace ORDER BY i.relname
"""
_TRIGGERS = """
SELECT t.tgname, pg_get_triggerdef(t.oid), t.tgenabled
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal ORDER BY t.tgname
"""
_FUNCTIONS = """
SELECT p.proname, pg_get_functiondef(p.oid)
FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace ORDER BY p.proname
"""
_TYPES = """
SELECT t.typname, t.typtype,
       (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_enum e WHERE e.enumtypid = t.oid)
FROM pg_type t
WHERE t.typnamespace = current_schema()::regnamespace AND t.typrelid = 0 AND t.typelem = 0
ORDER BY t.typname
"""
_SEQUENCES = """
SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmax,
       s.seqmin, s.seqcache, s.seqcycle,
       (SELECT o.relname || '.' || a.attname FROM pg_depend d
        JOIN pg_class o ON o.oid = d.refobjid
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid
WHERE c.relnamespace = current_schema()::regnamespace ORDER BY c.relname
"""


def _postgresql(conn: Connection) -> dict[str, Any]:
    schema = conn.scalar(text("SELECT current_schema()"))

    def read(query: str) -> list[tuple[str, ...]]:
        return [
            tuple(str(v).replace(f"{schema}.", "SCHEMA.") for v in row)
            for row in conn.execute(text(query)).all()
        ]

    relations = read(_RELATIONS)
    sequences = [r[0] for r in relations if r[1] == "S"]
    return {
        "relations": relations,
        "columns": read(_COLUMNS),
        "constraints": read(_CONSTRAINTS),
        "indexes": read(_INDEXES),
        "triggers": read(_TRIGGERS),
        "functions": read(_FUNCTIONS),
        "types": read(_TYPES),
        "sequences": read(_SEQUENCES),
        "sequence_state": {
            name: tuple(conn.execute(text(f'SELECT last_value, is_called FROM "{name}"')).one())
            for name in sequences
        },
        "rows": {r[0]: _rows(conn, r[0]) for r in relations if r[1] == "r"},
    }
