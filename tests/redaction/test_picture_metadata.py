"""Attack round four, one class: what a JPEG or JPEG 2000 picture carries in its own bytes
besides the picture (EXIF, XMP, comments; a JPEG 2000 file's ``xml `` and ``uuid`` boxes and
codestream comments), naming the item.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): a photo whose EXIF description and
artist and whose JPEG comment name the item, on a page that does not show it, was produced
with ``--redact-pattern`` and went out holding the item (the file's streams: ``pdfimages``
then ``exiftool`` or ``strings`` read it); on a page that also shows the item, `redact`'s
output held it and the gate refused the file (``raw``). The scrub removed the file's own
metadata, never the picture's. A JPEG 2000 picture with an ``xml`` box naming the item went
out the same way (found next, the same class). Now the scrub keeps of each JPEG only the
segments decoding needs and of each JPEG 2000 file only the boxes a decoder reads, its main
header without comments (`redaction.picturemeta`), the compressed picture byte for byte.
"""

from __future__ import annotations

import io
import struct
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


def _jpeg_2000() -> bytes:
    """The same photo as a JPEG 2000 file: an ``xml `` and a ``uuid`` box name the item, and
    so does a comment in its codestream's main header."""
    picture = Image.new("RGB", (120, 80), (200, 120, 60))
    ImageDraw.Draw(picture).ellipse((20, 10, 100, 70), fill=(40, 90, 160))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG2000", no_jp2=True, irreversible=False)
    codestream = buffer.getvalue()
    after_siz = 4 + int.from_bytes(codestream[4:6], "big")
    text = b"\x00\x01" + LINE.encode()
    comment = b"\xff\x64" + (2 + len(text)).to_bytes(2, "big") + text
    codestream = codestream[:after_siz] + comment + codestream[after_siz:]

    def box(kind: bytes, body: bytes) -> bytes:
        return (8 + len(body)).to_bytes(4, "big") + kind + body

    header = box(b"ihdr", struct.pack(">IIHBBBB", 80, 120, 3, 7, 7, 0, 0))
    header += box(b"colr", struct.pack(">BBBI", 1, 0, 0, 16))
    return (
        box(b"jP  ", b"\x0d\x0a\x87\x0a")
        + box(b"ftyp", b"jp2 " + b"\x00" * 4 + b"jp2 ")
        + box(b"jp2h", header)
        + box(b"uuid", b"\xbe\x7a\xcf\xcb" * 4 + f"<x:xmpmeta>{ITEM}</x:xmpmeta>".encode())
        + box(b"jp2c", codestream)
        + box(b"xml ", f"<note>{LINE}</note>".encode())
    )


def _page_with(photo: bytes, flate: bool, kind: str = "/DCTDecode") -> Callable[[str], bytes]:
    def build(heading: str) -> bytes:
        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = pdf.make_stream(zlib.compress(photo) if flate else photo)
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height = 120, 80
            if kind == "/DCTDecode":
                image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
            image.Filter = (
                pikepdf.Array([pikepdf.Name.FlateDecode, pikepdf.Name(kind)])
                if flate
                else pikepdf.Name(kind)
            )
            resources.XObject = pikepdf.Dictionary(Im1=image)

        return _with(heading, "q 120 0 0 80 72 500 cm /Im1 Do Q\n", setup)

    return build


FILES = {
    "jpeg_metadata": _page_with(_photo(), flate=False),
    "jpeg_metadata_under_flate": _page_with(_photo(), flate=True),
    "jpeg_2000_metadata": _page_with(_jpeg_2000(), flate=False, kind="/JPXDecode"),
}
NAMES = sorted(FILES)


def _held(pdf: bytes) -> bool:
    """Whether a picture's stream, its Flate undone, holds the item (`extractors`' reading of
    the file's streams gives up on a JPEG under Flate)."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Image":
                raw = obj.read_raw_bytes()
                if isinstance(obj.get("/Filter"), pikepdf.Array):
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


def test_a_jpeg_2000_loses_its_boxes_and_comments_not_its_picture() -> None:
    picture = _jpeg_2000()
    stripped = without_metadata(picture)
    assert stripped is not None and ITEM.encode() not in stripped
    assert b"xml " not in stripped and b"uuid" not in stripped
    assert Image.open(io.BytesIO(stripped)).tobytes() == Image.open(io.BytesIO(picture)).tobytes()


@pytest.mark.parametrize("name", NAMES)
def test_only_the_files_streams_hold_the_item(name: str) -> None:
    pdf = FILES[name](PLAIN)
    assert _held(pdf)
    assert found_in(texts(pdf), ITEM) == ([] if "under_flate" in name else ["objects"])


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


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_filed_as_a_brief_the_picture_no_longer_names_the_item(volumes: Volumes, name: str) -> None:
    public = volumes.brief(name, FILES[name], PLAIN)
    assert isinstance(public, bytes), public
    assert not found_in(texts(public), ITEM) and not _held(public)
