"""Fake redactions in received PDFs: clawback's own check and x-ray's, merged.

`clawback.pdf.received.received_check` finds boxes from filled dark areas over text still in
the file. Free Law Project's x-ray (run in its own interpreter: `clawback.pdf.gate.xray_check`)
looks at the same files; its findings are merged in. Each box says which check found it:
``ours``, ``x-ray`` or ``ours+x-ray`` (the same box on the same page, by overlap). A box x-ray
found alone is counted with our own reading of the characters under it (those mostly inside
it, whatever was drawn when); the text is never carried unless the caller asks.

x-ray missing, crashing or unable to read a file does not stop the check: the report says x-ray
was not run and why, and stands on clawback's own findings.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf
from clawback.pdf.gate.findings import Finding
from clawback.pdf.gate.xray_check import xray_inspect
from clawback.pdf.received.received_check import (
    BoxOverText,
    RectTuple,
    boxes_over_text,
    chars_in,
)

__all__ = [
    "BOTH",
    "OURS",
    "XRAY",
    "ReceivedReport",
    "check_files",
    "check_pdf",
    "check_pdfs",
    "xray_boxes",
]

OURS = "ours"
XRAY = "x-ray"
BOTH = "ours+x-ray"
_XRAY_BOX = re.compile(
    r"opaque box over (\d+) live character\(s\) at "
    r"\((-?[\d.]+), (-?[\d.]+), (-?[\d.]+), (-?[\d.]+)\)"
)
_SAME_BOX = 0.5  # overlap (of the smaller box) from which two findings are one box


@dataclass(frozen=True)
class ReceivedReport:
    """The check of one file: the boxes that hide nothing, page by page; how many pages were
    checked; whether x-ray ran (``xray`` is empty if it did, else why not); ``failure`` when
    the file could not be read at all."""

    boxes: tuple[BoxOverText, ...]
    pages: int
    xray: str = ""
    failure: str = ""

    @property
    def characters(self) -> int:
        return sum(box.characters for box in self.boxes)

    def summary(self) -> str:
        """One line: how many fake redactions, how many characters, on how many pages."""
        if self.failure:
            return f"cannot be checked: {self.failure}"
        xray = (
            "clawback's check and x-ray"
            if not self.xray
            else f"clawback's check only; x-ray was not run: {self.xray}"
        )
        if not self.boxes:
            return f"no fake redaction on {self.pages} page(s) ({xray})"
        pages = len({box.page for box in self.boxes})
        return (
            f"{len(self.boxes)} fake redaction(s) over {self.characters} recoverable "
            f"character(s) on {pages} of {self.pages} page(s) ({xray})"
        )


def check_pdf(pdf: bytes, *, with_text: bool = False, use_xray: bool = True) -> ReceivedReport:
    """Check PDF bytes (see the module doc)."""
    return check_pdfs([pdf], with_text=with_text, use_xray=use_xray)[0]


def check_pdfs(
    pdfs: Sequence[bytes], *, with_text: bool = False, use_xray: bool = True
) -> list[ReceivedReport]:
    """Check many PDFs, x-ray reading them all in one interpreter; a report per PDF, in
    order."""
    with tempfile.TemporaryDirectory(prefix="clawback-received-") as tmp:
        paths = []
        for n, pdf in enumerate(pdfs):
            path = Path(tmp) / f"{n:06d}.pdf"
            path.write_bytes(pdf)
            paths.append(path)
        reports = check_files(paths, with_text=with_text, use_xray=use_xray)
        return [reports[path] for path in paths]


def check_files(
    paths: Sequence[Path],
    *,
    with_text: bool = False,
    use_xray: bool = True,
    processes: int = 1,
) -> dict[Path, ReceivedReport]:
    """Check PDF files: clawback's check on each, x-ray over all of them in one go (in
    ``processes`` interpreters), merged; a report per path. A file that cannot be read is a
    report with its ``failure``; the rest go on."""
    ours: dict[Path, tuple[list[BoxOverText], int]] = {}
    reports: dict[Path, ReceivedReport] = {}
    for path in paths:
        try:
            pdf = path.read_bytes()
            with open_pdf(pdf) as doc:
                pages = doc.page_count
            ours[path] = (boxes_over_text(pdf, with_text=True), pages)
        except OSError as exc:
            reports[path] = ReceivedReport((), 0, failure=f"cannot be read ({exc.strerror})")
        except PdfError as exc:
            reports[path] = ReceivedReport((), 0, failure=str(exc))
    readable = [path for path in paths if path in ours]
    xray: dict[Path, list[Finding]] = {}
    if use_xray and readable:
        xray = xray_inspect(readable, processes=processes)
    for path in readable:
        boxes, pages = ours[path]
        if not use_xray:
            merged, note = boxes, "not asked for"
        else:
            merged, note = _merge(path, boxes, xray.get(path, []))
        if not with_text:
            merged = [replace(box, text=None) for box in merged]
        reports[path] = ReceivedReport(tuple(merged), pages, note)
    return {path: reports[path] for path in paths}


def _merge(
    path: Path, ours: list[BoxOverText], findings: list[Finding]
) -> tuple[list[BoxOverText], str]:
    """Our boxes and x-ray's as one list (page order), and why x-ray was not run, if so."""
    theirs, failure = xray_boxes(findings)
    if failure:
        return ours, failure
    merged = list(ours)
    extra: list[tuple[int, pymupdf.Rect, int]] = []
    for page, found, count in theirs:
        rect = pymupdf.Rect(found)
        for n, box in enumerate(merged):
            if box.page == page and _overlap(pymupdf.Rect(box.rect), rect) >= _SAME_BOX:
                merged[n] = replace(box, found_by=BOTH)
                break
        else:
            extra.append((page, rect, count))
    if extra:
        with pymupdf.open(path) as doc:
            for page, rect, count in extra:
                seen, text = chars_in(doc[page], (rect.x0, rect.y0, rect.x1, rect.y1))
                merged.append(
                    BoxOverText(
                        page,
                        "an opaque box x-ray found",
                        (rect.x0, rect.y0, rect.x1, rect.y1),
                        seen or count,
                        found_by=XRAY,
                        text=text,
                    )
                )
    merged.sort(key=lambda box: (box.page, box.rect[1], box.rect[0]))
    return merged, ""


def xray_boxes(findings: Sequence[Finding]) -> tuple[list[tuple[int, RectTuple, int]], str]:
    """x-ray's boxes from its findings: (page index, rectangle, characters) each; or, if it
    did not run or could not read the file, no boxes and why."""
    boxes: list[tuple[int, RectTuple, int]] = []
    for finding in findings:
        match = _XRAY_BOX.search(finding.detail)
        if finding.page is None or match is None:
            return [], finding.detail
        x0, y0, x1, y1 = (float(v) for v in match.groups()[1:])
        boxes.append((finding.page, (x0, y0, x1, y1), int(match.group(1))))
    return boxes, ""


def _overlap(a: pymupdf.Rect, b: pymupdf.Rect) -> float:
    """The shared area as a share of the smaller box's."""
    smaller = min(abs(a), abs(b))
    if smaller <= 0:
        return 0.0
    return float(abs(a & b)) / float(smaller)
