"""Natives LibreOffice renders (Office files, web pages, Windows metafiles) turned into PDFs,
many in one run, each spreadsheet first made whole (`clawback.ingest.sheets`).

`render` is the one step every path takes for them: a file ingested (`prepare`), an e-mail's
or a PDF's children, a load-file volume's natives. Its contract: one `Rendered` per file, in
order, with the PDF or the `ConversionError` saying why not, and the warnings of what the
author had hidden (a hidden sheet shown, comments listed); it never raises for one file's sake.
An ``.xls`` or ``.ods`` costs one more LibreOffice run (for the batch): it is saved as
``.xlsx`` first, so its hidden parts are read the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from clawback.ingest.sheets import expose
from clawback.pdf.files.convert import ConversionError, to_pdfs, to_xlsx

__all__ = ["Rendered", "render"]

#: Spreadsheets LibreOffice saves as .xlsx before `expose` reads them.
_RESAVED = frozenset({".xls", ".ods"})


@dataclass(frozen=True)
class Rendered:
    """One file's PDF (or `failure`, why there is none) and what rendering it had to say."""

    pdf: bytes | None
    failure: ConversionError | None = None
    warnings: tuple[str, ...] = ()


def render(files: Sequence[tuple[bytes, str]]) -> list[Rendered]:
    """Each ``(bytes, suffix)`` rendered, in one LibreOffice run (two with an old or open
    spreadsheet among them); see the module doc. Files with the same bytes and suffix (a
    volume's identical natives, the same attachment twice) are rendered once."""
    first: dict[tuple[bytes, str], int] = {}
    keys = [(hashlib.sha256(data).digest(), suffix) for data, suffix in files]
    for n, key in enumerate(keys):
        first.setdefault(key, n)
    if len(first) == len(files):
        return _render_each(files)
    done = dict(zip(first, _render_each([files[n] for n in first.values()]), strict=True))
    return [done[key] for key in keys]


def _render_each(files: Sequence[tuple[bytes, str]]) -> list[Rendered]:
    todo = [(data, _kind(suffix)) for data, suffix in files]
    said: list[list[str]] = [[] for _ in todo]
    resave = [n for n, (_, kind) in enumerate(todo) if kind in _RESAVED]
    if resave:
        for n, saved in zip(resave, to_xlsx([todo[n] for n in resave]), strict=True):
            if isinstance(saved, bytes):
                todo[n] = (saved, ".xlsx")
            else:  # rendered as it is, if it can be
                said[n].append("the spreadsheet could not be checked for hidden parts "
                               f"({saved}): some may be left out")  # fmt: skip
    for n, (data, kind) in enumerate(todo):
        if kind == ".xlsx" and data.startswith(b"PK\x03\x04"):
            exposed, found = expose(data)
            todo[n] = (exposed, kind)
            said[n] += found
    out = []
    for made, warnings in zip(to_pdfs(todo), said, strict=True):
        if isinstance(made, bytes):
            out.append(Rendered(made, None, tuple(warnings)))
        else:
            out.append(Rendered(None, made))
    return out


def _kind(suffix: str) -> str:
    return "." + suffix.strip().lower().lstrip(".")
