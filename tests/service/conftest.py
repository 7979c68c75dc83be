"""The workspace most service tests start from: the reference case's matter and order, on
SQLite and on PostgreSQL (see `database_url`), and nothing else yet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path / "ws", database_url).operator()
    workspace.matter.load_case(reference_case())
    yield workspace
    workspace.close()
