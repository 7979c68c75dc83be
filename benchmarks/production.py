"""Benchmark clawback's production path against a minimal raw PyMuPDF script, in one run.

The same N pages (default 2,000, in documents of 10 pages: text pages, pages with a picture and
a caption, and about one page in five carrying a pattern hit like ``ABC-1234-56-789012``) go
through:

(a) raw PyMuPDF: redact each hit (``add_redact_annot`` + ``apply_redactions``), then stamp
    every page the way clawback does (the page placed on a taller page, Bates number and legend
    in the added band), save each document to a file with ``garbage=4, deflate=True,
    clean=True`` (clawback's output options, less the image and font deflation, which change
    nothing here);
(b) ``Workspace.produce(..., redact_pattern=..., check=False)``: clawback without the gate;
(c) the same with the verification gate on every output (x-ray included: with one worker
    and a core to spare, x-ray reads each document on that core as soon as it is made, as
    any one-worker production does; the CPU figures count both processes);
(d) (c) with 2 worker processes (no core to spare: x-ray reads once the documents are
    made, in 2 processes).

Each run happens in a fresh child process (so no run inherits another's heap, caches or
imports) that times only the work itself; the runs go round ``--rounds`` times in the order
a, b, c, d (default 3) and each figure is the median of its runs, with the spread shown.
Prints pages/s for each, by wall clock and by CPU time (the process and every process it
waited for: workers, x-ray; the CPU figures stay meaningful on a shared, loaded machine; the
load average is printed too), and the ratios b/a, c/a and d/c, then the peak RSS of producing
one 10,000-page document (measured in a child process that only opens the workspace and
produces). Ingesting the documents is set-up and is not timed; each run gets its own copy of
the ingested workspace.

    .venv/bin/python benchmarks/production.py                 # 2,000 pages + 10,000-page RSS
    .venv/bin/python benchmarks/production.py --pages 200 --rounds 1 --big-pages 0   # quick
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw

from clawback.demo.run import reference_case
from clawback.service import Workspace

PATTERN = r"[A-Z]{3}-\d{4}-\d{2}-\d{6}"
LEGEND = "CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER"
PAGES_PER_DOC = 10
WORDS = "the of agency record inspection report officer travel program review notes".split()  # noqa: SIM905


def picture(rng: random.Random) -> bytes:
    image = Image.new("RGB", (240, 180), tuple(rng.randint(150, 255) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(8):
        x, y = rng.randint(0, 220), rng.randint(0, 160)
        draw.rectangle((x, y, x + rng.randint(10, 60), y + rng.randint(10, 60)), fill=(20, 40, 90))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def make_document(rng: random.Random, number: int, pages: int) -> bytes:
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page()
        if (number + p) % 3 == 2:  # a picture page with a caption (text, so no OCR at ingest)
            page.insert_image(pymupdf.Rect(72, 150, 540, 500), stream=picture(rng))
            page.insert_text((72, 120), f"Exhibit photo {number}-{p}", fontsize=11)
        else:
            for line in range(30):
                words = " ".join(rng.choice(WORDS) for _ in range(12))
                page.insert_text((72, 80 + 20 * line), words, fontsize=10)
        if (number * 7 + p) % 5 == 0:
            digits = (rng.randint(1000, 9999), rng.randint(10, 99), rng.randint(0, 999999))
            hit = "ABC-{}-{}-{:06d}".format(*digits)
            page.insert_text((72, 720), f"Tracking no.: {hit}", fontsize=10)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def raw_pymupdf(pdfs: list[bytes], folder: Path) -> int:
    """The minimal script: redact the hits, stamp each page in a band below it, save each
    document as a file in `folder` (clawback stores each produced file too)."""
    pattern = re.compile(PATTERN)
    number = 1
    for data in pdfs:
        src = pymupdf.open(stream=data, filetype="pdf")
        for page in src:
            hits = set(pattern.findall(page.get_text()))
            for hit in hits:
                for rect in page.search_for(hit):
                    page.add_redact_annot(rect, text="REDACTED", fill=(0, 0, 0))
            if hits:
                page.apply_redactions(images=2, graphics=2)
        out = pymupdf.open()
        for page in src:
            width, height = page.rect.width, page.rect.height
            target = out.new_page(width=width, height=height + 36)
            bates = f"RAW-{number:08d}"
            right = width - 36 - pymupdf.get_text_length(bates, fontname="helv", fontsize=9)
            target.insert_text((36, height + 21), LEGEND, fontname="helv", fontsize=9)
            target.insert_text((right, height + 21), bates, fontname="helv", fontsize=9)
            # under the labels: PyMuPDF would not register the labels' font after the page
            placed = pymupdf.Rect(0, 0, width, height)
            target.show_pdf_page(placed, src, page.number, overlay=False)
            number += 1
        out.save(folder / f"{number - 1:08d}.pdf", garbage=4, deflate=True, clean=True)
        out.close()
        src.close()
    return number - 1


def ingested(root: Path, pdfs: list[bytes]) -> list[str]:
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    controls = [ws.ingest.ingest(pdf, title=f"doc {n}") for n, pdf in enumerate(pdfs)]
    for control in controls:
        ws.designations.designate(control, "Confidential")
    ws.close()
    return controls


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished (waited-for) children."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def measured(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run()``."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    run()
    return time.perf_counter() - wall, cpu_seconds() - cpu


def run_once(kind: str, folder: Path, run: Path) -> tuple[float, float]:
    """One timed run of `kind` (a, b, c or d), in this process: the inputs are in `folder`
    (``pdfs/`` and the ingested workspace ``base/``); `run` is this run's own scratch place."""
    if kind == "a":
        pdfs = [path.read_bytes() for path in sorted((folder / "pdfs").iterdir())]
        run.mkdir()
        return measured(lambda: raw_pymupdf(pdfs, run))
    controls = json.loads((folder / "controls.json").read_text())
    shutil.copytree(folder / "base", run)
    ws = Workspace.open(run).operator()
    check, workers = kind != "b", 2 if kind == "d" else 1
    try:
        return measured(
            lambda: ws.productions.produce(
                controls,
                "BEN-00000001",
                "VOL1",
                redact_pattern=PATTERN,
                check=check,
                workers=workers,
            )
        )
    finally:
        ws.close()


