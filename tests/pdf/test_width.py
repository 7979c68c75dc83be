"""The width channel: what the glyph positions around a box tell, before and after re-flow."""

from __future__ import annotations

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, WidthPolicy, redact
from clawback.pdf.redaction.widthleak import NAMES, Gap, bits, consistent, observed_gap

TARGETS = ("Marisol Ejemplo", "Jose Lee", "Christopher Rodriguez", "Mary Smith", "Luis Nguyen")
SIZE = 11
HELVETICA = pymupdf.Font("helv")


def statement(name: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), f"Witness {name} stated that she saw it.", fontsize=SIZE)
    page.insert_text((72, 113), "The next line is ordinary text.", fontsize=SIZE)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def redacted(name: str, width: WidthPolicy | None) -> tuple[bytes, tuple[float, ...]]:
    item = Redaction(page=0, reason="REDACTED", text=name, label="witness")
    result = redact(statement(name), [item], width=width)
    findings = verify(
        result.pdf, [("witness", name)], boxes=result.boxes, reflowed=result.reflowed, xray=False
    )
    assert findings == []
    with pymupdf.open(stream=result.pdf) as doc:
        text = doc[0].get_text()
    assert "Witness" in text and "stated that she saw it." in text and name not in text
    ((_, box, _),) = result.boxes
    return result.pdf, box


def test_without_reflow_the_gap_names_the_witness() -> None:
    assert len(NAMES) == 2500
    for name in TARGETS:
        pdf, box = redacted(name, None)
        gap = observed_gap(pdf, 0, box)
        assert gap is not None
        assert gap.width == pytest.approx(HELVETICA.text_length(name, SIZE), abs=0.02)
        possible = consistent(gap, NAMES, HELVETICA)
        assert name in possible
        assert len(possible) <= 0.02 * len(NAMES), (name, len(possible))
        assert bits(len(possible), len(NAMES)) >= 5.6


def test_reflow_makes_every_gap_and_box_the_same() -> None:
    policy = WidthPolicy()
    gaps, widths = set(), set()
    for name in TARGETS:
        pdf, box = redacted(name, policy)
        gap = observed_gap(pdf, 0, box)
        assert gap is not None
        gaps.add(round(gap.width, 2))
        widths.add(round(box[2] - box[0], 2))
    # One gap and one box width for every name: the positions tell nothing of which it was.
    assert gaps == {policy.gap_em * SIZE} and widths == {policy.gap_em * SIZE}


def test_reflow_keeps_the_rest_of_the_page_in_place() -> None:
    pdf, _ = redacted("Christopher Rodriguez", WidthPolicy())
    with pymupdf.open(stream=statement("x")) as before, pymupdf.open(stream=pdf) as after:
        old = before[0].search_for("The next line is ordinary text.")
        new = after[0].search_for("The next line is ordinary text.")
        assert old == new
        (witness,) = after[0].search_for("Witness")
        assert witness.x0 == pytest.approx(72, abs=0.01)


def test_two_names_on_one_line_both_reflow() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "From Mary Smith to Jose Lee, copied.", fontsize=SIZE)
    pdf = doc.tobytes()
    doc.close()
    items = [
        Redaction(page=0, reason="R", text="Mary Smith", label="a"),
        Redaction(page=0, reason="R", text="Jose Lee", label="b"),
    ]
    result = redact(pdf, items, width=WidthPolicy(gap_em=6))
    assert len(result.reflowed) == 2
    for _, box, _ in result.boxes:
        gap = observed_gap(result.pdf, 0, box)
        assert gap is not None and gap.width == pytest.approx(66, abs=0.02)
    # The gate's check, told about a 6 em policy by the boxes' own width, passes; told 8 em, not.
    assert verify(result.pdf, [], boxes=result.boxes, xray=False) == []
    findings = verify(result.pdf, [], reflowed=result.reflowed, xray=False)
    assert {f.check for f in findings} == {"width"} and all(f.page == 0 for f in findings)
    assert "not the policy's 8" in findings[0].detail


