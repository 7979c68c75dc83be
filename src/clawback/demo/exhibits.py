"""Synthetic stand-ins for the reference case's nineteen sealed exhibits.

The real exhibits of the reference case are sealed, so the demo makes its own: one PDF per
exhibit, with the page counts the case's Bates numbering requires, and the few case-specific
strings (the ``demo_content`` of the case file) placed exactly where the order says they were.
Everything else is invented filler; every text page says so in small print, and every raster
image carries the same mark inside its pixels.

Nothing here reads files. The caller passes the strings in as plain data
(:func:`make_exhibits`). The output is deterministic: the same input gives byte-identical PDFs
(fixed metadata dates, no document ID, no timestamps, no randomness).

Layout facts the rest of the demo relies on (page indexes are 0-based):

* Ex. 1, the email: 5 US Letter pages of extractable text.
* Exs. 2-17, the 16 embedded images: one US Letter page each whose only content is one raster
  image (no text layer).
* Ex. 18, the field information report: 17 US Letter pages. Page :data:`FIR_SECRET_PAGE` (12,
  Bates AOL-DEF-00528703) has the line ``"Report tracking no.: <fir-dbcode>"`` and, under the
  heading ``"Information Gaps"``, every name of ``fir-gaps`` alone on its own line.
* Ex. 19, the briefing: 19 landscape slides (960 x 540 pt). Page :data:`PPT_SECRET_PAGE` (12,
  Bates AOL-DEF-00516617) has one line ``"Database ID: <code>"`` per ``ppt-dbcode`` and the
  ``ppt-other`` sentence alone on its own line; page :data:`PPT_IMAGE_PAGE` (13, Bates
  AOL-DEF-00516618) shows the very same PNG as Ex. 5, under a text slide title.
* No page has content in its bottom :data:`BOTTOM_CLEARANCE` points (0.75 in), the room the
  stamping step needs for its band.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pymupdf

__all__ = [
    "BOTTOM_CLEARANCE",
    "EXHIBIT_PAGES",
    "FIR_CODE_LABEL",
    "FIR_GAPS_HEADING",
    "FIR_SECRET_PAGE",
    "PPT_CODE_LABEL",
    "PPT_IMAGE_PAGE",
    "PPT_SECRET_PAGE",
    "SHARED_IMAGE_EXHIBIT",
    "SYNTHETIC_MARK",
    "make_exhibits",
]

#: Exhibit number -> page count, as the case's Bates ranges require.
EXHIBIT_PAGES: dict[int, int] = {1: 5, **dict.fromkeys(range(2, 18), 1), 18: 17, 19: 19}

FIR_SECRET_PAGE = 12  # Ex. 18 page index of AOL-DEF-00528703
FIR_CODE_LABEL = "Report tracking no.:"
FIR_GAPS_HEADING = "Information Gaps"
PPT_SECRET_PAGE = 12  # Ex. 19 page index of AOL-DEF-00516617
PPT_CODE_LABEL = "Database ID:"
PPT_IMAGE_PAGE = 13  # Ex. 19 page index of AOL-DEF-00516618
SHARED_IMAGE_EXHIBIT = 5  # its picture reappears on Ex. 19 page PPT_IMAGE_PAGE

SYNTHETIC_MARK = "SYNTHETIC DEMONSTRATION DOCUMENT"
#: Points at the bottom of every page that stay free of any content (0.75 in).
BOTTOM_CLEARANCE = 54.0

_LETTER = (612.0, 792.0)
_SLIDE = (960.0, 540.0)
_FOOTER_BASELINE = 60.0  # distance of footer baselines from the bottom edge
_BODY_BOTTOM = 80.0  # body text stops this far from the bottom edge
_IMAGE_ZOOM = 1.5  # raster resolution of the embedded images: 108 dpi

_BLACK = (0.0, 0.0, 0.0)
_WHITE = (1.0, 1.0, 1.0)
_GREY = (0.42, 0.42, 0.42)
_MID = (0.7, 0.7, 0.7)
_LIGHT = (0.9, 0.9, 0.9)
_PALE = (0.96, 0.96, 0.96)
_NAVY = (0.09, 0.2, 0.38)
_BLUE = (0.16, 0.38, 0.67)
_TEAL = (0.05, 0.45, 0.47)
_MAROON = (0.5, 0.12, 0.14)
_OLIVE = (0.36, 0.4, 0.16)

Color = tuple[float, float, float]


# --------------------------------------------------------------------------------------------
# Drawing primitives


def _width(text: str, font: str, size: float) -> float:
    return pymupdf.get_text_length(text, fontname=font, fontsize=size)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and _width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def _fit(text: str, font: str, size: float, width: float, smallest: float = 7.0) -> float:
    """The largest font size <= ``size`` (in half points) at which ``text`` fits ``width``."""
    while _width(text, font, size) > width:
        size -= 0.5
        if size < smallest:
            raise ValueError(f"text does not fit on one line of {width:.0f} pt: {text!r}")
    return size


class _Canvas:
    """A thin wrapper over one pymupdf Shape: vector drawings below, text on top."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.shape = page.new_shape()

    def rect(
        self,
        rect: Sequence[float],
        *,
        fill: Color | None = None,
        color: Color | None = None,
        width: float = 0.5,
        radius: float | None = None,
    ) -> None:
        self.shape.draw_rect(pymupdf.Rect(rect), radius=radius)
        self.shape.finish(color=color, fill=fill, width=width)

    def line(
        self,
        p1: Sequence[float],
        p2: Sequence[float],
        *,
        color: Color = _BLACK,
        width: float = 0.5,
        dashes: str | None = None,
    ) -> None:
        self.shape.draw_line(pymupdf.Point(p1), pymupdf.Point(p2))
        self.shape.finish(color=color, width=width, dashes=dashes)

    def circle(
        self,
        center: Sequence[float],
        radius: float,
        *,
        fill: Color | None = None,
        color: Color | None = None,
        width: float = 0.5,
    ) -> None:
        self.shape.draw_circle(pymupdf.Point(center), radius)
        self.shape.finish(color=color, fill=fill, width=width)

    def poly(
        self,
        points: Sequence[Sequence[float]],
        *,
        fill: Color | None = None,
        color: Color | None = None,
        width: float = 0.5,
        closed: bool = True,
        dashes: str | None = None,
    ) -> None:
        self.shape.draw_polyline([pymupdf.Point(p) for p in points])
        self.shape.finish(color=color, fill=fill, width=width, closePath=closed, dashes=dashes)

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        *,
        size: float,
        font: str = "helv",
        color: Color = _BLACK,
        align: str = "left",
    ) -> None:
        if align != "left":
            w = _width(text, font, size)
            x -= w if align == "right" else w / 2
        self.shape.insert_text((x, baseline), text, fontsize=size, fontname=font, color=color)

    def commit(self) -> None:
        self.shape.commit()


class _Flow:
    """Top-to-bottom layout of text blocks between two margins.

    Without ``next_page`` the flow is confined to one page and overflowing it is an error;
    with it, the flow continues at the top of the canvas ``next_page`` returns.
    """

    def __init__(
        self,
        canvas: _Canvas,
        *,
        left: float,
        right: float,
        top: float,
        bottom: float,
        font: str = "helv",
        bold: str = "hebo",
        size: float = 11.0,
        lead: float = 1.3,
        next_page: Callable[[], _Canvas] | None = None,
    ) -> None:
        self.c = canvas
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.y = top
        self.font, self.bold, self.size, self.lead = font, bold, size, lead
        self.next_page = next_page

    @property
    def width(self) -> float:
        return self.right - self.left

    def _need(self, height: float) -> None:
        """Make room for ``height`` points: break the page if allowed, else fail."""
        if self.y + height <= self.bottom + 0.01:
            return
        if self.next_page is None or self.y <= self.top:
            raise RuntimeError(f"page content overflows the body area at y={self.y:.0f}")
        self.c.commit()
        self.c = self.next_page()
        self.y = self.top

    def space(self, height: float) -> None:
        self.y += height

    def line(
        self,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        color: Color = _BLACK,
        indent: float = 0.0,
        fit: bool = False,
    ) -> None:
        """One line, never wrapped: shrunk to fit when ``fit``, else it must fit as is."""
        font = font or self.font
        size = size or self.size
        avail = self.width - indent
        if fit:
            size = _fit(text, font, size, avail)
        elif _width(text, font, size) > avail + 0.01:
            raise RuntimeError(f"line too wide: {text!r}")
        self._need(size * self.lead)
        self.c.text(self.left + indent, self.y + size, text, size=size, font=font, color=color)
        self.y += size * self.lead

    def para(
        self,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        color: Color = _BLACK,
        indent: float = 0.0,
        after: float | None = None,
    ) -> None:
        font = font or self.font
        size = size or self.size
        for ln in _wrap(text, font, size, self.width - indent):
            self.line(ln, font=font, size=size, color=color, indent=indent)
        self.y += size * 0.55 if after is None else after

    def heading(self, text: str, *, size: float | None = None, color: Color = _BLACK) -> None:
        size = size or self.size + 1
        self.y += size * 0.35
        if self.next_page is not None:  # keep the heading with two lines of what follows
            self._need(size * self.lead + 2 * self.size * self.lead)
        self.line(text, font=self.bold, size=size, color=color, fit=True)
        self.y += size * 0.2

    def bullets(
        self,
        items: Sequence[str | tuple[str, int]],
        *,
        size: float | None = None,
        color: Color = _BLACK,
        bullet: Color = _BLACK,
        after: float | None = None,
        spacing: float = 0.25,
    ) -> None:
        """Bulleted items; a (text, level) pair indents the item one more step per level."""
        size = size or self.size
        for item in items:
            text, level = (item, 0) if isinstance(item, str) else item
            indent = 1.4 * size * (level + 1)
            lines = _wrap(text, self.font, size, self.width - indent)
            self._need(size * self.lead)
            dot = (self.left + indent - 0.8 * size, self.y + size * 0.62)
            if level:
                self.c.line(
                    (dot[0] - 0.2 * size, dot[1]), (dot[0] + 0.2 * size, dot[1]), color=bullet
                )
            else:
                self.c.circle(dot, size * 0.17, fill=bullet)
            for ln in lines:
                self.line(ln, size=size, color=color, indent=indent)
            self.y += size * spacing
        self.y += size * 0.4 if after is None else after

    def fields(
        self,
        pairs: Sequence[tuple[str, str]],
        *,
        size: float | None = None,
        label_width: float | None = None,
        after: float | None = None,
    ) -> None:
        """Label/value lines; a value too long for one line wraps under itself."""
        size = size or self.size
        lw = label_width or max(_width(label, self.bold, size) for label, _ in pairs) + size
        for label, value in pairs:
            self._need(size * self.lead)
            self.c.text(self.left, self.y + size, label, size=size, font=self.bold)
            for ln in _wrap(value, self.font, size, self.width - lw):
                self.line(ln, size=size, indent=lw)
        self.y += size * 0.55 if after is None else after

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float | None = None,
        header_fill: Color = _LIGHT,
        header_color: Color = _BLACK,
        after: float | None = None,
    ) -> None:
        """A ruled table; ``widths`` are fractions of the text width; cells wrap."""
        size = size or self.size - 1
        pad = size * 0.35
        total = sum(widths)
        cols = [self.width * w / total for w in widths]

        def row(cells: Sequence[str], font: str, fill: Color | None, color: Color) -> None:
            wrapped = [_wrap(c, font, size, w - 2 * pad) for c, w in zip(cells, cols, strict=True)]
            height = max(len(w) for w in wrapped) * size * 1.2 + 2 * pad
            self._need(height)
            self.c.rect(
                (self.left, self.y, self.right, self.y + height), fill=fill, color=_GREY, width=0.5
            )
            x = self.left
            for lines, w in zip(wrapped, cols, strict=True):
                if x > self.left:
                    self.c.line((x, self.y), (x, self.y + height), color=_GREY)
                for k, ln in enumerate(lines):
                    base = self.y + pad + size * (0.9 + 1.2 * k)
                    self.c.text(x + pad, base, ln, size=size, font=font, color=color)
                x += w
            self.y += height

        row(header, self.bold, header_fill, header_color)
        for cells in rows:
            row(cells, self.font, None, _BLACK)
        self.y += size * 0.9 if after is None else after


