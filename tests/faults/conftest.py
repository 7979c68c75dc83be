"""What the fault tests share: the reference case's record up to the filing (built once per run
and copied for each test: the workspace id and the database travel together, and the audit keys in
``CLAWBACK_KEYS`` are keyed by that id), the command line, a picture of a folder by content,
and a small tmpfs to fill (root only)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from clawback.cli import app
from clawback.demo.run import reference_case, stages
from clawback.service import Workspace
from clawback.service.delivery import STAGE_PREFIX
from clawback.service.workspace import DATABASE
from tests.once import once_per_run

runner = CliRunner()

#: The stage of the reference case after which everything is ready to file.
READY_TO_FILE = "sealing decided and deadlines computed"


@pytest.fixture(scope="session")
def ready_to_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed workspace holding the reference case up to the filing: produced, clawed back,
    reviewed, ruled, sealed, deadlines computed; made once per run, for both test processes
    (`tests.once`). Copy it (``copy_workspace``), never use it."""
    return once_per_run(tmp_path_factory, "ready-to-file", _ready_to_file) / "ws"


def _ready_to_file(folder: Path) -> None:
    root = folder / "ws"
    workspace = Workspace.init(root)
    try:
        flow = stages(workspace, reference_case(), folder / "unused")
        for stage in flow:
            if stage == READY_TO_FILE:
                break
        else:  # pragma: no cover - the demo changed
            pytest.fail(f"the reference case has no stage {READY_TO_FILE!r}")
        flow.close()
    finally:
        workspace.close()  # the last connection closed: the WAL is checkpointed into the file
    assert not (folder / "unused").exists()


def copy_workspace(template: Path, dest: Path) -> Path:
    shutil.copytree(template, dest)
    return dest


def cli(ws: Path, *args: str) -> Result:
    return runner.invoke(app, [*args, "-w", str(ws)])


def one_line_error(result: Result) -> str:
    """The failure's message, asserting it is one line and exit status 1."""
    lines = result.output.strip().splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return lines[0]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` by its path relative to it, with its SHA-256."""
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): sha256(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def leftovers(root: Path) -> list[str]:
    """Temporary files and stage folders anywhere under ``root``."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.name.startswith(STAGE_PREFIX)
        or (p.name.startswith(".") and p.name.endswith(".tmp"))
        or p.name.startswith(".tmp-")
    )


def same_database(before: tuple[str, list[str]], ws: Path) -> None:
    """The database is as ``database_dump`` found it before: its content and its file."""
    sha, rows = database_dump(ws)
    gone, added = sorted(set(before[1]) - set(rows)), sorted(set(rows) - set(before[1]))
    assert (gone, added) == ([], []), "the database changed"
    assert sha == before[0], "the database file changed"


def database_dump(ws: Path) -> tuple[str, list[str]]:
    """The database file's SHA-256, and its content: the schema and every row of every stored
    table (what the WAL holds included). A full-text index's virtual table is read through its
    shadow tables, which hold all it keeps (a contentless one cannot be read row by row)."""
    connection = sqlite3.connect(f"file:{ws / DATABASE}?mode=ro", uri=True)
    try:
        schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        dump = [repr(row) for row in schema]
        stored = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).fetchall()
        for (name,) in stored:
            rows = connection.execute(f'SELECT * FROM "{name}"')
            dump.extend(f"{name}: {row!r}" for row in rows)
    finally:
        connection.close()
    return sha256(ws / DATABASE), dump


# -- a small disk to fill ---------------------------------------------------------------------


def _mount(folder: Path, kib: int) -> None:
    if os.geteuid() != 0:
        pytest.skip("!!! DISK-FULL NOT TESTED: mounting a tmpfs needs root !!!")
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={kib}k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"!!! DISK-FULL NOT TESTED: mount -t tmpfs failed: {done.stderr.strip()} !!!")


def grow(folder: Path, kib: int) -> None:
    """The tmpfs on ``folder`` made ``kib`` KiB large, its files kept: room made on a full disk."""
    done = subprocess.run(
        ["mount", "-o", f"remount,size={kib}k", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _umount(folder: Path) -> None:
    done = subprocess.run(["umount", str(folder)], capture_output=True, check=False)
    if done.returncode != 0:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


Mount = Callable[[Path, int], Path]


@pytest.fixture
def tmpfs() -> Iterator[Mount]:
    """``tmpfs(folder, kib)``: a tmpfs of ``kib`` KiB mounted on ``folder``, unmounted after
    the test."""
    mounted: list[Path] = []

    def mount(folder: Path, kib: int) -> Path:
        _mount(folder, kib)
        mounted.append(folder)
        return folder

    try:
        yield mount
    finally:
        for folder in reversed(mounted):
            _umount(folder)


def free_bytes(folder: Path) -> int:
    stat = os.statvfs(folder)
    return stat.f_bavail * stat.f_frsize


def leave_free(folder: Path, wanted: int, name: str = "ballast.bin") -> Path:
    """Fill ``folder``'s file system with one file until about ``wanted`` bytes are free."""
    ballast = folder / name
    size = max(0, free_bytes(folder) - wanted) // 4096 * 4096
    with open(ballast, "wb") as out:
        out.write(os.urandom(size))
    assert abs(free_bytes(folder) - wanted) <= 8192, (free_bytes(folder), wanted)
    return ballast
