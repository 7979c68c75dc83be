"""Where page pictures are drawn: in the calling thread, or in processes of their own.

The PDF engine holds the interpreter's lock for the whole of a render, and laying a trace mark
renders too (``tracing.picture``); in a server process that answers many requests in threads,
one first render of a heavy page stops every other request of that process for its length: a
page view that costs 5 ms waits a second behind a picture. So the server draws pictures in
processes of their own (``Drawers.apart``), at a lower priority than the requests around them,
while the command line, which does one thing at a time, draws in place (``InPlace``).

Either way the work is ``draw``: plain values in (a ``Drawing``, the PDF's bytes when the
picture is not kept yet), a PNG out; the kept pictures (``service.pictures``) are on disk for
every process, so a picture rendered by one drawing process is found by every other. A drawing
process found dead is replaced and the picture drawn in the fresh one; a page that stops the
engine twice (a file that crashes it) is answered as a ``DocumentError`` in one line, and
costs no more than that picture.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from clawback.domain.errors import DocumentError
from clawback.service.pictures import Picture, Pictures

if TYPE_CHECKING:
    from clawback.pdf.marks.claimed import Claimed

#: How much lower than the server's requests a drawing process runs (``os.nice``).
NICENESS = 5


@dataclass(frozen=True)
class Drawing:
    """One picture to draw, all in plain values: the kept picture's key (``Pictures.key``),
    the page (from 0), the dpi, the items drawn in place, the mark's lines (None: unmarked)."""

    key: str
    index: int
    dpi: int
    claimed: tuple[Claimed, ...] = ()
    mark: tuple[str, ...] | None = None


def draw(drawing: Drawing, kept: Pictures, pdf: bytes | None) -> bytes | None:
    """The PNG ``drawing`` asks for: the kept picture (rendered from ``pdf`` and kept, when it
    is not kept yet) with its mark laid over it. None when the picture is not kept and no
    ``pdf`` was given."""
    found = kept.get(drawing.key)
    if found is None:
        if pdf is None:
            return None
        found = _render(drawing, pdf)
        kept.put(drawing.key, found)
    if drawing.mark is None:  # the same picture for every copy
        return found.png
    return _marked(drawing, found, kept)


def _render(drawing: Drawing, pdf: bytes) -> Picture:
    import pymupdf

    from clawback.pdf.marks.claimed import draw_claimed

    with pymupdf.open(stream=pdf, filetype="pdf") as opened:
        page = opened[drawing.index]
        if drawing.claimed:
            draw_claimed(page, list(drawing.claimed))
        base = page.get_pixmap(dpi=drawing.dpi)
        return Picture(
            base.tobytes("png"), base.width, base.height, page.rect.width, page.rect.height
        )


def _marked(drawing: Drawing, found: Picture, kept: Pictures) -> bytes:
    """The mark, drawn alone on a clear page of the picture's size, laid over its pixels."""
    import pymupdf

    from clawback.pdf.marks import laid
    from clawback.pdf.marks.watermark import draw as draw_mark

    assert drawing.mark is not None
    with pymupdf.open() as clear:
        layer = clear.new_page(width=found.page_width, height=found.page_height)
        draw_mark(layer, drawing.mark)
        marks = layer.get_pixmap(dpi=drawing.dpi, alpha=True)
    width, height = found.width, found.height
    pixels = laid.lay(kept.pixels(drawing.key, found), width, height, marks.samples, marks.width)
    return laid.png(pixels, width, height)


class Drawer(Protocol):
    """Draws pictures, the kept ones in ``pictures``."""

    pictures: Pictures

    def draw(self, drawing: Drawing, pdf: Callable[[], bytes]) -> bytes:
        """The PNG ``drawing`` asks for; ``pdf`` reads the page's PDF, called only when the
        picture is not kept yet."""
        ...

    def close(self) -> None: ...


class InPlace:
    """Pictures drawn in the calling thread."""

    def __init__(self, pictures: Pictures) -> None:
        self.pictures = pictures

    def draw(self, drawing: Drawing, pdf: Callable[[], bytes]) -> bytes:
        found = draw(drawing, self.pictures, None)
        if found is None:
            found = draw(drawing, self.pictures, pdf())
        assert found is not None
        return found

    def close(self) -> None:
        return None


class Apart:
    """Pictures drawn in ``processes`` processes of their own (started at once, in the
    background, so the first picture does not wait for them; each with its own kept pictures
    in memory over the same folder), at ``NICENESS``."""

    def __init__(self, pictures: Pictures, processes: int) -> None:
        self.pictures = pictures
        self.processes = processes
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        pool = self._started()
        for _ in range(processes):
            pool.submit(_ready)

    def draw(self, drawing: Drawing, pdf: Callable[[], bytes]) -> bytes:
        known = self.pictures.folder_holds(drawing.key)
        found = self._run(drawing, None if known else pdf())
        if found is None:  # the kept file went away in between
            found = self._run(drawing, pdf())
        assert found is not None
        return found

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, drawing: Drawing, pdf: bytes | None) -> bytes | None:
        """``draw`` in a drawing process; a process found dead is replaced and the picture
        tried once more in a fresh one; dead again, the page itself stops the engine."""
        for _ in (1, 2):
            pool = self._started()
            try:
                return pool.submit(_draw_apart, drawing, pdf).result()
            except BrokenProcessPool:
                self._discard(pool)
        raise DocumentError(
            f"page {drawing.index + 1} could not be drawn: the PDF engine stopped on it"
        )

    def _discard(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.shutdown(wait=False, cancel_futures=True)

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    self.processes,
                    mp_context=get_context("spawn"),
                    initializer=_start,
                    initargs=(self.pictures.folder, self.pictures.memory),
                )
            return self._pool


#: A drawing process's kept pictures (``_start``).
_KEPT: Pictures | None = None


def _start(folder: Path, memory: int) -> None:
    global _KEPT
    _KEPT = Pictures(folder, memory)
    os.nice(NICENESS)


def _ready() -> None:
    """Nothing, once the engine is loaded: what starts a drawing process ahead of its work."""
    import pymupdf  # noqa: F401


def _draw_apart(drawing: Drawing, pdf: bytes | None) -> bytes | None:
    """``draw`` in a drawing process; what the engine raises comes back as one line (its
    own exceptions may not survive the way back between processes)."""
    assert _KEPT is not None, "a drawing process starts with _start"
    try:
        return draw(drawing, _KEPT, pdf)
    except Exception as exc:
        raise DocumentError(f"page {drawing.index + 1} could not be drawn: {exc}") from None
