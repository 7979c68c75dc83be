"""Steps as Celery tasks: a Redis broker, worker processes on one machine or several.

Configured by one setting, the broker's URL (``CLAWBACK_BROKER``, e.g.
``redis://127.0.0.1:6379/0``); its Redis also keeps each task's state and result. Every step is
the one task ``clawback.step`` (the workspace's id, the step's name, its arguments: JSON only,
never pickle), sent to the workspace's own queue (``clawback-<workspace id>``), so workers of
two workspaces can share a broker and never take each other's steps.

Delivery is at least once, and a step's effect happens once (``jobs.steps``):

- ``acks_late``: a task is acknowledged when it is done, not when it is taken;
- ``task_reject_on_worker_lost``: a worker process killed mid-task (SIGKILL, out of memory)
  puts the task back on the queue, where another process takes it;
- a prefetch of 1: a process holds no task it has not started, so a killed one takes no
  waiting work down with it;
- a step that met another process's write (`StorageError`) is retried a few times.

A poison step (one that fails every time it runs) does not go round the queue for ever: one
that raises a fault of its own (an exception that is no `ClawbackError`) is retried
``FAULT_RETRIES`` times, then recorded as failed in one line; one that takes its worker process
down with it (out of memory on one file, a crash inside a library) would be put back on the
queue by ``task_reject_on_worker_lost`` each time, so each delivery is counted (in the result
backend's Redis: Celery keeps no such count) and the one after ``DELIVERIES`` lost runs is
recorded as failed instead of run.

A worker (``clawback worker``) serves one workspace, opened in each of its processes; it
runs every step as the workspace's operator (``Via.worker`` in the audit trail). Whoever can
write to the broker can therefore act as the operator: keep it private (bound to 127.0.0.1 or
behind a password and TLS). A path in an ingest step is read by the worker that takes it: on
several machines, a path on storage they share.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from celery import Celery, Task

from clawback.domain.actor import Via
from clawback.domain.errors import ClawbackError, StorageError
from clawback.jobs.steps import FAULT_RETRIES, Outcome, Step, failed, run_step
from clawback.service import Workspace

BROKER_SETTING = "CLAWBACK_BROKER"
TASK = "clawback.step"
#: Retries of a step that met another's write.
RETRIES = 5
#: Runs of one attempt of a step whose worker process was lost each time.
DELIVERIES = 3
#: How long Redis keeps a task's result and its count of deliveries.
KEPT = 7 * 24 * 3600


def queue_name(workspace_id: str) -> str:
    return f"clawback-{workspace_id}"


def celery_app(broker: str) -> Celery:
    """A Celery app on ``broker`` with clawback's settings and its one task."""
    app = Celery("clawback", broker=broker, backend=broker, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_accept_content=["json"],
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_track_started=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        result_expires=KEPT,
    )
    app.task(name=TASK, bind=True, max_retries=RETRIES + FAULT_RETRIES)(_step)
    return app


# -- the worker side --------------------------------------------------------------------------


@dataclass
class _Served:
    """The workspace this worker serves, opened once per worker process."""

    root: Path
    url: str | None
    workspace_id: str
    opened: Workspace | None = None
    pid: int = 0

    def workspace(self) -> Workspace:
        if self.opened is None or self.pid != os.getpid():  # a process forked from the main
            self.opened = Workspace.open(self.root, self.url)
            self.pid = os.getpid()
        return self.opened


_served: _Served | None = None


def serve(root: Path, url: str | None, broker: str, concurrency: int) -> None:
    """Run a worker for the workspace at ``root``: ``concurrency`` processes taking its steps
    from ``broker`` until stopped."""
    global _served
    workspace = Workspace.open(root, url)  # refused in one line now, not in every task
    workspace_id = workspace.id
    workspace.close()  # no connection crosses the fork into the worker processes
    _served = _Served(root, url, workspace_id)
    app = celery_app(broker)
    app.worker_main(
        [
            "worker",
            f"--concurrency={concurrency}",
            "--pool=prefork",
            f"--queues={queue_name(workspace_id)}",
            f"--hostname=clawback-{os.getpid()}@%h",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ]
    )


