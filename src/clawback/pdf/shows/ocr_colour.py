"""What a page draws in colours of one lightness: read by its colour, not by its grey.

OCR reads a page rendered in grey (lightness only). Letters whose colour differs from their
ground's but whose lightness does not (red on green, blue on dark grey) vanish from that grey,
yet the eye reads them at once: a code in such a picture was read by no OCR, so no pattern
found it and the gate passed the page showing it.

So a region drawn in colour is also read as the grey that separates its colours best
(`colour_strip`): the region rendered in RGB, each pixel projected on the direction in which its
coloured pixels vary most (their first principal component: white paper left out, or it would
be the difference found), stretched to the range of the coloured ones. Where the
colours vary mostly in lightness anyway (most pages: black text, grey scans, photos), that
direction is lightness and the grey strip already says it all: no second strip. Nor where
the colours' grey draws no edge of its own, nowhere near one the lightness draws (coloured
shapes on a slide, a photo): the second strip is read only where it could show a letter the
first cannot.
"""

from __future__ import annotations

import numpy as np
import pymupdf
from PIL import Image

__all__ = ["colour_strip"]

#: A pixel is coloured when its channels differ by more than this (0-255).
_CHROMA = 48
#: A region is read by its colours when at least this share of its pixels is coloured.
_COLOURED = 0.02
#: The best direction counts as lightness when its cosine with lightness is above this.
_LIGHTNESS = 0.9
#: Pixels sampled to find the direction (every n-th one of a larger region).
_SAMPLE = 20000
#: The region is first looked at in a render of 1 / this of the strip's resolution.
_LOOK = 3
#: An edge in the colours' grey (stretched to 0-255) and in the lightness (0-255): a rim a
#: reader sees, and a step in lightness OCR reads as one.
_COLOUR_EDGE, _LIGHTNESS_EDGE = 64.0, 24.0
#: The colours draw edges of their own when this many of theirs (and this share) are nowhere
#: near one of the lightness's: a few letters' rims, not the noise of a photo's grain.
_OWN_EDGE_PIXELS, _OWN_EDGE_SHARE = 40, 0.1
_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float64)


def colour_strip(page: pymupdf.Page, clip: pymupdf.Rect, dpi: int) -> Image.Image | None:
    """The region `clip` in the grey that best separates its colours; None when it is not
    drawn in colour, its colours vary mostly in lightness, or their grey draws no edge of its
    own. Told from the region rendered at a third of ``dpi`` (a ninth of the pixels: most
    regions end there), the strip then made at ``dpi``."""
    small = _rgb(page, clip, max(1, dpi // _LOOK))
    if small is None:
        return None
    axis = _axis(small.reshape(-1, 3))
    if axis is None:
        return None
    if not _edges_of_its_own(_projected(small, axis), small @ _LUMA):
        return None
    rgb = _rgb(page, clip, dpi)
    if rgb is None:
        return None
    grey = _projected(rgb, axis)
    if np.median(grey) < 128:  # dark letters on a light ground, as Tesseract reads best
        grey = 255 - grey
    return Image.fromarray(grey, "L")


_Axis = tuple[np.ndarray, np.ndarray, float, float]


def _rgb(page: pymupdf.Page, clip: pymupdf.Rect, dpi: int) -> np.ndarray | None:
    pix = page.get_pixmap(dpi=dpi, clip=clip, alpha=False, colorspace=pymupdf.csRGB)
    if pix.width == 0 or pix.height == 0:
        return None
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)


def _axis(pixels: np.ndarray) -> _Axis | None:
    """The direction the coloured ones of ``pixels`` vary most in, from their centre, and the
    range they span along it; None where few are coloured or the direction is lightness."""
    sample = pixels[:: max(1, len(pixels) // _SAMPLE)].astype(np.float64)
    chroma = sample.max(axis=1) - sample.min(axis=1)
    if (chroma > _CHROMA).mean() < _COLOURED:
        return None
    sample = sample[chroma > _CHROMA]  # the colours' own differences, not theirs from white
    centre = sample.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov((sample - centre).T))
    direction = vectors[:, int(np.argmax(values))]
    luma = _LUMA / np.linalg.norm(_LUMA)
    if abs(float(direction @ luma)) > _LIGHTNESS:
        return None
    low, high = np.percentile((sample - centre) @ direction, [1, 99])
    if high - low < 1:
        return None
    return centre, direction, float(low), float(high)


def _projected(rgb: np.ndarray, axis: _Axis) -> np.ndarray:
    """``rgb`` as grey along ``axis``, its colours' range stretched to 0-255."""
    centre, direction, low, high = axis
    along = (rgb.astype(np.float64) - centre) @ direction
    return np.clip((along - low) * 255 / (high - low), 0, 255).astype(np.uint8)


def _edges_of_its_own(colour: np.ndarray, lightness: np.ndarray) -> bool:
    """Whether the grey of the colours draws edges the lightness does not (a letter's rim
    that vanishes in grey): a slide's coloured shapes and a photo draw theirs in both, and
    reading their region twice would find nothing new at twice the cost."""
    own = _edges(colour, _COLOUR_EDGE)
    if not own.any():
        return False
    seen = _edges(lightness, _LIGHTNESS_EDGE)
    near = seen.copy()  # an edge of the lightness a pixel away still draws that rim
    near[1:] |= seen[:-1]
    near[:-1] |= seen[1:]
    near[:, 1:] |= seen[:, :-1]
    near[:, :-1] |= seen[:, 1:]
    return int((own & ~near).sum()) >= max(_OWN_EDGE_PIXELS, int(own.sum() * _OWN_EDGE_SHARE))


def _edges(grey: np.ndarray, step: float) -> np.ndarray:
    """Where the grey changes by more than ``step`` to the next pixel across or down."""
    g = grey.astype(np.float64)
    out = np.zeros(g.shape, dtype=bool)
    out[:, :-1] |= np.abs(np.diff(g, axis=1)) > step
    out[:-1] |= np.abs(np.diff(g, axis=0)) > step
    return out
