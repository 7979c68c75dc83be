"""The page as a viewer shows it: the working copy ingest makes, holding nothing no viewer draws.

A received PDF can carry text no reader of the page ever sees, which a pattern search of its
text then misses and a production may bring back to light: content in an optional-content
layer switched off by default (a stamp that does not copy the layer settings prints it), text
placed outside the CropBox or the MediaBox, text inside a clip path that hides it, and
``/ActualText`` that reads something other than the glyphs drawn. `visible_copy` makes the
copy the record works on (the file as received is kept beside it):

1. *Optional content* is flattened as the default configuration shows it: marked content
   (``/OC /name BDC ... EMC``) of a group or membership dictionary that is off, and form or
   image XObjects and annotations whose ``/OC`` is off, are removed; what is on stays, and the
   document's ``/OCProperties`` go (nothing is optional any more). Visibility follows ISO
   32000-1 8.11: a group's state from ``/D`` (``/BaseState``, ``/ON``, ``/OFF``); a membership
   dictionary's ``/VE`` expression, else its ``/P`` policy (``/AnyOn`` by default).
2. *Text no viewer draws*: every character MuPDF finds with its MediaBox and clip culling off
   but not with them on, or whose box lies outside the page's visible area, is removed (a
   redaction of its box that touches text only: no box drawn, pictures and paths kept).
3. *Replacement text*: ``/ActualText``, ``/Alt`` and ``/E`` are dropped from marked content,
   so the text read is the glyphs drawn (a production's scrub drops them anyway).
4. *Pictures no viewer sees* (off the page, clipped away, painted over, masked out) are
   replaced by a transparent pixel (`shows.unseen_pictures`), after the groups of soft masks
   nothing is painted through are emptied (`shows.unseen_masks`: ``pdftotext`` reads them).

A file with none of these comes back as the same bytes. What the page draws that is not text
(pictures, outlines, Type 3 glyphs without a mapping) is read by OCR (`shows.ocr`).
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pikepdf
import pymupdf

from clawback.pdf.files.document import PdfError, open_pdf, open_pike, save_clean
from clawback.pdf.redaction.scrub import CONTENT_TEXT_KEY, TEXT_KEYS
from clawback.pdf.shows.pagereads import PageReads
from clawback.pdf.shows.survey import survey
from clawback.pdf.shows.unseen_masks import emptied, hidden_mask_groups
from clawback.pdf.shows.unseen_parts import without_unseen_parts
from clawback.pdf.shows.unseen_pictures import without_hidden_pictures

__all__ = ["Removed", "remove_unseen_text", "rewrites", "rewritten", "unseen_text", "visible_copy"]

#: MuPDF text flags for "every character the page holds" and "the characters a viewer draws".
_ALL = (
    pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_PRESERVE_LIGATURES
    | pymupdf.TEXT_IGNORE_ACTUALTEXT
)
_SHOWN = _ALL | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_CLIP
_NO_SPACES = pymupdf.TEXT_INHIBIT_SPACES
#: A character box smaller than this (in square points) counts as a point (`_unseen`).
_TINY = 1e-6
_Key = tuple[str, int, int]
_Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Removed:
    """What `visible_copy` took out, counted (never the text): for the document's meta."""

    hidden_layers: int = 0  # marked-content runs, XObject uses and annotations switched off
    unseen_characters: int = 0  # outside the visible area or clipped away
    replacement_texts: int = 0  # /ActualText, /Alt, /E entries dropped
    unseen_by_page: tuple[tuple[int, int], ...] = ()  # (page from 0, characters) of the above
    unseen_pictures: int = 0  # drawn where nothing of them shows (`shows.unseen_pictures`)
    pictures_by_page: tuple[tuple[int, int], ...] = ()  # (page from 0, pictures) of the above
    unseen_parts: int = 0  # pictures blanked where they do not show (`shows.unseen_parts`)
    parts_by_page: tuple[tuple[int, int], ...] = ()  # (page from 0, pictures) of the above

    def __bool__(self) -> bool:
        return bool(
            self.hidden_layers
            or self.unseen_characters
            or self.replacement_texts
            or self.unseen_pictures
            or self.unseen_parts
        )

    def as_data(self) -> dict[str, int]:
        return {k: v for k, v in vars(self).items() if v and isinstance(v, int)}

    def with_unseen(self, by_page: Sequence[tuple[int, int]]) -> Removed:
        """These counts, with the characters `remove_unseen_text` took out (page, count)."""
        unseen = sum(n for _, n in by_page)
        return replace(self, unseen_characters=unseen, unseen_by_page=tuple(by_page))

    def with_pictures(self, by_page: Sequence[tuple[int, int]]) -> Removed:
        """These counts, with the pictures no viewer sees taken out (page, count)."""
        return replace(
            self, unseen_pictures=sum(n for _, n in by_page), pictures_by_page=tuple(by_page)
        )

    def with_parts(self, by_page: Sequence[tuple[int, int]]) -> Removed:
        """These counts, with the pictures whose unseen part was blanked (page, count)."""
        return replace(self, unseen_parts=sum(n for _, n in by_page), parts_by_page=tuple(by_page))


