"""Attack round four, one class: what a JPEG picture carries in its own bytes besides the
picture (EXIF, XMP, comments), naming the item.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): a photo whose EXIF description and
artist and whose JPEG comment name the item, on a page that does not show it, was produced
with ``--redact-pattern`` and went out holding the item (the file's streams: ``pdfimages``
then ``exiftool`` or ``strings`` read it); on a page that also shows the item, `redact`'s
output held it and the gate refused the file (``raw``). The scrub removed the file's own
metadata, never the picture's. Now it keeps of each JPEG only the segments decoding needs
(`redaction.picturemeta`), the compressed picture copied byte for byte.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest
from PIL import Image, ImageDraw

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.picturemeta import holds_metadata, without_metadata
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from tests.redaction.channels import LINE, PLAIN, _with
from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.extractors import found_in, texts
from tests.redaction.volumes import Volumes


def _photo() -> bytes:
    """A small JPEG photo whose EXIF, XMP and comment name the item."""
    picture = Image.new("RGB", (120, 80), (200, 120, 60))
    ImageDraw.Draw(picture).ellipse((20, 10, 100, 70), fill=(40, 90, 160))
    exif = Image.Exif()
    exif[0x010E] = LINE  # ImageDescription
    exif[0x013B] = f"Rosalind {ITEM}"  # Artist
    buffer = io.BytesIO()
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc>{ITEM}</dc></x:xmpmeta>'.encode()
    picture.save(buffer, "JPEG", exif=exif.tobytes(), comment=LINE.encode(), xmp=xmp)
    return buffer.getvalue()


def _page_with(photo: bytes, flate: bool) -> Callable[[str], bytes]:
    def build(heading: str) -> bytes:
        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = pdf.make_stream(zlib.compress(photo) if flate else photo)
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height, image.BitsPerComponent = 120, 80, 8
            image.ColorSpace = pikepdf.Name.DeviceRGB
            image.Filter = (
                pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name.DCTDecode])
                if flate
                else pikepdf.Name.DCTDecode
            )
            resources.XObject = pikepdf.Dictionary(Im1=image)

        return _with(heading, "q 120 0 0 80 72 500 cm /Im1 Do Q\n", setup)

    return build


FILES = {
    "jpeg_metadata": _page_with(_photo(), flate=False),
    "jpeg_metadata_under_flate": _page_with(_photo(), flate=True),
}
NAMES = sorted(FILES)


def _held(pdf: bytes) -> bool:
    """Whether a picture's stream, its Flate undone, holds the item (`extractors`' reading of
    the file's streams gives up on a JPEG under Flate)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                raw = obj.read_raw_bytes()
                if obj.get("/Filter") != "/DCTDecode":
                    raw = zlib.decompress(raw)
                if ITEM.encode() in raw:
                    return True
    return False


def _pixels(pdf: bytes) -> bytes:
    with pymupdf.open(stream=pdf) as doc:
        (xref,) = [x for x, *_ in doc.get_page_images(0)]
        return pymupdf.Pixmap(doc, xref).samples  # type: ignore[no-any-return]


def test_the_metadata_goes_and_the_picture_stays_byte_for_byte() -> None:
    photo = _photo()
    stripped = without_metadata(photo)
    assert stripped is not None and holds_metadata(photo) and not holds_metadata(stripped)
    assert ITEM.encode() not in stripped and ITEM.encode() in photo
    assert stripped[stripped.index(b"\xff\xda") :] == photo[photo.index(b"\xff\xda") :]
    assert Image.open(io.BytesIO(stripped)).tobytes() == Image.open(io.BytesIO(photo)).tobytes()
    assert without_metadata(stripped) is None


@pytest.mark.parametrize("name", NAMES)
def test_only_the_files_streams_hold_the_item(name: str) -> None:
    pdf = FILES[name](PLAIN)
    assert _held(pdf)
    assert found_in(texts(pdf), ITEM) == (["objects"] if name == "jpeg_metadata" else [])


@pytest.mark.parametrize("name", NAMES)
def test_redacted_the_item_is_gone_and_the_gate_passes(name: str) -> None:
    pdf = FILES[name](FIRST)
    done = redact(pdf, [Redaction(page=0, reason="R", text=ITEM, label="c0")], WIDTH_POLICY)
    found = verify(
        done.pdf, [("c", ITEM)], boxes=done.boxes, reflowed=done.reflowed, original=pdf, xray=False
    )
    assert not found, found
    assert not found_in(texts(done.pdf), ITEM) and not _held(done.pdf)
    assert _pixels(done.pdf) == _pixels(pdf)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("picture-metadata"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_produced_the_picture_no_longer_names_the_item(volumes: Volumes, name: str) -> None:
    produced = volumes.produce(name, FILES[name], PLAIN)
    assert isinstance(produced, bytes), produced
    assert not found_in(texts(produced), ITEM) and not _held(produced)
    assert _pixels(produced) == _pixels(FILES[name](PLAIN))
