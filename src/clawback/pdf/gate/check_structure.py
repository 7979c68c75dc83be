"""Gate check (d): nothing in the file but pages and what they draw.

Findings, by check name:

* ``encryption`` — the file is encrypted (streams would hide from the byte scan);
* ``metadata`` — document information other than Producer, Creator, CreationDate, ModDate,
  Trapped (in the trailer, or the copy MuPDF 1.28 files inside the catalog);
* ``xmp`` — any ``/Metadata`` stream;
* ``attachment`` — embedded files, file specifications with ``/EF``, ``/AF``, portfolios;
* ``javascript`` / ``action`` — document JavaScript, ``/OpenAction``, ``/AA``, ``/JS``, and
  actions that reach outside the document (URI, Launch, GoToR, SubmitForm, …);
* ``annotation`` — any annotation on any page (links, notes, highlights, widgets, redactions);
* ``form`` — an interactive form with fields, or XFA;
* ``outline`` — bookmarks;
* ``thumbnail``, ``private-data`` (``/PieceInfo``), ``page-labels``;
* ``alternate`` — a picture's ``/Alternates`` or ``/OPI`` (a picture printed in its place);
* ``transfer`` — a graphics state's transfer function (``/TR``, ``/TR2``), which other viewers
  apply and MuPDF, whose reading every other check is, does not (`redaction.transfer`);
* ``profile`` — an ICCBased colour space whose profile may show other viewers what MuPDF
  does not (`redaction.profiles`);
* ``actualtext`` — ``/ActualText``, ``/Alt`` or ``/E`` replacement text, in a dictionary or in a
  marked-content property list of a content stream;
* ``undrawn`` — strings where no standard structure puts them and no page draws them
  (`redaction.undrawn`): keys the catalog, a page or the page tree is not given, private
  resource entries, strings in marked-content property lists, layer names and usage text;
* ``unreferenced`` — objects in the cross-reference table that nothing refers to.

A finding about an object only one page reaches (its annotations, thumbnail, ``/AF`` list,
``/AA`` actions, private data, and what they hold) names that page (`partition`); the rest name
the file.
"""

from __future__ import annotations

import pikepdf

from clawback.pdf.files.pdfwalk import Walk, all_objects, dictionaries, page_contents, walk
from clawback.pdf.gate.findings import Finding
from clawback.pdf.redaction.profiles import odd_profiles
from clawback.pdf.redaction.scrub import CONTENT_TEXT_KEY, TEXT_KEYS
from clawback.pdf.redaction.transfer import ignored_transfer
from clawback.pdf.redaction.undrawn import (
    RESOURCE_KINDS,
    content_strings,
    extra_keys,
    has_strings,
    layer_text,
    may_hold_strings,
    property_lists,
)

__all__ = ["object_owners", "partition", "structure_findings"]

ALLOWED_INFO = frozenset({"/Producer", "/Creator", "/CreationDate", "/ModDate", "/Trapped"})
_OUTWARD_ACTIONS = frozenset(
    {"/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE",
     "/Rendition", "/Sound", "/Movie"}
)  # fmt: skip


def structure_findings(
    pike: pikepdf.Pdf, parts: list[tuple[int | None, Walk]] | None = None
) -> list[Finding]:
    """Everything in the file that is not page content (see module doc); `parts`: the
    file's `partition`, where the caller made it already."""
    findings: list[Finding] = []
    if "/Encrypt" in pike.trailer:
        findings.append(Finding(None, "encryption", "file is encrypted"))
    findings += _catalog(pike)
    findings += _pages(pike)
    reached: set[tuple[int, int]] = set()
    everything = Walk()
    for page, found in partition(pike) if parts is None else parts:
        findings += _anywhere(found, page)
        reached |= found.indirect
        everything.containers += found.containers
    findings += _undrawn(pike, everything)
    listed = {obj.objgen for obj in all_objects(pike)}
    orphans = listed - reached
    if orphans:
        findings.append(
            Finding(None, "unreferenced", f"{len(orphans)} object(s) nothing refers to")
        )
    return findings


