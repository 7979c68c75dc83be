"""The verification gate: a file goes out only if `verify` returns no findings.

Contract: a made file, the secrets it must not hold and the boxes it should carry in; findings
out (`findings.Finding`), naming a redacted item by its label, never by its text; one module
per checklist item of the redaction document:

* `check_text` — (a), (e): what text extractors read from each page;
* `check_raw` — (b), (c): the secret in the file's bytes; one revision;
* `check_structure` — (d): nothing but pages and what they draw;
* `check_boxes` — (g): under every box, nothing;
* `check_render` — (i): each redacted page looks as it did but for its boxes;
* `check_fonts` — (j): no glyph only the removed text drew;
* `check_width` — a re-flowed box tells nothing of the removed text's length;
* `xray_check` — (f): Free Law Project's x-ray, in its own interpreter;
* `verify` — all of them, in order; `findings` — what they report.
"""
