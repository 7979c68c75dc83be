"""Gate check (a) and (e): what text extractors read from each page.

Four readings per page, from three independent PDF implementations:

* ``pymupdf`` — MuPDF, default flags but not clipped to the MediaBox, ``/ActualText`` used;
* ``pymupdf-no-actualtext`` — the same with ``TEXT_IGNORE_ACTUALTEXT`` (the glyphs themselves);
* ``pdfium`` — PDFium (the Chrome engine) via pypdfium2, every character of the text page;
* ``pypdf`` — pure-Python pypdf.

A secret is reported when any reading contains it under `needles.TextMatcher` rules (case,
whitespace, ligature and dash insensitive, also with all whitespace removed). One finding per
page and secret lists the extractors that saw it. An extractor that fails on a page is itself a
finding (fail closed).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable, Iterator, Sequence

import pymupdf
import pypdf
import pypdfium2

from clawback.pdf.findings import Finding
from clawback.pdf.needles import TextMatcher, prepare
from clawback.pdf.stamp import label_problems

__all__ = ["label_findings", "text_findings"]

_FLAGS = pymupdf.TEXTFLAGS_TEXT & ~pymupdf.TEXT_MEDIABOX_CLIP
_FLAGS_NO_ACTUALTEXT = _FLAGS | pymupdf.TEXT_IGNORE_ACTUALTEXT

PageTexts = Callable[[], Iterator[tuple[int, str]]]


def text_findings(
    doc: pymupdf.Document, pdf: bytes, secrets: Sequence[tuple[str, str]]
) -> list[Finding]:
    """Secrets readable by any extractor, one finding per (page, secret)."""
    if not secrets:
        return []
    matchers = [(label, TextMatcher(text)) for label, text in secrets]
    readers: dict[str, PageTexts] = {
        "pymupdf": lambda: _mupdf(doc, _FLAGS),
        "pymupdf-no-actualtext": lambda: _mupdf(doc, _FLAGS_NO_ACTUALTEXT),
        "pdfium": lambda: _pdfium(pdf),
        "pypdf": lambda: _pypdf(pdf),
    }
    seen: dict[tuple[int, str], list[str]] = {}
    findings: list[Finding] = []
    for name, read in readers.items():
        try:
            for page, text in read():
                prepared = prepare(text)
                for label, matcher in matchers:
                    if matcher.found_in_prepared(prepared):
                        seen.setdefault((page, label), []).append(name)
        except _PageFailure as failure:
            findings.append(Finding(failure.page, "text", f"{name} could not read the page"))
        except Exception as exc:  # any extractor crash must fail closed
            findings.append(Finding(None, "text", f"{name} failed ({type(exc).__name__})"))
    for (page, label), names in sorted(seen.items()):
        findings.append(Finding(page, "text", f"item {label!r} readable ({', '.join(names)})"))
    return findings


def label_findings(
    doc: pymupdf.Document, expected_labels: Sequence[tuple[str, str]]
) -> list[Finding]:
    """Each page's (Bates number, legend) must be extractable from that page."""
    return [Finding(page, "label", msg) for page, msg in label_problems(doc, expected_labels)]


class _PageFailure(Exception):
    def __init__(self, page: int) -> None:
        super().__init__(page)
        self.page = page


def _mupdf(doc: pymupdf.Document, flags: int) -> Iterator[tuple[int, str]]:
    for page in doc:
        yield page.number, page.get_text("text", flags=flags)


def _pdfium(pdf: bytes) -> Iterator[tuple[int, str]]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                yield index, textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def _pypdf(pdf: bytes) -> Iterator[tuple[int, str]]:
    texts: list[tuple[int, str]] = []
    failed: int | None = None
    # pypdf warns about many harmless oddities; the warnings filter is restored before yielding.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        for index, page in enumerate(reader.pages):
            try:
                texts.append((index, page.extract_text()))
            except Exception:  # reported as a finding by the caller
                failed = index
                break
    yield from texts
    if failed is not None:
        raise _PageFailure(failed)
