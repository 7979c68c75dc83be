"""Bates numbers and legends go in an added band; the page itself is left exactly as it was."""

from __future__ import annotations

from collections.abc import Callable

import pymupdf
import pytest

from clawback.pdf.gate.verify import verify
from clawback.pdf.marks.stamp import stamp, stamp_check
from clawback.pdf.redaction.redact import Redaction, redact
from tests.pdf.builders import (
    NEIGHBOUR,
    REASON,
    SECRET,
    SECRET_LABEL,
    SECRETS,
    odd_pages_pdf,
    rotated_and_cropped_pdf,
    text_pdf,
)

LEGEND = "HIGHLY CONFIDENTIAL \u2013 ATTORNEYS' EYES ONLY"


def labels(count: int, start: int = 1) -> list[tuple[str, str]]:
    return [(f"CITY-{start + i:06d}", LEGEND) for i in range(count)]


def test_bates_and_legend_in_the_added_band_of_every_page() -> None:
    original = text_pdf(pages=3)
    stamped = stamp(original, labels(3), margin=36)
    assert stamp_check(stamped, labels(3)) == []
    with pymupdf.open(stream=original) as before, pymupdf.open(stream=stamped) as after:
        assert after.page_count == 3
        for old, new, (bates, legend) in zip(before, after, labels(3), strict=True):
            assert new.rect.width == old.rect.width
            assert new.rect.height == old.rect.height + 36
            band = pymupdf.Rect(0, old.rect.height, new.rect.width, new.rect.height)
            band_text = new.get_text("text", clip=band)
            assert bates in band_text and legend in band_text
            bates_box = new.search_for(bates)[0]
            legend_box = new.search_for("HIGHLY CONFIDENTIAL")[0]
            assert bates_box.y0 >= old.rect.height and legend_box.y0 >= old.rect.height
            assert bates_box.x0 > new.rect.width / 2 > legend_box.x1  # right / left
            # The page's own text is still extractable, from the original position.
            assert new.search_for(SECRET)[0] == old.search_for(SECRET)[0]


@pytest.mark.parametrize("build", [rotated_and_cropped_pdf, odd_pages_pdf])
def test_content_pixels_unchanged_including_rotated_and_cropped_pages(
    build: Callable[[], bytes],
) -> None:
    original = build()
    count = pymupdf.open(stream=original).page_count
    stamped = stamp(original, labels(count))
    with pymupdf.open(stream=original) as before, pymupdf.open(stream=stamped) as after:
        for old, new in zip(before, after, strict=True):
            top = pymupdf.Rect(0, 0, old.rect.width, old.rect.height)
            a = old.get_pixmap(dpi=72)
            b = new.get_pixmap(dpi=72, clip=top)
            assert (a.width, a.height) == (b.width, b.height), old.number
            assert a.samples == b.samples, f"page {old.number + 1} pixels changed"
            band = new.get_pixmap(
                dpi=72, clip=pymupdf.Rect(0, old.rect.height, new.rect.width, new.rect.height)
            )
            assert not band.is_unicolor  # the labels are there
            # Same words at the same places as displayed (MuPDF reports a rotated page's text
            # in its unrotated space; the stamped page is not rotated).
            turn = old.rotation_matrix
            shown = [(w[4], *(pymupdf.Rect(w[:4]) * turn).round()) for w in old.get_text("words")]
            placed = [(w[4], *pymupdf.Rect(w[:4]).round()) for w in new.get_text("words", clip=top)]
            assert placed == shown, old.number


def test_stamp_check_reports_pages_whose_labels_are_missing() -> None:
    stamped = stamp(text_pdf(pages=2), labels(2))
    problems = stamp_check(stamped, labels(2, start=7))
    assert problems == [
        "page 1: Bates number 'CITY-000007' not found in the stamp band",
        "page 2: Bates number 'CITY-000008' not found in the stamp band",
    ]
    assert stamp_check(stamped, labels(3)) == ["3 labels expected, file has 2 pages"]


def test_redaction_still_works_on_a_stamped_file() -> None:
    stamped = stamp(text_pdf(pages=2), labels(2))
    result = redact(stamped, [Redaction(page=1, reason=REASON, text=SECRET, label=SECRET_LABEL)])
    with pymupdf.open(stream=result.pdf) as doc:
        assert SECRET in doc[0].get_text()
        text = doc[1].get_text()
        assert SECRET not in text and NEIGHBOUR in text and "CITY-000002" in text
    findings = verify(result.pdf, [], expected_labels=labels(2), boxes=result.boxes, xray=False)
    assert findings == []


def test_stamping_after_redaction_passes_the_gate() -> None:
    result = redact(
        text_pdf(pages=2),
        [Redaction(page=p, reason=REASON, text=SECRET, label=SECRET_LABEL) for p in (0, 1)],
    )
    stamped = stamp(result.pdf, labels(2))
    # Content is placed unscaled at the top, so the boxes keep their coordinates.
    assert verify(stamped, SECRETS, labels(2), boxes=result.boxes, xray=False) == []


@pytest.mark.parametrize(
    ("count", "margin", "message"),
    [(2, 36, "2 labels given for 3 pages"), (3, 0, "margin must be positive")],
)
def test_stamp_rejects_bad_arguments(count: int, margin: float, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        stamp(text_pdf(pages=3), labels(count), margin=margin)


def test_labels_too_long_for_the_page_are_refused() -> None:
    with pytest.raises(ValueError, match="labels do not fit"):
        stamp(text_pdf(), [("CITY-000001", LEGEND * 6)])
