"""What the access check costs a search: filtered vs unfiltered, over 100,000 pages.

Builds a workspace (SQLite, or CLAWBACK_DATABASE_URL) holding DOCS documents of PAGES pages
each, with a mix of designations, sequestered and withheld documents, then runs the same
searches through the service API as the operator (no access filter) and as a receiving-side
party employee (tier + claw-back filter), and prints the median times and their ratio.

    .venv/bin/python benchmarks/access_search.py [--pages 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from clawback.service import Record
from generated import produced_pages  # benchmarks/generated.py, beside this script

WORDS = """
    border port entry inspection record caravan shelter report agent officer asylum secondary
    referral database lookout travel trusted program revocation memo review field information
    unit station notice claim seal order court counsel exhibit page
""".split()  # noqa: SIM905 - a word list reads better as prose
QUERIES = ["caravan shelter", "secondary referral", "lookout", "zzqx-2019-not-there", "memo"]


def build(root: Path, pages: int, per_doc: int, seed: int = 7) -> Record:
    return produced_pages(
        root, pages, per_doc, lambda rng: " ".join(rng.choice(WORDS) for _ in range(250)), seed
    )


def timed(ws: Record, rounds: int) -> dict[str, float]:
    """Median seconds of each query in QUERIES."""
    samples: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(rounds):
        for q in QUERIES:
            began = time.perf_counter()
            ws.reads.search(q, limit=50)
            samples[q].append(time.perf_counter() - began)
    return {q: statistics.median(times) for q, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        ws = build(Path(tmp) / "ws", args.pages, args.per_doc)
        took = time.perf_counter() - began
        print(f"built {args.pages:,} pages in {took:.1f} s ({ws.ctx.workspace.url})")
        timed(ws, 1)  # warm the page cache
        unfiltered = timed(ws, args.rounds)
        ws = ws.ctx.workspace.person("staff@plaintiffs.example")
        filtered = timed(ws, args.rounds)
        ws.close()
    print(f"median of {args.rounds} rounds; unfiltered = operator, filtered = a receiving-side")
    print("party employee (tier + claw-back filter), first 50 hits")
    print(f"  {'query':24} {'unfiltered':>12} {'filtered':>12} {'ratio':>7}")
    for q in QUERIES:
        a, b = unfiltered[q], filtered[q]
        print(f"  {q:24} {a * 1000:9.1f} ms {b * 1000:9.1f} ms {b / a:7.2f}")
    a, b = sum(unfiltered.values()), sum(filtered.values())
    print(f"  {'all queries':24} {a * 1000:9.1f} ms {b * 1000:9.1f} ms {b / a:7.2f}")


if __name__ == "__main__":
    main()
