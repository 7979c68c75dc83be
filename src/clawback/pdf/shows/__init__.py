"""What a page shows, and where.

Contract: for a page, the text a reader sees (extracted, or OCR'd where the page draws it as a
picture), each word where it stands, and how a secret is looked for in it. Nothing here
changes a file.

* `extract` — per-page text and content fingerprints;
* `ocr` — an invisible text layer at the words' own places for what is drawn, not written;
* `survey` — what a document holds that changes how it is redacted (one pass over its objects);
* `locate` — tight rectangles of an exact text on a page, safe to hand to the redactor;
* `region` — regions named by rectangle: their coordinates and the words they cover;
* `glyphs` — which glyphs of which font a document draws;
* `needles` — text normalisation and the byte forms a PDF may store a secret in.
"""
