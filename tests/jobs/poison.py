"""``python -m tests.jobs.poison worker ...``: ``clawback`` with two poison steps added, for the
tests of a step that fails every time it runs. Each writes a line to the file it is given (how
many times it ran), then fails: ``poison-raise`` by an exception of its own, ``poison-kill`` by
killing its worker process with SIGKILL (as the out-of-memory killer would)."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from clawback.jobs import STEPS, Outcome


def _ran(path: str) -> None:
    with open(path, "a") as out:
        out.write(f"{os.getpid()}\n")


def poison_raise(_record: Any, _progress: Any, *, path: str) -> Outcome:
    _ran(path)
    raise RuntimeError("the step's own fault\nand a second line never shown")


def poison_kill(_record: Any, _progress: Any, *, path: str) -> Outcome:
    _ran(path)
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


def ingest_then_die(record: Any, progress: Any, *, path: str, ran: str) -> Outcome:
    """Ingest the file at ``path`` (the ``ingest`` step itself), then, the first time only,
    kill this process before the runner hears of it: its effect is committed, its report
    lost, as when a worker dies between the two."""
    outcome = STEPS["ingest"](record, progress, path=path, kind=None, custodian="")
    first = runs(Path(ran)) == 0
    _ran(ran)
    if first:
        os.kill(os.getpid(), signal.SIGKILL)
    return outcome


def runs(path: Path) -> int:
    """How many times the poison step writing to ``path`` ran."""
    return len(path.read_text().splitlines()) if path.exists() else 0


def register() -> None:
    STEPS["poison-raise"] = poison_raise
    STEPS["poison-kill"] = poison_kill


if __name__ == "__main__":
    register()
    from clawback.cli import app

    app()
