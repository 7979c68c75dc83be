"""The adversarial redaction corpus, continued (`adversarial` says what it is): secrets in
look-alike characters, across line breaks, and outside the page's content (annotations, form
fields, attachments, bookmarks, scripts). Registered in `CORPUS` when `adversarial` is imported."""

from __future__ import annotations

import pikepdf
import pymupdf

from tests.redaction.pdf_blocks import (
    CODE,
    LIGATURE_NAME,
    LIGATURE_PATTERN,
    NAME,
    NAME_PATTERN,
    _embedded,
    _helvetica,
    _mupdf,
    _ordinary,
    _page,
    _plain,
    _text,
    specimen,
)

# -- look-alike characters ---------------------------------------------------------------------


@specimen()
def leak_lookalike_dash() -> bytes:
    """VISIBLE: the code printed with en dashes (U+2013) where the pattern has '-'."""
    return _page(_ordinary(_text(72, 500, "Routing: " + CODE.replace("-", "\u2013"))))


@specimen()
def leak_nonbreaking_hyphen() -> bytes:
    """VISIBLE: Helvetica's hyphen glyph, /ToUnicode saying U+2011."""

    def tounicode(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            "1 beginbfrange <20> <7E> <0020> endbfrange\n"
            "1 beginbfchar <2D> <2011> endbfchar\n"
            "endcmap CMapName currentdict /CMap defineresource pop end end\n"
        )
        font = _helvetica(pdf)
        font.ToUnicode = pdf.make_stream(cmap.encode("ascii"))
        resources.Font.F3 = font

    return _page(_ordinary(_text(72, 500, f"Routing: {CODE}", font="F3")), tounicode)


@specimen()
def leak_soft_hyphen_dash() -> bytes:
    """VISIBLE: code with WinAnsi's soft hyphen (0xAD), drawn as a hyphen."""
    return _page(_ordinary(_text(72, 500, "Routing: " + CODE.replace("-", "\u00ad"))))


@specimen()
def leak_homoglyph_letters() -> bytes:
    """VISIBLE: code with Cyrillic X and E (U+0425, U+0415): same shapes."""
    code = CODE.replace("X", "\u0425").replace("E", "\u0415")

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Routing: {code}", 500, pymupdf.Font("helv").buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen()
def leak_fullwidth_forms() -> bytes:
    """VISIBLE: code in fullwidth forms (U+FF31...) in an embedded CJK font."""
    code = "".join(chr(ord(c) + 0xFEE0) for c in CODE)

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Routing: {code}", 500, pymupdf.Font(ordering=0).buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen(LIGATURE_NAME, LIGATURE_PATTERN)
def leak_ligature_glyphs() -> bytes:
    """VISIBLE: name set with the ligature U+FB03, one character for 'ffi' in the text."""
    name = LIGATURE_NAME.replace("ffi", "\ufb03")

    def write(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        _embedded(doc, page, f"Witness: {name}", 500, pymupdf.Font("helv").buffer)

    return _mupdf(_page(_ordinary("")), write)


@specimen()
def leak_lowercase_code() -> bytes:
    """VISIBLE: code printed in lower case: the same code, not to the pattern."""
    return _page(_ordinary(_text(72, 500, f"Routing: {CODE.lower()}")))


# -- line breaks -------------------------------------------------------------------------------


@specimen()
def leak_hyphen_wrapped() -> bytes:
    """VISIBLE: code wrapped at its hyphen: 'QX-' ends a line, '4417-ZEBRA' starts one."""
    first = _text(72, 500, f"The transfer was logged under reference {CODE[:3]}")
    return _page(_ordinary(first + _text(72, 486, f"{CODE[3:]} and reviewed the same day.")))


@specimen(NAME, NAME_PATTERN)
def leak_name_wrapped() -> bytes:
    """VISIBLE: name wrapped: 'Rosalind' ends a line, 'Okonkwo' starts the next."""
    first, last = NAME.split()
    lines = _text(72, 500, f"The statement was taken from the witness {first}")
    return _page(_ordinary(lines + _text(72, 486, f"{last} in the presence of counsel.")))


# -- outside the page content ------------------------------------------------------------------


@specimen()
def leak_annotation_appearance() -> bytes:
    """VISIBLE: code only in a stamp annotation's appearance (no /Contents)."""

    def stamp(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        appearance = pdf.make_stream(_text(4, 8, f"Routing: {CODE}").encode("cp1252"))
        appearance.Type, appearance.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        appearance.BBox = pikepdf.Array([0, 0, 220, 24])
        appearance.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_helvetica(pdf)))
        annot = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Stamp,
            Rect=pikepdf.Array([72, 490, 292, 514]),
            F=4,
            AP=pikepdf.Dictionary(N=appearance),
        )
        pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])

    return _page(_ordinary(""), stamp)


@specimen()
def leak_sticky_note() -> bytes:
    """HIDDEN: code in a sticky note's contents: an icon on the page, text in a pop-up."""

    def note(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        page.add_text_annot((500, 300), f"Reviewer: the source is {CODE}.")

    return _mupdf(_plain(), note)


@specimen()
def leak_form_field_value() -> bytes:
    """VISIBLE: code as a text form field's value, drawn by its appearance."""

    def field(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        widget = pymupdf.Widget()
        widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT  # type: ignore[attr-defined]
        widget.field_name, widget.field_value = "routing", CODE
        widget.rect, widget.text_fontsize = pymupdf.Rect(72, 330, 300, 350), 12
        page.add_widget(widget)

    return _mupdf(_plain(), field)


@specimen()
def leak_link_uri() -> bytes:
    """HIDDEN: the code in the address of a link over ordinary words."""

    def link(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        where = page.search_for("Nothing further")[0]
        page.insert_link(
            {"kind": pymupdf.LINK_URI, "from": where, "uri": f"https://records.example/{CODE}"}
        )

    return _mupdf(_plain(), link)


@specimen()
def leak_document_metadata() -> bytes:
    """HIDDEN: the code in the document information dictionary and the XMP metadata."""

    def metadata(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        doc.set_metadata({"title": "Field report 7", "subject": f"Routing {CODE}"})
        doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'>{CODE}</x:xmpmeta>")

    return _mupdf(_plain(), metadata)


@specimen()
def leak_embedded_file() -> bytes:
    """HIDDEN: the code in a file attached to the document (the attachments list)."""

    def attach(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        data = f"routing: {CODE}\n".encode()
        pdf.attachments["routing.txt"] = pikepdf.AttachedFileSpec(pdf, data, filename="routing.txt")

    return _page(_ordinary(_text(72, 500, "Nothing further was recorded on this date.")), attach)


@specimen()
def leak_bookmark_title() -> bytes:
    """HIDDEN: the code in the title of a bookmark (outline item)."""

    def outline(doc: pymupdf.Document, page: pymupdf.Page) -> None:
        doc.set_toc([[1, f"Routing {CODE}", 1]])

    return _mupdf(_plain(), outline)


@specimen()
def leak_document_javascript() -> bytes:
    """HIDDEN: the code in document-level JavaScript (the /Names tree)."""

    def script(pdf: pikepdf.Pdf, resources: pikepdf.Dictionary) -> None:
        action = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=f"var routing = '{CODE}';")
        names = pikepdf.Array([pikepdf.String("init"), pdf.make_indirect(action)])
        pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=names))

    return _page(_ordinary(_text(72, 500, "Nothing further was recorded on this date.")), script)
