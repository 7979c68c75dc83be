"""The content-addressed file store: every original and derivative, named by its sha256."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from clawback.domain.errors import NotFound


class StoreCorrupt(RuntimeError):
    """A stored file no longer hashes to its name."""


class FileStore:
    """Files under ``root/ab/cdef...``; writes are atomic, reads re-check the hash."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes) -> str:
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256

    def get(self, sha256: str) -> bytes:
        target = self.path(sha256)
        try:
            data = target.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"file {sha256[:12]} is missing from the store") from None
        if hashlib.sha256(data).hexdigest() != sha256:
            raise StoreCorrupt(f"file {sha256[:12]} in the store no longer matches its hash")
        return data

    def __contains__(self, sha256: object) -> bool:
        return isinstance(sha256, str) and self.path(sha256).exists()
