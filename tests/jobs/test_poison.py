"""A poison step (one that fails every time it runs) does not loop for ever: it runs a bounded
number of times, then is recorded as failed with a one-line reason, and the worker goes on.

Through the local pool (in this process) and through a real Celery worker of two processes
(``python -m tests.jobs.poison worker``: ``clawback worker`` with the poison steps of
``tests/jobs/poison.py``), where a step that kills its own process would otherwise be put back
on the queue for ever by ``task_reject_on_worker_lost``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.jobs import FAULT_RETRIES, STEPS, Outcome, Step, run_local
from clawback.jobs.local import DEATHS
from tests.jobs import poison
from tests.jobs.conftest import collection

ROOT = Path(__file__).resolve().parents[2]
SQLITE_ONLY = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@SQLITE_ONLY
def test_the_local_pool_gives_a_failing_step_up_after_bounded_runs_in_one_line(
    workspace_root: Path, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(STEPS, "poison-raise", poison.poison_raise)
    ran = tmp_path / "ran"
    found: list[tuple[Step, Outcome]] = []
    steps = [Step("poison-raise", {"path": str(ran)})]
    run_local(workspace_root, database_url, steps, 1, lambda step, o: found.append((step, o)))
    [(_, outcome)] = found
    assert outcome.refused
    assert outcome.lines == (
        f"{ran}: failed {FAULT_RETRIES + 1} times, not run again: "
        "RuntimeError: the step's own fault",
    )
    assert poison.runs(ran) == FAULT_RETRIES + 1


@SQLITE_ONLY
def test_the_local_pool_gives_up_a_step_whose_process_dies_after_three_deaths_in_one_line(
    workspace_root: Path, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step that kills its own process (SIGKILL) breaks the pool; it is run again in a fresh
    pool, and after `DEATHS` deaths reported failed in one line; the steps beside it finish."""
    monkeypatch.setitem(STEPS, "poison-kill", poison.poison_kill)
    killed = tmp_path / "killed"
    files = sorted(collection(tmp_path / "in", 2, 1).iterdir())
    steps = [Step("poison-kill", {"path": str(killed)}), *map(Step.ingest, files)]
    found: dict[str, Outcome] = {}
    run_local(workspace_root, database_url, steps, 2, lambda st, o: found.update({st.subject: o}))
    assert found[str(killed)].refused
    assert found[str(killed)].lines == (
        f"{killed}: failed, not run again: its worker process was lost {DEATHS} times running it",
    )
    # each death laid at it ran it alone; once at most it was lost beside another step
    assert DEATHS <= poison.runs(killed) <= DEATHS + 1
    assert [found[str(f)].refused for f in files] == [False, False]
    assert all("(ingested)" in found[str(f)].lines[0] for f in files)


@SQLITE_ONLY
def test_a_step_whose_process_died_after_its_work_runs_again_and_its_effect_happens_once(
    workspace_root: Path, database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run of a step ingests its file, then its process is killed before the pool
    hears of it: the step runs again in a fresh pool, finds the file in the record, and
    nothing is there twice (document, page, signature, audit entry); its signature steps
    follow it as if nothing had happened."""
    from sqlalchemy import func, select

    from clawback.service import Workspace
    from clawback.storage import tables as t

    monkeypatch.setitem(STEPS, "ingest-then-die", poison.ingest_then_die)
    ran = tmp_path / "ran"
    files = sorted(collection(tmp_path / "in", 3, 2).iterdir())
    steps = [
        Step("ingest-then-die", {"path": str(files[0]), "ran": str(ran)}),
        *map(Step.ingest, files[1:]),
    ]
    found: list[tuple[Step, Outcome]] = []
    run_local(workspace_root, database_url, steps, 2, lambda st, o: found.append((st, o)))
    assert poison.runs(ran) == 2  # killed once, then done
    assert [o.lines for _, o in found if o.refused] == []
    assert (
        sorted(st.name for st, _ in found) == ["ingest", "ingest", "ingest-then-die"] + ["sign"] * 3
    )  # each document's signature step once, the died step's too
    ws = Workspace.open(workspace_root, database_url)
    try:
        with ws.operator().transaction() as s:
            docs = s.scalar(select(func.count()).select_from(t.Document))
            pages = s.scalar(select(func.count()).select_from(t.Page))
            signed = s.scalar(select(func.count()).select_from(t.PageSignature))
            ingests = s.scalars(select(t.Audit.subject).where(t.Audit.action == "ingest")).all()
        assert (docs, pages, signed) == (3, 6, 6)
        assert len(ingests) == len(set(ingests)) == 3
        assert ws.operator().audit.verify() == []
    finally:
        ws.close()


@pytest.fixture
def poison_worker(
    workspace_root: Path, redis_broker: str, database_env: str, tmp_path: Path
) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """A real two-process Celery worker for the workspace that also knows the poison steps."""
    log = tmp_path / "worker.log"
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    }
    command = [sys.executable, "-m", "tests.jobs.poison", "worker", "-w", str(workspace_root)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*command, "--broker", redis_broker, "--concurrency", "2"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
    try:
        yield proc, log
    finally:
        proc.terminate()
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck worker
            proc.kill()
            proc.wait()


@pytest.mark.slow
@SQLITE_ONLY
def test_a_poison_task_is_recorded_as_failed_not_redelivered_for_ever(
    poison_worker: tuple[subprocess.Popen[bytes], Path],
    workspace_root: Path,
    redis_broker: str,
    tmp_path: Path,
) -> None:
    from clawback.jobs import queue
    from clawback.service import Workspace

    proc, log = poison_worker
    ws = Workspace.open(workspace_root)
    app = queue.celery_app(redis_broker)
    raised, killed = tmp_path / "raised", tmp_path / "killed"
    [good] = list(collection(tmp_path / "in", 1, 1).iterdir())
    steps = [
        Step("poison-raise", {"path": str(raised)}),
        Step("poison-kill", {"path": str(killed)}),
        Step.ingest(good),
    ]
    ids = queue.submit(app, ws.id, steps)
    outcomes = queue.wait(app, ids)
    said = log.read_text(errors="replace")

    by_raise, by_kill, by_ingest = (outcomes[i] for i in ids)
    assert by_raise.refused
    assert by_raise.lines == (
        f"{raised}: failed {FAULT_RETRIES + 1} times, not run again: "
        "RuntimeError: the step's own fault",
    )
    assert poison.runs(raised) == FAULT_RETRIES + 1
    assert by_kill.refused
    assert by_kill.lines == (
        f"{killed}: failed, not run again: its worker process was lost "
        f"{queue.DELIVERIES} times running it",
    )
    assert poison.runs(killed) == queue.DELIVERIES
    assert said.count("WorkerLostError") >= queue.DELIVERIES, said[-3000:]
    assert not by_ingest.refused and "(ingested)" in by_ingest.lines[0]
    assert proc.poll() is None  # the worker itself carried on
    ws.close()
