"""Hidden text said out loud at ingest: each page holding words no reader sees (white on white,
under an opaque shape or picture, type under 1 pt, invisible type that is no OCR layer, outside
the page's visible area) gets a warning on the document, listed by `clawback check`; a page of
ordinary text, white text on a black band, and a scan's OCR layer get none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.ingest.hidden import hidden_text
from clawback.service import Workspace
from tests.ingest.make import scan_png

LINE = "alpha bravo charlie delta"  # four words


def _pages() -> bytes:
    """One page per case, in this order (each with one visible line first)."""
    doc = pymupdf.open()

    def page() -> pymupdf.Page:
        made = doc.new_page(width=612, height=792)
        made.insert_text((72, 72), "What every reader sees on this page", fontsize=12)
        return made

    page().insert_text((72, 200), LINE, fontsize=12, color=(1, 1, 1))  # 1: white on white
    covered = page()  # 2: under a white box drawn over it
    covered.insert_text((72, 200), LINE, fontsize=12)
    covered.draw_rect(pymupdf.Rect(60, 180, 400, 210), color=None, fill=(1, 1, 1))
    page().insert_text((72, 200), LINE, fontsize=0.5)  # 3: tiny
    page().insert_text((72, 200), LINE, fontsize=12, render_mode=3)  # 4: invisible, no picture
    band = page()  # 5: white on a black band: seen
    band.draw_rect(pymupdf.Rect(60, 180, 400, 210), color=None, fill=(0, 0, 0))
    band.insert_text((72, 200), LINE, fontsize=12, color=(1, 1, 1))
    grey = page()  # 6: grey on the same grey
    grey.draw_rect(pymupdf.Rect(60, 180, 400, 210), color=None, fill=(0.5, 0.5, 0.5))
    grey.insert_text((72, 200), LINE, fontsize=12, color=(0.5, 0.5, 0.5))
    scan = page()  # 7: a scan with its OCR layer: seen
    scan.insert_image(pymupdf.Rect(0, 100, 612, 792), stream=scan_png(LINE, dpi=50))
    scan.insert_text((72, 200), LINE, fontsize=12, render_mode=3)
    outside = page()  # 8: outside the page
    outside.insert_text((72, 900), LINE, fontsize=12)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return _pages()


def test_each_way_of_hiding_is_counted_on_its_page(pdf: bytes) -> None:
    found = hidden_text(pdf)
    assert {page: dict(counted) for page, counted in found.items()} == {
        0: {"white": 4},
        1: {"covered": 4},
        2: {"tiny": 4},
        3: {"invisible": 4},
        5: {"background": 4},
    }


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, pdf: bytes) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("hidden") / "ws"
    ws = Workspace.init(root).operator()
    [control], _ = ws.ingest.ingest_file(pdf, "hiding.pdf")
    ws.close()
    yield root, control


def test_the_document_carries_a_warning_per_page_and_check_lists_them(
    ingested: tuple[Path, str],
) -> None:
    root, control = ingested
    ws = Workspace.open(root).operator()
    try:
        said = [w for c, w in ws.reads.partial_reads() if c == control]
    finally:
        ws.close()
    assert said == [
        "page 1: 4 words drawn in white",
        "page 2: 4 words under an opaque picture or shape drawn over it",
        "page 3: 4 words in type under 1 pt",
        "page 4: 4 words in invisible type (render mode 3, not an OCR layer)",
        "page 6: 4 words drawn in the colour of the background under it",
        "page 8: 25 characters outside the page's visible area or clipped away (taken out of "
        "the working copy, kept in the file as received)",
    ]
    shown = CliRunner().invoke(app, ["check", "-w", str(root)])
    assert f"{control}: page 1: 4 words drawn in white" in shown.output


def test_a_long_run_in_an_attachment_is_broken_not_drawn_past_the_page() -> None:
    """A run with no space to break at (base64 of an attachment cut short) was drawn past the
    page's right edge: 1,000 characters no produced page showed."""
    from clawback.email import Attachment, render_attachment
    from clawback.pdf.shows.visible import unseen_text

    run = "QUJD" * 300
    made = render_attachment(Attachment("b.txt", "text/plain", run.encode()))
    assert made is not None
    with pymupdf.open(stream=made) as doc:
        assert all(not unseen_text(page) for page in doc)
        assert "".join(page.get_text().replace("\n", "") for page in doc) == run


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("leak_white_on_white", "white"),
        ("leak_tiny_text", "tiny"),
        ("leak_invisible_render_mode", "invisible"),
        ("leak_text_under_image", "covered"),
        ("leak_type3_no_tounicode", None),  # glyphs drawn as shapes: seen (and OCR'd)
        ("good_plain_code", None),
    ],
)
def test_the_adversarial_corpus_hidden_text_is_said_and_seen_text_is_not(
    name: str, reason: str | None
) -> None:
    from tests.redaction.adversarial import CORPUS

    found = hidden_text(CORPUS[name].build())
    assert sorted(r for counted in found.values() for r in counted) == ([reason] if reason else [])
