"""Gate check (l) ``shown``: the file holds only what a viewer shows.

What no viewer shows cannot be checked by looking, and a later viewer (or a layer panel) may
show it: so an output may carry no optional content at all (layers are flattened at ingest,
`shows.visible`), and on no page a character that is drawn outside the page's visible area
or clipped away (`shows.visible.unseen_text`), and no picture that no page lets be seen
(`shows.unseen_pictures`: off the page, clipped away, painted over, masked out; ingest takes
them out, so one here came in some other way). Replacement text (``/ActualText``, ``/Alt``,
``/E``) is the structure check's. Findings name the page and count the characters, never
their text.

A page that paints with a tiling pattern is not read for unseen text: the text of a pattern's
cell is traced in the cell's own space, not where the pattern repeats it on the page, so it
would read as off the page though the page shows it. What such a page shows is read by OCR
(check k reads the whole of it when it carries a box; ingest reads it whole).
"""

from __future__ import annotations

import pymupdf

from clawback.pdf.gate.findings import Finding
from clawback.pdf.shows.ocr import uses_tiling_pattern
from clawback.pdf.shows.unseen_pictures import hidden_pictures_by_page
from clawback.pdf.shows.visible import unseen_text

__all__ = ["shown_findings"]


def shown_findings(doc: pymupdf.Document) -> list[Finding]:
    """One finding for optional content in the file, one per page with unseen text, and one
    per page drawing a picture no page shows."""
    findings: list[Finding] = []
    layers = doc.get_ocgs()
    if layers:
        findings.append(
            Finding(None, "shown", f"{len(layers)} optional-content layer(s): a viewer may hide")
        )
    for page in doc.pages():
        if uses_tiling_pattern(page):
            continue
        unseen = unseen_text(page)
        if unseen:
            findings.append(
                Finding(
                    page.number,
                    "shown",
                    f"{len(unseen)} character(s) no viewer shows (off the page or clipped away)",
                )
            )
    for number, count in hidden_pictures_by_page(doc).items():
        findings.append(
            Finding(
                number,
                "shown",
                f"{count} picture(s) no viewer sees (off the page, clipped away, painted "
                "over or masked out)",
            )
        )
    return findings
