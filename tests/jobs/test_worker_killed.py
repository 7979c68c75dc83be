"""A real Celery worker of two processes (``clawback worker --concurrency 2``) ingests and
produces a generated collection; one of its processes is killed with SIGKILL in the middle of
each. Afterwards the collection and the volume are complete and exact: every file in once,
every page numbered once with no gap, every signature made once, no audit entry twice, the
trail intact and nothing half-written left in the store.

The process killed is the one Celery names as running a step (a started task's ``pid``, or a
production's progress), so the kill lands inside a step; the worker's log shows Celery saw the
process lost with a task on it (``WorkerLostError``), which is the redelivery this is about.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from sqlalchemy import func, select

from clawback.domain.bates import BatesNumber
from clawback.ingest import walk
from clawback.jobs import Step
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.jobs.conftest import collection

pytestmark = pytest.mark.slow

FILES, PAGES = 14, 2


@pytest.fixture
def worker(
    workspace_root: Path, redis_broker: str, database_env: str, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """``clawback worker --concurrency 2`` for the workspace, and its log file."""
    log = tmp_path / "worker.log"
    command = [sys.executable, "-m", "clawback", "worker", "-w", str(workspace_root)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*command, "--broker", redis_broker, "--concurrency", "2"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield proc, log
    finally:
        proc.terminate()  # a warm shutdown: the processes finish and go
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck worker
            proc.kill()
            proc.wait()


def kill_when(app: Any, ids: list[str], ready: Callable[[str, dict[str, Any]], bool]) -> int:
    """SIGKILL the worker process running the first task of ``ids`` whose state meets
    ``ready`` (polling the result store); returns its pid."""
    while True:
        for task_id in ids:
            meta = app.backend.get_task_meta(task_id)
            if isinstance(meta["result"], dict) and ready(meta["status"], meta["result"]):
                pid = int(meta["result"]["pid"])
                os.kill(pid, signal.SIGKILL)
                return pid
        time.sleep(0.05)


def test_a_worker_process_killed_mid_run_loses_nothing_and_duplicates_nothing(
    worker: tuple[subprocess.Popen[bytes], Path],
    workspace_root: Path,
    redis_broker: str,
    tmp_path: Path,
) -> None:
    from clawback.jobs import queue

    proc, log = worker
    files = list(walk([collection(tmp_path / "in", FILES, PAGES)]))
    ws = Workspace.open(workspace_root)
    app = queue.celery_app(redis_broker)
    record = ws.operator()

    # Ingest, one step per file; a process is killed while it runs one of the later files.
    ids = queue.submit(app, ws.id, [Step.ingest(f) for f in files])
    first = kill_when(app, ids[4:], lambda state, _: state == "STARTED")
    outcomes = queue.wait(app, ids)
    assert [o.lines for o in outcomes.values() if o.refused] == []
    asked = [outcomes[i] for i in ids]
    controls = [line.rsplit(": ", 1)[1].split(" ")[0] for o in asked for line in o.lines]
    assert len(set(controls)) == FILES

    # Produce them as one volume; a process is killed once it has committed a document.
    total = FILES * PAGES
    [produce] = queue.submit(app, ws.id, [Step.produce(controls, "VOL001", "KIL-00000001")])
    second = kill_when(
        app,
        [produce],
        lambda state, info: state == "PROGRESS" and 0 < int(info["done"]) < total,
    )
    [outcome] = queue.wait(app, [produce]).values()
    assert outcome.lines == (f"VOL001: KIL-00000001-KIL-{total:08d} ({total} pages)",)

    said = log.read_text(errors="replace")
    for pid in (first, second):  # Celery saw each process lost with a task on it
        assert f"pid:{pid} exited with 'signal 9 (SIGKILL)'" in said, said[-3000:]
    assert said.count("WorkerLostError") >= 2, said[-3000:]
    assert proc.poll() is None  # the worker itself carried on

    with record.transaction() as s:
        docs = s.scalars(select(t.Document).order_by(t.Document.id)).all()
        assert sorted(d.control for d in docs) == sorted(controls)
        assert len({d.original for d in docs}) == FILES  # every file once
        assert sorted(d.title for d in docs) == sorted(f.name for f in files)
        bates = s.scalars(select(t.Page.bates).order_by(t.Page.bates)).all()
        assert [str(b) for b in bates] == [
            str(BatesNumber("KIL-", n, 8)) for n in range(1, total + 1)
        ]
        [volume] = s.scalars(select(t.Production)).all()
        assert (volume.state, str(volume.first), str(volume.last)) == (
            "complete",
            "KIL-00000001",
            f"KIL-{total:08d}",
        )
        signatures = s.scalar(select(func.count()).select_from(t.PageSignature))
        bands = s.scalar(select(func.count()).select_from(t.SignatureBand))
        unsigned = s.scalar(select(func.count()).select_from(t.UnsignedPage))
        actions = s.execute(
            select(t.Audit.action, t.Audit.subject, func.count()).group_by(
                t.Audit.action, t.Audit.subject
            )
        ).all()
        produced = {d.control: d.produced for d in docs}
    assert (signatures, bands, unsigned) == (total, total * 32, 0)
    counted: dict[str, int] = {}
    for action, subject, count in actions:
        counted[action] = counted.get(action, 0) + count
        if action not in ("produce.resume", "record.change"):
            assert count == 1, (action, subject, count)
    assert counted["ingest"] == FILES
    assert counted["produce.open"] == counted["produce"] == 1
    assert counted["record.change"] == FILES  # each document's numbers committed once
    assert record.audit.verify() == []

    # Each produced file is whole and carries its own numbers, in the volume's order.
    numbered = []
    for control in controls:
        sha = produced[control]
        assert sha is not None
        with pymupdf.open(stream=ws.files.get(sha)) as pdf:
            numbered += [page.get_text() for page in pdf]
    assert len(numbered) == total
    for n, text in enumerate(numbered, start=1):
        assert f"KIL-{n:08d}" in text
    assert not [p for p in (workspace_root / "files").rglob(".tmp-*")]
    ws.close()
