"""Annotations and form fields drawn into their pages as a viewer shows them.

Before a page is redacted or stamped, what its annotations and form fields show becomes page
content (MuPDF's `Document.bake`): what was visible stays visible, and is itself subject to
redaction. `bake` alone draws each annotation's appearance stream as the file stores it, and
that is not always what a viewer shows:

* an annotation without an appearance stream (``/AP``) is drawn by the viewer from its
  properties (a highlight's colour and quadrilaterals, a note's icon); baked as stored, it
  vanished;
* a form whose ``/AcroForm`` says ``/NeedAppearances true`` asks the viewer to draw every
  field from its value; baked as stored, a filled-in field showed empty (the LibreOffice
  sample's "Alice" and "Bob");
* annotation dictionaries written directly in a page's ``/Annots`` (not as objects of their
  own, as the standard asks) were all baked under one resource name, the first drawn in
  place of each;
* an annotation or field flagged ``/NoView`` (bit 6 of ``/F``: never drawn on screen, printed
  only if ``/Print`` says so) or ``/Hidden`` is not on the page a viewer shows, and so not in
  the page text the record keeps nor in what a pattern reads; baked, its appearance became
  page content that no search had seen, and went out unredacted;
* an annotation lying wholly outside the page as shown (above its CropBox, beside its
  MediaBox) is on no page a viewer shows either; baked, it became text off the page, which
  the gate refuses (``shown``), so the document could not be produced at all.

`bake_visible` first deletes every annotation and field a viewer does not draw on screen
(`UNSEEN_FLAGS`, or wholly outside the CropBox), makes each remaining annotation an object of
its own, then has MuPDF (``pdf_update_annot``, the code its viewer runs) write the appearance
each of those annotations shows, and only then bakes. The render check (`check_render`),
which compares a redacted page with its original drawn with its annotations, holds the result
to it.
"""

from __future__ import annotations

from typing import Any

import pymupdf

from clawback.pdf.files.lowlevel import mu as mupdf
from clawback.pdf.files.lowlevel import name

__all__ = ["UNSEEN_FLAGS", "bake_visible"]

#: Annotation flags (``/F``) under which a viewer does not draw the annotation on screen.
UNSEEN_FLAGS: int = mupdf.PDF_ANNOT_IS_HIDDEN | mupdf.PDF_ANNOT_IS_NO_VIEW


def bake_visible(doc: pymupdf.Document) -> None:
    """Bake `doc`'s annotations and form fields into their pages as a viewer shows them
    (module doc). Pages of `doc` loaded before must not be used afterwards."""
    pdf = pymupdf._as_pdf_document(doc)
    catalog = doc.pdf_catalog()
    every_field = doc.xref_get_key(catalog, "AcroForm/NeedAppearances")[1] == "true"
    for number in range(doc.page_count):
        _own_objects(pdf, doc.page_xref(number))
    for page in doc.pages():
        native = page._pdf_page()
        _delete_unseen(native)
        annot = mupdf.pdf_first_annot(native)
        while annot.m_internal:
            if not _has_appearance(annot):
                _draw_appearance(annot)
            annot = mupdf.pdf_next_annot(annot)
        if every_field:
            widget = mupdf.pdf_first_widget(native)
            while widget.m_internal:
                _draw_appearance(widget)
                widget = mupdf.pdf_next_widget(widget)
    doc.bake(annots=True, widgets=True)


def _delete_unseen(native: Any) -> None:
    """Delete the page's annotations and fields that a viewer does not draw on screen: those
    flagged so, and those lying wholly outside the page as shown (its CropBox)."""
    shown = mupdf.pdf_bound_page(native, mupdf.FZ_CROP_BOX)
    unseen = []
    for first, following in (
        (mupdf.pdf_first_annot, mupdf.pdf_next_annot),
        (mupdf.pdf_first_widget, mupdf.pdf_next_widget),
    ):
        annot = first(native)
        while annot.m_internal:
            outside = mupdf.fz_is_empty_rect(
                mupdf.fz_intersect_rect(mupdf.pdf_bound_annot(annot), shown)
            )
            if outside or mupdf.pdf_annot_flags(annot) & UNSEEN_FLAGS:
                unseen.append(annot)
            annot = following(annot)
    for annot in unseen:
        mupdf.pdf_delete_annot(native, annot)


def _own_objects(pdf: Any, page_xref: int) -> None:
    """Make every annotation written directly in the page's ``/Annots`` an object."""
    page = mupdf.pdf_load_object(pdf, page_xref)
    annots = mupdf.pdf_dict_get(page, name("Annots"))
    if not mupdf.pdf_is_array(annots):
        return
    for index in range(mupdf.pdf_array_len(annots)):
        item = mupdf.pdf_array_get(annots, index)
        if mupdf.pdf_is_dict(item) and not mupdf.pdf_is_indirect(item):
            mupdf.pdf_array_put(annots, index, mupdf.pdf_add_object(pdf, item))


def _has_appearance(annot: Any) -> bool:
    obj = mupdf.pdf_annot_obj(annot)
    return bool(mupdf.pdf_is_dict(mupdf.pdf_dict_get(obj, name("AP"))))


def _draw_appearance(annot: Any) -> None:
    """Have MuPDF write the appearance it shows; an annotation it cannot draw keeps its own
    (the render check then tells whether the page still looks as it did)."""
    try:
        mupdf.pdf_dirty_annot(annot)
        mupdf.pdf_update_annot(annot)
    except RuntimeError:  # MuPDF's own errors (fz_try) arrive as RuntimeError subclasses
        pass
