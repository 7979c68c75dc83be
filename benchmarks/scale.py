"""Past one machine, in one run: ingest pages/s with 1 and 2 worker processes; search p50/p95
on SQLite and on PostgreSQL with the access filter off and on; near-copy queries by the LSH
band index against the scan it replaced; peak memory of a worker.

Ingest: INGEST_PAGES pages of generated text (dense born-digital pages, as benchmarks/ingest.py
makes them) in PDFs of --per-doc pages, ingested through the steps of ``clawback.jobs`` (each
file's ingest step, then its documents' signature steps) by the local pool, once with one
process and once with two, each in a fresh workspace (SQLite, or CLAWBACK_DATABASE_URL) and a
child process of its own; prints pages/s, the ratio of the two and the peak resident set of a
worker process. Two workers can only reach twice one on two cores nobody else uses: the load
average is printed first.

Search and near copies: PAGES generated pages (``scale_corpus``: rows straight into the
tables), once on SQLite and once on PostgreSQL (--postgres: a schema of its own, dropped
after); the same queries on each (``scale_queries``: words, phrases and Bates lookups, as the
operator and as a receiving-side employee); near copies on SQLite.

    .venv/bin/python benchmarks/scale.py                      # 100,000 pages: long
    .venv/bin/python benchmarks/scale.py --smoke              # 2,000 pages, 200 ingested
    .venv/bin/python benchmarks/scale.py --pages 1000000      # the issue's aim: longer
    .venv/bin/python benchmarks/scale.py --only search --postgres ''   # SQLite search only
    .venv/bin/python benchmarks/scale.py --only search --no-sqlite    # PostgreSQL search only

A million pages take an hour or more to generate on each backend, which is not what is timed:
``--keep DIR`` generates into DIR (``scale_kept``) and times nothing, ``--reuse DIR`` times the
queries on what DIR holds and generates nothing:

    nice -n 19 .venv/bin/python benchmarks/scale.py --pages 1000000 --keep /big/sqlite --postgres ''
    nice -n 19 .venv/bin/python benchmarks/scale.py --pages 1000000 --keep /big/pg --no-sqlite \
        --only search
    .venv/bin/python benchmarks/scale.py --reuse /big/sqlite --reuse /big/pg   # quiet machine
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select, text

import scale_corpus  # benchmarks/, beside this script
import scale_kept
import scale_queries
from clawback.demo.run import reference_case
from clawback.ingest import walk
from clawback.jobs import Outcome, Step, run_local
from clawback.service import Record, Workspace
from clawback.storage import tables as t
from ingest import peak_kib, text_pdf  # benchmarks/ingest.py, beside this script
from scale_queries import Query

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


# -- ingest by 1 and 2 workers ----------------------------------------------------------------


def make_collection(folder: Path, pages: int, per_doc: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for n in range(max(1, pages // per_doc)):
        (folder / f"doc-{n:06d}.pdf").write_bytes(text_pdf(rng, per_doc))


def ingest_child(folder: str, root: str, workers: int) -> None:
    """In a child process: ingest the folder's files by ``workers`` processes; print JSON."""
    ws = Workspace.init(Path(root))
    ws.operator().matter.load_case(reference_case())
    ws.close()
    steps = [Step.ingest(p) for p in walk([Path(folder)])]
    refused: list[str] = []

    def report(step: Step, outcome: Outcome) -> None:
        if outcome.refused:
            refused.extend(outcome.lines)

    began = time.perf_counter()
    run_local(Path(root), None, steps, workers, report)
    seconds = time.perf_counter() - began
    with Workspace.open(Path(root)).operator().transaction() as s:
        pages = s.scalar(select(text("count(*)")).select_from(t.Page)) or 0
        signed = s.scalar(select(text("count(*)")).select_from(t.PageSignature)) or 0
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    worker_kib = peak_kib() if workers <= 1 else children
    print(
        json.dumps(
            {
                "seconds": seconds,
                "pages": pages,
                "signed": signed,
                "refused": refused,
                "worker_kib": worker_kib,
            }
        )
    )


