"""Steps run in a local process pool: the default, with no broker to set up.

Each process of the pool opens the workspace once and runs steps as its operator (`Via.worker`);
the steps a step says follow it are run in the same pool as soon as it is done. A step that
met another's write (two processes numbering documents at once on PostgreSQL: the database
refuses one, `StorageError`) runs again, up to `ATTEMPTS` times; a step refused in one line
(`ClawbackError`) is reported and the others go on. A step that fails by a fault of its own
(any other exception) runs again `FAULT_RETRIES` times, then is reported as failed in one line.
A step whose process dies (killed, out of memory) runs again in a fresh pool, and its effect
happens once (the steps are idempotent: `jobs.steps`); after `DEATHS` deaths it is reported as
failed in one line. With one worker the steps run in this process, and its death is the
caller's.
"""

from __future__ import annotations

import itertools
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from clawback.domain.actor import Via
from clawback.domain.errors import ClawbackError, StorageError
from clawback.jobs.steps import FAULT_RETRIES, Outcome, Step, failed, run_step
from clawback.service import Workspace

#: Runs of a step that keeps meeting another's write before it is reported as refused.
ATTEMPTS = 5
#: Deaths of the process running a step (alone) before the step is reported as failed, as
#: ``jobs.queue.DELIVERIES`` for a Celery worker.
DEATHS = 3

#: Called with each step and its outcome as it finishes.
Report = Callable[[Step, Outcome], None]

_opened: Workspace | None = None


def run_local(
    root: Path, url: str | None, steps: Iterable[Step], workers: int, report: Report
) -> None:
    """Run ``steps`` and all that follow them in the workspace at ``root`` (``url`` its
    database, None for its own), ``workers`` processes at once (1: in this process)."""
    queue = list(steps)
    if workers <= 1:
        _open(root, url)
        try:
            while queue:
                step = queue.pop(0)
                outcome = _run(step)
                report(step, outcome)
                queue.extend(outcome.then)
        finally:
            _close()
        return
    _pooled(root, url, queue, workers, report)


def _pooled(root: Path, url: str | None, steps: list[Step], workers: int, report: Report) -> None:
    """``run_local`` by a pool of ``workers`` processes, each step given to a process only
    when one is free (so every step handed over is one a process is running). A process that
    dies (SIGKILL, the out-of-memory killer, a crash in a library) breaks the pool: the steps
    it and the others were running are run again in a fresh pool, each alone (a death seen
    beside other steps is no one's in particular), and a step whose process died `DEATHS`
    times running it alone is reported as failed in one line."""
    ids = itertools.count()
    todo: deque[tuple[int, Step]] = deque((next(ids), s) for s in steps)
    alone: deque[tuple[int, Step]] = deque()  # lost when a pool broke: to be run one by one
    deaths: Counter[int] = Counter()
    while todo or alone:
        pool = ProcessPoolExecutor(workers, initializer=_open, initargs=(root, url))
        running: dict[Future[Outcome], tuple[int, Step]] = {}
        try:
            while todo or alone or running:
                if alone and not running:  # kept in ``alone`` until it is done: alone
                    running[pool.submit(_run, alone[0][1])] = alone[0]
                while not alone and todo and len(running) < workers:
                    key, step = todo.popleft()
                    running[pool.submit(_run, step)] = (key, step)
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                lost = []
                for future in finished:
                    key, step = running.pop(future)
                    if alone and alone[0][0] == key:
                        alone.popleft()
                    try:
                        outcome = future.result()
                    except BrokenProcessPool:
                        lost.append((key, step))
                        continue
                    report(step, outcome)
                    todo.extend((next(ids), s) for s in outcome.then)
                if lost:
                    lost += running.values()  # the pool is broken: none of them will finish
                    if len(lost) == 1:
                        [(key, step)] = lost
                        deaths[key] += 1
                        if deaths[key] >= DEATHS:
                            report(step, _lost(step, deaths[key]))
                            lost = []
                    alone.extend(lost)
                    break  # a fresh pool for what is left
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _lost(step: Step, deaths: int) -> Outcome:
    """A step given up after its process died ``deaths`` times running it, in one line."""
    return Outcome(
        (
            f"{step.subject}: failed, not run again: its worker process was lost {deaths} "
            "times running it",
        ),
        refused=True,
    )


def _open(root: Path, url: str | None) -> None:
    global _opened
    _opened = Workspace.open(root, url)


def _close() -> None:
    global _opened
    if _opened is not None:
        _opened.close()
        _opened = None


def _run(step: Step) -> Outcome:
    """One step, in a process of the pool (or this one)."""
    assert _opened is not None, "the pool's workspace is not open"
    record = _opened.operator(Via.worker)
    faults = 0
    for attempt in range(1, ATTEMPTS + FAULT_RETRIES + 1):
        try:
            return run_step(record, step)
        except StorageError as exc:
            if attempt - faults >= ATTEMPTS:
                return Outcome((f"{step.subject}: refused: {exc}",), refused=True)
        except ClawbackError as exc:
            return Outcome((f"{step.subject}: refused: {exc}",), refused=True)
        except Exception as exc:  # the step's own fault: bounded, then said in one line
            faults += 1
            if faults > FAULT_RETRIES:
                return failed(step, faults, exc)
    raise AssertionError("unreachable")  # pragma: no cover
