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
from tests.started import start

_TEXT = b"BT /F1 14 Tf 72 700 Td (Account DB-40981 closed) Tj ET"


def turned(page_rotate: str = "", tree_rotate: str = "") -> bytes:
    """A one-page PDF whose page (or page tree) carries ``/Rotate``."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 %s >>" % tree_rotate.encode(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R %s "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % page_rotate.encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_TEXT), _TEXT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return out


@pytest.mark.parametrize(
    ("pdf", "said"),
    [
        (turned("/Rotate 45"), "45"),
        (turned("/Rotate 135"), "135"),
        (turned(tree_rotate="/Rotate 45"), "45"),
        (turned("/Rotate 90.5"), "90.5"),
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


@pytest.mark.parametrize("rotate", ["", "/Rotate 0", "/Rotate 90", "/Rotate -270", "/Rotate 450"])
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
    control = ws.ingest.ingest(turned("/Rotate 45"), title="turned")
    ws.productions.produce([control], "RT-0001", "RT", redact_pattern=r"DB-\d{5}")
    assert "DB-40981" not in ws.reads.page_text("RT-0001")
