"""Round two of places a PDF may carry a text item, built for `test_channels`: each builder
makes a one-page file (two for none) that carries ``DB-40981`` (`drawn.ITEM`) in one channel,
beside an ordinary heading line. Files are made with pikepdf, content streams by hand.

Every builder's docstring is one line: ``SHOWN:`` a viewer (screen or print) draws the item,
``HELD:`` the file holds it where no page draws it (a value, an address, an attachment).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from typing import Any

import pikepdf
import pymupdf

from tests.redaction.drawn import FIRST, ITEM
from tests.redaction.pdf_blocks import _helvetica, _page, _text

LINE = f"code {ITEM} entered"
Setup = Callable[[pikepdf.Pdf, pikepdf.Dictionary], None]

CHANNELS: dict[str, Callable[..., bytes]] = {}
#: A heading that names nothing: the channel is then the only place the file holds the item.
PLAIN = "Field report 7. Routine entries only."


def channel(build: Callable[..., bytes]) -> Callable[..., bytes]:
    doc = (build.__doc__ or "").strip()
    assert doc.split(":")[0] in ("SHOWN", "HELD") and "\n" not in doc, build.__name__
    CHANNELS[build.__name__] = build
    return build


def shown(name: str) -> bool:
    """Whether the channel's file draws the item on a page (its docstring says ``SHOWN``)."""
    return (CHANNELS[name].__doc__ or "").strip().startswith("SHOWN")


def _with(heading: str, content: str, setup: Setup | None = None) -> bytes:
    """A page: `heading` on its first line, then `content`."""
    return _page(_text(72, 720, heading) + content, setup)


def _form(pdf: pikepdf.Pdf, content: str, bbox: tuple[float, ...]) -> pikepdf.Stream:
    form = pdf.make_stream(content.encode("cp1252"))
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = pikepdf.Array(bbox)
    form.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_helvetica(pdf)))
    return form


def _annot(pdf: pikepdf.Pdf, **entries: Any) -> pikepdf.Object:
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, **entries))
    annots = pdf.pages[0].obj.get("/Annots", pikepdf.Array())
    annots.append(annot)
    pdf.pages[0].obj.Annots = annots
    return annot


# -- optional content -------------------------------------------------------------------------


def _layer(view: bool, print_: bool) -> Setup:
    """A layer whose default state is `view` and whose /Usage says it prints when `print_`
    (with the /AS entry that applies the print state when printing)."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        state = pikepdf.Name.ON if print_ else pikepdf.Name.OFF
        group = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.OCG,
                Name=pikepdf.String("Print layer"),
                Usage=pikepdf.Dictionary(Print=pikepdf.Dictionary(PrintState=state)),
            )
        )
        event = pikepdf.Dictionary(
            Event=pikepdf.Name.Print,
            Category=pikepdf.Array([pikepdf.Name.Print]),
            OCGs=pikepdf.Array([group]),
        )
        config = pikepdf.Dictionary(Order=pikepdf.Array([group]), AS=pikepdf.Array([event]))
        config["/ON" if view else "/OFF"] = pikepdf.Array([group])
        pdf.Root.OCProperties = pikepdf.Dictionary(OCGs=pikepdf.Array([group]), D=config)
        resources.Properties = pikepdf.Dictionary(oc1=group)

    return setup


@channel
def layer_prints_only(heading: str = FIRST) -> bytes:
    """SHOWN: the item in a layer off on screen but on for print (/Usage /Print)."""
    return _with(heading, "/OC /oc1 BDC\n" + _text(72, 600, LINE) + "EMC\n", _layer(False, True))


@channel
def layer_screen_only(heading: str = FIRST) -> bytes:
    """SHOWN: the item in a layer on on screen but off for print."""
    return _with(heading, "/OC /oc1 BDC\n" + _text(72, 600, LINE) + "EMC\n", _layer(True, False))


# -- replacement text -------------------------------------------------------------------------


@channel
def actualtext_names_item(heading: str = FIRST) -> bytes:
    """HELD: /ActualText of marked content says the item; the glyphs say 'see schedule B'."""
    content = f"/Span <</ActualText ({ITEM})>> BDC\n" + _text(72, 600, "see schedule B") + "EMC\n"
    return _with(heading, content)


@channel
def alt_names_item(heading: str = FIRST) -> bytes:
    """HELD: /Alt of a marked-content figure names the item; the figure is a grey box."""
    content = f"/Figure <</Alt (photo of {ITEM})>> BDC 0.5 g 72 560 100 60 re f EMC\n"
    return _with(heading, content + _text(72, 540, "Figure 1."))


# -- form fields and annotations ---------------------------------------------------------------


def _field(value: str, appearance: str) -> Setup:
    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        ap = _form(pdf, f"/Tx BMC {_text(2, 6, appearance)}EMC\n", (0, 0, 228, 20))
        widget = _annot(
            pdf,
            Subtype=pikepdf.Name.Widget,
            FT=pikepdf.Name.Tx,
            T=pikepdf.String("routing"),
            V=pikepdf.String(value),
            DA=pikepdf.String("/Helv 12 Tf 0 g"),
            Rect=pikepdf.Array([72, 590, 300, 610]),
            F=4,
            AP=pikepdf.Dictionary(N=ap),
            P=pdf.pages[0].obj,
        )
        pdf.Root.AcroForm = pikepdf.Dictionary(
            Fields=pikepdf.Array([widget]),
            DA=pikepdf.String("/Helv 12 Tf 0 g"),
            DR=pikepdf.Dictionary(Font=pikepdf.Dictionary(Helv=_helvetica(pdf))),
        )

    return setup


@channel
def field_value_not_drawn(heading: str = FIRST) -> bytes:
    """HELD: a text field's /V is the item; its appearance says 'see attached'."""
    return _with(heading, "", _field(LINE, "see attached"))


