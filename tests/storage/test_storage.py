"""Storage on both backends: migrations, the schema they make, SQLite's settings, the file store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from clawback.domain.errors import StorageError
from clawback.storage.db import connect, migrate, schema_is_current
from clawback.storage.files import FileStore, StoreCorrupt
from clawback.storage.tables import Base


def test_migrations_make_exactly_the_modelled_schema(database_url: str) -> None:
    engine = connect(database_url)
    assert not schema_is_current(engine)
    migrate(engine)
    migrate(engine)  # a second run is a no-op
    assert schema_is_current(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'w.db'}")
    migrate(engine)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"):
            conn.execute(
                text(
                    "insert into page (document_id, idx, text, sha256, image_sha256) "
                    "values (999, 0, '', '', '[]')"
                )
            )
    engine.dispose()


def test_file_store_is_content_addressed_and_checks_on_read(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put(b"%PDF-1.7 original")
    assert store.put(b"%PDF-1.7 original") == sha
    assert store.get(sha) == b"%PDF-1.7 original"
    assert sha in store and "0" * 64 not in store
    assert not [p for p in store.path(sha).parent.iterdir() if p.name.startswith(".tmp-")]
    os.chmod(store.path(sha), 0o644)
    store.path(sha).write_bytes(b"tampered")
    with pytest.raises(StoreCorrupt, match=sha[:12]):
        store.get(sha)
    with pytest.raises(StorageError, match="missing"):
        store.get("ab" * 32)


def test_sweep_removes_what_a_dead_writer_left_and_nothing_else(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put(b"%PDF-1.7 kept")
    folder = store.path(sha).parent
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = int(gone.stdout)
    host = socket.gethostname().replace("-", "_") or "host"
    dead = folder / f".tmp-{host}-{dead_pid}-abc123_x"
    mine = folder / f".tmp-{host}-{os.getpid()}-def456_y"
    elsewhere = folder / f".tmp-another_machine-{dead_pid}-ghi789_z"
    unknown = folder / ".tmp-legacy1"
    for path in (dead, mine, elsewhere, unknown):
        path.write_bytes(b"")  # empty: killed before its first byte
    assert store.sweep() == 1
    assert not dead.exists()
    assert mine.exists() and elsewhere.exists() and unknown.exists()
    assert store.get(sha) == b"%PDF-1.7 kept"
