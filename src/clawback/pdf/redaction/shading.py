"""Shadings a box touches, removed whole before MuPDF redacts the page.

MuPDF's redaction takes out the text under a box, the paths it touches (``graphics=2``: the
whole path) and the pixels of the pictures under it, but never a shading painted by the ``sh``
operator: a mesh of triangles or patches (types 4 to 7) or a function-based shading (type 1,
whose sampled function is a picture) drawing the item's letters stayed in the file under the
painted box, for anyone who deletes the box or draws the shading alone to read.

`remove_touched_shadings` removes such a shading as MuPDF removes a path: whole, wherever a box
touches the area it paints (MuPDF's own content filter, with a culler that drops it; forms the
page draws are filtered too, each page's use its own copy). One lying under its box is gone
from the file; one reaching beyond the box changes the page outside it, which the gate's
render check refuses: the page is then withheld, never produced with the shading kept under
the box.

A file whose every shading is a plain blend (`plain_blends_only`: axial or radial, one
exponential function from one colour to another, the gradient ground of a slide) keeps them:
such a shading can draw no letter, and removing the ground under every box would refuse every
redaction of such a page. The culler cannot tell one shading from another, so one shading of
any other kind in the file makes every shading a box touches go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pymupdf

from clawback.pdf.files.lowlevel import mu as mupdf

__all__ = ["plain_blends_only", "remove_touched_shadings", "touched_shadings"]

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


def remove_touched_shadings(page: pymupdf.Page, boxes: Sequence[pymupdf.Rect]) -> int:
    """Remove from `page` every shading painted where one of `boxes` (unrotated page
    coordinates, as `redact` places them) reaches; how many were removed. The page's content
    is rewritten only where its box log shows such a shading, and only in a file holding a
    shading other than a plain blend (`plain_blends_only`)."""
    if not touched_shadings(page.get_bboxlog(), [box * page.rotation_matrix for box in boxes]):
        return 0
    if plain_blends_only(page.parent):
        return 0
    native = page._pdf_page()
    ctm, mediabox = mupdf.FzMatrix(), mupdf.FzRect()
    mupdf.pdf_page_transform(native, mediabox, ctm)
    # the filter tells each shading's area in the page's PDF space: the boxes taken there
    to_pdf = ~(pymupdf.Matrix(ctm.a, ctm.b, ctm.c, ctm.d, ctm.e, ctm.f) * page.derotation_matrix)
    areas = [box * to_pdf for box in boxes]
    removed = 0

    class _Culler(mupdf.PdfSanitizeFilterOptions2):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.use_virtual_culler()

        def culler(self, ctx: Any, bbox: Any, kind: int) -> int:
            nonlocal removed
            if kind != mupdf.FZ_CULL_SHADING:
                return 0
            area = mupdf.FzRect(bbox)
            painted = pymupdf.Rect(area.x0, area.y0, area.x1, area.y1)
            if any(not (painted & box).is_empty for box in areas):
                removed += 1
                return 1
            return 0

    culler = _Culler()
    options = pymupdf._make_PdfFilterOptions(recurse=1, instance_forms=1, sanitize=1, sopts=culler)
    mupdf.pdf_filter_page_contents(pymupdf._as_pdf_document(page.parent), native, options)
    return removed
