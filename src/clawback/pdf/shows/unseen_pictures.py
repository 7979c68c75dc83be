"""Pictures a file holds that no viewer sees.

A page may draw a picture of which nothing shows: outside the page, inside a clip path that
lets none of it through, under an opaque fill, through a soft mask that lets nothing through.
No viewer shows it and OCR of the page reads nothing of it, yet it is in the file for anyone
who lists the file's pictures (``pdfimages``): a picture of a code the page no longer shows
goes out with every production of the page.

A picture is told unseen by its effect, whatever the cause: the page rendered without it
(the picture replaced, in a one-page copy, by MuPDF's transparent 1 x 1 pixel) is the page
rendered with it, pixel for pixel at `DPI`. A picture is *hidden* when it is unseen on every
page that draws it (one a page shows somewhere gives nothing away by also being drawn where it
does not show). A picture of one pixel or of one colour (a blank scan; its soft mask, if it
has one, of one colour too) carries nothing to read and is not tried (so the pixel put in a
hidden picture's place is not tried again).

An inline picture (``BI ... ID ... EI`` in a content stream) is no object MuPDF can replace:
where a page or a form holds one, the file is read with every inline picture made an image
XObject (qpdf's ``externalizeInlineImages``; the pages look the same), and kept so if a hidden
one is taken out.

Ingest takes every hidden picture out, replacing it by that pixel (`without_hidden_pictures`),
and the gate refuses a file that still holds one (`check_shown`).

Pictures drawn inside a tiling pattern's cell, a Type 3 glyph or a soft mask's group (at any
depth of forms, patterns, Type 3 fonts and graphics states a page reaches) are not listed by
MuPDF as the page's: they are
found by walking the page's resources (`_nested`) and tried the same way, each replaced by the
pixel in a copy of the whole file (the object is shared by every page that reaches it), the
pages that reach it rendered again. Inline pictures inside a pattern or a glyph are not
externalised, and not tried.
"""

from __future__ import annotations

import io

import pymupdf

from clawback.pdf.files.document import open_pdf, open_pike, save_clean
from clawback.pdf.shows.objectreads import ObjectReads, inline_in

__all__ = [
    "DPI",
    "externalized",
    "has_inline_pictures",
    "hidden_pictures",
    "hidden_pictures_by_page",
    "mask_groups",
    "without_hidden_pictures",
]

#: Resolution of the renders compared: a picture that shows anything legible changes pixels.
DPI = 36


def hidden_pictures(
    doc: pymupdf.Document, objects: ObjectReads | None = None
) -> dict[int, list[int]]:
    """Page (from 0) -> the xrefs of the pictures it draws that are hidden (see module doc).
    `objects`: what other checks of this opening of `doc` read of its objects."""
    objects = ObjectReads.of(doc, objects)
    unseen: dict[int, list[int]] = {}
    seen: set[int] = set()
    for page in doc.pages():
        drawn = _drawn(page)
        if not drawn:
            continue
        invisible = [
            x for x in _unseen_on(doc, page.number, drawn) if not _one_colour(doc, x, objects)
        ]
        seen.update(xref for xref in drawn if xref not in invisible)
        if invisible:
            unseen[page.number] = invisible
    nested = _nested(doc, objects)
    if nested:
        pages: dict[int, list[int]] = {}
        for number, xrefs in nested.items():
            for xref in xrefs:
                pages.setdefault(xref, []).append(number)
        for xref, numbers in pages.items():
            if _one_colour(doc, xref, objects) or not _unseen_anywhere(doc, xref, numbers):
                seen.add(xref)
            else:
                unseen.setdefault(numbers[0], []).append(xref)
    hidden = {n: [x for x in xrefs if x not in seen] for n, xrefs in unseen.items()}
    return {n: xrefs for n, xrefs in hidden.items() if xrefs}


