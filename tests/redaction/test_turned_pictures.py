"""Attack round five, one class: a picture of the item's line drawn turned (a quarter turn, upside
down, 30 degrees) beside ordinary text: the page shows the item to a reader who turns the page.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5, Tesseract 5.3): Tesseract reads lines that
run left to right, so OCR of the page read nothing there (ingest's, and the gate's); no text
extractor reads a picture. ``produce --redact-pattern`` found no hit and the file went out
showing the item (LEAK, every file), and `redact` then the gate passed it (LEAK, every file).
Now the OCR of drawn regions also reads each picture drawn turned in its own frame, upright
(`shows.ocr_turned`), and writes its words at the box around them on the page: the pattern
finds them, the redactor boxes them, and the gate reads such a picture the same way.

The next member: a scan with no text at all, read whole (`ocr.needs_ocr`), drawn a quarter turn
round (a landscape scan filed on a portrait page): read as shown, sideways, it leaked the same
way through ``produce``; now such a page is read as one region beside its turned pictures.
And the one after: glyph outlines (no text, no picture) set vertically; see
`test_outlines_set_vertically_are_produced_without_the_item`. Not read: art turned at another
angle than a quarter, or upside down, with no picture to say so.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from tests.redaction import pdf_blocks
from tests.redaction.channels import LINE, PLAIN, _with
from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.extractors import contains, failures, found_in, ocr, pictures, texts
from tests.redaction.volumes import Volumes, produced_without_the_item, redacted_and_gated


def _turned(degrees: int) -> Callable[[str], bytes]:
    """A page: the heading, and a picture of `LINE` (14 points) turned by `degrees` about
    (300, 400), counter-clockwise as the page shows it."""

    def build(heading: str) -> bytes:
        wide = pymupdf.get_text_length(LINE, fontsize=14) + 8
        high = 14 * 1.8
        with pymupdf.open() as doc:
            page = doc.new_page(width=wide, height=high)
            page.insert_text((4, 14 * 1.3), LINE, fontsize=14)
            pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
            samples, width, height = pix.samples, pix.width, pix.height

        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            image = pdf.make_stream(zlib.compress(samples), Filter=pikepdf.Name.FlateDecode)
            image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
            image.Width, image.Height, image.BitsPerComponent = width, height, 8
            image.ColorSpace = pikepdf.Name.DeviceGray
            resources.XObject = pikepdf.Dictionary(Im1=image)

        cos, sin = (round(f(math.radians(degrees)), 6) for f in (math.cos, math.sin))
        matrix = f"{wide * cos:.3f} {wide * sin:.3f} {-high * sin:.3f} {high * cos:.3f} 300 400"
        return _with(heading, f"q {matrix} cm /Im1 Do Q\n", setup)

    return build


FILES = {f"turned_{degrees}": _turned(degrees) for degrees in (90, 180, 30)}
#: Produced end to end (the others are read by the same code through `redact` and the gate).
PRODUCED = ["turned_90"]
NAMES = sorted(FILES)


def sideways_scan(heading: str) -> bytes:
    """A scanned memo and nothing else (no text: ingest reads it whole), its picture drawn a
    quarter turn round to fill the page, as a landscape scan filed on a portrait page is;
    `heading` is its first line."""
    with pymupdf.open() as doc:
        page = doc.new_page(width=792, height=612)
        for n, line in enumerate([heading, "The transfer was logged as", LINE, "and closed."]):
            page.insert_text((72, 120 + 28 * n), line, fontsize=16)
        scan = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    with pymupdf.open() as doc:
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, pixmap=scan, rotate=90)
        made: bytes = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
        return made


def _readers(pdf: bytes) -> list[str]:
    """Who reads the item in `pdf`: the extractors, or OCR of the pictures it holds."""
    readings = texts(pdf)
    assert not failures(readings)
    readers = found_in(readings, ITEM)
    return readers + (["pictures"] if contains(pictures(pdf), ITEM) else [])


@pytest.mark.parametrize("name", [*NAMES, "sideways_scan"])
def test_only_the_picture_read_upright_gives_the_item(name: str) -> None:
    """The files are fair: the picture holds the item, and no text reader and no OCR of the
    page as shown reads it."""
    pdf = sideways_scan(PLAIN) if name == "sideways_scan" else FILES[name](PLAIN)
    assert _readers(pdf) == ["pictures"]
    assert not contains(ocr(pdf), ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_redacted_then_gated_the_item_is_gone_or_the_file_refused(name: str) -> None:
    redacted_and_gated(name, FILES[name](FIRST), _readers)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("turned-pictures"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", PRODUCED)
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes, name: str) -> None:
    produced_without_the_item(volumes, name, FILES[name], PLAIN, _readers)


@pytest.mark.xray
def test_a_sideways_scan_is_produced_without_the_item(volumes: Volumes) -> None:
    """A page read whole by OCR: its turned picture is read upright beside it."""
    produced_without_the_item(volumes, "sideways_scan", sideways_scan, PLAIN, _readers)


def test_the_gate_reads_a_turned_picture_left_on_the_page() -> None:
    """Redacted by its printed copy only (the picture is the item drawn, no text), the page
    still shows the item turned: the gate's OCR reads it and refuses, naming the label only."""
    pdf = FILES["turned_90"](FIRST)
    done = redact(pdf, [Redaction(page=0, reason="R", text=ITEM, label="c")], WIDTH_POLICY)
    assert contains(pictures(done.pdf), ITEM)
    findings = verify(
        done.pdf, [("c", ITEM)], boxes=done.boxes, reflowed=done.reflowed, original=pdf, xray=False
    )
    assert [f.check for f in findings] == ["ocr"] and ITEM not in str(findings[0])


