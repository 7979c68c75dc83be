"""Benchmark clawback.copies: recall, precision and query time on a synthetic collection.

Makes N page signatures straight from synthetic text and small PIL pictures (no PDFs), plants
altered copies of about 1% of them (re-scanned: noise + slight blur + resize; re-compressed:
JPEG quality 30; cropped a few pixels; text: a few words substituted, inserted or deleted),
indexes everything, then queries with each planted copy and with as many untouched pages.

Prints recall and false matches per kind of change, precision, the query time (median, p95),
and, in the same run, a brute-force baseline: the same comparisons made signature by signature
in plain Python over the whole collection, for a sample of the queries (its answers must be the
index's).

    .venv/bin/python benchmarks/copies.py               # 50,000 pages
    .venv/bin/python benchmarks/copies.py --pages 5000  # quicker

With ``--workspace W`` it times ``find_copies`` on a copy of workspace W instead (e.g. the demo's
``demo-out.workspace``): the first search, which makes and keeps every page's signature, the
searches after it, which read them, and the baseline of the same run, re-rendering every
produced document's pages as each search did before signatures were kept.

    .venv/bin/python benchmarks/copies.py --workspace demo-out.workspace
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from sqlalchemy import delete, func, select

from clawback.copies import (
    IMAGE_DISTANCE,
    TEXT_THRESHOLD,
    CopyIndex,
    Match,
    PageSignature,
    signature,
    signatures_from_pdf,
)
from clawback.service import Workspace
from clawback.storage import tables as t

VOCAB = [
    "".join(random.Random(i).choice("abcdefghijklmnopqrstuvwxyz") for _ in range(3 + i % 8))
    for i in range(6000)
]
WEIGHTS = [1.0 / (rank + 1) for rank in range(len(VOCAB))]  # Zipf-like


def make_text(rng: random.Random) -> list[str]:
    return rng.choices(VOCAB, WEIGHTS, k=rng.randint(120, 400))


def make_picture(rng: random.Random) -> Image.Image:
    width, height = rng.choice([(128, 96), (96, 128), (120, 120)])
    back = tuple(rng.randint(150, 255) for _ in range(3))
    image = Image.new("RGB", (width, height), back)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 10)):
        x0, y0 = rng.randint(-20, width), rng.randint(-20, height)
        x1, y1 = x0 + rng.randint(10, 80), y0 + rng.randint(10, 80)
        color = tuple(rng.randint(0, 255) for _ in range(3))
        shape = rng.choice((draw.rectangle, draw.ellipse))
        shape((x0, y0, x1, y1), fill=color)
    for _ in range(rng.randint(0, 6)):
        pts = [(rng.randint(0, width), rng.randint(0, height)) for _ in range(2)]
        draw.line(pts, fill=tuple(rng.randint(0, 120) for _ in range(3)), width=rng.randint(1, 4))
    return image


def rescan(image: Image.Image, rng: random.Random) -> Image.Image:
    noise = np.random.default_rng(rng.randint(0, 2**32)).normal(
        0, 8, (image.height, image.width, 3)
    )
    noisy = np.clip(np.asarray(image, dtype=float) + noise, 0, 255).astype(np.uint8)
    blurred = Image.fromarray(noisy).filter(ImageFilter.GaussianBlur(0.7))
    scale = rng.uniform(0.8, 1.5)
    return blurred.resize((int(image.width * scale), int(image.height * scale)))


def recompress(image: Image.Image, rng: random.Random) -> Image.Image:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=30)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def crop(image: Image.Image, rng: random.Random) -> Image.Image:
    px = rng.randint(2, 4)
    return image.crop((px, px, image.width - px, image.height - px))


def edit_text(words: list[str], rng: random.Random) -> list[str]:
    out = list(words)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(out))
        op = rng.choice(("sub", "ins", "del"))
        if op == "sub":
            out[i] = rng.choice(VOCAB)
        elif op == "ins":
            out.insert(i, rng.choice(VOCAB))
        else:
            del out[i]
    return out


PICTURE_CHANGES: dict[str, Callable[[Image.Image, random.Random], Image.Image]] = {
    "rescan": rescan,
    "jpeg30": recompress,
    "crop": crop,
}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def brute_force(
    sigs: dict[str, PageSignature],
    query: PageSignature,
    key: str,
    text_threshold: float,
    image_distance: int,
) -> set[str]:
    """The pages that copy ``query``, comparing it with each signature in turn (no index)."""
    found = set()
    for k, sig in sigs.items():
        if k == key:
            continue
        if query.text_hash is not None and query.text_hash == sig.text_hash:
            found.add(k)
            continue
        near = query.minhash is not None and sig.minhash is not None
        if near and query.minhash.jaccard(sig.minhash) >= text_threshold:
            found.add(k)
            continue
        for a in query.images:
            for b in sig.images:
                pairs = [(a.phash, h) for h in b.phashes] + [(h, b.phash) for h in a.phashes[1:]]
                if a.sha256 == b.sha256 or any(
                    (x ^ y).bit_count() <= image_distance for x, y in pairs
                ):
                    found.add(k)
    return found


def time_workspace(source: Path, bates: str | None, runs: int) -> None:
    """find_copies on a copy of ``source``: cold (signatures made), warm, and re-rendering."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        shutil.copytree(source, root)
        ws = Workspace.open(root).operator()
        with ws.transaction() as s:
            s.execute(delete(t.PageSignature))
            docs = s.scalars(select(t.Document).where(t.Document.produced.is_not(None))).all()
            pages = s.scalar(
                select(func.count(t.Page.id))
                .join(t.Document)
                .where(t.Document.produced.is_not(None), t.Page.bates.is_not(None))
            )
            wanted = bates or s.scalar(
                select(t.Page.bates)
                .join(t.Document)
                .where(t.Document.produced.is_not(None), t.Page.bates.is_not(None))
                .order_by(t.Page.bates)
                .limit(1)
            )
        assert wanted is not None, f"no produced page in {source}"
        print(f"workspace {source}: {len(docs)} produced documents, {pages} pages; {wanted}")
        rerender = []
        for _ in range(runs):
            t0 = time.perf_counter()
            for doc in docs:
                signatures_from_pdf(ws.files.get(doc.original))
            rerender.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        found = ws.copies.of_page(wanted)
        cold = time.perf_counter() - t0
        warm = []
        for _ in range(runs):
            t0 = time.perf_counter()
            again = ws.copies.of_page(wanted)
            warm.append(time.perf_counter() - t0)
        ws.close()
    assert again == found
    r_med, w_med = statistics.median(rerender) * 1e3, statistics.median(warm) * 1e3
    print(f"  found     {len(found)}: " + ", ".join(f"{c.bates} {c.kind}" for c in found))
    print(f"  baseline  re-rendering every page, as each search did: median {r_med:.0f} ms")
    print(f"  first     search, making and keeping the signatures: {cold * 1e3:.0f} ms")
    print(
        f"  after     searches reading kept signatures: median {w_med:.1f} ms "
        f"-> kept/re-rendering {w_med / r_med:.4f} ({runs} runs each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--copy-rate", type=float, default=0.01)
    parser.add_argument("--picture-share", type=float, default=0.5)
    parser.add_argument("--text-threshold", type=float, default=TEXT_THRESHOLD)
    parser.add_argument("--image-distance", type=int, default=IMAGE_DISTANCE)
    parser.add_argument("--brute-force", type=int, default=100, help="queries for the baseline")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workspace", type=Path, help="time find_copies on a copy of it")
    parser.add_argument("--bates", help="the page to search copies of (--workspace)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs (--workspace)")
    args = parser.parse_args()
    if args.workspace is not None:
        time_workspace(args.workspace, args.bates, args.runs)
        return
    print(
        f"pages={args.pages} copy_rate={args.copy_rate} picture_share={args.picture_share} "
        f"text_threshold={args.text_threshold} image_distance={args.image_distance} "
        f"seed={args.seed}"
    )
    rng = random.Random(args.seed)

    start = time.perf_counter()
    texts: dict[str, list[str]] = {}
    pictures: dict[str, Image.Image] = {}
    sigs: dict[str, PageSignature] = {}
    for i in range(args.pages):
        key = f"page{i:06d}"
        if rng.random() < args.picture_share:
            image = make_picture(rng)
            sigs[key] = signature("", [image])
            pictures[key] = image
        else:
            words = make_text(rng)
            sigs[key] = signature(" ".join(words))
            texts[key] = words
    made = time.perf_counter() - start

    planted: list[tuple[str, str, str, PageSignature]] = []  # copy key, original, change, sig
    sign_times: list[float] = []
    originals = rng.sample(sorted(sigs), max(1, int(args.pages * args.copy_rate)))
    for n, original in enumerate(originals):
        if original in pictures:
            change = rng.choice(sorted(PICTURE_CHANGES))
            altered = PICTURE_CHANGES[change](pictures[original], rng)
            t0 = time.perf_counter()
            sig = signature("", [altered])
        else:
            change = "text_edit"
            edited = " ".join(edit_text(texts[original], rng))
            t0 = time.perf_counter()
            sig = signature(edited)
        sign_times.append(time.perf_counter() - t0)
        planted.append((f"copy{n:05d}", original, change, sig))

    index = CopyIndex()
    t0 = time.perf_counter()
    index.add_all(sigs.items())
    for copy_key, _, _, sig in planted:
        index.add(copy_key, sig)
    index.find(planted[0][3])  # stacks the arrays
    indexed = time.perf_counter() - t0
    everything = dict(sigs) | {copy_key: sig for copy_key, _, _, sig in planted}
    print(
        f"collection: {len(sigs)} pages ({len(pictures)} picture, {len(texts)} text) made in "
        f"{made:.1f}s; {len(planted)} planted copies; indexed in {indexed:.2f}s"
    )

    # Queries: each planted copy must find its original (and nothing else);
    # each untouched page must find nothing but its own copy, if it has one.
    copies_of = {original: copy_key for copy_key, original, _, _ in planted}
    untouched = rng.sample([k for k in sigs if k not in copies_of], len(planted))
    queries: list[tuple[str, str, str | None, PageSignature]] = [
        (copy_key, change, original, sig) for copy_key, original, change, sig in planted
    ]
    queries += [
        (k, "untouched " + ("picture" if k in pictures else "text"), None, sigs[k])
        for k in untouched
    ]

    def search(k: str, sig: PageSignature) -> list[Match]:
        return index.find(
            sig, key=k, text_threshold=args.text_threshold, image_distance=args.image_distance
        )

    query_times: list[float] = []
    kind_times: dict[str, list[float]] = {}
    answers: dict[str, set[str]] = {}
    rows: dict[str, list[int]] = {}  # kind: queries, found, false matches
    for k, kind, original, sig in queries:
        t0 = time.perf_counter()
        matches = search(k, sig)
        elapsed = time.perf_counter() - t0
        query_times.append(elapsed)
        kind_times.setdefault("picture" if sig.images else "text", []).append(elapsed)
        answers[k] = {m.key for m in matches}
        row = rows.setdefault(kind, [0, 0, 0])
        row[0] += 1
        row[1] += original in answers[k]
        row[2] += len(answers[k] - {original})

    # Baseline, same run: the same comparisons, signature by signature, no index.
    sample = queries[:: max(1, len(queries) // args.brute_force)][: args.brute_force]
    brute_times = []
    disagree = 0
    for k, _, _, sig in sample:
        t0 = time.perf_counter()
        wanted = brute_force(everything, sig, k, args.text_threshold, args.image_distance)
        brute_times.append(time.perf_counter() - t0)
        disagree += wanted != answers[k]

    planted_rows = [r for kind, r in rows.items() if not kind.startswith("untouched")]
    found = sum(r[1] for r in planted_rows)
    false = sum(r[2] for r in rows.values())
    returned = found + false
    print(f"recall    {found / len(planted):.4f} ({found}/{len(planted)} planted copies found)")
    print(f"precision {found / returned if returned else 1.0:.4f} ({found} right of {returned})")
    print(f"  {'kind':18s} {'queries':>7s} {'recall':>14s} {'false matches':>14s}")
    for kind, (n, hit, wrong) in sorted(rows.items()):
        recall = f"{hit}/{n} {hit / n:.3f}" if not kind.startswith("untouched") else "-"
        print(f"  {kind:18s} {n:7d} {recall:>14s} {wrong:14d}")
    q_med, q_p95 = statistics.median(query_times) * 1e3, percentile(query_times, 0.95) * 1e3
    print(f"query     median {q_med:.3f} ms, p95 {q_p95:.3f} ms ({len(query_times)} queries)")
    for kind, times in sorted(kind_times.items()):
        print(
            f"  {kind:10s} median {statistics.median(times) * 1e3:.3f} ms, "
            f"p95 {percentile(times, 0.95) * 1e3:.3f} ms"
        )
    b_med, b_p95 = statistics.median(brute_times) * 1e3, percentile(brute_times, 0.95) * 1e3
    print(
        f"baseline  brute force (signature by signature, {len(sample)} queries) median "
        f"{b_med:.1f} ms, p95 {b_p95:.1f} ms -> index/brute force {q_med / b_med:.4f}; "
        f"answers differ on {disagree} of {len(sample)}"
    )
    s_med = statistics.median(sign_times) * 1e3
    print(f"baseline  one signature median {s_med:.3f} ms -> query/signature {q_med / s_med:.3f}")


if __name__ == "__main__":
    main()
