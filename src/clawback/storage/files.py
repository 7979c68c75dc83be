"""The content-addressed file store: every original and derivative, named by its sha256.

A file is written under a temporary name in its final folder, flushed to disk, then renamed
into place, so a reader never sees half a file. The temporary name says which process of which
machine writes it (``.tmp-HOST-PID-…``): what a process killed mid-write leaves behind is
recognised as such, and `sweep` removes it once that process is gone.
"""

from __future__ import annotations

import hashlib
import os
import socket
import tempfile
from pathlib import Path

from clawback.domain.errors import StorageError


class StoreCorrupt(StorageError):
    """A stored file no longer hashes to its name."""


class FileStore:
    """Files under ``root/ab/cdef...``; writes are atomic, reads re-check the hash."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes) -> str:
        return self.put_new(data)[0]

    def put_new(self, data: bytes) -> tuple[str, bool]:
        """Store ``data``; returns its sha256 and whether this call wrote it (False: it was
        there already)."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256, False
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=_writing_prefix())
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            Path(tmp).unlink(missing_ok=True)
            raise StorageError(f"the file store could not keep a file ({exc.strerror})") from None
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256, True

    def discard(self, sha256: str) -> None:
        """Remove a file this process stored for a unit of work that did not commit."""
        self.path(sha256).unlink(missing_ok=True)

    def get(self, sha256: str) -> bytes:
        target = self.path(sha256)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise StorageError(f"file {sha256[:12]} is missing from the store") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreCorrupt(f"file {sha256[:12]} in the store no longer matches its hash")
        return data

    def __contains__(self, sha256: object) -> bool:
        return isinstance(sha256, str) and self.path(sha256).exists()

    def sweep(self) -> int:
        """Remove the unfinished writes that processes of this machine left when they died
        (killed mid-write); returns how many. A write of a live process, of another machine,
        or of unknown origin is left alone."""
        removed = 0
        if not self.root.exists():
            return 0
        for path in self.root.glob("??/.tmp-*"):
            owner = _writer(path.name)
            if owner is None or owner[0] != _host() or _alive(owner[1]):
                continue
            path.unlink(missing_ok=True)
            removed += 1
        return removed


def _host() -> str:
    return socket.gethostname().replace("-", "_") or "host"


def _writing_prefix() -> str:
    return f".tmp-{_host()}-{os.getpid()}-"


def _writer(name: str) -> tuple[str, int] | None:
    """(host, pid) of the process writing the temporary file `name`, if its name says."""
    parts = name.removeprefix(".tmp-").rsplit("-", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return None
    return parts[0], int(parts[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
