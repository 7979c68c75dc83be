"""Attack round four, one class: an annotation (or a form field) that a viewer does not draw on
screen, flagged ``/NoView`` (printed when ``/Print`` is set too) or ``/Hidden``, whose
appearance shows the item.

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5): the page text the record keeps, and what a
pattern reads, leave such an annotation out (MuPDF reads a page as the screen shows it), but
MuPDF's ``bake`` drew its appearance into the page all the same. ``produce --redact-pattern``
found no hit, the stamp baked the appearance, and the produced page wrote and showed the item
to every extractor and to OCR of its render (``/NoView`` with or without ``/Print``: a stamp
annotation and a text field alike). `redact` held only because it bakes before it searches.
Now `bake.bake_visible` deletes what a viewer does not draw on screen before baking.

Next in the class: a stamp lying wholly above the CropBox, or beside the MediaBox, was baked
into text off the page; the gate refused it (``shown``), so the document could not be
produced at all (held, but only by refusing). Now `bake` deletes it too, and it is produced.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pikepdf
import pymupdf
import pytest

from clawback.pdf.redaction.bake import bake_visible
from tests.redaction.channels import LINE, PLAIN, _annot, _form, _with
from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.extractors import contains, found_in, ocr, texts
from tests.redaction.volumes import Volumes

NO_VIEW = pymupdf.PDF_ANNOT_IS_NO_VIEW
PRINT = pymupdf.PDF_ANNOT_IS_PRINT


def _stamp(
    flags: int, rect: tuple[float, ...] = (72, 596, 372, 620), crop_top: float | None = None
) -> Callable[[str], bytes]:
    def build(heading: str) -> bytes:
        def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
            shows = _form(pdf, "BT /F1 14 Tf 0 6 Td (" + LINE + ") Tj ET", (0, 0, 300, 24))
            _annot(
                pdf,
                Subtype=pikepdf.Name.Stamp,
                Rect=list(rect),
                F=flags,
                AP=pikepdf.Dictionary(N=shows),
            )
            if crop_top is not None:
                pdf.pages[0].obj.CropBox = pikepdf.Array([0, 0, 612, crop_top])

        return _with(heading, "", setup)

    return build


def _field(heading: str) -> bytes:
    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        shows = _form(pdf, "BT /F1 14 Tf 0 6 Td (" + LINE + ") Tj ET", (0, 0, 300, 24))
        field = _annot(
            pdf,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("f1"),
            V=pikepdf.String("see attached"),
            Rect=[72, 596, 372, 620],
            F=NO_VIEW | PRINT,
            AP=pikepdf.Dictionary(N=shows),
        )
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))

    return _with(heading, "", setup)


FILES: dict[str, Callable[[str], bytes]] = {
    "stamp_printed_not_viewed": _stamp(NO_VIEW | PRINT),
    "stamp_never_viewed": _stamp(NO_VIEW),
    "field_printed_not_viewed": _field,
    "stamp_above_the_cropbox": _stamp(PRINT, (72, 750, 372, 774), crop_top=740),
    "stamp_beside_the_mediabox": _stamp(PRINT, (700, 596, 1000, 620)),
}
NAMES = sorted(FILES)


@pytest.mark.parametrize("name", NAMES)
def test_the_screen_does_not_show_the_item_but_the_file_holds_it(name: str) -> None:
    pdf = FILES[name](PLAIN)
    with pymupdf.open(stream=pdf) as doc:
        assert not contains(doc[0].get_text(), ITEM)
    assert "objects" in found_in(texts(pdf), ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_baking_draws_nothing_the_screen_does_not_show(name: str) -> None:
    with pymupdf.open(stream=FILES[name](PLAIN)) as doc:
        bake_visible(doc)
        assert not list(doc[0].annots()) and not list(doc[0].widgets())
        assert not found_in(texts(doc.tobytes(garbage=4)), ITEM)  # off the page too


def test_an_annotation_the_screen_shows_is_still_baked() -> None:
    with pymupdf.open(stream=_stamp(PRINT)(PLAIN)) as doc:
        bake_visible(doc)
        assert contains(doc[0].get_text(), ITEM)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("unseen-annotations"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_a_produced_page_never_shows_an_annotation_the_screen_did_not(
    volumes: Volumes, name: str
) -> None:
    for heading in (PLAIN, FIRST):
        produced = volumes.produce(name, FILES[name], heading)
        assert isinstance(produced, bytes), produced
        readings = texts(produced)
        assert not found_in(readings, ITEM), f"{name}: {found_in(readings, ITEM)}"
        assert not contains(ocr(produced), ITEM)
        assert contains(readings["pymupdf"], "Routine" if heading == PLAIN else "known code")


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_a_brief_s_public_version_never_shows_an_annotation_the_screen_did_not(
    volumes: Volumes, name: str
) -> None:
    public = volumes.brief(name, FILES[name], PLAIN)
    assert isinstance(public, bytes), public
    assert not found_in(texts(public), ITEM) and not contains(ocr(public), ITEM)
