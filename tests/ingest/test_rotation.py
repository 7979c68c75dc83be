"""A page turned by a /Rotate that is no multiple of 90 (45, 135, on the page or inherited from
its page tree): viewers read it apart (pdf.js and MuPDF's rotation take 0, pdfium rounds down
to a quarter turn, MuPDF's page bounds take a quarter turn for 45), so where an item or a
pattern hit stood was not where its box was drawn and every redaction of the page was refused
by the gate ('box of item ... is not drawn opaque'), a volume left open with nothing to fix.
Ingest takes such a page upright, as the spec's readers do, and says so on the document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.ingest.ready import make_ready
from clawback.service import Workspace
from tests.ingest.make import text_pdf
from tests.started import start


def turned(page_rotate: str = "", tree_rotate: str = "") -> bytes:
    """A one-page PDF whose page (or page tree) carries ``/Rotate``, as written."""
    with pymupdf.open(stream=text_pdf("Account DB-40981 closed")) as doc:
        if page_rotate:
            doc.xref_set_key(doc[0].xref, "Rotate", page_rotate)
        if tree_rotate:
            tree = int(doc.xref_get_key(doc.pdf_catalog(), "Pages")[1].split()[0])
            doc.xref_set_key(tree, "Rotate", tree_rotate)
            doc.xref_set_key(doc[0].xref, "Rotate", "null")  # the page's own, if any
        return bytes(doc.tobytes())


@pytest.mark.parametrize(
    ("pdf", "said"),
    [
        (turned("45"), "45"),
        (turned("135"), "135"),
        (turned(tree_rotate="45"), "45"),
        (turned("90.5"), "90.5"),
    ],
    ids=["45", "135", "inherited", "real"],
)
def test_a_page_turned_by_no_quarter_turn_is_taken_upright_and_said(pdf: bytes, said: str) -> None:
    ready = make_ready(pdf, None, "", "application/pdf", "pdf", None, None)
    assert ready.info["warnings"] == [
        f"page 1: turned by /Rotate {said}, no multiple of 90, which viewers read apart: "
        "taken upright"
    ]
    assert ready.received == pdf and "upright" in ready.steps
    with pymupdf.open(stream=ready.pdf) as doc:
        assert (doc[0].rotation, tuple(doc[0].rect)) == (0, (0, 0, 612, 792))


@pytest.mark.parametrize("rotate", ["", "0", "90", "-270", "450"])
def test_a_page_turned_by_quarter_turns_is_left_as_it_is(rotate: str) -> None:
    pdf = turned(rotate)
    ready = make_ready(pdf, None, "", "application/pdf", "pdf", None, None)
    assert "warnings" not in ready.info and "upright" not in ready.steps


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")
    yield workspace
    workspace.close()


@pytest.mark.xray
@pytest.mark.usefixtures("xray_available")
def test_a_pattern_on_such_a_page_is_redacted_in_production(ws: Workspace) -> None:
    control = ws.ingest.ingest(turned("45"), title="turned")
    ws.productions.produce([control], "RT-0001", "RT", redact_pattern=r"DB-\d{5}")
    assert "DB-40981" not in ws.reads.page_text("RT-0001")