def _nested(doc: pymupdf.Document, objects: ObjectReads) -> dict[int, list[int]]:
    """Page (from 0) -> the pictures it draws only inside a tiling pattern, a Type 3 glyph or
    a soft mask's group (those MuPDF does not list as the page's), each once, one pixel ones
    left out."""
    found: dict[int, list[int]] = {}
    for number in range(doc.page_count):
        inside: list[int] = []
        todo, seen = [(doc.page_xref(number), False)], set()
        while todo:
            xref, nested = todo.pop()
            if (xref, nested) in seen:
                continue
            seen.add((xref, nested))
            for child in objects.refs(xref, "XObject"):
                subtype = objects.key(child, "Subtype")[1]
                if subtype == "/Image":
                    if nested and child not in inside:
                        inside.append(child)
                elif subtype == "/Form":
                    todo.append((child, nested))
            todo.extend((child, True) for child in objects.refs(xref, "Pattern"))
            todo.extend((group, True) for group in mask_groups(doc, xref, objects))
            todo.extend(
                (child, True)
                for child in objects.refs(xref, "Font")
                if objects.key(child, "Subtype")[1] == "/Type3"
            )
        if inside:  # those MuPDF lists as the page's are tried with them
            listed = {info[0] for info in doc[number].get_images(full=True)}
            inside = [x for x in inside if x not in listed and _size(objects, x) > 1]
        if inside:
            found[number] = inside
    return found


def mask_groups(doc: pymupdf.Document, xref: int, objects: ObjectReads | None = None) -> list[int]:
    """The groups of the soft masks named in the graphics states of object `xref`'s
    resources (a state, its /SMask and the group each an object or written in place);
    `objects`: what was read of `doc`'s objects already."""
    objects = ObjectReads.of(doc, objects)
    groups = []
    for child in objects.refs(xref, "ExtGState"):
        if objects.key(child, "Subtype")[1] == "/Form":  # a state's mask written in place
            groups.append(child)
            continue
        for path in ("SMask/G", "G"):  # a state, or a soft mask that is an object of its own
            kind, value = objects.key(child, path)
            if kind == "xref":
                groups.append(int(value.split()[0]))
    return groups


def _size(objects: ObjectReads, xref: int) -> int:
    width, height = (objects.key(xref, key)[1] for key in ("Width", "Height"))
    try:
        return int(width) * int(height)
    except ValueError:
        return 2  # a picture whose size cannot be read is tried


def _unseen_anywhere(doc: pymupdf.Document, xref: int, numbers: list[int]) -> bool:
    """Whether replacing picture `xref` by the pixel leaves pages `numbers` rendered as they
    were (in a copy of the whole file: the picture is one object all of them share)."""
    before = [_render(doc[n]) for n in numbers]
    with pymupdf.open(stream=doc.tobytes()) as copy:
        # not `Page.delete_image`: its transparent pixel (a soft mask, a colour space) made
        # MuPDF render the page's text a grey level off, as if the picture showed
        _paint_nothing(copy, xref)
        changed = copy.tobytes()  # reopened: MuPDF keeps a Type 3 glyph it drew once
    with pymupdf.open(stream=changed) as copy:
        return [_render(copy[n]) for n in numbers] == before


def hidden_pictures_by_page(
    doc: pymupdf.Document, objects: ObjectReads | None = None
) -> dict[int, int]:
    """Page (from 0) -> how many hidden pictures it draws, inline pictures included;
    `objects`: what other checks of this opening of `doc` read of its objects (a copy made
    with the inline pictures as objects gets its own)."""
    objects = ObjectReads.of(doc, objects)
    if not objects.inline_pictures():
        return {n: len(xrefs) for n, xrefs in hidden_pictures(doc, objects).items()}
    with open_pdf(externalized(doc.tobytes())) as copy:
        return {n: len(xrefs) for n, xrefs in hidden_pictures(copy).items()}


