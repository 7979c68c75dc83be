"""Files ingest refuses, each in one line naming the problem, before anything is stored."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import func, select

from clawback.domain.errors import ClawbackError
from clawback.ingest import EMAIL, IMAGE, OFFICE, PDF, Refused, sniff
from clawback.ingest.limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE
from clawback.ingest.pdfcheck import check_pdf
from clawback.pdf.files.document import PdfError
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import (
    eml,
    pdf_inflating_to,
    pdf_with_image_declaring,
    png_declaring,
    scan_png,
    text_pdf,
)
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:  # refused before the database is touched
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def stored(ws: Workspace) -> tuple[int, int]:
    with ws.transaction() as s:
        return (
            s.scalar(select(func.count()).select_from(t.Document)) or 0,
            s.scalar(select(func.count()).select_from(t.Blob)) or 0,
        )


def encrypted_pdf() -> bytes:
    with pikepdf.open(io.BytesIO(text_pdf("locked"))) as doc:
        out = io.BytesIO()
        doc.save(out, encryption=pikepdf.Encryption(user="open-sesame", owner="owner"))
        return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b"\0" * (300 << 20))
    return out.getvalue()


def zip_of(names: list[str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in names:
            package.writestr(name, "x")
    return out.getvalue()


BAD = {
    "empty": (b"", "x.pdf", r"^empty file \(0 bytes\)$"),
    "truncated png": (scan_png("cut short")[:400], "cut.png", r"truncated or malformed image"),
    "malformed png": (b"\x89PNG\r\n\x1a\n" + b"junk" * 10, "bad.png", r"malformed image"),
    "locked pdf": (encrypted_pdf(), "locked.pdf", r"needs a password"),
    "image bomb": (png_declaring(30_000, 30_000), "bomb.png", r"decompression bomb"),
    "image too wide": (png_declaring(MAX_IMAGE_SIDE + 1, 10), "strip.png", r"a side over"),
    "pdf image bomb": (
        pdf_with_image_declaring(20_000, 20_000),
        "scan.pdf",
        r"PDF image \(object \d+\) too large",
    ),
    "zip bomb": (zip_bomb(), "memo.docx", r"ZIP package inflates .* \(decompression bomb\?\)"),
    "not office": (zip_of(["a.txt"]), "files.zip", r"an archive \(\.zip\).*--unpack"),
    "unsupported": (b"\x7fELF\x02\x01\x01" + b"\0" * 64, "tool.pdf", r"unsupported file type"),
    "binary txt": (b"\x00\x01\x02 notes", "notes.txt", r"unsupported file type"),
    "pdf of noise": (b"%PDF-1.7\n" + bytes(range(256)) * 8, "noise.pdf", r"malformed PDF"),
    "png of noise": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "noise.png", r"malformed"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_is_refused_in_one_line_and_nothing_is_stored(ws: Workspace, case: str) -> None:
    data, name, message = BAD[case]
    before = stored(ws)
    with pytest.raises((ClawbackError, PdfError)) as refused:
        ws.ingest.ingest_file(data, name)
    assert "\n" not in str(refused.value)
    assert re.search(message, str(refused.value)), str(refused.value)
    assert not re.search(r"[A-Z][a-z]+(Error|Exception)\b", str(refused.value)), "a Python type"
    assert stored(ws) == before


def test_a_pdf_that_inflates_past_its_budget_is_refused_before_it_is_read() -> None:
    bomb = pdf_inflating_to(300 << 20)  # 300 MiB of zeros in a file of about 300 KB
    assert len(bomb) < 1 << 20
    with pytest.raises(Refused, match=r"^PDF inflates past 256 MiB \(decompression bomb\?\)"):
        check_pdf(bomb)
    check_pdf(pdf_inflating_to(8 << 20))  # a blank page's worth passes
    assert MAX_IMAGE_PIXELS > 8500 * 11000  # a Letter page at 1000 dpi is not a bomb
    check_pdf(pdf_with_image_declaring(8500, 11000))


def test_kinds_are_told_by_their_bytes_not_their_names() -> None:
    assert sniff(text_pdf("x"), "letter.png").kind == PDF
    assert sniff(b"\r\n" + text_pdf("x"), "junk-before-header").kind == PDF
    assert sniff(scan_png("x"), "picture.pdf") == sniff(scan_png("x"), "p.png")
    assert sniff(scan_png("x"), "picture.pdf").kind == IMAGE
    assert sniff(eml("hello", "body"), "message").kind == EMAIL
    assert sniff(b"a,b\n1,2\n", "figures.csv").kind == OFFICE
    assert sniff(zip_of(["[Content_Types].xml", "xl/workbook.xml"]), "x").suffix == ".xlsx"
    assert sniff(zip_of(["[Content_Types].xml", "ppt/slides/s1.xml"]), "x").suffix == ".pptx"