def ingest_rates(pages: int, per_doc: int, tmp: Path) -> None:
    folder = tmp / "collection"
    began = time.perf_counter()
    make_collection(folder, pages, per_doc)
    files = len(list(folder.iterdir()))
    print(f"ingest: {files:,} PDFs of {per_doc} pages made in {time.perf_counter() - began:.1f} s")
    rates = {}
    for workers in (1, 2):
        child = [sys.executable, __file__, "--child", str(folder), str(tmp / f"ws{workers}")]
        done = subprocess.run(
            [*child, str(workers)],
            capture_output=True,
            text=True,
            check=True,
        )
        found = json.loads(done.stdout.splitlines()[-1])
        if found["refused"]:
            raise SystemExit(f"refused: {found['refused'][:3]}")
        rates[workers] = found["pages"] / found["seconds"]
        print(
            f"  {workers} worker(s): {found['pages']:,} pages ({found['signed']:,} signed) in "
            f"{found['seconds']:.1f} s = {rates[workers]:.1f} pages/s; peak RSS of a worker "
            f"{found['worker_kib'] / 1024:.0f} MiB"
        )
    print(f"  ratio 2 workers / 1: {rates[2] / rates[1]:.2f}")


# -- search and near copies over N generated pages -------------------------------------------


def backend(
    name: str, url: str | None, args: argparse.Namespace, tmp: Path, queries: list[Query]
) -> None:
    """Generate the pages on one backend, then time the searches (and, on SQLite, near
    copies) there; ``queries`` drawn from the first backend's pages (the same on each)."""
    ws = generate(name, url, args, tmp / f"ws-{name}")
    try:
        timed_parts(ws, name, args, queries, signed=True)
    finally:
        ws.close()


def generate(name: str, url: str | None, args: argparse.Namespace, root: Path) -> Record:
    """The pages generated on one backend, ANALYZEd, and on SQLite (unless only search is
    asked for) signed and banded for the near-copy queries; the operator's record."""
    began = time.perf_counter()
    ws = scale_corpus.build(root, url, args.pages, args.per_doc)
    made = time.perf_counter() - began
    scale_corpus.analyze(ws)
    say(
        f"{name}: {args.pages:,} pages generated in {made:.1f} s "
        f"(+{time.perf_counter() - began - made:.1f} s ANALYZE)"
    )
    if name == "sqlite" and args.only in (None, "copies"):
        began = time.perf_counter()
        scale_corpus.sign_all(ws)
        scale_corpus.analyze(ws)
        say(f"near copies: signed and banded in {time.perf_counter() - began:.1f} s")
    return ws


def timed_parts(
    ws: Record, name: str, args: argparse.Namespace, queries: list[Query], signed: bool
) -> None:
    """The timed queries on one backend's generated pages."""
    if name == "sqlite" and args.only in (None, "copies") and signed:
        scale_queries.near_copy_table(ws, args.pages, args.queries, args.scans, say)
    if args.only in (None, "search"):
        if not queries:
            queries += scale_queries.draw(ws, args.pages, args.queries)
        say(
            f"search on {name}: {args.queries} queries of each kind, first 50 hits and "
            f"the total; operator = no access filter, employee = filtered"
        )
        scale_queries.search_table(ws, queries, say, args.slowest)


def keep(folder: Path, args: argparse.Namespace) -> None:
    """``--keep``: generate into ``folder`` (``scale_kept``), time nothing."""
    for name in ("sqlite", "postgresql"):
        if name == "sqlite" and args.no_sqlite:
            continue
        if name == "postgresql" and (not args.postgres or args.only == "copies"):
            continue
        url = scale_kept.url_for(folder, name, args.postgres)
        began = time.perf_counter()
        ws = generate(name, url, args, folder / f"ws-{name}")
        ws.close()
        signed = name == "sqlite" and args.only in (None, "copies")
        seconds = time.perf_counter() - began
        scale_kept.done(folder, scale_kept.Kept(name, args.pages, args.per_doc, signed, seconds))
        say(f"{name}: kept in {folder} ({seconds:.0f} s in all)")


