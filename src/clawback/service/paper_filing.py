"""The filing package's versions of a filed paper the court sealed, whole or in part.

A sealed paper goes in the package as an exhibit does: ``sealed/`` (as lodged), ``highlighted/``
(what the public version removes, marked for the court) and ``public/``: every page redacted for
a paper sealed whole, the part's items, pattern hits and FRCP 5.2(a) cuts for one sealed in part
(``domain.paper_seals.targets``). A paper has no Bates numbers, so no stamp; the public version
is made from the paper as ingest prepares a file (``briefs.prepared``), truly redacted through
the redactor with the width policy, a text a search cannot find located as ``filing.located``
finds it, and verified: no target's text, and none of a blank page's lines, survives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clawback.domain.paper_seals import Target
from clawback.pdf.gate.verify import require_clean, verify
from clawback.pdf.marks.highlight import Mark, highlight
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionError, redact
from clawback.pdf.shows.extract import page_rects
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, squash
from clawback.service.briefs import prepared
from clawback.service.filing import located

KINDS = ("sealed", "highlighted", "public")


@dataclass(frozen=True)
class PaperMade:
    """One file of a sealed paper for the package: ``sealed/ECF-118-2.pdf`` and the like."""

    docket: str
    kind: str
    pdf: bytes

    @property
    def name(self) -> str:
        return f"{self.kind}/ECF-{self.docket}.pdf"


def versions(
    docket: str,
    pdf: bytes,
    page_texts: Sequence[str],
    found: Sequence[Target],
    *,
    xray: bool = False,
) -> list[PaperMade]:
    """The three versions of a sealed paper, the public one verified (``xray``: with the
    x-ray check too; a package runs it once for all its files)."""
    public_name = f"public/ECF-{docket}.pdf"
    ready = prepared(pdf)
    redactions = [Redaction(page=f.page, reason=f.reads, text=f.text, label=f.label) for f in found]
    try:
        result = redact(ready, located(ready, redactions), WIDTH_POLICY)
    except (RedactionError, ValueError) as exc:  # names the label and page, never the text
        raise RedactionError(f"{public_name}: {exc}") from None
    blank = sorted({f.page for f in found if f.text is None})
    secrets = [(f.label, f.secret) for f in found if f.text is not None and _checkable(f.secret)]
    secrets += [
        (f"page {i + 1} line", line.strip())
        for i in blank
        if i < len(page_texts)
        for line in page_texts[i].splitlines()
        if len(line.strip()) >= 12
    ]
    findings = verify(
        result.pdf,
        secrets,
        boxes=result.boxes,
        reflowed=result.reflowed,
        xray=xray,
        original=ready,
    )
    require_clean(findings, public_name)
    rects = page_rects(ready)
    marks: list[Mark] = [(i, rects[i]) for i in blank]
    marks += [(f.page, f.text) for f in found if f.text is not None]
    marked = highlight(ready, marks) if marks else ready
    return [
        PaperMade(docket, "sealed", pdf),
        PaperMade(docket, "highlighted", marked),
        PaperMade(docket, "public", result.pdf),
    ]


def _checkable(text: str) -> bool:
    return len(squash(text)) >= MIN_SECRET_CHARS
