"""A file made ready for the record, before anything is written: decrypted, held to the
bomb limits, reduced to what a viewer shows (`clawback.pdf.shows.visible`), what no reader sees
said per page (`clawback.ingest.hidden`), scans OCR'd, each page's text read. Damage (a
structure MuPDF had to rebuild) and scans OCR could not read are warnings on the document.
Every refusal is a one-line error raised here, before the service stores a byte.

The steps run page by page on one opening of the file, each page's reads (its text trace, box
log, drawings, pictures) made once for every step that needs them (`pdf.shows.pagereads`); the
file is opened again only where a step made a new one. The findings are those of the steps run
one after another on their own openings (``tests/ingest/test_ready_once.py``)."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pymupdf

from clawback.ingest.comments import comment_warnings
from clawback.ingest.hidden import hidden_on_page, hidden_warnings
from clawback.ingest.pdfcheck import check_document
from clawback.pdf.files.decrypt import decrypt, is_encrypted
from clawback.pdf.files.document import open_pdf, save_clean
from clawback.pdf.shows.extract import PageText, read_document
from clawback.pdf.shows.lying import FontsKnown
from clawback.pdf.shows.ocr import ToRead, ocr_plan, write_text_layer
from clawback.pdf.shows.pagereads import PageReads
from clawback.pdf.shows.unseen_masks import emptied, hidden_mask_groups
from clawback.pdf.shows.unseen_parts import without_unseen_parts
from clawback.pdf.shows.unseen_pictures import without_hidden_pictures
from clawback.pdf.shows.visible import Removed, remove_unseen_text, rewrites, rewritten

#: A word OCR read for real: four letters or digits in a row.
_LEGIBLE = re.compile(r"[^\W_]{4}")


@dataclass(frozen=True)
class Ready:
    """A file made ready for the record, before any write: the PDF the record works on (after
    decryption, conversion, OCR), its pages, and what was received."""

    pdf: bytes
    sha: str
    pages: list[PageText]
    info: dict[str, Any]
    steps: list[str]
    received: bytes
    received_type: str


def _damage(doc: pymupdf.Document) -> list[str]:
    """What is wrong with a file that opens all the same: MuPDF had to rebuild its structure
    (a file cut short, a broken cross-reference table), so pages or parts may be missing."""
    if doc.is_repaired:
        return ["the file is damaged (its structure had to be rebuilt): pages or parts of "
                "pages may be missing; ask for it again"]  # fmt: skip
    return []


def _upright(doc: pymupdf.Document) -> list[str]:
    """Each page turned by a ``/Rotate`` that is no multiple of 90 (its own or its page tree's)
    set upright in ``doc``, a warning each. Viewers read such a turn apart (pdf.js and MuPDF's
    rotation take 0, pdfium a quarter turn down, MuPDF's page bounds a quarter turn for 45),
    so a box drawn where a word stands for one was not over it for another: the gate refused
    every redaction of such a page. Upright, as the spec's readers take it, it reads alike."""
    said = []
    for number in range(doc.page_count):
        page = doc[number]
        value = _rotate(doc, page.xref)
        try:
            quarter = float(value) % 90 == 0
        except ValueError:
            quarter = False
        if value and not quarter:
            page.set_rotation(0)
            said.append(
                f"page {number + 1}: turned by /Rotate {value}, no multiple of 90, which "
                "viewers read apart: taken upright"
            )
    return said


def _rotate(doc: pymupdf.Document, xref: int) -> str:
    """The page's ``/Rotate`` as written, its own or the nearest page tree node's ('' if none)."""
    seen = set()
    while xref and xref not in seen:
        seen.add(xref)
        try:  # a file cut short names objects it lost: "bad xref"
            kind, value = doc.xref_get_key(xref, "Rotate")
            if kind != "null":
                return str(value)
            kind, parent = doc.xref_get_key(xref, "Parent")
        except (ValueError, RuntimeError):
            return ""
        xref = int(parent.split()[0]) if kind == "xref" else 0
    return ""


def _unread(pages: Sequence[PageText], scans: Iterable[int]) -> list[str]:
    """The pages that are pictures of a page (a scan: OCR read them, or they needed it) from
    which OCR read no legible word (none of four letters or digits or more: noise, dithering
    or a blank page reads as a few stray marks at most)."""
    silent = [n + 1 for n in sorted(set(scans)) if not _LEGIBLE.search(pages[n].text)]
    if not silent:
        return []
    shown = ", ".join(str(n) for n in silent[:10]) + (" ..." if len(silent) > 10 else "")
    return [
        f"OCR read no legible word on scanned page(s) {shown}: search and redaction cannot "
        "reach what they show"
    ]


def make_ready(
    pdf: bytes,
    native: bytes | None,
    native_name: str,
    native_type: str,
    recipe: str,
    password: str | None,
    meta: Mapping[str, Any] | None,
    own_fonts: bool = False,
) -> Ready:
    """Decrypt, check for bombs, OCR and read a file; a one-line error before any write.
    ``own_fonts``: clawback drew the PDF from text (`ocr.ocr_plan`), never a file received.

    The file is opened once for every step that reads it (`Looked`), a second time only where
    a step made a new file of it (the replacement text or layers taken out, text no viewer
    shows taken out, OCR's words written), and each page's reads are shared between the steps
    that need them (`pdf.shows.pagereads`)."""
    received = pdf if native is None else native
    received_sha = hashlib.sha256(received).hexdigest()
    info = dict(meta or {})
    steps = [] if native is None else [recipe]
    if is_encrypted(pdf):
        pdf = decrypt(pdf, password or "")
        info["encrypted"] = True
        steps.append("decrypt")
    with open_pdf(pdf) as doc:
        check_document(doc, len(pdf))  # bombs refused in one line, before anything is decoded
        warnings = _upright(doc)  # before any step reads where a page's words stand
        if warnings:
            pdf = doc.tobytes()
            steps.append("upright")
        warnings += _damage(doc) + comment_warnings(doc)  # said, not read: `ingest.comments`
        layered, replaced = rewrites(doc)  # only what a viewer shows: see `pdf.shows.visible`
        looked = None if layered or replaced else _look(pdf, doc, Removed(), own_fonts)
    if looked is None:  # a new file, without the layers or replacement text no viewer shows
        shown, removed = rewritten(pdf, layered, replaced)
        with open_pdf(shown) as doc:
            looked = _look(shown, doc, removed, own_fonts)
    pdf, removed = looked.pdf, looked.removed
    if removed:
        info["not_shown"] = removed.as_data()
        steps.append("visible")
    # what the page holds that no reader sees, said per page (`ingest.hidden`), before OCR
    warnings += hidden_warnings(
        looked.hidden, removed.unseen_by_page, removed.pictures_by_page, removed.parts_by_page
    )
    if looked.read:
        info["ocr_pages"] = [n + 1 for n in looked.read]
        steps.append("ocr")
    warnings += _unread(looked.pages, [*looked.read, *looked.scans]) + _broken(looked.broken)
    if warnings:  # after what the caller knew of the file (a hidden sheet shown ...)
        info["warnings"] = [*info.get("warnings", ()), *warnings]
    if steps:
        info["received_sha256"] = received_sha
    if native is not None:
        info["native"] = {"name": native_name, "media_type": native_type, "sha256": received_sha}
    return Ready(
        pdf=pdf,
        sha=hashlib.sha256(pdf).hexdigest(),
        pages=looked.pages,
        info=info,
        steps=steps,
        received=received,
        received_type=native_type if native is not None else "application/pdf",
    )


def with_meta(ready: Ready, meta: Mapping[str, Any] | None) -> Ready:
    """A file made ready once (`make_ready` with no ``meta``), as `make_ready` would give it
    with ``meta``: the caller's fields first, the file's own findings after (a volume that
    repeats a file reads it once, and each record keeps its own fields)."""
    info = dict(meta or {})
    for key, value in ready.info.items():
        info[key] = [*info.get("warnings", ()), *value] if key == "warnings" else value
    return dataclasses.replace(ready, info=info)


@dataclass(frozen=True)
class Looked:
    """What the steps after the bomb check made of a file: the PDF the record works on, what
    `visible` took out of it, the hidden words per page (`ingest.hidden`), the pages OCR
    wrote words on (`read`) and those it had to read whole (`scans`), every page's text, and
    the pages whose content MuPDF could not read whole (`broken`: see `_content_broken`)."""

    pdf: bytes
    removed: Removed
    hidden: dict[int, Counter[str]]
    read: list[int]
    scans: list[int]
    pages: list[PageText]
    broken: list[int]


def _look(pdf: bytes, doc: pymupdf.Document, removed: Removed, own_fonts: bool) -> Looked:
    """Pictures and text no viewer shows taken out, hidden text counted, OCR, and the pages
    read, of the open file `pdf` (`doc`), page by page, each page's reads shared among the
    steps."""
    if unused := hidden_mask_groups(doc, range(doc.page_count)):  # as `visible_copy` does
        emptied(doc, [group for groups in unused.values() for group in groups])
        pdf = save_clean(doc)
        with open_pdf(pdf) as copy:
            return _look(pdf, copy, removed, own_fonts)
    if (cleared := without_hidden_pictures(pdf, doc)) is not None:
        pdf, pictures = cleared
        with open_pdf(pdf) as copy:
            return _look(pdf, copy, removed.with_pictures(pictures), own_fonts)
    if not removed.unseen_parts and (blanked := without_unseen_parts(pdf, doc)) is not None:
        pdf, parts = blanked
        with open_pdf(pdf) as copy:
            return _look(pdf, copy, removed.with_parts(parts), own_fonts)
    by_page: list[tuple[int, int]] = []
    hidden: dict[int, Counter[str]] = {}
    plan: dict[int, ToRead] = {}
    broken: list[int] = []
    fonts: FontsKnown = {}  # each font read once for all the pages (no step changes a font)
    texts: dict[int, str] = {}  # the text kept, where a check read it (`_finish`)
    for page in doc.pages():
        pymupdf.TOOLS.reset_mupdf_warnings()
        reads = PageReads(page, fonts)
        if count := remove_unseen_text(page, reads):
            by_page.append((page.number, count))
        elif not by_page:  # what a page shows, as long as the file is the one read
            _check_page(page, reads, hidden, plan, own_fonts, texts)
        if _content_broken():
            broken.append(page.number)
    if by_page:  # the working copy is a new file: read as that file is
        pdf = save_clean(doc)
        with open_pdf(pdf) as copy:
            return _look_again(pdf, copy, removed.with_unseen(by_page), own_fonts)
    return _finish(pdf, doc, removed, hidden, plan, broken, texts)


def _look_again(pdf: bytes, doc: pymupdf.Document, removed: Removed, own_fonts: bool) -> Looked:
    """`_look` at the working copy saved anew after text no viewer shows was taken out."""
    hidden: dict[int, Counter[str]] = {}
    plan: dict[int, ToRead] = {}
    broken: list[int] = []
    fonts: FontsKnown = {}
    texts: dict[int, str] = {}
    for page in doc.pages():
        pymupdf.TOOLS.reset_mupdf_warnings()
        _check_page(page, PageReads(page, fonts), hidden, plan, own_fonts, texts)
        if _content_broken():
            broken.append(page.number)
    return _finish(pdf, doc, removed, hidden, plan, broken, texts)


#: How MuPDF says, in its warnings, that it could not read a page's content whole (it draws
#: and extracts what it could, and raises nothing).
_CONTENT_ERRORS = ("syntax error", "page may not be correct", "content stream")


def _content_broken() -> bool:
    """Whether MuPDF warned, since its warnings were last cleared, that a page's content is
    damaged. MuPDF keeps its warnings in one buffer for the process: each page's are cleared
    before the page is read, and read right after."""
    said = pymupdf.TOOLS.mupdf_warnings(reset=True)
    return any(sign in said for sign in _CONTENT_ERRORS)


def _broken(pages: Sequence[int]) -> list[str]:
    """The warning for pages whose content MuPDF could not read whole."""
    if not pages:
        return []
    shown = ", ".join(str(n + 1) for n in pages[:10]) + (" ..." if len(pages) > 10 else "")
    return [
        f"the content of page(s) {shown} is damaged (MuPDF read only what it could): text or "
        "drawings may be missing; ask for the file again"
    ]


def _check_page(
    page: pymupdf.Page,
    reads: PageReads,
    hidden: dict[int, Counter[str]],
    plan: dict[int, ToRead],
    own_fonts: bool,
    texts: dict[int, str],
) -> None:
    if counted := hidden_on_page(reads):
        hidden[page.number] = counted
    if (wanted := ocr_plan(page, reads, own_fonts)) is not None:
        plan[page.number] = wanted
    if (text := reads.text_read()) is not None:  # the OCR decision read the text kept
        texts[page.number] = text


def _finish(
    pdf: bytes,
    doc: pymupdf.Document,
    removed: Removed,
    hidden: dict[int, Counter[str]],
    plan: dict[int, ToRead],
    broken: list[int],
    texts: dict[int, str],
) -> Looked:
    """OCR as `plan` says, then every page read (raises a one-line PdfError on a bad file),
    the text a check read of a page taken as it was read, when OCR wrote nothing."""
    scans = [n for n, wanted in plan.items() if wanted.regions is None]
    made, read = write_text_layer(doc, plan)
    if made is None:
        return Looked(pdf, removed, hidden, read, scans, read_document(doc, texts), broken)
    with open_pdf(made) as ocred:
        return Looked(made, removed, hidden, read, scans, read_document(ocred), broken)
