"""Where a verified production's CPU goes, step by step: the share of each gate check and
each step of making a document, by CPU time (this process and the processes it waited for:
x-ray, Tesseract).

The same documents as ``benchmarks/production.py`` (10-page documents of text, pictures with
captions, and pattern hits) are ingested (not timed), then produced once with the gate on and
one worker. Each step is timed by wrapping the function the production calls (its own time,
less the steps inside it); ``produce (rest)`` is what no step accounts for, x-ray included.
The gate's OCR check (k) is two steps: rendering the pages it reads, and the Tesseract runs
that read a group's pages at once.

    .venv/bin/python benchmarks/production_steps.py --pages 200
"""

from __future__ import annotations

import argparse
import collections
import functools
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import clawback.pdf.gate.check_ocr as check_ocr
import clawback.pdf.gate.verify as gate
import clawback.pdf.produced as produced
import clawback.service.production as service
import production as bench
from clawback.service import Workspace

GATE = [
    "text_findings",
    "raw_findings",
    "name_findings",
    "revision_findings",
    "partition",
    "structure_findings",
    "layer_findings",
    "page_shown_findings",
    "picture_findings",
    "label_findings",
    "page_box_findings",
    "page_width_findings",
    "render_findings",
    "font_findings",
]
MAKE = ["redact_document", "displayed_boxes", "stamp_document", "scrub_document", "stable_id"]


def cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


class Steps:
    """CPU seconds by step, each step's own (what steps inside it took is theirs)."""

    def __init__(self) -> None:
        self.spent: collections.Counter[str] = collections.Counter()
        self._inside: list[float] = []

    def wrap(self, owner: Any, name: str, label: str) -> None:
        function: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = cpu()
            self._inside.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                took = cpu() - began
                self.spent[label] += took - self._inside.pop()
                if self._inside:
                    self._inside[-1] += took

        setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    steps = Steps()
    for name in GATE:
        steps.wrap(gate, name, f"gate {name.removesuffix('_findings')}")
    for name in MAKE:
        steps.wrap(produced, name, f"make {name}")
    steps.wrap(produced, "verify", "gate (rest)")
    for name in ("add", "add_page"):  # add_page: each boxed page, from the gate's page loop
        if hasattr(check_ocr.OcrBatch, name):
            steps.wrap(check_ocr.OcrBatch, name, "gate ocr (render)")
    steps.wrap(check_ocr.OcrBatch, "_read_waiting", "gate ocr (Tesseract)")
    steps.wrap(service, "hits_on", "plan: pattern hits")
    steps.wrap(service.Productions, "_commit", "commit")
    rng = random.Random(5)
    docs = max(1, args.pages // bench.PAGES_PER_DOC)
    pdfs = [bench.make_document(rng, n, bench.PAGES_PER_DOC) for n in range(docs)]
    pages = docs * bench.PAGES_PER_DOC
    folder = Path(tempfile.mkdtemp(prefix="clawback-steps-"))
    try:
        controls = bench.ingested(folder / "ws", pdfs)
        ws = Workspace.open(folder / "ws").operator()
        steps.wrap(service.Productions, "produce", "produce (rest)")
        began, wall = cpu(), time.perf_counter()
        ws.productions.produce(
            controls, "BEN-00000001", "VOL1", redact_pattern=bench.PATTERN, check=True
        )
        total, wall = cpu() - began, time.perf_counter() - wall
        ws.close()
    finally:
        shutil.rmtree(folder)
    each = 1000 * total / pages
    print(f"{pages} pages: {total:.2f} s CPU ({each:.1f} ms a page), {wall:.1f} s wall")
    print(f"{'step':32} {'CPU s':>8} {'share':>7} {'ms/page':>8}")
    for label, seconds in steps.spent.most_common():
        share = 100 * seconds / total
        print(f"{label:32} {seconds:8.3f} {share:6.1f}% {1000 * seconds / pages:8.2f}")


if __name__ == "__main__":
    main()