def visible_copy(pdf: bytes) -> tuple[bytes, Removed]:
    """`pdf` as a viewer shows it (see the module doc), and what was removed."""
    with open_pdf(pdf) as doc:
        layered, replaced = rewrites(doc)
    pdf, removed = rewritten(pdf, layered, replaced)
    by_page = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            if count := remove_unseen_text(page):
                by_page.append((page.number, count))
        if by_page:
            pdf = save_clean(doc)
    with open_pdf(pdf) as doc:
        if hidden := hidden_mask_groups(doc, range(doc.page_count)):
            emptied(doc, [group for groups in hidden.values() for group in groups])
            pdf = save_clean(doc)
    pictures: list[tuple[int, int]] = []
    with open_pdf(pdf) as doc:
        if (cleared := without_hidden_pictures(pdf, doc)) is not None:
            pdf, pictures = cleared
    parts: list[tuple[int, int]] = []
    with open_pdf(pdf) as doc:
        if (blanked := without_unseen_parts(pdf, doc)) is not None:
            pdf, parts = blanked
    return pdf, removed.with_unseen(by_page).with_pictures(pictures).with_parts(parts)


def rewrites(doc: pymupdf.Document) -> tuple[bool, bool]:
    """Whether `doc` has optional content, and replacement text, to take out (steps 1 and 3
    of the module doc: `rewritten` does them; step 2 is `remove_unseen_text`, page by page)."""
    layered = bool(doc.get_ocgs())
    replaced = survey(doc, range(doc.page_count)).replacement_text or _alt_text(doc)
    return layered, bool(replaced)


def rewritten(pdf: bytes, layered: bool, replaced: bool) -> tuple[bytes, Removed]:
    """`pdf` with its optional content flattened (``layered``) and its replacement text
    dropped (``replaced``), as `rewrites` found them; the same bytes when neither."""
    if not (layered or replaced):
        return pdf, Removed()
    with open_pike(pdf) as pike:
        layers = _flatten_optional_content(pike) if layered else 0
        replacement = _drop_replacement_text(pike) if replaced else 0
        if "/OCProperties" in pike.Root:
            del pike.Root["/OCProperties"]
        return _saved(pike), Removed(hidden_layers=layers, replacement_texts=replacement)


def _saved(doc: pikepdf.Pdf) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer, deterministic_id=True)
    return buffer.getvalue()


# -- optional content --------------------------------------------------------------------------


class _Visibility:
    """Which optional-content groups and membership dictionaries the default view shows."""

    def __init__(self, doc: pikepdf.Pdf) -> None:
        props = doc.Root.get("/OCProperties")
        config = props.get("/D") if isinstance(props, pikepdf.Dictionary) else None
        config = config if isinstance(config, pikepdf.Dictionary) else pikepdf.Dictionary()
        self.base_on = config.get("/BaseState", pikepdf.Name.ON) != pikepdf.Name.OFF
        self.on = {_id(g) for g in _array(config.get("/ON"))}
        self.off = {_id(g) for g in _array(config.get("/OFF"))}

    def shows(self, entry: object) -> bool:
        """Whether an ``/OC`` value (a group, a membership dictionary) is shown."""
        if not isinstance(entry, pikepdf.Dictionary):
            return True
        if entry.get("/Type") == pikepdf.Name.OCMD:
            expression = entry.get("/VE")
            if isinstance(expression, pikepdf.Array):
                return self._expression(expression)
            groups = [g for g in _array(entry.get("/OCGs"))]
            if isinstance(entry.get("/OCGs"), pikepdf.Dictionary):
                groups = [entry.OCGs]
            states = [self._group(g) for g in groups]
            if not states:
                return True
            policy = entry.get("/P", pikepdf.Name.AnyOn)
            if policy == pikepdf.Name.AllOn:
                return all(states)
            if policy == pikepdf.Name.AnyOff:
                return not all(states)
            if policy == pikepdf.Name.AllOff:
                return not any(states)
            return any(states)
        return self._group(entry)

    def _group(self, group: object) -> bool:
        key = _id(group)
        if key in self.off:
            return False
        if key in self.on:
            return True
        return self.base_on

    def _expression(self, expression: pikepdf.Array) -> bool:
        if len(expression) == 0:
            return True
        op, args = expression[0], list(expression)[1:]
        values = [
            self._expression(a) if isinstance(a, pikepdf.Array) else self._group(a) for a in args
        ]
        if op == pikepdf.Name.Not:
            return not values[0] if values else True
        if op == pikepdf.Name.And:
            return all(values)
        return any(values)  # /Or