# --------------------------------------------------------------------------------------------
# The raster images embedded in the email (Exs. 2-17)


def _raster(width: float, height: float, paint: Callable[[_Canvas, float, float], None]) -> bytes:
    """Paint on a scratch page of ``width`` x ``height`` pt and return it as PNG bytes."""
    scratch = pymupdf.open()
    try:
        page = scratch.new_page(width=width, height=height)
        canvas = _Canvas(page)
        paint(canvas, width, height)
        canvas.commit()
        pix = page.get_pixmap(matrix=pymupdf.Matrix(_IMAGE_ZOOM, _IMAGE_ZOOM), alpha=False)
        return pix.tobytes("png")
    finally:
        scratch.close()


@dataclass(frozen=True)
class _Record:
    system: str
    heading: str
    record_no: str
    fields: tuple[tuple[str, str], ...]
    remarks: str
    captured: str
    accent: Color


_LOOKOUT_SYSTEM = "Lookout Query System (synthetic)"
_INSPECTION_SYSTEM = "Inspection Records Module (synthetic)"

_RECORDS: dict[int, _Record] = {
    2: _Record(
        _LOOKOUT_SYSTEM,
        "Lookout Record - Summary",
        "Record SYN-LK-0001",
        (
            ("Subject", "RAMOS, N. (synthetic stand-in)"),
            ("Record type", "Person lookout"),
            ("Database", "Anti-terrorism (synthetic)"),
            ("Entered by", "Other office, name withheld"),
            ("Entry date", "12/27/2018"),
            ("Review date", "06/27/2019"),
            ("Status", "Active"),
            ("Category", "Information of interest"),
            ("Handling", "See remarks"),
            ("Notify", "Entering office"),
            ("Linked records", "2"),
            ("Last update", "01/08/2019 10:22"),
        ),
        "Invented text for the demonstration. Officers encountering the subject at a port of "
        "entry should follow the handling instructions of the entering office and report the "
        "encounter. This record is not a finding of any violation and must not be disclosed "
        "to the subject. No real person, event or database entry is described here.",
        "Captured 01/09/2019 08:41",
        _MAROON,
    ),
    3: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - Vehicle Secondary",
        "Event SYN-IR-1107",
        (
            ("Port of entry", "San Ysidro (synthetic)"),
            ("Lane", "SENTRI 4"),
            ("Date / time", "12/03/2018 07:52"),
            ("Mode", "Vehicle"),
            ("Occupants", "1"),
            ("Referral", "Primary officer"),
            ("Reason", "Query result"),
            ("Exam type", "Routine"),
            ("Result", "Released"),
            ("Seizure", "None"),
            ("Duration", "38 min"),
            ("Officer", "Badge 0417 (invented)"),
        ),
        "Synthetic narrative. Traveler referred to secondary after a query result at primary. "
        "Documents verified. Vehicle examined, nothing found. Traveler answered questions about "
        "the purpose of the trip and was released without further action.",
        "Captured 01/09/2019 08:47",
        _BLUE,
    ),
    4: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - Pedestrian",
        "Event SYN-IR-1148",
        (
            ("Port of entry", "San Ysidro PedWest (synthetic)"),
            ("Lane", "Ready lane 2"),
            ("Date / time", "12/11/2018 17:15"),
            ("Mode", "Pedestrian"),
            ("Companions", "None"),
            ("Referral", "Primary officer"),
            ("Reason", "Lookout notice"),
            ("Exam type", "Baggage"),
            ("Result", "Released"),
            ("Seizure", "None"),
            ("Duration", "24 min"),
            ("Officer", "Badge 2203 (invented)"),
        ),
        "Synthetic narrative. Primary officer noted the lookout notice and referred the traveler "
        "to the pedestrian secondary area. Bag examined. Traveler stated she was returning from "
        "work in Tijuana. Released; no further action.",
        "Captured 01/09/2019 08:52",
        _BLUE,
    ),
    6: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - Vehicle Primary",
        "Event SYN-IR-1163",
        (
            ("Port of entry", "Otay Mesa (synthetic)"),
            ("Lane", "SENTRI 1"),
            ("Date / time", "12/14/2018 08:03"),
            ("Mode", "Vehicle"),
            ("Occupants", "2"),
            ("Referral", "None"),
            ("Reason", "-"),
            ("Exam type", "Document check"),
            ("Result", "Admitted"),
            ("Seizure", "None"),
            ("Duration", "2 min"),
            ("Officer", "Badge 1180 (invented)"),
        ),
        "Synthetic narrative. Documents verified for both occupants at primary. Traveler stated "
        "she was returning from client meetings. Admitted at primary without referral.",
        "Captured 01/09/2019 09:05",
        _TEAL,
    ),
    7: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - SENTRI Lane",
        "Event SYN-IR-1172",
        (
            ("Port of entry", "San Ysidro (synthetic)"),
            ("Lane", "SENTRI 2"),
            ("Date / time", "12/17/2018 06:58"),
            ("Mode", "Vehicle"),
            ("Occupants", "1"),
            ("Referral", "None"),
            ("Reason", "-"),
            ("Exam type", "Document check"),
            ("Result", "Admitted"),
            ("Seizure", "None"),
            ("Duration", "1 min"),
            ("Officer", "Badge 3391 (invented)"),
        ),
        "Synthetic narrative. Routine crossing in the dedicated lane. Card read, documents "
        "matched the enrollment. Included only to show the regular crossing pattern.",
        "Captured 01/09/2019 09:11",
        _TEAL,
    ),
    8: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - Vehicle Secondary",
        "Event SYN-IR-1190",
        (
            ("Port of entry", "Otay Mesa (synthetic)"),
            ("Lane", "SENTRI 3"),
            ("Date / time", "12/20/2018 18:40"),
            ("Mode", "Vehicle"),
            ("Occupants", "1"),
            ("Referral", "Primary officer"),
            ("Reason", "Query result"),
            ("Exam type", "Vehicle and contents"),
            ("Result", "Released"),
            ("Seizure", "None"),
            ("Duration", "51 min"),
            ("Officer", "Badge 0962 (invented)"),
        ),
        "Synthetic narrative. Vehicle examined in secondary. Officer noted boxes of donated "
        "blankets and printed flyers for a legal clinic. Nothing prohibited found. Released.",
        "Captured 01/09/2019 09:18",
        _OLIVE,
    ),
    9: _Record(
        _INSPECTION_SYSTEM,
        "Inspection Record - Pedestrian Secondary",
        "Event SYN-IR-1201",
        (
            ("Port of entry", "San Ysidro (synthetic)"),
            ("Lane", "Pedestrian 6"),
            ("Date / time", "12/28/2018 12:26"),
            ("Mode", "Pedestrian"),
            ("Companions", "None"),
            ("Referral", "Primary officer"),
            ("Reason", "Lookout notice"),
            ("Exam type", "Interview"),
            ("Result", "Released"),
            ("Seizure", "None"),
            ("Duration", "33 min"),
            ("Officer", "Badge 4420 (invented)"),
        ),
        "Synthetic narrative. Traveler referred on the lookout notice. Asked for and was given "
        "the name of the on-duty supervisor. Short interview about the purpose of the trip. "
        "Released; no further action.",
        "Captured 01/09/2019 09:24",
        _OLIVE,
    ),
}


def _paint_record(record: _Record) -> Callable[[_Canvas, float, float], None]:
    def paint(c: _Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.93, 0.93, 0.94))
        c.rect((0, 0, w, 22), fill=record.accent)
        c.text(10, 15, f"{record.system} - Record Viewer", size=9.5, font="hebo", color=_WHITE)
        for k in range(3):
            x = w - 16 - 16 * k
            c.rect((x - 5, 6, x + 5, 16), color=_WHITE, width=0.8)
        c.rect((0, 22, w, 38), fill=_PALE)
        c.line((0, 38), (w, 38), color=_MID)
        c.text(10, 33, "File     Edit     View     Query     Reports     Help", size=8)
        c.rect((8, 44, w - 8, h - 26), fill=_WHITE, color=_MID)
        c.text(18, 66, record.heading, size=14, font="hebo", color=record.accent)
        c.text(w - 18, 66, record.record_no, size=9, color=_GREY, align="right")
        c.line((18, 74), (w - 18, 74), color=record.accent, width=1.2)
        half = (len(record.fields) + 1) // 2
        for k, (label, value) in enumerate(record.fields):
            col, row = divmod(k, half)
            x = 18 + col * (w - 36) / 2
            y = 84 + row * 21
            c.text(x, y + 11, label, size=8, font="hebo", color=_GREY)
            c.rect((x + 84, y, x + (w - 36) / 2 - 10, y + 16), fill=_PALE, color=_MID)
            c.text(x + 88, y + 11.5, value, size=8.5)
        top = 84 + half * 21 + 10
        c.text(18, top + 8, "Remarks", size=8, font="hebo", color=_GREY)
        c.rect((18, top + 12, w - 18, h - 36), fill=_PALE, color=_MID)
        for k, ln in enumerate(_wrap(record.remarks, "helv", 9, w - 52)):
            c.text(26, top + 27 + 12.5 * k, ln, size=9)
        c.rect((0, h - 20, w, h), fill=_LIGHT)
        c.text(10, h - 7, f"Ready  |  {SYNTHETIC_MARK} - not a real record", size=7.5)
        c.text(w - 10, h - 7, record.captured, size=7.5, align="right")

    return paint


