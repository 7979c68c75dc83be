"""The received-redaction check on the labelled set, box by box: every fake box found, no real
redaction and no dark shape that is no redaction taken for one; x-ray merged in, or said to
be missing; the text never carried unless asked for."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pymupdf
import pytest

from clawback.pdf.gate.findings import Finding
from clawback.pdf.received import check as merged_check
from clawback.pdf.received.check import check_files, check_pdf, check_pdfs
from clawback.pdf.received.received_check import boxes_over_text
from tests.received.labelled import (
    BUILDERS,
    FAKE,
    SECRET,
    SHARED_SAMPLES,
    Labelled,
    labelled_set,
    matches,
    real_samples,
)

SET = {item.name: item for item in labelled_set()}


def verdicts(item: Labelled, found: list[tuple[int, tuple[float, float, float, float]]]) -> list:
    """Per labelled box: whether a check reported it; then what it reported that is no box."""
    per_box = [
        (box.label, any(page == box.page and matches(rect, box.rect) for page, rect in found))
        for box in item.boxes
    ]
    stray = [
        (page, rect)
        for page, rect in found
        if not any(page == box.page and matches(rect, box.rect) for box in item.boxes)
    ]
    return [per_box, stray]


def expected(item: Labelled) -> list:
    return [[(box.label, box.label == FAKE) for box in item.boxes], []]


def test_the_set_is_the_same_bytes_every_time() -> None:
    again = [build() for build in BUILDERS]
    assert [hashlib.sha256(i.pdf).hexdigest() for i in again] == [
        hashlib.sha256(i.pdf).hexdigest() for i in labelled_set()
    ]
    labels = {box.label for item in labelled_set() for box in item.boxes}
    assert labels == {"fake", "real", "not a redaction"}


@pytest.mark.parametrize("name", sorted(SET))
def test_our_check_box_by_box(name: str) -> None:
    """clawback's own check alone (no x-ray): each box's verdict."""
    item = SET[name]
    found = boxes_over_text(item.pdf)
    assert verdicts(item, [(b.page, b.rect) for b in found]) == expected(item)
    for box in found:
        assert box.found_by == "ours" and box.text is None
        assert SECRET not in box.describe() and "Jones" not in box.line()


def test_the_characters_counted_and_the_text_when_asked() -> None:
    item = SET["fake-black-on-black"]
    [box] = boxes_over_text(item.pdf)
    assert box.characters == len(SECRET.replace(" ", ""))
    [shown] = boxes_over_text(item.pdf, with_text=True)
    assert shown.text == SECRET
    two = boxes_over_text(SET["fake-multi-line"].pdf, with_text=True)
    assert [b.text for b in two] == [SECRET, "Privileged: counsel advised against the merger"]


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("fake-under", "a filled dark rectangle"),
        ("fake-polygon", "a filled dark shape"),
        ("fake-black-image", "a dark image"),
        ("fake-highlight", "a dark highlight annotation"),
        ("fake-unapplied-redact", "a redaction annotation never applied"),
    ],
)
def test_what_each_box_is(name: str, what: str) -> None:
    assert [b.what for b in boxes_over_text(SET[name].pdf)] == [what]


def test_a_rotated_page() -> None:
    doc = pymupdf.open("pdf", SET["fake-under"].pdf)
    doc[0].set_rotation(90)
    pdf = doc.tobytes()
    [box] = boxes_over_text(pdf)
    assert matches(box.rect, SET["fake-under"].boxes[0].rect)  # unrotated page points


def test_a_box_painted_over_or_clipped_away_hides_nothing() -> None:
    doc = pymupdf.open("pdf", SET["fake-under"].pdf)
    page = doc[0]
    page.draw_rect(SET["fake-under"].boxes[0].rect, color=None, fill=(1, 1, 1))  # whited out
    page.insert_text((72, 140), "now visible", fontsize=11)
    assert boxes_over_text(doc.tobytes()) == []


@pytest.mark.usefixtures("xray_available")
def test_merged_with_xray_box_by_box() -> None:
    reports = check_pdfs([item.pdf for item in labelled_set()])
    for item, report in zip(labelled_set(), reports, strict=True):
        assert report.xray == "", item.name
        found = [(b.page, b.rect) for b in report.boxes]
        assert verdicts(item, found) == expected(item), item.name
    by = {
        item.name: {b.found_by for b in r.boxes}
        for item, r in zip(labelled_set(), reports, strict=True)
    }
    assert by["fake-under"] == by["fake-black-on-black"] == {"ours+x-ray"}
    # what x-ray does not see (../shared/docs/redaction.md): ours alone
    for name in ("fake-cross-hatched", "fake-black-image", "fake-highlight", "fake-polygon"):
        assert by[name] == {"ours"}, name


def test_xray_missing_is_said_and_the_check_still_runs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_XRAY_PYTHON", str(tmp_path / "nowhere" / "python"))
    report = check_pdf(SET["fake-under"].pdf)
    assert report.xray.startswith("x-ray environment not found")
    assert [b.found_by for b in report.boxes] == ["ours"]
    assert "x-ray was not run" in report.summary()


def test_a_box_only_xray_found_is_merged_with_our_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """x-ray's findings are merged in: a box it found that ours did not is kept, counted by
    our own reading of the characters inside it; one we both found is one box."""
    item = SET["fake-under"]
    ours = item.boxes[0].rect

    def fake_xray(paths: list[Path], processes: int = 1) -> dict[Path, list[Finding]]:
        detail = "opaque box over {n} live character(s) at ({0:.1f}, {1:.1f}, {2:.1f}, {3:.1f})"
        return {
            path: [
                Finding(0, "x-ray", detail.format(*ours, n=42)),
                Finding(0, "x-ray", detail.format(70, 388, 340, 420, n=99)),
            ]
            for path in paths
        }

    monkeypatch.setattr(merged_check, "xray_inspect", fake_xray)
    report = check_pdf(item.pdf, with_text=True)
    lines = "The remainder of this page is ordinary visible text." + (
        "Nothing below this line is hidden from the reader."
    )
    assert [(b.found_by, b.characters) for b in report.boxes] == [
        ("ours+x-ray", len(SECRET.replace(" ", ""))),
        ("x-ray", len(lines.replace(" ", ""))),  # two lines x-ray (here) said were hidden
    ]
    assert report.boxes[1].text is not None and report.boxes[1].text.startswith("The remainder")
    assert check_pdf(item.pdf).boxes[1].text is None


def test_files_that_cannot_be_read_are_reported_and_the_rest_go_on(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(SET["fake-under"].pdf)
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7 nothing else")
    missing = tmp_path / "missing.pdf"
    reports = check_files([bad, good, missing], use_xray=False)
    assert reports[bad].failure and reports[missing].failure.startswith("cannot be read")
    assert len(reports[good].boxes) == 1 and reports[good].xray == "not asked for"


REAL = real_samples()


@pytest.mark.skipif(
    not REAL,
    reason="no real sample with fake boxes in ../shared/samples (no *.expected.json entry "
    "has fake_boxes or fake_box_count): the real-file case is NOT TESTED",
)
@pytest.mark.parametrize("item", REAL, ids=[i.name for i in REAL])
def test_real_samples_with_fake_boxes(item: Labelled) -> None:
    found = boxes_over_text(item.pdf)
    if item.fake_count is not None:
        assert len(found) == item.fake_count
    else:
        assert verdicts(item, [(b.page, b.rect) for b in found]) == expected(item)


def test_real_samples_without_fake_boxes_show_none() -> None:
    """Every real PDF in ../shared/samples that its expectations do not say has fake boxes:
    no box reported (real court opinions, forms, scans; the unreadable ones said so)."""
    fake = {item.source for item in REAL}
    checked = 0
    for path in sorted(SHARED_SAMPLES.rglob("*.pdf")):
        if str(path) in fake:
            continue
        try:
            found = boxes_over_text(path.read_bytes())
        except merged_check.PdfError:
            continue  # empty, or needs a password: not a file to check
        assert found == [], path.name
        checked += 1
    assert checked >= 8
