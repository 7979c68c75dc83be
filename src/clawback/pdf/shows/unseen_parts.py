"""The parts of a picture no viewer sees.

A page may show a picture in part: a clip path lets through its top half, its soft mask is
transparent over the rest, it stands half off the page, or an opaque fill is painted over
part of it. The part that does not show is still in the file for anyone who lists the file's
pictures (``pdfimages``), and OCR of the page never reads it: a code in it goes out with every
production of the page. A picture of which nothing shows at all is `unseen_pictures`' case.

Where a picture shows is told by its effect, whatever the cause: in a one-page copy the picture
is made one black pixel, then one white pixel, its soft mask and stencil mask kept (so what
they mask out stays out); the two renders, at `DPI`, differ exactly where the page lets the
picture through. Each of the picture's pixels is then looked up where the page draws it (the
draw's matrix, as MuPDF lists the page's pictures, those of its forms included): it is *seen*
when the renders differ there or within `KEEP` render pixels of it, on any page and in any
place that draws the picture. The rest is its *unseen part*, and it *holds something* when its
pixels are not all of one colour (in the picture or in its soft mask).

`without_unseen_parts` (ingest, and a brief's reading) blanks each unseen part that holds
something: white in the picture, transparent in its soft mask, written back losslessly
(Flate); the pages render as they did. `unseen_parts_by_page` (the gate's ``shown`` check)
counts the pictures that still hold something where they do not show, looking `MARGIN` render
pixels further from what shows than the blanking did, so that a page moved or scaled by the
stamp does not count a kept pixel at its edge.

A picture the page reaches other than through its forms (a tiling pattern's cell, a form
that cell draws, an annotation's appearance) MuPDF places but names no xref for: it is told by
its samples' digest (`_reached`, `_digests`). MuPDF places a pattern's cell once, in one tile:
for a pattern the page's own resources name, the cell is looked up in every tile that lands on
the page (`_tiles`). A picture inside a Type 3 glyph (MuPDF places it nowhere), a pattern of a
form, glyph or pattern, or a pattern of more than `_TILES` tiles cannot be placed:
`unplaced_pictures.unplaced` counts those, and the gate refuses them (measured when written:
each such picture shown in half passed the gate holding its other half).

Not tried: stencil masks (``/ImageMask``: a shape painted in the fill colour, no picture of
its own) and pictures whose transparency is in their own data (JPEG 2000 ``/SMaskInData``).
An inline picture (``BI ... ID ... EI``) is read as `unseen_pictures` reads it: the file with
every inline picture made an image object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pikepdf
import pymupdf

from clawback.pdf.files.document import open_pdf, save_clean
from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.unseen_pictures import externalized, has_inline_pictures

__all__ = [
    "DPI",
    "KEEP",
    "MARGIN",
    "unseen_parts",
    "unseen_parts_by_page",
    "without_unseen_parts",
]

#: Resolution of the renders compared (a render pixel is one point).
DPI = 72
#: Render pixels around what shows that are kept too (blanking stays off the edge of a glyph).
KEEP = 1
#: Render pixels further out that the gate's count looks past the blanking's edge.
MARGIN = 3
#: The largest grid a draw is looked up on (a cell of a larger one is several pixels).
_GRID = 1024

Covered = dict[int, list[pymupdf.Rect]]
"""Page (from 0) -> areas of it counted as shown (`unseen_parts`)."""
Seen = dict[int, np.ndarray]
"""Picture xref -> a (height, width) boolean array: the pixels some page lets be seen."""


@dataclass(frozen=True)
class _Draw:
    page: int
    xref: int
    index: int  # the picture's place among those the page lists (`_listed`)
    transform: pymupdf.Matrix  # the unit square to the page, in unrotated page coordinates


def unseen_parts(
    doc: pymupdf.Document,
    keep: int = KEEP,
    covered: Covered | None = None,
    told: bool = True,
    objects: ObjectReads | None = None,
) -> dict[int, tuple[int, np.ndarray]]:
    """Picture xref -> (the first page drawing it, its unseen pixels), for each picture whose
    unseen part holds something (see the module doc); `keep`: render pixels around what shows
    counted as shown; `covered`: page (from 0) -> areas counted as shown too (redaction boxes:
    what is under them is the box check's, and the redactor blanks it). A draw whose shown
    part cannot be told (a one-page copy lists the page's pictures otherwise) counts as all
    shown with `told` (blanking must not take what may show), else as none (the
    gate's count: a picture it cannot judge is refused, not passed); `objects`: what other
    checks of this opening of `doc` read of its objects."""
    objects = ObjectReads.of(doc, objects)
    seen: Seen = {}
    first: dict[int, int] = {}
    for page in doc.pages():
        boxes = (covered or {}).get(page.number, [])
        if _all_shown(doc, page, boxes):
            continue
        for xref, shown in _seen_on(doc, page, keep, boxes, told, objects).items():
            first.setdefault(xref, page.number)
            seen[xref] = shown if xref not in seen else seen[xref] | shown
    found: dict[int, tuple[int, np.ndarray]] = {}
    for xref, shown in seen.items():
        if not shown.all() and _holds_something(doc, xref, ~shown):
            found[xref] = (first[xref], ~shown)
    return found


def unseen_parts_by_page(
    doc: pymupdf.Document, covered: Covered | None = None, objects: ObjectReads | None = None
) -> dict[int, int]:
    """Page (from 0) -> how many pictures first drawn there hold something where they do not
    show, `MARGIN` render pixels beyond the blanking's edge (the gate's count); `covered`: as
    `unseen_parts` takes it; `objects`: what other checks of this opening of `doc` read of
    its objects (a copy made with the inline pictures as objects gets its own)."""
    objects = ObjectReads.of(doc, objects)
    if objects.inline_pictures():
        with open_pdf(externalized(doc.tobytes())) as copy:
            return _counted(unseen_parts(copy, KEEP + MARGIN, covered, told=False))
    return _counted(unseen_parts(doc, KEEP + MARGIN, covered, told=False, objects=objects))


def _counted(parts: dict[int, tuple[int, np.ndarray]]) -> dict[int, int]:
    by_page: dict[int, int] = {}
    for number, _ in parts.values():
        by_page[number] = by_page.get(number, 0) + 1
    return by_page


def without_unseen_parts(
    pdf: bytes, doc: pymupdf.Document
) -> tuple[bytes, list[tuple[int, int]]] | None:
    """`pdf` (open as `doc`, left as it is) with the unseen part of every picture blanked, and
    (page from 0, pictures blanked) per page; None when no picture holds anything unseen.
    Inline pictures are read as image objects (`unseen_pictures.externalized`), and so kept
    when one is blanked."""
    if has_inline_pictures(doc):
        pdf = externalized(pdf)
        with open_pdf(pdf) as copy:
            parts = unseen_parts(copy)
    else:
        parts = unseen_parts(doc)
    if not parts:
        return None
    with open_pdf(pdf) as copy:
        for xref, (_, unseen) in parts.items():
            _blank(copy, xref, unseen)
        return save_clean(copy), sorted(_counted(parts).items())


def _listed(
    page: pymupdf.Page, objects: ObjectReads | None = None
) -> list[tuple[int, pymupdf.Matrix]]:
    """The pictures `page` draws (its forms', its patterns' cells' and its annotations' too) as
    MuPDF lists them: xref and matrix, one entry per draw; stencil masks and pictures of one
    pixel left out. MuPDF gives no xref to a picture the page reaches other than through its
    forms: it is told by its samples' digest among those `_reached`. A tiling pattern's cell
    MuPDF lists once, where the pattern's first tile draws it: it is listed again for every
    tile that lands on the page (`_tiles`); one whose tiles cannot be placed is `unplaced`'s."""
    draws: list[tuple[int, pymupdf.Matrix]] = []
    nested: dict[bytes, tuple[int, Way]] | None = None
    for info in page.get_image_info(xrefs=True):
        xref, way = int(info.get("xref") or 0), _PLACED
        if xref <= 0:
            if nested is None:
                nested = _digests(page, objects)
            xref, way = nested.get(info.get("digest", b""), (0, _PLACED))
        if xref <= 0 or int(info["width"]) * int(info["height"]) <= 1:
            continue
        matrix = pymupdf.Matrix(info["transform"])
        if way == _PLACED:
            draws.append((xref, matrix))
        elif way != _UNPLACED:
            draws += [(xref, tile) for tile in _tiles(page, way, xref, matrix) or []]
    return draws


Way = tuple[str, int]
"""How a picture the page reaches is placed (`_reached`): ``placed`` where MuPDF lists it,
``own`` or ``deep`` by the tiles of a pattern the page's resources name or of one deeper
(the pattern's xref), ``unplaced`` not at all."""
_PLACED: Way = ("placed", 0)
_UNPLACED: Way = ("unplaced", 0)
#: The most tiles of one pattern a page's picture is looked up in (more: `unplaced`).
_TILES = 4096


def _tiles(
    page: pymupdf.Page, way: Way, picture: int, first: pymupdf.Matrix
) -> list[pymupdf.Matrix] | None:
    """The matrices of `picture`, drawn at `first` in one tile of the pattern `way` names, in
    every tile that lands on the page; None when there are more than `_TILES`, or the
    pattern's steps or (for one deeper than the page's own) its matrix cannot be read."""
    doc, pattern = page.parent, way[1]
    try:
        steps = [abs(float(doc.xref_get_key(pattern, k)[1])) for k in ("XStep", "YStep")]
        kind, value = doc.xref_get_key(pattern, "Matrix")
        m = [float(n) for n in value.strip("[]").split()] if kind == "array" else [1.0, 0, 0, 1]
    except ValueError:
        return None
    if way[0] == "own" and len(m) >= 4:
        # pattern space to the page's (y down: MuPDF's unrotated page coordinates)
        m = [m[0], -m[1], m[2], -m[3]]
    elif (linear := _pattern_to_page(doc, pattern, picture, first)) is not None:
        m = linear
    else:
        return None
    if len(m) < 4 or min(steps) <= 0:
        return None
    across = pymupdf.Point(steps[0] * m[0], steps[0] * m[1])
    down = pymupdf.Point(steps[1] * m[2], steps[1] * m[3])
    area = page.mediabox | page.cropbox
    box = pymupdf.Rect(0, 0, 1, 1) * first
    reach = abs(area.width) + abs(area.height) + abs(box.width) + abs(box.height)
    turns = abs(across.x * down.y - across.y * down.x)  # the tile's area on the page
    if turns <= 0:
        return None
    count = int(reach * reach / turns) + 1
    if count > _TILES:
        return None
    many = int(reach / min(abs(across), abs(down))) + 1
    found = []
    for i in range(-many, many + 1):
        for j in range(-many, many + 1):
            shift = across * i + down * j
            placed = first * pymupdf.Matrix(1, 0, 0, 1, shift.x, shift.y)
            if (pymupdf.Rect(0, 0, 1, 1) * placed).intersects(area):
                found.append(placed)
    return found if len(found) <= _TILES else None


def _pattern_to_page(
    doc: pymupdf.Document, pattern: int, picture: int, first: pymupdf.Matrix
) -> list[float] | None:
    """The linear part of pattern space to the page, told from where MuPDF draws `picture` in
    one tile (`first`) and where the cell's own content draws it: None unless that content
    draws it once, itself (not through a form)."""
    names = re.findall(r"/([^\s/<>\[\]()]+)\s+(\d+) 0 R", _resource_dict(doc, pattern))
    mine = {"/" + name for name, xref in names if int(xref) == picture}
    try:
        with pikepdf.new() as pike:
            parsed = pikepdf.parse_content_stream(pike.make_stream(doc.xref_stream(pattern)))
    except (pikepdf.PdfError, TypeError, ValueError):
        return None
    ctm, stack, drawn = pymupdf.Matrix(1, 0, 0, 1, 0, 0), [], []
    for instruction in parsed:
        operands, op = list(instruction.operands), str(instruction.operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm" and len(operands) == 6:
            ctm = pymupdf.Matrix(*(float(n) for n in operands)) * ctm
        elif op == "Do" and operands and str(operands[0]) in mine:
            drawn.append(ctm)
    if len(drawn) != 1 or abs(drawn[0].a * drawn[0].d - drawn[0].b * drawn[0].c) < 1e-9:
        return None
    # the unit square to pattern space, then to the page: first = drawn * linear
    to_page = ~drawn[0] * first
    return [to_page.a, to_page.b, to_page.c, to_page.d]


def _resource_dict(doc: pymupdf.Document, xref: int) -> str:
    kind, value = doc.xref_get_key(xref, "Resources/XObject")
    if kind == "xref" and int(value.split()[0]) < doc.xref_length():
        return str(doc.xref_object(int(value.split()[0])))
    return str(value) if kind == "dict" else ""


def _digests(page: pymupdf.Page, objects: ObjectReads | None) -> dict[bytes, tuple[int, Way]]:
    """Samples' digest -> (xref, how it is placed), for the pictures `page` reaches that
    MuPDF does not list."""
    doc, listed = page.parent, {info[0] for info in page.get_images(full=True)}
    found: dict[bytes, tuple[int, Way]] = {}
    for xref, how in _reached(doc, page.number, objects).items():
        if xref in listed:
            continue
        try:
            found.setdefault(pymupdf.Pixmap(doc, xref).digest, (xref, how))
        except (RuntimeError, ValueError):  # one MuPDF cannot decode draws nothing readable
            continue
    return found


def _reached(
    doc: pymupdf.Document, number: int, objects: ObjectReads | None = None
) -> dict[int, Way]:
    """Picture xref -> how it is placed (see `_digests`), for every picture page `number`
    reaches: through its resources' forms, patterns and Type 3 fonts, and its annotations'
    appearance streams, at any depth. One reached only through a pattern is placed by that
    pattern's tiles; one inside a Type 3 glyph, or reached more than one way, is not."""
    objects = ObjectReads.of(doc, objects)
    page = doc.page_xref(number)
    todo = [(page, _PLACED)]
    kind, annots = doc.xref_get_key(page, "Annots")
    if kind == "xref":
        kind, annots = "array", doc.xref_object(int(annots.split()[0]))
    for annot in re.findall(r"(\d+) 0 R", annots) if kind == "array" else []:
        if int(annot) < doc.xref_length():
            todo.extend((n, _PLACED) for n in _appearances(doc, int(annot)))
    found: dict[int, Way] = {}
    seen: set[tuple[int, Way]] = set()
    while todo:
        xref, how = todo.pop()
        if (xref, how) in seen:
            continue
        seen.add((xref, how))
        for child in objects.refs(xref, "XObject"):
            subtype = objects.key(child, "Subtype")[1]
            if subtype == "/Image":
                found[child] = how if found.get(child, how) == how else _UNPLACED
            elif subtype == "/Form":
                todo.append((child, how))
        for child in objects.refs(xref, "Pattern"):
            if how == _PLACED:
                todo.append((child, ("own" if xref == page else "deep", child)))
            else:  # a pattern in a pattern's cell
                todo.append((child, _UNPLACED))
        for child in objects.refs(xref, "Font"):
            if objects.key(child, "Subtype")[1] == "/Type3":
                todo.append((child, _UNPLACED))
    return found


def _appearances(doc: pymupdf.Document, annot: int) -> list[int]:
    """The appearance streams of annotation `annot` (each state's, of each kind)."""
    streams = []
    for key in ("N", "R", "D"):
        kind, value = doc.xref_get_key(annot, f"AP/{key}")
        if kind != "xref":
            continue
        target = int(value.split()[0])
        if target >= doc.xref_length():
            continue
        if doc.xref_is_stream(target):
            streams.append(target)
        else:  # a dictionary of states
            streams += [int(n) for n in re.findall(r"(\d+) 0 R", doc.xref_object(target))]
    return [n for n in streams if n < doc.xref_length()]


def _all_shown(doc: pymupdf.Document, page: pymupdf.Page, boxes: list[pymupdf.Rect]) -> bool:
    """Whether every picture `page` draws shows wholly where it is drawn (most pages: the cheap
    test, two renders of a copy with every picture made one pixel, no picture decoded).
    A picture drawn askew fills only part of its box, so its page is read picture by picture."""
    pictures = [pymupdf.Rect(box) for kind, box in page.get_bboxlog() if kind == "fill-image"]
    if not pictures:
        return True
    with pymupdf.open() as copy:
        copy.insert_pdf(doc, from_page=page.number, to_page=page.number)
        xrefs = [info[0] for info in copy[0].get_images(full=True) if info[0] > 0]
        objects = ObjectReads(copy)
        xrefs += [x for x in _reached(copy, 0, objects) if x not in xrefs]
        triable = [x for x in xrefs if _triable(objects, x)]
        shown = _covering(_difference(copy, triable), page, boxes)
    to_pixmap = page.rotation_matrix * pymupdf.Matrix(DPI / 72, DPI / 72)
    for box in pictures:
        area = (box * to_pixmap).irect
        x0, y0, x1, y1 = area.x0 + 1, area.y0 + 1, area.x1 - 1, area.y1 - 1
        if x0 < 0 or y0 < 0 or x1 > shown.shape[1] or y1 > shown.shape[0]:
            return False
        if x1 > x0 and y1 > y0 and not shown[y0:y1, x0:x1].all():
            return False
    return True


def _difference(copy: pymupdf.Document, xrefs: list[int]) -> np.ndarray:
    """Where the first page of `copy` renders otherwise with pictures `xrefs` made one black
    pixel than one white pixel (a boolean array); `copy` is changed. A picture the page does
    not list (a pattern's, an annotation's) is rendered from the file saved and opened again:
    MuPDF keeps a pattern's tile it drew once."""
    renders = []
    listed = {info[0] for info in copy[0].get_images(full=True)}
    again = any(xref not in listed for xref in xrefs)
    for sample in (b"\x00", b"\xff"):
        for xref in xrefs:
            _one_pixel(copy, xref, sample)
        if again:
            with pymupdf.open(stream=copy.tobytes()) as saved:
                pix = saved[0].get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
        else:
            pix = copy[0].get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False)
        shape = (pix.height, pix.width)
        renders.append(np.frombuffer(pix.samples, dtype=np.uint8).reshape(shape))
    return np.asarray(renders[0] != renders[1])


def _covering(shown: np.ndarray, page: pymupdf.Page, boxes: list[pymupdf.Rect]) -> np.ndarray:
    """`shown` (a render of `page` at `DPI`) with the areas `boxes` (unrotated page
    coordinates) counted as shown."""
    to_pixmap = page.rotation_matrix * pymupdf.Matrix(DPI / 72, DPI / 72)
    for box in boxes:
        area = (box * to_pixmap).irect
        shown[max(area.y0, 0) : max(area.y1, 0), max(area.x0, 0) : max(area.x1, 0)] = True
    return shown


def _triable(objects: ObjectReads, xref: int) -> bool:
    if objects.key(xref, "ImageMask")[1] == "true":
        return False
    return objects.key(xref, "SMaskInData")[1] in ("null", "0")


def _seen_on(
    doc: pymupdf.Document,
    page: pymupdf.Page,
    keep: int,
    boxes: list[pymupdf.Rect],
    told: bool,
    objects: ObjectReads,
) -> Seen:
    """The pixels of each picture `page` draws that it lets be seen (`told`: see `unseen_parts`)."""
    listed = _listed(page, objects)
    draws = [
        _Draw(page.number, xref, n, matrix)
        for n, (xref, matrix) in enumerate(listed)
        if _triable(objects, xref)
    ]
    seen: Seen = {}
    shown_by_xref: dict[int, np.ndarray] = {}
    for xref in dict.fromkeys(d.xref for d in draws):
        shown = _shows(doc, page, [d.index for d in draws if d.xref == xref], len(listed))
        if shown is not None:
            shown_by_xref[xref] = _grown(_covering(shown, page, boxes), keep)
    to_pixmap = page.rotation_matrix * pymupdf.Matrix(DPI / 72, DPI / 72)
    for draw in draws:
        shown = shown_by_xref.get(draw.xref)
        width, height = _size(objects, draw.xref)
        if shown is None:  # the copy lists the pictures otherwise: it cannot be told
            here = np.full((height, width), told, dtype=bool)
        else:
            here = _looked_up(shown, draw.transform * to_pixmap, width, height)
        seen[draw.xref] = here if draw.xref not in seen else seen[draw.xref] | here
    return seen


def _shows(
    doc: pymupdf.Document, page: pymupdf.Page, indexes: list[int], count: int
) -> np.ndarray | None:
    """Where on `page`'s render the picture drawn at `indexes` of its list shows (a boolean
    array); None when a one-page copy lists the page's pictures otherwise."""
    with pymupdf.open() as copy:
        copy.insert_pdf(doc, from_page=page.number, to_page=page.number)
        theirs = _listed(copy[0])
        if len(theirs) != count:
            return None
        return _difference(copy, [theirs[indexes[0]][0]])


def _one_pixel(doc: pymupdf.Document, xref: int, sample: bytes) -> None:
    """Make picture `xref` one grey pixel of `sample`, its soft mask and stencil mask kept."""
    masks = ""
    for key in ("SMask", "Mask"):
        kind, value = doc.xref_get_key(xref, key)
        if kind == "xref":
            masks += f" /{key} {value}"
    doc.update_object(
        xref,
        "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray"
        f" /BitsPerComponent 8{masks} >>",
    )
    doc.update_stream(xref, sample, compress=False)


def _grown(shown: np.ndarray, by: int) -> np.ndarray:
    """`shown` with every pixel within `by` pixels (either way, both axes) of a shown one."""
    grown = shown.copy()
    for _ in range(by):
        step = grown.copy()
        step[1:, :] |= grown[:-1, :]
        step[:-1, :] |= grown[1:, :]
        step[:, 1:] |= grown[:, :-1]
        step[:, :-1] |= grown[:, 1:]
        grown = step
    return grown


def _looked_up(shown: np.ndarray, matrix: pymupdf.Matrix, width: int, height: int) -> np.ndarray:
    """A (height, width) boolean array: whether each pixel of a picture drawn by `matrix`
    (its unit square to render pixels; row 0 at the square's top) lands where `shown`."""
    # about one cell a render pixel: what shows is grown by `KEEP` pixels anyway
    across = int(np.hypot(matrix.a, matrix.b)) + 2
    down = int(np.hypot(matrix.c, matrix.d)) + 2
    columns, rows = min(width, across, _GRID), min(height, down, _GRID)
    u = (np.arange(columns) + 0.5) / columns
    v = (np.arange(rows) + 0.5) / rows
    uu, vv = np.meshgrid(u, v)
    x = matrix.a * uu + matrix.c * vv + matrix.e
    y = matrix.b * uu + matrix.d * vv + matrix.f
    ix, iy = np.floor(x).astype(np.int64), np.floor(y).astype(np.int64)
    inside = (ix >= 0) & (iy >= 0) & (ix < shown.shape[1]) & (iy < shown.shape[0])
    grid = np.zeros((rows, columns), dtype=bool)
    grid[inside] = shown[iy[inside], ix[inside]]
    cells_y = np.arange(height) * rows // height
    cells_x = np.arange(width) * columns // width
    return np.asarray(grid[np.ix_(cells_y, cells_x)])


def _size(objects: ObjectReads, xref: int) -> tuple[int, int]:
    width, height = (objects.key(xref, key)[1] for key in ("Width", "Height"))
    return int(width), int(height)


def _samples(doc: pymupdf.Document, xref: int) -> tuple[pymupdf.Pixmap, np.ndarray]:
    """Picture `xref` decoded (its own alpha, if any, dropped), and its samples as a
    (height, width, components) array."""
    pix = pymupdf.Pixmap(doc, xref)
    if pix.alpha:
        pix = pymupdf.Pixmap(pix, 0)
    shape = (pix.height, pix.width, pix.n)
    return pix, np.frombuffer(pix.samples, dtype=np.uint8).reshape(shape).copy()


def _mask_of(doc: pymupdf.Document, xref: int) -> int | None:
    kind, value = doc.xref_get_key(xref, "SMask")
    return int(value.split()[0]) if kind == "xref" else None


def _resized(unseen: np.ndarray, height: int, width: int) -> np.ndarray:
    """`unseen` looked up at another resolution (a soft mask's own)."""
    rows = np.arange(height) * unseen.shape[0] // height
    columns = np.arange(width) * unseen.shape[1] // width
    return np.asarray(unseen[np.ix_(rows, columns)])


def _holds_something(doc: pymupdf.Document, xref: int, unseen: np.ndarray) -> bool:
    """Whether the `unseen` pixels of picture `xref`, or of its soft mask, differ."""
    mask = _mask_of(doc, xref)
    for each in [xref] if mask is None else [xref, mask]:
        try:
            _, samples = _samples(doc, each)
        except (RuntimeError, ValueError):  # a picture MuPDF cannot decode: not rewritten
            return False
        hidden = samples[_resized(unseen, samples.shape[0], samples.shape[1])]
        if len(hidden) and (hidden != hidden[0]).any():
            return True
    return False


def _blank(doc: pymupdf.Document, xref: int, unseen: np.ndarray) -> None:
    """The `unseen` pixels of picture `xref` made white, those of its soft mask transparent;
    each written back as 8-bit samples, deflated."""
    mask = _mask_of(doc, xref)
    _rewrite(doc, xref, unseen, blank=0 if _is_cmyk(doc, xref) else 255)
    if mask is not None:
        _rewrite(doc, mask, unseen, blank=0)


def _is_cmyk(doc: pymupdf.Document, xref: int) -> bool:
    pix = pymupdf.Pixmap(doc, xref)
    return bool(pix.n - pix.alpha == 4)


def _rewrite(doc: pymupdf.Document, xref: int, unseen: np.ndarray, blank: int) -> None:
    pix, samples = _samples(doc, xref)
    samples[_resized(unseen, pix.height, pix.width)] = blank
    space = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[pix.n]
    kind, value = doc.xref_get_key(xref, "ColorSpace")
    if kind == "xref" and "/ICCBased" in doc.xref_object(int(value.split()[0])):
        space = value  # an ICC profile of as many components is the picture's own colours
    elif kind == "array" and value.startswith("[/ICCBased"):
        space = value
    keep = ""
    for key in ("SMask", "Mask", "Interpolate", "Intent"):
        kind, value = doc.xref_get_key(xref, key)
        if kind in ("xref", "bool", "name"):
            keep += f" /{key} {value}"
    doc.update_object(
        xref,
        f"<< /Type /XObject /Subtype /Image /Width {pix.width} /Height {pix.height}"
        f" /ColorSpace {space} /BitsPerComponent 8{keep} >>",
    )
    doc.update_stream(xref, samples.tobytes(), compress=True)