# Invented people; none of them is a gap name of the case file.
_INDIVIDUALS: tuple[tuple[str, ...], ...] = (
    ("1", "Ficticio Lara, Andres", "1984", "Honduras", "Caravan coordinator (reported)", "S-2"),
    ("2", "Prueba Soto, Elena", "1991", "Guatemala", "Organizer, shelter A (reported)", "S-2, S-4"),
    ("3", "Ejemplar Diaz, Rafael", "1979", "Mexico", "Marriage broker (alleged)", "S-1"),
    ("4", "Modelo Cruz, Ines", "1993", "Honduras", "Spouse, marriage 3 (alleged)", "S-1"),
    ("5", "Simulado Paz, Hector", "1988", "El Salvador", "Transport contact (reported)", "S-3"),
    ("6", "Demo Rivas, Lucia", "1996", "Honduras", "Spouse, marriage 5 (alleged)", "S-1, S-5"),
)
_INDIVIDUALS_HEADER = ("No.", "Name (last, first)", "Born", "Nationality", "Role", "Source")
_INDIVIDUALS_WIDTHS = (0.5, 2.1, 0.7, 1.1, 2.5, 0.9)


def _paint_excerpt(c: _Canvas, w: float, h: float) -> None:
    c.rect((0, 0, w, h), fill=(0.985, 0.98, 0.965))
    c.rect((6, 6, w - 6, h - 6), color=_MID, width=0.6)
    mark = "UNCLASSIFIED // LAW ENFORCEMENT SENSITIVE"
    c.text(w / 2, 24, mark, size=8, font="hebo", align="center")
    c.text(24, 44, "Field Information Report - excerpt", size=9, font="tiit", color=_GREY)
    c.text(24, 68, "Individuals of Interest", size=15, font="tibo")
    flow = _Flow(c, left=24, right=w - 24, top=80, bottom=h - 40, font="tiro", bold="tibo")
    flow.para(
        "Persons named in source reporting on the caravan and on the possible marriage fraud "
        "activity. Roles are as reported and are not confirmed unless stated.",
        size=9.5,
    )
    flow.table(_INDIVIDUALS_HEADER, _INDIVIDUALS, _INDIVIDUALS_WIDTHS, size=9)
    c.text(24, h - 18, "All names and details are invented.", size=7, font="tiit", color=_GREY)
    c.text(w - 24, h - 18, SYNTHETIC_MARK, size=7, color=_GREY, align="right")


def _paint_social(scene: int) -> Callable[[_Canvas, float, float], None]:
    captions = {
        10: "Sunset from the office window after a long week.",
        11: "Saturday legal orientation: thank you to every volunteer who came out.",
        12: "Sharing this flyer again. Free, confidential, every Tuesday.",
        13: "The route many families described to us this month.",
    }
    dates = {10: "Dec 1, 2018", 11: "Dec 8, 2018", 12: "Dec 13, 2018", 13: "Dec 22, 2018"}
    likes = {10: 48, 11: 112, 12: 67, 13: 95}

    def paint(c: _Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.94, 0.95, 0.97))
        c.rect((10, 10, w - 10, h - 10), fill=_WHITE, color=_MID, radius=0.02)
        c.circle((36, 36), 14, fill=_TEAL)
        c.text(36, 41, "R", size=14, font="hebo", color=_WHITE, align="center")
        c.text(58, 33, "Ms. Ramos (synthetic)", size=10, font="hebo")
        c.text(58, 46, f"@ramos_synthetic_demo  -  {dates[scene]}  -  Public", size=8, color=_GREY)
        box = pymupdf.Rect(20, 60, w - 20, h - 86)
        _SCENES[scene](c, box)
        c.text(24, h - 62, captions[scene], size=10)
        c.text(24, h - 42, f"Like {likes[scene]}     Comment {likes[scene] // 6}", size=8.5)
        c.text(w - 24, h - 42, "Share", size=8.5, align="right")
        c.text(24, h - 20, SYNTHETIC_MARK, size=6.5, color=_GREY)

    return paint


def _scene_skyline(c: _Canvas, r: pymupdf.Rect) -> None:
    bands = 12
    for k in range(bands):
        t = k / (bands - 1)
        color = (0.98 - 0.1 * t, 0.62 - 0.25 * t, 0.35 + 0.25 * t)
        y0 = r.y0 + r.height * 0.7 * k / bands
        c.rect((r.x0, y0, r.x1, y0 + r.height * 0.7 / bands + 1), fill=color)
    c.circle((r.x0 + r.width * 0.7, r.y0 + r.height * 0.55), 34, fill=(1.0, 0.86, 0.45))
    c.rect((r.x0, r.y0 + r.height * 0.7, r.x1, r.y1), fill=(0.2, 0.16, 0.24))
    heights = (0.35, 0.5, 0.28, 0.62, 0.44, 0.3, 0.55, 0.4, 0.25, 0.48)
    bw = r.width / len(heights)
    for k, frac in enumerate(heights):
        x0 = r.x0 + k * bw + 4
        y0 = r.y1 - r.height * frac
        c.rect((x0, y0, x0 + bw - 8, r.y1), fill=(0.14, 0.12, 0.2))
        for j in range(int(frac * 10)):
            c.rect((x0 + 6, y0 + 8 + j * 14, x0 + 12, y0 + 14 + j * 14), fill=(0.95, 0.8, 0.4))


def _scene_event(c: _Canvas, r: pymupdf.Rect) -> None:
    c.rect(r, fill=(0.62, 0.8, 0.95))
    c.rect((r.x0, r.y0 + r.height * 0.62, r.x1, r.y1), fill=(0.78, 0.72, 0.58))
    for k in range(3):
        x = r.x0 + 30 + k * r.width / 3
        top = r.y0 + r.height * 0.3
        c.poly(
            [(x, top + 50), (x + 60, top), (x + 120, top + 50)],
            fill=(0.95, 0.95, 0.92) if k % 2 else (0.85, 0.2, 0.2),
            color=_GREY,
        )
        c.rect((x + 8, top + 50, x + 112, top + 100), fill=(0.96, 0.96, 0.96), color=_GREY)
    c.rect((r.x0 + 60, r.y0 + 20, r.x1 - 60, r.y0 + 60), fill=_NAVY)
    c.text(
        (r.x0 + r.x1) / 2,
        r.y0 + 47,
        "LEGAL ORIENTATION - FREE",
        size=18,
        font="hebo",
        color=_WHITE,
        align="center",
    )
    for k in range(14):
        x = r.x0 + 24 + k * (r.width - 48) / 14
        y = r.y1 - 40 - (k % 3) * 12
        c.rect((x, y, x + 14, y + 14), fill=(0.3, 0.3, 0.35))


def _scene_flyer(c: _Canvas, r: pymupdf.Rect) -> None:
    c.rect(r, fill=(0.99, 0.83, 0.2))
    c.rect((r.x0 + 16, r.y0 + 16, r.x1 - 16, r.y1 - 16), color=_BLACK, width=2)
    mid = (r.x0 + r.x1) / 2
    c.text(mid, r.y0 + 70, "KNOW YOUR RIGHTS", size=30, font="hebo", align="center")
    c.text(mid, r.y0 + 100, "Free legal orientation for asylum seekers", size=13, align="center")
    for k, (label, color) in enumerate((("Tuesdays", _BLUE), ("10 am", _TEAL), ("Free", _MAROON))):
        x = r.x0 + r.width * (k + 1) / 4
        c.circle((x, r.y0 + 170), 38, fill=color)
        c.text(x, r.y0 + 175, label, size=12, font="hebo", color=_WHITE, align="center")
    c.text(mid, r.y1 - 40, "Confidential - no appointment needed", size=12, align="center")


def _scene_map(c: _Canvas, r: pymupdf.Rect) -> None:
    c.rect(r, fill=(0.93, 0.9, 0.8))
    c.poly(
        [
            (r.x0, r.y0),
            (r.x0 + 90, r.y0),
            (r.x0 + 60, r.y0 + 120),
            (r.x0 + 110, r.y1),
            (r.x0, r.y1),
        ],
        fill=(0.6, 0.78, 0.9),
    )
    border_y = r.y0 + r.height * 0.3
    c.line((r.x0 + 80, border_y), (r.x1, border_y - 10), color=_MAROON, width=1.5, dashes="[6 3] 0")
    route = [
        (r.x1 - 40, r.y1 - 20),
        (r.x1 - 120, r.y1 - 70),
        (r.x0 + 300, r.y0 + 200),
        (r.x0 + 200, r.y0 + 150),
        (r.x0 + 140, border_y + 20),
    ]
    c.poly(route, color=(0.85, 0.25, 0.1), width=3, closed=False)
    for p in route:
        c.circle(p, 5, fill=_WHITE, color=(0.85, 0.25, 0.1), width=2)
    c.text(r.x0 + 158, border_y + 12, "Tijuana", size=11, font="hebo")
    c.text(r.x0 + 150, border_y - 16, "San Diego", size=11, font="hebo")
    c.text(r.x1 - 150, r.y1 - 30, "to the south", size=10, font="heit", color=_GREY)


_SCENES: dict[int, Callable[[_Canvas, pymupdf.Rect], None]] = {
    10: _scene_skyline,
    11: _scene_event,
    12: _scene_flyer,
    13: _scene_map,
}

