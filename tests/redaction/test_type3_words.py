"""A Type 3 font's glyphs are procedures that may draw anything: nothing in the file says which
character a glyph is, neither its /ToUnicode nor its glyph name. A page whose only copy of the
item is set in such a font, read as other characters (``DB-4O98l``: the map or the names say
``O`` and ``l`` where the glyphs draw ``0`` and ``1``), is read by no text reader as the item.

file            what says the glyphs are ``O`` and ``l``     was (produce, brief)
type3_map       the /ToUnicode, glyphs named ``g01``...      LEAK: OCR; LEAK: OCR
type3_names     the glyph names, no /ToUnicode               LEAK: OCR; LEAK: OCR

Measured on 544f359: ingest's OCR read the Type 3 glyphs' region, read ``DB-40981`` there, and
kept nothing, since the text layer under it (``DB-4O98l``) says about as much (`says`, not
exact: the font was neither lying by its encoding nor unchecked); no pattern then found the
item, no box was drawn, the gate's OCR (boxed pages only) did not read the page. Now a Type 3
font that reads some glyph as a letter or digit is unchecked (`lying.unchecked_fonts`): its
page is read whole and a word OCR reads must be written there to the letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pymupdf
import pytest

from clawback.pdf.shows.lying import lying_fonts, unchecked_fonts
from tests.redaction.drawn import ITEM, type3
from tests.redaction.extractors import read_by
from tests.redaction.volumes import Volumes, filed_without_the_item, produced_without_the_item

PLAIN = "An ordinary heading line of the exhibit"
FILES: dict[str, Callable[[str], bytes]] = {
    "type3_map": lambda heading: type3(first=heading),
    "type3_names": lambda heading: type3(first=heading, named=True),
}
NAMES = sorted(FILES)


def _readers(pdf: bytes) -> list[str]:
    return read_by(pdf, ITEM)


@pytest.mark.parametrize("name", NAMES)
def test_only_a_reader_of_the_render_reads_the_item(name: str) -> None:
    assert _readers(FILES[name](PLAIN)) == ["ocr"]


@pytest.mark.parametrize("name", NAMES)
def test_the_type3_font_is_unchecked_not_lying(name: str) -> None:
    with pymupdf.open(stream=FILES[name](PLAIN)) as doc:
        assert unchecked_fonts(doc[0]) == ["T3"]
        assert lying_fonts(doc[0]) == []


def test_a_page_without_a_type3_font_is_not_unchecked() -> None:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_text((72, 72), PLAIN)
        assert unchecked_fonts(page) == []


@pytest.fixture(scope="module")
def volumes(tmp_path_factory: pytest.TempPathFactory, xray_available: None) -> Iterator[Volumes]:
    made = Volumes(tmp_path_factory.mktemp("type3-words"))
    yield made
    made.close()


@pytest.mark.xray
@pytest.mark.parametrize(("name", "way"), [("type3_map", "produced"), ("type3_names", "filed")])
def test_taken_out_the_item_is_gone(volumes: Volumes, name: str, way: str) -> None:
    """Each file one way (the same code reads both: ingest's OCR, or a brief's reading)."""
    take_out = produced_without_the_item if way == "produced" else filed_without_the_item
    take_out(volumes, name, FILES[name], PLAIN, _readers)
