"""The app factory: the workspace and its gate, the templates, the routers, the error mapping,
and the headers every answer carries."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.staticfiles import StaticFiles

from clawback.service import Workspace
from clawback.service.gate import Gate
from clawback.web import api, bodies, errors, rendering
from clawback.web.bodies import BodyLimit
from clawback.web.pages import (
    account,
    audit,
    claims,
    dashboard,
    deadlines,
    docket,
    documents,
    filing,
    login,
    privilege_log,
    productions,
    sealing,
    search,
    viewer,
)
from clawback.web.settings import Settings

#: The server's line per request: method, the route's pattern (``/api/pages/{bates}``) and the
#: status; never the path or query a request carried (what it read or searched for).
ACCESS_LOG = "clawback.web.access"
access_log = logging.getLogger(ACCESS_LOG)
#: A fault of the server's own, with its traceback: for whoever runs the server, never the page.
server_log = logging.getLogger("clawback.web.server")

#: Nothing from elsewhere: scripts, styles, pictures and forms of this site only.
POLICY = (
    "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(workspace: Workspace, settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="clawback",
        summary="Documents under a protective order: the record as the token's holder sees it.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.workspace = workspace
    if settings is not None and settings.drawing_processes:
        workspace.draw_apart(settings.drawing_processes)
    app.state.gate = Gate(workspace)
    app.state.settings = settings or Settings()
    app.state.templates = rendering.templates()
    app.mount("/static", StaticFiles(directory=rendering.STATIC), name="static")
    routers = [api.router]
    for router in (
        login,
        dashboard,
        deadlines,
        documents,
        docket,
        viewer,
        productions,
        claims,
        sealing,
        filing,
        privilege_log,
        search,
        audit,
        account,
    ):
        app.include_router(router.router)
        routers.append(router.router)
    app.include_router(api.router)
    errors.install(app)
    app.add_middleware(BodyLimit, uploads=bodies.uploads(routers))

    @app.middleware("http")
    async def headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        try:
            response = await call_next(request)
        except Exception:  # a fault of the server's own: logged whole, answered in one line
            server_log.exception("%s %s failed", request.method, _route(request))
            response = errors.answer(request, 500, errors.SERVER_FAULT)
        response.headers["Content-Security-Policy"] = POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        access_log.info("%s %s %d", request.method, _route(request), response.status_code)
        return response

    return app


def _route(request: Request) -> str:
    found: str = getattr(request.scope.get("route"), "path", None) or "(no route)"
    return found
