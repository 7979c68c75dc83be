"""Benchmark the fake-redaction check on received files against x-ray alone, box by box.

Runs both over the labelled set of `tests/received/labelled.py` (fake boxes: under the text,
black on black, cross-hatched, a black image, a black highlight, a polygon, an unapplied
/Redact, a white label on top, one path over two lines; real redactions; dark shapes that are
no redaction: a table header with white text, a caption between two hairlines, bullets, a thick
underline), plus any file in ../shared/samples whose expectations list fake boxes. For each
labelled box: whether clawback's check (its own findings with x-ray's merged in, as
the product runs it) and x-ray alone (Free Law Project's x-ray in its own interpreter) found
it; then true positives, false positives (a real redaction, a shape that is no redaction, or
no labelled box at all) and false negatives per check; then the time per page, on a document
made of the set's pages repeated.

    .venv/bin/python benchmarks/received_redactions.py
    .venv/bin/python benchmarks/received_redactions.py --timing-pages 1000 --rounds 5
    .venv/bin/python benchmarks/received_redactions.py --also some/folder  # unlabelled files too

``--also`` adds PDFs (or folders of them) that carry no labels: for each, how many boxes each
check reports and how many both report, to read by hand.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' labelled set

from clawback.pdf.gate.findings import Finding
from clawback.pdf.gate.xray_check import xray_inspect, xray_python
from clawback.pdf.received.check import check_files, xray_boxes
from clawback.pdf.received.received_check import boxes_over_text
from tests.received.labelled import (
    FAKE,
    Labelled,
    grade,
    labelled_set,
    matches,
    real_samples,
)

Found = list[tuple[int, tuple[float, float, float, float]]]


def xray_found(findings: list[Finding]) -> tuple[Found, str]:
    """x-ray's boxes (page, rect) from its findings, or why it could not run."""
    boxes, failure = xray_boxes(findings)
    return [(page, rect) for page, rect, _ in boxes], failure


def verdict(box_label: str, hit: bool) -> str:
    if box_label == FAKE:
        return "found" if hit else "MISSED"
    return "FLAGGED" if hit else "passed"


def table(rows: list[list[str]], header: list[str]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*header))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row))


def compare(items: list[Labelled], folder: Path) -> dict[str, dict[str, int]]:
    paths = []
    for n, item in enumerate(items):
        path = folder / f"{n:03d}-{item.name}"
        path.write_bytes(item.pdf)
        paths.append(path)
    ours = check_files(paths)
    theirs = xray_inspect(paths)
    totals = {"clawback": {"tp": 0, "fp": 0, "fn": 0}, "x-ray": {"tp": 0, "fp": 0, "fn": 0}}
    rows: list[list[str]] = []
    notes = []
    for item, path in zip(items, paths, strict=True):
        report = ours[path]
        mine: Found = [(b.page, b.rect) for b in report.boxes]
        xray, failure = xray_found(theirs[path])
        if failure:
            notes.append(f"x-ray could not check {item.name}: {failure}")
        if report.xray:
            notes.append(f"clawback ran without x-ray on {item.name}: {report.xray}")
        for check, found in (("clawback", mine), ("x-ray", xray)):
            for key, value in grade(item, found).items():
                totals[check][key] += value
        for box in item.boxes:
            hits = [
                any(p == box.page and matches(r, box.rect) for p, r in found)
                for found in (mine, xray)
            ]
            by = next(
                (
                    b.found_by
                    for b in report.boxes
                    if b.page == box.page and matches(b.rect, box.rect)
                ),
                "",
            )
            rows.append(
                [
                    item.name,
                    box.label,
                    box.what,
                    verdict(box.label, hits[0]) + (f" [{by}]" if by else ""),
                    verdict(box.label, hits[1]),
                ]
            )
        for name, found in (("clawback", mine), ("x-ray", xray)):
            for page, rect in found:
                if not any(p.page == page and matches(rect, p.rect) for p in item.boxes):
                    where = f"page {page + 1} ({', '.join(f'{v:.0f}' for v in rect)})"
                    cells = ["", ""]
                    cells[0 if name == "clawback" else 1] = "FLAGGED"
                    rows.append([item.name, "no box", where, *cells])
        if item.fake_count is not None:
            rows.append(
                [
                    item.name,
                    f"{item.fake_count} fake",
                    "(by count)",
                    f"{len(mine)} found",
                    f"{len(xray)} found",
                ]
            )
    table(rows, ["file", "label", "box", "clawback (ours + x-ray)", "x-ray alone"])
    for note in notes:
        print(f"note: {note}")
    return totals