_POSTS: dict[int, tuple[str, str, tuple[int, int, int]]] = {
    14: (
        "Spent the morning at the port of entry with families waiting for their turn to ask "
        "for asylum. Bring water, bring patience.",
        "Dec 4, 2018",
        (3, 12, 41),
    ),
    15: (
        "Reminder: our legal orientation sessions are free and open to anyone. The schedule "
        "for the holidays is on our website.",
        "Dec 10, 2018",
        (1, 27, 58),
    ),
    16: (
        "Long day. Grateful for the volunteers who translated, cooked and kept the kids "
        "entertained while their parents met with us.",
        "Dec 18, 2018",
        (6, 9, 73),
    ),
    17: (
        "Thank you to everyone who donated coats and blankets this month. Every single one "
        "went to a family that needed it.",
        "Dec 30, 2018",
        (4, 15, 88),
    ),
}


def _paint_post(exhibit: int) -> Callable[[_Canvas, float, float], None]:
    text, date, (replies, reposts, likes) = _POSTS[exhibit]

    def paint(c: _Canvas, w: float, h: float) -> None:
        c.rect((0, 0, w, h), fill=(0.94, 0.95, 0.97))
        c.rect((6, 6, w - 6, h - 6), fill=_WHITE, color=_MID, radius=0.03)
        c.circle((40, 40), 20, fill=_TEAL)
        c.text(40, 46, "R", size=18, font="hebo", color=_WHITE, align="center")
        c.text(70, 36, "Ms. Ramos (synthetic)", size=12, font="hebo")
        c.text(70, 52, f"@ramos_synthetic_demo  -  {date}", size=9.5, color=_GREY)
        for k, ln in enumerate(_wrap(text, "helv", 13.5, w - 94)):
            c.text(70, 84 + 19 * k, ln, size=13.5)
        y = h - 46
        for k, (label, n) in enumerate((("Reply", replies), ("Repost", reposts), ("Like", likes))):
            c.text(70 + 120 * k, y, f"{label}  {n}", size=9.5, color=_GREY)
        c.text(70, h - 18, f"Public post  -  {SYNTHETIC_MARK}", size=7, color=_GREY)

    return paint


def _image_pngs() -> dict[int, bytes]:
    """Exhibit number (2-17) -> PNG bytes of the embedded image."""
    pngs: dict[int, bytes] = {}
    for exhibit in range(2, 18):
        if exhibit in _RECORDS:
            pngs[exhibit] = _raster(640, 340, _paint_record(_RECORDS[exhibit]))
        elif exhibit == SHARED_IMAGE_EXHIBIT:
            pngs[exhibit] = _raster(640, 270, _paint_excerpt)
        elif exhibit in _SCENES:
            pngs[exhibit] = _raster(560, 500, _paint_social(exhibit))
        else:
            pngs[exhibit] = _raster(560, 220, _paint_post(exhibit))
    return pngs


def _image_page(doc: pymupdf.Document, png: bytes) -> None:
    """A US Letter page whose only content is ``png``, fitted at the top of the page."""
    width, height = _LETTER
    page = doc.new_page(width=width, height=height)
    box = pymupdf.Rect(72, 72, width - 72, height - 72 - BOTTOM_CLEARANCE)
    page.insert_image(box, stream=png, keep_proportion=True)


# --------------------------------------------------------------------------------------------
# Page furniture and document assembly


def _finish(doc: pymupdf.Document, title: str, author: str, date: str) -> bytes:
    doc.set_metadata(
        {
            "title": title,
            "author": author,
            "subject": SYNTHETIC_MARK,
            "creator": "clawback demo",
            "producer": "clawback demo",
            "creationDate": date,
            "modDate": date,
        }
    )
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data


def _letter_page(doc: pymupdf.Document) -> _Canvas:
    width, height = _LETTER
    page = doc.new_page(width=width, height=height)
    canvas = _Canvas(page)
    canvas.text(width - 54, 34, SYNTHETIC_MARK, size=6.5, color=_GREY, align="right")
    return canvas


# --------------------------------------------------------------------------------------------
# Ex. 1: the SENTRI revocation email

_EMAIL_IMAGES = (
    "lookout record (anti-terrorism database query result)",
    "inspection record, San Ysidro, vehicle secondary",
    "inspection record, San Ysidro, pedestrian",
    "field information report excerpt: individuals of interest",
    "inspection record, Otay Mesa, vehicle primary",
    "inspection record, San Ysidro, SENTRI lane",
    "inspection record, Otay Mesa, vehicle secondary",
    "inspection record, San Ysidro, pedestrian secondary",
    "public social media image (sunset)",
    "public social media image (legal orientation event)",
    "public social media image (flyer)",
    "public social media image (route map)",
    "public post, December 4",
    "public post, December 10",
    "public post, December 18",
    "public post, December 30",
)


def _email_header(flow: _Flow, pairs: Sequence[tuple[str, str]], *, size: float) -> None:
    flow.fields(pairs, size=size, label_width=78, after=4)
    flow.c.line((flow.left, flow.y), (flow.right, flow.y), color=_GREY, width=0.6)
    flow.space(12)


def _placeholder(f: _Flow, number: int) -> None:
    """Where an embedded image sat in the message: it is produced as its own document."""
    height = 30.0
    f._need(height + 6)
    f.c.rect((f.left, f.y, f.right, f.y + height), fill=_PALE, color=_MID, width=0.6)
    base = f.y + height / 2 + 3.5
    f.c.text(f.left + 10, base, f"[image{number:03d}.png]", size=10, font="cour")
    note = "embedded image - produced separately"
    f.c.text(f.right - 10, base, note, size=8.5, color=_GREY, align="right")
    f.y += height + 6


def _email_body(f: _Flow) -> None:
    f.line("Placeholder, A.", font="hebo", size=14)
    f.c.line((f.left, f.y + 2), (f.right, f.y + 2), width=2)
    f.space(12)
    _email_header(
        f,
        (
            ("From:", "Placeholder, A. (Supervisory Officer) <a.placeholder@agency.example>"),
            ("Sent:", "Thursday, January 10, 2019 9:14 AM"),
            (
                "To:",
                "Sample, B. (Program Manager, Trusted Traveler Programs) <b.sample@agency.example>",
            ),
            (
                "Cc:",
                "Fictitious, C. <c.fictitious@agency.example>; Vetting Review Desk "
                "<vetting.desk@agency.example>",
            ),
            ("Subject:", "SENTRI revocation - Ms. Ramos - records supporting the recommendation"),
            ("Importance:", "High"),
        ),
        size=10.5,
    )
    f.para("B.,")
    f.para(
        "As discussed on this morning's call, the vetting review of the SENTRI enrollment "
        "held by Ms. Ramos is complete and the desk recommends revocation. This message "
        "collects in one place the records the reviewing officers relied on, so that the "
        "program office can decide on the recommendation and prepare the notice to the "
        "enrollee. The records are pasted into the body of this message as screenshots "
        "(image001 through image016); a list is at the end."
    )
    f.para(
        "For the file: SENTRI membership is a privilege, not an entitlement, and the "
        "program's rules allow it to be removed when an enrollee no longer meets the "
        "low-risk criteria. The review was opened under the periodic re-vetting procedure "
        "after a new query result appeared for the enrollee. The officers then pulled the "
        "enrollee's recent crossing history, the associated inspection records and a "
        "limited set of publicly posted material."
    )
    f.para(
        "Nothing in this message is a finding of any violation of law. The recommendation "
        "rests on the program's discretionary risk criteria only, and the enrollee keeps "
        "every avenue of review the program offers, including a request for "
        "reconsideration through the Trusted Traveler Ombudsman."
    )
    f.para(
        "I have kept the summaries below short. Where a record speaks for itself I have "
        "only noted where it fits in the timeline. Please let me know if the program office "
        "needs the underlying system printouts rather than the screenshots; the desk can "
        "pull them, but it takes a few days to have them certified."
    )
    f.heading("1. Query result that opened the review")
    f.para(
        "The periodic re-vetting run of early January returned a lookout record associated "
        "with the enrollee (image001). The lookout was entered in the anti-terrorism "
        "database by another office and carries handling instructions for officers at the "
        "ports of entry. The desk did not create the lookout and has not changed it. The "
        "entering office has been told that the enrollment is under review."
    )
    _placeholder(f, 1)
    f.heading("2. Crossing history and inspection records")
    f.para(
        "The enrollee crossed at the San Ysidro and Otay Mesa ports of entry regularly "
        "during the review period, almost always in the dedicated SENTRI lanes. Six "
        "inspection records from that period are pasted below (image002, image003 and "
        "image005 through image008). In summary:"
    )
    f.bullets(
        (
            "image002 - referral to vehicle secondary at San Ysidro after a query result; "
            "vehicle examined; released; no seizure.",
            "image003 - pedestrian crossing at San Ysidro; the primary officer noted the "
            "lookout notice and referred the enrollee to secondary; released.",
            "image005 - vehicle crossing at Otay Mesa; documents verified at primary; "
            "admitted without referral.",
            "image006 - routine crossing in the SENTRI lane; included to show the regular "
            "crossing pattern.",
            "image007 - vehicle secondary at Otay Mesa; donated goods and printed flyers in "
            "the vehicle; nothing prohibited; released.",
            "image008 - pedestrian secondary at San Ysidro; short interview; released.",
        )
    )
    for number in (2, 3, 5, 6, 7, 8):
        _placeholder(f, number)
    f.para(
        "None of the inspections resulted in a seizure, a penalty or a finding of a "
        "violation. The records are attached because the program's criteria ask the "
        "reviewer to look at the enrollee's full crossing history and not only at the query "
        "result."
    )
    f.heading("3. Report excerpt")
    f.para(
        "image004 is an excerpt from a Border Patrol field information report listing "
        "individuals of interest in connection with the caravan activity reported in "
        "December. The excerpt is included because the office that entered the lookout "
        "cited it. The desk has not independently verified anything in the report, and the "
        "enrollee is not listed in the excerpt."
    )
    _placeholder(f, 4)
    f.heading("4. Publicly posted material")
    f.para(
        "The reviewing officer collected eight items of publicly posted material: four "
        "images (image009 through image012) and four short written posts (image013 through "
        "image016) from the enrollee's public social media accounts. All eight items were "
        "visible to anyone without logging in when they were captured. The desk did not "
        "use any covert account, and no request was sent to any platform."
    )
    f.para(
        "The written posts are short statements about the enrollee's work with asylum "
        "seekers at the border. They are pasted below as captured, without comment. The "
        "reviewing officer notes that the posts themselves do not describe any unlawful "
        "conduct."
    )
    for number in range(9, 17):
        _placeholder(f, number)
    f.heading("5. Recommendation")
    f.para(
        "On the record as a whole, the desk recommends that the program office revoke the "
        "enrollee's SENTRI membership under the discretionary low-risk criteria, and that "
        "the standard revocation notice be sent. The notice should not describe the lookout "
        "or the report excerpt; the standard language referring to the program's "
        "eligibility criteria is sufficient."
    )
    f.para(
        "If the program office does not agree with the recommendation, the desk asks that "
        "the file be returned with a short note so that the re-vetting entry can be closed."
    )
    f.heading("6. Next steps")
    f.bullets(
        (
            "Program office decision on the recommendation (requested by January 17).",
            "If revoked: standard notice to the enrollee and update of the enrollment status "
            "in the program system.",
            "Port of entry supervisors informed that the enrollee's SENTRI lane privileges "
            "end on the effective date.",
            "File copy to the vetting review desk and to the office that entered the lookout.",
        )
    )
    f.para("Thank you,", after=2)
    for ln in (
        "A. Placeholder",
        "Supervisory Officer, Vetting Review Desk (synthetic)",
        "Office (555) 010-0114  |  a.placeholder@agency.example",
    ):
        f.line(ln, size=10)
    f.space(8)
    f.para(
        "This message and its attachments may contain law enforcement sensitive "
        "information. Do not forward outside the agency without approval.",
        size=8.5,
        color=_GREY,
    )
    f.space(10)
    _email_header(
        f,
        (
            ("From:", "Sample, B. <b.sample@agency.example>"),
            ("Sent:", "Wednesday, January 9, 2019 4:51 PM"),
            ("To:", "Placeholder, A. <a.placeholder@agency.example>"),
            ("Subject:", "RE: SENTRI re-vetting - query result for enrollee"),
        ),
        size=10,
    )
    f.para("A.,")
    f.para(
        "Thanks for the heads-up on the call. Before we decide anything, please send me "
        "everything the desk looked at, in one message, with a short summary of each record. "
        "The program office must be able to explain the decision if the enrollee asks for "
        "reconsideration, so please keep the summaries factual."
    )
    f.para(
        "Please also confirm whether any of the material came from sources other than our "
        "own systems and public posts. If it did, flag it so that we can check what we are "
        "allowed to rely on."
    )
    f.para("B. Sample, Program Manager, Trusted Traveler Programs (synthetic)")
    f.space(10)
    _email_header(
        f,
        (
            ("From:", "Placeholder, A. <a.placeholder@agency.example>"),
            ("Sent:", "Wednesday, January 9, 2019 11:02 AM"),
            ("To:", "Sample, B. <b.sample@agency.example>"),
            ("Subject:", "SENTRI re-vetting - query result for enrollee"),
        ),
        size=10,
    )
    f.para("B.,")
    f.para(
        "The re-vetting run flagged a SENTRI enrollee this morning: a lookout record "
        "entered by another office. I will call you this afternoon with the details; I "
        "would rather not put them in email before we have looked at the full crossing "
        "history."
    )
    f.para("A.")
    f._need(14 + 1.3 * 11 * (len(_EMAIL_IMAGES) + 2))  # the list stays in one piece
    f.c.line((f.left, f.y), (f.right, f.y), color=_GREY, width=0.6)
    f.space(8)
    f.heading(f"Embedded images ({len(_EMAIL_IMAGES)})", size=11)
    for k, what in enumerate(_EMAIL_IMAGES, start=1):
        f._need(f.size * f.lead)
        f.c.text(f.left + 12, f.y + 10, f"image{k:03d}.png", size=10, font="cour")
        f.line(what, size=10, indent=112)


