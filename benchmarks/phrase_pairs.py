"""Phrases by the pair index (migration 0026) against the walk of the word index they replaced,
in one run on one generated corpus (``scale_corpus``), so the two meet the same pages, cache
and load: scale.py's 100 phrase queries, as the operator and as a receiving-side employee,
each asked REPS times by each way in turn (the way going first alternating), the least time of
each kept; wall time, and on SQLite (which runs in this process) CPU time too, which the
other processes sharing the machine do not inflate. Checks that both ways give the same hits,
counts, order and snippets, and prints the ratio pairs / walk.

    .venv/bin/python benchmarks/phrase_pairs.py --pages 100000             # SQLite
    .venv/bin/python benchmarks/phrase_pairs.py --pages 20000 --postgres   # PostgreSQL
    .venv/bin/python benchmarks/phrase_pairs.py --at /tmp/ws100k ...       # kept, and reused
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import scale_corpus  # benchmarks/, beside this script
import scale_queries
from clawback.service import Record, Workspace, search
from generated import STAFF
from scale import POSTGRES

Answer = tuple[int, bool, list[str], list[str]]


def asked(seats: dict[str, Record], phrases: list[str], pairs: bool) -> dict[Any, Any]:
    """Each phrase by each seat: (wall s, CPU s, the answer)."""
    kept = search._in_pairs
    if not pairs:
        search._in_pairs = lambda *_: None  # type: ignore[assignment]
    try:
        out = {}
        for who, ws in seats.items():
            for phrase in phrases:
                wall, cpu = time.perf_counter(), time.process_time()
                hits = ws.reads.search(phrase, limit=50)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                answer = (hits.total, hits.more, [h.name for h in hits], [h.snippet for h in hits])
                out[who, phrase] = (wall, cpu, answer)
        return out
    finally:
        search._in_pairs = kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help=f"on {POSTGRES}, not SQLite")
    parser.add_argument("--at", type=Path, help="SQLite: keep the workspace here (reused)")
    args = parser.parse_args()
    say = print
    say(
        f"phrase pairs: {args.pages:,} pages; {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    with ExitStack() as stack:
        url = stack.enter_context(scale_corpus.postgres_schema(POSTGRES)) if args.postgres else None
        root = args.at or Path(stack.enter_context(tempfile.TemporaryDirectory())) / "ws"
        if (root / "built").exists():
            ws = Workspace.open(root).operator()
        else:
            began = time.perf_counter()
            ws = scale_corpus.build(root, url, args.pages, 10)
            scale_corpus.analyze(ws)
            (root / "built").write_text("")
            say(f"  generated in {time.perf_counter() - began:.0f} s")
        stack.callback(ws.close)
        phrases = [q.asked for q in scale_queries.draw(ws, args.pages, 100) if q.kind == "phrase"]
        seats = {"operator": ws, "employee": ws.ctx.workspace.person(STAFF)}
        asked(seats, phrases, True), asked(seats, phrases, False)  # warm both ways
        runs: dict[bool, list[dict[Any, Any]]] = {True: [], False: []}
        for rep in range(args.reps):
            for pairs in (True, False) if rep % 2 == 0 else (False, True):
                runs[pairs].append(asked(seats, phrases, pairs))
        first = runs[False][0]
        same = all(run[k][2] == first[k][2] for way in runs.values() for run in way for k in first)
        say(f"  the same hits, counts, order and snippets both ways: {'yes' if same else 'NO'}")
        kinds = [(0, "wall")] + ([] if args.postgres else [(1, "CPU")])
        for who in seats:
            for n, kind in kinds:
                row = []
                for pairs in (False, True):
                    least = sorted(min(r[who, p][n] for r in runs[pairs]) for p in phrases)
                    row.append((_at(least, 0.5), _at(least, 0.95)))
                (w50, w95), (p50, p95) = row
                say(
                    f"  {who:8} {kind:4} walk p50 {w50 * 1000:7.1f} ms p95 {w95 * 1000:7.1f} ms"
                    f"   pairs p50 {p50 * 1000:7.1f} ms p95 {p95 * 1000:7.1f} ms"
                    f"   pairs / walk p50 {p50 / w50:.2f} p95 {p95 / w95:.2f}"
                )
        slowest = sorted(phrases, key=_least(runs[False], "employee", 1 if kinds[1:] else 0))
        say(f"  employee's slowest by the walk ({kinds[-1][1]}, ms): walk / pairs, pages")
        for phrase in slowest[-6:]:
            w = _least(runs[False], "employee", kinds[-1][0])(phrase)
            p = _least(runs[True], "employee", kinds[-1][0])(phrase)
            pages = first["employee", phrase][2][0]
            say(f"    {phrase:30} {w * 1000:7.1f} / {p * 1000:6.1f}  {pages:,}")


def _at(ordered: list[float], share: float) -> float:
    return ordered[round(share * (len(ordered) - 1))]


def _least(runs: list[dict[Any, Any]], who: str, n: int) -> Callable[[str], float]:
    return lambda phrase: min(float(r[who, phrase][n]) for r in runs)


if __name__ == "__main__":
    main()