@channel
def field_drawn_not_value(heading: str = FIRST) -> bytes:
    """SHOWN: a text field's appearance draws the item; its /V says 'see attached'."""
    return _with(heading, "", _field("see attached", LINE))


@channel
def note_rich_text_and_popup(heading: str = FIRST) -> bytes:
    """HELD: a note's /Contents, /RC rich text and its pop-up carry the item."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        note = _annot(
            pdf,
            Subtype=pikepdf.Name.Text,
            Rect=pikepdf.Array([500, 600, 520, 620]),
            Contents=pikepdf.String(f"source {ITEM}"),
            RC=pikepdf.String(f"<body><p>source <b>{ITEM}</b></p></body>"),
            F=4,
        )
        popup = _annot(
            pdf,
            Subtype=pikepdf.Name.Popup,
            Rect=pikepdf.Array([400, 500, 600, 600]),
            Parent=note,
            Open=True,
            Contents=pikepdf.String(f"popup {ITEM}"),
        )
        note.Popup = popup

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def link_address(heading: str = FIRST) -> bytes:
    """HELD: a link's URI, and its GoToR file name, carry the item."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        uri = pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(f"https://x.test/{ITEM}"))
        _annot(pdf, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array([72, 595, 200, 610]), A=uri)
        remote = pikepdf.Dictionary(
            S=pikepdf.Name.GoToR, F=pikepdf.String(f"{ITEM}.pdf"), D=pikepdf.Array([0])
        )
        _annot(pdf, Subtype=pikepdf.Name.Link, Rect=pikepdf.Array([72, 575, 200, 590]), A=remote)

    return _with(heading, _text(72, 600, "Nothing further.") + _text(72, 580, "See also."), setup)


# -- geometry ----------------------------------------------------------------------------------


def _rotated_page(heading: str, rotate: int) -> bytes:
    pdf = pikepdf.open(io.BytesIO(_with(heading, _text(72, 600, LINE))))
    pdf.pages[0].obj.Rotate = rotate
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()


@channel
def page_rotated_90(heading: str = FIRST) -> bytes:
    """SHOWN: the item on a page with /Rotate 90."""
    return _rotated_page(heading, 90)


@channel
def page_rotated_270(heading: str = FIRST) -> bytes:
    """SHOWN: the item on a page with /Rotate 270."""
    return _rotated_page(heading, 270)


@channel
def text_matrix_rotated(heading: str = FIRST) -> bytes:
    """SHOWN: the item on a line turned 30 degrees by its text matrix."""
    return _with(heading, f"BT /F1 12 Tf 0.866 0.5 -0.5 0.866 100 400 Tm ({LINE}) Tj ET\n")


@channel
def clipped_in_part(heading: str = FIRST) -> bytes:
    """SHOWN: the item's line under a clip path that lets through only 'code DB-40'."""
    return _with(heading, f"q 60 590 {30 + 58} 30 re W n " + _text(72, 600, LINE) + "Q\n")


@channel
def bold_by_overprint(heading: str = FIRST) -> bytes:
    """SHOWN: the item's line drawn twice, the second copy 0.4 pt to the right."""
    return _with(heading, _text(72, 600, LINE) + _text(72.4, 600, LINE))


# -- painting through text and patterns --------------------------------------------------------


