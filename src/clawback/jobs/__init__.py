"""Long work as idempotent steps over ids: ingest one file, produce one volume, make one
document's copy signatures.

A `Step` names its function in `STEPS` and carries plain values; `run_step` runs it as a
record's actor. Two runners take steps and what follows them: `run_local`, a process pool
on this machine (the default, nothing to set up), and `jobs.queue`, Celery tasks on a Redis
broker (``CLAWBACK_BROKER``) taken by ``clawback worker`` processes on one machine or several.
A step run again after its worker was killed finds what the first run committed: no page,
Bates number, signature or audit entry twice (`jobs.steps`).

`jobs.queue` imports Celery, so it is not imported here: ``from clawback.jobs import queue``.
"""

from clawback.jobs.local import run_local
from clawback.jobs.steps import FAULT_RETRIES, STEPS, Outcome, Step, run_step

__all__ = ["FAULT_RETRIES", "STEPS", "Outcome", "Step", "run_local", "run_step"]