def turned_outlines(heading: str) -> bytes:
    """The heading, and `LINE` drawn as Helvetica's glyph outlines (no text) turned a quarter
    left, a vertical line in the margin, as a rotated stamp or a sideways table label is."""
    scale, line = 14 / 1000, LINE
    paths = "".join(
        pdf_blocks._outline(char, scale, x, 0)
        for char, x in zip(line, pdf_blocks._advances(line, 14), strict=True)
        if char != " "
    )
    return _with(heading, "q 0 1 -1 0 400 300 cm 0 g\n" + paths + "f\nQ\n")


def _read_turned(pdf: bytes) -> list[str]:
    """OCR of `pdf`'s pages turned a quarter right, as a reader turns the page to read a line
    set bottom to top: ``["ocr-turned"]`` when it reads the item."""
    with pymupdf.open(stream=pdf) as doc:
        for page in doc:
            page.set_rotation((page.rotation + 90) % 360)
        turned = doc.tobytes()
    return ["ocr-turned"] if contains(ocr(turned), ITEM) else []


def test_outlines_set_vertically_are_read_turned_only() -> None:
    """The file is fair: no text, OCR of the page as shown misses the line, OCR of the page
    turned reads it."""
    pdf = turned_outlines(PLAIN)
    assert not found_in(texts(pdf), ITEM) and not contains(ocr(pdf), ITEM)
    assert _read_turned(pdf) == ["ocr-turned"]


def test_outlines_set_vertically_redacted_then_gated_are_gone_or_refused() -> None:
    redacted_and_gated("turned_outlines", turned_outlines(FIRST), _read_turned)


@pytest.mark.xray
def test_outlines_set_vertically_are_produced_without_the_item(volumes: Volumes) -> None:
    """The next member (vector art has no matrix to say it is turned): measured when found,
    produced showing the item; now a drawn region much taller than wide is read turned both
    ways too (`ocr_turned.upright_frames`), and the volume is refused (the box check finds the
    line's single path reaching under the box) or clean."""
    produced_without_the_item(volumes, "turned_outlines", turned_outlines, PLAIN, _read_turned)
