"""Search by the index (FTS5 on SQLite, tsvector + GIN on PostgreSQL) against the ILIKE scan it
replaced, on the same generated pages, in the same run.

Builds a workspace (SQLite, or CLAWBACK_DATABASE_URL) holding PAGES pages of 250 words each,
drawn from a vocabulary of 20,000 made-up words (a few common, most rare, as in real text), in
documents of a mix of designations, sequestered and withheld; then runs each query through the
service API (``Reads.search``: the first 50 hits and the total) and through the ILIKE scan of
before (the first 50 pages holding the words, no total), as the operator and as a
receiving-side party employee (the access filter inside the query), and prints the medians and
the ratio scan / index. The index's time includes what the scan never did: counting every page
that answers, and the search's audit entry.

    .venv/bin/python benchmarks/search.py [--pages 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import aliased

from clawback.service import Record
from clawback.service import access as access_rules
from clawback.storage import tables as t
from generated import STAFF, produced_pages  # benchmarks/generated.py, beside this script

SYLLABLES = "ka ro mi te su na lo vi de pa zu ri fe go ba ni tu se mo ra".split()  # noqa: SIM905
#: (query for the index, the same words for the scan)
QUERIES = [
    ("common", "bakaro", "bakaro"),  # on most pages
    ("rare word", "zutemi", "zutemi"),
    ("phrase", '"nalo bakaro"', "nalo bakaro"),
    ("absent", "qqqqzz", "qqqqzz"),
]


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    words: set[str] = {"bakaro", "nalo", "zutemi"}
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def build(root: Path, pages: int, per_doc: int = 10, seed: int = 7) -> Record:
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(vocab))]  # Zipf
    vocab.remove("bakaro")
    vocab.insert(0, "bakaro")  # the commonest word

    def text_of(rng: random.Random) -> str:
        words = rng.choices(vocab, weights, k=250)
        if rng.random() < 0.01:
            words[rng.randrange(250)] = "zutemi"
        if rng.random() < 0.02:
            at = rng.randrange(249)
            words[at : at + 2] = ["nalo", "bakaro"]  # the phrase, a line break between
        return " ".join(words[:125]) + "\n" + " ".join(words[125:])

    ws = produced_pages(root, pages, per_doc, text_of, seed)
    with ws.transaction() as s:
        s.execute(text("ANALYZE"))  # statistics, as a live database keeps them (autovacuum)
    return ws


def scan(ws: Record, words: str, limit: int = 50) -> int:
    """The search as it was before the index (clawback 0013): an ILIKE scan of produced pages."""
    column = access_rules.text_column(ws.ctx.actor)
    with ws.transaction() as s:
        doc = aliased(t.Document)
        may_see = (
            select(doc.id)
            .where(doc.id == t.Page.document_id)
            .where(access_rules.visible(ws.ctx.actor, doc))
        )
        found = s.execute(
            select(t.Page.bates, t.Document.exhibit, column)
            .join(t.Document, t.Page.document_id == t.Document.id)
            .where(t.Page.bates.is_not(None), may_see.exists())
            .where(column.ilike(f"%{words}%"))
            .order_by(t.Page.id)
            .limit(limit)
        ).all()
    return len(found)


def median(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        operator = build(Path(tmp) / "ws", args.pages)
        print(f"built {args.pages:,} pages in {time.perf_counter() - began:.1f} s")
        print(f"({operator.ctx.workspace.url}); medians of {args.rounds} rounds, first 50 hits")
        print(
            f"  {'seat':9} {'query':10} {'hits':>6} {'ILIKE scan':>12} {'index':>10} {'ratio':>7}"
        )
        totals = [0.0, 0.0]
        for seat, ws in (
            ("operator", operator),
            ("employee", operator.ctx.workspace.person(STAFF)),
        ):
            for name, query, words in QUERIES:
                ws.reads.search(query), scan(ws, words)  # warm the page cache
                indexed = median(partial(ws.reads.search, query), args.rounds)
                scanned = median(partial(scan, ws, words), args.rounds)
                totals[0] += scanned
                totals[1] += indexed
                hits = ws.reads.search(query).total
                print(
                    f"  {seat:9} {name:10} {hits:6} {scanned * 1000:9.1f} ms "
                    f"{indexed * 1000:7.1f} ms {scanned / indexed:7.1f}"
                )
        print(
            f"  {'all':9} {'':10} {'':6} {totals[0] * 1000:9.1f} ms "
            f"{totals[1] * 1000:7.1f} ms {totals[0] / totals[1]:7.1f}"
        )
        operator.close()


if __name__ == "__main__":
    main()
