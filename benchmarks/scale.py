"""Past one machine: ingest pages/s with 1 and 2 worker processes, and near-copy queries over
a large collection, by the LSH band index against the scan it replaced.

Ingest: INGEST_PAGES pages of generated text (dense born-digital pages, as benchmarks/ingest.py
makes them) in PDFs of --per-doc pages, ingested through the steps of ``clawback.jobs`` (each
file's ingest step, then its documents' signature steps) by the local pool, once with one
process and once with two, each in a fresh workspace and a child process of its own; prints
pages/s, the ratio of the two and the peak resident set of a worker process.

Near copies: a workspace of PAGES produced pages (benchmarks/generated.py: rows straight into
the tables) of 250 words each, about 2% of them near copies of an earlier page (3 words
changed), each page's signature and bands kept as the signature step keeps them. Then for
--queries pages: ``Copies.of_page`` (candidates by band, text hash and picture) timed p50/p95,
and the scan of before (every kept signature read into an index, then compared) on a few, with
a check that both name the same copies.

The database is SQLite in the workspace, or CLAWBACK_DATABASE_URL.

    .venv/bin/python benchmarks/scale.py                      # 100,000 pages: long
    .venv/bin/python benchmarks/scale.py --smoke              # 2,000 pages, 200 ingested
    .venv/bin/python benchmarks/scale.py --pages 1000000 --ingest-pages 20000
    .venv/bin/python benchmarks/scale.py --only copies        # near copies only
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete, insert, select, text

from clawback import copies
from clawback.demo.run import reference_case
from clawback.domain.bates import BatesNumber
from clawback.ingest import walk
from clawback.jobs import Outcome, Step, run_local
from clawback.service import Record, Workspace
from clawback.storage import tables as t
from generated import produced_pages  # benchmarks/generated.py, beside this script
from ingest import peak_kib, text_pdf  # benchmarks/ingest.py, beside this script

SYLLABLES = "ka ro mi te su na lo vi de pa zu ri fe go ba ni tu se mo ra".split()  # noqa: SIM905


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


# -- near-copy queries ------------------------------------------------------------------------


def near_copy_workspace(root: Path, pages: int, per_doc: int, seed: int = 7) -> Record:
    rng = random.Random(seed)
    vocab = sorted(
        {"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(20_000)}
    )
    weights = [1 / (rank + 1) for rank in range(len(vocab))]
    earlier: list[list[str]] = []

    def text_of(rng: random.Random) -> str:
        if earlier and rng.random() < 0.02:  # a near copy of an earlier page
            words = list(rng.choice(earlier))
            for at in rng.sample(range(len(words)), 3):
                words[at] = rng.choice(vocab)
        else:
            words = rng.choices(vocab, weights, k=250)
            if len(earlier) < 5000:
                earlier.append(words)
        return " ".join(words[:125]) + "\n" + " ".join(words[125:])

    ws = produced_pages(root, pages, per_doc, text_of, seed)
    sign_all(ws)
    return ws


def sign_all(ws: Record) -> None:
    """Each page's signature and bands, as the signature step keeps them (made from the
    page's text: the generated pages have no files)."""
    with ws.transaction() as s:
        rows = s.execute(select(t.Page.id, t.Page.text)).all()
        for start in range(0, len(rows), 5000):
            sigs, bands = [], []
            for page_id, body in rows[start : start + 5000]:
                sig = copies.signature(body)
                sigs.append(
                    {"page_id": page_id, "scheme": copies.SCHEME, "made_from": "0" * 64}
                    | copies.encode(sig)
                )
                if sig.minhash is not None:
                    bands += [
                        {"page_id": page_id, "band": n, "bucket": b}
                        for n, b in enumerate(copies.bands(sig.minhash))
                    ]
            s.execute(insert(t.PageSignature), sigs)
            s.execute(insert(t.SignatureBand), bands)
        s.execute(delete(t.UnsignedPage))
        s.execute(text("ANALYZE"))


def percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def near_copies(pages: int, per_doc: int, queries: int, scans: int, tmp: Path) -> None:
    began = time.perf_counter()
    ws = near_copy_workspace(tmp / "copies", pages, per_doc)
    print(
        f"near copies: {pages:,} produced pages signed and banded in "
        f"{time.perf_counter() - began:.1f} s ({ws.ctx.workspace.url.split(':')[0]})"
    )
    rng = random.Random(3)
    asked = [BatesNumber("BEN-", rng.randint(1, pages), 8) for _ in range(queries)]
    ws.copies.of_page(asked[0])  # warm the page cache
    times, found = [], 0
    for bates in asked:
        start = time.perf_counter()
        found += len(ws.copies.of_page(bates))
        times.append(time.perf_counter() - start)
    print(
        f"  by band: {queries} queries, p50 {percentile(times, 0.5) * 1000:.1f} ms, "
        f"p95 {percentile(times, 0.95) * 1000:.1f} ms, {found} copies named"
    )
    scanned, same = [], True
    for bates in asked[:scans]:
        start = time.perf_counter()
        index, _ = ws.copies._index()  # the search of before: every signature, then compare
        by_scan = [(m.key, m.kind) for m in index.find_key(str(bates))]
        scanned.append(time.perf_counter() - start)
        by_band = [(str(c.bates), c.kind) for c in ws.copies.of_page(bates)]
        same = same and by_scan == by_band
    print(
        f"  by scan: {scans} queries, median {statistics.median(scanned) * 1000:.1f} ms; "
        f"the same copies named: {'yes' if same else 'NO'}"
    )
    ws.close()


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        ingest_child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000, help="pages for near copies")
    parser.add_argument("--ingest-pages", type=int, default=5_000, help="pages ingested per run")
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--scans", type=int, default=3)
    parser.add_argument("--smoke", action="store_true", help="2,000 pages, 200 ingested")
    parser.add_argument("--only", choices=("ingest", "copies"), help="one half of the run")
    args = parser.parse_args()
    if args.smoke:
        args.pages, args.ingest_pages, args.queries = 2_000, 200, 50
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "ingest"):
            ingest_rates(args.ingest_pages, args.per_doc, Path(tmp))
        if args.only in (None, "copies"):
            near_copies(args.pages, args.per_doc, args.queries, args.scans, Path(tmp))


if __name__ == "__main__":
    main()
