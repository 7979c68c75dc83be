"""Steps run in a local process pool: the default, with no broker to set up.

Each process of the pool opens the workspace once and runs steps as its operator (`Via.worker`);
the steps a step says follow it are run in the same pool as soon as it is done. A step that
met another's write (two processes numbering documents at once on PostgreSQL: the database
refuses one, `StorageError`) runs again, up to `ATTEMPTS` times; a step refused in one line
(`ClawbackError`) is reported and the others go on. A step that fails by a fault of its own
(any other exception) runs again `FAULT_RETRIES` times, then is reported as failed in one line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path

from clawback.domain.actor import Via
from clawback.domain.errors import ClawbackError, StorageError
from clawback.jobs.steps import FAULT_RETRIES, Outcome, Step, failed, run_step
from clawback.service import Workspace

#: Runs of a step that keeps meeting another's write before it is reported as refused.
ATTEMPTS = 5

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
    with ProcessPoolExecutor(workers, initializer=_open, initargs=(root, url)) as pool:
        pending: dict[Future[Outcome], Step] = {pool.submit(_run, s): s for s in queue}
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                step = pending.pop(future)
                outcome = future.result()
                report(step, outcome)
                pending |= {pool.submit(_run, s): s for s in outcome.then}


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