def _make_email(title: str) -> bytes:
    doc = pymupdf.open()
    width, height = _LETTER

    def next_page() -> _Canvas:
        return _letter_page(doc)

    flow = _Flow(
        next_page(),
        left=72,
        right=width - 72,
        top=60,
        bottom=height - _BODY_BOTTOM,
        size=11.5,
        next_page=next_page,
    )
    _email_body(flow)
    flow.c.commit()
    if doc.page_count != EXHIBIT_PAGES[1]:
        raise RuntimeError(f"the email came out at {doc.page_count} pages")
    return _finish(doc, title, "A. Placeholder (synthetic)", "D:20190110091400-08'00'")


# --------------------------------------------------------------------------------------------
# Ex. 18: the field information report

_FIR_MARK = "UNCLASSIFIED // LAW ENFORCEMENT SENSITIVE"


def _fir_pages(code: str, gaps: Sequence[str], title: str) -> list[Callable[[_Flow], None]]:
    def cover(f: _Flow) -> None:
        f.space(6)
        f.line("U.S. BORDER PATROL (SYNTHETIC)", font="tibo", size=12, color=_GREY)
        f.line("FIELD INFORMATION REPORT", font="tibo", size=22)
        f.space(4)
        f.para(title, font="tiit", size=12, after=10)
        f.fields(
            (
                ("Report date:", "12/21/2018"),
                ("Originating office:", "Example Station Intelligence Unit, Synthetic Sector"),
                ("Prepared by:", "Border Patrol Agent (Intelligence) F. Example"),
                ("Reviewed by:", "Supervisory Border Patrol Agent G. Demo"),
                ("Classification:", _FIR_MARK),
                ("Distribution:", "See Coordination and Dissemination"),
            ),
            after=8,
        )
        f.heading("Handling Notice")
        f.para(
            "This report contains unclassified information that is law enforcement sensitive. "
            "It is provided for official use by the recipients listed at the end of the report "
            "and must not be released to the public, the media or personnel without a valid "
            "need to know without the prior approval of the originating office."
        )
        f.heading("Summary")
        f.para(
            "Between December 2 and December 19, 2018, agents and partner offices reported the "
            "arrival in the Tijuana area of several groups of migrants traveling together from "
            "Central America (the caravan). This report collects field reporting on the "
            "caravan's size, movement and shelter use, and information from two sources "
            "suggesting that a small number of travelers may have entered into marriages of "
            "convenience to support future immigration benefit applications. The marriage "
            "fraud reporting is unconfirmed."
        )

    def key_points(f: _Flow) -> None:
        f.heading("Key Points")
        f.bullets(
            (
                "Shelter operators reported a combined population of roughly 5,800 caravan "
                "members in the Tijuana area at the peak on December 12, falling to about "
                "3,900 by December 19.",
                "Most caravan members stated an intention to present themselves at a port of "
                "entry and ask for asylum; a smaller number stated an intention to cross "
                "between the ports.",
                "Two sources separately reported that organizers offered to arrange marriages "
                "between caravan members and U.S. citizens or residents for a fee.",
                "No marriage described by the sources has been confirmed, and no benefit "
                "application linked to the reporting has been identified.",
                "Wait lists kept by shelter volunteers continue to shape the order in which "
                "people approach the San Ysidro port of entry.",
                "The reporting has gaps, listed on the Administrative Data page; collection "
                "requirements follow it.",
            )
        )
        f.heading("Scope and Sources")
        f.para(
            "This report covers field reporting received between December 2 and December 19, "
            "2018 by the originating office. It draws on agent observations, interviews at the "
            "ports of entry, information shared by partner offices, and five human sources "
            "described in the Source Descriptions section. Open-source material was used only "
            "for context and is identified as such where it appears."
        )
        f.para(
            "Assessments in this report are those of the originating office. They are based on "
            "the information available at the time of writing and may change as the reporting "
            "is confirmed or corrected."
        )

    def background(f: _Flow) -> None:
        f.heading("Background")
        f.para(
            "Groups of migrants traveling together from Central America toward the United "
            "States have been reported several times since early 2018. Traveling in large "
            "groups offers protection on the route and reduces the cost of smugglers. The "
            "groups covered by this report left Honduras and Guatemala in October and November "
            "2018 and reached the Tijuana area in several waves from mid-November."
        )
        f.para(
            "Local authorities and volunteer organizations opened temporary shelters as the "
            "groups arrived. The largest shelter, a sports complex referred to in this report "
            "as Shelter A, reached several times its planned capacity in early December before "
            "the population was moved to a larger site further from the border."
        )
        f.para(
            "Since the arrival of the first groups, the number of people waiting to present "
            "themselves at the San Ysidro port of entry has grown. The wait list kept by "
            "volunteers is the main way people learn when they may approach the port. Agents "
            "have heard repeated complaints that places on the list are being sold."
        )
        f.para(
            "In the same period, two sources described offers, made by individuals associated "
            "with the groups, to arrange marriages with U.S. citizens or residents in exchange "
            "for payment. The sources' reporting is described in its own section below. The "
            "originating office has not been able to confirm it."
        )

    def timeline(f: _Flow) -> None:
        f.heading("Timeline of Reported Events")
        f.table(
            ("Date", "Location", "Event", "Reporting"),
            (
                ("11/14/2018", "Tijuana", "First caravan group arrives, about 350 people", "Agent"),
                ("11/18/2018", "Tijuana", "Shelter A opens at a sports complex", "Open source"),
                ("11/25/2018", "San Ysidro", "Port lanes closed for several hours", "Agent"),
                ("12/02/2018", "Shelter A", "Population reported above 5,000", "S-3"),
                ("12/04/2018", "Tijuana", "Source S-1 first reports marriage offers", "S-1"),
                ("12/06/2018", "Tijuana", "Wait list passes 3,000 names", "Partner office"),
                ("12/09/2018", "Shelter B", "Relocation to a larger site begins", "Open source"),
                ("12/11/2018", "Tijuana", "Source S-2 describes fees for list places", "S-2"),
                ("12/12/2018", "Tijuana area", "Peak shelter population, about 5,800", "S-3"),
                ("12/14/2018", "Tijuana", "S-1 names a possible marriage broker", "S-1"),
                ("12/17/2018", "Shelter B", "Reported departures toward other cities", "S-4"),
                ("12/19/2018", "Tijuana area", "Shelter population about 3,900", "S-3, S-4"),
            ),
            (1.1, 1.2, 3.4, 1.1),
            size=10,
        )
        f.para(
            "Dates are those of the reported event, not of the report. Where two sources "
            "disagree about a date, the earlier one is shown."
        )

    def shelters(f: _Flow) -> None:
        f.heading("Caravan Size and Shelter Use")
        f.para(
            "Shelter operators publish rough counts that vary by the hour. The figures below "
            "are the counts reported to agents on three dates and should be read as orders of "
            "magnitude only."
        )
        f.table(
            ("Shelter", "Planned capacity", "12/05", "12/12", "12/19"),
            (
                ("Shelter A (sports complex)", "3,000", "5,200", "1,100", "closed"),
                ("Shelter B (event hall)", "4,000", "-", "3,400", "2,600"),
                ("Shelter C (church)", "250", "240", "260", "210"),
                ("Shelter D (community center)", "150", "160", "170", "150"),
                ("Shelter E (private house)", "60", "55", "80", "70"),
                ("Other sites (combined)", "-", "700", "790", "870"),
                ("Total (approximate)", "-", "6,355", "5,800", "3,900"),
            ),
            (2.6, 1.3, 0.9, 0.9, 0.9),
            size=10,
        )
        f.para(
            "The drop after December 12 reflects people leaving for other border cities, "
            "people crossing between the ports, and people returning home. The sources could "
            "not give a breakdown."
        )
        f.para(
            "Shelter C and Shelter D are run by volunteer organizations that also offer legal "
            "orientation sessions. Agents have no reporting of any link between those "
            "organizations and the marriage offers described in this report."
        )

    def fraud(f: _Flow) -> None:
        f.heading("Possible Marriage Fraud: Reported Indicators")
        f.para(
            "Sources S-1 and S-5 separately described offers to arrange marriages between "
            "caravan members and U.S. citizens or lawful permanent residents. According to the "
            "sources, the offers were made in person at or near Shelter A and Shelter B. The "
            "indicators reported were:"
        )
        f.bullets(
            (
                "a fee quoted between 1,500 and 4,000 U.S. dollars, paid in installments;",
                "civil ceremonies arranged in Tijuana within days of the first contact;",
                "spouses who had not met before the ceremony and did not share a language;",
                "the same witnesses appearing at several ceremonies;",
                "promises that the marriage would allow the migrant to cross at once;",
                "documents kept by the organizer rather than by the spouses;",
                "instructions on what to say in an interview at the port of entry.",
            )
        )
        f.para(
            "A marriage does not by itself allow anyone to enter the United States, and the "
            "promises described above are false. The originating office assesses that, if the "
            "reporting is accurate, the offers are more likely a scheme to take money from "
            "migrants than an organized effort to obtain immigration benefits."
        )

    def sources(f: _Flow) -> None:
        f.heading("Source Descriptions")
        f.table(
            ("Source", "Type", "Access", "Reliability", "Reporting in this report"),
            (
                ("S-1", "Walk-in", "Direct", "Not yet established", "Marriage offers; broker"),
                ("S-2", "Established", "Direct", "Usually reliable", "Wait list; organizers"),
                ("S-3", "Partner office", "Indirect", "Reliable", "Shelter counts"),
                ("S-4", "Established", "Direct", "Fairly reliable", "Departures; transport"),
                ("S-5", "Walk-in", "Indirect", "Not yet established", "Marriage offers"),
            ),
            (0.8, 1.3, 1.0, 1.7, 2.6),
            size=10,
        )
        f.para(
            "Reliability reflects the originating office's experience with each source. It is "
            "not an assessment of any single piece of reporting. Reporting from sources whose "
            "reliability is not yet established is included for awareness and must be "
            "confirmed before it is acted on."
        )
        f.para(
            "Source identities are held by the originating office and are not recorded in this "
            "report. Questions about a source should be sent to the office through the contact "
            "listed in Coordination and Dissemination."
        )

    def ports(f: _Flow) -> None:
        f.heading("Port of Entry Processing Observations")
        f.para(
            "Agents assigned to the port liaison role observed the approach to the San Ysidro "
            "port of entry on eleven days during the reporting period. On each day, a small "
            "number of people from the wait list were escorted to the limit line in the "
            "morning, in the order of the list."
        )
        f.para(
            "People waiting on the Mexican side described the wait list as the only way to be "
            "seen. Several said they had been told by others in the shelters that the list "
            "could be skipped for a payment, but none said they had paid. Agents did not "
            "observe any payment."
        )
        f.para(
            "Three people interviewed at the port said that they had been approached about "
            "marrying a U.S. citizen. Two of them said they had refused. The third said she "
            "had paid a deposit and then lost contact with the person who took it."
        )
        f.para(
            "Agents noted attorneys and volunteers from several organizations at the port on "
            "most days, giving general information about the asylum process. Their presence is "
            "noted for completeness; no reporting links them to the activity described in "
            "this report."
        )

    def documents(f: _Flow) -> None:
        f.heading("Documents Observed")
        f.para(
            "During interviews and at the shelters, agents were shown the following kinds of "
            "documents. Counts are of documents seen, not of people."
        )
        f.table(
            ("Document", "Count", "Issued by", "Notes"),
            (
                ("National identity card", "41", "Honduras", "All appeared genuine"),
                ("National identity card", "17", "Guatemala", "Two damaged"),
                ("Humanitarian visa", "23", "Mexico", "Issued at the southern border"),
                ("Marriage certificate", "3", "Mexico (civil registry)", "See fraud section"),
                ("Birth certificate", "29", "Various", "Mostly copies"),
                ("Wait list ticket", "36", "Volunteer list", "Handwritten numbers"),
            ),
            (2.0, 0.7, 1.8, 2.3),
            size=10,
        )
        f.para(
            "The three marriage certificates were issued by the same civil registry office "
            "within one week and name the same two witnesses. The certificates themselves "
            "appeared genuine."
        )

    def individuals(f: _Flow) -> None:
        f.heading("Individuals of Interest")
        f.para(
            "Persons named in source reporting on the caravan and on the possible marriage "
            "fraud activity. Roles are as reported and are not confirmed unless stated."
        )
        f.table(_INDIVIDUALS_HEADER, _INDIVIDUALS, _INDIVIDUALS_WIDTHS, size=9.5)
        f.para(
            "Inclusion in this table does not mean that a person has committed any offense. "
            "The table is provided so that recipients can match future reporting to the "
            "persons already named."
        )
        f.para(
            "No. 3 is the person S-1 described as arranging the ceremonies. Nos. 4 and 6 are "
            "reported spouses in two of the three marriages whose certificates agents saw."
        )

    def vehicles(f: _Flow) -> None:
        f.heading("Associated Vehicles and Addresses")
        f.table(
            ("Item", "Description", "Associated with", "Reporting"),
            (
                ("Vehicle 1", "White passenger van, Baja California plates", "No. 5", "S-4"),
                ("Vehicle 2", "Grey pickup truck, no plates seen", "No. 1", "S-2"),
                ("Vehicle 3", "Blue sedan, Sinaloa plates", "No. 3", "S-1"),
                ("Address 1", "Apartment near Shelter B (street withheld)", "No. 3", "S-1, S-5"),
                ("Address 2", "Civil registry office, central Tijuana", "Ceremonies", "Agent"),
            ),
            (0.9, 3.0, 1.3, 1.0),
            size=10,
        )
        f.para(
            "Vehicle 1 was seen by agents carrying passengers from Shelter B toward the "
            "eastern part of the city on December 17. Nothing further is known about its use."
        )
        f.para(
            "Addresses are described, not listed, in this report. The full addresses are "
            "available from the originating office on request."
        )

    def comments(f: _Flow) -> None:
        f.heading("Analyst Comments")
        f.para(
            "The caravan reporting is consistent across sources and with what agents observed "
            "directly. The originating office has high confidence in the general picture of "
            "the caravan's size and movement, and moderate confidence in the shelter counts."
        )
        f.para(
            "The marriage fraud reporting rests on two sources whose reliability is not yet "
            "established, on one interview, and on three certificates that appear genuine. "
            "The office has low confidence that an organized marriage fraud scheme exists. It "
            "is at least as likely that the reported offers are a way to take money from "
            "migrants with a false promise."
        )
        f.para(
            "If the scheme exists, its effect on immigration benefit applications would appear "
            "months from now, when spouses file petitions. The office recommends a short "
            "notice to the benefits adjudication partners so that the indicators can be "
            "recognized."
        )
        f.para(
            "The office will update this report if the gaps identified on the next page are "
            "closed or if new reporting changes the assessment."
        )

    def admin(f: _Flow) -> None:
        f.heading("Administrative Data")
        f.line(f"{FIR_CODE_LABEL} {code}", fit=True)
        for row in (
            "Report type: Field Information Report (FIR)",
            "Collection period: 12/02/2018 to 12/19/2018",
            "Originator: Example Station Intelligence Unit",
            "Approved by: Supervisory Border Patrol Agent G. Demo",
        ):
            f.line(row)
        f.space(6)
        f.heading(FIR_GAPS_HEADING)
        f.para(
            "The following individuals were named in source reporting, but the originating "
            "office could not confirm their identity, their travel history or their connection "
            "to the activity described in this report:"
        )
        for name in gaps:
            f.line(name, indent=24, fit=True)
        f.space(6)
        f.para(
            "Collection against these gaps is requested in the next section. Until the "
            "reporting about them is confirmed, it should not be the basis of any action."
        )
        f.heading("Confidence Assessment")
        f.para(
            "High confidence: caravan size and movement. Moderate confidence: shelter counts "
            "and wait list practices. Low confidence: existence of an organized marriage fraud "
            "scheme and the roles of the individuals named in connection with it."
        )

    def collection(f: _Flow) -> None:
        f.heading("Collection Requirements")
        f.bullets(
            (
                "Confirm the identity and current location of each person listed under "
                "Information Gaps.",
                "Identify the civil registry office entries for the three marriages and any "
                "further marriages with the same witnesses.",
                "Establish whether payments for wait list places are taking place and who "
                "receives them.",
                "Obtain current shelter counts weekly from the partner office.",
                "Report any immigration benefit filing that names a person in the Individuals "
                "of Interest table.",
                "Assess the reliability of sources S-1 and S-5 against independent reporting.",
            )
        )
        f.heading("Recommended Actions")
        f.bullets(
            (
                "Share the fraud indicators with benefits adjudication partners.",
                "Brief port of entry supervisors on the wait list reporting.",
                "Keep this report under review for 90 days.",
                "Do not contact any named individual on the basis of this report alone.",
            )
        )

    def dissemination(f: _Flow) -> None:
        f.heading("Coordination and Dissemination")
        f.table(
            ("Recipient", "Purpose", "Date sent"),
            (
                ("Sector Intelligence Unit", "Awareness; collection", "12/21/2018"),
                ("Field office, ports of entry", "Port processing awareness", "12/21/2018"),
                ("Benefits adjudication partner", "Fraud indicators only", "12/26/2018"),
                ("Regional fusion center", "Awareness", "12/26/2018"),
                ("Headquarters intelligence staff", "Awareness", "12/21/2018"),
            ),
            (2.6, 2.6, 1.2),
            size=10,
        )
        f.para(
            "Further dissemination requires the approval of the originating office. Recipients "
            "may share this report within their own offices with personnel who have a need to "
            "know."
        )
        f.heading("Point of Contact")
        f.para(
            "Example Station Intelligence Unit, duty analyst, (555) 010-0187. Questions about "
            "sources must be raised by telephone, not in writing."
        )

    def glossary(f: _Flow) -> None:
        f.heading("Appendix A: Terms Used in This Report")
        f.fields(
            (
                (
                    "Caravan:",
                    "Groups of migrants traveling together, as described in the "
                    "Background section.",
                ),
                (
                    "Limit line:",
                    "The point at the port of entry where a person reaches U.S. officers.",
                ),
                (
                    "Wait list:",
                    "The list kept by volunteers of people waiting to approach the port of entry.",
                ),
                (
                    "Shelter A-E:",
                    "Temporary shelters in the Tijuana area, named by letter in this report.",
                ),
                ("S-1 to S-5:", "Sources, described in the Source Descriptions section."),
                (
                    "Partner office:",
                    "Another government office that shared information for this report.",
                ),
                ("Open source:", "Publicly available material such as news reports."),
                ("Reliable:", "A source whose reporting has consistently been confirmed."),
                ("Not yet established:", "A source too new to be graded."),
                ("High confidence:", "Well-corroborated information from several sources."),
                ("Low confidence:", "Information that is uncorroborated or fragmentary."),
            ),
            label_width=130,
        )

    def handling(f: _Flow) -> None:
        f.heading("Appendix B: Handling and Retention")
        f.para(
            "This report is unclassified. It is marked law enforcement sensitive because it "
            "describes sources, methods and persons who have not been charged with any offense. "
            "It may be stored on unclassified government systems."
        )
        f.para(
            "Recipients must not forward this report outside their offices, post it to shared "
            "sites, or quote it in public documents. Requests to use any part of it in a legal "
            "proceeding must be referred to the originating office."
        )
        f.para(
            "The report will be reviewed 90 days after its date and either updated, retained "
            "as is, or marked for disposal under the applicable records schedule."
        )
        f.space(20)
        f.line("END OF REPORT", font="tibo", size=12)

    return [
        cover,
        key_points,
        background,
        timeline,
        shelters,
        fraud,
        sources,
        ports,
        documents,
        individuals,
        vehicles,
        comments,
        admin,
        collection,
        dissemination,
        glossary,
        handling,
    ]


