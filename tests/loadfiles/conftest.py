"""The receiving side's counsel in a workspace holding the reference case: who imports a
volume the producing side sent."""

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
    workspace.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
    workspace = workspace.ctx.workspace.person("rc@other.test")
    yield workspace
    workspace.close()
