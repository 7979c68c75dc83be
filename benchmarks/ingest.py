"""Benchmark ingest: pages per second through clawback, against a baseline in the same run.

Three collections, made here: text PDFs (dense born-digital pages), scans (image-only PDF pages,
read by OCR at ingest) and e-mails (.eml with a text attachment, ingested as families). Each is
ingested into a fresh SQLite workspace through ``Workspace.ingest`` / ``ingest_email``, and the
same pages are then read by raw PyMuPDF (open, ``get_text`` on every page): the ratio says what
clawback's checks, fingerprints, OCR and storage cost over bare extraction. For the scans a
second baseline is printed: rendering each page and running Tesseract on it, with nothing else
(the floor for OCR).

Then peak memory: a child process ingests one PDF of ``--big-pages`` pages (default 10,000) and
reports its peak resident set (``VmHWM``, see `peak_kib`); a second child only reads the same file
with PyMuPDF, for comparison. The aim is under 1 GB.

    .venv/bin/python benchmarks/ingest.py                       # a few minutes
    .venv/bin/python benchmarks/ingest.py --text-docs 20 --scans 2 --emails 10 --big-pages 2000
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

from clawback import email
from clawback.demo.run import reference_case
from clawback.pdf.shows.ocr import OCR_DPI, _run_tesseract
from clawback.service import Workspace

WORDS = [
    "deposition", "counsel", "exhibit", "agreement", "merger", "invoice", "privilege",
    "witness", "schedule", "confidential", "production", "discovery", "motion", "order",
    "the", "of", "and", "to", "in", "that", "for", "on", "with", "was", "by", "as",
]  # fmt: skip


def text_pdf(rng: random.Random, pages: int, lines: int = 45) -> bytes:
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=612, height=792)
        body = "\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(lines))
        page.insert_textbox(pymupdf.Rect(54, 54, 558, 750), body, fontsize=10)
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def scan_pdf(rng: random.Random, pages: int) -> bytes:
    source = pymupdf.open(stream=text_pdf(rng, pages, lines=30))
    doc = pymupdf.open()
    for page in source:
        png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
        scan = doc.new_page(width=612, height=792)
        scan.insert_image(scan.rect, stream=png)
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def eml(rng: random.Random, n: int) -> bytes:
    body = "\r\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(30))
    note = " ".join(rng.choices(WORDS, k=200))
    return (
        f"From: Kim Lee <kim@example.com>\r\nTo: Pat Roe <pat@example.com>\r\n"
        f"Subject: Bench message {n}\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
        f"Message-ID: <bench-{n}@example.com>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        f"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
        f'--b\r\nContent-Type: text/plain; name="note{n}.txt"\r\n'
        f'Content-Disposition: attachment; filename="note{n}.txt"\r\n\r\n{note}\r\n--b--\r\n'
    ).encode()


def raw_extract(pdfs: list[bytes]) -> tuple[float, int]:
    start, pages = time.perf_counter(), 0
    for pdf in pdfs:
        with pymupdf.open(stream=pdf) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return time.perf_counter() - start, pages


def raw_tesseract(pdfs: list[bytes]) -> float:
    start = time.perf_counter()
    for pdf in pdfs:
        with pymupdf.open(stream=pdf) as doc:
            for page in doc:
                pix = page.get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY)
                _run_tesseract(pix.tobytes("png"), OCR_DPI)
    return time.perf_counter() - start


def workspace(root: Path) -> Workspace:
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    return ws


def report(what: str, pages: int, ours: float, base: float, base_name: str) -> None:
    print(
        f"{what:<10} {pages:>6} pages  clawback {pages / ours:8.1f} pages/s  "
        f"{base_name} {pages / base:8.1f} pages/s  ratio {ours / base:6.1f}x slower"
    )


def bench_pages(args: argparse.Namespace, tmp: Path) -> None:
    rng = random.Random(7)
    texts = [text_pdf(rng, args.pages_per_doc) for _ in range(args.text_docs)]
    scans = [scan_pdf(rng, 1) for _ in range(args.scans)]
    mails = [eml(rng, n) for n in range(args.emails)]

    ws = workspace(tmp / "text")
    start = time.perf_counter()
    for n, pdf in enumerate(texts):
        ws.ingest.ingest(pdf, title=f"text {n}")
    ours = time.perf_counter() - start
    ws.close()
    base, pages = raw_extract(texts)
    report("text PDF", pages, ours, base, "raw PyMuPDF")

    ws = workspace(tmp / "ocr")
    start = time.perf_counter()
    for n, pdf in enumerate(scans):
        ws.ingest.ingest(pdf, title=f"scan {n}")
    ours = time.perf_counter() - start
    ws.close()
    base, pages = raw_extract(scans)
    report("OCR", pages, ours, base, "raw PyMuPDF")
    report("OCR", pages, ours, raw_tesseract(scans), "render+Tesseract")

    ws = workspace(tmp / "mail")
    start = time.perf_counter()
    for n, data in enumerate(mails):
        ws.ingest.ingest_email(data, f"m{n}.eml")
    ours = time.perf_counter() - start
    ws.close()
    rendered = [m.pdf for data in mails for m in email.family(data, "m.eml") if m.pdf]
    base, pages = raw_extract(rendered)
    report("e-mail", pages, ours, base, "raw PyMuPDF")


def peak_kib() -> int:
    """This process's peak resident set in KiB: ``VmHWM`` on Linux (``ru_maxrss`` there keeps
    the parent's peak from before ``exec``), else ``resource.getrusage``."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(mode: str, path: str, root: str) -> None:
    """Run in a child process: ingest (or only read) the big PDF; print peak RSS as JSON."""
    at_start = peak_kib()  # Python and the imports
    data = Path(path).read_bytes()
    start = time.perf_counter()
    if mode == "ingest":
        ws = workspace(Path(root))
        ws.ingest.ingest(data, title="big")
        ws.close()
    else:
        raw_extract([data])
    seconds = time.perf_counter() - start
    peak = {"peak_mib": peak_kib() / 1024, "start_mib": at_start / 1024, "seconds": seconds}
    print(json.dumps(peak))


