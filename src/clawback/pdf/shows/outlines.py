"""Where a page's vector art may outline letters: words turned into outlines (their curves
kept, or cut into straight lines) show a reader what no text layer writes, so OCR reads those
stretches (`ocr.drawn_regions`).

A path counts by its `letter_segments`; paths are merged while they touch, and a stretch that
holds at least `MIN_CURVES` such segments is where words may be drawn (`curved`); so is a clip
path holding as many, whatever is painted through it (`outlined_clips`). Letters need
no curve and no slant: a dot-matrix line is small filled squares, a seven-segment display short
level and upright strokes; so a filled rectangle or a level or upright stroke no longer than
`SHORT` counts too, while the long rules, cell borders and shaded boxes of tables do not.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.pdf.shows.pagereads import PageReads

__all__ = [
    "MIN_CURVES",
    "REGION_GAP",
    "SHORT",
    "clip_spans",
    "curved",
    "letter_segments",
    "merge",
    "outlined_clips",
]

#: Curve segments one stretch of a page's vector art must hold before it is read for words drawn
#: as outlines (a radio button, circle and dot, has 8; a word in outlines far more).
MIN_CURVES = 12
#: Longest side (points) of a filled rectangle, and longest level or upright stroke, that may be
#: a dot or a bar of a letter (a table's rules and cell borders are longer).
SHORT = 8.0
#: Regions closer than this (points) are read as one; padding around each region.
REGION_GAP = 6.0


def curved(reads: PageReads) -> list[pymupdf.Rect]:
    """The stretches of vector art (paths merged while they touch) holding at least
    `MIN_CURVES` segments that may outline a letter (`letter_segments`): where words may be
    drawn as outlines, their curves kept or cut into straight lines."""
    paths = []
    for path in reads.drawings():
        count = letter_segments(path)
        if count:
            paths.append((pymupdf.Rect(path["rect"]), count))
    stretches = merge([rect for rect, _ in paths])
    counts = [0] * len(stretches)
    for rect, count in paths:
        middle = pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)
        for i, stretch in enumerate(stretches):
            if middle in stretch:
                counts[i] += count
                break
    return [
        stretch for stretch, count in zip(stretches, counts, strict=True) if count >= MIN_CURVES
    ]


def outlined_clips(reads: PageReads) -> list[pymupdf.Rect]:
    """Where a clip path holding at least `MIN_CURVES` segments that may outline a letter
    shapes what is painted through it: a plain fill or a blend painted through the outlines
    of words shows them, while the path MuPDF lists is a rectangle (or none, for a
    shading)."""
    found = []
    for clip in reads.clips():
        if letter_segments(clip) < MIN_CURVES:
            continue
        spans = clip_spans([clip])
        if spans:
            area = pymupdf.Rect(spans[0])
            for span in spans[1:]:
                area |= span
            found.append(area)
    return found


def clip_spans(clips: Sequence[dict[str, Any]]) -> list[pymupdf.Rect]:
    """Where each segment of the clip paths `clips` (``PageReads.clips``) lies."""
    spans = []
    for clip in clips:
        for item in clip.get("items", ()):
            points = [p for p in item[1:] if isinstance(p, pymupdf.Point)]
            points += [c for r in item[1:] if isinstance(r, pymupdf.Rect) for c in (r.tl, r.br)]
            points += [c for q in item[1:] if isinstance(q, pymupdf.Quad) for c in (q.ul, q.lr)]
            if not points:
                continue
            span = pymupdf.Rect(points[0], points[0])
            for point in points[1:]:
                span.include_point(point)
            spans.append(span)
    return spans


def letter_segments(path: dict[str, Any]) -> int:
    """The segments of a path that may be part of a letter's outline: every curve; every
    straight line of a filled path (a glyph whose curves were flattened is a filled polygon);
    a slanted line of a stroked one; a filled rectangle, or a level or upright stroke, no
    longer than `SHORT` (a dot of a dot-matrix letter, a bar of a seven-segment digit).
    Larger rectangles and the longer level or upright strokes of rules and table grids do
    not count."""
    filled = "f" in str(path.get("type", ""))
    count = 0
    for item in path.get("items", ()):
        if item[0] == "c":
            count += 1
        elif item[0] == "l":
            start, end = item[1], item[2]
            level = abs(start.x - end.x) <= 0.01 or abs(start.y - end.y) <= 0.01
            if filled or not level or abs(end - start) <= SHORT:
                count += 1
        elif item[0] in ("re", "qu") and filled:
            box = pymupdf.Rect(item[1]) if item[0] == "re" else pymupdf.Quad(item[1]).rect
            if max(box.width, box.height) <= SHORT:
                count += 1
    return count


def merge(rects: list[pymupdf.Rect]) -> list[pymupdf.Rect]:
    """Rectangles grown by `REGION_GAP` and merged while any two touch."""
    gap = REGION_GAP
    merged = [pymupdf.Rect(r.x0 - gap, r.y0 - gap, r.x1 + gap, r.y1 + gap) for r in rects]
    changed = True
    while changed:
        changed = False
        for i in range(len(merged)):
            for j in range(i + 1, len(merged)):
                if merged[i].intersects(merged[j]):
                    merged[i] = merged[i] | merged[j]
                    del merged[j]
                    changed = True
                    break
            if changed:
                break
    return merged
