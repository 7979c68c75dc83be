"""Natives LibreOffice renders (Office files, web pages, Windows metafiles) turned into PDFs,
many in one run, each made whole first: a spreadsheet's hidden parts shown
(`clawback.ingest.sheets`), a Word file's comments listed and hidden text shown, its tracked
changes said (`clawback.ingest.words`), a deck's hidden slides and speaker notes shown and said
(`clawback.ingest.slides`); what it names outside itself (a linked picture, a web page's
``<img src>``) cut and said (`clawback.pdf.files.linked`), never drawn from the server's disk
or fetched.

`render` is the one step every path takes for them: a file ingested (`prepare`), an e-mail's
or a PDF's children, a load-file volume's natives. Its contract: one `Rendered` per file, in
order, with the PDF or the `ConversionError` saying why not, and the warnings of what the
author had hidden (a hidden sheet shown, comments listed, notes pages added); it never raises
for one file's sake.
A text file (``.txt .csv .htm .html``) past `limits.MAX_TEXT_BYTES` or `MAX_TEXT_LINES` is not
laid out at all:
its `ConversionError` says so before LibreOffice starts.
An ``.xls`` or ``.ods`` costs one more LibreOffice run (for the batch): it is saved as
``.xlsx`` first, so its hidden parts are read the same way.

Starting LibreOffice costs far more than converting a file (measured: four runs of two files
3.5 times the CPU of one run of eight), so a batch of files can be rendered `ahead`, in one
run: inside the ``with``, `render` takes each file rendered ahead from there (same bytes, same
suffix: the same `Rendered`) and runs LibreOffice only for the rest. Only files that rendered
are kept ahead: a failure is tried again on its own, so one bad file in the batch costs no
other file its PDF. The files rendered ahead are this thread's (a context variable).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from clawback.domain.errors import ClawbackError
from clawback.ingest import limits, slides, words
from clawback.ingest.sheets import expose
from clawback.pdf.files import linked
from clawback.pdf.files.convert import ConversionError, to_pdfs, to_xlsx
from clawback.pdf.files.document import open_pdf

__all__ = ["Rendered", "ahead", "render"]

#: Spreadsheets LibreOffice saves as .xlsx before `expose` reads them.
_RESAVED = frozenset({".xls", ".ods"})
#: Text laid out as pages, as long as it runs: `limits.text_too_long` bounds it.
_TEXT = frozenset({".txt", ".csv", ".htm", ".html"})


@dataclass(frozen=True)
class Rendered:
    """One file's PDF (or `failure`, why there is none) and what rendering it had to say."""

    pdf: bytes | None
    failure: ConversionError | None = None
    warnings: tuple[str, ...] = ()


_Key = tuple[bytes, str]
#: The files rendered `ahead` in this context, by (SHA-256, kind).
_AHEAD: ContextVar[dict[_Key, Rendered] | None] = ContextVar("rendered_ahead", default=None)


def render(files: Sequence[tuple[bytes, str]]) -> list[Rendered]:
    """Each ``(bytes, suffix)`` rendered, in one LibreOffice run (two with an old or open
    spreadsheet among them); see the module doc. Files with the same bytes and suffix (a
    volume's identical natives, the same attachment twice) are rendered once; files rendered
    `ahead` are not rendered again."""
    ready = _AHEAD.get() or {}
    first: dict[_Key, int] = {}
    keys = [_key(data, suffix) for data, suffix in files]
    for n, key in enumerate(keys):
        if key not in ready:
            first.setdefault(key, n)
    if len(first) == len(files):
        return _render_each(files)
    done = dict(ready)
    if first:
        done.update(zip(first, _render_each([files[n] for n in first.values()]), strict=True))
    return [done[key] for key in keys]


@contextmanager
def ahead(files: Sequence[tuple[bytes, str]]) -> Iterator[int]:
    """Render `files` now, in one run, for every `render` inside the ``with`` (see the module
    doc); yields how many rendered. With fewer than two files there is nothing to share."""
    try:
        made = render(files) if len(files) > 1 else []
    except ClawbackError:  # no LibreOffice, say: each file then says so on its own
        made = []
    if not made:
        yield 0
        return
    ready = dict(_AHEAD.get() or {})
    for (data, suffix), done in zip(files, made, strict=True):
        if done.pdf is not None:
            ready[_key(data, suffix)] = done
    token = _AHEAD.set(ready)
    try:
        yield sum(1 for done in made if done.pdf is not None)
    finally:
        _AHEAD.reset(token)


def _key(data: bytes, suffix: str) -> _Key:
    return hashlib.sha256(data).digest(), _kind(suffix)


def _render_each(files: Sequence[tuple[bytes, str]]) -> list[Rendered]:
    every = [(data, _kind(suffix)) for data, suffix in files]
    too_long = {n: _too_long(data, kind) for n, (data, kind) in enumerate(every)}
    too_long = {n: why for n, why in too_long.items() if why is not None}
    if not too_long:
        return _render_all(every)
    rest = [n for n in range(len(every)) if n not in too_long]
    made = dict(zip(rest, _render_all([every[n] for n in rest]) if rest else [], strict=True))
    return [made[n] if n in made else Rendered(None, too_long[n]) for n in range(len(every))]


def _too_long(data: bytes, kind: str) -> ConversionError | None:
    """Why a text file is not laid out as pages (`limits.text_too_long`), if it is not: said
    before LibreOffice is started, which would take minutes over it."""
    why = limits.text_too_long(data) if kind in _TEXT else None
    return ConversionError(f"a {kind} file too long to lay out as pages: {why}") if why else None


def _render_all(todo: list[tuple[bytes, str]]) -> list[Rendered]:
    said: list[list[str]] = [[] for _ in todo]
    for n, (data, kind) in enumerate(todo):
        try:
            unlinked = linked.cut(data, kind)
        except linked.LinkError:
            continue  # the conversion refuses it, saying why
        todo[n] = (unlinked.data, kind)
        said[n] += [warning] if (warning := unlinked.warning()) else []
    resave = [n for n, (_, kind) in enumerate(todo) if kind in _RESAVED]
    if resave:
        for n, saved in zip(resave, to_xlsx([todo[n] for n in resave]), strict=True):
            if isinstance(saved, bytes):
                todo[n] = (saved, ".xlsx")
            else:  # rendered as it is, if it can be
                said[n].append("the spreadsheet could not be checked for hidden parts "
                               f"({saved}): some may be left out")  # fmt: skip
    decks: dict[int, slides.Deck] = {}
    for n, (data, kind) in enumerate(todo):
        if not data.startswith(b"PK\x03\x04"):
            continue
        if kind == ".xlsx":
            exposed, found = expose(data)
            todo[n] = (exposed, kind)
            said[n] += found
        elif kind == ".docx":
            exposed, found = words.expose(data)
            todo[n] = (exposed, kind)
            said[n] += found
        elif kind in slides.DECKS:
            decks[n] = slides.look(data, kind)
    noted = frozenset(n for n, deck in decks.items() if deck.noted)
    out = []
    for n, (made, warnings) in enumerate(zip(to_pdfs(todo, notes=noted), said, strict=True)):
        if isinstance(made, bytes):
            if n in decks:
                warnings += decks[n].warnings(_pages(made))
            out.append(Rendered(made, None, tuple(warnings)))
        else:
            out.append(Rendered(None, made))
    return out


def _pages(pdf: bytes) -> int:
    with open_pdf(pdf) as doc:
        return int(doc.page_count)


def _kind(suffix: str) -> str:
    return "." + suffix.strip().lower().lstrip(".")
