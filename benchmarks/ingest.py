"""Benchmark ingest: pages per second through clawback, against a baseline in the same run.

Three collections, made here: text PDFs (dense born-digital pages), scans (image-only PDF pages,
read by OCR at ingest) and e-mails (.eml with a text attachment, ingested as families). Each is
ingested into a fresh SQLite workspace through ``Workspace.ingest`` / ``ingest_email``, and the
same pages are then read by raw PyMuPDF (open, ``get_text`` on every page): the ratio says what
clawback's checks, fingerprints, OCR and storage cost over bare extraction. For the scans a
second baseline is printed: rendering each page and running Tesseract on it, with nothing else
(the floor for OCR).

Two more collections go through LibreOffice, against bare ``soffice`` in the same run:
e-mails with Office attachments (``--office-emails``: a .docx and an .xlsx each; ingested as
families, their attachments rendered in one LibreOffice run per family), against one bare
``soffice --convert-to pdf`` run per message over the same attachments plus raw PyMuPDF on the
message (then the same messages as a folder through ``ingest_paths``, which renders a batch's
attachments in one run: ``as folder``); and a load-file volume (``--volume-docs`` records: a
page image and an extracted text file each, every fourth a spreadsheet native with no images),
imported by ``Imports.volume``, against PyMuPDF turning each image into a PDF page, reading
each text file, and one bare ``soffice`` run over the natives.

Then peak memory, each in a child process reporting its peak resident set (``VmHWM``, see
`peak_kib`) beside a child that only reads the same files with PyMuPDF: one PDF of
``--big-pages`` pages, and a folder of ``--docs`` small text PDFs (one page each) through
``ingest_paths``, as ``clawback ingest FOLDER`` does. The aim is under 1 GB at 10,000 documents.

``--profile`` runs one collection with cProfile on around clawback's calls only (not the
making of the files, not the baseline) and prints where their CPU time goes.

Each of ours and raw runs ``--rounds`` times, in turn (ours, raw, ours, raw ...) in one
process, ours on a fresh workspace each round: on a shared machine a neighbour slows both
sides of a round alike. Printed per collection: the least CPU time of each side (this process
and the children it waited for: Tesseract, LibreOffice), the least wall time, and their
ratios; the ratio to aim at is CPU ("speed 0.50x of raw": raw PyMuPDF does the same pages in
half the CPU time).

History (issue 18, 2 shared cores, loaded): text PDFs 0.03x of raw PyMuPDF before the
visible-copy pre-check, 0.11-0.13x once each file was opened once and each page's reads shared
(`pdf.shows.pagereads`); e-mails 0.00x when every page clawback draws was OCR'd for its fonts,
0.08x after; OCR 0.93-1.1x of bare render + Tesseract; Office e-mails 0.9x of one bare
``soffice`` per message. A 10,000-document folder peaked at 211.4 MiB (179 of them the
imports; raw PyMuPDF 187.4 MiB). The latest figures and where the time goes:
benchmarks/results/ingest-notes.txt.

    .venv/bin/python benchmarks/ingest.py                 # the lot: 10,000 documents, ~20 min
    .venv/bin/python benchmarks/ingest.py --quick         # small sizes, a minute or two
    .venv/bin/python benchmarks/ingest.py --quick --profile text   # or ocr, email, office, volume
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pymupdf

from clawback import email
from clawback.demo.run import reference_case
from clawback.loadfiles import OptPage, write_dat, write_opt
from clawback.pdf.files.convert import soffice, to_pdfs
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


def office_files(rng: random.Random, tmp: Path, count: int) -> list[tuple[bytes, bytes]]:
    """`count` pairs of a .docx (LibreOffice, from HTML) and an .xlsx (openpyxl), all different."""

    program = soffice()
    assert program is not None, "LibreOffice is needed: run scripts/setup"
    folder = tmp / "office"
    (folder / "html").mkdir(parents=True)
    for n in range(count):
        paras = "".join(f"<p>{' '.join(rng.choices(WORDS, k=40))}</p>" for _ in range(12))
        (folder / "html" / f"memo{n}.html").write_text(f"<html><body>{paras}</body></html>")
    subprocess.run(
        [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--infilter=HTML (StarWriter)", "--convert-to", "docx", "--outdir", str(folder / "docx"),
         *sorted(str(p) for p in (folder / "html").iterdir())],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    pairs = []
    for n in range(count):
        pairs.append(((folder / "docx" / f"memo{n}.docx").read_bytes(), workbook(rng)))
    return pairs


def workbook(rng: random.Random, rows: int = 40, words: int = 6) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Item", "Note", "Amount"])
    for n in range(rows):
        sheet.append([rng.choice(WORDS), " ".join(rng.choices(WORDS, k=words)), n])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def office_eml(n: int, docx: bytes, xlsx: bytes) -> bytes:
    import base64

    def part(name: str, data: bytes) -> str:
        body = base64.encodebytes(data).decode().replace("\n", "\r\n")
        return (
            f'--b\r\nContent-Type: application/octet-stream; name="{name}"\r\n'
            f'Content-Disposition: attachment; filename="{name}"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n{body}"
        )

    return (
        f"From: Kim Lee <kim@example.com>\r\nTo: Pat Roe <pat@example.com>\r\n"
        f"Subject: Figures {n}\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
        f"Message-ID: <office-{n}@example.com>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe figures, attached.\r\n"
        + part(f"memo{n}.docx", docx)
        + part(f"ledger{n}.xlsx", xlsx)
        + "--b--\r\n"
    ).encode()


def cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (LibreOffice,
    Tesseract): on a machine shared with others, what the work cost, not how long it waited."""
    # getrusage counts in microseconds; os.times in clock ticks (10 ms), which a few scans'
    # raw extraction rounds to nothing
    own, waited = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + waited.ru_utime + waited.ru_stime


