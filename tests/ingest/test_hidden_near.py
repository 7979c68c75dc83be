"""Hidden text judged against the shapes near each character (`pdf.shows.boxgrid`), not against
every shape of the page: the same answers as the plain reading (every character against every
picture and filled shape, as `ingest.hidden` read before), on random pages, and a number of box
tests that grows with the page, not with characters times shapes (a spreadsheet rendered to
PDF fills a shape behind every cell: 906k box tests on one volume's pages)."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import hypothesis.strategies as st
import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings

from clawback.ingest import hidden
from clawback.ingest.hidden import hidden_on_page, hidden_words
from clawback.pdf.shows.boxgrid import BoxGrid
from clawback.pdf.shows.pagereads import PageReads

Box = tuple[float, float, float, float]
Fill = tuple[int, Box, tuple[float, float, float]]


def reference(
    trace: list[dict[str, Any]], images: list[tuple[int, Box]], fills: list[Fill]
) -> Counter[str]:
    """The plain reading: each span's box and each character's box tested against every picture
    and every filled shape of the page."""
    areas = [box for _, box in images] + [box for _, box, _ in fills]
    counted: Counter[str] = Counter()
    for span in trace:
        plain = not (
            hidden._invisible(span)
            or float(span["size"]) < hidden._TINY
            or hidden._alike(hidden._rgb(span["color"]), hidden._WHITE)
        ) and not any(hidden._share(span["bbox"], area) > 0 for area in areas)
        if plain or str(span["font"]).startswith("Type3"):
            continue
        reasons = [hidden._why(span, ch[3], images, fills) for ch in span["chars"]]
        text = "".join(chr(ch[0]) for ch in span["chars"])
        for word in hidden._split(text, reasons):
            seen = [r for r in word if r != hidden._SEEN]
            if len(seen) * 2 > len(word):
                counted[Counter(seen).most_common(1)[0][0]] += 1
    return counted


# coordinates on a coarse lattice, so boxes touch, share edges and nest often; now and then a
# coordinate that is no finite number or far off the page
coordinate = st.one_of(
    st.integers(-4, 40).map(lambda n: n * 5.0),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e300, -1e300, 12.5, 0.1]),
)
plain_coordinate = st.integers(0, 40).map(lambda n: n * 5.0)
colour = st.sampled_from([(1.0, 1.0, 1.0), (0.0, 0.0, 0.0), (0.5, 0.5, 0.5), (0.52, 0.5, 0.5)])


@st.composite
def boxes(draw: st.DrawFn, where: st.SearchStrategy[float] = coordinate) -> Box:
    x0, y0 = draw(where), draw(where)
    if draw(st.integers(0, 9)) == 0:  # any four: inverted, flat, not finite
        return (x0, y0, draw(where), draw(where))
    return (x0, y0, x0 + draw(st.integers(0, 30)) * 5.0, y0 + draw(st.integers(0, 12)) * 5.0)


@st.composite
def spans(draw: st.DrawFn) -> dict[str, Any]:
    text = draw(st.text(alphabet="ab c", min_size=1, max_size=8))
    x, y = draw(plain_coordinate), draw(plain_coordinate)
    width = draw(st.sampled_from([2.5, 5.0, 10.0]))
    chars = []
    for n, ch in enumerate(text):
        box = (x + n * width, y, x + (n + 1) * width, y + 10.0)
        if draw(st.integers(0, 19)) == 0:
            box = draw(boxes())
        chars.append((ord(ch), 0, (box[0], box[3]), box))
    bbox = (x, y, x + len(text) * width, y + 10.0) if draw(st.booleans()) else draw(boxes())
    return {
        "font": draw(st.sampled_from(["Helv", "Helv", "Type3"])),
        "size": draw(st.sampled_from([10.0, 0.5])),
        "color": draw(st.sampled_from([(1.0, 1.0, 1.0), (0.0, 0.0, 0.0), (0.5, 0.5, 0.5)])),
        "type": draw(st.sampled_from([0, 0, 3])),
        "opacity": draw(st.sampled_from([1.0, 1.0, 0.0])),
        "seqno": draw(st.integers(0, 30)),
        "bbox": bbox,
        "chars": chars,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    trace=st.lists(spans(), max_size=12),
    images=st.lists(st.tuples(st.integers(0, 30), boxes()), max_size=6),
    fills=st.lists(st.tuples(st.integers(0, 30), boxes(), colour), max_size=40),  # grid past 16
)
def test_the_same_words_as_judging_every_shape(
    trace: list[dict[str, Any]], images: list[tuple[int, Box]], fills: list[Fill]
) -> None:
    assert hidden_words(trace, images, fills) == reference(trace, images, fills)


@settings(max_examples=200, deadline=None)
@given(shapes=st.lists(boxes(), max_size=40), query=boxes(), within=boxes())
def test_the_grid_gives_every_shape_a_box_overlaps(
    shapes: list[Box], query: Box, within: Box
) -> None:
    near = BoxGrid(shapes, within).near(query)
    assert near == sorted(set(near))
    assert {n for n, box in enumerate(shapes) if hidden._share(query, box) > 0} <= set(near)


def _sheet(columns: int = 20, rows: int = 50) -> bytes:
    """A spreadsheet's page: a filled shape behind every cell, a number in each; every tenth row
    in white on its white cells (hidden), and two numbers covered by a box drawn over them."""
    doc = pymupdf.open()
    page = doc.new_page(width=36 + columns * 27, height=36 + rows * 14)
    shape = page.new_shape()
    for r in range(rows):
        for c in range(columns):
            cell = pymupdf.Rect(18 + c * 27, 18 + r * 14, 18 + (c + 1) * 27, 18 + (r + 1) * 14)
            shape.draw_rect(cell)
            shape.finish(color=None, fill=(1, 1, 1) if r % 10 == 0 else (0.9, 0.95, 1))
    shape.commit()
    for r in range(rows):  # a line a row (one call a cell would take seconds to make)
        line = " ".join(f"{r}{c:02d}" for c in range(columns))
        page.insert_text((20, 29 + r * 14), line, fontsize=8, color=(r % 10 == 0,) * 3)
    page.draw_rect(pymupdf.Rect(18, 18 + 14, 45, 32 + 14), color=None, fill=(0, 0, 0))
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_a_sheet_of_filled_cells_costs_box_tests_by_its_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """1,000 cells, each a filled shape under a word of 3-4 characters: judging every character
    against every shape takes millions of box tests; near ones only, a few per character."""
    with pymupdf.open(stream=_sheet()) as doc:
        reads = PageReads(doc[0])
        trace, drawings = reads.trace(), reads.drawings()
        characters = sum(len(span["chars"]) for span in trace)
        shapes = sum(1 for d in drawings if d.get("fill") is not None)
        assert characters >= 3000 and shapes >= 1000
        tests = 0
        share = hidden._share

        def counted(inner: Box, outer: Box) -> float:
            nonlocal tests
            tests += 1
            return share(inner, outer)

        monkeypatch.setattr(hidden, "_share", counted)
        found = hidden_on_page(reads)
        assert found == Counter({"white": 100, "covered": 2})
        assert tests <= 12 * (characters + shapes), (tests, characters, shapes)
