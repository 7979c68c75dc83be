"""A workspace filled with generated produced pages, for the search benchmarks.

Rows go straight into the tables (the pages' files are not made: the benchmarks time searches,
not ingest): one complete production numbered from ``BEN-00000001``, documents of `per_doc`
pages each with a random tier and a few sequestered or withheld, each page's text (also as its
redacted text) made by `text_of(rng)`.

A million pages load in constant memory: the rows go in chunks of `CHUNK` pages, each
committed, on connections set up for loading (``bulk_load``): on SQLite one, by ``executemany``
with ``synchronous=OFF``; on PostgreSQL `SESSIONS`, by ``COPY``, each taking the next `SLICE`
pages of the chunk. PostgreSQL's time is its own: each page's four generated tsvectors (the
words' and the pairs', of the text and of the redacted text: ~3 ms of a core a page), then the
GIN indexes, so the work is spread over sessions, one a core. The pages come with their ids
(Bates order), so loading side by side changes no id, only where pages lie in the heap: in id
order but within each `SESSIONS` x `SLICE` pages. The full-text index is set aside during the
load and built once after it (FTS5 ``rebuild`` on SQLite; on PostgreSQL the GIN indexes made
again, side by side, with `GIN_MEMORY` each). On PostgreSQL the loading sessions fire no
trigger and check no foreign key (``session_replication_role``): the page table's one trigger
(the page awaits its signature: ``page_unsigned``) is done after, in one statement. Then
everything is as the migrations left it.
"""

from __future__ import annotations

import queue
import random
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, text

from clawback.demo.run import reference_case
from clawback.domain.bates import BatesNumber
from clawback.service import Record, Workspace
from clawback.storage import tables as t

STAFF = "staff@plaintiffs.example"
#: Pages loaded and committed at a time: the most that sit in memory at once.
CHUNK = 10_000
#: PostgreSQL sessions loading (and then indexing) side by side: one a core.
SESSIONS = 2
#: Pages a PostgreSQL session copies at a time: the sessions' pages interleave in the heap
#: within SESSIONS * SLICE pages (the heap stays in id order but for that).
SLICE = 1_000
#: maintenance_work_mem of each session building a GIN index.
GIN_MEMORY = "2GB"
#: The triggers on ``page`` whose rows the load makes itself after (``_after_load``).
PAGE_TRIGGERS = {"page_unsigned_insert"}
PAGE_COLUMNS = (
    "id",
    "document_id",
    "idx",
    "bates",
    "text",
    "redacted_text",
    "sha256",
    "image_sha256",
)


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
        page_base = s.scalar(select(func.coalesce(func.max(t.Page.id), 0))) or 0
    docs_per_chunk = max(1, CHUNK // per_doc)
    with bulk_load(ws.ctx.workspace.engine) as load:
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
                    rows.append(
                        (page_base + n, base + d + 1, i, bates, body, body, f"{n:064x}", "[]")
                    )
            load(docs, rows)
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


Chunk = tuple[list[dict[str, object]], list[tuple[object, ...]]]


def _insert(conn: Connection, chunk: Chunk) -> None:
    """One chunk's documents and pages, committed."""
    docs, rows = chunk
    columns = ", ".join(PAGE_COLUMNS)
    with conn.begin():
        conn.execute(insert(t.Document), docs)
        if conn.dialect.name == "sqlite":
            marks = ", ".join("?" for _ in PAGE_COLUMNS)
            conn.exec_driver_sql(f"INSERT INTO page ({columns}) VALUES ({marks})", rows)
            return
        cursor: Any = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY page ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


@contextmanager
def bulk_load(engine: Engine) -> Iterator[Callable[[list[dict[str, object]], list[Any]], None]]:
    """A function taking a chunk (documents, page rows), to load many pages by: the full-text
    index set aside while it is open and built once when it closes (however the load ends),
    as migrations 0014 and 0026 define it (their definitions are read from the database, not
    repeated here)."""
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
                _known_triggers(conn)
            for name, _ in found:
                conn.exec_driver_sql(drop.format(name))
        if sqlite:
            # For this connection only, and only while it loads: a crash may lose the load.
            setting(conn, "PRAGMA synchronous=OFF")
            # the index's merges and the B-trees' upper pages kept in memory: 256 MiB
            setting(conn, "PRAGMA cache_size=-262144")
        try:
            if sqlite:
                yield lambda docs, rows: _insert(conn, (docs, rows))
            else:
                with _sessions(engine) as load:
                    yield load
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
                    for _, definition in found:
                        conn.exec_driver_sql(definition)
                else:
                    _after_load(conn, before)
            if sqlite:
                setting(conn, "PRAGMA synchronous=NORMAL")
                setting(conn, "PRAGMA cache_size=-2000")  # SQLite's default again
        if not sqlite:
            _build_side_by_side(engine, [definition for _, definition in found])


def _known_triggers(conn: Connection) -> None:
    """Refused unless the page table's triggers are those whose rows ``_after_load`` makes:
    the loading sessions fire none (a trigger added later must be taught to it first)."""
    names = set(
        conn.scalars(
            text(
                "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal "
                "AND tgrelid = 'page'::regclass"
            )
        )
    )
    if names != PAGE_TRIGGERS:
        raise RuntimeError(f"page's triggers {sorted(names)}: the load knows {PAGE_TRIGGERS}")


def _after_load(conn: Connection, before: int) -> None:
    """What the loading sessions' triggers would have done, and the sequences set past the
    ids the rows came with (the next document or page made takes the one after)."""
    conn.exec_driver_sql(
        "INSERT INTO page_unsigned (page_id) SELECT id FROM page WHERE id > %s ORDER BY id",
        (before,),
    )
    for table in ("document", "page"):
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )


