"""What MuPDF's redaction keeps under a box, culled: shadings, and the outlines of clip paths.

MuPDF's redaction takes out the text under a box, the paths it touches (``graphics=2``: the
whole path) and the pixels of the pictures under it, but never a shading painted by the ``sh``
operator, nor a clip path (``W n``): a mesh of triangles or patches (types 4 to 7) or a
function-based shading (type 1, whose sampled function is a picture) drawing the item's
letters, or a blend painted through a clip path of the letters' outlines, stayed in the file
under the painted box, for anyone who deletes the box (or draws the shading, or strokes the
clip) to read.

`cull_kept` runs MuPDF's own content filter over a boxed page (and the forms it draws, each
page's use its own copy) with a culler that drops

* each subpath of a clip path a box touches but which does not enclose the box (a page's or a
  cell's frame round it stays): what was painted through it was under the box, and the
  outline goes with it;
* a shading whose painted area a box touches, whole, as MuPDF drops a path (and one painted
  through a clip whose outline just went, which would now paint everywhere): one lying under
  its box is gone from the file; one reaching beyond the box changes the page outside it,
  which the gate's render check refuses (the page is then withheld, never produced with the
  shading kept under the box). So does a clip's outline reaching beyond it.

A file whose every shading is a plain blend (`plain_blends_only`: axial or radial, one
exponential function from one colour to another, the gradient ground of a slide) keeps them:
such a shading draws no letter but through a clip, whose outline goes, and removing the ground
under every box would refuse every redaction of such a page. The culler cannot tell one
shading from another, so one shading of any other kind in the file makes every shading a box
touches go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.pdf.files.lowlevel import mu as mupdf
from clawback.pdf.shows.outlines import clip_spans
from clawback.pdf.shows.pagereads import page_clips

__all__ = ["cull_kept", "plain_blends_only", "touched_shadings", "within"]

#: What MuPDF's box log calls a shading painted by ``sh``.
SHADE = "fill-shade"
_KIND = re.compile(r"/ShadingType\s*(\d+)")
#: A shading's ``/Function`` (not a stitching function's ``/Functions``), and what follows it.
_FUNCTION = re.compile(r"/Function(?![A-Za-z])\s*(\[[^\]]*\]|<<|\d+\s+\d+\s+R)")
_REFERENCE = re.compile(r"(\d+)\s+\d+\s+R")
_FUNCTION_KIND = re.compile(r"/FunctionType\s*(\d+)")


def touched_shadings(log: Sequence[tuple[str, Any]], boxes: Sequence[pymupdf.Rect]) -> int:
    """How many shadings of a page's box log (``Page.get_bboxlog``) reach into one of
    `boxes` (page coordinates, as the log's)."""
    return sum(
        1
        for kind, area in log
        if kind == SHADE and any(not (pymupdf.Rect(area) & box).is_empty for box in boxes)
    )


def plain_blends_only(doc: pymupdf.Document) -> bool:
    """Whether every shading of `doc` is axial or radial (types 2, 3) and blends by one
    exponential function (type 2): no mesh, no function-based shading, no sampled,
    PostScript or stitching function. Errs towards False (a shading's direct function is
    taken to be whatever function type its object names next)."""
    for xref in range(1, doc.xref_length()):
        source = doc.xref_object(xref, compressed=True)
        kinds = _KIND.findall(source)
        if not kinds:
            continue
        if any(kind not in ("2", "3") for kind in kinds):
            return False
        for function in _FUNCTION.findall(source):
            if function == "<<":
                named = _FUNCTION_KIND.findall(source)
            else:
                named = [
                    doc.xref_get_key(int(n), "FunctionType")[1]
                    for n in _REFERENCE.findall(function)
                ]
            if not named or any(kind != "2" for kind in named):
                return False
    return True


#: The kinds of culling call MuPDF makes for a subpath of a clip path.
_CLIPS = frozenset(
    {
        mupdf.FZ_CULL_CLIP_PATH_DROP,
        mupdf.FZ_CULL_CLIP_PATH_FILL,
        mupdf.FZ_CULL_CLIP_PATH_STROKE,
        mupdf.FZ_CULL_CLIP_PATH_FILL_STROKE,
    }
)
#: How far (points) a clip's subpath may reach past a box and still count as within it.
_MARGIN = 1.0


def cull_kept(page: pymupdf.Page, boxes: Sequence[pymupdf.Rect]) -> int:
    """Drop from `page` the clip subpaths and the shadings one of `boxes` (unrotated page
    coordinates, as `redact` places them) touches (see module doc); how many were dropped."""
    shown = [box * page.rotation_matrix for box in boxes]
    shaded = touched_shadings(page.get_bboxlog(), shown)
    outlines = [
        span
        for span in clip_spans(page_clips(page))
        if any(span.intersects(box) and not span.contains(box) for box in [*boxes, *shown])
    ]
    if not shaded and not outlines:
        return 0  # the filter calls back once per glyph: run only where it has work
    shadings = shaded > 0 and not plain_blends_only(page.parent)
    native = page._pdf_page()
    ctm, mediabox = mupdf.FzMatrix(), mupdf.FzRect()
    mupdf.pdf_page_transform(native, mediabox, ctm)
    # the filter tells each area in the page's PDF space: the boxes taken there
    to_pdf = ~(pymupdf.Matrix(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f) * page.derotation_matrix)
    areas = [box * to_pdf for box in boxes]
    dropped, outline_gone = 0, False

    class _Culler(mupdf.PdfSanitizeFilterOptions2):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.use_virtual_culler()

        def culler(self, ctx: Any, bbox: Any, kind: int) -> int:
            nonlocal dropped, outline_gone
            rect = mupdf.FzRect(bbox)
            area = pymupdf.Rect(rect.x0, rect.y0, rect.x1, rect.y1)
            touched = [box for box in areas if not (area & box).is_empty]
            if kind == mupdf.FZ_CULL_SHADING:
                # painted through the clip whose outline just went: it would now paint all
                hit = bool(touched) and (shadings or outline_gone)
            elif kind in _CLIPS:  # a subpath: an outline a box touches, not a frame round it
                hit = any(not area.contains(box) for box in touched)
                outline_gone = hit
            else:
                hit = False
            dropped += hit
            return int(hit)

    culler = _Culler()
    options = pymupdf._make_PdfFilterOptions(recurse=1, instance_forms=1, sanitize=1, sopts=culler)
    mupdf.pdf_filter_page_contents(pymupdf._as_pdf_document(page.parent), native, options)
    return dropped


def within(area: pymupdf.Rect, boxes: Sequence[pymupdf.Rect]) -> bool:
    """Whether `area` lies within one of `boxes`, give or take `_MARGIN`."""
    return any(
        box.x0 - _MARGIN <= area.x0
        and area.x1 <= box.x1 + _MARGIN
        and box.y0 - _MARGIN <= area.y0
        and area.y1 <= box.y1 + _MARGIN
        for box in boxes
    )
