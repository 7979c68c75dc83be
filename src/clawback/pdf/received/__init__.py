"""Documents another party produced.

Contract: a received PDF in, the redactions in it that hide nothing out (where, how many
characters, and which check found each; never the text unless asked for).

* `received_check` — clawback's own check: boxes from filled dark areas over text still in the
  file, painted before the box or after it in its colour.
* `check` — that check and Free Law Project's x-ray (in its own interpreter) merged, per file
  or for many files at once.
"""
