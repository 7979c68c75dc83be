"""Round three of places a page or the file around it may carry the item, each through
`redact` (every occurrence of the item, ``WIDTH_POLICY``) and the gate: no reader of
`tests.redaction.extractors` (seven text readings and the file's own strings and streams)
reads the item in the result, and the gate passes it. Measured when written, every one held;
each is here so that it keeps holding.

channel                      how it holds
clip_only_text               text drawn in render mode 7 clips a fill to the item's shape:
                             the text is removed with the fill under the box, the gate's
                             OCR reads the boxed place
stamp_appearance             `bake` draws the stamp's /AP into the page; text boxed
widget_value_and_default     the widget's /AP baked and boxed; /V, /DV go with the form
language_and_expansion       /Lang and /E strings of a marked-content property list: `scrub`
page_labels                  `scrub` removes /PageLabels (the item as a label's prefix)
structure_title              `scrub` removes the structure tree (/T of an element)
attachment_description       `scrub` removes the name tree (/Desc of an embedded file)
xmp_title                    `scrub` removes every /Metadata stream
rotated_90_cropped           a page rotated 90 with its /CropBox offset: boxed where shown
rotated_270_cropped          the same, rotated 270
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache

import pikepdf
import pymupdf
import pytest

from tests.redaction.drawn import FIRST, ITEM, gated, redacted
from tests.redaction.extractors import found_in, texts

Change = Callable[[pikepdf.Pdf, pikepdf.Page], None]


def _base(rotate: int = 0, crop: tuple[float, float, float, float] | None = None) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), FIRST, fontsize=11)
    page.insert_text((72, 130), "another line stays", fontsize=11)
    if crop is not None:
        page.set_cropbox(pymupdf.Rect(crop))
    page.set_rotation(rotate)
    data: bytes = doc.tobytes(garbage=4, clean=True)
    doc.close()
    return data


def _edited(change: Change) -> bytes:
    pdf = pikepdf.open(io.BytesIO(_base()))
    change(pdf, pdf.pages[0])
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _append(pdf: pikepdf.Pdf, page: pikepdf.Page, content: str) -> None:
    page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + content.encode())


def _font(page: pikepdf.Page) -> str:
    return str(next(iter(page.obj.Resources.Font.keys())))


def clip_only_text(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    font = _font(page)
    _append(pdf, page, f"\nq BT {font} 24 Tf 7 Tr 72 500 Td (ref {ITEM}) Tj ET 0 0 612 792 re f Q")


def _appearance(pdf: pikepdf.Pdf, page: pikepdf.Page, content: str) -> pikepdf.Stream:
    return pdf.make_stream(
        content.encode(),
        Type=pikepdf.Name.XObject,
        Subtype=pikepdf.Name.Form,
        BBox=[0, 0, 200, 20],
        Resources=pikepdf.Dictionary(Font=page.obj.Resources.Font),
    )


def stamp_appearance(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    shown = _appearance(pdf, page, f"BT {_font(page)} 12 Tf 2 5 Td (stamp {ITEM}) Tj ET")
    stamp = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Stamp,
        Rect=[72, 300, 272, 320],
        AP=pikepdf.Dictionary(N=shown),
        F=4,
    )
    page.obj.Annots = pikepdf.Array([pdf.make_indirect(stamp)])


def widget_value_and_default(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    shown = _appearance(pdf, page, f"/Tx BMC BT {_font(page)} 12 Tf 2 5 Td (f {ITEM}) Tj ET EMC")
    widget = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("code"),
            V=pikepdf.String(f"f {ITEM}"),
            DV=pikepdf.String(f"default {ITEM}"),
            Rect=[72, 300, 272, 320],
            AP=pikepdf.Dictionary(N=shown),
            F=4,
            P=page.obj,
        )
    )
    page.obj.Annots = pikepdf.Array([widget])
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[widget], DA=pikepdf.String("/Helv 0 Tf 0 g"))


def language_and_expansion(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    content = page.obj.Contents.read_bytes()
    lead = f"/Span <</Lang (en-{ITEM}) /E ({ITEM})>> BDC\n".encode()
    page.obj.Contents = pdf.make_stream(lead + content + b"\nEMC")


def page_labels(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    label = pikepdf.Dictionary(S=pikepdf.Name.D, P=pikepdf.String(f"{ITEM}-"))
    pdf.Root.PageLabels = pikepdf.Dictionary(Nums=[0, label])


def structure_title(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    element = pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, T=pikepdf.String(ITEM), Pg=page.obj, K=0
    )
    root = pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot, K=pdf.make_indirect(element))
    pdf.Root.StructTreeRoot = pdf.make_indirect(root)


def attachment_description(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    data = pdf.make_stream(b"hello", Type=pikepdf.Name.EmbeddedFile)
    spec = pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String("a.txt"),
        Desc=pikepdf.String(f"about {ITEM}"),
        EF=pikepdf.Dictionary(F=data),
    )
    files = pikepdf.Dictionary(Names=[pikepdf.String("a.txt"), spec])
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=files)


def xmp_title(pdf: pikepdf.Pdf, page: pikepdf.Page) -> None:
    with pdf.open_metadata() as meta:
        meta["dc:title"] = f"title {ITEM}"


EDITS: dict[str, Change] = {
    "clip_only_text": clip_only_text,
    "stamp_appearance": stamp_appearance,
    "widget_value_and_default": widget_value_and_default,
    "language_and_expansion": language_and_expansion,
    "page_labels": page_labels,
    "structure_title": structure_title,
    "attachment_description": attachment_description,
    "xmp_title": xmp_title,
}
ROTATED = {"rotated_90_cropped": 90, "rotated_270_cropped": 270}
#: Channels the page draws otherwise than it writes: the gate's OCR reads their boxes.
DRAWN = {"clip_only_text", "rotated_90_cropped", "rotated_270_cropped"}


@cache
def _base_count() -> int:
    """How often the file's own strings and streams hold the item without a channel."""
    return texts(_base())["objects"].count(ITEM)


def _made(name: str) -> bytes:
    if name in ROTATED:
        return _base(ROTATED[name], (30, 40, 560, 700))
    return _edited(EDITS[name])


@pytest.mark.parametrize("name", sorted([*EDITS, *ROTATED]))
def test_the_item_is_gone_and_the_gate_passes(name: str) -> None:
    pdf = _made(name)
    if name not in ROTATED:  # the premise: the channel carries the item, besides `FIRST`
        assert texts(pdf)["objects"].count(ITEM) > _base_count()
    done = redacted(pdf)
    assert found_in(texts(done.pdf), ITEM) == []
    findings = gated(done, pdf, ocr=name in DRAWN)
    assert findings == []
