"""Remove everything from a PDF that is not page content, then save a clean whole file.

Removed wherever it occurs (the object graph is walked, not just the catalog):

* document information (``/Info``, also the copy MuPDF 1.28 files inside the catalog) and XMP
  (every ``/Metadata`` stream);
* bookmarks (``/Outlines``), the name tree (``/Names``: embedded files, document JavaScript,
  named destinations), ``/Dests``, page labels, portfolios (``/Collection``), article threads;
* PDF 2.0 associated files (``/AF``), ``/PieceInfo`` private data, page thumbnails (``/Thumb``),
  a picture's alternates (``/Alternates``: other pictures a printer may draw in its place) and
  ``/OPI`` proxies;
* actions: ``/OpenAction`` and every additional-actions dictionary (``/AA``);
* all annotations (``/Annots``: notes, links, widgets) and the interactive form (``/AcroForm``);
* the logical structure tree, and ``/ActualText``, ``/Alt`` and ``/E`` replacement texts in
  dictionaries;
* what a JPEG or JPEG 2000 picture holds in its own bytes besides the picture (EXIF, XMP,
  IPTC, comments: `picturemeta`);
* every string of a marked-content property list (inline in a content stream, or named in a
  resource dictionary), keys no standard gives a page, the page tree or the catalog, private
  resource entries, and layer names (`undrawn`: what no viewer draws and no name reaches);
* transfer functions (``/TR``, ``/TR2``) of graphics states, which MuPDF does not apply and
  other viewers do (`transfer`), and colour profiles other viewers apply as MuPDF does not
  (`profiles`): the page then shows in every viewer what clawback read.

Names that spell a redacted text (a font, a picture, a graphics state named after it) are
renamed when the caller says what was redacted (`renamed`).

Optional-content (layer) definitions are kept, their names made neutral: removing them would
change what a page shows.
The result is written by qpdf (only reachable objects), then re-saved by PyMuPDF with
``garbage=4, deflate=True, clean=True``, never incrementally. A file with an unapplied
``/Redact`` annotation is refused rather than silently losing that redaction.

`scrub_document` first asks MuPDF whether any object carries a key the scrub removes (with a
value other than null) or any content stream a replacement text (`needs_scrub`); a document
with none, such as a freshly stamped production file, is saved as is, since the round trip
through qpdf could only renumber its objects. The gate checks every output with qpdf anyway.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import pikepdf
import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf, open_pike, save_clean, saved
from clawback.pdf.files.pdfwalk import dictionaries, page_contents, walk
from clawback.pdf.redaction.picturemeta import holds_metadata, strip_pictures
from clawback.pdf.redaction.profiles import plain_profile, strip_profiles
from clawback.pdf.redaction.renamed import names_hold, rename
from clawback.pdf.redaction.transfer import TRANSFER_KEY, strip_transfer
from clawback.pdf.redaction.undrawn import (
    CATALOG_KEYS,
    NODE_KEYS,
    PAGE_KEYS,
    may_hold_strings,
    strip_content_strings,
    strip_undrawn,
)

__all__ = ["needs_scrub", "scrub", "scrub_document", "strip_structures"]

_ROOT_KEYS = (
    "/Info", "/Metadata", "/Outlines", "/AcroForm", "/Names", "/Dests", "/OpenAction",
    "/AA", "/AF", "/PageLabels", "/StructTreeRoot", "/MarkInfo", "/PieceInfo",
    "/Collection", "/Threads", "/SpiderInfo", "/Legal", "/Perms", "/URI", "/PageMode",
)  # fmt: skip
_ANYWHERE_KEYS = ("/Metadata", "/AF", "/PieceInfo", "/AA", "/Thumb", "/StructParent",
                  "/StructParents", "/Alternates", "/OPI")  # fmt: skip
_PAGE_KEYS = ("/Annots", "/B", "/Tabs")
#: Filters whose stream is a picture file that may carry metadata (`picturemeta`).
_PICTURE_FILES = ("/DCTDecode", "/JPXDecode")
#: Replacement-text keys; removed when their value is a string (``/E`` has other meanings).
TEXT_KEYS = ("/ActualText", "/Alt", "/E")
#: A replacement-text key followed by a string, as found in a content stream.
CONTENT_TEXT_KEY = re.compile(rb"/(?:ActualText|Alt|E)\s*[(<]")


def scrub(pdf: bytes, redacted: Sequence[str] = ()) -> bytes:
    """Return `pdf` with all non-content structures removed (see module doc), cleanly saved;
    names that spell one of the `redacted` texts are renamed (`renamed.rename`).

    Raises `PdfError` for unusable input or an unapplied redaction annotation.
    """
    with open_pike(pdf) as doc:
        strip_structures(doc)
        rename(doc, redacted)
        buffer = io.BytesIO()
        doc.save(buffer, compress_streams=True, linearize=False)
    with open_pdf(buffer.getvalue()) as final:
        return save_clean(final)


def scrub_document(doc: pymupdf.Document, redacted: Sequence[str] = ()) -> bytes:
    """`scrub` of an open PyMuPDF document, saved once: the hand-over to qpdf and back is
    written without compressing or re-compressing streams (the final `save_clean` deflates
    every stream), which is what makes it cheaper than saving `doc` and calling `scrub`;
    a document with nothing to remove (`needs_scrub`) and no name that spells one of the
    `redacted` texts (`renamed.names_hold`) is only saved clean."""
    if not needs_scrub(doc) and not names_hold(doc, redacted):
        return save_clean(doc)
    staged = saved(doc, garbage=1, encryption=pymupdf.mupdf.PDF_ENCRYPT_NONE)
    with open_pike(staged) as pike:
        strip_structures(pike)
        rename(pike, redacted)
        buffer = io.BytesIO()
        pike.save(
            buffer,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
            linearize=False,
        )
    with open_pdf(buffer.getvalue()) as final:
        return save_clean(final)


#: Any key the scrub removes, followed by a value other than null, in an object's source.
_REMOVED_KEY = re.compile(
    r"/(?:"
    + "|".join(sorted({k[1:] for k in (*_ROOT_KEYS, *_ANYWHERE_KEYS, *_PAGE_KEYS, *TEXT_KEYS)}))
    + r")(?=[\s/\[\]<>(){}%])(?!\s*null(?:[\s/\]>]|$))"
)


#: What only a file that `undrawn` changes holds: a layer, named property lists.
_UNDRAWN_KEY = re.compile(r"/Type\s*/OCG\b|/Properties\b")


def needs_scrub(doc: pymupdf.Document) -> bool:
    """True if `strip_structures` would remove anything from `doc`: some object (the trailer
    included) names a removed key with a non-null value, or a layer or named property lists;
    the catalog, a page or the page tree holds a key it does not keep; some stream other than
    an image holds a replacement-text key or an inline property list; a JPEG picture holds
    metadata (`picturemeta`). Errs towards True (a
    key name inside a string counts)."""
    if _REMOVED_KEY.search(doc.pdf_trailer(compressed=True)) or _extra_keys(doc):
        return True
    for xref in range(1, doc.xref_length()):
        source = doc.xref_object(xref, compressed=True)
        if _REMOVED_KEY.search(source) or _UNDRAWN_KEY.search(source):
            return True
        if TRANSFER_KEY.search(source) or _odd_profile(doc, source):
            return True
        if not doc.xref_is_stream(xref):
            continue
        if doc.xref_get_key(xref, "Subtype")[1] != "/Image":
            data = doc.xref_stream(xref) or b""
            if CONTENT_TEXT_KEY.search(data) or may_hold_strings(data):
                return True
        elif (kind := doc.xref_get_key(xref, "Filter")[1]) in _PICTURE_FILES:
            if holds_metadata(doc.xref_stream_raw(xref) or b""):
                return True
        elif any(name in kind for name in _PICTURE_FILES):
            return True  # a JPEG (2000) under another filter: let the scrub look
    return False


#: An ICCBased colour space naming its profile's object.
_PROFILE = re.compile(r"/ICCBased\s*(\d+)\s+\d+\s+R")


def _odd_profile(doc: pymupdf.Document, source: str) -> bool:
    """Whether an object's `source` names an ICCBased colour space whose profile is not
    plain (`profiles`); one written in place (no object of its own) counts."""
    if "/ICCBased" not in source:
        return False
    named = _PROFILE.findall(source)
    if len(named) < source.count("/ICCBased"):
        return True
    return not all(plain_profile(doc.xref_stream(int(xref)) or b"") for xref in named)


def _extra_keys(doc: pymupdf.Document) -> bool:
    """Whether the catalog, a page or a page-tree node has a key `undrawn` removes."""

    def extra(xref: int, kept: frozenset[str]) -> bool:
        return any(
            "/" + key not in kept and doc.xref_get_key(xref, key)[0] != "null"
            for key in doc.xref_get_keys(xref)
        )

    if extra(doc.pdf_catalog(), CATALOG_KEYS | {"/Info"}):  # /Info: `_REMOVED_KEY`'s
        return True
    seen: set[int] = set()
    for number in range(doc.page_count):
        xref = doc.page_xref(number)
        if extra(xref, PAGE_KEYS):
            return True
        kind, value = doc.xref_get_key(xref, "Parent")
        while kind == "xref" and (parent := int(value.split()[0])) not in seen:
            seen.add(parent)
            if extra(parent, NODE_KEYS):
                return True
            kind, value = doc.xref_get_key(parent, "Parent")
    return False


def strip_structures(doc: pikepdf.Pdf) -> None:
    """Apply the scrub to an open pikepdf document in place (see module doc)."""
    for number, page in enumerate(doc.pages, start=1):
        for annot in page.obj.get("/Annots", pikepdf.Array()):
            if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == "/Redact":
                raise PdfError(f"page {number} has an unapplied redaction annotation")
    if "/Info" in doc.trailer:
        del doc.trailer["/Info"]
    root = doc.Root
    for key in _ROOT_KEYS:
        if key in root:
            del root[key]
    for page in doc.pages:
        for key in _PAGE_KEYS:
            if key in page.obj:
                del page.obj[key]
    found = walk(doc.trailer)
    anywhere, texts = set(_ANYWHERE_KEYS), set(TEXT_KEYS)
    for obj in dictionaries(found):
        keys = set(obj.keys())  # one call into qpdf, not one per key looked for
        for key in keys & anywhere:
            del obj[key]
        for key in keys & texts:
            if isinstance(obj.get(key), pikepdf.String):
                del obj[key]
    strip_undrawn(doc, found)
    strip_transfer(found)
    strip_profiles(found)
    strip_pictures(found.containers)
    for obj in found.containers:
        if isinstance(obj, pikepdf.Stream) and (
            obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1
        ):
            _strip_marked_content_text(obj)
        elif isinstance(obj, pikepdf.Dictionary) and isinstance(
            procs := obj.get("/CharProcs"), pikepdf.Dictionary
        ):
            for glyph in procs.values():
                if isinstance(glyph, pikepdf.Stream):
                    _strip_marked_content_text(glyph)
    for page in doc.pages:
        for stream in page_contents(page):
            _strip_marked_content_text(stream)


def _strip_marked_content_text(stream: pikepdf.Stream) -> None:
    """Drop every string (replacement texts among them) from the inline ``BDC``/``DP``
    property lists of one stream."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        return
    if not (may_hold_strings(data) or CONTENT_TEXT_KEY.search(data)):
        return
    stripped = strip_content_strings(pikepdf.parse_content_stream(stream))
    if stripped is not None:
        stream.write(pikepdf.unparse_content_stream(stripped))
