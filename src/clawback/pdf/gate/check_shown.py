"""Gate check (l) ``shown``: the file holds only what a viewer shows.

What no viewer shows cannot be checked by looking, and a later viewer (or a layer panel) may
show it: so an output may carry no optional content at all (layers are flattened at ingest,
`shows.visible`), and on no page a character that is drawn outside the page's visible area
or clipped away (`shows.visible.unseen_text`), and no picture that no page lets be seen
(`shows.unseen_pictures`: off the page, clipped away, painted over, masked out; ingest takes
them out, so one here came in some other way), and no picture holding something in a part no
viewer sees (`shows.unseen_parts`; ingest blanks such parts), nor one drawn inside a Type 3
glyph (`shows.unseen_parts.unplaced`: MuPDF places it nowhere, so what shows of it cannot be
told). Replacement text
(``/ActualText``, ``/Alt``, ``/E``) is the structure check's. Findings name the page and count
the characters, never their text.

A page that paints with a tiling pattern is not read for unseen text: the text of a pattern's
cell is traced in the cell's own space, not where the pattern repeats it on the page, so it
would read as off the page though the page shows it. What such a page shows is read by OCR
(check k reads the whole of it when it carries a box; ingest reads it whole).
"""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.objectreads import ObjectReads
from clawback.pdf.shows.ocr import uses_tiling_pattern
from clawback.pdf.shows.pagereads import PageReads
from clawback.pdf.shows.unplaced_pictures import unplaced
from clawback.pdf.shows.unseen_masks import hidden_mask_groups
from clawback.pdf.shows.unseen_parts import unseen_parts_by_page
from clawback.pdf.shows.unseen_pictures import hidden_pictures_by_page
from clawback.pdf.shows.visible import unseen_text

__all__ = ["layer_findings", "page_shown_findings", "picture_findings", "shown_findings"]


def shown_findings(doc: pymupdf.Document) -> list[Finding]:
    """One finding for optional content in the file, one per page with unseen text, and one
    per page drawing a picture no page shows."""
    findings = layer_findings(doc)
    for page in doc.pages():
        findings += page_shown_findings(page, PageReads(page))
    findings += picture_findings(doc)
    return findings


def layer_findings(doc: pymupdf.Document) -> list[Finding]:
    """The finding for optional content in the file, if it has any."""
    layers = doc.get_ocgs()
    if not layers:
        return []
    return [Finding(None, "shown", f"{len(layers)} optional-content layer(s): a viewer may hide")]


def picture_findings(
    doc: pymupdf.Document,
    boxes: Sequence[tuple[int, Sequence[float], str]] = (),
    objects: ObjectReads | None = None,
) -> list[Finding]:
    """One finding per page drawing a picture no page shows (``shows.unseen_pictures``), and
    one per page first drawing a picture that holds something where it does not show (under
    `boxes`, redaction boxes, a picture's pixels count as shown: the box check reads them) or
    first reaching a picture that cannot be placed (`unplaced`: in a Type 3 glyph, say); a
    page refused for a picture no viewer sees is not refused again for it, counted whole
    among the others. And one per page first reaching soft masks' groups that nothing is
    painted through but draw something (`shows.unseen_masks`; ingest empties them).
    `objects`: what the other checks of this opening of `doc` read of its objects (the four
    walk the same resources: `shows.objectreads`)."""
    objects = ObjectReads.of(doc, objects)
    findings = [
        Finding(
            number,
            "shown",
            f"{count} picture(s) no viewer sees (off the page, clipped away, painted over or "
            "masked out)",
        )
        for number, count in hidden_pictures_by_page(doc, objects).items()
    ]
    flagged = {f.page for f in findings}
    findings += [
        Finding(
            number,
            "shown",
            f"{count} picture(s) holding a part no viewer sees (off the page, clipped away, "
            "painted over or masked out)",
        )
        for number, count in unseen_parts_by_page(doc, _covered(boxes), objects).items()
        if number not in flagged
    ]
    findings += [
        Finding(
            number,
            "shown",
            f"{count} picture(s) inside a Type 3 glyph or a pattern that cannot be placed: "
            "what shows of them cannot be told",
        )
        for number, count in unplaced(doc, objects).items()
        if number not in flagged
    ]
    findings += [
        Finding(
            number,
            "shown",
            f"{len(groups)} soft mask(s) nothing is painted through that still draw something",
        )
        for number, groups in hidden_mask_groups(doc, range(doc.page_count), objects).items()
    ]
    return findings


def _covered(boxes: Sequence[tuple[int, Sequence[float], str]]) -> dict[int, list[pymupdf.Rect]]:
    """The redaction boxes by page: a picture's part under one is the box check's (the
    redactor blanks it), not a part no viewer sees."""
    covered: dict[int, list[pymupdf.Rect]] = {}
    for number, rect, _ in boxes:
        covered.setdefault(number, []).append(pymupdf.Rect(rect))
    return covered


def page_shown_findings(page: pymupdf.Page, reads: PageReads) -> list[Finding]:
    """The finding for the characters on `page` no viewer shows, if any (`reads`: what the
    page's other checks read of it: its text trace, and of the document's objects)."""
    if uses_tiling_pattern(page, reads.objects):
        return []
    unseen = unseen_text(page, reads)
    if not unseen:
        return []
    detail = f"{len(unseen)} character(s) no viewer shows (off the page or clipped away)"
    return [Finding(page.number, "shown", detail)]
