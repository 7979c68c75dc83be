"""Documents another party produced.

Contract: a received PDF in, the redactions in it that hide nothing out (where, and how many
characters, never the text).

* `received_check` — boxes drawn over text that is still in the file.
"""
