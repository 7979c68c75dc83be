"""``clawback serve``: the app on uvicorn, the server alone holding the workspace.

With ``workers`` above one, uvicorn runs that many processes on one socket, each with the app
made afresh (``app_from_environment``, the workspace named in the environment). Nothing that
decides what a person may do lives in one process's memory: sessions, CSRF tokens, log-in
attempts (and so throttling), TOTP steps are rows of the record; what a process keeps to
itself are caches of pure results (``service.recent``), which any process may rebuild, and
why a volume it was making stopped (``pages.productions``: the progress a browser polls from
another process reads "being made" until the volume is resumed; the record is unharmed).
"""

from __future__ import annotations

import copy
import ipaddress
import os
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI

from clawback.domain.errors import InvalidInput
from clawback.domain.typed import MOST_PROCESSES, processes
from clawback.service import Workspace
from clawback.web.app import ACCESS_LOG, create_app
from clawback.web.settings import Settings

#: Where a worker process finds the workspace it serves.
WORKSPACE_SETTING = "CLAWBACK_SERVE_WORKSPACE"
#: Worker processes at most (each holds its own connections and caches).
MAX_WORKERS = MOST_PROCESSES
#: How long a worker may take to answer uvicorn's health check before it is killed.
HEALTH_CHECK_SECONDS = 60
#: Where a worker process finds how many processes it draws page pictures in.
DRAWING_SETTING = "CLAWBACK_SERVE_DRAWING"
#: Drawing processes at most, per server process.
MAX_DRAWING = 8


def log_config() -> dict[str, Any]:
    """uvicorn's logging, less its access log (a request's path and query: the Bates numbers
    a person read, the words they searched for, the other party's work product, on the
    operator's console), plus ``web.access``'s lines, which name the route only."""
    config: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"][ACCESS_LOG] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config


def default_workers() -> int:
    """One worker process per core the machine gives this process."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def quiet(proxy: str | None = None) -> dict[str, Any]:
    """What every server process is run with: no server header, no access log (it would print
    each request's query and Bates numbers: see ``log_config``), and no proxy header trusted,
    unless ``proxy`` names the TLS proxy in front: then that proxy's ``X-Forwarded-For`` (its
    own last entry) is the client's address, the one log-ins are throttled by; without it,
    behind a proxy every client is the proxy, and twenty failures from anyone refuse everyone."""
    return {
        "proxy_headers": proxy is not None,
        "forwarded_allow_ips": proxy or "",
        "server_header": False,
        "access_log": False,
        "log_config": log_config(),
    }


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    drawing: int = 1,
    proxy: str | None = None,
) -> None:
    """Serve the workspace at ``root`` until interrupted, in ``workers`` processes, each
    drawing page pictures in ``drawing`` processes of its own (``service.drawing``; 0: in
    the request's thread); behind the TLS proxy at the address ``proxy``, if given."""
    processes("--workers", workers)
    if not 0 <= drawing <= MAX_DRAWING:
        raise InvalidInput(f"--drawing must be between 0 and {MAX_DRAWING}, not {drawing}")
    if proxy is not None:
        try:
            ipaddress.ip_address(proxy)  # one address: never "*", which believes any client
        except ValueError:
            raise InvalidInput(f"--proxy is the TLS proxy's IP address, not {proxy!r}") from None
    if workers > 1:
        Workspace.open(root).close()  # refused here, in one line, if it cannot be served
        os.environ[WORKSPACE_SETTING] = str(root.resolve())
        os.environ[DRAWING_SETTING] = str(drawing)
        uvicorn.run(
            f"{__name__}:app_from_environment",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            **quiet(proxy),
            # A worker busy with many requests on a loaded machine is slow, not hung: uvicorn
            # kills one that misses its health check, and the requests it holds with it.
            timeout_worker_healthcheck=HEALTH_CHECK_SECONDS,
        )
        return
    workspace = Workspace.open(root)
    try:
        app = create_app(workspace, Settings(drawing_processes=drawing))
        uvicorn.run(
            app,
            host=host,
            port=port,
            **quiet(proxy),
        )
    finally:
        workspace.close()


def app_from_environment() -> FastAPI:
    """The app over the workspace ``WORKSPACE_SETTING`` names: one worker process's."""
    workspace = Workspace.open(Path(os.environ[WORKSPACE_SETTING]))
    drawing = int(os.environ.get(DRAWING_SETTING, "1"))
    app = create_app(workspace, Settings(drawing_processes=drawing))
    app.router.on_shutdown.append(workspace.close)
    return app
