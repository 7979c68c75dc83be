"""Where a page's vector art may outline letters: words turned into outlines (their curves
kept, or cut into straight lines) show a reader what no text layer writes, so OCR reads those
stretches (`ocr.drawn_regions`).

A path counts by its `letter_segments`; paths are merged while they touch, and a stretch that
holds at least `MIN_CURVES` such segments is where words may be drawn (`curved`).
"""

from __future__ import annotations

from typing import Any

import pymupdf

from clawback.pdf.shows.pagereads import PageReads

__all__ = ["MIN_CURVES", "REGION_GAP", "curved", "letter_segments", "merge"]

#: Curve segments one stretch of a page's vector art must hold before it is read for words drawn
#: as outlines (a radio button, circle and dot, has 8; a word in outlines far more).
MIN_CURVES = 12
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


def letter_segments(path: dict[str, Any]) -> int:
    """The segments of a path that may be part of a letter's outline: every curve; every
    straight line of a filled path (a glyph whose curves were flattened is a filled polygon);
    a slanted line of a stroked one. Rectangles and the level or upright strokes of rules and
    table grids do not count."""
    filled = "f" in str(path.get("type", ""))
    count = 0
    for item in path.get("items", ()):
        if item[0] == "c":
            count += 1
        elif item[0] == "l":
            start, end = item[1], item[2]
            if filled or (abs(start.x - end.x) > 0.01 and abs(start.y - end.y) > 0.01):
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
