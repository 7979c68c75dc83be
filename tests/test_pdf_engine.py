"""PyMuPDF as clawback runs it (``clawback.pdf_engine``): its layout model and pymupdf4llm are
never loaded (about 0.7 s of CPU a process), and the glyph-box corrections pymupdf4llm used to
switch off as a side effect of its import are switched off by clawback itself, whichever of
the two was imported first. Each case in a fresh interpreter, as a command starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
{first}
import pymupdf
print(pymupdf._globals.skip_quad_corrections,
      sorted(m for m in ("pymupdf.layout", "pymupdf4llm", "onnxruntime")
             if sys.modules.get(m) is not None))
"""


@pytest.mark.parametrize(
    ("first", "loaded"),
    [
        ("import clawback", []),  # every command: clawback's package is imported first
        ("import clawback.service", []),
        (
            "import pymupdf; import clawback",
            None,
        ),  # too late to keep them out: settled all the same
    ],
)
def test_pymupdf_is_settled_by_clawback_and_loads_no_layout_model(
    first: str, loaded: list[str] | None
) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(first=first)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(maxsplit=1)
    assert out[0] == "True"  # the corrections off, as the redaction tests hold the boxes
    if loaded is not None:
        assert out[1].strip() == str(loaded)