def _grey_picture(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
    data = bytes((x * 7 + y * 3) % 96 for y in range(40) for x in range(200))
    resources.XObject = pikepdf.Dictionary(
        Im1=pdf.make_stream(
            zlib.compress(data),
            Type=pikepdf.Name.XObject,
            Subtype=pikepdf.Name.Image,
            Width=200,
            Height=40,
            ColorSpace=pikepdf.Name.DeviceGray,
            BitsPerComponent=8,
            Filter=pikepdf.Name.FlateDecode,
        )
    )


@channel
def clip_mode_over_picture(heading: str = FIRST) -> bytes:
    """SHOWN: the item in render mode 7 (clip), a dark picture drawn through it."""
    text = f"BT 7 Tr /F1 24 Tf 72 600 Td ({ITEM}) Tj ET q 200 0 0 40 66 590 cm /Im1 Do Q\n"
    return _with(heading, f"q {text}Q\n", _grey_picture)


@channel
def pattern_cell(heading: str = FIRST) -> bytes:
    """SHOWN: the item is the cell of a tiling pattern filling one cell's rectangle."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        cell = _form(pdf, _text(0, 4, LINE), (0, 0, 160, 16))
        del cell["/Type"], cell["/Subtype"]
        cell.PatternType, cell.PaintType, cell.TilingType = 1, 1, 1
        cell.XStep, cell.YStep = 160, 16
        cell.Matrix = pikepdf.Array([1, 0, 0, 1, 72, 596])
        resources.Pattern = pikepdf.Dictionary(P1=cell)

    return _with(heading, "q /Pattern cs /P1 scn 72 596 160 16 re f Q\n", setup)


@channel
def shading_filled_text(heading: str = FIRST) -> bytes:
    """SHOWN: the item's glyphs filled with an axial shading pattern."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        shading = pikepdf.Dictionary(
            ShadingType=2,
            ColorSpace=pikepdf.Name.DeviceGray,
            Coords=pikepdf.Array([72, 0, 260, 0]),
            Function=pikepdf.Dictionary(
                FunctionType=2,
                Domain=pikepdf.Array([0, 1]),
                N=1,
                C0=pikepdf.Array([0]),
                C1=pikepdf.Array([0.3]),
            ),
        )
        resources.Pattern = pikepdf.Dictionary(
            S1=pikepdf.Dictionary(PatternType=2, Shading=shading)
        )

    return _with(heading, "q /Pattern cs /S1 scn " + _text(72, 600, LINE) + "Q\n", setup)


@channel
def type3_picture_glyphs(heading: str = FIRST) -> bytes:
    """SHOWN: the item in a Type 3 font whose glyph procedures draw pictures of the letters."""
    chars = sorted(set(ITEM))
    code = {c: i + 1 for i, c in enumerate(chars)}

    widths = {c: pymupdf.get_text_length(c, fontsize=1000) for c in chars}  # Helvetica's

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        procs, pictures = pikepdf.Dictionary(), pikepdf.Dictionary()
        for c in chars:  # each letter a picture 1000 units high, its baseline 250 up
            with pymupdf.open() as doc:
                page = doc.new_page(width=widths[c] / 100, height=10)
                page.insert_text((0, 7.5), c, fontsize=10)
                pix = page.get_pixmap(dpi=720, colorspace=pymupdf.csGRAY)
            pictures[f"/I{code[c]}"] = pdf.make_stream(
                zlib.compress(pix.samples),
                Type=pikepdf.Name.XObject,
                Subtype=pikepdf.Name.Image,
                Width=pix.width,
                Height=pix.height,
                ColorSpace=pikepdf.Name.DeviceGray,
                BitsPerComponent=8,
                Filter=pikepdf.Name.FlateDecode,
            )
            width = round(widths[c])
            glyph = f"{width} 0 d0 q {width} 0 0 1000 0 -250 cm /I{code[c]} Do Q\n"
            procs[f"/g{code[c]:02d}"] = pdf.make_stream(glyph.encode("ascii"))
        names = [pikepdf.Name(f"/g{code[c]:02d}") for c in chars]
        resources.Font.T3 = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.Type3,
                FontBBox=pikepdf.Array([0, -250, 1000, 750]),
                FontMatrix=pikepdf.Array([0.001, 0, 0, 0.001, 0, 0]),
                CharProcs=procs,
                Encoding=pikepdf.Dictionary(Differences=pikepdf.Array([1, *names])),
                FirstChar=1,
                LastChar=len(chars),
                Widths=pikepdf.Array([round(widths[c]) for c in chars]),
                Resources=pikepdf.Dictionary(XObject=pictures),
            )
        )

    codes = "".join(f"{code[c]:02x}" for c in ITEM)
    content = _text(72, 600, "Ref.") + f"BT /T3 18 Tf 110 600 Td <{codes}> Tj ET\n"
    return _with(heading, content, setup)


# -- what the file holds beside its pages ------------------------------------------------------


