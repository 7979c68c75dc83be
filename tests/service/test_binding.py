"""A workspace is private to its holder and bound to its own database."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from clawback.domain.errors import StorageError
from clawback.service import Workspace


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_workspace_and_its_database_are_private(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    Workspace.init(root).close()
    assert mode(root) == 0o700 and mode(root / "files") == 0o700
    assert mode(root / "clawback.db") == 0o600
    assert mode(root / "workspace.id") == 0o600


def test_a_folder_opened_with_another_database_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    Workspace.init(first).close()
    Workspace.init(second).close()
    other = f"sqlite:///{second / 'clawback.db'}"
    with pytest.raises(StorageError, match="open the folder with its own database"):
        Workspace.open(first, other)
    ids = {(p / "workspace.id").read_text().strip() for p in (first, second)}
    assert len(ids) == 2


def test_a_new_folder_given_a_database_in_use_is_refused(tmp_path: Path) -> None:
    Workspace.init(tmp_path / "a").close()
    used = f"sqlite:///{tmp_path / 'a' / 'clawback.db'}"
    with pytest.raises(StorageError, match="already holds workspace"):
        Workspace.init(tmp_path / "fresh", used)
    assert not (tmp_path / "fresh" / "workspace.id").exists()


def test_an_emptied_trail_is_named(tmp_path: Path) -> None:
    """The trail's first entry is written when the workspace is made: none left is a wipe."""
    ws = Workspace.init(tmp_path / "ws")
    try:
        record = ws.operator()
        assert record.audit.verify() == []
        with ws.engine.begin() as conn:
            conn.exec_driver_sql("delete from audit")
            conn.exec_driver_sql(
                "update audit_head set seq = 0, hash = '" + "0" * 64 + "', mac = null"
            )
        assert any("every entry was deleted" in p.message for p in record.audit.verify())
    finally:
        ws.close()
