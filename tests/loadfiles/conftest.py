"""The receiving side's counsel in a workspace holding the reference case: who imports a
volume the producing side sent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.service import Workspace
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """On each backend: for what the import stores."""
    workspace = _receiving_counsel(tmp_path, database_url)
    yield workspace
    workspace.close()


@pytest.fixture
def sqlite_ws(tmp_path: Path) -> Iterator[Workspace]:
    """On the embedded default alone: for what the import reads from the load files, which no
    backend changes (the natives' LibreOffice run is most of such a test's time)."""
    workspace = _receiving_counsel(tmp_path, None)
    yield workspace
    workspace.close()


def _receiving_counsel(tmp_path: Path, url: str | None) -> Workspace:
    workspace = start(tmp_path / "ws", url)  # `tests.started`
    workspace.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
    return workspace.ctx.workspace.person("rc@other.test")
