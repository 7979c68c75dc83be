"""The PDF engine: what a page shows, redaction, marks, the gate. Plain data in and out.

Bytes and small frozen dataclasses cross this boundary; nothing here knows about matters,
productions or the database, and nothing here imports Free Law Project's x-ray (it runs in its
own interpreter, see `gate.xray_check`). The parts, each with its contract in its docstring:

* `files` — opening, saving, decrypting and converting files;
* `shows` — what a page shows: text, OCR, where a text stands, how a secret is looked for;
* `redaction` — true redaction, re-flow, font re-subsetting, scrubbing;
* `marks` — Bates stamps and legends, boxes and labels, slip sheets, highlights, the memo;
* `gate` — the verification gate, one module per checklist item;
* `received` — redactions in what another party produced that hide nothing.

Page indexes in data are 0-based; messages say "page N", 1-based. Messages and findings name a
redacted item by its label, never by its text.

The names below are imported when first used: importing one part (``pdf.shows.extract``)
loads that part, not the whole engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clawback import lazy

if TYPE_CHECKING:
    from clawback.pdf.gate.findings import Finding, VerificationError, require_clean
    from clawback.pdf.gate.verify import verify, xray_inspect, xray_python
    from clawback.pdf.marks.stamp import stamp, stamp_check
    from clawback.pdf.redaction.redact import (
        Redaction,
        RedactionError,
        RedactionResult,
        redact,
        scrub,
    )
    from clawback.pdf.shows.extract import PageText, PdfError, page_count, read_pages

__all__ = [
    "Finding",
    "PageText",
    "PdfError",
    "Redaction",
    "RedactionError",
    "RedactionResult",
    "VerificationError",
    "page_count",
    "read_pages",
    "redact",
    "require_clean",
    "scrub",
    "stamp",
    "stamp_check",
    "verify",
    "xray_inspect",
    "xray_python",
]

_HOMES = {
    "Finding": "clawback.pdf.gate.findings",
    "VerificationError": "clawback.pdf.gate.findings",
    "require_clean": "clawback.pdf.gate.findings",
    "verify": "clawback.pdf.gate.verify",
    "xray_inspect": "clawback.pdf.gate.verify",
    "xray_python": "clawback.pdf.gate.verify",
    "stamp": "clawback.pdf.marks.stamp",
    "stamp_check": "clawback.pdf.marks.stamp",
    "Redaction": "clawback.pdf.redaction.redact",
    "RedactionError": "clawback.pdf.redaction.redact",
    "RedactionResult": "clawback.pdf.redaction.redact",
    "redact": "clawback.pdf.redaction.redact",
    "scrub": "clawback.pdf.redaction.redact",
    "PageText": "clawback.pdf.shows.extract",
    "PdfError": "clawback.pdf.shows.extract",
    "page_count": "clawback.pdf.shows.extract",
    "read_pages": "clawback.pdf.shows.extract",
}


__getattr__, __dir__ = lazy.exports(__name__, _HOMES, __all__)
