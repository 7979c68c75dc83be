"""The text-flow engine of the synthetic exhibits: measuring, wrapping and placing text.

:class:`Canvas` draws on one page; :class:`Flow` lays text blocks out top to bottom between two
margins, breaking the page when it is allowed to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pymupdf

from clawback.demo.style import BLACK, GREY, LIGHT, Color


def text_width(text: str, font: str, size: float) -> float:
    return pymupdf.get_text_length(text, fontname=font, fontsize=size)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and text_width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines or [""]


def fit_size(text: str, font: str, size: float, width: float, smallest: float = 7.0) -> float:
    """The largest font size <= ``size`` (in half points) at which ``text`` fits ``width``."""
    while text_width(text, font, size) > width:
        size -= 0.5
        if size < smallest:
            raise ValueError(f"text does not fit on one line of {width:.0f} pt: {text!r}")
    return size


class Canvas:
    """A thin wrapper over one pymupdf Shape: vector drawings below, text on top."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self.shape = page.new_shape()

    def rect(
        self,
        rect: Sequence[float] | pymupdf.Rect,
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
        color: Color = BLACK,
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
        color: Color = BLACK,
        align: str = "left",
    ) -> None:
        if align != "left":
            w = text_width(text, font, size)
            x -= w if align == "right" else w / 2
        self.shape.insert_text((x, baseline), text, fontsize=size, fontname=font, color=color)

    def commit(self) -> None:
        self.shape.commit()


class Flow:
    """Top-to-bottom layout of text blocks between two margins.

    Without ``next_page`` the flow is confined to one page and overflowing it is an error;
    with it, the flow continues at the top of the canvas ``next_page`` returns.
    """

    def __init__(
        self,
        canvas: Canvas,
        *,
        left: float,
        right: float,
        top: float,
        bottom: float,
        font: str = "helv",
        bold: str = "hebo",
        size: float = 11.0,
        lead: float = 1.3,
        next_page: Callable[[], Canvas] | None = None,
    ) -> None:
        self.c = canvas
        self.left, self.right, self.top, self.bottom = left, right, top, bottom
        self.y = top
        self.font, self.bold, self.size, self.lead = font, bold, size, lead
        self.next_page = next_page

    @property
    def width(self) -> float:
        return self.right - self.left

    def need(self, height: float) -> None:
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
        color: Color = BLACK,
        indent: float = 0.0,
        fit: bool = False,
    ) -> None:
        """One line, never wrapped: shrunk to fit when ``fit``, else it must fit as is."""
        font = font or self.font
        size = size or self.size
        avail = self.width - indent
        if fit:
            size = fit_size(text, font, size, avail)
        elif text_width(text, font, size) > avail + 0.01:
            raise RuntimeError(f"line too wide: {text!r}")
        self.need(size * self.lead)
        self.c.text(self.left + indent, self.y + size, text, size=size, font=font, color=color)
        self.y += size * self.lead

    def para(
        self,
        text: str,
        *,
        font: str | None = None,
        size: float | None = None,
        color: Color = BLACK,
        indent: float = 0.0,
        after: float | None = None,
    ) -> None:
        font = font or self.font
        size = size or self.size
        for ln in wrap(text, font, size, self.width - indent):
            self.line(ln, font=font, size=size, color=color, indent=indent)
        self.y += size * 0.55 if after is None else after

    def heading(self, text: str, *, size: float | None = None, color: Color = BLACK) -> None:
        size = size or self.size + 1
        self.y += size * 0.35
        if self.next_page is not None:  # keep the heading with two lines of what follows
            self.need(size * self.lead + 2 * self.size * self.lead)
        self.line(text, font=self.bold, size=size, color=color, fit=True)
        self.y += size * 0.2

    def bullets(
        self,
        items: Sequence[str | tuple[str, int]],
        *,
        size: float | None = None,
        color: Color = BLACK,
        bullet: Color = BLACK,
        after: float | None = None,
        spacing: float = 0.25,
    ) -> None:
        """Bulleted items; a (text, level) pair indents the item one more step per level."""
        size = size or self.size
        for item in items:
            text, level = (item, 0) if isinstance(item, str) else item
            indent = 1.4 * size * (level + 1)
            lines = wrap(text, self.font, size, self.width - indent)
            self.need(size * self.lead)
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
        lw = label_width or max(text_width(label, self.bold, size) for label, _ in pairs) + size
        for label, value in pairs:
            self.need(size * self.lead)
            self.c.text(self.left, self.y + size, label, size=size, font=self.bold)
            for ln in wrap(value, self.font, size, self.width - lw):
                self.line(ln, size=size, indent=lw)
        self.y += size * 0.55 if after is None else after

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        size: float | None = None,
        header_fill: Color = LIGHT,
        header_color: Color = BLACK,
        after: float | None = None,
    ) -> None:
        """A ruled table; ``widths`` are fractions of the text width; cells wrap."""
        size = size or self.size - 1
        pad = size * 0.35
        total = sum(widths)
        cols = [self.width * w / total for w in widths]

        def row(cells: Sequence[str], font: str, fill: Color | None, color: Color) -> None:
            wrapped = [wrap(c, font, size, w - 2 * pad) for c, w in zip(cells, cols, strict=True)]
            height = max(len(w) for w in wrapped) * size * 1.2 + 2 * pad
            self.need(height)
            self.c.rect(
                (self.left, self.y, self.right, self.y + height), fill=fill, color=GREY, width=0.5
            )
            x = self.left
            for lines, w in zip(wrapped, cols, strict=True):
                if x > self.left:
                    self.c.line((x, self.y), (x, self.y + height), color=GREY)
                for k, ln in enumerate(lines):
                    base = self.y + pad + size * (0.9 + 1.2 * k)
                    self.c.text(x + pad, base, ln, size=size, font=font, color=color)
                x += w
            self.y += height

        row(header, self.bold, header_fill, header_color)
        for cells in rows:
            row(cells, self.font, None, BLACK)
        self.y += size * 0.9 if after is None else after
