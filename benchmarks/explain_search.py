"""Where a search's time goes on PostgreSQL: each statement the service sends for one search,
timed from the client, and (``--plans``) the plan PostgreSQL ran it by, with its buffers, as
``auto_explain`` logs it in this session only (``EXPLAIN (ANALYZE, BUFFERS)`` of the very
statement and parameters sent, not a statement written again by hand).

On a corpus kept by ``benchmarks/scale.py --keep DIR``:

    PYTHONPATH=src:.:benchmarks .venv/bin/python benchmarks/explain_search.py --reuse DIR \\
        --plans zutemi '"nalo bakaro"'
    ... --reuse DIR --drawn 100 --kind word      # every drawn word query: the statements' times

Each search is asked twice as each seat and the second is reported (a warm cache, as the
benchmark times it, which asks every query once before timing). Plans are timed with the
instrumentation's own cost (``--no-timing`` leaves node times out, rows and buffers in).
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

import scale_kept  # benchmarks/, beside this script
import scale_queries
from clawback.service import Record
from generated import STAFF


@dataclass
class Statement:
    sql: str
    seconds: float = 0.0
    plans: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """A short name of the statement: what it selects or writes, and from where."""
        one = " ".join(self.sql.split())
        if "audit" in one.split(" WHERE")[0]:
            return "audit " + one.split()[0].lower()
        if one.startswith("SET") or "set_config(" in one:
            return "set"
        if "MATERIALIZED" in one:  # service.search._counted_first
            return "hits up to" if "page.id <=" in one else "count first"
        if "count(*)" in one:
            return "count"
        if "ts_headline" in one:
            return "snippets"
        if "sum(anon_1.page_count)" in one:
            return "sees few?"
        if "to_tsvector('simple'" in one and "unnest" in one:
            return "phrase lexemes"
        if re.search(r"ORDER BY page\.id\s+LIMIT", one):
            return "page of hits"
        return one[:60]


@dataclass
class Recorder:
    """The statements sent while ``recording``, their client-side times and their plans."""

    recording: bool = False
    statements: list[Statement] = field(default_factory=list)
    began: float = 0.0

    def before(self, conn: Any, cursor: Any, sql: str, params: Any, ctx: Any, many: bool) -> None:
        if self.recording:
            self.statements.append(Statement(sql))
            self.began = time.perf_counter()

    def after(self, conn: Any, cursor: Any, sql: str, params: Any, ctx: Any, many: bool) -> None:
        if self.recording and self.statements:
            self.statements[-1].seconds = time.perf_counter() - self.began

    def notice(self, diag: Any) -> None:
        if self.recording and self.statements and diag.message_primary:
            self.statements[-1].plans.append(diag.message_primary)


@contextmanager
def recorded(engine: Engine, plans: bool, timing: bool) -> Iterator[Recorder]:
    """Record the statements ``engine`` sends; with ``plans``, every connection made from now
    on has ``auto_explain`` log each statement's plan (ANALYZE, BUFFERS) to this client."""
    rec = Recorder()

    def connected(dbapi: Any, _record: Any) -> None:
        if plans:
            with dbapi.cursor() as cur:
                cur.execute("LOAD 'auto_explain'")
                cur.execute("SET auto_explain.log_min_duration = 0")
                cur.execute("SET auto_explain.log_analyze = on")
                cur.execute("SET auto_explain.log_buffers = on")
                cur.execute(f"SET auto_explain.log_timing = {'on' if timing else 'off'}")
                cur.execute("SET client_min_messages = log")
            dbapi.commit()
        dbapi.add_notice_handler(rec.notice)

    engine.dispose()  # connections made before would not log
    event.listen(engine, "connect", connected)
    event.listen(engine, "before_cursor_execute", rec.before)
    event.listen(engine, "after_cursor_execute", rec.after)
    try:
        yield rec
    finally:
        event.remove(engine, "after_cursor_execute", rec.after)
        event.remove(engine, "before_cursor_execute", rec.before)
        event.remove(engine, "connect", connected)
        engine.dispose()


def explained(rec: Recorder, seat: Record, asked: str) -> tuple[float, int, list[Statement]]:
    """One search asked twice by ``seat``; the second's time, pages and statements."""
    seat.reads.search(asked, limit=50)
    rec.statements = []
    rec.recording = True
    began = time.perf_counter()
    try:
        total = seat.reads.search(asked, limit=50).total
    finally:
        rec.recording = False
    return time.perf_counter() - began, total, rec.statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("queries", nargs="*", help="searches, as a person types them")
    parser.add_argument("--reuse", type=Path, required=True, metavar="DIR")
    parser.add_argument("--seat", choices=("operator", "employee", "both"), default="both")
    parser.add_argument("--plans", action="store_true", help="each statement's plan")
    parser.add_argument("--no-timing", action="store_true", help="plans without node times")
    parser.add_argument("--drawn", type=int, default=0, help="also the benchmark's N queries")
    parser.add_argument("--kind", choices=("word", "phrase"), help="of the drawn, this kind")
    args = parser.parse_args()
    kept = next(k for k in scale_kept.found(args.reuse) if k.backend == "postgresql")
    operator = scale_kept.opened(args.reuse, "postgresql")
    asked = list(args.queries)
    if args.drawn:
        drawn = scale_queries.draw(operator, kept.pages, args.drawn)
        asked += [
            q.asked for q in drawn if q.kind in ((args.kind,) if args.kind else ("word", "phrase"))
        ]
    seats = {"operator": operator, "employee": operator.ctx.workspace.person(STAFF)}
    if args.seat != "both":
        seats = {args.seat: seats[args.seat]}
    engine = operator.ctx.workspace.engine
    with recorded(engine, args.plans, not args.no_timing) as rec:
        for query in asked:
            for name, seat in seats.items():
                seconds, total, statements = explained(rec, seat, query)
                parts = "  ".join(
                    f"{st.name} {st.seconds * 1000:.1f}"
                    for st in statements
                    if st.seconds >= 0.0005 or args.plans
                )
                print(f"{seconds * 1000:7.1f} ms {total:6,} {name:8} {query:24} | {parts}")
                if args.plans:
                    for st in statements:
                        for plan in st.plans:
                            print("      " + plan.replace("\n", "\n      "))
    operator.close()


if __name__ == "__main__":
    main()
