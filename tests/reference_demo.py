"""The reference case's demo, run once for the whole test run through the real command
(``python -m clawback demo``), and copies of it for the tests that open its record.

The demo is the suite's most expensive world (every exhibit generated, OCR'd, produced,
clawed back, ruled, sealed and filed, gate and x-ray included): `test_reference_case` reads its
output and the SQLite run of `tests.service.test_claim_lifecycle` reads its record, so it is
made once per run (`tests.once`), not once per module.

Opening the record writes to it (reads are audited), so a test that opens it works on a copy
(`copy_of`); the shared one is only ever read as files.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clawback.demo.run import workspace_for
from tests.once import once_per_run

#: The last date the demo prints (the replacement production): the run went to its end.
LAST_DATE = "2020-07-10"


def run_demo(out: Path) -> subprocess.CompletedProcess[str]:
    """``clawback demo --out OUT`` as a user runs it, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "clawback", "demo", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )


def shared_demo(factory: pytest.TempPathFactory) -> Path:
    """The demo's output folder (its workspace beside it, `workspace_for`), made once per run."""

    def make(folder: Path) -> None:
        made = run_demo(folder / "out")
        assert made.returncode == 0, made.stderr
        assert LAST_DATE in made.stdout

    return once_per_run(factory, "reference-demo", make) / "out"


def copy_of(out: Path, where: Path) -> Path:
    """A copy of the demo's output and its workspace in ``where``, laid out as the demo lays
    them out (``where/out`` and ``workspace_for`` it); the copy's output folder."""
    where.mkdir(parents=True, exist_ok=True)
    copied = where / out.name
    shutil.copytree(out, copied, symlinks=True)
    shutil.copytree(workspace_for(out), workspace_for(copied), symlinks=True)
    return copied