def _step(task: Task, workspace_id: str, name: str, args: dict[str, Any]) -> dict[str, Any]:
    """The task: one step, in the workspace this worker serves."""
    if _served is None:
        raise ClawbackError("this Celery worker serves no workspace: start it by clawback worker")
    step = Step(name, args)
    if workspace_id != _served.workspace_id:
        line = f"{step.subject}: refused: a step of workspace {workspace_id}, not this one"
        return Outcome((line,), refused=True).as_data()
    lost = _delivered(task) - 1
    if lost >= DELIVERIES:
        line = (
            f"{step.subject}: failed, not run again: its worker process was lost "
            f"{lost} times running it"
        )
        return Outcome((line,), refused=True).as_data()
    record = _served.workspace().operator(Via.worker)

    def progress(done: int, total: int) -> None:
        task.update_state(state="PROGRESS", meta={"done": done, "total": total, "pid": os.getpid()})

    try:
        outcome = run_step(record, step, progress)
    except StorageError as exc:
        if task.request.retries >= RETRIES:
            outcome = Outcome((f"{step.subject}: refused: {exc}",), refused=True)
        else:
            raise task.retry(countdown=1) from None
    except ClawbackError as exc:
        outcome = Outcome((f"{step.subject}: refused: {exc}",), refused=True)
    except Exception as exc:  # the step's own fault: bounded, then said in one line
        if task.request.retries >= FAULT_RETRIES:
            outcome = failed(step, task.request.retries + 1, exc)
        else:
            raise task.retry(countdown=1) from None
    data = outcome.as_data()
    data["then_ids"] = [_send(task.app, workspace_id, s).id for s in outcome.then]
    return data


def _delivered(task: Task) -> int:
    """How many times this attempt of the task has been taken, this time included (a retry is
    a new attempt, counted afresh)."""
    key = f"clawback-delivered-{task.request.id}-{task.request.retries}"
    client = task.backend.client  # the result backend's Redis
    count, _ = client.pipeline().incr(key).expire(key, KEPT).execute()
    return int(count)


# -- the sending side -------------------------------------------------------------------------


def _send(app: Celery, workspace_id: str, step: Step) -> Any:
    return app.send_task(
        TASK, args=[workspace_id, step.name, dict(step.args)], queue=queue_name(workspace_id)
    )


def submit(app: Celery, workspace_id: str, steps: Iterable[Step]) -> list[str]:
    """Queue ``steps`` for the workspace's workers; returns their task ids."""
    return [_send(app, workspace_id, step).id for step in steps]


#: Called as tasks go: (finished, known, pages done and total of the tasks under way).
Watch = Callable[[int, int, int, int], None]


def wait(
    app: Celery, ids: Sequence[str], watch: Watch | None = None, poll: float = 0.25
) -> dict[str, Outcome]:
    """Wait for the tasks ``ids`` and every task they start; returns the outcome of each by
    its task id, in the order they finished."""
    waiting, known = list(ids), len(ids)
    outcomes: dict[str, Outcome] = {}
    while waiting:
        done, total = 0, 0
        for task_id in list(waiting):
            meta = app.backend.get_task_meta(task_id)  # state and data read together
            state, data = meta["status"], meta["result"]
            if state == "SUCCESS":
                outcomes[task_id] = Outcome.from_data(data)
                waiting.remove(task_id)
                waiting += data.get("then_ids", [])
                known += len(data.get("then_ids", []))
            elif state == "FAILURE":  # an error outside the step, said in one line
                why = (str(data).strip().splitlines() or [""])[0][:200]
                line = f"a step failed: {type(data).__name__}: {why}"
                outcomes[task_id] = Outcome((line,), refused=True)
                waiting.remove(task_id)
            elif state == "PROGRESS":
                done, total = done + int(data["done"]), total + int(data["total"])
        if watch is not None:
            watch(known - len(waiting), known, done, total)
        if waiting:
            time.sleep(poll)
    return outcomes
