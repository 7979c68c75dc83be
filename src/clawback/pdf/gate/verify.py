"""The verification gate: a file goes out only if `verify` returns no findings.

``verify(pdf, secrets, expected_labels, boxes, xray)`` runs, in order:

(a) ``text`` — each secret absent from the text of every page as read by PyMuPDF (with and
    without ``/ActualText``) and PDFium, and of the pages listed below as read by pypdf
    (`check_text`);
(b) ``raw`` — each secret absent from the file bytes, every decoded stream (referenced or not),
    every string object, and every zlib stream carved from the bytes, in plain, hex, UTF-16 and
    escaped forms (`check_raw`);
(c) ``revision`` — exactly one revision, not repaired (`check_raw`);
(d) structure — no metadata, XMP, attachments, JavaScript or outward actions, annotations,
    form, bookmarks, thumbnails, private data, page labels, replacement text, encryption or
    unreferenced objects (`check_structure`, one check name per kind);
(e) ``label`` — with `expected_labels`, each page's Bates number and legend are extractable on
    that page (`check_text`);
(g) ``box`` — with `boxes`, nothing hidden under any box (`check_boxes`);
(f) ``x-ray`` — Free Law Project's x-ray finds no box over live text (`xray_check`);
(h) ``width`` — with `reflowed` (`RedactionResult.reflowed`), the text after each re-flowed box
    resumes at its edge and the box is the `WidthPolicy` width: glyph positions no longer
    measure what was removed (`check_width`);
(i) ``render`` — with `original` (the file the output's pages show, before redaction, each
    `offset` points below the output page's top), every page with a box renders as the
    original did except inside its boxes: nothing beside them was deleted or moved
    (`check_render`);
(j) ``font`` — with `original` and `boxes`, no glyph drawn on a boxed page of the original and
    drawn nowhere in the output keeps an outline in the output's embedded fonts: the fonts
    were re-subset (`check_fonts`);
(k) ``ocr`` — with secrets, what every page that carries a box draws is read by OCR, and no
    secret is read back: a secret the page draws rather than writes is caught (`check_ocr`;
    the pages of many files can be read in one batch, below);
(l) ``shown`` — no optional content, and no character on any page that no viewer draws (off
    the page, clipped away): the file holds only what a viewer shows (`check_shown`);
(m) ``name`` — each secret, read bare (letters and digits only), absent from every name and
    string the file holds: resource, font and destination names, content-stream operands, the
    names a font program gives itself (`check_names`).

Which checks run on which pages, and why that is cheap and sound:

* every page: MuPDF (with and without ``/ActualText``; without only where (d) found
  replacement text) and PDFium text, the label check (on the same MuPDF reading), and
  (b)-(d) and (m), which read every object of the file, page-owned or not;
* pages that carry a box (``boxes`` or ``reflowed``): also pypdf text, (g), (h), (i) and (k);
* any other page where pypdf's reading could add something: where MuPDF and PDFium disagree
  about the page's characters, where the two MuPDF readings differ, where a reading found a
  secret (`check_text` explains why a page where two independent decoders agree needs no
  third); pypdf costs 5-10 ms a page, more than all the other checks of a page together;
* (f) x-ray: whole files, best in one batch (below).

Each implementation parses the file once: one PyMuPDF document and one pikepdf ``Pdf`` are
shared by the checks, PDFium and pypdf are opened once by `check_text`. (l), (g) and (h) run
page by page, so that the text trace of a page (a run of its content, dearer than its text)
and its box log are read once for the three (`shows.pagereads.PageReads`), one page at a
time; (k) renders a boxed page for OCR from that same `PageReads` (what it draws is found in
the trace, box log and fonts read already). What the checks read of the file's objects (the
resources every page reaches, at any depth: (l)'s picture checks walk them four times) and
of its fonts is read once for the whole file (`shows.objectreads.ObjectReads`). The byte
scan passes each stream once with one pattern for all needles of all secrets
when there are many (`needles.ByteNeedles`). Without secrets, (a) and (b) read nothing.

Secrets are ``(label, text)``; findings name the label, never the text. A file that cannot be
opened yields one ``unreadable`` finding. A secret shorter than 4 characters raises
`ValueError` (it cannot be scanned for reliably).

Batches: x-ray costs an interpreter start per call (~1 s), so to verify many files call
``verify(..., xray=False)`` for each and `xray_inspect(paths)` once for all of them, then
merge the findings; `require_xray_clean` does that for named files and raises (filing
packages are x-rayed that way). A production volume hands each file to an `XrayRun` as it is
made: with a core to spare x-ray reads it then, on that core; with none, x-ray reads them all
once the volume's workers are done, in as many interpreters.
Tesseract costs a model's loading per run (~0.15 s), more than reading a drawn region; so a
production verifies a group of files with ``ocr_later=(batch, label)`` each, then reads the
group's pages at once (`OcrBatch.findings`) before any of them is kept.
`require_clean` turns findings into a one-line `VerificationError`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf, open_pike
from clawback.pdf.gate.check_boxes import BoxSpec, boxes_by_page, page_box_findings
from clawback.pdf.gate.check_fonts import font_findings
from clawback.pdf.gate.check_names import name_findings
from clawback.pdf.gate.check_ocr import OcrBatch
from clawback.pdf.gate.check_raw import raw_findings, revision_findings
from clawback.pdf.gate.check_render import render_findings
from clawback.pdf.gate.check_shown import (
    layer_findings,
    page_shown_findings,
    picture_findings,
)
from clawback.pdf.gate.check_structure import partition, structure_findings
from clawback.pdf.gate.check_text import label_findings, text_findings
from clawback.pdf.gate.check_width import page_width_findings, reflowed_by_page
from clawback.pdf.gate.findings import Finding, VerificationError, require_clean
from clawback.pdf.gate.xray_check import XrayRun, xray_inspect, xray_pdf, xray_python
from clawback.pdf.shows.lying import FontsKnown
from clawback.pdf.shows.needles import check_secret
from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.pagereads import PageReads

__all__ = [
    "Finding",
    "OcrBatch",
    "VerificationError",
    "XrayRun",
    "require_clean",
    "require_xray_clean",
    "verify",
    "xray_inspect",
    "xray_python",
]


def verify(
    pdf: bytes,
    secrets: Sequence[tuple[str, str]],
    expected_labels: Sequence[tuple[str, str]] | None = None,
    boxes: Sequence[BoxSpec] = (),
    xray: bool = True,
    reflowed: Sequence[BoxSpec] = (),
    original: bytes | None = None,
    offset: float = 0.0,
    ocr: bool = True,
    ocr_later: tuple[OcrBatch, str] | None = None,
    read: dict[int, str] | None = None,
) -> list[Finding]:
    """Every reason `pdf` must not be produced; an empty list means it passed the gate
    (``ocr=False`` leaves out (k), for callers that verify the same pages' pictures otherwise;
    with ``ocr_later=(batch, key)`` the pages (k) reads are rendered into `batch`, and its
    ``findings()[key]`` are this file's (k) findings, to be merged with these). With `read`,
    the ``pymupdf`` reading (a) made of each page (``page.get_text()``: every page, when
    there are secrets) is left in it, for a caller that needs the file's text too."""
    for label, text in secrets:
        check_secret(label, text)
    findings: list[Finding] = []
    try:
        with open_pdf(pdf) as doc, open_pike(pdf) as pike:
            focus = {page for page, _, _ in (*boxes, *reflowed)}
            shown: dict[int, str] = {} if read is None else read
            parts = partition(pike)  # the objects of each page: read by (d) and (m)
            structure = structure_findings(pike, parts)
            replacement = any(finding.check == "actualtext" for finding in structure)
            findings += text_findings(doc, pdf, secrets, focus, shown, replacement)
            findings += raw_findings(pdf, pike, secrets)
            findings += name_findings(pike, secrets, parts)
            findings += revision_findings(pdf, pike, doc)
            findings += structure
            # (k) reads each boxed page as the page checks leave it read (`_traced_findings`)
            wants_ocr = bool(secrets and focus and ocr)
            batch, key = ocr_later if ocr_later is not None else (OcrBatch(), "")
            reading = (batch, key, focus) if wants_ocr and batch.want(key, secrets) else None
            unseen, boxed, widths = _traced_findings(doc, boxes, reflowed, reading)
            findings += unseen
            if expected_labels is not None:
                findings += label_findings(doc, expected_labels, shown)
            findings += boxed
            findings += widths
            if original is not None and (boxes or reflowed):
                with open_pdf(original) as before:
                    findings += render_findings(doc, before, boxes, reflowed, offset)
                    findings += font_findings(doc, before, boxes)
            if reading is not None and ocr_later is None:  # read now, this file alone
                findings += batch.findings().get(key, [])
    except PdfError as exc:
        return [Finding(None, "unreadable", str(exc))]
    if xray:
        findings += xray_pdf(pdf)
    return findings


def _traced_findings(
    doc: pymupdf.Document,
    boxes: Sequence[BoxSpec],
    reflowed: Sequence[BoxSpec],
    reading: tuple[OcrBatch, str, Collection[int]] | None = None,
) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """The findings of (l) ``shown``, (g) ``box`` and (h) ``width``, page by page: the three
    read each page's text trace (and (g) its box log), so one `PageReads` a page serves
    them, and it is dropped before the next page is read. With `reading` (batch, key,
    pages), each of those pages is also rendered for (k) into the batch from the same
    `PageReads` (what it draws is found in the trace, box log and fonts read already). What
    the checks read of the document's objects (the resources every page reaches) and of its
    fonts is read once for all of them (`ObjectReads`, `lying.FontsKnown`)."""
    objects = ObjectReads(doc)  # what the page and picture checks read of its objects
    fonts: FontsKnown = {}  # what (k) found of its fonts, each read once (no check changes one)
    shown = layer_findings(doc)
    box_pages, boxed = boxes_by_page(doc, boxes)
    width_pages, widths = reflowed_by_page(doc, reflowed)
    box_lists: dict[int, list[Finding]] = {}
    width_lists: dict[int, list[Finding]] = {}
    for page in doc.pages():
        reads = PageReads(page, fonts, objects)
        shown += page_shown_findings(page, reads)
        if page.number in box_pages:
            box_lists[page.number] = page_box_findings(doc, page, box_pages[page.number], reads)
        if page.number in width_pages:
            width_lists[page.number] = page_width_findings(page, width_pages[page.number], reads)
        if reading is not None and page.number in reading[2]:
            reading[0].add_page(reading[1], page, reads)
    shown += picture_findings(doc, [*boxes, *reflowed], objects)
    for number in sorted(box_lists):
        boxed += box_lists[number]
    for number in sorted(width_lists):
        widths += width_lists[number]
    return shown, boxed, widths


def require_xray_clean(files: Sequence[tuple[str, Path]], processes: int = 1) -> None:
    """x-ray every ``(name, path)`` in `processes` subprocesses (one by default);
    `VerificationError` naming the first file with a finding, with its page and what x-ray
    saw (fails closed like `xray_inspect`)."""
    with XrayRun(processes) as run:
        for name, path in files:
            run.add(path, name)
        run.require_clean()
