"""The queries of benchmarks/scale.py, timed through the service API on a generated workspace.

Search (``Reads.search``: the first 50 hits with snippets, the total counted up to its cap,
the audit entry kept), three kinds of query, each kind QUERIES queries drawn once and asked
of every backend:

- word: one word, its Zipf rank drawn log-uniformly from 1 to 20,000 (the commonest words, on
  most pages, as often as the rarest), and the planted rare word;
- phrase: two words standing next to each other on a random page (a fifth of them across its
  line break), and the planted wrapped phrase;
- Bates: one page by its Bates number (``Reads.page_text``: the unique index on ``page.bates``,
  then the access check), a random page of the production.

Each as the operator (no access filter) and as a receiving-side party employee (the tier and
claw-back filter inside the query; a page they may not see answers "no such page", timed the
same); p50 and p95 of each, and the ratio filtered / unfiltered. Both seats ask every query
once before any is timed, and take turns going first, so neither is timed on a colder cache.

Near copies (``Copies.of_page``: candidates by LSH band, text hash and picture) of random pages:
the pages a query reads from storage when the database is out of the page cache (a count), then
p50/p95 with the bucket index in the cache, and the scan of before (every kept signature read,
then compared) on a few.
"""

from __future__ import annotations

import math
import os
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import NotFound
from clawback.service import Record
from clawback.storage import tables as t
from generated import STAFF  # benchmarks/generated.py, beside this script
from scale_corpus import PHRASE, RARE, vocabulary

KINDS = ("word", "phrase", "Bates")


@dataclass(frozen=True)
class Query:
    kind: str
    asked: str  # the search's words, or a Bates number


def draw(ws: Record, pages: int, count: int, seed: int = 3) -> list[Query]:
    """``count`` queries of each kind (drawn from the SQLite workspace ``ws``; the pages are
    the same on every backend)."""
    rng = random.Random(seed)
    vocab = vocabulary()
    words = [vocab[int(math.exp(rng.uniform(0, math.log(len(vocab)))))] for _ in range(count)]
    words[-1] = RARE
    phrases = []
    with ws.transaction() as s:
        first = s.scalar(select(func.min(t.Page.id))) or 0
        for n in range(count - 1):
            body = s.scalar(select(t.Page.text).where(t.Page.id == first + rng.randrange(pages)))
            split = (body or "").split()
            at = len(split) // 2 - 1 if n % 5 == 0 else rng.randrange(len(split) - 1)
            phrases.append(f'"{split[at]} {split[at + 1]}"')
    phrases.append(f'"{" ".join(PHRASE)}"')
    bates = [str(BatesNumber("BEN-", rng.randint(1, pages), 8)) for _ in range(count)]
    return (
        [Query("word", w) for w in words]
        + [Query("phrase", p) for p in phrases]
        + [Query("Bates", b) for b in bates]
    )


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def ask(ws: Record, query: Query) -> int:
    """Run one query; how many pages answered (a search's count stops at its cap)."""
    if query.kind == "Bates":
        try:
            ws.reads.page_text(query.asked)
        except NotFound:  # a page this person may not see: "no such page"
            return 0
        return 1
    return ws.reads.search(query.asked, limit=50).total


@dataclass(frozen=True)
class Answer:
    """One query's time as one seat asked it, and the pages that answered."""

    query: Query
    seconds: float
    pages: int


Timed = dict[str, list[Answer]]


def timed(seats: list[Record], queries: list[Query]) -> list[Timed]:
    """Each query's time and pages answered, by kind, for each seat. Every query is asked
    once by every seat before any is timed (the caches warm alike, as on a server in use: the
    seat timed first must not pay for the other's warm cache), then each query is timed by
    each seat in turn, the seat going first alternating."""
    for query in queries:
        for ws in seats:
            ask(ws, query)
    found: list[Timed] = [{kind: [] for kind in KINDS} for _ in seats]
    for n, query in enumerate(queries):
        order = list(range(len(seats)))
        for at in order if n % 2 == 0 else order[::-1]:
            began = time.perf_counter()
            hits = ask(seats[at], query)
            found[at][query.kind].append(Answer(query, time.perf_counter() - began, hits))
    return found