def reuse(folders: list[Path], args: argparse.Namespace, tmp: Path) -> None:
    """``--reuse``: the timed parts on the corpora kept in ``folders`` (the same queries on
    each: the pages are the same), and ingest if asked for (it makes workspaces of its own)."""
    if args.only in (None, "ingest"):
        ingest_rates(args.ingest_pages, args.per_doc, tmp)
    if args.only == "ingest":
        return
    queries: list[Query] = []
    for folder in folders:
        for kept in scale_kept.found(folder):
            began = time.perf_counter()
            ws = scale_kept.opened(folder, kept.backend)
            args.pages, args.per_doc = kept.pages, kept.per_doc
            say(
                f"{kept.backend}: {kept.pages:,} pages kept in {folder} (opened in "
                f"{time.perf_counter() - began:.1f} s); load {os.getloadavg()[0]:.1f}"
            )
            try:
                timed_parts(ws, kept.backend, args, queries, kept.signed)
            finally:
                ws.close()


def say(line: str) -> None:
    print(line, flush=True)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        ingest_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pages", type=int, default=100_000, help="pages generated (1000000 for the issue's aim)"
    )
    parser.add_argument("--ingest-pages", type=int, default=5_000, help="pages ingested per run")
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--queries", type=int, default=100, help="queries of each kind")
    parser.add_argument(
        "--slowest",
        type=int,
        default=0,
        metavar="N",
        help="after the search table, the N slowest word and phrase searches of each seat",
    )
    parser.add_argument("--scans", type=int, default=3, help="near-copy scans of before")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("CLAWBACK_BENCH_POSTGRES", POSTGRES),
        help="PostgreSQL database (a schema of its own is made and dropped); '' for none",
    )
    parser.add_argument(
        "--no-sqlite",
        action="store_true",
        help="search on PostgreSQL only (the same pages, so the same queries: to run the two "
        "backends side by side in two processes)",
    )
    parser.add_argument("--smoke", action="store_true", help="2,000 pages, 200 ingested")
    parser.add_argument("--only", choices=("ingest", "search", "copies"), help="one part")
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="generate the pages into DIR and time nothing (the SQLite file, or a PostgreSQL "
        "schema left in place and named in DIR): for --reuse later, on a quiet machine",
    )
    parser.add_argument(
        "--reuse",
        type=Path,
        action="append",
        metavar="DIR",
        help="generate nothing: time the queries on the pages kept in DIR by --keep "
        "(given twice, the SQLite and the PostgreSQL corpus in one run, the same queries)",
    )
    args = parser.parse_args()
    if args.smoke:
        args.pages, args.ingest_pages, args.queries = 2_000, 200, 30
    if args.keep and args.reuse:
        parser.error("--keep generates, --reuse times: one or the other")
    say(f"scale: {args.pages:,} pages; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    queries: list[Query] = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            keep(args.keep, args)
        elif args.reuse:
            reuse(args.reuse, args, Path(tmp))
        else:
            if args.only in (None, "ingest"):
                ingest_rates(args.ingest_pages, args.per_doc, Path(tmp))
            if args.only != "ingest" and not args.no_sqlite:
                url = f"sqlite:///{Path(tmp) / 'sqlite.db'}"
                backend("sqlite", url, args, Path(tmp), queries)
            if args.only in (None, "search") and args.postgres:
                with scale_corpus.postgres_schema(args.postgres) as url:
                    backend("postgresql", url, args, Path(tmp), queries)
    say(f"peak RSS of this process {peak_kib() / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
