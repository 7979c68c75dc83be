"""The scratch folders LibreOffice converts in: each marked with the process that made it, and
those of a process that is gone swept away when the next one is made.

A conversion killed with its process (``kill -9``, a power cut) left its folder behind in the
system's temporary folder: readable only by its user (0700), but holding copies of the
documents converted, for good. A folder is swept only when the process its mark names no
longer runs, so no conversion running beside this one (another worker, another workspace)
loses its folder; a folder with no mark (an older version's, or one whose mark was never
written) is swept once it is a day old."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PREFIX = "clawback-convert-"
#: The file in each scratch folder naming the process that made it.
MARK = ".owner"
#: An unmarked scratch folder older than this (seconds) is swept.
UNMARKED_AGE = 24 * 3600


@contextlib.contextmanager
def folder() -> Iterator[Path]:
    """A new scratch folder, marked with this process and removed when done (as
    ``tempfile.TemporaryDirectory``); the folders of processes gone are swept first."""
    sweep()
    with tempfile.TemporaryDirectory(prefix=PREFIX) as made:
        work = Path(made)
        (work / MARK).write_text(str(os.getpid()), encoding="ascii")
        yield work


def sweep(where: Path | None = None) -> list[Path]:
    """Remove the scratch folders in ``where`` (the system's temporary folder) that this user
    owns and whose process is gone; returns them."""
    base = Path(where or tempfile.gettempdir())
    swept = []
    for path in base.glob(f"{PREFIX}*"):
        try:
            if not path.is_dir() or path.is_symlink() or path.stat().st_uid != os.getuid():
                continue
            if _left(path):
                shutil.rmtree(path, ignore_errors=True)
                swept.append(path)
        except OSError:
            continue  # gone meanwhile, or not ours to read
    return swept


def _left(path: Path) -> bool:
    """Whether the process that made ``path`` is gone (or, unmarked, it is a day old)."""
    try:
        pid = int((path / MARK).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return time.time() - path.stat().st_mtime > UNMARKED_AGE
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # a process of another user runs under that number
    return False