def search_table(
    operator: Record, queries: list[Query], say: Callable[[str], None], slowest: int = 0
) -> None:
    """Every query as the operator and as the employee on ``operator``'s workspace; prints a
    row per kind: p50/p95 of each seat, pages answered, the ratios filtered / unfiltered; then,
    if ``slowest``, that many of each kind's slowest queries for each seat (where the tail is)."""
    employee = operator.ctx.workspace.person(STAFF)
    timings = timed([operator, employee], queries)
    off, on = (
        {k: ([x.seconds for x in v], sum(x.pages for x in v)) for k, v in seat.items()}
        for seat in timings
    )
    say(
        f"  {'query':7} {'n':>4} {'operator p50':>13} {'p95':>9} {'employee p50':>13} "
        f"{'p95':>9}  {'ratio p50':>9} {'p95':>6}  pages counted (op / emp)"
    )
    for kind in KINDS:
        (a, hits_a), (b, hits_b) = off[kind], on[kind]
        p50a, p95a, p50b, p95b = (
            percentile(a, 0.5),
            percentile(a, 0.95),
            percentile(b, 0.5),
            percentile(b, 0.95),
        )
        say(
            f"  {kind:7} {len(a):4} {p50a * 1000:10.1f} ms {p95a * 1000:6.1f} ms "
            f"{p50b * 1000:10.1f} ms {p95b * 1000:6.1f} ms  {p50b / p50a:9.2f} {p95b / p95a:6.2f}"
            f"  {hits_a:,} / {hits_b:,}"
        )
    every_a = [x for kind in KINDS for x in off[kind][0]]
    every_b = [x for kind in KINDS for x in on[kind][0]]
    say(
        f"  {'all':7} {len(every_a):4} {'':13} {'':9} {'':13} {'':9}  "
        f"sum of times filtered / unfiltered: {sum(every_b) / sum(every_a):.2f}"
    )
    if slowest:
        slowest_table(dict(zip(("operator", "employee"), timings, strict=True)), slowest, say)


def slowest_table(seats: dict[str, Timed], n: int, say: Callable[[str], None]) -> None:
    """The ``n`` slowest searches of each kind for each seat: time, pages answered (a count
    stops past its cap) and the words asked, slowest first."""
    for kind in ("word", "phrase"):
        for seat, answers in seats.items():
            say(f"  slowest {kind} searches, {seat}:")
            for a in sorted(answers[kind], key=lambda a: -a.seconds)[:n]:
                say(f"    {a.seconds * 1000:8.1f} ms {a.pages:6,} pages  {a.query.asked}")


def near_copy_table(
    ws: Record, pages: int, count: int, scans: int, say: Callable[[str], None]
) -> None:
    """Near copies of ``count`` random pages by band, and ``scans`` of them by the scan.

    A query reads one leaf of the band index for each of its 32 buckets, wherever the buckets
    fall: at a million pages the index is ~0.5 GB, and on a machine whose page cache others
    have taken those are 32 random reads from storage, what made the p95 of before (409 ms at
    1,000,000 pages, 21% of a CPU). So, first, the storage read by a query with the database
    file put out of the page cache (a count of bytes, not a time: Linux only); then, the
    bucket index read once into the cache (as on a server in use), the queries timed."""
    rng = random.Random(3)
    asked = [BatesNumber("BEN-", rng.randint(1, pages), 8) for _ in range(count)]
    cold = cold_reads(ws, [BatesNumber("BEN-", rng.randint(1, pages), 8) for _ in range(20)])
    if cold:
        say(
            f"  by band, the file out of the page cache before each: {len(cold)} queries read "
            f"p50 {percentile(cold, 0.5) / 4096:.0f} / p95 {percentile(cold, 0.95) / 4096:.0f}"
            f" pages of 4 KiB from storage (the kernel's readahead included)"
        )
    began = time.perf_counter()
    with ws.ctx.workspace.engine.connect() as conn:  # every leaf of the bucket index, in order
        conn.exec_driver_sql(
            "SELECT count(*) FROM page_signature_band INDEXED BY ix_page_signature_band_bucket "
            "WHERE bucket >= -9223372036854775808"
        ).scalar()
    say(f"  the bucket index read into the page cache in {time.perf_counter() - began:.1f} s")
    ws.copies.of_page(asked[0])
    times, found = [], 0
    for bates in asked:
        began = time.perf_counter()
        found += len(ws.copies.of_page(bates))
        times.append(time.perf_counter() - began)
    say(
        f"  by band: {count} queries, p50 {percentile(times, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.1f} ms, {found} copies named"
    )
    scanned, same = [], True
    for bates in asked[:scans]:
        began = time.perf_counter()
        index, _ = ws.copies._index()  # the search of before: every signature, then compare
        by_scan = [(m.key, m.kind) for m in index.find_key(str(bates))]
        scanned.append(time.perf_counter() - began)
        by_band = [(str(c.bates), c.kind) for c in ws.copies.of_page(bates)]
        same = same and by_scan == by_band
    if scans:
        say(
            f"  by scan: {scans} queries, median {statistics.median(scanned) * 1000:.1f} ms; "
            f"the same copies named: {'yes' if same else 'NO'}"
        )


def cold_reads(ws: Record, asked: list[BatesNumber]) -> list[float]:
    """Bytes read from storage by each near-copy query of ``asked``, the SQLite file put out of
    the page cache before each (``posix_fadvise``: this file only); [] where that cannot be
    counted (not Linux, not a file)."""
    url = ws.ctx.workspace.engine.url
    io = Path("/proc/self/io")
    if url.get_backend_name() != "sqlite" or not url.database or not io.exists():
        return []

    def read() -> int:
        line = next(x for x in io.read_text().splitlines() if x.startswith("read_bytes"))
        return int(line.split()[1])

    out = []
    for bates in asked:
        fd = os.open(url.database, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)
        before = read()
        ws.copies.of_page(bates)
        out.append(float(read() - before))
    return out
