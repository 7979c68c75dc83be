"""PyMuPDF as clawback runs it, whichever packages are installed beside it.

PyMuPDF imports its layout analyser (``pymupdf.layout``, an ONNX model) whenever it is
installed, as it is with the PyMuPDF this project installs, and that in turn imports pymupdf4llm,
which switches PyMuPDF's glyph-box corrections off for the whole process
(``TOOLS.unset_quad_corrections``). clawback asks a page for neither its layout nor its Markdown,
but its redaction relies on the boxes as they are with the corrections off: with them on, a
glyph's box reaches into the next line and a box drawn over one line was refused ("would also
delete text outside its box"). That rested on a side effect of a package clawback never names,
and cost each process that imports PyMuPDF about 0.7 s of CPU (ONNX Runtime).

pymupdf4llm's import also switched off MuPDF's printing of its errors, which PyMuPDF otherwise
prints on stdout, among a command's own lines ("MuPDF error: format error: object is not a
stream", once for each object of a damaged file it trips on). clawback reads them where it
needs them (``TOOLS.mupdf_warnings``, which keeps them either way) and says what they mean in
its own words, once: a damaged page or file is a warning on the document.

So, installed by ``clawback/__init__``: the two are marked absent before PyMuPDF is first
imported (PyMuPDF works as where they are not installed), and the corrections and the printing
of errors are switched off by clawback itself, once PyMuPDF is loaded (`_Settled`), or at once
if it already was.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

__all__ = ["install"]

#: What PyMuPDF would load and clawback never uses.
_UNUSED = ("pymupdf.layout", "pymupdf4llm")


def install() -> None:
    """Settle PyMuPDF in this process as the module says (idempotent)."""
    loaded = sys.modules.get("pymupdf")
    if loaded is not None:
        _settle(loaded)
        return
    for name in _UNUSED:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]  # None: "not found"
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def _settle(pymupdf: ModuleType) -> None:
    pymupdf.TOOLS.unset_quad_corrections(True)
    pymupdf.TOOLS.mupdf_display_errors(False)  # kept in its warnings store all the same


class _Finder(importlib.abc.MetaPathFinder):
    """Finds PyMuPDF where it always is, and has it settled once it has run."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != "pymupdf":
            return None
        sys.meta_path.remove(self)  # once: PyMuPDF is imported once
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _Settled(spec.loader)
        return spec


class _Settled(importlib.abc.Loader):
    """PyMuPDF's own loader, then `_settle`."""

    def __init__(self, loader: Any) -> None:
        self._loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        module: ModuleType | None = self._loader.create_module(spec)
        return module

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _settle(module)

    def __getattr__(self, name: str) -> Any:  # what else importlib asks of the loader
        return getattr(self._loader, name)
