"""Attack round five, one class: what a graphics state's transfer function (``/TR``, ``/TR2``)
shows, which other viewers apply and MuPDF does not.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5, pypdfium2): a grey picture of noise whose
samples' lowest bit spells the item's line (odd under the letters, even around them), drawn
in a graphics state whose transfer function maps odd to black and even to white. MuPDF draws
noise (ingest's OCR, the pattern search and every check of the gate read nothing), pdfium,
Chrome's viewer, draws ``code DB-40981 entered``: ``produce --redact-pattern`` wrote it out
as it came, and the gate passed it. Now `scrub` takes such transfer functions out of every
file it writes (`redaction.transfer`), so every viewer draws what MuPDF drew, and the gate
refuses a file still holding one (``transfer``).
"""

from __future__ import annotations

import random
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pikepdf
import pymupdf
import pypdfium2 as pdfium
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.scrub import scrub
from tests.redaction.channels import LINE, PLAIN, _with
from tests.redaction.drawn import ITEM
from tests.redaction.extractors import _tesseract, contains, found_in, ocr, texts
from tests.redaction.volumes import Volumes, refused_in_one_line

#: Odd to black, even to white: a PostScript calculator function of one sample in [0, 1].
PARITY = b"{ 255 mul 0.5 add cvi 2 mod 1 exch sub }"


def _noise() -> tuple[bytes, int, int, float, float]:
    """Grey samples of noise whose lowest bit is 1 under `LINE`'s letters, 0 around them;
    the picture's size in samples and in points."""
    width, size = pymupdf.get_text_length(LINE, fontsize=14) + 8, 14.0
    with pymupdf.open() as doc:
        page = doc.new_page(width=width, height=size * 1.8)
        page.insert_text((4, size * 1.3), LINE, fontsize=size)
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    chance = random.Random(7)
    samples = bytes(chance.randrange(60, 127) * 2 | (s <= 128) for s in pix.samples)
    return samples, pix.width, pix.height, width * 1.5, size * 2.7


def _picture(key: str = "TR", in_form: bool = False) -> Callable[[str], bytes]:
    def build(heading: str) -> bytes:
        samples, w, h, points_wide, points_high = _noise()

        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            picture = pdf.make_stream(
                zlib.compress(samples),
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Image,
                Width=w,
                Height=h,
                ColorSpace=pikepdf.Name.DeviceGray,
                BitsPerComponent=8,
                Filter=pikepdf.Name.FlateDecode,
            )
            function = pdf.make_stream(PARITY, FunctionType=4, Domain=[0, 1], Range=[0, 1])
            state = pikepdf.Dictionary(Type=pikepdf.Name.ExtGState)
            state[f"/{key}"] = function
            drawn = pikepdf.Dictionary(
                XObject=pikepdf.Dictionary(Im1=picture), ExtGState=pikepdf.Dictionary(GT=state)
            )
            if not in_form:
                resources.XObject, resources.ExtGState = drawn.XObject, drawn.ExtGState
                return
            form = pdf.make_stream(
                f"q /GT gs {points_wide:.2f} 0 0 {points_high:.2f} 0 0 cm /Im1 Do Q".encode(),
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Form,
                BBox=[0, 0, points_wide, points_high],
                Resources=drawn,
            )
            resources.XObject = pikepdf.Dictionary(Fm1=form)

        place = (
            "1 0 0 1 72 600 cm /Fm1 Do"
            if in_form
            else (f"/GT gs {points_wide:.2f} 0 0 {points_high:.2f} 72 600 cm /Im1 Do")
        )
        return _with(heading, f"q {place} Q\n", setup)

    return build


FILES: dict[str, Callable[[str], bytes]] = {
    "parity_picture": _picture(),
    "parity_picture_tr2": _picture("TR2"),
    "parity_picture_in_a_form": _picture(in_form=True),
}
NAMES = sorted(FILES)


def chrome(pdf: bytes) -> str:
    """What Tesseract reads of each page as pdfium (Chrome's viewer) draws it."""
    document = pdfium.PdfDocument(pdf)
    with tempfile.TemporaryDirectory() as tmp:
        images = []
        for number in range(len(document)):
            path = Path(tmp) / f"{number}.png"
            document[number].render(scale=120 / 72).to_pil().convert("L").save(path)
            images.append(path)
        document.close()
        return "\n".join(_tesseract(images, "11"))


@pytest.mark.parametrize("name", NAMES)
def test_chrome_shows_the_item_where_mupdf_draws_noise(name: str) -> None:
    pdf = FILES[name](PLAIN)
    assert not found_in(texts(pdf), ITEM)
    assert not contains(ocr(pdf), ITEM)
    assert contains(chrome(pdf), ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_the_scrub_makes_every_viewer_draw_what_mupdf_drew(name: str) -> None:
    pdf = FILES[name](PLAIN)
    cleaned = scrub(pdf)
    assert not contains(chrome(cleaned), ITEM)
    with pymupdf.open(stream=pdf) as before, pymupdf.open(stream=cleaned) as after:
        assert before[0].get_pixmap(dpi=72).samples == after[0].get_pixmap(dpi=72).samples
    assert not verify(cleaned, [("code", ITEM)], xray=False)


@pytest.mark.parametrize("name", NAMES)
def test_the_gate_refuses_a_transfer_function(name: str) -> None:
    findings = verify(FILES[name](PLAIN), [("code", ITEM)], xray=False)
    assert any(f.check == "transfer" for f in findings), findings


#: The square the soft-mask test paints, in page coordinates.
SQUARE = pymupdf.Rect(100, 492, 300, 692)


def test_a_soft_mask_s_transfer_function_is_kept() -> None:
    """MuPDF applies a soft mask's own /TR (here inverting a white mask: nothing shows)."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        group = pdf.make_stream(
            b"1 g 0 0 612 792 re f",
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Form,
            BBox=[0, 0, 612, 792],
            Group=pikepdf.Dictionary(S=pikepdf.Name.Transparency, CS=pikepdf.Name.DeviceGray),
        )
        invert = pdf.make_indirect(
            pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[1], C1=[0], N=1)
        )
        mask = pikepdf.Dictionary(S=pikepdf.Name.Luminosity, G=group, TR=invert)
        resources.ExtGState = pikepdf.Dictionary(M=pikepdf.Dictionary(SMask=mask))

    pdf = _with(PLAIN, "q /M gs 0 g 100 100 200 200 re f Q\n", setup)
    cleaned = scrub(pdf)
    for drawn in (pdf, cleaned):  # the square shows in neither viewer, before or after
        with pymupdf.open(stream=drawn) as doc:
            square = doc[0].get_pixmap(dpi=20, colorspace=pymupdf.csGRAY, clip=SQUARE)
            assert min(square.samples) == 255
        document = pdfium.PdfDocument(drawn)
        shown = document[0].render(scale=1).to_pil().convert("L").crop((100, 492, 300, 692))
        assert shown.getextrema()[0] == 255
        document.close()
    assert not [f for f in verify(cleaned, [("code", ITEM)], xray=False) if f.check == "transfer"]


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("transfer"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_a_produced_page_shows_chrome_no_more_than_mupdf(volumes: Volumes, name: str) -> None:
    produced = volumes.produce(name, FILES[name], PLAIN)
    if isinstance(produced, str):
        refused_in_one_line(produced)
        return
    assert not contains(chrome(produced), ITEM), name
    assert contains(texts(produced)["pymupdf"], "Routine")