def _catalog(pike: pikepdf.Pdf) -> list[Finding]:
    root = pike.Root
    findings: list[Finding] = []
    for where, info in (("trailer", pike.trailer.get("/Info")), ("catalog", root.get("/Info"))):
        if isinstance(info, pikepdf.Dictionary):
            extra = sorted(str(k) for k in info if k not in ALLOWED_INFO)
            if extra:
                detail = f"document information in the {where}: {', '.join(extra)}"
                findings.append(Finding(None, "metadata", detail))
    outlines = root.get("/Outlines")
    if isinstance(outlines, pikepdf.Dictionary) and "/First" in outlines:
        findings.append(Finding(None, "outline", "document has bookmarks"))
    form = root.get("/AcroForm")
    if isinstance(form, pikepdf.Dictionary) and (len(form.get("/Fields", ())) or "/XFA" in form):
        findings.append(Finding(None, "form", "document has an interactive form"))
    names = root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        if "/EmbeddedFiles" in names:
            findings.append(Finding(None, "attachment", "document has embedded files"))
        if "/JavaScript" in names:
            findings.append(Finding(None, "javascript", "document has JavaScript"))
    if "/OpenAction" in root:
        findings.append(Finding(None, "action", "document has an /OpenAction"))
    if "/Collection" in root:
        findings.append(Finding(None, "attachment", "document is a portfolio"))
    if "/PageLabels" in root:
        findings.append(Finding(None, "page-labels", "document has page labels"))
    return findings


def _pages(pike: pikepdf.Pdf) -> list[Finding]:
    findings: list[Finding] = []
    for index, page in enumerate(pike.pages):
        annots = page.obj.get("/Annots")
        if isinstance(annots, pikepdf.Array) and len(annots):
            kinds = sorted(
                {
                    str(a.get("/Subtype", "?"))[1:]
                    for a in annots
                    if isinstance(a, pikepdf.Dictionary)
                }
            )
            detail = f"{len(annots)} annotation(s): {', '.join(kinds)}"
            findings.append(Finding(index, "annotation", detail))
        if "/Thumb" in page.obj:
            findings.append(Finding(index, "thumbnail", "page has a thumbnail image"))
        for stream in page_contents(page):
            if _has_content_text(stream):
                detail = "replacement text in the page's content stream"
                findings.append(Finding(index, "actualtext", detail))
                break
        for stream in page_contents(page):
            if _has_property_strings(stream):
                detail = "string(s) in a marked-content property list of the page"
                findings.append(Finding(index, "undrawn", detail))
                break
    return findings


def _undrawn(pike: pikepdf.Pdf, found: Walk) -> list[Finding]:
    """Keys the file's catalog, pages and page tree are not given, and layer text."""
    findings = [
        Finding(None, "undrawn", f"{n} {where} dictionar(ies) with keys that draw nothing")
        for where in ("catalog", "page", "page-tree")
        if (n := extra_keys(pike).count(where))
    ]
    if named := layer_text(found):
        findings.append(Finding(None, "undrawn", f"{named} layer(s) with a name or usage text"))
    return findings


def partition(pike: pikepdf.Pdf) -> list[tuple[int | None, Walk]]:
    """Everything reachable, split by owner: each page's own objects (what it reaches without
    going up to ``/Parent`` or over to another page), then the rest (None: the document's).

    Every container is in exactly one part; a resource pages share goes to the first page.
    """
    pages = [page.obj for page in pike.pages]
    page_keys = {obj.objgen for obj in pages if obj.is_indirect}
    visited: set[tuple[int, int]] = set(page_keys)
    parts: list[tuple[int | None, Walk]] = []
    for index, obj in enumerate(pages):
        found = walk(*(v for k, v in obj.items() if k != "/Parent"), seen=visited)
        if obj.is_indirect:
            found.indirect.add(obj.objgen)
        found.containers.insert(0, obj)
        parts.append((index, found))
    parts.append((None, walk(pike.trailer, seen=visited)))
    return parts


