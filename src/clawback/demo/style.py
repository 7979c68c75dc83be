"""Page geometry and the colour palette shared by every synthetic exhibit."""

from __future__ import annotations

Color = tuple[float, float, float]

LETTER = (612.0, 792.0)
SLIDE = (960.0, 540.0)
FOOTER_BASELINE = 60.0  # distance of footer baselines from the bottom edge
BODY_BOTTOM = 80.0  # body text stops this far from the bottom edge
IMAGE_ZOOM = 1.5  # raster resolution of the embedded images: 108 dpi

BLACK: Color = (0.0, 0.0, 0.0)
WHITE: Color = (1.0, 1.0, 1.0)
GREY: Color = (0.42, 0.42, 0.42)
MID: Color = (0.7, 0.7, 0.7)
LIGHT: Color = (0.9, 0.9, 0.9)
PALE: Color = (0.96, 0.96, 0.96)
NAVY: Color = (0.09, 0.2, 0.38)
BLUE: Color = (0.16, 0.38, 0.67)
TEAL: Color = (0.05, 0.45, 0.47)
MAROON: Color = (0.5, 0.12, 0.14)
OLIVE: Color = (0.36, 0.4, 0.16)

#: The palette by the names the data file uses.
COLORS: dict[str, Color] = {
    "black": BLACK,
    "white": WHITE,
    "grey": GREY,
    "mid": MID,
    "light": LIGHT,
    "pale": PALE,
    "navy": NAVY,
    "blue": BLUE,
    "teal": TEAL,
    "maroon": MAROON,
    "olive": OLIVE,
}
