"""A labelled set for the received-redaction check: one-page PDFs, each box on them labelled.

Every file is made here, byte for byte the same on every run (no dates, no new IDs), with a
few visible lines around its boxes. Each box is labelled:

* ``fake``: a redaction that hides nothing: the text is still in the file under the box (or
  painted over it in its colour);
* ``real``: a true redaction: the text removed (PyMuPDF ``apply_redactions``), a box where it was;
* ``not``: a dark shape that is no redaction at all (a table header, a rule, a bullet).

`real_samples` adds files from ``../shared/samples`` whose ``*.expected.json`` says they hold
fake boxes (tests may read ../shared; the product never does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pymupdf

FAKE, REAL, NOT = "fake", "real", "not a redaction"
SHARED_SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"

Rect = tuple[float, float, float, float]
BLACK = (0.0, 0.0, 0.0)
WHITE = (1.0, 1.0, 1.0)
SECRET = "Settlement authority 4.2 million per Jones"
OTHER = "Privileged: counsel advised against the merger"


@dataclass(frozen=True)
class Box:
    """One box on page ``page`` (0-based) of a file, where it is and what it is."""

    rect: Rect
    label: str
    what: str
    page: int = 0


@dataclass(frozen=True)
class Labelled:
    name: str
    pdf: bytes
    boxes: tuple[Box, ...]
    source: str = "built"  # or the shared sample's path
    fake_count: int | None = None  # a real sample that says how many, not where

    @property
    def fake(self) -> tuple[Box, ...]:
        return tuple(b for b in self.boxes if b.label == FAKE)


def _page() -> tuple[pymupdf.Document, pymupdf.Page]:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "MEMORANDUM - produced by the other side", fontsize=14)
    page.insert_text((72, 400), "The remainder of this page is ordinary visible text.")
    page.insert_text((72, 416), "Nothing below this line is hidden from the reader.")
    return doc, page


def _bytes(doc: pymupdf.Document) -> bytes:
    doc.set_metadata({})
    data: bytes = doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    doc.close()
    return data


def _line(page: pymupdf.Page, y: float, text: str, color: tuple[float, ...] = BLACK) -> Rect:
    """Text on a baseline at ``y`` (11 pt Helvetica), and the box that just covers it."""
    page.insert_text((72, y), text, fontsize=11, color=color)
    width = pymupdf.get_text_length(text, fontsize=11)
    return (70.0, y - 11.0, 74.0 + width, y + 4.0)


def fake_under() -> Labelled:
    """The text, then a black rectangle drawn over it: the text is still there beneath."""
    doc, page = _page()
    page.insert_text((72, 120), "Our position on damages:", fontsize=11)
    box = _line(page, 140, SECRET)
    page.draw_rect(box, color=None, fill=BLACK)
    return Labelled("fake-under", _bytes(doc), (Box(box, FAKE, "black box over the text"),))


def fake_black_on_black() -> Labelled:
    """A black box first, then the text painted over it in black (black highlighting in a
    word processor): x-ray finds it by the colours; the old check looked only beneath."""
    doc, page = _page()
    width = pymupdf.get_text_length(SECRET, fontsize=11)
    box = (70.0, 129.0, 74.0 + width, 144.0)
    page.draw_rect(box, color=None, fill=BLACK)
    page.insert_text((72, 140), SECRET, fontsize=11, color=BLACK)
    return Labelled(
        "fake-black-on-black", _bytes(doc), (Box(box, FAKE, "black text painted on a box"),)
    )


def fake_cross_hatched() -> Labelled:
    """A black box over the text, hatched with grey lines on top (as some filers draw
    redactions): not one colour, which x-ray takes for no box at all."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    page.draw_rect(box, color=None, fill=BLACK)
    shape = page.new_shape()
    x0, y0, x1, y1 = box
    h = y1 - y0
    start = x0 - h
    while start < x1:  # 45-degree lines both ways, cut to the box
        a, b = max(start, x0), min(start + h, x1)
        shape.draw_line((a, y1 - (a - start)), (b, y1 - (b - start)))
        shape.draw_line((a, y0 + (a - start)), (b, y0 + (b - start)))
        start += 6.0
    shape.finish(color=(0.33, 0.33, 0.33), width=0.8)
    shape.commit()
    return Labelled(
        "fake-cross-hatched", _bytes(doc), (Box(box, FAKE, "black box, grey hatching"),)
    )


def fake_black_image() -> Labelled:
    """A black picture pasted over the text."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 8), False)
    pix.clear_with(0)
    page.insert_image(pymupdf.Rect(box), pixmap=pix, keep_proportion=False)
    return Labelled("fake-black-image", _bytes(doc), (Box(box, FAKE, "black image"),))


def fake_highlight() -> Labelled:
    """A black highlight annotation over the text."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    annot = page.add_highlight_annot(pymupdf.Rect(box))
    annot.set_colors(stroke=BLACK)
    annot.set_opacity(1)
    annot.update()
    return Labelled("fake-highlight", _bytes(doc), (Box(box, FAKE, "black highlight"),))


