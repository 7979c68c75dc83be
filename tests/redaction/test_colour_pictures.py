"""Attack round five, one class: a picture of the item's line in two colours of one lightness
(red on green, blue on dark grey) beside ordinary text. The eye reads it at once; a render in
grey, as every OCR here reads a page, shows a flat box.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5, Tesseract 5.3): neither ingest's OCR nor the
gate's read the item, so ``produce --redact-pattern`` found no hit and sent the page out
showing it, and `redact` then the gate passed it (LEAK, both files, both ways). Now a drawn
region in colour is read a second time in the grey that best separates its colours
(`shows.ocr_colour`): the pattern finds the item, the redactor boxes it, the gate reads it.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.shows.ocr_colour import colour_strip
from tests.redaction.channels import LINE, PLAIN, _with
from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.extractors import contains, failures, found_in, ocr, pictures, texts
from tests.redaction.volumes import Volumes, produced_without_the_item, redacted_and_gated

Colour = tuple[float, float, float]


def _coloured(ink: Colour, ground: Colour) -> Callable[[str], bytes]:
    """A page: the heading, and an RGB picture of `LINE` (14 points) in `ink` on `ground`."""

    def build(heading: str) -> bytes:
        wide = pymupdf.get_text_length(LINE, fontsize=14) + 8
        with pymupdf.open() as doc:
            page = doc.new_page(width=wide, height=26)
            page.draw_rect(page.rect, color=None, fill=ground)
            page.insert_text((4, 18), LINE, fontsize=14, color=ink)
            pix = page.get_pixmap(dpi=200)
            samples, width, height = pix.samples, pix.width, pix.height

        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = pdf.make_stream(zlib.compress(samples), Filter=pikepdf.Name.FlateDecode)
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height, image.BitsPerComponent = width, height, 8
            image.ColorSpace = pikepdf.Name.DeviceRGB
            resources.XObject = pikepdf.Dictionary(Im1=image)

        return _with(heading, f"q {wide:.2f} 0 0 26 72 480 cm /Im1 Do Q\n", setup)

    return build


#: Lightness 0.299 R + 0.587 G + 0.114 B: red (76) on green (76); blue (29) on grey (28).
FILES = {
    "red_on_green": _coloured((1, 0, 0), (0, 0.51, 0)),
    "blue_on_dark_grey": _coloured((0, 0, 1), (0.11, 0.11, 0.11)),
}
NAMES = sorted(FILES)


def _readers(pdf: bytes) -> list[str]:
    """Who reads the item in `pdf`: the extractors, or OCR of the pictures it holds."""
    readings = texts(pdf)
    assert not failures(readings)
    readers = found_in(readings, ITEM)
    return readers + (["pictures"] if contains(pictures(pdf), ITEM) else [])


@pytest.mark.parametrize("name", NAMES)
def test_only_the_colours_tell_the_item(name: str) -> None:
    """The files are fair: the picture holds the item (read in colour), no text reader reads
    it, and OCR of the page rendered in grey does not."""
    pdf = FILES[name](PLAIN)
    assert _readers(pdf) == ["pictures"]
    assert not contains(ocr(pdf), ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_redacted_then_gated_the_item_is_gone_or_the_file_refused(name: str) -> None:
    redacted_and_gated(name, FILES[name](FIRST), _readers)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("colour-pictures"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes, name: str) -> None:
    produced_without_the_item(volumes, name, FILES[name], PLAIN, _readers)


def test_black_on_white_and_a_grey_scale_are_read_once() -> None:
    """No second reading where lightness tells everything: black ink, and a picture in greys."""
    for ink, ground in [((0, 0, 0), (1, 1, 1)), ((0.2, 0.2, 0.2), (0.8, 0.8, 0.8))]:
        with pymupdf.open(stream=_coloured(ink, ground)(PLAIN)) as doc:
            assert colour_strip(doc[0], pymupdf.Rect(60, 270, 300, 330), 200) is None