def _flatten_optional_content(doc: pikepdf.Pdf) -> int:
    """Remove what the default configuration hides; returns how many runs and uses went."""
    shown = _Visibility(doc)
    removed = 0
    done: set[tuple[int, int]] = set()
    for page in doc.pages:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        removed += _filter_stream(doc, page.obj, resources, shown, done)
        annots = page.obj.get("/Annots")
        if isinstance(annots, pikepdf.Array):
            kept = [a for a in annots if shown.shows(_get(a, "/OC"))]
            if len(kept) != len(annots):
                removed += len(annots) - len(kept)
                page.obj.Annots = pikepdf.Array(kept)
    return removed


def _filter_stream(
    doc: pikepdf.Pdf,
    owner: pikepdf.Object,
    resources: pikepdf.Object,
    shown: _Visibility,
    done: set[tuple[int, int]],
) -> int:
    """Drop hidden marked content and hidden XObject uses from one content stream (a page's or
    a form's), and from the forms it draws (each form once)."""
    properties = _get(resources, "/Properties")
    xobjects = _get(resources, "/XObject")
    instructions = (
        pikepdf.parse_content_stream(owner)
        if isinstance(owner, pikepdf.Page | pikepdf.Stream)
        else pikepdf.parse_content_stream(pikepdf.Page(owner))
    )
    kept: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    hiding = 0  # depth of marked content inside a hidden run (0: showing)
    removed = 0
    for item in instructions:
        op = str(item.operator) if isinstance(item, pikepdf.ContentStreamInstruction) else "INLINE"
        if hiding:
            if op in ("BDC", "BMC"):
                hiding += 1
            elif op == "EMC":
                hiding -= 1
            continue
        if op == "BDC" and len(item.operands) == 2 and item.operands[0] == pikepdf.Name.OC:
            tag = item.operands[1]
            entry = tag if isinstance(tag, pikepdf.Dictionary) else _get(properties, str(tag))
            if not shown.shows(entry):
                hiding, removed = 1, removed + 1
                continue
        if op == "Do" and item.operands:
            target = _get(xobjects, str(item.operands[0]))
            if isinstance(target, pikepdf.Stream) and not shown.shows(target.get("/OC")):
                removed += 1
                continue
            if isinstance(target, pikepdf.Stream) and target.get("/Subtype") == pikepdf.Name.Form:
                key = target.objgen
                if key not in done:
                    done.add(key)
                    inner = target.get("/Resources", resources)
                    removed += _filter_stream(doc, target, inner, shown, done)
        kept.append(item)
    if removed:
        data = pikepdf.unparse_content_stream(kept)
        if isinstance(owner, pikepdf.Stream):
            owner.write(data)
        else:
            owner.Contents = doc.make_stream(data)
    return removed


# -- replacement text --------------------------------------------------------------------------


def _alt_text(doc: pymupdf.Document) -> bool:
    """Whether any object or page content carries an ``/Alt`` or ``/E`` string (`survey` looks
    for ``/ActualText`` only: the one key that changes how the redactor must search)."""
    contents = {xref for page in doc.pages() for xref in page.get_contents()}
    for xref in range(1, doc.xref_length()):
        source = doc.xref_object(xref, compressed=True)
        if _ALT_KEY.search(source):
            return True
        drawn = xref in contents or "/Subtype/Form" in source
        if drawn and CONTENT_TEXT_KEY.search(doc.xref_stream(xref) or b""):
            return True
    return False


