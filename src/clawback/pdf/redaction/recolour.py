"""A picture MuPDF redacted given back its own colour space.

MuPDF blanks the pixels of a picture under a box by decoding it, blanking them and writing a
new picture; that picture is not always in the colour space of the old one. Measured (PyMuPDF
2.0 / MuPDF 1.28.5): a JPEG in ``/DeviceGray`` came back in ``/ICCBased`` (MuPDF's sGray
profile), the same samples drawn through another profile, so every pixel of the picture beside
the box rendered a few levels off and the gate's render check refused the page; a picture in a
``/Separation`` or ``/DeviceN`` space came back converted to its alternate (``/DeviceCMYK``
through MuPDF's SWOP profile), its colours changed.

`restore` compares each picture MuPDF replaced with the one it replaced: where the new one
holds the old one's samples but for blanked pixels, the old colour space is put back (device
and ICC spaces); a ``/Separation`` or ``/DeviceN`` picture is written again in its own space,
its old inks but none where the converted copy is blanked white (`_respot`), or, where that
cannot be told (a ``/Decode``, a mask, not 8 bits), refused in one line naming its colour
space (`ValueError`). Any other change is left to the gate's render check.
"""

from __future__ import annotations

import numpy as np
import pymupdf

__all__ = ["placed", "restore"]

#: Where a picture is drawn (its transformation, rounded) -> its object number.
Placed = dict[tuple[float, ...], int]
_RESTORED = {"/DeviceGray", "/DeviceRGB", "/DeviceCMYK", "/ICCBased"}
_REFUSED = {"/Separation", "/DeviceN"}


def placed(page: pymupdf.Page) -> Placed:
    """The pictures `page` draws (in its forms too), by where it draws them."""
    return {
        tuple(round(v, 3) for v in info["transform"]): info["xref"]
        for info in page.get_image_info(xrefs=True)
        if info.get("xref")
    }


def restore(page: pymupdf.Page, before: Placed) -> int:
    """Give each picture `page` now draws in place of one of `before` the old one's colour
    space (module doc); how many were given it. `ValueError` ("a picture in a Separation
    colour space") when that cannot be done."""
    doc = page.parent
    done = 0
    for where, new in placed(doc[page.number]).items():  # read afresh: `page` lists the old
        old = before.get(where)
        if old is None or old == new or doc.xref_get_key(old, "ImageMask")[1] == "true":
            continue
        kind, space = doc.xref_get_key(old, "ColorSpace")
        if (kind, space) == doc.xref_get_key(new, "ColorSpace"):
            continue
        family = _family(doc, kind, space)
        if family in _REFUSED:
            if not _respot(doc, old, new, space):
                raise ValueError(f"a picture in a {family[1:]} colour space")
            done += 1
            continue
        if family in _RESTORED and _same_but_blanked(doc, old, new):
            doc.xref_set_key(new, "ColorSpace", space)
            done += 1
    return done


def _family(doc: pymupdf.Document, kind: str, space: str) -> str:
    """The colour space's family name (``/DeviceGray``, ``/ICCBased``, ``/Separation``...)."""
    if kind == "xref":
        space = doc.xref_object(int(space.split()[0]), compressed=True)
    words = space.replace("[", " ").replace("/", " /").split()
    return words[0] if words else ""


def _respot(doc: pymupdf.Document, old: int, new: int, space: str) -> bool:
    """Write picture `new` again in `old`'s ``/Separation`` or ``/DeviceN`` space `space`: the
    old inks, none where MuPDF blanked the pixel (white in the alternate space it wrote); False
    (nothing written) where that cannot be told: a ``/Decode`` or ``/SMask``, other than 8 bits,
    a size or an ink count changed, an inked pixel of the old picture blanked beside the
    converted copy's white."""
    if any(doc.xref_get_key(old, key)[0] != "null" for key in ("Decode", "SMask", "Mask")):
        return False
    try:
        before, after = pymupdf.Pixmap(doc, old), pymupdf.Pixmap(doc, new)
    except (RuntimeError, ValueError):
        return False
    if before.alpha or after.alpha or (before.width, before.height) != (after.width, after.height):
        return False
    if doc.xref_get_key(old, "BitsPerComponent")[1] != "8":
        return False
    white = 0 if after.n == 4 else 255
    inks = np.frombuffer(before.samples, np.uint8).reshape(before.height, before.width, before.n)
    drawn = np.frombuffer(after.samples, np.uint8).reshape(after.height, after.width, after.n)
    blank = (drawn == white).all(axis=2)
    samples = inks.copy()
    samples[blank] = 0  # no ink: the page's ground shows, as through a blanked pixel
    doc.update_stream(new, samples.tobytes(), compress=1)
    doc.xref_set_key(new, "DecodeParms", "null")
    doc.xref_set_key(new, "BitsPerComponent", "8")
    doc.xref_set_key(new, "ColorSpace", space)
    return True


def _same_but_blanked(doc: pymupdf.Document, old: int, new: int) -> bool:
    """Whether picture `new` holds the samples of `old`, but for pixels blanked white."""
    try:
        before, after = pymupdf.Pixmap(doc, old), pymupdf.Pixmap(doc, new)
    except (RuntimeError, ValueError):
        return False
    shape = (before.width, before.height, before.n, before.alpha)
    if shape != (after.width, after.height, after.n, after.alpha):
        return False
    colours = before.n - before.alpha
    white = 0 if colours == 4 else 255
    rows = [
        np.frombuffer(p.samples, np.uint8).reshape(p.height, p.width, p.n) for p in (before, after)
    ]
    old_colours, new_colours = rows[0][..., :colours], rows[1][..., :colours]
    same = (old_colours == new_colours).all(axis=2)
    blank = (new_colours == white).all(axis=2)
    return bool((same | blank).all())