@channel
def attachment_annotation(heading: str = FIRST) -> bytes:
    """HELD: a file-attachment annotation whose file (and description) name the item."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        spec = pikepdf.AttachedFileSpec(pdf, f"routing {ITEM}\n".encode(), filename="r.txt")
        _annot(
            pdf,
            Subtype=pikepdf.Name.FileAttachment,
            Rect=pikepdf.Array([500, 600, 520, 620]),
            FS=spec.obj,
            Contents=pikepdf.String("attached"),
            F=4,
        )

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def portfolio(heading: str = FIRST) -> bytes:
    """HELD: a portfolio (/Collection) whose one file names the item in its data and schema."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        data = zlib.compress(f"routing {ITEM}\n".encode())
        pdf.attachments["r.txt"] = pikepdf.AttachedFileSpec(pdf, data, filename="r.txt")
        field = pikepdf.Dictionary(Subtype=pikepdf.Name.S, N=pikepdf.String(f"Ref {ITEM}"))
        pdf.Root.Collection = pikepdf.Dictionary(
            Schema=pikepdf.Dictionary(ref=field), View=pikepdf.Name.D
        )

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def names_and_javascript(heading: str = FIRST) -> bytes:
    """HELD: a named destination called the item, and document JavaScript naming it."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        js = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"x='{ITEM}';"))
        where = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
        pdf.Root.Names = pikepdf.Dictionary(
            JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["init", pdf.make_indirect(js)])),
            Dests=pikepdf.Dictionary(Names=pikepdf.Array([pikepdf.String(ITEM), where])),
        )
        pdf.Root.Dests = pikepdf.Dictionary({f"/{ITEM}": where})

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def xmp_unlike_info(heading: str = FIRST) -> bytes:
    """HELD: the XMP metadata names the item; the Info dictionary does not."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        pdf.docinfo["/Title"] = "Field report 7"
        xmp = f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc:title>{ITEM}</dc:title></x:xmpmeta>"
        pdf.Root.Metadata = pdf.make_stream(
            xmp.encode(), Type=pikepdf.Name.Metadata, Subtype=pikepdf.Name.XML
        )
        pdf.pages[0].obj.Metadata = pdf.make_stream(xmp.encode(), Type=pikepdf.Name.Metadata)

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def page_piece_info_and_actions(heading: str = FIRST) -> bytes:
    """HELD: the page's /PieceInfo private data and its /AA open action name the item."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        page = pdf.pages[0].obj
        page.PieceInfo = pikepdf.Dictionary(
            Editor=pikepdf.Dictionary(Private=pikepdf.String(ITEM), LastModified="D:2020")
        )
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String(f"'{ITEM}'"))
        page.AA = pikepdf.Dictionary(O=action)

    return _with(heading, _text(72, 600, "Nothing further."), setup)


@channel
def layer_named_item(heading: str = FIRST) -> bytes:
    """HELD: an optional-content group (layer) whose name is the item; its content is plain."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        group = pdf.make_indirect(
            pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name=pikepdf.String(ITEM))
        )
        pdf.Root.OCProperties = pikepdf.Dictionary(
            OCGs=pikepdf.Array([group]), D=pikepdf.Dictionary(Order=pikepdf.Array([group]))
        )
        resources.Properties = pikepdf.Dictionary(oc1=group)

    return _with(heading, "/OC /oc1 BDC\n" + _text(72, 600, "Nothing further.") + "EMC\n", setup)


@channel
def page_private_key(heading: str = FIRST) -> bytes:
    """HELD: a key of the page dictionary no standard names holds the item."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        pdf.pages[0].obj["/XNote"] = pikepdf.String(f"source {ITEM}")
        resources["/XData"] = pikepdf.Dictionary(N=pikepdf.String(ITEM))

    return _with(heading, _text(72, 600, "Nothing further."), setup)


# -- strings a content stream carries that draw nothing ----------------------------------------


@channel
def marked_content_property(heading: str = FIRST) -> bytes:
    """HELD: a marked-content property list (inline, and named in /Properties) holds it."""

    def setup(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        resources.Properties = pikepdf.Dictionary(
            MC1=pikepdf.Dictionary(Source=pikepdf.String(f"ref {ITEM}"))
        )

    content = (
        f"/Note <</Source (ref {ITEM}) /MCID 3>> BDC\n"
        + _text(72, 600, "Nothing further.")
        + "EMC /Note /MC1 BDC EMC\n"
    )
    return _with(heading, content, setup)


@channel
def content_comment(heading: str = FIRST) -> bytes:
    """HELD: a comment in the content stream, and an unknown operator in a BX/EX section."""
    content = f"% ref {ITEM}\nBX ({ITEM}) Xnote EX\n" + _text(72, 600, "Nothing further.")
    return _with(heading, content)