def object_owners(pike: pikepdf.Pdf) -> dict[tuple[int, int], int]:
    """The 0-based page each indirect object belongs to (see `partition`), where one does."""
    return {
        key: page for page, found in partition(pike) if page is not None for key in found.indirect
    }


def _anywhere(found: Walk, page: int | None = None) -> list[Finding]:
    counts: dict[tuple[str, str], int] = {}

    def note(check: str, what: str) -> None:
        counts[(check, what)] = counts.get((check, what), 0) + 1

    for obj in dictionaries(found):
        keys = set(obj.keys())  # one call into qpdf; the rest are lookups in this set
        if "/Metadata" in keys:
            note("xmp", "XMP metadata stream(s)")
        if "/AF" in keys:
            note("attachment", "associated file list(s) (/AF)")
        if "/EF" in keys or ("/Type" in keys and obj.get("/Type") == "/EmbeddedFile"):
            note("attachment", "embedded file stream(s) or file specification(s)")
        if "/PieceInfo" in keys:
            note("private-data", "/PieceInfo dictionar(ies)")
        if "/Alternates" in keys or "/OPI" in keys:
            note("alternate", "alternate picture(s) (/Alternates, /OPI)")
        if "/AA" in keys:
            note("action", "additional-actions dictionar(ies) (/AA)")
        if ("/TR" in keys or "/TR2" in keys) and ignored_transfer(obj):
            note("transfer", "graphics state(s) with a transfer function MuPDF does not apply")
        if "/JS" in keys:
            note("javascript", "JavaScript action(s)")
        action = obj.get("/S") if "/S" in keys else None
        if isinstance(action, pikepdf.Name) and str(action) in _OUTWARD_ACTIONS:
            note("action", f"{str(action)[1:]} action(s)")
        if any(isinstance(obj.get(key), pikepdf.String) for key in keys.intersection(TEXT_KEYS)):
            note("actualtext", "replacement text(s) in dictionaries")
        if (
            "/Subtype" in keys
            and isinstance(obj, pikepdf.Stream)
            and obj.get("/Subtype") == "/Form"
            and _has_content_text(obj)
        ):
            note("actualtext", "replacement text(s) in form XObjects")
        drawing = isinstance(obj, pikepdf.Stream) and (
            obj.get("/Subtype") == "/Form" or obj.get("/PatternType") == 1
        )
        if drawing and isinstance(obj, pikepdf.Stream) and _has_property_strings(obj):
            note("undrawn", "string(s) in property lists of forms or patterns")
        procs = obj.get("/CharProcs") if "/CharProcs" in keys else None
        if isinstance(procs, pikepdf.Dictionary) and any(
            isinstance(g, pikepdf.Stream) and _has_property_strings(g) for g in procs.values()
        ):
            note("undrawn", "string(s) in property lists of Type 3 glyphs")
        resources = obj.get("/Resources") if "/Resources" in keys else None
        if isinstance(resources, pikepdf.Dictionary):
            if set(resources.keys()) - RESOURCE_KINDS:
                note("undrawn", "resource entr(ies) that draw nothing")
            if any(
                entry.get("/Type") not in ("/OCG", "/OCMD") and has_strings(entry)
                for entry in property_lists(resources)
            ):
                note("undrawn", "string(s) in named property lists")
    if odd := odd_profiles(found):
        counts[("profile", "colour space(s) drawn through a profile MuPDF does not apply")] = odd
    return [Finding(page, check, f"{n} {what}") for (check, what), n in counts.items()]


def _has_property_strings(stream: pikepdf.Stream) -> bool:
    try:
        data = stream.read_bytes()
        if not may_hold_strings(data):
            return False
        return content_strings(pikepdf.parse_content_stream(stream))
    except pikepdf.PdfError:
        return False


def _has_content_text(stream: pikepdf.Stream) -> bool:
    try:
        return CONTENT_TEXT_KEY.search(stream.read_bytes()) is not None
    except pikepdf.PdfError:
        return False