def _make_fir(code: str, gaps: Sequence[str], title: str) -> bytes:
    doc = pymupdf.open()
    width, height = _LETTER
    pages = _fir_pages(code, gaps, title)
    for number, fill in enumerate(pages, start=1):
        canvas = _letter_page(doc)
        canvas.text(width / 2, 52, _FIR_MARK, size=9, font="tibo", align="center")
        canvas.text(72, 52, "Field Information Report", size=8, font="tiit", color=_GREY)
        canvas.line((72, 60), (width - 72, 60), color=_GREY, width=0.5)
        footer = height - _FOOTER_BASELINE
        canvas.line((72, footer - 12), (width - 72, footer - 12), color=_GREY, width=0.5)
        canvas.text(width / 2, footer, _FIR_MARK, size=9, font="tibo", align="center")
        canvas.text(
            width - 72, footer, f"Page {number} of {len(pages)}", size=9, font="tiro", align="right"
        )
        flow = _Flow(
            canvas,
            left=72,
            right=width - 72,
            top=74,
            bottom=height - _BODY_BOTTOM - 6,
            font="tiro",
            bold="tibo",
            size=12,
            lead=1.4,
        )
        fill(flow)
        canvas.commit()
    return _finish(
        doc, title, "Example Station Intelligence Unit (synthetic)", "D:20181221163000-08'00'"
    )