#: An /Alt or /E key followed by a string, in an object's source.
_ALT_KEY = re.compile(r"/(?:Alt|E)\s*[(<]")


def _drop_replacement_text(doc: pikepdf.Pdf) -> int:
    """Drop /ActualText, /Alt and /E strings from marked-content property lists (inline and in
    the resources), so the text read is the glyphs drawn."""
    dropped = 0
    for page in doc.pages:
        dropped += _strip_inline(doc, page.obj)
        for stream in _forms(page.obj.get("/Resources")):
            dropped += _strip_inline(doc, stream)
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for key in TEXT_KEYS:
                if key in obj and isinstance(obj.get(key), pikepdf.String):
                    del obj[key]
                    dropped += 1
    return dropped


def _strip_inline(doc: pikepdf.Pdf, owner: pikepdf.Object) -> int:
    target = owner if isinstance(owner, pikepdf.Stream) else pikepdf.Page(owner)
    if isinstance(owner, pikepdf.Stream):
        raw = owner.read_bytes()
    else:
        raw = b"".join(s.read_bytes() for s in _contents(owner))
    if not CONTENT_TEXT_KEY.search(raw):
        return 0
    dropped = 0
    kept = []
    for item in pikepdf.parse_content_stream(target):
        if (
            isinstance(item, pikepdf.ContentStreamInstruction)
            and str(item.operator) == "BDC"
            and len(item.operands) == 2
            and isinstance(item.operands[1], pikepdf.Dictionary)
        ):
            props = item.operands[1]
            for key in TEXT_KEYS:
                if key in props and isinstance(props.get(key), pikepdf.String):
                    del props[key]
                    dropped += 1
            item = pikepdf.ContentStreamInstruction([item.operands[0], props], item.operator)
        kept.append(item)
    data = pikepdf.unparse_content_stream(kept)
    if isinstance(owner, pikepdf.Stream):
        owner.write(data)
    else:
        owner.Contents = doc.make_stream(data)
    return dropped


def _forms(resources: object) -> Iterable[pikepdf.Stream]:
    seen: set[tuple[int, int]] = set()
    stack = [resources]
    while stack:
        found = _get(stack.pop(), "/XObject")
        for xobject in found.values() if isinstance(found, pikepdf.Dictionary) else ():
            if (
                isinstance(xobject, pikepdf.Stream)
                and xobject.get("/Subtype") == pikepdf.Name.Form
                and xobject.objgen not in seen
            ):
                seen.add(xobject.objgen)
                yield xobject
                stack.append(xobject.get("/Resources"))


def _contents(page: pikepdf.Object) -> list[pikepdf.Stream]:
    contents = page.get("/Contents")
    if isinstance(contents, pikepdf.Array):
        return [c for c in contents if isinstance(c, pikepdf.Stream)]
    return [contents] if isinstance(contents, pikepdf.Stream) else []


# -- text no viewer draws ----------------------------------------------------------------------


def unseen_text(page: pymupdf.Page, reads: PageReads | None = None) -> list[pymupdf.Rect]:
    """The boxes of the characters a viewer does not draw on `page`: outside its visible area
    (MuPDF's text trace sees them, its text extraction does not) or clipped away (extracted
    with clip culling off, not with it on). In the page's unrotated frame. `reads`: what the
    page's other checks read of it (its text trace)."""
    reads = reads or PageReads(page)
    turned = page.rotation
    if turned:
        page.set_rotation(0)
    try:
        trace = reads.trace()
        if _all_shown(page, trace):
            return []
        return _unseen(page, _chars(page, _SHOWN), trace)
    finally:
        if turned:
            page.set_rotation(turned)


def _all_shown(page: pymupdf.Page, trace: list[dict[str, Any]]) -> bool:
    """Whether the page provably shows every character it holds, decided in MuPDF's C code and
    numpy rather than a Python loop per character: the page's text read with clip
    culling off and on is the same string (spaces MuPDF would invent between words turned off,
    so a culled space cannot hide behind an invented one), and every character's traced box
    lies wholly inside the page with an area `_unseen` would not call empty. Either failing
    sends the page to `_unseen`, which then finds exactly what it found before."""
    if page.get_text("text", flags=_ALL | _NO_SPACES) != page.get_text(
        "text", flags=_SHOWN | _NO_SPACES
    ):
        return False
    found = [ch[3] for span in trace for ch in span["chars"]]
    if not found:
        return True
    # fromiter over the flat numbers: np.array of 4-tuples cost more than the test itself
    flat = itertools.chain.from_iterable(found)
    boxes = np.fromiter(flat, dtype=np.float64, count=4 * len(found)).reshape(-1, 4)
    x0, y0, x1, y1 = boxes.T
    widths, heights = x1 - x0, y1 - y0
    ax0, ay0, ax1, ay1 = page.rect
    return bool(
        x0.min() >= ax0
        and y0.min() >= ay0
        and x1.max() <= ax1
        and y1.max() <= ay1
        and widths.min() > 0
        and heights.min() > 0
        and (widths * heights).min() >= _TINY
    )