def run_in_child(kind: str, folder: Path, number: int) -> tuple[float, float]:
    """`run_once` in a fresh interpreter; its (wall, CPU) seconds."""
    done = subprocess.run(
        [sys.executable, __file__, "--run", kind, "--folder", str(folder), "--number", str(number)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"run {kind} failed:\n{done.stderr}")
    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu)


CHILD = """
import resource, sys
from pathlib import Path
from clawback.service import Workspace
ws = Workspace.open(Path(sys.argv[1])).operator()
ws.productions.produce([sys.argv[2]], "BIG-00000001", "BIG", check=sys.argv[3] == "1")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def big_document_rss(tmp: Path, pages: int, check: bool) -> int:
    """Peak RSS (KiB) of a child process that produces one ``pages``-page document."""
    doc = pymupdf.open()
    for p in range(pages):
        doc.new_page().insert_text((72, 100), f"page {p} of the big one, nothing to redact")
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    root = tmp / "big"
    (control,) = ingested(root, [data])
    flag = "1" if check else "0"
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), control, flag],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout.strip().splitlines()[-1])


NAMES = {
    "a": "(a) raw PyMuPDF",
    "b": "(b) clawback, no verification",
    "c": "(c) clawback, verified",
    "d": "(d) clawback, verified, 2 procs",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3, help="runs of each kind (median)")
    parser.add_argument("--big-pages", type=int, default=10000, help="0: skip the RSS run")
    parser.add_argument("--run", choices=sorted(NAMES), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--number", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:  # a child: one timed run
        wall, cpu = run_once(args.run, args.folder, args.folder / f"{args.run}-{args.number}")
        print(json.dumps([wall, cpu]))
        return
    rng = random.Random(5)
    docs = max(1, args.pages // PAGES_PER_DOC)
    pdfs = [make_document(rng, n, PAGES_PER_DOC) for n in range(docs)]
    pages = docs * PAGES_PER_DOC
    with tempfile.TemporaryDirectory(prefix="clawback-bench-") as name:
        tmp = Path(name)
        (tmp / "pdfs").mkdir()
        for n, pdf in enumerate(pdfs):
            (tmp / "pdfs" / f"{n:05d}.pdf").write_bytes(pdf)
        began = time.perf_counter()
        controls = ingested(tmp / "base", pdfs)
        (tmp / "controls.json").write_text(json.dumps(controls))
        print(f"{pages} pages in {docs} documents, ingested in {time.perf_counter() - began:.1f} s")
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        times: dict[str, list[tuple[float, float]]] = {kind: [] for kind in NAMES}
        for number in range(args.rounds):
            for kind in NAMES:
                times[kind].append(run_in_child(kind, tmp, number))
        print(f"load average after: {os.getloadavg()[0]:.1f}")
        wall = {k: statistics.median(pages / w for w, _ in runs) for k, runs in times.items()}
        cpu = {k: statistics.median(pages / c for _, c in runs) for k, runs in times.items()}
        print(f"{'':33} {'wall pages/s':>12} {'CPU pages/s':>12}   wall pages/s of each run")
        for key, title in NAMES.items():
            each = " ".join(f"{pages / w:.1f}" for w, _ in times[key])
            print(f"{title:33} {wall[key]:12.1f} {cpu[key]:12.1f}   {each}")
        print(f"ratios of the medians ({args.rounds} run(s) each)   wall   CPU")
        print(f"b/a (>= 0.8)  {wall['b'] / wall['a']:.2f}   {cpu['b'] / cpu['a']:.2f}")
        print(f"c/a (>= 0.5)  {wall['c'] / wall['a']:.2f}   {cpu['c'] / cpu['a']:.2f}")
        print(
            f"d/c (>= 1.7)  {wall['d'] / wall['c']:.2f}   (wall only: CPU cannot show parallelism)"
        )
        if args.big_pages:
            for check in (False, True):
                kib = big_document_rss(tmp / ("v" if check else "n"), args.big_pages, check)
                what = "verified" if check else "not verified"
                print(
                    f"peak RSS, one {args.big_pages}-page document ({what}): "
                    f"{kib / 1024:.0f} MiB   (aim < 1024)"
                )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"benchmark process peak RSS: {peak} MiB")


if __name__ == "__main__":
    main()