def test_a_line_that_cannot_be_reflowed_is_boxed_whole() -> None:
    """The text after the name is placed on its own (its own text object): no number moves it,
    so the name's box would measure it. The whole line is boxed instead, across the text block,
    and the next line is kept where it was."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Witness Mary Smith", fontsize=SIZE)
    page.insert_text((72 + HELVETICA.text_length("Witness Mary Smith", SIZE), 100), " stated.",
                     fontsize=SIZE)  # fmt: skip
    page.insert_text((72, 113), "The next line is ordinary text.", fontsize=SIZE)
    pdf = doc.tobytes()
    doc.close()
    item = Redaction(page=0, reason="R", text="Mary Smith", label="w1")
    result = redact(pdf, [item], width=WidthPolicy())
    [(number, label, why)] = result.widened
    assert (number, label) == (0, "w1") and "not positioned relative to it" in why
    ((_, box, _),) = result.boxes
    assert result.reflowed == []
    assert box[0] == pytest.approx(72, abs=0.01) and box[2] == pytest.approx(595 - 72, abs=0.01)
    with pymupdf.open(stream=result.pdf) as after, pymupdf.open(stream=pdf) as before:
        text = after[0].get_text()
        assert "Witness" not in text and "stated" not in text and "Mary" not in text
        kept = "The next line is ordinary text."
        assert after[0].search_for(kept) == before[0].search_for(kept)
    assert verify(result.pdf, [("w1", "Mary Smith")], boxes=result.boxes, xray=False) == []
    assert redact(pdf, [item]).widened == []  # without the policy: the name alone


def test_policy_bounds() -> None:
    with pytest.raises(ValueError, match="gap_em must be between 1 and 40"):
        WidthPolicy(gap_em=0.5)


def test_a_span_that_begins_its_line_reflows_too() -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Mary Smith stated that she saw it.", fontsize=SIZE)
    pdf = doc.tobytes()
    doc.close()
    item = Redaction(page=0, reason="R", text="Mary Smith", label="w")
    result = redact(pdf, [item], width=WidthPolicy())
    ((_, box, _),) = result.boxes
    assert box[0] == pytest.approx(72, abs=0.01)
    gap = observed_gap(result.pdf, 0, box)
    assert gap is not None and gap.width == pytest.approx(88, abs=0.01)
    assert verify(result.pdf, [], boxes=result.boxes, reflowed=result.reflowed, xray=False) == []


def ending(name: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), f"The statement was taken from {name}", fontsize=SIZE)
    page.insert_text((72, 113), "The next line is ordinary text.", fontsize=SIZE)
    data = doc.tobytes()
    doc.close()
    return data


def test_a_name_ending_its_line_gets_a_box_that_tells_nothing() -> None:
    """Nothing follows the name, so only the box could measure it: without the policy the box
    is the name's own width (bits leaked against the name list, as for a gap); with it every
    box is 8 em, and the width leaks 0 bits."""
    exact, fixed = [], set()
    for name in TARGETS:
        item = Redaction(page=0, reason="R", text=name, label="w")
        ((_, box, _),) = redact(ending(name), [item]).boxes
        exact.append((name, box[2] - box[0]))
        result = redact(ending(name), [item], width=WidthPolicy())
        ((_, box, _),) = result.boxes
        assert result.reflowed and not result.widened
        fixed.add(round(box[2] - box[0], 2))
        assert verify(result.pdf, [("w", name)], boxes=result.boxes, reflowed=result.reflowed,
                      xray=False) == []  # fmt: skip
    for name, width in exact:  # the tight box: its width alone picks the name out
        possible = consistent(Gap(width, SIZE), NAMES, HELVETICA, tolerance_em=0.05)
        assert name in possible and bits(len(possible), len(NAMES)) >= 3.0
    # One box width whatever the name: the observation is the same for every candidate, so it
    # leaves all of them (0 bits).
    assert fixed == {WidthPolicy().gap_em * SIZE}


def test_text_set_up_the_page_is_boxed_along_its_column() -> None:
    """A name in a line that runs up the page: no line across to re-flow, so the box runs the
    text block's height in the text's own direction, whatever the name's length."""
    heights = set()
    for name in ("Jose Lee", "Christopher Rodriguez"):
        doc = pymupdf.open()
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), "An ordinary line across the page.", fontsize=SIZE)
        page.insert_text((540, 600), f"Margin note: {name} saw it.", fontsize=SIZE, rotate=90)
        pdf = doc.tobytes()
        doc.close()
        result = redact(pdf, [Redaction(page=0, reason="R", text=name, label="m")], WIDTH_POLICY)
        [(number, label, why)] = result.widened
        assert (number, label) == (0, "m") and "up or down" in why and result.reflowed == []
        ((_, (x0, y0, x1, y1), _),) = result.boxes
        assert x1 - x0 < 20 and y0 <= 72 and y1 >= 792 - 72
        heights.add(round(y1 - y0, 2))
        assert verify(result.pdf, [("m", name)], boxes=result.boxes, xray=False) == []
        with pymupdf.open(stream=result.pdf) as after:
            assert "An ordinary line across the page." in after[0].get_text()
    assert len(heights) == 1  # the box's length says nothing of the name's


def test_glyphs_are_turned_as_pymupdf_turns_them_in_every_direction() -> None:
    """The width check turns each glyph in plain floats; what it gets is exactly what
    PyMuPDF's quarter-turn matrices give, for text running each of the four ways."""
    from clawback.pdf.gate.check_width import _TURNS, _glyphs

    doc = pymupdf.open()
    page = doc.new_page()
    for turn in (0, 90, 180, 270):
        page.insert_text((300, 400), f"Witness Marisol Ejemplo {turn}", fontsize=SIZE, rotate=turn)
    found = _glyphs(page.get_texttrace())
    expected: dict[tuple[int, int], list[tuple[float, ...]]] = {d: [] for d in _TURNS}
    for span in page.get_texttrace():
        direction = (round(span["dir"][0]), round(span["dir"][1]))
        for _, _, origin, bbox in span["chars"]:
            x, y = pymupdf.Point(origin) * _TURNS[direction]
            expected[direction].append((x, y, *(pymupdf.Rect(bbox) * _TURNS[direction])))
    assert all(expected.values())  # text in each of the four directions
    assert {d: [(g.x, g.y, *g.bbox) for g in glyphs] for d, glyphs in found.items()} == expected
    doc.close()
