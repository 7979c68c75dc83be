"""Items: what a claim or a ruling points at on a produced page (a text span, a rectangle, a
whole page), named one by one or found by pattern.

A claim often names a kind of thing rather than one string ("the database identification
codes"). ``Items.pattern_hits`` lists every match of a regular expression across the produced
pages, with its page and the words around it; only what the user confirms becomes an item
(``Items.from_hits``), so a stray match never turns into a redaction by itself. The audit trail
keeps a keyed hash of the pattern, never the pattern: it may spell the privileged text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from clawback.domain.bates import BatesNumber
from clawback.domain.counts import counted
from clawback.domain.errors import InvalidInput, NotFound, RuleViolation
from clawback.domain.refs import DocumentRef, bates_number, document_ref, record_id
from clawback.domain.seats import Act
from clawback.pdf.files.document import open_pdf
from clawback.pdf.produced import MARGIN as BAND
from clawback.pdf.shows.matching import find, normal, text_spans
from clawback.pdf.shows.region import Rect, covered_words, displayed_size
from clawback.service import access as access_rules
from clawback.service import lookup, rows
from clawback.service.base import Service
from clawback.storage import tables as t

MAX_PATTERN = 200


@dataclass(frozen=True)
class PatternHit:
    bates: BatesNumber
    exhibit: int | None
    text: str
    snippet: str
    #: Where the produced page shows a match its stored text does not spell (letter-spaced,
    #: drawn out of order, a hyphen drawn as a line): the glyphs' box, displayed coordinates.
    rect: Rect | None = None


class Items(Service):
    def define(
        self,
        ref: DocumentRef | int | str,
        item_id: str,
        page: BatesNumber | str,
        what: str,
        texts: Sequence[str] = (),
        whole_page: bool = False,
        rect: Sequence[float] | None = None,
    ) -> None:
        """Name a text span, a rectangle or a whole page on a produced page, so a claim can
        point at it. `rect` is (x0, y0, x1, y1) in points on the produced page as displayed,
        origin top-left (see `clawback.pdf.shows.region`); it must lie in the page's content."""
        self.ctx.require(Act.name_items)
        if rect is not None and (texts or whole_page):
            raise RuleViolation(f"item {item_id!r}: give a text, a rectangle or whole_page, one")
        item_id = record_id("an item id", item_id)
        page = bates_number(page)
        with self.ctx.transaction() as s:
            doc = lookup.document(s, self.actor, document_ref(ref))
            ex = rows.exhibit(s, doc)
            if page not in ex.bates and any(page in r for r in ex.attachments):
                # a family exhibit's page on one of its attachments: the item is the
                # attachment's, where it stands, as the exhibit's span and its items run on
                doc = lookup.page(s, self.actor, page)[0]
                ex = rows.exhibit(s, doc)
            index = ex.page_index(page)
            box, covered = None, []
            if rect is not None:
                original = self.ctx.files.get(doc.original)
                box = _region(item_id, page, rect, original, index)
                produced = self.ctx.files.get(doc.produced or doc.original)
                covered = covered_words(produced, index, box)
            if texts:
                page_text = (
                    s.scalar(
                        select(t.Page.text).where(t.Page.document_id == doc.id, t.Page.idx == index)
                    )
                    or ""
                )
                for text in texts:
                    if text not in page_text:
                        raise NotFound(f"item {item_id!r}: its text is not on page {page}")
            s.merge(
                t.Item(
                    id=item_id,
                    document_id=doc.id,
                    page_idx=index,
                    what=what,
                    texts=list(texts),
                    whole_page=whole_page,
                    rect=list(box) if box else None,
                    covered=covered,
                )
            )
            access_rules.refresh(s, [doc])
            self.ctx.audit(s, "item.define", str(page), item=item_id, what=what)

    def from_hits(self, hits: Sequence[PatternHit], prefix: str, what: str) -> list[str]:
        """Make confirmed pattern hits into items: one per page holding that page's matches
        by text, and one per match found only by its glyphs (by its rectangle)."""
        if not prefix.strip():
            raise InvalidInput(
                f"not a prefix for the items' ids: {prefix!r} (PREFIX-1, PREFIX-2, ...)"
            )
        by_page: dict[BatesNumber, list[str]] = {}
        boxes: list[tuple[BatesNumber, Rect]] = []
        for hit in hits:
            if hit.rect is not None:
                boxes.append((hit.bates, hit.rect))
                continue
            texts = by_page.setdefault(hit.bates, [])
            for line in hit.text.splitlines():  # a hit wrapped over lines: each line's part
                if line.strip() and line.strip() not in texts:
                    texts.append(line.strip())
        made: list[str] = []
        for bates, texts in by_page.items():
            item_id = f"{prefix}-{len(made) + 1}"
            self.define(bates, item_id, bates, what, texts)
            made.append(item_id)
        for bates, rect in boxes:
            item_id = f"{prefix}-{len(made) + 1}"
            self.define(bates, item_id, bates, what, rect=rect)
            made.append(item_id)
        return made

    def pattern_hits(self, pattern: str, limit: int = 1000) -> list[PatternHit]:
        """Every match of ``pattern`` on a produced page, in page order, for review: in the
        page's stored text, and in what the produced page shows (`pdf.shows.matching`: glyphs
        in reading order, letter spacing, drawn hyphens) where the stored text does not spell
        it. Any letter case, look-alike characters, line-end hyphens."""
        self.ctx.require(Act.search_patterns)
        regex = _compile(pattern)
        hits: list[PatternHit] = []
        shown: dict[str, dict[int, list[tuple[str, Rect]]]] = {}  # produced file: page: matches
        with self.ctx.transaction() as s:
            found = s.execute(
                select(
                    t.Page.bates, t.Document.exhibit, t.Page.text, t.Page.idx, t.Document.produced
                )
                .join(t.Document, t.Page.document_id == t.Document.id)
                .where(t.Page.bates.is_not(None), access_rules.visible(self.actor))
                .order_by(t.Page.id)
            ).all()
            for bates, exhibit, text, idx, produced in found:
                if bates is None or len(hits) >= limit:
                    continue
                spans = text_spans(text, regex)  # any case, look-alike, wrap
                for start, end in spans:
                    hits.append(
                        PatternHit(bates, exhibit, text[start:end], _around(text, start, end))
                    )
                if produced is None:
                    continue
                if produced not in shown:
                    shown[produced] = _shown_matches(self.ctx.files.get(produced), regex)
                spelled = {_key(text[start:end]) for start, end in spans}
                for match, rect in shown[produced].get(idx, ()):
                    if _key(match) not in spelled:
                        hits.append(PatternHit(bates, exhibit, match, f"(as shown) {match}", rect))
            del hits[limit:]
            keyed = self.ctx.workspace.keys.mac(pattern.encode("utf-8"))
            self.ctx.audit(s, "pattern.search", counted(len(hits), "hit"), pattern_hmac=keyed)
        return hits


