"""A file made ready for the record is opened once, and each page's reads are shared between the
steps that need them (`ingest.ready`, `pdf.shows.pagereads`), with the same findings as the
steps run one after another, each opening the file anew (the way ingest ran them before): the
working copy, its pages and fingerprints, the hidden-text warnings, what was taken out, OCR."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pymupdf
import pytest

from clawback.ingest.hidden import hidden_text, hidden_warnings
from clawback.ingest.pdfcheck import check_pdf
from clawback.ingest.ready import Ready, make_ready
from clawback.pdf.files.document import open_pdf
from clawback.pdf.shows.extract import read_pages
from clawback.pdf.shows.ocr import add_text_layer, needs_ocr
from clawback.pdf.shows.visible import visible_copy
from tests.ingest.make import scan_pdf, scan_png, text_pdf
from tests.ingest.test_hidden import _pages as hidden_pages
from tests.pdf.corpus import bad_actualtext_survives, bad_hidden_layer_text


def _step_by_step(pdf: bytes) -> tuple[bytes, list[Any], dict[str, Any], list[str]]:
    """The steps of `make_ready` for an unencrypted PDF, each on its own opening of the file."""
    info: dict[str, Any] = {}
    steps = []
    check_pdf(pdf)
    with open_pdf(pdf) as doc:
        warnings = ["damaged"] if doc.is_repaired else []
    pdf, removed = visible_copy(pdf)
    if removed:
        info["not_shown"] = removed.as_data()
        steps.append("visible")
    warnings += hidden_warnings(hidden_text(pdf), removed.unseen_by_page, removed.pictures_by_page)
    pdf, read = add_text_layer(pdf)
    if read:
        info["ocr_pages"] = [n + 1 for n in read]
        steps.append("ocr")
    pages = read_pages(pdf)
    with open_pdf(pdf) as doc:
        scans = [n for n in range(doc.page_count) if n in read or needs_ocr(doc[n])]
        silent = [n + 1 for n in scans if not re.search(r"[^\W_]{4}", doc[n].get_text())]
    if silent:
        warnings.append(f"silent {silent}")
    info["warnings"] = warnings
    return pdf, pages, info, steps


def _logo_page() -> bytes:
    """A page of text with a picture of words beside it (OCR reads the picture's region)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "A memo about the merger schedule", fontsize=12)
    page.insert_image(pymupdf.Rect(300, 300, 560, 640), stream=scan_png("ACME LOGO", dpi=60))
    data: bytes = doc.tobytes()
    doc.close()
    return data


CASES: dict[str, Callable[[], bytes]] = {
    "text": lambda: text_pdf("one page of plain text", "and a second"),
    "hidden and outside the page": hidden_pages,
    "a layer switched off": lambda: bad_hidden_layer_text().pdf,
    "replacement text": lambda: bad_actualtext_survives().pdf,
    "a turned scan": lambda: scan_pdf(["Privileged and confidential"], rotate=90),
    "a blank scan": lambda: scan_pdf([""]),
    "text with a picture of words": _logo_page,
}


def _ready(pdf: bytes) -> Ready:
    return make_ready(pdf, None, "", "application/pdf", "convert", None, None)


@pytest.mark.parametrize("name", list(CASES))
def test_the_same_findings_as_step_by_step(name: str) -> None:
    pdf = CASES[name]()
    ready = _ready(pdf)
    made, pages, info, steps = _step_by_step(pdf)
    if not steps:  # a new working copy is saved anew each time (MuPDF gives it a new /ID)
        assert ready.pdf == made == pdf
    assert ready.pages == pages  # each page's text and fingerprints
    assert ready.steps == steps
    said = ready.info.get("warnings", [])
    hidden = [w for w in said if w.startswith("page ")]
    assert hidden == [w for w in info["warnings"] if w.startswith("page ")]
    assert any(w.startswith("OCR read no legible") for w in said) == any(
        w.startswith("silent") for w in info["warnings"]
    )
    for key in ("not_shown", "ocr_pages"):
        assert ready.info.get(key) == info.get(key)


def test_the_cases_reach_every_path() -> None:
    """The cases above take every way through `make_ready` (else the comparison proves less)."""
    readies = {name: _ready(make()) for name, make in CASES.items()}
    assert readies["hidden and outside the page"].info["not_shown"]["unseen_characters"]
    assert readies["a layer switched off"].info["not_shown"]["hidden_layers"]
    assert readies["replacement text"].info["not_shown"]["replacement_texts"]
    assert readies["a turned scan"].info["ocr_pages"] == [1]
    assert any("OCR read no legible" in w for w in readies["a blank scan"].info["warnings"])
    assert readies["text with a picture of words"].info["ocr_pages"] == [1]
    assert "warnings" not in readies["text"].info


def _counting(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """From now on, how often a file is opened and a page traced (the real calls, counted)."""
    calls = {"open": 0, "trace": 0}
    opening = pymupdf.Document.__init__
    tracing = pymupdf.Page.get_texttrace

    def open_counted(self: pymupdf.Document, *args: Any, **kwargs: Any) -> None:
        calls["open"] += 1
        opening(self, *args, **kwargs)

    def trace_counted(self: pymupdf.Page) -> Any:
        calls["trace"] += 1
        return tracing(self)

    monkeypatch.setattr(pymupdf.Document, "__init__", open_counted)
    monkeypatch.setattr(pymupdf.Page, "get_texttrace", trace_counted)
    return calls


def test_a_text_file_is_opened_once_and_each_page_traced_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = text_pdf("page one", "page two", "page three")
    calls = _counting(monkeypatch)
    ready = _ready(pdf)
    assert len(ready.pages) == 3
    assert calls == {"open": 1, "trace": 3}
