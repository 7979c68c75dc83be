"""Pictures become pages that can carry a Bates number and a legend, however small they are."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.ingest.images import MIN_PAGE, image_pdf
from clawback.ingest.limits import Refused
from clawback.service import Workspace
from tests.started import start


def icon(pixels: int) -> bytes:
    """A PNG `pixels` square recorded at 300 dpi, like an e-mail signature's logo."""
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, pixels, pixels), False)
    pix.set_rect(pix.irect, (200, 30, 30))
    pix.set_dpi(300, 300)
    return pix.tobytes("png")


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def test_a_tiny_picture_is_drawn_at_its_size_on_a_page_that_takes_a_stamp(ws: Workspace) -> None:
    """A 16 x 16 pixel picture made a 3.84-point page, and `produce` then stopped ("labels do
    not fit the page width"). It is now drawn at its own size at the top of a page at least
    `MIN_PAGE`, and produced with its Bates number and legend."""
    with pymupdf.open(stream=image_pdf(icon(16))) as doc:
        page = doc[0]
        assert (page.rect.width, page.rect.height) == MIN_PAGE
        [info] = page.get_image_info()
        drawn = pymupdf.Rect(info["bbox"])
        assert drawn.width == pytest.approx(16 * 72 / 300, abs=0.01)
        assert drawn.y0 == pytest.approx(0, abs=0.01)
        assert drawn.x0 == pytest.approx((MIN_PAGE[0] - drawn.width) / 2, abs=0.01)
    [control], new = ws.ingest.ingest_file(icon(16), "logo.png")
    assert new
    ws.designations.designate(control, "Confidential")
    span = ws.productions.produce([control], "ICO-00000001", "VOL1")
    assert str(span.first) == "ICO-00000001"


def test_a_picture_larger_than_the_minimum_keeps_its_own_page_size() -> None:
    big = icon(1500)  # 1500 px at 300 dpi: 5 inches square
    with pymupdf.open(stream=image_pdf(big)) as doc:
        assert doc[0].rect.width == pytest.approx(360, abs=0.01)
        assert doc[0].rect.height == pytest.approx(360, abs=0.01)


def test_a_tiff_with_corrupt_exif_is_refused_without_pillows_own_warning() -> None:
    """Pillow warned "Corrupt EXIF data. Expecting to read 2 bytes but only got 0." on the
    command's stderr (a line of its own, with its source path) beside clawback's refusal."""
    tiff = b"II*\x00" + b"\xff\xff\xff\x7f" + b"\x00" * 40
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(Refused, match=r"^malformed image"):
            image_pdf(tiff)
    assert not seen, [str(w.message) for w in seen]
