"""Files delivered outside the workspace: written whole, never over what clawback did not make.

Every output (an export, a filing package, a privilege log, a bench memo, a page image, an
audit export) is written here. A file goes to a temporary name beside its target, is flushed to
disk, and is renamed over the target, so a reader or a crash never leaves half a file in place.
The rename waits until the unit of work that records the file has committed (``writing``), and
the writing does not: a full disk fails the output before the record says it was delivered.
A target that exists is replaced only if clawback made it (the workspace's ``output`` table
holds each delivered file's path and SHA-256) and it is unchanged since; anything else there is
the user's, and the output is refused in one line. A target inside the workspace is refused:
an output must never overwrite the record.

A package (``sealed/``, ``highlighted/``, ``public/``) is staged whole in a ``.clawback-stage-*``
folder beside its target and swapped in folder by folder after a journal (``READY``) says the
stage is complete. A run killed before the journal leaves a stage the next run removes; one
killed during the swap leaves a stage the next run finishes. So a package is never half old,
half new for longer than until the next run, and no staged copy of sealed material lingers.
The record names the new files from its commit, before the swap: a run stopped in between
leaves the previous package in place, which the next run may still replace, its files being
filings clawback made and keeps in its store.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.errors import ClawbackError, StorageError
from clawback.storage import tables as t
from clawback.storage.folders import make_folder

STAGE_PREFIX = ".clawback-stage-"
JOURNAL = "READY"


def outside(workspace: Path, target: Path) -> Path:
    """``target`` made absolute, refused if it lies in the workspace."""
    where = target.expanduser().resolve()
    home = workspace.resolve()
    if where == home or home in where.parents:
        raise ClawbackError(f"{target}: outputs may not be written inside the workspace ({home})")
    return where


def sha256_of(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def ours(s: Session, path: Path) -> bool:
    """Whether the file at ``path`` is one clawback delivered and nobody changed since."""
    row = s.scalar(select(t.Output).where(t.Output.path == str(path)))
    return row is not None and row.sha256 == sha256_of(path)


def check_replaceable(s: Session, path: Path) -> None:
    if path.is_dir():
        raise ClawbackError(f"{path} is a folder: choose a file name")
    if path.exists() and not ours(s, path):
        raise ClawbackError(
            f"{path} exists and clawback did not make it: move it or choose another"
        )


def record(s: Session, path: Path, data: bytes) -> None:
    row = s.scalar(select(t.Output).where(t.Output.path == str(path))) or t.Output(path=str(path))
    row.sha256 = hashlib.sha256(data).hexdigest()
    row.at = datetime.now(UTC).replace(tzinfo=None)
    s.add(row)


def write_whole(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary name beside it; nothing partial stays."""
    with writing() as write:
        write(path, data)


@contextmanager
def writing() -> Iterator[Callable[[Path, bytes], None]]:
    """``write(path, data)`` writes a file whole under a temporary name beside ``path`` at
    once; every file written goes in place when the block ends without an error, and none
    otherwise. Open it around the unit of work that records the files: they are written (and
    a full disk refuses them) before it commits, and put in place only after."""
    ready: list[tuple[Path, Path]] = []

    def write(path: Path, data: bytes) -> None:
        staging = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        ready.append((staging, path))
        make_folder(path.parent)
        try:
            with open(staging, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise StorageError(f"{path}: could not be written ({exc.strerror or exc})") from None

    try:
        yield write
        for staging, path in ready:
            try:
                os.replace(staging, path)
            except OSError as exc:
                raise StorageError(
                    f"{path}: could not be written ({exc.strerror or exc})"
                ) from None
    finally:
        for staging, _ in ready:
            with suppress(OSError):  # never there when its folder could not be made
                staging.unlink()


# -- packages --------------------------------------------------------------------------------


def finish_stages(out: Path) -> None:
    """Remove the stages a killed run left in ``out``; finish the swap of a complete one. A
    stage of a process still running (on this machine) is left to it."""
    if not out.is_dir():
        return
    for stage in sorted(out.glob(STAGE_PREFIX + "*")):
        owner = stage.name.removeprefix(STAGE_PREFIX).split("-")
        if len(owner) == 3 and owner[0] == _host() and _alive(int(owner[1] or 0)):
            continue
        journal = stage / JOURNAL
        if journal.exists():
            _swap(out, stage, json.loads(journal.read_text("utf-8")))
        shutil.rmtree(stage, ignore_errors=True)


def check_package(s: Session, out: Path, kinds: list[str]) -> None:
    """Each folder the package replaces may hold only files clawback delivered, unchanged, or
    filings it made and keeps (those of a package whose swap a stopped run never made)."""
    for kind in kinds:
        folder = out / kind
        if folder.exists() and not folder.is_dir():
            raise ClawbackError(f"{folder} is a file: choose another output folder")
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not ours(s, path) and not _filed(s, path):
                raise ClawbackError(
                    f"{path} is not a file clawback made (or it changed since): the package "
                    f"would replace {folder}; move it or choose another output folder"
                )


def _filed(s: Session, path: Path) -> bool:
    """Whether ``path`` holds, byte for byte, a filing clawback made and keeps in its store."""
    sha = sha256_of(path)
    blob = s.get(t.Blob, sha) if sha is not None else None
    return blob is not None and blob.recipe.startswith("file.")


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A stage folder beside the package's folders; removed unless it was completed."""
    make_folder(out)
    stage = out / f"{STAGE_PREFIX}{_host()}-{os.getpid()}-{uuid.uuid4().hex}"
    (stage / "new").mkdir(parents=True)
    try:
        yield stage
    finally:
        if not (stage / JOURNAL).exists():
            shutil.rmtree(stage, ignore_errors=True)


def complete(out: Path, stage: Path, kinds: list[str]) -> None:
    """Journal the stage as complete, then swap each kind's folder in."""
    write_whole(stage / JOURNAL, json.dumps(kinds).encode())
    _swap(out, stage, kinds)
    shutil.rmtree(stage, ignore_errors=True)


def _swap(out: Path, stage: Path, kinds: list[str]) -> None:
    (stage / "old").mkdir(exist_ok=True)
    for kind in kinds:
        new, old, target = stage / "new" / kind, stage / "old" / kind, out / kind
        if not new.exists():
            continue  # swapped in already
        if target.exists() and not old.exists():
            target.rename(old)
        elif target.exists():
            shutil.rmtree(target)
        new.rename(target)


def files_in(stage: Path) -> Mapping[str, Path]:
    """The staged files by their name relative to the package (``public/ex01_X.pdf``)."""
    root = stage / "new"
    return {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}


def _host() -> str:
    return socket.gethostname().replace("-", "_") or "host"


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