@contextmanager
def _sessions(engine: Engine) -> Iterator[Callable[[list[dict[str, object]], list[Any]], None]]:
    """`SESSIONS` PostgreSQL connections loading side by side, each its own thread (psycopg
    waits on the server without the interpreter's lock), each taking the next slice of a
    chunk (`SLICE` pages) from a queue of one. Triggers and foreign-key checks are
    off in them (``session_replication_role``), and commits do not wait for the disk; the
    first error is raised here once all have stopped."""
    chunks: queue.Queue[Chunk | None] = queue.Queue(maxsize=1)
    failed: list[BaseException] = []

    def work(conn: Connection) -> None:
        while (chunk := chunks.get()) is not None:
            if failed:
                continue  # drain: the producer must not block
            try:
                _insert(conn, chunk)
            except BaseException as exc:  # raised in the caller's thread
                failed.append(exc)

    def load(docs: list[dict[str, object]], rows: list[Any]) -> None:
        at = 0  # the chunk in slices of whole documents, SLICE pages or so each
        while at < len(docs):
            if failed:
                raise failed[0]
            ids, pages = set(), 0
            while at < len(docs) and pages < SLICE:
                ids.add(docs[at]["id"])
                pages += int(str(docs[at]["page_count"]))
                at += 1
            chunks.put(([d for d in docs if d["id"] in ids], [r for r in rows if r[1] in ids]))

    with ExitStack() as stack:
        threads = []
        for _ in range(SESSIONS):
            conn = stack.enter_context(engine.connect())
            setting(conn, "SET synchronous_commit = off")
            setting(conn, "SET session_replication_role = replica")
            threads.append(threading.Thread(target=work, args=(conn,), daemon=True))
        for thread in threads:
            thread.start()
        try:
            yield load
        finally:
            for _ in threads:
                chunks.put(None)
            for thread in threads:
                thread.join()
    if failed:
        raise failed[0]


def _build_side_by_side(engine: Engine, definitions: list[str]) -> None:
    """The GIN indexes built by `SESSIONS` sessions at once (PostgreSQL 15 builds a GIN index
    by one process), the largest (the pairs') first, each with `GIN_MEMORY`."""
    todo: queue.Queue[str] = queue.Queue()
    for definition in sorted(definitions, key=lambda d: "_pairs" not in d):
        todo.put(definition)
    failed: list[BaseException] = []

    def work() -> None:
        with engine.connect() as conn:
            setting(conn, f"SET maintenance_work_mem = '{GIN_MEMORY}'")
            while not failed:
                try:
                    definition = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    with conn.begin():
                        conn.exec_driver_sql(definition)
                except BaseException as exc:  # raised in the caller's thread
                    failed.append(exc)

    threads = [threading.Thread(target=work) for _ in range(min(SESSIONS, len(definitions)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise failed[0]


def setting(conn: Connection, statement: str) -> None:
    """A setting of this connection's, made outside any transaction (SQLite refuses a
    ``synchronous`` changed inside one)."""
    if conn.dialect.name == "sqlite":
        conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    else:
        conn.exec_driver_sql(statement)
        conn.commit()
