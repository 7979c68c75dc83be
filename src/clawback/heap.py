"""The garbage collector during long batch work: what the process held before is not walked again.

CPython's cyclic collector walks, on each full collection, every object the process holds. A
production holds some 190,000 long-lived objects before its first page (the interpreter's
modules, SQLAlchemy's mappers, PyMuPDF's bindings), none of which becomes garbage during it,
and its per-page work (a page's glyphs, the dicts of its text) starts full collections over
and over: in ``benchmarks/production_steps.py`` the collector took 15% of a verified
production's CPU, two thirds of it walking that old heap again.

`settled()` freezes what the process holds when the work begins (`gc.freeze`: the collector
skips those objects from then on) and puts them back when the outermost `settled` block ends
(`gc.unfreeze`); garbage made inside is collected as before, but the youngest generation is
collected after `YOUNG` allocations rather than 700 (most of a page's objects are freed by
their count before then, so far fewer are walked; the collector's share fell from 15% to 2%).
Blocks nest, across threads too (a web server's requests): only the last to end unfreezes and
puts the thresholds back.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["settled"]

#: Allocations (less deallocations) after which the youngest generation is collected, inside.
YOUNG = 20_000

_lock = threading.Lock()
_depth = 0
_thresholds = gc.get_threshold()


@contextmanager
def settled() -> Iterator[None]:
    """Long batch work inside: the objects held on entry are not walked by the collector."""
    global _depth, _thresholds
    with _lock:
        if _depth == 0:
            gc.freeze()
            _thresholds = gc.get_threshold()
            gc.set_threshold(max(YOUNG, _thresholds[0]), *_thresholds[1:])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_thresholds)
                gc.unfreeze()