def summary(totals: dict[str, dict[str, int]], boxes: int) -> None:
    print()
    rows = []
    for check, t in totals.items():
        precision = t["tp"] / (t["tp"] + t["fp"]) if t["tp"] + t["fp"] else 1.0
        recall = t["tp"] / (t["tp"] + t["fn"]) if t["tp"] + t["fn"] else 1.0
        rows.append(
            [
                check,
                str(t["tp"]),
                str(t["fp"]),
                str(t["fn"]),
                f"{precision:.2f}",
                f"{recall:.2f}",
            ]
        )
    print(f"{boxes} labelled boxes")
    table(rows, ["check", "true pos.", "false pos.", "false neg.", "precision", "recall"])


def timing(items: list[Labelled], pages: int, rounds: int, folder: Path) -> None:
    """Time per page on one document of the set's pages, repeated to ``pages`` pages."""
    doc = pymupdf.open()
    while doc.page_count < pages:
        for item in items:
            if doc.page_count >= pages:
                break
            with pymupdf.open("pdf", item.pdf) as one:
                doc.insert_pdf(one, from_page=0, to_page=0)
    path = folder / "timing.pdf"
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    data = path.read_bytes()
    runs: dict[str, list[float]] = {"ours alone": [], "x-ray alone": [], "clawback": []}
    for _ in range(rounds):
        start = time.perf_counter()
        boxes_over_text(data)
        runs["ours alone"].append(time.perf_counter() - start)
        start = time.perf_counter()
        xray_inspect([path])
        runs["x-ray alone"].append(time.perf_counter() - start)
        start = time.perf_counter()
        check_files([path])
        runs["clawback"].append(time.perf_counter() - start)
    print()
    print(f"time per page: one {pages}-page document of the set's pages, median of {rounds}")
    rows = []
    for name, times in runs.items():
        median = statistics.median(times)
        what = {
            "ours alone": "clawback's own check, in process",
            "x-ray alone": "x-ray in its interpreter (start-up included)",
            "clawback": "the product's check: ours + x-ray, merged",
        }[name]
        rows.append([name, f"{1000 * median / pages:.2f} ms", f"{median:.2f} s", what])
    table(rows, ["check", "per page", "whole document", "what"])


def also(paths: list[Path]) -> None:
    files: list[Path] = []
    for path in paths:
        files += sorted(path.rglob("*.pdf")) if path.is_dir() else [path]
    if not files:
        return
    ours = check_files(files)
    theirs = xray_inspect(files)
    print()
    print("unlabelled files (--also): boxes reported")
    rows = []
    for path in files:
        report = ours[path]
        if report.failure:
            rows.append([path.name, "-", "-", "-", "-", report.failure])
            continue
        xray, failure = xray_found(theirs[path])
        own = sum(1 for b in report.boxes if "ours" in b.found_by)
        rows.append(
            [
                path.name,
                str(report.pages),
                str(len(report.boxes)),
                str(own),
                str(len(xray)) if not failure else "-",
                failure,
            ]
        )
    table(rows, ["file", "pages", "clawback", "of them ours", "x-ray alone", "note"])


def main() -> None:
    parser = argparse.ArgumentParser(
        description="The received-redaction check against x-ray alone on a labelled set: "
        "true and false positives per box, and time per page."
    )
    parser.add_argument(
        "--timing-pages",
        type=int,
        default=300,
        help="pages of the document timed (the set's pages repeated; default 300)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument(
        "--also", type=Path, nargs="*", default=[], help="unlabelled PDFs or folders to add"
    )
    args = parser.parse_args()
    python = xray_python()
    if not python.exists():
        print(f"warning: no x-ray at {python} (scripts/setup): x-ray's columns will be empty")
    items = [*labelled_set(), *real_samples()]
    real = len(items) - len(labelled_set())
    print(
        f"labelled set: {len(labelled_set())} built files"
        + (f" and {real} real sample(s) from ../shared/samples" if real else "")
        + (
            ""
            if real
            else "; no real sample with fake boxes in ../shared/samples "
            "(no expectations list fake_boxes)"
        )
    )
    print()
    with tempfile.TemporaryDirectory(prefix="clawback-bench-") as tmp:
        folder = Path(tmp)
        totals = compare(items, folder)
        summary(totals, sum(len(i.boxes) for i in items))
        timing(list(labelled_set()), args.timing_pages, args.rounds, folder)
        also(args.also)


if __name__ == "__main__":
    main()