def _unseen(
    page: pymupdf.Page, shown: dict[_Key, _Box], trace: list[dict[str, Any]]
) -> list[pymupdf.Rect]:
    # Plain floats, not pymupdf.Rect, in the loops: a rendered spreadsheet holds 100,000
    # characters, and Rect arithmetic in Python cost seconds a page.
    unseen = [pymupdf.Rect(box) for key, box in _chars(page, _ALL).items() if key not in shown]
    ax0, ay0, ax1, ay1 = page.rect
    for span in trace:
        for ch in span["chars"]:
            x0, y0, x1, y1 = ch[3]
            if x0 >= x1 or y0 >= y1:  # a glyph with no box: its origin, a point wide
                x, y = ch[2]
                x0, y0, x1, y1 = x - 0.5, y - 0.5, x + 0.5, y + 0.5
            w, h = min(x1, ax1) - max(x0, ax0), min(y1, ay1) - max(y0, ay0)
            inside = w * h if w > 0 and h > 0 else 0.0
            if inside < 0.5 * max((x1 - x0) * (y1 - y0), _TINY):
                unseen.append(pymupdf.Rect(x0, y0, x1, y1))
    return unseen


def remove_unseen_text(page: pymupdf.Page, reads: PageReads | None = None) -> int:
    """Remove the characters a viewer does not draw (`unseen_text`); how many. Refused in one
    line if the text a viewer draws moved. `reads` holds what the page's other checks read of
    it (its text trace); it forgets them if the page changed."""
    reads = reads or PageReads(page)
    turned = page.rotation
    if turned:
        page.set_rotation(0)
    try:
        trace = reads.trace()
        if _all_shown(page, trace):
            return 0
        before = _chars(page, _SHOWN)
        unseen = _unseen(page, before, trace)
        if not unseen:
            return 0
        reads.forget()  # the page is about to change: what was read of it no longer holds
        for box in unseen:
            # no box drawn (fill=False, which the stubs do not name): nothing was shown there
            page.add_redact_annot(box, fill=False)  # type: ignore[arg-type]
        page.apply_redactions(  # text only: pictures and paths stay as they are
            images=pymupdf.mupdf.PDF_REDACT_IMAGE_NONE,
            graphics=pymupdf.mupdf.PDF_REDACT_LINE_ART_NONE,
            text=pymupdf.mupdf.PDF_REDACT_TEXT_REMOVE,
        )
        if _chars(page, _SHOWN) != before:
            raise PdfError(
                f"page {page.number + 1}: text no viewer shows cannot be taken out without "
                "moving the text it shows"
            )
        return len(unseen)
    finally:
        if turned:
            page.set_rotation(turned)


def _chars(page: pymupdf.Page, flags: int) -> dict[_Key, _Box]:
    """Each character of the page by (character, rounded origin), with its box."""
    found: dict[_Key, _Box] = {}
    raw = page.get_text("rawdict", flags=flags)
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            for span in line.get("spans", ()):
                for ch in span.get("chars", ()):
                    x, y = ch["origin"]
                    found[(ch["c"], round(x * 10), round(y * 10))] = tuple(ch["bbox"])
    return found


# -- pikepdf helpers ---------------------------------------------------------------------------


def _array(value: object) -> list[pikepdf.Object]:
    return list(value) if isinstance(value, pikepdf.Array) else []


def _id(obj: object) -> tuple[int, int]:
    return obj.objgen if isinstance(obj, pikepdf.Object) and obj.is_indirect else (0, id(obj))


def _get(container: object, key: str) -> pikepdf.Object | None:
    if isinstance(container, pikepdf.Dictionary | pikepdf.Stream):
        value = container.get(key if key.startswith("/") else "/" + key)
        return value
    return None
