"""Workspaces tests start from, made once per test process and copied for each test on SQLite.

`Workspace.init` gives an empty database the newest schema at once (``storage.head_schema``:
a fiftieth of a second, where running every migration took a fifth), but loading the reference
case reads its YAML, and a fixture's ingest and production OCR and stamp its files: the suite
starts hundreds of these, each the same. On SQLite such a start is made once per test process
(`template`) and each test gets a copy of its own (`copy_workspace`), closed when made, so the
WAL is in the database file. On PostgreSQL each test's empty schema is set up from scratch (a
schema is not copied).

A copy keeps the template's workspace id (the folder's id file and the database's binding
travel together) and so finds the same audit key in ``CLAWBACK_KEYS``. A test about making a
workspace, or one that needs workspaces with ids of their own, calls `Workspace.init`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from clawback.demo.run import reference_case
from clawback.service import Record, Workspace
from clawback.service.workspace import DATABASE, URL_SETTING

#: Where this process keeps its templates: set once per process by ``tests.conftest``.
TEMPLATES: list[Path] = []
_MADE: dict[str, Path] = {}

Build = Callable[[Path], Record]


def on_sqlite(url: str | None) -> bool:
    """Whether a workspace given ``url`` (None: the default) keeps its record in SQLite."""
    url = url or os.environ.get(URL_SETTING)
    return url is None or make_url(url).get_backend_name() == "sqlite"


def template(name: str, build: Build) -> Path:
    """The closed SQLite workspace ``build(root)`` makes, made on first use in this process."""
    if name not in _MADE:
        root = TEMPLATES[0] / name / "ws"
        build(root).ctx.workspace.close()  # the last connection: the WAL checkpointed
        wal = root / f"{DATABASE}-wal"
        assert not wal.exists() or not wal.stat().st_size, wal
        _MADE[name] = root
    return _MADE[name]


def copy_workspace(made: Path, root: Path, url: str | None = None) -> Record:
    """A copy of the closed workspace ``made`` at ``root``, its database at ``url`` (SQLite; by
    default in the folder), opened as the operator."""
    database = root / DATABASE if url is None else Path(str(make_url(url).database))
    shutil.copytree(made, root, ignore=shutil.ignore_patterns(f"{DATABASE}*"))
    shutil.copy2(made / DATABASE, database)  # its mode (0600) too
    return Workspace.open(root, url).operator()


def loaded(root: Path, url: str | None = None) -> Record:
    """A new workspace holding the reference case's matter and order, and nothing else."""
    record = Workspace.init(root, url).operator()
    record.matter.load_case(reference_case())
    return record


def start(root: Path, url: str | None = None) -> Record:
    """`loaded`: on SQLite a copy of one made once per process."""
    if on_sqlite(url):
        return copy_workspace(template("loaded", loaded), root, url)
    return loaded(root, url)
