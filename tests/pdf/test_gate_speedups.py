"""The gate's shortcuts keep its verdicts: one pattern for all byte needles, pypdf where it
matters, x-ray over named files."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from clawback.pdf.gate.verify import VerificationError, require_xray_clean, verify, xray_inspect
from clawback.pdf.shows.needles import PATTERN_FROM, ByteNeedles, byte_forms
from tests.pdf.builders import SECRET, SECRET_LABEL, text_pdf
from tests.pdf.corpus import Case


@pytest.mark.parametrize("fillers", [0, 40], ids=["few needles", "one pattern"])
def test_every_secret_is_found_even_where_they_overlap(fillers: int) -> None:
    secrets = {"left": "ABCD-1234", "right": "CD-1234-XY", "absent": "QQQQ-9999"}
    secrets |= {f"filler {n}": f"WW-{n:04d}-VV" for n in range(fillers)}
    assert (len({n for t in secrets.values() for n in byte_forms(t).values()}) > PATTERN_FROM) == (
        fillers > 0
    )
    needles = ByteNeedles({label: byte_forms(text) for label, text in secrets.items()})
    found = dict(needles.find(b"xx abcd-1234-xy yy"))
    assert sorted(found) == ["left", "right"]
    assert found["left"] == "utf-8"
    assert needles.find(b"nothing here at all") == []
    assert dict(needles.find("CD-1234-XY".encode("utf-16-be").hex().encode())) == {
        "right": "hex utf-16be as given"
    }
    assert needles.without({"left", "right"}).find(b"abcd-1234-xy") == []


def test_many_secrets_are_each_named_once() -> None:
    many = {f"code {n}": f"ZZ-{n:04d}-QQ" for n in range(60)}
    needles = ByteNeedles({label: byte_forms(text) for label, text in many.items()})
    found = needles.find(b"... zz-0007-qq ... zz-0059-qq ...")
    assert [label for label, _ in found] == ["code 7", "code 59"]


def test_every_extractor_reads_every_page_that_holds_the_secret() -> None:
    """No box anywhere: the pages are still read by every reading where a secret is; with no
    replacement text in the file, the second MuPDF reading is left out (it could not differ)."""
    findings = verify(text_pdf(3), [(SECRET_LABEL, SECRET)], xray=False)
    text = [f for f in findings if f.check == "text"]
    assert [f.page for f in text] == [0, 1, 2]
    for finding in text:
        assert finding.detail.endswith("(pymupdf, pdfium, pypdf)")
    assert not [f for f in findings if f.check == "actualtext"]


def test_replacement_text_brings_back_the_second_mupdf_reading() -> None:
    """The secret is in the glyphs, an /ActualText says "XXXXXXXXXX" over them: the MuPDF
    reading that ignores replacement text is made again, and finds it."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"Code {SECRET} here", fontsize=11)
    doc.tobytes()  # materialise the content stream
    xref = page.get_contents()[0]
    marked = b"/Span <</ActualText (XXXXXXXXXX)>> BDC\nBT\n"
    stream = (doc.xref_stream(xref) or b"").replace(b"BT\n", marked, 1)
    doc.update_stream(xref, stream.replace(b"ET\n", b"ET\nEMC\n", 1))
    pdf = doc.tobytes()
    doc.close()
    findings = verify(pdf, [(SECRET_LABEL, SECRET)], xray=False)
    assert [f for f in findings if f.check == "actualtext"]
    (text,) = [f for f in findings if f.check == "text"]
    assert "pymupdf-no-actualtext" in text.detail
    assert "(pymupdf," not in text.detail  # the replacement text hid it from that reading


def test_xray_over_named_files_names_the_file_and_the_page(
    corpus: dict[str, Case], xray_available: None, tmp_path: Path
) -> None:
    clean, faked = tmp_path / "clean.pdf", tmp_path / "faked.pdf"
    clean.write_bytes(text_pdf(2))
    faked.write_bytes(corpus["bad_box_over_live_text"].pdf)
    require_xray_clean([("EXHIBIT-1", clean)])
    with pytest.raises(
        VerificationError, match=r"^EXHIBIT-2: 1 finding\(s\); first: page 1: x-ray"
    ):
        require_xray_clean([("EXHIBIT-1", clean), ("EXHIBIT-2", faked)])


def test_xray_dealt_out_to_two_processes_reports_the_same(
    corpus: dict[str, Case], xray_available: None, tmp_path: Path
) -> None:
    files = []
    for n, name in enumerate(["good_text_removed", "bad_box_over_live_text"] * 2):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(corpus[name].pdf)
        files.append(path)
    one, two = xray_inspect(files), xray_inspect(files, processes=2)
    assert one == two
    assert [bool(one[path]) for path in files] == [False, True, False, True]


def _boxed_page(inline_image: bool) -> tuple[bytes, tuple[float, float, float, float]]:
    """A page with a 16x16 picture at (100, 100, 200, 200), drawn inline or as an image
    object, and an opaque black box drawn over part of it afterwards."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "A picture under a box:", fontsize=11)
    pixels = bytes(n % 251 for n in range(16 * 16 * 3))  # RGB, neighbours differ
    if inline_image:
        picture = b"q 100 0 0 100 100 642 cm BI /W 16 /H 16 /CS /RGB /BPC 8 ID %s EI Q" % pixels
        xref = doc.get_new_xref()
        doc.update_object(xref, "<<>>")
        doc.update_stream(xref, picture)
        doc.xref_set_key(page.xref, "Contents", f"[{page.get_contents()[0]} 0 R {xref} 0 R]")
    else:
        image = pymupdf.Pixmap(pymupdf.csRGB, 16, 16, pixels, False)
        page.insert_image(pymupdf.Rect(100, 100, 200, 200), pixmap=image)
    box = (120.0, 120.0, 180.0, 180.0)
    page.draw_rect(box, color=None, fill=(0, 0, 0))
    try:
        return doc.tobytes(garbage=4, deflate=True), box
    finally:
        doc.close()


@pytest.mark.parametrize(
    ("inline_image", "problem"),
    [(True, "an inline image"), (False, "image pixels that were not blanked")],
    ids=["inline image", "image object"],
)
def test_a_picture_under_a_box_is_looked_at_however_it_is_drawn(
    inline_image: bool, problem: str
) -> None:
    """The box check looks at pictures' pixels only where the page's drawing log shows one
    reaching a box: an inline image (no object of its own) is in that log too. (The ``shown``
    check names the picture too: the part of it the box paints over is a part no one sees.)"""
    pdf, box = _boxed_page(inline_image)
    findings = verify(pdf, [], boxes=[(0, box, "pic")], xray=False)
    assert [(f.page, f.check, f.detail) for f in findings if f.check == "box"] == [
        (0, "box", f"{problem} under the box of item 'pic'")
    ]
    away = (300.0, 300.0, 360.0, 360.0)  # a box that reaches no picture: nothing to look at
    with pymupdf.open(stream=pdf) as doc:
        doc[0].draw_rect(away, color=None, fill=(0, 0, 0))
        moved = doc.tobytes(garbage=4, deflate=True)
    # no box check; but the first fill still paints over pixels no one sees (``shown``)
    findings = verify(moved, [], boxes=[(0, away, "plain")], xray=False)
    assert [f.check for f in findings] == ["shown"]