def _key(text: str) -> str:
    """A match as compared between the stored text and the page: normalised, no spaces."""
    return "".join(normal(text).split()).casefold()


def _shown_matches(pdf: bytes, regex: re.Pattern[str]) -> dict[int, list[tuple[str, Rect]]]:
    """Every match of `regex` in what each page of a produced file shows, one per line of
    it, with the box of its glyphs grown by a point (the page as displayed: produced pages
    are upright, their Bates band below the content)."""
    found: dict[int, list[tuple[str, Rect]]] = {}
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            content = page.rect.height - BAND  # the Bates band below is no one's item
            for match in find(page, regex):
                for _, (x0, y0, x1, y1) in match.pieces:
                    if y1 > content:
                        continue
                    box = (
                        max(x0 - 1, 0),
                        max(y0 - 1, 0),
                        min(x1 + 1, page.rect.width),
                        min(y1 + 1, content),
                    )
                    found.setdefault(page.number, []).append((match.found, box))
    return found


def _region(
    item_id: str, page: BatesNumber, rect: Sequence[float], original: bytes, index: int
) -> Rect:
    """`rect` checked: four numbers, not empty, inside the displayed page (not in the band)."""
    if len(rect) != 4:
        raise RuleViolation(f"item {item_id!r}: a rectangle is four numbers x0,y0,x1,y1")
    x0, y0, x1, y1 = (float(v) for v in rect)
    width, height = displayed_size(original, index)
    if not (x0 < x1 and y0 < y1):
        raise RuleViolation(f"item {item_id!r}: rectangle {x0:g},{y0:g},{x1:g},{y1:g} is empty")
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
        raise RuleViolation(
            f"item {item_id!r}: rectangle {x0:g},{y0:g},{x1:g},{y1:g} is not inside page {page} "
            f"({width:g} x {height:g} points, the Bates band excluded)"
        )
    return (x0, y0, x1, y1)


def _compile(pattern: str) -> re.Pattern[str]:
    if not pattern or len(pattern) > MAX_PATTERN:
        raise InvalidInput(f"a pattern must have 1 to {MAX_PATTERN} characters")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InvalidInput(f"not a regular expression ({exc})") from None


def _around(text: str, start: int, end: int, width: int = 40) -> str:
    start, end = max(0, start - width), min(len(text), end + width)
    return " ".join(text[start:end].split())
