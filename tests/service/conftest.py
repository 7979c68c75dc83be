"""The workspace most service tests start from: the reference case's matter and order, on
SQLite and on PostgreSQL (see `database_url`), and nothing else yet (`tests.started`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Workspace
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws", database_url)
    yield workspace
    workspace.close()
