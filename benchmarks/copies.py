"""Benchmark clawback.copies: recall, precision and query time on a synthetic collection.

Makes N page signatures straight from synthetic text and small PIL pictures (no PDFs), plants
altered copies of about 1% of them (re-scanned: noise + slight blur + resize; re-compressed:
JPEG quality 30; cropped a few pixels; text: a few words substituted, inserted or deleted),
indexes everything, then queries with each planted copy and with as many untouched pages.

    .venv/bin/python benchmarks/copies.py               # 50,000 pages
    .venv/bin/python benchmarks/copies.py --pages 5000  # quicker
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from clawback.copies import CopyIndex, PageSignature, signature

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50_000)
    parser.add_argument("--copy-rate", type=float, default=0.01)
    parser.add_argument("--picture-share", type=float, default=0.5)
    parser.add_argument("--text-threshold", type=float, default=0.8)
    parser.add_argument("--image-distance", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(
        f"pages={args.pages} copy_rate={args.copy_rate} picture_share={args.picture_share} "
        f"text_threshold={args.text_threshold} image_distance={args.image_distance} "
        f"seed={args.seed}"
    )
    rng = random.Random(args.seed)

    start = time.perf_counter()
    index = CopyIndex()
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

    t0 = time.perf_counter()
    index.add_all(sigs.items())
    for copy_key, _, _, sig in planted:
        index.add(copy_key, sig)
    indexed = time.perf_counter() - t0
    print(
        f"collection: {len(sigs)} pages ({len(pictures)} picture, {len(texts)} text) made in "
        f"{made:.1f}s; {len(planted)} planted copies; indexed in {indexed:.1f}s"
    )

    # Queries: each planted copy must find its original (and nothing else);
    # each untouched page must find nothing but its own copy, if it has one.
    copies_of = {original: copy_key for copy_key, original, _, _ in planted}
    query_times: list[float] = []
    kind_times: dict[str, list[float]] = {}
    found = returned = correct = 0
    by_change: dict[str, list[int]] = {}
    for copy_key, original, change, sig in planted:
        t0 = time.perf_counter()
        matches = index.find(
            sig,
            key=copy_key,
            text_threshold=args.text_threshold,
            image_distance=args.image_distance,
        )
        query_times.append(time.perf_counter() - t0)
        kind_times.setdefault("text" if change == "text_edit" else "picture", []).append(
            query_times[-1]
        )
        hit = any(m.key == original for m in matches)
        found += hit
        returned += len(matches)
        correct += hit
        by_change.setdefault(change, [0, 0])
        by_change[change][0] += hit
        by_change[change][1] += 1
    untouched = rng.sample([k for k in sigs if k not in copies_of], len(planted))
    false_on_untouched = 0
    for key in untouched:
        t0 = time.perf_counter()
        matches = index.find(
            sigs[key],
            key=key,
            text_threshold=args.text_threshold,
            image_distance=args.image_distance,
        )
        query_times.append(time.perf_counter() - t0)
        returned += len(matches)
        false_on_untouched += len(matches)

    # Baselines, same run: a brute-force exact lookup (Python scan of all text hashes and
    # pixel hashes) and the cost of computing one signature.
    flat = [(k, s.text_hash, tuple(im.sha256 for im in s.images)) for k, s in sigs.items()]
    brute_times = []
    for _, _, _, sig in planted[:200]:
        wanted = {sig.text_hash, *(im.sha256 for im in sig.images)}
        t0 = time.perf_counter()
        _ = [k for k, th, shas in flat if th in wanted or any(h in wanted for h in shas)]
        brute_times.append(time.perf_counter() - t0)

    recall = found / len(planted)
    precision = correct / returned if returned else 1.0
    q_med, q_p95 = statistics.median(query_times) * 1e3, percentile(query_times, 0.95) * 1e3
    b_med = statistics.median(brute_times) * 1e3
    s_med = statistics.median(sign_times) * 1e3
    print(f"recall    {recall:.4f} ({found}/{len(planted)} planted copies found their original)")
    for change, (hit, total) in sorted(by_change.items()):
        print(f"  {change:10s} {hit}/{total}")
    print(
        f"precision {precision:.4f} ({correct} right of {returned} returned; "
        f"{false_on_untouched} false matches over {len(untouched)} untouched-page queries)"
    )
    print(f"query     median {q_med:.3f} ms, p95 {q_p95:.3f} ms ({len(query_times)} queries)")
    for kind, times in sorted(kind_times.items()):
        print(
            f"  {kind:10s} median {statistics.median(times) * 1e3:.3f} ms, "
            f"p95 {percentile(times, 0.95) * 1e3:.3f} ms"
        )
    print(
        f"baseline  brute-force exact-hash scan median {b_med:.3f} ms -> ratio {q_med / b_med:.4f}"
    )
    print(f"baseline  one signature median {s_med:.3f} ms -> ratio {q_med / s_med:.3f}")


if __name__ == "__main__":
    main()
