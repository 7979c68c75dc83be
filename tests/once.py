"""A world made once per test run, not once per test process: the first pytest-xdist worker to
ask makes it in the run's shared temporary folder, under a lock, and the other waits for it
and reads it. Without xdist it is made in the run's own temporary folder.

A workspace made so keeps its audit key in a keys folder of its own, made with it; each
process that asks copies the key into its own ``CLAWBACK_KEYS`` folder (keys are found by the
workspace's id, so a copy of the workspace verifies there too).

What is made once is shared by every test of the run: a test reads it, or copies it and
writes to its copy, never to it.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from clawback.storage.keys import ENV_DIR


def once_per_run(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """``make(folder)`` run once per test run for ``name``; the folder it made."""
    base = factory.getbasetemp()
    home = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / f"once-{name}"
    home.mkdir(exist_ok=True)
    made, keys, done = home / "made", home / "keys", home / "done"
    with (home / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            mine = os.environ.get(ENV_DIR)
            os.environ[ENV_DIR] = str(keys)
            try:
                make(made)
            finally:
                if mine is None:
                    os.environ.pop(ENV_DIR)
                else:
                    os.environ[ENV_DIR] = mine
            done.touch()
    own = Path(os.environ[ENV_DIR])
    own.mkdir(parents=True, exist_ok=True)
    for key in keys.glob("*.key"):
        if not (own / key.name).exists():
            shutil.copy2(key, own / key.name)
    return made
