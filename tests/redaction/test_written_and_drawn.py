"""Attack round four, one class: the item half written as text, half drawn as glyph outlines,
so that the text layer holds a piece of it and OCR another, and neither the whole.

file                    the line as the page holds it              was (produce; redact+gate)
written_then_outlines   ``code DB-409`` text, ``81 entered`` drawn  LEAK: OCR; LEAK: OCR
outlines_then_written   ``code DB-`` drawn, ``40981 entered`` text  LEAK: OCR; LEAK: OCR

Measured when written (PyMuPDF 2.0 / MuPDF 1.28.5, Tesseract 5.3). Ingest, and the gate, read
by OCR only the drawn stretch, padded: for the first file it read ``)981`` (the text's last
glyph cut in half, then the outlines) and wrote that beside ``DB-409``: no reading of the page
spelt the item, no pattern hit it, the gate's OCR did not read it whole either, and the page
went out showing it. Now a drawn region is read with the written spans it touches
(`shows.ocr.drawn_regions`), and a word OCR reads there that runs on past the characters
written under it is written whole (`shows.ocr_written`, ``RUNS_ON``), where the pattern finds it
and the box covers both halves. The second file is the next member, found after the fix.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pymupdf
import pytest

from tests.redaction.channels import PLAIN, _with
from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.extractors import read_by
from tests.redaction.pdf_blocks import _advances, _outline, _text
from tests.redaction.volumes import (
    Volumes,
    filed_without_the_item,
    produced_without_the_item,
    redacted_and_gated,
)

SIZE = 14


def _drawn(text: str, x: float) -> str:
    return (
        "0 g\n"
        + "".join(
            _outline(char, SIZE / 1000, x + dx, 600)
            for char, dx in zip(text, _advances(text, SIZE), strict=True)
            if char != " "
        )
        + "f\n"
    )


def _split(written_first: bool) -> Callable[[str], bytes]:
    first, second = (
        ("code DB-409", "81 entered") if written_first else ("code DB-", "40981 entered")
    )
    after = 72 + pymupdf.get_text_length(first, fontsize=SIZE)

    def build(heading: str) -> bytes:
        if written_first:
            return _with(heading, _text(72, 600, first, size=SIZE) + _drawn(second, after))
        return _with(heading, _drawn(first, 72) + _text(after, 600, second, size=SIZE))

    return build


FILES = {
    "written_then_outlines": _split(written_first=True),
    "outlines_then_written": _split(written_first=False),
}
NAMES = sorted(FILES)


def _readers(pdf: bytes) -> list[str]:
    return read_by(pdf, ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_only_a_reader_of_the_render_reads_the_item_whole(name: str) -> None:
    assert _readers(FILES[name](PLAIN)) == ["ocr"]


@pytest.mark.parametrize("name", NAMES)
def test_redacted_then_gated_the_item_is_gone_or_the_file_refused(name: str) -> None:
    redacted_and_gated(name, FILES[name](FIRST), _readers)


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("written-and-drawn"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_produced_with_the_pattern_the_item_is_gone(volumes: Volumes, name: str) -> None:
    produced_without_the_item(volumes, name, FILES[name], PLAIN, _readers)


@pytest.mark.xray
@pytest.mark.parametrize("name", NAMES)
def test_filed_as_a_brief_its_public_version_is_without_the_item(
    volumes: Volumes, name: str
) -> None:
    filed_without_the_item(volumes, name, FILES[name], PLAIN, _readers)