def fake_polygon() -> Labelled:
    """A black polygon (drawn with lines, slanted ends) over the text: no rectangle."""
    doc, page = _page()
    x0, y0, x1, y1 = _line(page, 140, SECRET)
    shape = page.new_shape()
    shape.draw_polyline([(x0 - 4, y1), (x0 + 2, y0), (x1 + 4, y0), (x1 - 2, y1)])
    shape.finish(color=None, fill=BLACK, closePath=True)
    shape.commit()
    box = (x0 - 4, y0, x1 + 4, y1)
    return Labelled("fake-polygon", _bytes(doc), (Box(box, FAKE, "black polygon"),))


def fake_unapplied() -> Labelled:
    """A redaction annotation marked over the text and never applied."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    page.add_redact_annot(pymupdf.Rect(box), fill=BLACK)
    return Labelled("fake-unapplied-redact", _bytes(doc), (Box(box, FAKE, "/Redact, unapplied"),))


def fake_labelled_on_top() -> Labelled:
    """A black box over the text with a white label painted on top of it: not one colour
    (x-ray passes it), the label is read and the text under it is still there."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    page.draw_rect(box, color=None, fill=BLACK)
    page.insert_text((box[0] + 60, 139), "XXXXXXXX", fontsize=9, color=WHITE)
    return Labelled("fake-labelled-on-top", _bytes(doc), (Box(box, FAKE, "white label on top"),))


def fake_multi_line() -> Labelled:
    """One fill of two rectangles over parts of two lines; the words beside them are visible
    (the bounding box of the path would take them in too)."""
    doc, page = _page()
    page.insert_text((72, 140), f"Visible words then {SECRET}", fontsize=11)
    page.insert_text((72, 156), f"{OTHER} and more words", fontsize=11)
    start = 72 + pymupdf.get_text_length("Visible words then ", fontsize=11)
    end = start + pymupdf.get_text_length(SECRET, fontsize=11)
    other = 72 + pymupdf.get_text_length(OTHER, fontsize=11)
    first = (start - 1, 129.0, end + 1, 144.0)
    second = (71.0, 145.0, other + 1, 160.0)
    shape = page.new_shape()
    shape.draw_rect(first)
    shape.draw_rect(second)
    shape.finish(color=None, fill=BLACK)
    shape.commit()
    return Labelled(
        "fake-multi-line",
        _bytes(doc),
        (Box(first, FAKE, "line 1 of one path"), Box(second, FAKE, "line 2 of one path")),
    )


def real_applied() -> Labelled:
    """True redactions: the text removed by apply_redactions, a black box where it was."""
    doc, page = _page()
    box = _line(page, 140, SECRET)
    other = _line(page, 170, OTHER)
    page.add_redact_annot(pymupdf.Rect(box), fill=BLACK)
    page.add_redact_annot(pymupdf.Rect(other), fill=BLACK)
    page.apply_redactions()
    return Labelled(
        "real-applied",
        _bytes(doc),
        (Box(box, REAL, "text removed"), Box(other, REAL, "text removed")),
    )


def real_multi_line_labelled() -> Labelled:
    """True redactions on two lines drawn as one path of two rectangles, with a white label
    on top; the visible words beside each box stay (multi-line redaction done right)."""
    doc, page = _page()
    page.insert_text((72, 140), f"Visible words then {SECRET}", fontsize=11)
    page.insert_text((72, 156), f"{OTHER} and more words", fontsize=11)
    start = 72 + pymupdf.get_text_length("Visible words then ", fontsize=11)
    end = start + pymupdf.get_text_length(SECRET, fontsize=11)
    other = 72 + pymupdf.get_text_length(OTHER, fontsize=11)
    first = (start - 1, 129.0, end + 1, 144.0)
    second = (71.0, 145.0, other + 1, 160.0)
    for rect in (first, second):
        page.add_redact_annot(pymupdf.Rect(rect), fill=False)
    page.apply_redactions()
    shape = page.new_shape()
    shape.draw_rect(first)
    shape.draw_rect(second)
    shape.finish(color=None, fill=BLACK)
    shape.commit()
    page.insert_text((first[0] + 4, 140), "REDACTED", fontsize=9, color=WHITE)
    return Labelled(
        "real-multi-line",
        _bytes(doc),
        (Box(first, REAL, "removed, one path"), Box(second, REAL, "removed, one path")),
    )


def not_table_header() -> Labelled:
    """A black table header with white text on it: the text is read, not hidden."""
    doc, page = _page()
    header = (70.0, 120.0, 540.0, 140.0)
    page.draw_rect(header, color=None, fill=BLACK)
    page.insert_text((76, 134), "Bates    Date    Author    Privilege claimed", color=WHITE)
    page.insert_text((76, 154), "DEF-0001    2020-03-01    J. Smith    attorney-client")
    return Labelled("not-table-header", _bytes(doc), (Box(header, NOT, "table header"),))


