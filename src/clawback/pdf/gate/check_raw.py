"""Gate checks (b) and (c): the secret in the bytes of the file, and the file's revisions.

(b) Looked for, in the `needles.byte_forms` of each secret (plain, hex, UTF-16BE/LE, escaped;
ASCII case-insensitive; all secrets' forms in one `needles.ByteNeedles` pass per haystack):

* the raw file bytes (uncompressed dictionaries and strings);
* every stream object in the cross-reference table, referenced or not, decoded (or raw when
  its filter cannot be decoded, e.g. images);
* every string object, decoded as PDF text (PDFDocEncoding or UTF-16), under text matching;
* every zlib stream that can be inflated from the bytes after a ``stream`` keyword, which also
  reaches objects of superseded revisions that no cross-reference table lists any more.

A stream or string object that belongs to one page (see `check_structure.partition`) is
reported on that page.

(c) Exactly one revision: one ``%%EOF``, one ``startxref``, no ``/Prev`` in the trailer, one
version according to MuPDF, and a file MuPDF did not have to repair.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator, Sequence

import pikepdf
import pymupdf

from clawback.pdf.files.pdfwalk import all_objects, walk
from clawback.pdf.gate.check_structure import object_owners, partition
from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.needles import ByteNeedles, TextMatcher, byte_forms, prepare

__all__ = ["raw_findings", "revision_findings"]

_STREAM_START = re.compile(rb"stream\r?\n")
#: Inflated output beyond this is not scanned (a defence against decompression bombs).
MAX_INFLATED = 256 * 1024 * 1024


def raw_findings(
    pdf: bytes, pike: pikepdf.Pdf, secrets: Sequence[tuple[str, str]]
) -> list[Finding]:
    """Secrets present anywhere in the bytes of the file (see module doc)."""
    if not secrets:
        return []
    forms = ByteNeedles({label: byte_forms(text) for label, text in secrets})
    findings = _scan(pdf, forms, "the file bytes")
    objects = list(all_objects(pike))
    owners: dict[tuple[int, int], int] | None = None
    for obj in objects:
        if isinstance(obj, pikepdf.Stream):
            number, generation = obj.objgen
            hits = _scan(_stream_bytes(obj), forms, f"stream object {number} {generation}")
            if hits:  # name the page the stream belongs to (worked out once, on a find)
                owners = object_owners(pike) if owners is None else owners
                page = owners.get(obj.objgen)
                hits = [Finding(page, f.check, f.detail) for f in hits]
            findings += hits
    matchers = [(label, TextMatcher(text)) for label, text in secrets]
    reported: set[str] = set()
    for string in walk(*objects).strings:
        prepared = prepare(str(string))
        for label, matcher in matchers:
            if label not in reported and matcher.found_in_prepared(prepared):
                page = _string_page(pike, matcher)
                findings.append(Finding(page, "raw", f"item {label!r} in a string object"))
                reported.add(label)
    # Carved streams repeat what the object scan saw; report only secrets it could not see.
    unseen = forms.without({label for label in forms.forms if _mentions(findings, label)})
    for offset, data in _inflatable_streams(pdf):
        if not unseen.forms:
            break
        hits = _scan(data, unseen, f"an unlisted compressed stream at byte {offset}")
        findings += hits
        if hits:
            unseen = unseen.without({label for label in unseen.forms if _mentions(hits, label)})
    return findings


def _string_page(pike: pikepdf.Pdf, matcher: TextMatcher) -> int | None:
    """The first page whose own objects hold a string with the secret (None: no page's)."""
    for page, found in partition(pike):
        if page is not None and any(
            matcher.found_in_prepared(prepare(str(string))) for string in found.strings
        ):
            return page
    return None


def _mentions(findings: list[Finding], label: str) -> bool:
    return any(f.detail.startswith(f"item {label!r} ") for f in findings)


def _scan(data: bytes, needles: ByteNeedles, where: str) -> list[Finding]:
    """One finding per secret found in `data` (first matching form named)."""
    return [
        Finding(None, "raw", f"item {label!r} in {where} ({form})")
        for label, form in needles.find(data.lower())
    ]


def _stream_bytes(stream: pikepdf.Stream) -> bytes:
    try:
        return stream.read_bytes()
    except pikepdf.PdfError:
        return stream.read_raw_bytes()


def _inflatable_streams(pdf: bytes) -> Iterator[tuple[int, bytes]]:
    """(offset, inflated data) for every zlib stream found after a ``stream`` keyword."""
    view = memoryview(pdf)
    for match in _STREAM_START.finditer(pdf):
        start = match.end()
        inflater = zlib.decompressobj()
        try:
            data = inflater.decompress(view[start:], MAX_INFLATED)
        except zlib.error:
            continue
        if data:
            yield start, data


def revision_findings(pdf: bytes, pike: pikepdf.Pdf, doc: pymupdf.Document) -> list[Finding]:
    """One finding if the file shows any sign of more than one revision or of repair."""
    signs: list[str] = []
    eof = pdf.count(b"%%EOF")
    if eof != 1:
        signs.append(f"{eof} %%EOF markers")
    startxref = pdf.count(b"startxref")
    if startxref != 1:
        signs.append(f"{startxref} startxref keywords")
    if "/Prev" in pike.trailer:
        signs.append("trailer has /Prev")
    if doc.version_count > 1:
        signs.append(f"MuPDF counts {doc.version_count} versions")
    findings = []
    if signs:
        findings.append(Finding(None, "revision", "incremental update: " + ", ".join(signs)))
    if doc.is_repaired:
        findings.append(Finding(None, "revision", "damaged file (MuPDF had to repair it)"))
    return findings
