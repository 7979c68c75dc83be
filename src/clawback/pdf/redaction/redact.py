"""True redaction: what is under a box is removed from the file, not just covered.

`redact` works in this order:

1. refuse input with unapplied ``/Redact`` annotations; bake annotations and form fields into
   page content as a viewer shows them (`bake`: what was visible stays visible and is itself
   subject to redaction); redraw a page of ``/UserUnit`` other than 1 in points (`userunit`);
2. per page, turn each `Redaction` into boxes: its rectangle, or tight rectangles around every
   occurrence of its text (see `locate`), with ``/ActualText`` used and ignored;
3. apply with PyMuPDF: text under a box removed, image pixels under it blanked (``images=2``;
   each inline picture of a boxed page made an image object first, `inline`, and a picture
   MuPDF writes back in another colour space given its own, `recolour`),
   vector art touching it removed (``graphics=2``: a path that merely crosses the box goes too,
   so no outlined glyph survives), a shading or clip outline too (`culled`); once every page
   is done, the same inside each soft mask's group a boxed page sets (`softmask`: MuPDF
   never reads those groups), and a group nothing is painted through any more emptied
   (`shows.unseen_masks`);
4. compare glyph positions before and after: put back text MuPDF 2.0 slid left (`shiftfix`),
   and refuse a result that hides or deletes text outside the boxes;
5. paint each box black, then print each reason on its box in white (`boxlabel`, drawn through
   `overlay`: the fill MuPDF would paint lands beside the text on a rotated, cropped page);
6. replace each whole-page redaction by a blank page of the same displayed size carrying one
   box, so nothing of the original page survives;
7. re-subset fonts (glyphs used only by removed text leave the file: MuPDF for TrueType and
   CFF programs, `resubset` for Type 1), then `scrub` (renaming names that spell a redacted
   text: `renamed`) and save a whole new file with ``garbage=4, deflate=True, clean=True``;
8. re-search the finished file: a text that can still be found on its page is an error.

Errors name the item's `label`, never the text being redacted.

Coordinates are PyMuPDF page coordinates in points (origin top-left), as `Page.search_for` and
`Page.get_text` report them. Page numbers in `Redaction.page` and in boxes are 0-based; messages
say "page N" 1-based.

The width of removed text stays readable from the positions of the glyphs that remain (see
docs/redaction.md) unless `redact` is given a `WidthPolicy` (clawback's is `WIDTH_POLICY`, for
productions and filings alike): then each text item's line is first checked (`telling_lines`,
before step 3: a justified, centred or tabbed line, or an OCR layer, would still tell the width,
and such an item is boxed across its whole line instead), and after step 4 every other text
item's gap is re-flowed to one fixed width and its box painted that wide, at the end of a line
too (`reflow`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import pymupdf

from clawback.domain.counts import counted
from clawback.domain.errors import DocumentError
from clawback.pdf.files.document import all_layers_shown, open_pdf, refuse_unapplied_redactions
from clawback.pdf.marks import helvetica
from clawback.pdf.marks.boxlabel import draw_box, draw_label
from clawback.pdf.redaction import recolour
from clawback.pdf.redaction.bake import bake_visible
from clawback.pdf.redaction.bands import Directions, whole_column, whole_line
from clawback.pdf.redaction.culled import cull_kept
from clawback.pdf.redaction.inline import externalize_inline
from clawback.pdf.redaction.reflow import (
    WIDTH_POLICY,
    ReflowError,
    WidthPolicy,
    line_starts,
    reflow_line,
    telling_lines,
)
from clawback.pdf.redaction.resubset import Type1Fonts
from clawback.pdf.redaction.scrub import scrub
from clawback.pdf.redaction.shiftfix import (
    Glyph,
    Span,
    glyphs,
    horizontal,
    repair_shifts,
    snapshot,
    trace,
)
from clawback.pdf.redaction.softmask import redact_soft_masks
from clawback.pdf.redaction.type1 import Type1Error
from clawback.pdf.redaction.userunit import to_points
from clawback.pdf.shows.locate import find_text_rects, spelled_at
from clawback.pdf.shows.lying import lying_fonts
from clawback.pdf.shows.survey import survey
from clawback.pdf.shows.unseen_masks import emptied, hidden_mask_groups

__all__ = [
    "WIDTH_POLICY",
    "Box",
    "Painted",
    "Redaction",
    "RedactionError",
    "RedactionResult",
    "WidthPolicy",
    "check_gone",
    "pages_holding",
    "redact",
    "redact_document",
    "scrub",
]

#: A removed glyph less covered than this by any box counts as collateral damage.
_COLLATERAL = 0.2

Box = tuple[int, tuple[float, float, float, float], str]
"""A painted box: (0-based page, (x0, y0, x1, y1), item label)."""


class RedactionError(DocumentError):
    """A redaction could not be carried out as asked. The message names the item label only."""


@dataclass(frozen=True)
class Redaction:
    """One thing to remove from one page.

    Give `rect` to remove a rectangle, `text` to remove every occurrence of that exact text on
    the page, or neither to withhold the whole page. `label` is the item id used in messages;
    `reason` is printed on the box (e.g. "REDACTED - LAW ENFORCEMENT PRIVILEGE").
    """

    page: int
    reason: str
    rect: tuple[float, float, float, float] | None = None
    text: str | None = None
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label.strip():
            raise ValueError("a Redaction needs a label (the item id used in messages)")
        if self.page < 0:
            raise ValueError(f"item {self.label!r}: page index must be >= 0")
        if not self.reason.strip():
            raise ValueError(f"item {self.label!r}: empty reason")
        if self.rect is not None and self.text is not None:
            raise ValueError(f"item {self.label!r}: give a rectangle or a text, not both")
        if self.text is not None and not self.text.strip():
            raise ValueError(f"item {self.label!r}: empty text")
        if self.rect is not None:
            x0, y0, x1, y1 = self.rect
            if not (x0 < x1 and y0 < y1):
                raise ValueError(f"item {self.label!r}: empty or inverted rectangle")

    @property
    def whole_page(self) -> bool:
        """True when neither a rectangle nor a text is given."""
        return self.rect is None and self.text is None


@dataclass(frozen=True)
class Painted:
    """The boxes `redact_document` painted, and those of them it re-flowed (text items under a
    `WidthPolicy`: `verify(reflowed=...)` proves their width tells nothing)."""

    boxes: list[Box] = field(default_factory=list)
    reflowed: list[Box] = field(default_factory=list)
    #: Text items whose line would still tell their width, boxed across the whole line
    #: instead: (0-based page, label, why).
    widened: list[tuple[int, str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class RedactionResult:
    """The redacted file and every box painted on it (for `verify(boxes=...)`)."""

    pdf: bytes
    boxes: list[Box] = field(default_factory=list)
    #: The boxes of text items re-flowed under a `WidthPolicy` (for `verify(reflowed=...)`).
    reflowed: list[Box] = field(default_factory=list)
    #: Text items boxed across their whole line (see `Painted.widened`).
    widened: list[tuple[int, str, str]] = field(default_factory=list)


def redact(
    pdf: bytes, redactions: Sequence[Redaction], width: WidthPolicy | None = None
) -> RedactionResult:
    """Apply `redactions` to `pdf` and return the cleaned file with its boxes.

    With `width`, every text item's gap is re-flowed to the policy's fixed width and its box
    painted that wide (`reflow`), so glyph positions no longer tell how long the text was;
    `ReflowError` (a `RedactionError`) when that cannot be done exactly.

    Raises `RedactionError` when a page does not exist, a rectangle lies off its page, a text
    is not found on its page or can still be found after redaction; `PdfError` for unusable
    input or input carrying unapplied redaction annotations.
    """
    with open_pdf(pdf) as doc:
        painted = redact_document(doc, redactions, width)
        staged = doc.tobytes(garbage=1, encryption=pymupdf.mupdf.PDF_ENCRYPT_NONE)
    final = scrub(staged, [item.text for item in redactions if item.text])
    check_gone(final, redactions)
    return RedactionResult(final, painted.boxes, painted.reflowed, painted.widened)


def redact_document(
    doc: pymupdf.Document, redactions: Sequence[Redaction], width: WidthPolicy | None = None
) -> Painted:
    """Steps 1 to 6 and the font re-subsetting of `redact` on an open document, in place;
    returns the boxes painted (and, with `width`, which of them were re-flowed). The caller
    must still `scrub` what it saves of `doc` and `check_gone` the finished file (`redact`
    does both): a caller that goes on working on the open document (stamping it, say) saves
    one file instead of two."""
    boxes: list[Box] = []
    reflowed: list[Box] = []
    widened: list[tuple[int, str, str]] = []
    refuse_unapplied_redactions(doc)
    bake_visible(doc)
    to_points(doc)
    by_page = _group(redactions, doc.page_count)
    boxed = [n for n, items in sorted(by_page.items()) if not any(i.whole_page for i in items)]
    externalize_inline(doc, boxed)
    found = survey(doc, by_page)
    type1 = Type1Fonts.of(doc, by_page) if found.fonts else None

    @cache
    def starts() -> tuple[tuple[float, ...], ...]:  # where each page's lines start
        return tuple(tuple(line_starts(snapshot(page))) for page in doc.pages())

    def margins(number: int) -> list[float]:  # asked only for a line its page cannot place
        return [x for other, xs in enumerate(starts()) if other != number for x in xs]

    cuts: dict[int, list[pymupdf.Rect]] = {}
    with all_layers_shown(doc):
        for number, items in sorted(by_page.items()):
            whole = [item for item in items if item.whole_page]
            if whole:
                boxes.append(_withhold_page(doc, number, whole[0]))
            else:
                page = doc[number]
                cut = cuts.setdefault(number, [])
                painted = _redact_page(page, items, width, found.replacement_text, margins, cut)
                boxes.extend(painted.boxes)
                reflowed.extend(painted.reflowed)
                widened.extend(painted.widened)
        for number, rects in sorted(cuts.items()):  # after every page: it adds a scratch page
            try:
                redact_soft_masks(doc, number, rects)
            except ValueError as exc:
                raise RedactionError(f"page {number + 1}: {exc}; withhold the page") from None
        # a group nothing is painted through any more (its bar was under a box) is emptied,
        # wherever it is set: in a pattern's cell too, which `redact_soft_masks` leaves
        hidden = hidden_mask_groups(doc, sorted(cuts))
        emptied(doc, [group for groups in hidden.values() for group in groups])
    # Re-subset where a font program is embedded: the file's own, or the Unicode font a
    # reason beyond Windows-1252 is printed in (`boxlabel`); standard fonts have nothing to.
    # MuPDF re-subsets TrueType and CFF programs, `resubset` the Type 1 ones.
    unicode_reasons = any(not helvetica.plain(item.reason) for item in redactions)
    try:
        if type1 is not None:
            type1.empty(doc)
        if found.fonts or unicode_reasons:
            doc.subset_fonts()
    except Type1Error as exc:
        raise RedactionError(f"font re-subsetting failed: {exc}") from None
    except (RuntimeError, ValueError) as exc:
        raise RedactionError(f"font re-subsetting failed ({type(exc).__name__})") from None
    boxes.sort(key=lambda box: (box[0], box[1][1], box[1][0]))
    reflowed.sort(key=lambda box: (box[0], box[1][1], box[1][0]))
    return Painted(boxes, reflowed, widened)


def pages_holding(pdf: bytes, text: str) -> list[int]:
    """The 0-based pages on which `text` can be found (as `redact` looks: ActualText used and
    ignored, hidden layers included), to make `Redaction` items of."""
    with open_pdf(pdf) as doc, all_layers_shown(doc):
        return [page.number for page in doc.pages() if find_text_rects(page, text)]


def check_gone(
    pdf: bytes, redactions: Sequence[Redaction], margin: float = 0.0, down: float = 0.0
) -> None:
    """Search the finished file: no redacted text may still be found on its page.

    For a stamped file (`margin` points of band added, the page `down` points from the top;
    see `stamp`), what the band's labels say does not count (a legend may well hold words
    redacted elsewhere); all that is over the page itself does."""
    with open_pdf(pdf) as doc, all_layers_shown(doc):
        for item in redactions:
            if item.text is None:
                continue
            page = doc[item.page]
            rects = find_text_rects(page, item.text)
            if margin and rects:
                width, height = page.rect.width, page.rect.height - margin
                placed = pymupdf.Rect(0, down, width, down + height)
                rects = [rect for rect in rects if rect.intersects(placed)]
            if rects:
                raise RedactionError(
                    f"item {item.label!r} can still be found on page {item.page + 1} "
                    "after redaction"
                )


def _group(redactions: Sequence[Redaction], pages: int) -> dict[int, list[Redaction]]:
    grouped: dict[int, list[Redaction]] = {}
    for item in redactions:
        if item.page >= pages:
            raise RedactionError(
                f"item {item.label!r}: page {item.page + 1} does not exist "
                f"(the document has {counted(pages, 'page')})"
            )
        grouped.setdefault(item.page, []).append(item)
    return grouped


def _redact_page(
    page: pymupdf.Page,
    items: list[Redaction],
    width: WidthPolicy | None = None,
    replacement_text: bool = True,
    margins: Callable[[int], Sequence[float]] = lambda number: (),
    cut: list[pymupdf.Rect] | None = None,
) -> Painted:
    """Remove everything under the page's boxes, paint them, and check the texts are gone.
    Every area removed is added to `cut` (for `redact_soft_masks`).
    ``replacement_text=False``: the document has no ``/ActualText`` (`survey`), so each text
    is searched one way only (`locate`). With `width`, a text item whose line would still
    tell its width once re-flowed (`telling_lines`; `margins`: where the lines of the
    document's other pages start) is boxed across its whole line instead (`whole_line`)."""
    number = page.number
    planned: list[tuple[pymupdf.Rect, Redaction]] = []
    for item in items:
        if item.rect is not None:
            rect = pymupdf.Rect(item.rect)
            if not rect.intersects(page.rect * page.derotation_matrix):
                raise RedactionError(f"item {item.label!r}: rectangle lies off page {number + 1}")
            planned.append((rect, item))
            continue
        assert item.text is not None
        rects = find_text_rects(page, item.text, replacement_text)
        if not rects:
            raise RedactionError(f"item {item.label!r} not found on page {number + 1}")
        planned.extend((rect, item) for rect in rects)
    traced = page.get_texttrace()  # one run of the page's content for both readings below
    before = horizontal(traced)
    widened: list[tuple[int, str, str]] = []
    drawn = glyphs(before)
    if width is not None:
        texts = [i for i, (_, item) in enumerate(planned) if item.text is not None]
        area = page.rect * page.derotation_matrix
        spans = Directions(traced if texts else [])  # once for every item
        for i in [i for i in texts if spans.runs_down(planned[i][0])]:
            # text set up or down the page has no line to re-flow along: boxed across the
            # text block in its own direction
            band = whole_column(planned[i][0], drawn, area)
            planned[i] = (band, replace(planned[i][1], text=None, rect=_tuple(band)))
            widened.append((number, planned[i][1].label, "its text runs up or down the page"))
        texts = [i for i in texts if planned[i][1].text is not None]
        told = telling_lines(
            drawn,
            [(planned[i][0], planned[i][1].label) for i in texts],
            number,
            (area.x0 + area.x1) / 2,
            lambda: margins(number),
        )
        for k, why in sorted(told.items()):
            i = texts[k]
            band = whole_line(planned[i][0], drawn, area)
            planned[i] = (band, replace(planned[i][1], text=None, rect=_tuple(band)))
            widened.append((number, planned[i][1].label, why))
        bands = [planned[texts[k]][0] for k in told]
        for i in texts:  # another item on a boxed line is gone with it: nothing to re-flow
            rect, item = planned[i]
            if item.text is not None and any(
                band.y0 <= (rect.y0 + rect.y1) / 2 <= band.y1 for band in bands
            ):
                planned[i] = (rect, replace(item, text=None, rect=_tuple(rect)))
    _check_spelled(page, items, planned, replacement_text)
    for rect, _ in planned:  # the boxes are painted here, not by MuPDF (see `overlay`)
        page.add_redact_annot(rect, fill=None, cross_out=False)
    cull_kept(page, [rect for rect, _ in planned])  # shadings, clip outlines: MuPDF keeps them
    pictures = recolour.placed(page)
    page.apply_redactions(
        images=pymupdf.mupdf.PDF_REDACT_IMAGE_PIXELS,
        graphics=pymupdf.mupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
        text=pymupdf.mupdf.PDF_REDACT_TEXT_REMOVE,
    )
    try:
        recolour.restore(page, pictures)
    except ValueError as exc:
        raise RedactionError(
            f"page {number + 1}: {exc} under the box of item {planned[0][1].label!r} "
            "cannot be redacted without changing its colours (a PyMuPDF limitation); "
            "withhold the page"
        ) from None
    if cut is None:
        cut = []
    cut.extend(rect for rect, _ in planned)
    now = _check_neighbours(page, before, planned)
    if width is not None:
        planned = _reflow(page, planned, width, drawn, widened, now, cut)
    for rect, _ in planned:
        draw_box(page, rect)
    for rect, item in planned:  # every label after every box: nothing paints over one
        draw_label(page, rect, item.reason)
    boxes = [(number, _tuple(rect), item.label) for rect, item in planned]
    flowed = [
        box
        for box, (_, item) in zip(boxes, planned, strict=True)
        if width is not None and item.text is not None
    ]
    return Painted(boxes, flowed, widened)


def _check_spelled(
    page: pymupdf.Page,
    items: Sequence[Redaction],
    planned: Sequence[tuple[pymupdf.Rect, Redaction]],
    replacement_text: bool,
) -> None:
    """Every character spelling a text item, found from the characters themselves
    (`spelled_at`), lies under a box before anything is removed: a box MuPDF's search placed
    beside its text (a hyphenated line above once moved every hit by a character) is refused
    here, where `check_gone` would not see the one character left printed. The characters
    can be trusted only where the page's fonts write what they draw: a text item on a page
    with a font whose /ToUnicode reads its glyphs as other letters or digits (`lying_fonts`)
    is refused, since no reading of its text can find every copy the page prints."""
    boxes = [rect for rect, _ in planned]
    if any(item.text is not None for item in items):
        lying = lying_fonts(page)
        if lying:
            raise RedactionError(
                f"page {page.number + 1}: font {', '.join(lying)} reads as other letters or "
                "digits than it prints (its /ToUnicode); redact by rectangle or withhold the page"
            )
    for item in items:
        if item.text is None:
            continue
        for place in spelled_at(page, item.text, replacement_text):
            left = [c for c in place if not any(_holds(box, c) for box in boxes)]
            if left:
                raise RedactionError(
                    f"item {item.label!r}: {len(left)} of its characters on page "
                    f"{page.number + 1} lie outside every box"
                )


def _holds(box: pymupdf.Rect, char: pymupdf.Rect) -> bool:
    x, y = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
    return box.x0 - 0.5 <= x <= box.x1 + 0.5 and box.y0 - 0.5 <= y <= box.y1 + 0.5


def _reflow(
    page: pymupdf.Page,
    planned: list[tuple[pymupdf.Rect, Redaction]],
    width: WidthPolicy,
    drawn: Sequence[Glyph],
    widened: list[tuple[int, str, str]],
    traced: list[Span] | None = None,
    cut: list[pymupdf.Rect] | None = None,
) -> list[tuple[pymupdf.Rect, Redaction]]:
    """Re-flow every text item's gap, right to left along each line; the boxes to paint
    (`traced`: the page's `trace` as it is, when the caller read it since it last changed;
    `cut`: where a whole line boxed is added, as `_redact_page` adds its areas).

    A gap re-flowed on the left moves the boxes to its right on the same line with the text.
    A line that cannot be re-flowed exactly (`ReflowError`) is boxed whole (`whole_line`,
    added to `widened`), everything on it removed in a second pass."""
    area = page.rect * page.derotation_matrix
    result = list(planned)
    order = sorted(
        (i for i, (_, item) in enumerate(planned) if item.text is not None),
        key=lambda i: (round(planned[i][0].y1), -planned[i][0].x0),
    )
    done: list[int] = []
    bands: list[pymupdf.Rect] = []
    now = glyphs(traced) if traced is not None and order else None
    for i in order:
        rect, item = result[i]
        try:
            box, moved, now = reflow_line(page, rect, width, item.label, now)
        except ReflowError as exc:
            now = None  # it may have changed the page before it gave up
            band = whole_line(rect, drawn, area)
            bands.append(band)
            result[i] = (band, replace(item, text=None, rect=_tuple(band)))
            widened.append((page.number, item.label, str(exc).split(";")[0]))
            continue
        result[i] = (box, item)
        for k in done:
            other = result[k][0]
            if round(other.y1) == round(box.y1) and other.x0 > box.x0:
                shifted = pymupdf.Rect(other.x0 + moved, other.y0, other.x1 + moved, other.y1)
                result[k] = (shifted, result[k][1])
        done.append(i)
    if bands:  # everything else on a boxed line goes with it
        before = trace(page)
        for band in bands:
            page.add_redact_annot(band, fill=None, cross_out=False)
        cull_kept(page, bands)
        pictures = recolour.placed(page)
        page.apply_redactions(
            images=pymupdf.mupdf.PDF_REDACT_IMAGE_PIXELS,
            graphics=pymupdf.mupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
            text=pymupdf.mupdf.PDF_REDACT_TEXT_REMOVE,
        )
        try:
            recolour.restore(page, pictures)
        except ValueError as exc:
            raise RedactionError(
                f"page {page.number + 1}: {exc} under the box of item {result[0][1].label!r} "
                "cannot be redacted without changing its colours (a PyMuPDF limitation); "
                "withhold the page"
            ) from None
        if cut is not None:
            cut.extend(bands)
        _check_neighbours(page, before, [(band, result[0][1]) for band in bands])
        for i in done:
            rect, item = result[i]
            if any(band.y0 <= (rect.y0 + rect.y1) / 2 <= band.y1 for band in bands):
                result[i] = (rect, replace(item, text=None, rect=_tuple(rect)))
    return result


def _check_neighbours(
    page: pymupdf.Page, before: list[Span], planned: list[tuple[pymupdf.Rect, Redaction]]
) -> list[Span]:
    """Restore text MuPDF moved; refuse results that hide or delete text outside the boxes.
    Returns the page's `trace` as it leaves it."""
    number = page.number
    report = repair_shifts(page, before, [rect for rect, _ in planned])
    for glyph in report.misplaced:
        # a space has no ink: it counts where the gate's box check counts a character,
        # its centre half a point inside the box
        item = _box_at(glyph, planned, inset=0.5 if glyph.key[0] == 32 else 0.0)
        if item is not None:
            raise RedactionError(
                f"page {number + 1}: the redaction moved neighbouring text under the box of "
                f"item {item.label!r}; redact a wider area or the whole page"
            )
    moved = [glyph for glyph in report.misplaced if glyph.key[0] != 32]
    if moved:
        raise RedactionError(
            f"page {number + 1}: the redaction moved neighbouring text of item "
            f"{planned[0][1].label!r} and it could not be put back (a PyMuPDF limitation); "
            "redact a wider area or the whole page"
        )
    # A glyph traced once per use of what draws it (a soft mask's group, each time a bar is
    # painted through it) and still traced where it was has lost a use, not its place: the
    # page still draws it there (what the use drew beside the box is the render check's).
    still = {(glyph.key, glyph.bbox) for glyph in glyphs(report.now)}
    for glyph in report.removed:
        if (
            glyph.key[0] != 32
            and _covered(glyph, planned) < _COLLATERAL
            and (glyph.key, glyph.bbox) not in still
        ):
            raise RedactionError(
                f"page {number + 1}: redacting item {planned[0][1].label!r} would also delete "
                "text outside its box (a PyMuPDF limitation): redact the whole page instead"
            )
    return report.now


def _covered(glyph: Glyph, planned: list[tuple[pymupdf.Rect, Redaction]]) -> float:
    """The largest fraction of the glyph's box covered by one redaction box (plain
    arithmetic: a page can lose hundreds of glyphs, and PyMuPDF's `Rect` is slow to build)."""
    x0, y0, x1, y1 = glyph.bbox
    area = (x1 - x0) * (y1 - y0)
    if x1 <= x0 or y1 <= y0 or area <= 0:
        return 1.0
    best = 0.0
    for rect, _ in planned:
        width = min(x1, rect.x1) - max(x0, rect.x0)
        height = min(y1, rect.y1) - max(y0, rect.y0)
        if width > 0 and height > 0:
            best = max(best, width * height / area)
    return best


def _box_at(
    glyph: Glyph, planned: list[tuple[pymupdf.Rect, Redaction]], inset: float = 0.0
) -> Redaction | None:
    """The redaction whose box, shrunk by `inset` points, holds the centre of `glyph`."""
    x0, y0, x1, y1 = glyph.bbox
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return next(
        (
            item
            for rect, item in planned
            if rect.x0 + inset <= cx <= rect.x1 - inset and rect.y0 + inset <= cy <= rect.y1 - inset
        ),
        None,
    )


def _withhold_page(doc: pymupdf.Document, number: int, item: Redaction) -> Box:
    """Replace a page by a blank one of the same displayed size carrying one labelled box."""
    rect = doc[number].rect
    doc.delete_page(number)
    page = doc.new_page(number, width=rect.width, height=rect.height)
    draw_box(page, page.rect)
    draw_label(page, page.rect, item.reason)
    return (number, _tuple(page.rect), item.label)


def _tuple(rect: pymupdf.Rect) -> tuple[float, float, float, float]:
    return (float(rect.x0), float(rect.y0), float(rect.x1), float(rect.y1))