def without_hidden_pictures(
    pdf: bytes, doc: pymupdf.Document
) -> tuple[bytes, list[tuple[int, int]]] | None:
    """`pdf` (open as `doc`, left as it is) with every hidden picture replaced by a
    transparent pixel, and (page from 0, pictures replaced) per page; None when it has none."""
    if has_inline_pictures(doc):
        with open_pdf(externalized(pdf)) as copy:
            hidden = hidden_pictures(copy)
            return _removed(copy, hidden) if hidden else None
    hidden = hidden_pictures(doc)  # most files have none: `pdf` is opened again only if so
    if not hidden:
        return None
    with open_pdf(pdf) as copy:
        return _removed(copy, hidden)


def _removed(
    doc: pymupdf.Document, hidden: dict[int, list[int]]
) -> tuple[bytes, list[tuple[int, int]]]:
    done: set[int] = set()
    for number, xrefs in hidden.items():
        for xref in xrefs:
            if xref not in done:
                doc[number].delete_image(xref)
                done.add(xref)
    return save_clean(doc), [(n, len(xrefs)) for n, xrefs in hidden.items()]


def has_inline_pictures(doc: pymupdf.Document) -> bool:
    """Whether a page's content or a form's may hold an inline picture (errs towards yes)."""
    return inline_in(doc)


def externalized(pdf: bytes) -> bytes:
    """`pdf` with every inline picture of its pages and their forms made an image XObject."""
    with open_pike(pdf) as pike:
        for page in pike.pages:
            page.externalize_inline_images(min_size=0)
        out = io.BytesIO()
        pike.save(out)
        return out.getvalue()


def _drawn(page: pymupdf.Page) -> list[int]:
    """The xrefs of the pictures the page draws (in its forms too), in MuPDF's order, each
    once; those of one pixel left out."""
    found: list[int] = []
    for info in page.get_images(full=True):
        xref, width, height = info[0], info[2], info[3]
        if xref > 0 and width * height > 1 and xref not in found:
            found.append(xref)
    return found


def _one_colour(doc: pymupdf.Document, xref: int, objects: ObjectReads) -> bool:
    """Whether picture `xref` is of one colour, and its soft mask, if it has one, too."""
    mask = objects.key(xref, "SMask")
    masks = [int(mask[1].split()[0])] if mask[0] == "xref" else []
    for each in [xref, *masks]:
        try:
            pix = pymupdf.Pixmap(doc, each)
        except (RuntimeError, ValueError):  # a picture MuPDF cannot decode: tried all the same
            return False
        samples, n = pix.samples, pix.n
        if samples != samples[:n] * (len(samples) // max(n, 1)):
            return False
    return True


def _unseen_on(doc: pymupdf.Document, number: int, drawn: list[int]) -> list[int]:
    """The pictures of `drawn` whose removal leaves page `number` rendered as it was."""
    before = _render(doc[number])
    unseen = []
    for index, xref in enumerate(drawn):
        with pymupdf.open() as copy:
            copy.insert_pdf(doc, from_page=number, to_page=number)
            page = copy[0]
            theirs = _drawn(page)
            if len(theirs) != len(drawn):  # the copy lists them otherwise: count it seen
                continue
            _paint_nothing(copy, theirs[index])
            if _render(page) == before:
                unseen.append(xref)
    return unseen


#: A picture that paints nothing: a 1 x 1 stencil mask whose one sample is "leave unpainted".
_NOTHING = (
    "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ImageMask true /BitsPerComponent 1 >>"
)


def _paint_nothing(doc: pymupdf.Document, xref: int) -> None:
    """Make picture `xref` of `doc` paint nothing where it is drawn, as if it were not: its
    object rewritten in place (``Page.delete_image`` inserts a transparent pixel as a new
    picture on the page and copies it over, which cost more than the renders compared)."""
    doc.update_object(xref, _NOTHING)
    doc.update_stream(xref, b"\xff", compress=False)


def _render(page: pymupdf.Page) -> bytes:
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
    return bytes(pix.samples)
