"""Gate check (a) and (e): what text extractors read from each page.

Four readings, from three independent PDF implementations:

* ``pymupdf`` — MuPDF, default flags, ``/ActualText`` used: the page as a viewer shows it,
  clipped to the MediaBox (the same reading the label check (e) needs, so made once);
* ``pymupdf-no-actualtext`` — with ``TEXT_IGNORE_ACTUALTEXT`` and *not* clipped to the MediaBox
  (the glyphs themselves, on the page or off it);
* ``pdfium`` — PDFium (the Chrome engine) via pypdfium2, every character of the text page;
* ``pypdf`` — pure-Python pypdf.

Which readings run on which pages (pypdf costs ~5-10 ms a page, the three others ~2 ms
together):

* the two MuPDF readings and PDFium read **every** page, except that where the structure
  check (`check_structure`, ``actualtext``) found no replacement text anywhere in the file the
  second MuPDF reading is left out: without ``/ActualText`` the two differ only in the MediaBox
  clip, and text outside the MediaBox is read by PDFium, so it makes PDFium disagree with the
  clipped MuPDF reading and sends the page to pypdf (rule 3 below) as well;
* pypdf reads a page when any of these holds, and only then:

  1. the caller names the page as one that matters (``focus``: the gate passes every page that
     carries a redaction box or a re-flowed box, where text was removed and the rest moved);
  2. another reading already found a secret on the page (so the finding lists every extractor
     that reads it);
  3. the MuPDF glyph reading (the only MuPDF reading, where there is one) and PDFium disagree
     about the page's characters: after
     `needles.prepare` (normalised, whitespace removed) they are not the same multiset;
  4. the two MuPDF readings differ (replacement text, or text outside the MediaBox).

Why skipping pypdf elsewhere is sound: a third extractor is there for text that one
implementation decodes differently from another (a font without a usable ``/ToUnicode``, an
odd encoding, hidden or replacement text), which is exactly what makes two implementations
disagree. On a page where MuPDF and PDFium, two independent decoders, read the very same
characters and neither reads a secret, and no box was drawn, pypdf can only differ from them by
reading those characters in another order; what that could still hide is also covered by the
raw scan of every decoded stream (`check_raw`), which runs on every page of every file.

A secret is reported when any reading contains it under `needles.TextMatcher` rules (case,
whitespace, ligature and dash insensitive, also with all whitespace removed). One finding per
page and secret lists the extractors that saw it. An extractor that fails on a page is itself a
finding (fail closed), and so is a page count that differs between extractors.

Text outside the MediaBox is read by the unclipped glyph reading and by PDFium; replacement
text is read by the ``pymupdf`` reading on the page, and wherever it is, it is also an
``actualtext`` finding (`check_structure`) and in the raw scan of the content streams.

(e) ``label``: each page's Bates number and legend must be in the ``pymupdf`` reading of that
page (made for (a) already when there are secrets).
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from collections.abc import Collection, Sequence

import pymupdf
import pypdf
import pypdfium2

from clawback.domain.counts import counted
from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.needles import TextMatcher, prepare

__all__ = ["label_findings", "text_findings"]

_FLAGS = pymupdf.TEXTFLAGS_TEXT
_FLAGS_NO_ACTUALTEXT = (_FLAGS & ~pymupdf.TEXT_MEDIABOX_CLIP) | pymupdf.TEXT_IGNORE_ACTUALTEXT

Prepared = tuple[str, str]


def text_findings(
    doc: pymupdf.Document,
    pdf: bytes,
    secrets: Sequence[tuple[str, str]],
    focus: Collection[int] = (),
    shown: dict[int, str] | None = None,
    replacement_text: bool = True,
) -> list[Finding]:
    """Secrets readable by any extractor, one finding per (page, secret); `focus` are the
    pages pypdf must read whatever the other readings say (see module doc). The ``pymupdf``
    reading of each page is left in `shown` for `label_findings`. ``replacement_text=False``
    (the structure check found no replacement text in the file) leaves out the second MuPDF
    reading (see module doc)."""
    if not secrets:
        return []
    matchers = [(label, TextMatcher(text)) for label, text in secrets]
    seen: dict[tuple[int, str], list[str]] = {}
    findings: list[Finding] = []

    def look(name: str, page: int, prepared: Prepared) -> None:
        for label, matcher in matchers:
            if matcher.found_in_prepared(prepared):
                seen.setdefault((page, label), []).append(name)

    glyphs: dict[int, Prepared] = {}
    differs: set[int] = set()
    try:
        for mu_page in doc.pages():
            text = mu_page.get_text("text", flags=_FLAGS)
            if shown is not None:
                shown[mu_page.number] = text
            actual = prepare(text)
            look("pymupdf", mu_page.number, actual)
            glyphs[mu_page.number] = actual
            if not replacement_text:
                continue
            glyph = prepare(mu_page.get_text("text", flags=_FLAGS_NO_ACTUALTEXT))
            look("pymupdf-no-actualtext", mu_page.number, glyph)
            glyphs[mu_page.number] = glyph
            if actual != glyph:
                differs.add(mu_page.number)
    except Exception as exc:  # any extractor crash must fail closed
        findings.append(Finding(None, "text", f"pymupdf failed ({type(exc).__name__})"))
    try:
        pdfium = _pdfium(pdf)
    except Exception as exc:
        findings.append(Finding(None, "text", f"pdfium failed ({type(exc).__name__})"))
        pdfium = {}
    else:
        if len(pdfium) != doc.page_count:
            detail = f"pdfium reads {counted(len(pdfium), 'page')}, pymupdf {doc.page_count}"
            findings.append(Finding(None, "text", detail))
    for page, prepared in pdfium.items():
        if prepared is None:
            findings.append(Finding(page, "text", "pdfium could not read the page"))
            continue
        look("pdfium", page, prepared)
        mupdf = glyphs.get(page)
        if mupdf is None or (mupdf[1] != prepared[1] and Counter(mupdf[1]) != Counter(prepared[1])):
            differs.add(page)
    wanted = set(focus) | differs | {page for page, _ in seen} | _unread(doc, glyphs, pdfium)
    try:
        for page, text in _pypdf(pdf, wanted, doc.page_count):
            if text is None:
                findings.append(Finding(page, "text", "pypdf could not read the page"))
            else:
                look("pypdf", page, prepare(text))
    except Exception as exc:
        findings.append(Finding(None, "text", f"pypdf failed ({type(exc).__name__})"))
    for (page, label), names in sorted(seen.items()):
        findings.append(Finding(page, "text", f"item {label!r} readable ({', '.join(names)})"))
    return findings


def label_findings(
    doc: pymupdf.Document,
    expected_labels: Sequence[tuple[str, str]],
    shown: dict[int, str] | None = None,
) -> list[Finding]:
    """Each page's (Bates number, legend) must be in the page's ``pymupdf`` reading (taken
    from `shown` where `text_findings` made it), as `stamp.label_problems` checks it."""
    findings: list[Finding] = []
    if len(expected_labels) != doc.page_count:
        has = counted(doc.page_count, "page")
        detail = f"{counted(len(expected_labels), 'label')} expected, file has {has}"
        findings.append(Finding(None, "label", detail))
    known = shown or {}
    legends: dict[str, TextMatcher] = {}
    for number, (bates, legend) in enumerate(expected_labels[: doc.page_count]):
        text = known[number] if number in known else doc[number].get_text("text", flags=_FLAGS)
        prepared = prepare(text)
        if not TextMatcher(bates).found_in_prepared(prepared):
            findings.append(
                Finding(number, "label", f"Bates number {bates!r} not found on the page")
            )
        if legend not in legends:  # one legend for most pages: normalised once
            legends[legend] = TextMatcher(legend)
        if legend.strip() and not legends[legend].found_in_prepared(prepared):
            findings.append(Finding(number, "label", f"legend {legend!r} not found on the page"))
    return findings


def _unread(
    doc: pymupdf.Document, glyphs: dict[int, Prepared], pdfium: dict[int, Prepared | None]
) -> set[int]:
    """Pages MuPDF or PDFium could not read: pypdf must read them."""
    return {
        page for page in range(doc.page_count) if page not in glyphs or pdfium.get(page) is None
    }


def _pdfium(pdf: bytes) -> dict[int, Prepared | None]:
    """Each page's prepared text as PDFium reads it; None for a page it could not read."""
    texts: dict[int, Prepared | None] = {}
    document = pypdfium2.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except Exception:
                texts[index] = None
                continue
            try:
                textpage = page.get_textpage()
                try:
                    texts[index] = prepare(textpage.get_text_range())
                finally:
                    textpage.close()
            except Exception:
                texts[index] = None
            finally:
                page.close()
    finally:
        document.close()
    return texts


def _pypdf(pdf: bytes, pages: set[int], count: int) -> list[tuple[int, str | None]]:
    """pypdf's text of `pages` (None for a page it could not read).

    The file is always opened (a file pypdf cannot parse fails the gate); pages where pypdf's
    page count and MuPDF's (`count`) differ are read too, or reported unreadable.
    """
    texts: list[tuple[int, str | None]] = []
    # pypdf warns about many harmless oddities.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        have = len(reader.pages)
        extra = range(min(have, count), max(have, count))
        for index in sorted(pages.union(extra)):
            try:
                texts.append((index, reader.pages[index].extract_text()))
            except Exception:  # reported as a finding by the caller
                texts.append((index, None))
    return texts
