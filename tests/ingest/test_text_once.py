"""The text a page keeps is read once at ingest: the OCR decision reads it on a page that draws a
picture (is it a scan?) and the record keeps that very text, unless OCR then wrote words."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pymupdf
import pytest

from clawback.ingest.ready import make_ready
from tests.ingest.make import scan_png


def _pages() -> bytes:
    """Two pages of text, each with a small picture (a logo): no scans, nothing to OCR."""
    doc = pymupdf.open()
    logo = scan_png("ACME", dpi=50)
    for n in range(2):
        page = doc.new_page(width=612, height=792)
        page.insert_image(pymupdf.Rect(72, 40, 144, 64), stream=logo)
        page.insert_text((72, 120), f"Letter {n}: the quarterly figures are attached.")
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_the_text_kept_is_read_once_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    reads: Counter[tuple[int, str]] = Counter()
    get_text = pymupdf.Page.get_text

    def counted(page: pymupdf.Page, option: str = "text", *args: Any, **kwargs: Any) -> Any:
        if option == "text" and kwargs.get("flags") is None and not args:
            reads[(page.number, option)] += 1
        return get_text(page, option, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "get_text", counted)
    ready = make_ready(_pages(), None, "", "application/pdf", "", None, None)
    monkeypatch.undo()
    assert "ocr" not in ready.steps
    assert reads == {(0, "text"): 1, (1, "text"): 1}
    with pymupdf.open(stream=ready.pdf) as doc:
        assert [p.text for p in ready.pages] == [page.get_text() for page in doc]
