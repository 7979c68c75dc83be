"""Traceable copies: the one place a served copy is marked, recorded, and traced back.

What a receiving-side person is served of another side's documents (a page's picture, a
document's PDF) is marked here, and only here, with that person, the moment and a fresh trace
code (``domain.traces``, drawn by ``pdf.marks.watermark``); the audit entry of each serving
keeps the code and the SHA-256 of the bytes handed out (``recorded``). ``Tracing.trace`` takes
a copy found elsewhere (the PDF as served, a printout scanned back, a photo or a cropped
corner of a page) and names the serving it came from: first by its bytes, then by the codes
its text or OCR reads (``pdf.marks.trace_reading``), each looked up in the trail; a code the
trail never gave out is no code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from clawback.domain import traces
from clawback.domain.actor import Actor
from clawback.domain.seats import Act
from clawback.domain.traces import Mark, TraceCode
from clawback.service.base import Service
from clawback.service.context import Context
from clawback.service.drawing import Drawer, Drawing
from clawback.service.pictures import Pictures
from clawback.storage import tables as t

#: The audit actions of a serving that may carry a mark.
SERVINGS = ("read.image", "download", "export")


@dataclass(frozen=True)
class Traced:
    """The serving a found copy came from, as the audit trail recorded it."""

    code: str
    person: str
    via: str
    at: str  # the entry's moment, ISO 8601 UTC
    action: str
    subject: str  # the page's Bates number, or the document's first
    sha256: str
    seq: int
    same_bytes: bool  # the file is that copy byte for byte (else a print, scan or re-save)

    def __str__(self) -> str:
        what = "a picture of page" if self.action == "read.image" else "a PDF of the document at"
        kept = (
            "the file is that copy, byte for byte"
            if self.same_bytes
            else "the file is not that copy's bytes (printed, scanned, cropped or re-saved)"
        )
        return (
            f"trace code {self.code}: {what} {self.subject}, served to {self.person} "
            f"({self.via}) at {self.at} (audit entry {self.seq}, sha256 {self.sha256}); {kept}"
        )


def mark_for(actor: Actor, held_by: str) -> Mark | None:
    """The mark a copy of a document held by ``held_by`` carries when served to ``actor``
    now, or None when it goes out unmarked."""
    if not traces.traced(actor, held_by):
        return None
    return Mark(TraceCode.new(), actor.name, datetime.now(UTC).replace(second=0, microsecond=0))


def marked(pdf: bytes, mark: Mark | None) -> bytes:
    """The PDF with every page carrying ``mark`` (unchanged for no mark)."""
    if mark is None:
        return pdf
    from clawback.pdf.marks.watermark import watermark

    return watermark(pdf, mark.lines)


class Placed(Protocol):
    """Where an item is on its page, as a picture draws it: an item of a produced page
    (``domain.documents.Item``) or of a filed paper (``service.docket``)."""

    @property
    def texts(self) -> tuple[str, ...]: ...
    @property
    def rect(self) -> tuple[float, float, float, float] | None: ...
    @property
    def whole_page(self) -> bool: ...


@dataclass(frozen=True)
class Source:
    """The PDF a picture is drawn from: ``identity`` names its bytes exactly (two sources of
    one identity hold the same bytes), ``load`` reads them, only when a picture is rendered."""

    identity: str
    load: Callable[[], bytes]

    @classmethod
    def of(cls, pdf: bytes) -> Source:
        return cls(hashlib.sha256(pdf).hexdigest(), lambda: pdf)


def picture(
    pdf: bytes | Source,
    index: int,
    dpi: int,
    mark: Mark | None,
    claimed: Sequence[Placed] = (),
    drawer: Drawer | None = None,
) -> bytes:
    """A PNG of page ``index`` (from 0) of ``pdf`` at ``dpi``, carrying ``mark``, with the
    ``claimed`` items drawn in place (the court's in-camera view: ``domain.in_camera``).

    With a ``drawer`` (``service.drawing``), the page's picture without the mark is kept in its
    pictures (``service.pictures``), keyed by the identity of ``pdf``'s bytes, the page, the
    dpi and the items drawn, and the mark, drawn alone on a clear page of the same size, is
    laid over it on each request: every copy still carries its own person, moment and code."""
    import pymupdf

    from clawback.pdf.marks.claimed import Claimed, draw_claimed
    from clawback.pdf.marks.watermark import draw

    source = pdf if isinstance(pdf, Source) else Source.of(pdf)
    placed = tuple(Claimed(i.texts, i.rect, i.whole_page) for i in claimed)
    if drawer is None:
        with pymupdf.open(stream=source.load(), filetype="pdf") as opened:
            page = opened[index]
            if placed:
                draw_claimed(page, list(placed))
            if mark is not None:
                draw(page, mark.lines)
            png: bytes = page.get_pixmap(dpi=dpi).tobytes("png")
        return png
    key = Pictures.key(source.identity, index, dpi, repr(list(claimed)))
    lines = mark.lines if mark is not None else None
    return drawer.draw(Drawing(key, index, dpi, placed, lines), source.load)


def recorded(
    ctx: Context,
    s: Session,
    action: str,
    subject: str,
    data: bytes,
    mark: Mark | None,
    **detail: Any,
) -> None:
    """The audit entry of one serving: what, to whom (the entry's actor), when, its code if
    marked, and the fingerprint of the bytes handed out."""
    action, subject, kept = _serving(action, subject, data, mark, detail)
    ctx.audit(s, action, subject, **kept)


def served(
    ctx: Context, action: str, subject: str, data: bytes, mark: Mark | None, **detail: Any
) -> None:
    """``recorded`` for a serving that writes nothing else: its entry appended with other
    reads' (``Context.keep``), and kept before the copy is handed out."""
    ctx.keep([_serving(action, subject, data, mark, detail)])


def _serving(
    action: str, subject: str, data: bytes, mark: Mark | None, detail: dict[str, Any]
) -> tuple[str, str, dict[str, Any]]:
    code = {"code": str(mark.code)} if mark is not None else {}
    return action, subject, {"sha256": hashlib.sha256(data).hexdigest(), **detail, **code}


class Tracing(Service):
    def trace(self, data: bytes) -> Traced | None:
        """The serving the copy ``data`` (a PDF or a picture) came from, or None when it
        carries no code the trail gave out. Raises ``DocumentError`` for a file that is
        neither a PDF nor a picture, ``OcrError`` when OCR cannot be run."""
        self.ctx.require(Act.trace)
        sha = hashlib.sha256(data).hexdigest()
        found = self._lookup("sha256", sha)
        if found is None:
            found = next((f for f in self._by_codes(data) if f is not None), None)
        with self.ctx.transaction() as s:
            if found is None:
                self.ctx.audit(s, "trace", "", sha256=sha, found=None)
                return None
            self.ctx.audit(s, "trace", found.subject, sha256=sha, found=found.code)
        return replace(found, same_bytes=found.sha256 == sha)

    def _by_codes(self, data: bytes) -> Iterator[Traced | None]:
        from clawback.pdf.marks.trace_reading import readings

        for text in readings(data, traces.READ_AS):
            for code in traces.codes_in(text):
                yield self._lookup("code", str(code))

    def _lookup(self, key: str, value: str) -> Traced | None:
        """The marked serving whose entry holds ``value`` as its ``key``, if any."""
        with self.ctx.transaction() as s:
            rows = s.scalars(
                select(t.Audit)
                .where(t.Audit.action.in_(SERVINGS))
                .where(cast(t.Audit.detail, Text).contains(value, autoescape=True))
                .order_by(t.Audit.seq)
            ).all()
            for row in rows:
                if row.detail.get(key) == value and "code" in row.detail:
                    return Traced(
                        code=row.detail["code"],
                        person=row.actor,
                        via=row.path,
                        at=row.stamp,
                        action=row.action,
                        subject=row.subject,
                        sha256=row.detail.get("sha256", ""),
                        seq=row.seq,
                        same_bytes=True,
                    )
        return None
