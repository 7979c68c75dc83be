"""A workspace filled with generated produced pages, for the search benchmarks.

Rows go straight into the tables (the pages' files are not made: the benchmarks time searches,
not ingest): one complete production numbered from ``BEN-00000001``, documents of `per_doc`
pages each with a random tier and a few sequestered or withheld, each page's text (also as its
redacted text) made by `text_of(rng)`.

A million pages load in minutes, in constant memory: the rows go in chunks of `CHUNK` pages,
each committed, on one connection set up for loading (``bulk_load``): on SQLite by
``executemany`` with ``synchronous=OFF``, on PostgreSQL by ``COPY``; the full-text index is set
aside during the load and built once after it (FTS5 ``rebuild`` on SQLite, the GIN indexes made
again on PostgreSQL), then everything is as the migrations left it.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select

from clawback.demo.run import reference_case
from clawback.domain.bates import BatesNumber
from clawback.service import Record, Workspace
from clawback.storage import tables as t

STAFF = "staff@plaintiffs.example"
#: Pages loaded and committed at a time: the most that sit in memory at once.
CHUNK = 10_000
PAGE_COLUMNS = ("document_id", "idx", "bates", "text", "redacted_text", "sha256", "image_sha256")


def produced_pages(
    root: Path, pages: int, per_doc: int, text_of: Callable[[random.Random], str], seed: int = 7
) -> Record:
    """The operator's record of a new workspace at `root` holding `pages` generated pages, and
    a party employee (`STAFF`) seated on the receiving side."""
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    ws.people.add(
        STAFF, name="Staff", side="receiving", category="party_officers_directors_employees"
    )
    grow(ws, pages, per_doc, text_of, seed)
    return ws


def grow(
    ws: Record,
    pages: int,
    per_doc: int,
    text_of: Callable[[random.Random], str],
    seed: int = 7,
    prefix: str = "BEN-",
) -> tuple[BatesNumber, BatesNumber]:
    """Add to the operator's record `ws` one complete production `prefix` of `pages`
    generated pages (numbered from 1, after any documents already there); returns its first
    and last Bates numbers."""
    rng = random.Random(seed)
    first, last = BatesNumber(prefix, 1, 8), BatesNumber(prefix, pages, 8)
    with ws.transaction() as s:
        if s.get(t.Blob, "0" * 64) is None:
            s.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        volume = t.Production(volume=prefix.strip("-_. "), first=first, last=last)
        volume.state = "complete"
        s.add(volume)
        s.flush()
        production = volume.id
        base = s.scalar(select(func.coalesce(func.max(t.Document.id), 0))) or 0
    docs_per_chunk = max(1, CHUNK // per_doc)
    with bulk_load(ws.ctx.workspace.engine) as conn:
        for start in range(0, pages // per_doc, docs_per_chunk):
            docs: list[dict[str, object]] = []
            rows: list[tuple[object, ...]] = []
            for d in range(start, min(start + docs_per_chunk, pages // per_doc)):
                docs.append(
                    {
                        "id": base + d + 1,
                        "control": f"{prefix}DOC-{d + 1:06d}",
                        "title": f"doc {d}",
                        "kind": "pdf",
                        "original": "0" * 64,
                        "produced": "0" * 64,
                        "production": production,
                        "page_count": per_doc,
                        "meta": {},
                        "tier": rng.choice([None, "Confidential", "AEO"]),
                        "sequestered": rng.random() < 0.05,
                        "withheld": rng.random() < 0.01,
                        **_stamps(prefix, d * per_doc + 1, d * per_doc + per_doc),
                    }
                )
                for i in range(per_doc):
                    body = text_of(rng)
                    n = d * per_doc + i + 1
                    bates = str(BatesNumber(prefix, n, 8))
                    rows.append((base + d + 1, i, bates, body, body, f"{n:064x}", "[]"))
            with conn.begin():
                conn.execute(insert(t.Document), docs)
                _insert_pages(conn, rows)
    return first, last


def _stamps(prefix: str, first: int, last: int) -> dict[str, object]:
    """A generated document's stamp columns (``service.stamps``): pages `first` to `last`."""
    low, high = BatesNumber(prefix, first, 8), BatesNumber(prefix, last, 8)
    return {
        "first_bates": low,
        "last_bates": high,
        "first_series": low.series,
        "first_number": low.number,
    }


def _insert_pages(conn: Connection, rows: list[tuple[object, ...]]) -> None:
    columns = ", ".join(PAGE_COLUMNS)
    if conn.dialect.name == "sqlite":
        marks = ", ".join("?" for _ in PAGE_COLUMNS)
        conn.exec_driver_sql(f"INSERT INTO page ({columns}) VALUES ({marks})", rows)
        return
    cursor: Any = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY page ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


@contextmanager
def bulk_load(engine: Engine) -> Iterator[Connection]:
    """A connection to load many pages on: the full-text index set aside while it is open and
    built once when it closes (however the load ends), as migrations 0014 and 0026 define it
    (their definitions are read from the database, not repeated here)."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        with conn.begin():
            before = conn.scalar(select(func.coalesce(func.max(t.Page.id), 0))) or 0
            if sqlite:
                found = conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'trigger' "
                    "AND (name LIKE 'page_fts_%' OR name LIKE 'page_pairs_%')"
                ).all()
                drop = "DROP TRIGGER {}"
            else:
                found = conn.exec_driver_sql(
                    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                    "current_schema() AND indexname IN "
                    "('ix_page_text_search', 'ix_page_redacted_text_search', "
                    "'ix_page_text_pairs', 'ix_page_redacted_text_pairs')"
                ).all()
                drop = "DROP INDEX {}"
            for name, _ in found:
                conn.exec_driver_sql(drop.format(name))
        # For this connection only, and only while it loads: a crash may lose the load.
        setting(conn, "PRAGMA synchronous=OFF" if sqlite else "SET synchronous_commit = off")
        if sqlite:  # the index's merges and the B-trees' upper pages kept in memory: 256 MiB
            setting(conn, "PRAGMA cache_size=-262144")
        try:
            yield conn
        finally:
            if conn.in_transaction():
                conn.rollback()
            with conn.begin():
                if sqlite:
                    conn.exec_driver_sql("INSERT INTO page_fts(page_fts) VALUES ('rebuild')")
                    # The pairs of the pages not yet in the pair table (all of them, but for
                    # pages there before a grow): a contentless table has no 'rebuild'.
                    conn.exec_driver_sql(
                        "INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) "
                        "SELECT id, clawback_pairs(text), clawback_pairs(redacted_text) "
                        "FROM page WHERE id > ?",
                        (before,),
                    )
                else:
                    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
                    # The documents came with their ids: the next one made takes the one after.
                    conn.exec_driver_sql(
                        "SELECT setval(pg_get_serial_sequence('document', 'id'), "
                        "(SELECT max(id) FROM document))"
                    )
                for _, definition in found:
                    conn.exec_driver_sql(definition)
            setting(conn, "PRAGMA synchronous=NORMAL" if sqlite else "SET synchronous_commit = on")
            if sqlite:
                setting(conn, "PRAGMA cache_size=-2000")  # SQLite's default again


def setting(conn: Connection, statement: str) -> None:
    """A setting of this connection's, made outside any transaction (SQLite refuses a
    ``synchronous`` changed inside one)."""
    if conn.dialect.name == "sqlite":
        conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    else:
        conn.exec_driver_sql(statement)
        conn.commit()
