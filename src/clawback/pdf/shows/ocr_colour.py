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
direction is lightness and the grey strip already says it all: no second strip.
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
_LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float64)


def colour_strip(page: pymupdf.Page, clip: pymupdf.Rect, dpi: int) -> Image.Image | None:
    """The region `clip` in the grey that best separates its colours; None when it is not
    drawn in colour, or its colours vary mostly in lightness."""
    pix = page.get_pixmap(dpi=dpi, clip=clip, alpha=False, colorspace=pymupdf.csRGB)
    if pix.width == 0 or pix.height == 0:
        return None
    rgb = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.width, 3)
    pixels = rgb.reshape(-1, 3)
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
    projected = (pixels.astype(np.float64) - centre) @ direction
    low, high = np.percentile((sample - centre) @ direction, [1, 99])
    if high - low < 1:
        return None
    grey = np.clip((projected - low) * 255 / (high - low), 0, 255).astype(np.uint8)
    if np.median(grey) < 128:  # dark letters on a light ground, as Tesseract reads best
        grey = 255 - grey
    return Image.fromarray(grey.reshape(pix.height, pix.width), "L")
