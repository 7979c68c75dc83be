"""What clawback draws on pages.

Contract: a document in, the same pages out with clawback's marks added, nothing of the page's
own content changed.

* `stamp` — Bates numbers and confidentiality legends in a band added below each page;
* `placement` — pages placed, each as a form XObject, on new pages;
* `overlay`, `boxlabel`, `helvetica` — redaction boxes and the reasons printed on them;
* `slipsheet` — the one page that stands in for a withheld or native file;
* `highlight` — translucent boxes over what the public version redacts, for the court;
* `claimed` — the claimed items drawn in place on a page picture, for the court;
* `memo` — the bench memo: the court's review record for one claim.
"""