def bench_memory(args: argparse.Namespace, tmp: Path) -> None:
    rng = random.Random(11)
    big = tmp / "big.pdf"
    doc = pymupdf.open()
    for n in range(args.big_pages):
        page = doc.new_page(width=612, height=792)
        body = "\n".join(" ".join(rng.choices(WORDS, k=12)) for _ in range(20))
        page.insert_textbox(pymupdf.Rect(54, 54, 558, 750), f"page {n}\n{body}", fontsize=10)
    doc.save(big, garbage=1, deflate=True)
    doc.close()
    print(f"big PDF: {args.big_pages:,} pages, {big.stat().st_size / 2**20:.1f} MiB")
    results = {}
    for mode in ("ingest", "read"):
        done = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(big), str(tmp / f"big-{mode}")],
            capture_output=True,
            text=True,
            check=True,
        )
        results[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    ours, base = results["ingest"], results["read"]
    print(
        f"peak RSS  ingest {ours['peak_mib']:7.1f} MiB (imports {ours['start_mib']:.0f})"
        f" in {ours['seconds']:6.1f} s"
        f" ({args.big_pages / ours['seconds']:.0f} pages/s);  raw PyMuPDF read "
        f"{base['peak_mib']:7.1f} MiB in {base['seconds']:6.1f} s;  "
        f"{'under' if ours['peak_mib'] < 1024 else 'OVER'} 1 GB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text-docs", type=int, default=40)
    parser.add_argument("--pages-per-doc", type=int, default=10)
    parser.add_argument("--scans", type=int, default=4, help="one-page scanned PDFs")
    parser.add_argument("--emails", type=int, default=40)
    parser.add_argument("--big-pages", type=int, default=10_000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="clawback-bench-") as folder:
        tmp = Path(folder)
        bench_pages(args, tmp)
        if args.big_pages:
            bench_memory(args, tmp)


if __name__ == "__main__":
    main()