# --------------------------------------------------------------------------------------------
# Ex. 19: the PowerPoint briefing


def _bar_chart(
    c: _Canvas, box: pymupdf.Rect, labels: Sequence[str], values: Sequence[int], color: Color
) -> None:
    top = max(values)
    step = 10 ** (len(str(top)) - 1)
    scale_max = (top // step + 1) * step
    c.line((box.x0, box.y1), (box.x1, box.y1), color=_GREY, width=0.8)
    for k in range(5):
        v = scale_max * k / 4
        y = box.y1 - box.height * k / 4
        if k:
            c.line((box.x0, y), (box.x1, y), color=_LIGHT, width=0.5)
        c.text(box.x0 - 6, y + 3, f"{v:,.0f}", size=9, color=_GREY, align="right")
    slot = box.width / len(values)
    for k, (label, v) in enumerate(zip(labels, values, strict=True)):
        x0 = box.x0 + k * slot + slot * 0.18
        x1 = x0 + slot * 0.64
        y = box.y1 - box.height * v / scale_max
        c.rect((x0, y, x1, box.y1), fill=color)
        c.text((x0 + x1) / 2, y - 4, f"{v:,}", size=8.5, align="center")
        c.text((x0 + x1) / 2, box.y1 + 13, label, size=9, color=_GREY, align="center")


def _ppt_slides(
    codes: Sequence[str], other: str, shared_png: bytes
) -> list[tuple[str, Callable[[_Flow], None]]]:
    def title_slide(f: _Flow) -> None:  # drawn by _make_briefing's title layout
        del f

    def agenda(f: _Flow) -> None:
        f.bullets(
            (
                "Bottom line up front",
                "Situation overview",
                "Ports of entry: queue management and throughput",
                "Caravan arrivals and shelter capacity",
                "Staffing and resources; coordination with partners",
                "Intelligence summary and subjects of interest",
                "Risks, communications and decisions requested",
            ),
            spacing=0.6,
        )

    def bluf(f: _Flow) -> None:
        f.bullets(
            (
                "Arrivals in the Tijuana area peaked around December 12 and are now declining.",
                "Port of entry queues remain long; daily processing is limited by holding "
                "capacity, not by officer numbers.",
                "Unconfirmed reporting of marriage fraud offers near the shelters; field "
                "information report issued December 21.",
                "No change to port operations recommended before January 2; two decisions "
                "requested today (slide 18).",
            ),
            spacing=0.7,
        )

    def situation(f: _Flow) -> None:
        f.bullets(
            (
                "About 3,900 caravan members remain in shelters in the Tijuana area (from about "
                "5,800 at the peak).",
                "Wait list kept by volunteers: about 3,400 names; 40 to 100 people called each "
                "day.",
                ("Complaints that list places are being sold; not confirmed.", 1),
                "Crossings between ports of entry up in the San Diego area since December 1.",
                "Weather: cold nights; shelter conditions deteriorating at two sites.",
                "Partner governments report no new large group forming in the south.",
            ),
            spacing=0.6,
        )

    def queues(f: _Flow) -> None:
        f.bullets(
            (
                "Processing at San Ysidro set by holding capacity at the port.",
                "Metering continues at the limit line; volunteers call names from the list.",
            ),
            spacing=0.5,
        )
        f.table(
            ("Port of entry", "Holding capacity", "Avg. daily processed", "Avg. wait (days)"),
            (
                ("San Ysidro", "300", "64", "38"),
                ("Otay Mesa", "120", "22", "41"),
                ("Calexico", "90", "15", "27"),
                ("Tecate", "30", "4", "19"),
            ),
            (2, 1.4, 1.6, 1.4),
            size=15,
            header_fill=_NAVY,
            header_color=_WHITE,
        )
        f.para(
            "All figures invented for the demonstration; averages over Dec 10-23.",
            size=10,
            color=_GREY,
        )

    def encounters(f: _Flow) -> None:
        days = [f"12/{d}" for d in range(10, 24)]
        values = [412, 455, 498, 530, 487, 390, 366, 441, 472, 458, 430, 401, 377, 352]
        box = pymupdf.Rect(f.left + 50, f.y + 20, f.right - 10, f.bottom - 30)
        _bar_chart(f.c, box, days, values, _BLUE)
        f.c.text(
            f.left + 50,
            f.y + 6,
            "Encounters per day, San Diego area (invented figures)",
            size=11,
            font="hebo",
            color=_GREY,
        )
        f.y = f.bottom

    def arrivals(f: _Flow) -> None:
        f.table(
            ("Date", "Group", "Size (approx.)", "Arrived at", "Notes"),
            (
                ("Nov 14", "1", "350", "Tijuana", "Advance group"),
                ("Nov 18-22", "2", "2,500", "Tijuana", "Main group"),
                ("Nov 25-30", "3", "1,900", "Tijuana / Mexicali", "Split on arrival"),
                ("Dec 2-9", "4", "900", "Tijuana", "Smaller groups"),
                ("Dec 10-19", "-", "150", "Various", "Stragglers"),
            ),
            (1.2, 0.8, 1.3, 1.8, 2.0),
            size=15,
            header_fill=_NAVY,
            header_color=_WHITE,
        )
        f.bullets(
            (
                "No large group reported on the route since December 9.",
                "Arrivals expected to stay low through the holidays.",
            ),
            size=14,
        )

    def shelters(f: _Flow) -> None:
        f.table(
            ("Site", "Planned capacity", "Population Dec 12", "Population Dec 19", "Status"),
            (
                ("Shelter A", "3,000", "1,100", "closed", "Closed Dec 15"),
                ("Shelter B", "4,000", "3,400", "2,600", "Open"),
                ("Shelters C-E", "460", "510", "430", "Open; at capacity"),
                ("Other sites", "-", "790", "870", "Informal"),
            ),
            (1.4, 1.3, 1.4, 1.4, 1.6),
            size=15,
            header_fill=_NAVY,
            header_color=_WHITE,
        )
        f.bullets(
            ("Source: field information report of December 21 (shelter operators' counts).",),
            size=13,
        )

    def staffing(f: _Flow) -> None:
        f.bullets(
            (
                "Officers on temporary duty at San Diego ports: 180 (through January 15).",
                "Border Patrol agents reassigned to port support: 60.",
                "Additional holding space at San Ysidro: design complete, not funded.",
                ("Request to extend temporary duty past January 15 pending.", 1),
                "Overtime use December 1-23: 118 percent of the monthly plan.",
            ),
            spacing=0.7,
        )

    def throughput(f: _Flow) -> None:
        ports = ["San Ysidro", "Otay Mesa", "Calexico", "Tecate", "Andrade"]
        values = [64, 22, 15, 4, 3]
        box = pymupdf.Rect(f.left + 50, f.y + 20, f.right - 10, f.bottom - 30)
        _bar_chart(f.c, box, ports, values, _TEAL)
        f.c.text(
            f.left + 50,
            f.y + 6,
            "Average asylum seekers processed per day, Dec 10-23 (invented figures)",
            size=11,
            font="hebo",
            color=_GREY,
        )
        f.y = f.bottom

    def partners(f: _Flow) -> None:
        f.bullets(
            (
                "Daily call with the Mexican port authorities on limit line operations.",
                "Weekly exchange of shelter counts with the partner office.",
                "Benefits adjudication partner briefed on reported fraud indicators.",
                "City and county emergency services informed of release numbers.",
                "Non-governmental organizations: information shared through public affairs only.",
            ),
            spacing=0.7,
        )

    def intelligence(f: _Flow) -> None:
        f.bullets(
            (
                "Field information report issued December 21: caravan and possible marriage "
                "fraud (unclassified, law enforcement sensitive).",
                "Two sources describe paid offers to arrange marriages with U.S. citizens.",
                ("Low confidence that an organized scheme exists.", 1),
                ("More likely a way to take money from migrants with a false promise.", 1),
                "Complaints of paid wait list places continue; no payment observed.",
                "Subjects of interest named in the report: handling on the next slide.",
            ),
            spacing=0.6,
        )

    def handling(f: _Flow) -> None:
        f.para(
            "Records created in the enforcement database for the subjects of interest:",
            size=19,
            after=6,
        )
        for code in codes:
            f.line(f"{PPT_CODE_LABEL} {code}", size=21, indent=30, fit=True)
        f.space(16)
        f.line("Action on encounter at a port of entry:", size=19)
        f.line(other, size=21, indent=30, fit=True)
        f.space(16)
        f.para("Records to be reviewed at the end of the operational period (January 31).", size=19)
        f.para("Do not contact any subject on the basis of the report alone.", size=19)

    def excerpt(f: _Flow) -> None:
        box = pymupdf.Rect(f.left, f.y, f.right, f.bottom)
        f.c.page.insert_image(box, stream=shared_png, keep_proportion=True)
        f.y = f.bottom

    def risks(f: _Flow) -> None:
        f.table(
            ("Risk", "Likelihood", "Impact", "Mitigation"),
            (
                (
                    "Large group approaches the port at once",
                    "Low",
                    "High",
                    "Contingency plan; lane closure authority delegated",
                ),
                (
                    "Shelter conditions cause a health emergency",
                    "Medium",
                    "High",
                    "Coordination with city and county services",
                ),
                (
                    "Holding capacity exceeded",
                    "Medium",
                    "Medium",
                    "Transfers to other ports; metering",
                ),
                (
                    "Fraud offers lead to false claims at the port",
                    "Low",
                    "Low",
                    "Indicators briefed to officers",
                ),
            ),
            (2.6, 1.0, 0.9, 2.8),
            size=14,
            header_fill=_NAVY,
            header_color=_WHITE,
        )

    def communications(f: _Flow) -> None:
        f.bullets(
            (
                "Public affairs guidance updated December 20: metering, holding capacity, "
                "wait times.",
                "Media interest high; daily press queries at San Ysidro.",
                "Do not discuss the field information report or any subject of interest.",
                "Congressional staff visit planned for January 4.",
            ),
            spacing=0.7,
        )

    def next72(f: _Flow) -> None:
        f.bullets(
            (
                "December 29-31: holiday staffing plan in effect at all San Diego ports.",
                "December 31: expected surge in ordinary crossings; SENTRI lanes open.",
                "January 1: reduced operations at Tecate and Andrade.",
                "Weekly shelter counts due from the partner office on December 31.",
            ),
            spacing=0.7,
        )

    def decisions(f: _Flow) -> None:
        f.bullets(
            (
                "Extend temporary duty of 180 officers to February 15.",
                ("Recommended: approve.", 1),
                "Fund design-stage holding space expansion at San Ysidro.",
                ("Recommended: approve for planning only.", 1),
                "No change to metering at the limit line before January 2.",
                ("For information.", 1),
            ),
            spacing=0.6,
        )

    def questions(f: _Flow) -> None:
        f.space(30)
        f.line("Questions?", font="hebo", size=30, color=_NAVY)
        f.space(20)
        f.fields(
            (
                ("Operations:", "Field operations staff, (555) 010-0142"),
                ("Intelligence:", "Sector intelligence unit, (555) 010-0187"),
                ("Public affairs:", "Regional public affairs, (555) 010-0133"),
            ),
            size=18,
        )

    return [
        ("Border Operations Update", title_slide),
        ("Agenda", agenda),
        ("Bottom Line Up Front", bluf),
        ("Situation Overview", situation),
        ("Queue Management at the Ports of Entry", queues),
        ("Daily Encounters, December 10-23", encounters),
        ("Caravan Arrivals", arrivals),
        ("Shelter Capacity, Tijuana Area", shelters),
        ("Staffing and Resources", staffing),
        ("Processing Throughput by Port", throughput),
        ("Coordination with Partners", partners),
        ("Intelligence Summary", intelligence),
        ("Subjects of Interest: Record Handling", handling),
        ("Individuals of Interest (Field Information Report Excerpt)", excerpt),
        ("Risk Assessment", risks),
        ("Public Affairs and Communications", communications),
        ("Next 72 Hours", next72),
        ("Decisions Requested", decisions),
        ("Questions and Points of Contact", questions),
    ]


_PPT_MARK = "UNCLASSIFIED // FOR OFFICIAL USE ONLY"


def _make_briefing(codes: Sequence[str], other: str, shared_png: bytes, title: str) -> bytes:
    doc = pymupdf.open()
    width, height = _SLIDE
    slides = _ppt_slides(codes, other, shared_png)
    footer = height - _FOOTER_BASELINE
    for number, (heading, fill) in enumerate(slides, start=1):
        page = doc.new_page(width=width, height=height)
        c = _Canvas(page)
        c.line((40, footer - 14), (width - 40, footer - 14), color=_MID, width=0.6)
        c.text(40, footer, "Border Operations Update  |  Late December 2018", size=9, color=_GREY)
        c.text(width / 2, footer, SYNTHETIC_MARK, size=7, color=_GREY, align="center")
        c.text(width - 40, footer, str(number), size=10, color=_GREY, align="right")
        if number == 1:
            c.rect((0, 0, width, 300), fill=_NAVY)
            c.rect((0, 300, width, 306), fill=(0.85, 0.65, 0.15))
            c.text(width / 2, 30, _PPT_MARK, size=10, font="hebo", color=_WHITE, align="center")
            c.text(60, 190, heading, size=40, font="hebo", color=_WHITE)
            c.text(
                60, 240, "Briefing for CBP Leadership  -  Late December 2018", size=20, color=_WHITE
            )
            c.text(
                60, 360, "Prepared by Field Operations and Sector Intelligence (synthetic)", size=15
            )
            c.text(60, 388, "December 28, 2018", size=15, color=_GREY)
            c.text(60, 430, SYNTHETIC_MARK + ": all content is invented.", size=11, color=_GREY)
        else:
            c.rect((0, 0, width, 74), fill=_NAVY)
            c.text(width / 2, 14, _PPT_MARK, size=7.5, font="hebo", color=_WHITE, align="center")
            size = _fit(heading, "hebo", 26, width - 80)
            c.text(40, 56, heading, size=size, font="hebo", color=_WHITE)
            flow = _Flow(
                c, left=60, right=width - 60, top=100, bottom=height - _BODY_BOTTOM - 8, size=21
            )
            fill(flow)
        c.commit()
    return _finish(doc, title, "Field Operations (synthetic)", "D:20181228080000-08'00'")


# --------------------------------------------------------------------------------------------
# Entry point


def _title(titles: Mapping[Any, Any], exhibit: int) -> str:
    value = titles.get(exhibit, titles.get(str(exhibit)))
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"content['titles'] has no title for exhibit {exhibit}")
    return value


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        raise ValueError(f"content[{what!r}] must be a non-empty single-line string")
    return value