def raw_extract(pdfs: list[bytes]) -> tuple[float, int]:
    start, pages = cpu(), 0
    for pdf in pdfs:
        with pymupdf.open(stream=pdf) as doc:
            for page in doc:
                page.get_text()
                pages += 1
    return cpu() - start, pages


def raw_tesseract(pdfs: list[bytes]) -> float:
    start = cpu()
    for pdf in pdfs:
        with pymupdf.open(stream=pdf) as doc:
            for page in doc:
                pix = page.get_pixmap(dpi=OCR_DPI, colorspace=pymupdf.csGRAY)
                _run_tesseract(pix.tobytes("png"), OCR_DPI)
    return cpu() - start


def workspace(root: Path) -> Workspace:
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    return ws


#: cProfile, on only while clawback's calls run (``--profile``).
PROFILER: cProfile.Profile | None = None
Spent = tuple[float, float]  # CPU seconds, wall seconds


def timed(run: Callable[[], object], ours: bool = False) -> Spent:
    """The CPU and wall time `run` takes (the profiler on for ours)."""
    profiler = PROFILER if ours else None
    cpu_start, wall_start = cpu(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    try:
        run()
    finally:
        if profiler is not None:
            profiler.disable()
    return cpu() - cpu_start, time.perf_counter() - wall_start


def alternate(
    rounds: int, ours: Callable[[Workspace], object], raw: Callable[[], object], root: Path
) -> tuple[Spent, Spent]:
    """Ours (each round on a fresh workspace, made untimed) and raw in turn, `rounds` times:
    the least CPU and the least wall time of each."""
    mine, theirs = [], []
    for n in range(rounds):
        ws = workspace(root / f"round-{n}")
        profiled = n > 0 or rounds == 1  # the first round imports what ingest uses
        mine.append(timed(lambda: ours(ws), ours=profiled))  # noqa: B023 (called at once)
        ws.close()
        theirs.append(timed(raw))
    return least(mine), least(theirs)


def least(spent: list[Spent]) -> Spent:
    return min(c for c, _ in spent), min(w for _, w in spent)


def report(what: str, pages: int, ours: Spent, base: Spent, base_name: str) -> None:
    (cpu_ours, wall_ours), (cpu_base, wall_base) = ours, base
    print(
        f"{what:<11} {pages:>5} pages  CPU: clawback {pages / cpu_ours:7.1f} pages/s, "
        f"{base_name} {pages / cpu_base:7.1f}, speed {cpu_base / cpu_ours:.2f}x of it;  "
        f"wall: {pages / wall_ours:7.1f} against {pages / wall_base:7.1f}, "
        f"{wall_base / wall_ours:.2f}x",
        flush=True,
    )


def bench_pages(args: argparse.Namespace, tmp: Path) -> None:
    rng = random.Random(7)
    texts = [text_pdf(rng, args.pages_per_doc) for _ in range(args.text_docs)]
    scans = [scan_pdf(rng, 1) for _ in range(args.scans)]
    mails = [eml(rng, n) for n in range(args.emails)]

    def raw(pdfs: list[bytes]) -> Callable[[], object]:
        return lambda: raw_extract(pdfs)

    if texts:

        def text(ws: Workspace) -> None:
            for n, pdf in enumerate(texts):
                ws.ingest.ingest(pdf, title=f"text {n}")

        ours, base = alternate(args.rounds, text, raw(texts), tmp / "text")
        report("text PDF", raw_extract(texts)[1], ours, base, "raw PyMuPDF")

    if scans:

        def scan(ws: Workspace) -> None:
            for n, pdf in enumerate(scans):
                ws.ingest.ingest(pdf, title=f"scan {n}")

        ours, base = alternate(args.rounds, scan, lambda: raw_tesseract(scans), tmp / "ocr")
        report("OCR", len(scans), ours, least([timed(raw(scans))]), "raw PyMuPDF")
        report("OCR", len(scans), ours, base, "render+Tesseract")

    if mails:

        def mail(ws: Workspace) -> None:
            for n, data in enumerate(mails):
                ws.ingest.ingest_email(data, f"m{n}.eml")

        rendered = [m.pdf for data in mails for m in email.family(data, "m.eml") if m.pdf]
        ours, base = alternate(args.rounds, mail, raw(rendered), tmp / "mail")
        report("e-mail", raw_extract(rendered)[1], ours, base, "raw PyMuPDF")


def bench_office(args: argparse.Namespace, tmp: Path) -> None:
    rng = random.Random(13)
    pairs = office_files(rng, tmp, args.office_emails)
    mails = [office_eml(n, docx, xlsx) for n, (docx, xlsx) in enumerate(pairs)]

    def office(ws: Workspace) -> None:
        for n, data in enumerate(mails):
            ws.ingest.ingest_email(data, f"o{n}.eml")

    def bare() -> None:
        for data, (docx, xlsx) in zip(mails, pairs, strict=True):
            made = to_pdfs([(docx, ".docx"), (xlsx, ".xlsx")])  # one bare soffice run
            message = email.family(data, "m.eml")[0].pdf
            raw_extract([m for m in [message, *made] if isinstance(m, bytes)])

    ours, base = alternate(args.rounds, office, bare, tmp / "office-mail")
    ws = Workspace.open(tmp / "office-mail" / "round-0").operator()
    with ws.transaction() as s:
        from sqlalchemy import func, select

        from clawback.storage import tables as t

        pages = s.scalar(select(func.sum(t.Document.page_count))) or 0
    ws.close()
    report("mail+Office", pages, ours, base, "bare soffice")
    folder = tmp / "office-folder"
    folder.mkdir()
    for n, data in enumerate(mails):
        (folder / f"o{n}.eml").write_bytes(data)
    ws = workspace(tmp / "office-folder-ws")
    found: list[Any] = []
    spent = timed(lambda: found.extend(ws.ingest.ingest_paths([folder])), ours=True)
    ws.close()  # as `clawback ingest FOLDER`: rendered ahead
    assert all(r.outcome == "ingested" for r in found), [r.line() for r in found[:3]]
    report("as folder", pages, spent, base, "bare soffice")


def volume_folder(rng: random.Random, tmp: Path, count: int) -> Path:
    """A load-file volume of `count` records: a page image and a text file each, every fourth
    a spreadsheet native with no image."""
    root = tmp / "volume"
    for sub in ("IMAGES", "TEXT", "NATIVES", "DATA"):
        (root / sub).mkdir(parents=True)
    picture = scan_pdf(rng, 1)
    with pymupdf.open(stream=picture) as doc:
        png = doc[0].get_pixmap(dpi=100, colorspace=pymupdf.csGRAY).tobytes("png")
    rows, pages = [], []
    for n in range(count):
        key = f"VOL{n + 1:07d}"
        (root / "TEXT" / f"{key}.txt").write_text(" ".join(rng.choices(WORDS, k=300)))
        native = ""
        if n % 4 == 3:
            (root / "NATIVES" / f"{key}.xlsx").write_bytes(workbook(rng, 20, words=3))  # one page
            native = f".\\NATIVES\\{key}.xlsx"
        else:
            (root / "IMAGES" / f"{key}.png").write_bytes(png)
            pages.append(OptPage(key, "VOL", f".\\IMAGES\\{key}.png", True, "", "", 1))
        rows.append([key, key, f"Record {n}", native, f".\\TEXT\\{key}.txt"])
    fields = ["BEGBATES", "ENDBATES", "SUBJECT", "NATIVEPATH", "TEXTPATH"]
    (root / "DATA" / "VOL.dat").write_bytes(write_dat(fields, rows))
    (root / "DATA" / "VOL.opt").write_bytes(write_opt(pages))
    return root


def bench_volume(args: argparse.Namespace, tmp: Path) -> None:
    root = volume_folder(random.Random(17), tmp, args.volume_docs)
    ws = workspace(tmp / "volume-ws")
    done: list[Any] = []
    ours = timed(lambda: done.append(ws.imports.volume(root)), ours=True)
    ws.close()
    imported = done[0]
    problems = [p for p in imported.problems if "no page images" not in p]  # natives only

    def bare() -> None:
        imaged = []
        for png in sorted((root / "IMAGES").iterdir()):
            with pymupdf.open(png) as picture:
                imaged.append(picture.convert_to_pdf())
        raw_tesseract(imaged)  # ingest OCRs every page image
        for text in (root / "TEXT").iterdir():
            text.read_text()
        natives = sorted((root / "NATIVES").iterdir())
        for at in range(0, len(natives), 25):  # as ingest batches them
            batch = [(p.read_bytes(), ".xlsx") for p in natives[at : at + 25]]
            raw_extract([m for m in to_pdfs(batch) if isinstance(m, bytes)])

    report("volume", args.volume_docs, ours, timed(bare), "bare Tesseract+soffice")
    print(f"           {len(imported.imported)} records imported, {len(problems)} problems")


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
    """Run in a child process: ingest (or only read) the big PDF, or the folder of small ones
    (``ingest-folder``, ``read-folder``); print peak RSS as JSON."""
    at_start = peak_kib()  # Python and the imports
    start, cpu_start = time.perf_counter(), cpu()
    if mode == "ingest":
        ws = workspace(Path(root))
        ws.ingest.ingest(Path(path).read_bytes(), title="big")
        ws.close()
    elif mode == "ingest-folder":
        ws = workspace(Path(root))
        reports = ws.ingest.ingest_paths([Path(path)])
        assert all(r.outcome == "ingested" for r in reports), [r.line() for r in reports[:3]]
        ws.close()
    elif mode == "read-folder":
        for file in sorted(Path(path).iterdir()):
            raw_extract([file.read_bytes()])
    else:
        raw_extract([Path(path).read_bytes()])
    seconds, spent = time.perf_counter() - start, cpu() - cpu_start
    peak = {"peak_mib": peak_kib() / 1024, "start_mib": at_start / 1024, "seconds": seconds,
            "cpu": spent}  # fmt: skip
    print(json.dumps(peak))


def measure(modes: tuple[str, str], path: Path, tmp: Path) -> tuple[dict[str, float], ...]:
    results = []
    for mode in modes:
        done = subprocess.run(
            [sys.executable, __file__, "--child", mode, str(path), str(tmp / f"ws-{mode}")],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return tuple(results)


def bench_folder(args: argparse.Namespace, tmp: Path) -> None:
    rng = random.Random(19)
    folder = tmp / "folder"
    folder.mkdir()
    for n in range(args.docs):
        (folder / f"doc{n:06d}.pdf").write_bytes(text_pdf(rng, 1, lines=20))
    ours, base = measure(("ingest-folder", "read-folder"), folder, tmp)
    print(
        f"folder    {args.docs:>6} docs   peak RSS ingest {ours['peak_mib']:7.1f} MiB (imports "
        f"{ours['start_mib']:.0f}) in {ours['seconds']:6.1f} s wall, {ours['cpu']:6.1f} s CPU;  "
        f"raw PyMuPDF {base['peak_mib']:7.1f} MiB in {base['seconds']:6.1f} s wall, "
        f"{base['cpu']:6.1f} s CPU (speed {base['cpu'] / ours['cpu']:.2f}x of it);  "
        f"{'under' if ours['peak_mib'] < 1024 else 'OVER'} 1 GB"
    )


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
    ours, base = measure(("ingest", "read"), big, tmp)
    print(
        f"peak RSS  ingest {ours['peak_mib']:7.1f} MiB (imports {ours['start_mib']:.0f})"
        f" in {ours['seconds']:6.1f} s"
        f" ({args.big_pages / ours['seconds']:.0f} pages/s);  raw PyMuPDF read "
        f"{base['peak_mib']:7.1f} MiB in {base['seconds']:6.1f} s;  "
        f"{'under' if ours['peak_mib'] < 1024 else 'OVER'} 1 GB"
    )


#: ``--quick``: sizes for a run of a minute or two (each may still be given).
QUICK = {"rounds": 2, "text_docs": 10, "scans": 1, "emails": 20, "office_emails": 1,
         "volume_docs": 8, "docs": 200, "big_pages": 0}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every size small: " + str(QUICK))
    parser.add_argument("--rounds", type=int, default=3, help="ours and raw in turn, N times")
    parser.add_argument("--text-docs", type=int, default=40)
    parser.add_argument("--pages-per-doc", type=int, default=10)
    parser.add_argument("--scans", type=int, default=4, help="one-page scanned PDFs")
    parser.add_argument("--emails", type=int, default=40)
    parser.add_argument("--office-emails", type=int, default=6, help="with a .docx and .xlsx")
    parser.add_argument("--volume-docs", type=int, default=40, help="records of the volume")
    parser.add_argument("--docs", type=int, default=10_000, help="small PDFs in the folder")
    parser.add_argument("--big-pages", type=int, default=10_000)
    parser.add_argument(
        "--profile", choices=("text", "ocr", "email", "office", "volume"), help="one, profiled"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:  # the sizes given on the command line win
        given = {a.split("=")[0].lstrip("-").replace("-", "_") for a in sys.argv[1:]}
        for name, value in QUICK.items():
            if name not in given:
                setattr(args, name, value)
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory(prefix="clawback-bench-") as folder:
        tmp = Path(folder)
        if args.profile:
            profile(args, tmp)
            return
        if args.text_docs or args.scans or args.emails:
            bench_pages(args, tmp)
        if args.office_emails:
            bench_office(args, tmp)
        if args.volume_docs:
            bench_volume(args, tmp)
        if args.docs:
            bench_folder(args, tmp)
        if args.big_pages:
            bench_memory(args, tmp)


def profile(args: argparse.Namespace, tmp: Path) -> None:
    """One collection with cProfile on while clawback's calls run, in this process's CPU time:
    clawback's 40 calls with the most time under them, then the 30 functions of any library
    with the most time in them (LibreOffice and Tesseract run as children: not counted)."""
    global PROFILER
    only = {"text": "text_docs", "ocr": "scans", "email": "emails"}
    if args.profile in only:
        for name in ("text_docs", "scans", "emails"):
            if name != only[args.profile]:
                setattr(args, name, 0)
        run = bench_pages
    else:
        run = bench_office if args.profile == "office" else bench_volume
    PROFILER = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
    run(args, tmp)
    stats = io.StringIO()
    pstats.Stats(PROFILER, stream=stats).sort_stats("cumulative").print_stats("clawback", 40)
    pstats.Stats(PROFILER, stream=stats).sort_stats("tottime").print_stats(30)
    print(stats.getvalue())


if __name__ == "__main__":
    main()
