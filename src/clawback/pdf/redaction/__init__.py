"""True redaction: what is under a box leaves the file.

Contract: a document and the redactions it needs in; a file out from which the redacted
material is gone (text, pixels, paths, fonts' glyphs, metadata, annotations, old revisions),
the gaps re-flowed so a box tells nothing of the removed text's width, and the boxes drawn.
The gate (`pdf.gate`) then proves it.

* `redact` — `redact`, `Redaction`, `RedactionResult`: the redactor;
* `reflow` — the width channel closed: each removed span re-flowed to one fixed width;
* `bands` — a box widened over its whole line or column where re-flowing would still tell;
* `shiftfix` — text PyMuPDF 2.0 moves when it removes glyphs, put back;
* `resubset`, `type1` — glyphs only the removed text drew, taken out of the fonts;
* `scrub` — everything that is not page content removed, then a clean whole save;
* `transfer` — transfer functions MuPDF does not apply (and other viewers do) taken out;
* `profiles` — colour profiles other viewers apply as MuPDF does not, drawn as device colour;
* `culled` — shadings and clip outlines under a box removed (MuPDF's redaction keeps them);
* `picturemeta` — what a JPEG picture carries besides the picture (EXIF, XMP, comments);
* `bake` — annotations and form fields drawn in as a viewer shows them;
* `widthleak` — the width channel measured from the attacker's side.
"""