def _texts(value: Any, what: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ValueError(f"content[{what!r}] must be a non-empty list of strings")
    return [_text(v, what) for v in value]


def make_exhibits(content: Mapping[str, Any]) -> dict[int, bytes]:
    """Exhibit number (1-19) -> PDF bytes of the synthetic stand-in exhibit.

    ``content`` is the ``demo_content`` mapping of the case file plus ``"titles"`` (exhibit
    number, int or str -> document title): ``fir-dbcode`` (str), ``fir-gaps`` (list of str),
    ``ppt-dbcode`` (list of str), ``ppt-other`` (str) and ``social_media_posts`` (must be 4).
    Other keys are ignored. Raises ValueError on missing or malformed content, or on a string
    too long to stay on one line. Same input, same bytes.
    """
    fir_code = _text(content.get("fir-dbcode"), "fir-dbcode")
    fir_gaps = _texts(content.get("fir-gaps"), "fir-gaps")
    ppt_codes = _texts(content.get("ppt-dbcode"), "ppt-dbcode")
    ppt_other = _text(content.get("ppt-other"), "ppt-other")
    posts = content.get("social_media_posts")
    if posts != len(_POSTS):
        raise ValueError(f"content['social_media_posts'] must be {len(_POSTS)}, got {posts!r}")
    titles = content.get("titles")
    if not isinstance(titles, Mapping):
        raise ValueError("content['titles'] must map exhibit numbers to titles")

    pngs = _image_pngs()
    exhibits: dict[int, bytes] = {1: _make_email(_title(titles, 1))}
    for exhibit, png in pngs.items():
        doc = pymupdf.open()
        _image_page(doc, png)
        exhibits[exhibit] = _finish(
            doc, _title(titles, exhibit), "A. Placeholder (synthetic)", "D:20190110091400-08'00'"
        )
    exhibits[18] = _make_fir(fir_code, fir_gaps, _title(titles, 18))
    exhibits[19] = _make_briefing(
        ppt_codes, ppt_other, pngs[SHARED_IMAGE_EXHIBIT], _title(titles, 19)
    )
    return exhibits
