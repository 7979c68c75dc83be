"""A small cache of recent results in the server's memory, bounded by the bytes it holds.

What goes in is a pure function of its key (a file's SHA-256 and the exact redactions made to
it), so an entry is never stale: a change to the record makes another key. Thread-safe, as the
web app's requests run on a pool of threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class Recent:
    """Least recently used entries dropped first once the bytes held pass ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._held: OrderedDict[Hashable, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        with self._lock:
            found = self._held.get(key)
            if found is not None:
                self._held.move_to_end(key)
            return found

    def put(self, key: Hashable, data: bytes) -> None:
        if len(data) > self.limit:
            return
        with self._lock:
            old = self._held.pop(key, None)
            self._size -= len(old) if old is not None else 0
            self._held[key] = data
            self._size += len(data)
            while self._size > self.limit:
                _, dropped = self._held.popitem(last=False)
                self._size -= len(dropped)

    def __len__(self) -> int:
        return len(self._held)