def not_caption_hairlines() -> Labelled:
    """A caption framed by two hairlines drawn as one filled path: its bounding box covers
    the caption, its filled area covers nothing."""
    doc, page = _page()
    page.insert_text((72, 140), "Figure 3: Deliveries by month, 2019 to 2021", fontsize=11)
    shape = page.new_shape()
    shape.draw_rect((70, 127.5, 340, 128.0))
    shape.draw_rect((70, 144.0, 340, 144.5))
    shape.finish(color=None, fill=BLACK)
    shape.commit()
    return Labelled(
        "not-caption-hairlines",
        _bytes(doc),
        (Box((70.0, 127.5, 340.0, 144.5), NOT, "caption between hairlines"),),
    )


def not_bullet() -> Labelled:
    """Filled black bullets before list items."""
    doc, page = _page()
    boxes = []
    for n, y in enumerate((140.0, 156.0)):
        page.draw_circle((76, y - 3.5), 2.5, color=None, fill=BLACK)
        page.insert_text((84, y), f"List item {n + 1}: the witness was present", fontsize=11)
        boxes.append(Box((73.5, y - 6.0, 78.5, y - 1.0), NOT, "bullet"))
    return Labelled("not-bullet", _bytes(doc), tuple(boxes))


def not_thick_underline() -> Labelled:
    """A heading underlined by a thick filled bar."""
    doc, page = _page()
    page.insert_text((72, 140), "STATEMENT OF UNDISPUTED FACTS", fontsize=14)
    width = pymupdf.get_text_length("STATEMENT OF UNDISPUTED FACTS", fontsize=14)
    bar = (72.0, 142.5, 72.0 + width, 145.0)
    page.draw_rect(bar, color=None, fill=BLACK)
    return Labelled("not-thick-underline", _bytes(doc), (Box(bar, NOT, "underline"),))


BUILDERS = (
    fake_under,
    fake_black_on_black,
    fake_cross_hatched,
    fake_black_image,
    fake_highlight,
    fake_polygon,
    fake_unapplied,
    fake_labelled_on_top,
    fake_multi_line,
    real_applied,
    real_multi_line_labelled,
    not_table_header,
    not_caption_hairlines,
    not_bullet,
    not_thick_underline,
)


@cache
def labelled_set() -> tuple[Labelled, ...]:
    """Every built file of the set, in order."""
    return tuple(build() for build in BUILDERS)


def real_samples() -> tuple[Labelled, ...]:
    """Real files in ../shared/samples whose expectations say they hold fake boxes: an entry
    with ``fake_boxes`` (a list of ``[page, x0, y0, x1, y1]``, pages 1-based) or
    ``fake_box_count`` (then every box either check finds counts as fake)."""
    found = []
    for expected in sorted(SHARED_SAMPLES.rglob("*.expected.json")):
        entries = json.loads(expected.read_text(encoding="utf-8"))
        for name, facts in entries.items():
            if not isinstance(facts, dict):
                continue
            boxes = facts.get("fake_boxes")
            count = facts.get("fake_box_count")
            if boxes is None and count is None:
                continue
            path = expected.parent / name
            if not path.is_file():
                continue
            labelled = tuple(
                Box((b[1], b[2], b[3], b[4]), FAKE, "expected fake box", int(b[0]) - 1)
                for b in boxes or []
            )
            total = None if boxes is not None else int(count)
            found.append(Labelled(name, path.read_bytes(), labelled, str(path), total))
    return tuple(found)


def matches(found: Rect, box: Rect) -> bool:
    """Whether a box a check found is the labelled box: most of the smaller of the two lies
    inside the other."""
    a, b = pymupdf.Rect(found), pymupdf.Rect(box)
    smaller = min(abs(a), abs(b))
    return smaller > 0 and abs(a & b) >= 0.5 * smaller


def grade(labelled: Labelled, found: list[tuple[int, Rect]]) -> dict[str, int]:
    """True positives, false positives and false negatives of one check on one file, box by
    box: a fake box found is a true positive; a box found that is a real redaction, no
    redaction, or no labelled box at all is a false positive; a fake box not found is a false
    negative. A sample that says only how many fake boxes it holds is graded by count."""
    if labelled.fake_count is not None:
        many = len(found)
        return {
            "tp": min(many, labelled.fake_count),
            "fp": max(0, many - labelled.fake_count),
            "fn": max(0, labelled.fake_count - many),
        }
    tp = fp = 0
    hit: set[int] = set()
    for page, rect in found:
        owner = next(
            (
                n
                for n, box in enumerate(labelled.boxes)
                if box.page == page and matches(rect, box.rect)
            ),
            None,
        )
        if owner is not None and labelled.boxes[owner].label == FAKE:
            if owner not in hit:
                tp += 1
                hit.add(owner)
        else:
            fp += 1
    fn = sum(1 for n, box in enumerate(labelled.boxes) if box.label == FAKE and n not in hit)
    return {"tp": tp, "fp": fp, "fn": fn}
