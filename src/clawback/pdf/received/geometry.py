"""The plane geometry of boxes drawn on a page: the closed subpaths a fill fills (curves
flattened), whether a point is inside one under the non-zero winding rule, and rectangles'
overlaps, shares and containment, in PDF points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymupdf

Point = tuple[float, float]
RectTuple = tuple[float, float, float, float]
CURVE_STEPS = 8  # line segments a Bezier curve is flattened into


def subpaths(items: Iterable[tuple[object, ...]]) -> list[list[Point]]:
    """The closed subpaths a fill fills: rectangles, quads, and runs of lines and curves
    (curves flattened); an open run is closed as filling closes it."""
    out: list[list[Point]] = []
    run: list[Point] = []

    def flush() -> None:
        if len(run) > 3 and same_point(run[0], run[-1]):
            run.pop()  # closed by a line back to its start
        if len(run) >= 3:
            out.append(run.copy())
        run.clear()

    for item in items:
        kind = item[0]
        if kind == "re":
            flush()
            corners = corners_of(rect_of(item[1]))
            out.append(corners[::-1] if len(item) > 2 and item[2] == -1 else corners)
        elif kind == "qu":
            flush()
            quad = pymupdf.Quad(item[1])
            out.append([point(quad.ul), point(quad.ur), point(quad.lr), point(quad.ll)])
        elif kind in ("l", "c"):
            points = [point(p) for p in item[1:]]
            start = points[0]
            if run and not same_point(run[-1], start):
                flush()
            if not run:
                run.append(start)
            run.extend(points[1:] if kind == "l" else bezier(points))
    flush()
    return out


def same_point(a: Point, b: Point) -> bool:
    return abs(a[0] - b[0]) <= 1e-3 and abs(a[1] - b[1]) <= 1e-3


def bezier(points: list[Point]) -> list[Point]:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    out = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        u = 1 - t
        a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
        out.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return out


def winding(poly: Sequence[Point], x: float, y: float) -> int:
    winding = 0
    n = len(poly)
    for i in range(n):
        x0, y0 = poly[i]
        x1, y1 = poly[(i + 1) % n]
        side = (x1 - x0) * (y - y0) - (x - x0) * (y1 - y0)
        if y0 <= y < y1 and side > 0:
            winding += 1
        elif y1 <= y < y0 and side < 0:
            winding -= 1
    return winding


def quads(vertices: Sequence[Sequence[float]] | None) -> list[list[Point]]:
    """An annotation's quad points (ul, ur, ll, lr per quad) as polygons."""
    if not vertices or len(vertices) % 4:
        return []
    points = [(float(v[0]), float(v[1])) for v in vertices]
    return [
        [points[i], points[i + 1], points[i + 3], points[i + 2]] for i in range(0, len(points), 4)
    ]


def corners_of(rect: RectTuple) -> list[Point]:
    x0, y0, x1, y1 = rect
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def rect_of(rect: object) -> RectTuple:
    r = pymupdf.Rect(rect)
    return (float(r.x0), float(r.y0), float(r.x1), float(r.y1))


def overlap(a: RectTuple, b: RectTuple) -> float:
    """The area two rectangles share."""
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def clipped(a: RectTuple, b: RectTuple) -> RectTuple:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def point(p: object) -> Point:
    point = pymupdf.Point(p)
    return (point.x, point.y)


def bounds_of(poly: Sequence[Point]) -> RectTuple:
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    return (min(xs), min(ys), max(xs), max(ys))


def as_rect(poly: Sequence[Point]) -> RectTuple | None:
    """The rectangle a polygon is, if it is an axis-aligned one."""
    if len(poly) != 4:
        return None
    xs = {round(p[0], 3) for p in poly}
    ys = {round(p[1], 3) for p in poly}
    if len(xs) != 2 or len(ys) != 2:
        return None
    for i in range(4):
        (ax, ay), (bx, by) = poly[i], poly[(i + 1) % 4]
        if abs(ax - bx) > 1e-3 and abs(ay - by) > 1e-3:
            return None  # a diagonal edge: a bow-tie, not a rectangle
    return bounds_of(poly)


def share(inner: RectTuple, outer: RectTuple) -> float:
    area = (inner[2] - inner[0]) * (inner[3] - inner[1])
    return overlap(inner, outer) / area if area > 0 else 0.0


def within(rect: RectTuple, area: RectTuple) -> bool:
    return area[0] <= rect[0] and area[1] <= rect[1] and rect[2] <= area[2] and rect[3] <= area[3]


def close_to(a: RectTuple, b: RectTuple, tolerance: float = 1.0) -> bool:
    return all(abs(p - q) <= tolerance for p, q in zip(a, b, strict=True))


def rounded(rect: RectTuple) -> RectTuple:
    x0, y0, x1, y1 = rect
    return (round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2))
