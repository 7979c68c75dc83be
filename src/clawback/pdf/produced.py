"""One document as produced, made from plain values so a worker process can make it: the
pattern's hits truly redacted, every page stamped with its Bates number and legend in a band
added below the content (`MARGIN` points), the file scrubbed, and (with ``check``) passed
through the gate. No database, no file store: the service plans the volume and keeps what this
returns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from clawback.domain.errors import ClawbackError, DocumentError
from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.verify import (
    Finding,
    OcrBatch,
    VerificationError,
    require_clean,
    verify,
)
from clawback.pdf.marks.stamp import band_offset, stable_id, stamp_document
from clawback.pdf.redaction.redact import (
    WIDTH_POLICY,
    Box,
    Redaction,
    WidthPolicy,
    check_gone,
    redact_document,
)
from clawback.pdf.redaction.scrub import scrub_document
from clawback.pdf.shows.locate import by_text_or_box
from clawback.pdf.shows.matching import find
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, squash
from clawback.pdf.shows.region import displayed_boxes

#: Height (points) of the band the stamp adds.
MARGIN = 36


@dataclass(frozen=True)
class Job:
    """One document to make, self-contained so that a worker process can make it."""

    label: str
    pdf: bytes
    labels: list[tuple[str, str]]
    hits: list[dict[str, Any]]  # {"page", "text" or "rect", "found"}: see `hits_on`
    reason: str
    corner: str
    check: bool
    #: Each text hit's gap re-flowed to one width and its box that wide, at a line's end too
    #: (docs/redaction-policy.md): the one policy filings use. None (for measurements only)
    #: leaves each hit its exact width.
    width: WidthPolicy | None = WIDTH_POLICY


def make(job: Job) -> bytes:
    """Redact the pattern hits, stamp every page, and (with ``check``) pass the gate: `make_many`
    of one job."""
    made = make_many([job])
    if made.failure is not None:
        raise made.failure
    return made.files[0]


@dataclass(frozen=True)
class Made:
    """What `make_many` made: the files of the jobs before the first that failed, in order,
    and why that one failed (None when none did); with each file, the text of its redacted
    pages as the gate read it (``page.get_text()`` of the file: the record keeps it, and
    need not open the file again), by 0-based page (empty when not verified)."""

    files: list[bytes]
    failure: ClawbackError | None = None
    texts: list[dict[int, str]] = field(default_factory=list)


def make_many(jobs: Sequence[Job]) -> Made:
    """Make each job as `make` describes, in order, up to the first that cannot be made or
    fails the gate; the gate's OCR check (k) reads the pages of all of them in one batch (a
    Tesseract run loads its model once however many pages it reads: `gate.check_ocr`), so
    no file is given before every file of the group before it was read.

    The document is opened once: redacted in place, stamped from the open document, and the
    stamped file scrubbed and saved once (`pdf.redact` alone would save, scrub and re-open
    the redacted file before stamping it). A document without hits is only stamped. A
    document that cannot be made is a `DocumentError` naming it (the gate's own findings are
    a `VerificationError` that names it too)."""
    batch = OcrBatch()
    made: list[tuple[bytes, list[Finding], dict[int, str]]] = []
    failure: ClawbackError | None = None
    for n, job in enumerate(jobs):
        try:
            made.append(_make_named(job, (batch, str(n))))
        except ClawbackError as exc:
            failure = exc
            break
    try:
        read = batch.findings()
    except DocumentError as exc:  # Tesseract failed on the group's pages
        named = (
            jobs[0].label if len(made) <= 1 else f"{jobs[0].label} to {jobs[len(made) - 1].label}"
        )
        return Made([], DocumentError(f"{named}: {exc}"))
    files: list[bytes] = []
    texts: list[dict[int, str]] = []
    for n, (stamped, found, text) in enumerate(made):
        try:
            require_clean([*found, *read.get(str(n), [])], jobs[n].label)
        except VerificationError as exc:
            return Made(files, exc, texts)
        files.append(stamped)
        texts.append(text)
    return Made(files, failure, texts)


def _make_named(
    job: Job, ocr_later: tuple[OcrBatch, str]
) -> tuple[bytes, list[Finding], dict[int, str]]:
    try:
        return _make(job, ocr_later)
    except ValueError as exc:  # a redaction refused, labels that do not fit, a broken file
        raise DocumentError(f"{job.label}: {exc}") from None


def _make(job: Job, ocr_later: tuple[OcrBatch, str]) -> tuple[bytes, list[Finding], dict[int, str]]:
    """The file made, the gate's findings but for those of (k) (`ocr_later` has them), and
    the text of its redacted pages as the gate read them (`Made.texts`)."""
    redactions = [
        Redaction(
            page=int(hit["page"]),
            reason=job.reason,
            text=hit.get("text"),
            rect=tuple(hit["rect"]) if hit.get("rect") else None,
            label=f"hit {n}",
        )
        for n, hit in enumerate(job.hits, start=1)
    ]
    boxes: list[Box] = []
    reflowed: list[Box] = []  # the text hits' boxes, re-flowed: the gate's width check
    with open_pdf(job.pdf) as src:
        if redactions:  # boxes as the page displays, as the stamped page shows it
            painted = redact_document(src, redactions, job.width)
            boxes = displayed_boxes(src, painted.boxes)
            reflowed = displayed_boxes(src, painted.reflowed)
        out = stamp_document(src, job.labels, MARGIN, job.corner)
        try:
            stamped = stable_id(scrub_document(out, [r.text for r in redactions if r.text]))
        finally:
            out.close()
    down = band_offset(MARGIN, job.corner)
    if redactions and not job.check:  # the gate's text check reads far more than this
        check_gone(stamped, redactions, MARGIN, down)
    found: list[Finding] = []
    read: dict[int, str] = {}
    if job.check:
        shifted = [(p, (x0, y0 + down, x1, y1 + down), k) for p, (x0, y0, x1, y1), k in boxes]
        flowed = [(p, (x0, y0 + down, x1, y1 + down), k) for p, (x0, y0, x1, y1), k in reflowed]
        secrets = [
            (f"hit {n}", str(hit["found"]))
            for n, hit in enumerate(job.hits, start=1)
            if len(squash(str(hit["found"]))) >= MIN_SECRET_CHARS
        ]
        found = verify(
            stamped,
            secrets,
            expected_labels=job.labels,
            boxes=shifted,
            reflowed=flowed,
            xray=False,
            original=job.pdf,
            offset=down,
            ocr_later=ocr_later,
            read=read,
        )
    redacted = {int(hit["page"]) for hit in job.hits}
    return stamped, found, {page: text for page, text in read.items() if page in redacted}


def hits_on(pdf: bytes, pattern: re.Pattern[str]) -> list[dict[str, Any]]:
    """Every match of `pattern` in what the document's pages show (`pdf.shows.matching`: any
    letter case, look-alike characters, line ends, reading order), each line of each match as
    one hit: the line's own text when the redactor can find it by that text (then the width
    policy re-flows it), else the box of its glyphs. JSON, for the volume's plan."""
    hits: list[dict[str, Any]] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            for match in find(page, pattern):
                for text, box in by_text_or_box(page, match.pieces):
                    hit: dict[str, Any] = {"page": page.number, "found": match.found}
                    if text is not None:
                        hit["text"] = text
                    else:
                        hit["rect"] = list(box)
                    if hit not in hits:
                        hits.append(hit)
    return hits
