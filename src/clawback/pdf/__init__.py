"""The PDF engine: extract, stamp, redact, verify. Plain data in, plain data out.

Bytes and small frozen dataclasses cross this boundary; nothing here knows about matters,
productions or the database, and nothing here imports Free Law Project's x-ray (it runs in its
own interpreter, see `xray_check`).

* `extract` — `read_pages`, `page_count`, `PageText`, `PdfError`;
* `stamp` — `stamp` (Bates number and legend in a band added below each page), `stamp_check`;
* `redact` — `redact`, `Redaction`, `RedactionResult`, `RedactionError`, and `scrub`;
* `verify` — the gate: `verify`, `Finding`, `require_clean`, `VerificationError`,
  `xray_inspect` (many files, one x-ray process), `xray_python`.

Page indexes in data are 0-based; messages say "page N", 1-based. Messages and findings name a
redacted item by its label, never by its text.
"""

from clawback.pdf.extract import PageText, PdfError, page_count, read_pages
from clawback.pdf.findings import Finding, VerificationError, require_clean
from clawback.pdf.redact import Redaction, RedactionError, RedactionResult, redact, scrub
from clawback.pdf.stamp import stamp, stamp_check
from clawback.pdf.verify import verify, xray_inspect, xray_python

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
