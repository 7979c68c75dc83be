"""Stamp corners, Unicode legends and deterministic output (a redone document is the same file)."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.stamp import CORNERS, stamp, stamp_check


def one_page(text: str = "body text") -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.mark.parametrize("corner", CORNERS)
def test_each_corner_puts_the_number_in_its_band_and_passes_the_gate(corner: str) -> None:
    labels = [("CX-000001", "CONFIDENTIAL")]
    out = stamp(one_page(), labels, corner=corner)
    assert stamp_check(out, labels, corner=corner) == []
    assert verify(out, (), expected_labels=labels, xray=False) == []
    with pymupdf.open(stream=out) as doc:
        page = doc[0]
        words = {w[4]: w for w in page.get_text("words")}
        x0, y0 = words["CX-000001"][0], words["CX-000001"][1]
        body = words["body"][1]
    vertical, horizontal = corner.split("-")
    assert (y0 < body) is (vertical == "top")
    assert {"left": x0 < 100, "right": x0 > 400, "center": 200 < x0 < 400}[horizontal]


def test_the_same_input_gives_the_same_bytes_and_unicode_legends_are_kept() -> None:
    labels = [("CX-000001", "VERTRAULICH \u2013 NUR F\u00dcR ANW\u00c4LTE \u2192 AEO")]
    first, second = stamp(one_page(), labels), stamp(one_page(), labels)
    assert first == second
    assert stamp_check(first, labels) == []
    plain = [("CX-000001", "CONFIDENTIAL")]
    assert stamp(one_page(), plain) == stamp(one_page(), plain)
    assert stamp(one_page(), plain) != stamp(one_page(), [("CX-000002", "CONFIDENTIAL")])


def test_a_plain_legend_reads_back_character_for_character() -> None:
    legend = "HIGHLY CONFIDENTIAL - ATTORNEYS' EYES ONLY `q` caf\u00e9"
    out = stamp(one_page(), [("CX-000001", legend)])
    with pymupdf.open(stream=out) as doc:
        assert legend in doc[0].get_text()  # not ATTORNEYS\u2019: the font is on the page
        assert doc[0].get_fonts()[0][3] == "Helvetica"
