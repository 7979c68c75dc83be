"""How much of a request's body the server reads, by who is asking.

FastAPI parses a form's body before it resolves a route's dependencies, the session's check
among them: with no bound, anyone could make the server read a body of any size (an upload
spooled whole to a temporary file) before being sent to the log-in page. So a body is bounded as it
arrives: without a session, to what the log-in form needs; with one, to a form's size, or,
to a route that takes a file, the largest file clawback takes
(``ingest.limits.MAX_FILE_BYTES``) and the form around it. A body declared
larger is refused before any of it is read, one that grows larger (sent in chunks) when it
does: 413 either way, answered as every error is. A route that reads no body reads none.
"""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import params
from fastapi.routing import APIRoute, APIRouter
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clawback.ingest.limits import MAX_FILE_BYTES
from clawback.service.gate import NotAuthenticated

#: A body from no session: the log-in form (an address, a password of up to 1,024 characters
#: of up to four bytes each, percent-encoded) and then some.
ANONYMOUS_BYTES = 64 << 10
#: A body from a session: a form (the longest, a review's findings, is far less)...
FORM_BYTES = 4 << 20
#: ... or, to a route that takes a file, a file clawback takes and its form.
UPLOAD_BYTES = MAX_FILE_BYTES + FORM_BYTES
TOO_LARGE = "this request's body is larger than the server takes from you"


class BodyLimit:
    """The ASGI middleware that bounds request bodies (``create_app`` puts it innermost, so
    its refusal carries the site's headers)."""

    def __init__(self, app: ASGIApp, uploads: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.uploads = uploads  # the paths of the routes that take a file (``uploads``)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        declared = connection.headers.get("content-length", "")
        chunked = "chunked" in connection.headers.get("transfer-encoding", "").lower()
        told = int(declared) if declared.isascii() and declared.isdigit() else 0
        if not chunked and told <= ANONYMOUS_BYTES:
            limit = ANONYMOUS_BYTES
        else:
            limit = await _limit(connection, connection.url.path in self.uploads)
        read = 0

        async def bounded() -> Message:
            """The body as the route reads it: refused at its first piece if declared too
            large, else at the piece that makes it so. Raised inside the route, the refusal
            is answered by ``web.errors`` (FastAPI passes an HTTPException on as it is)."""
            nonlocal read
            if told > limit:
                raise HTTPException(413, TOO_LARGE)
            message = await receive()
            if message["type"] == "http.request":
                read += len(message.get("body", b""))
                if read > limit:
                    raise HTTPException(413, TOO_LARGE)
            return message

        await self.app(scope, bounded, send)


def uploads(routers: Iterable[APIRouter]) -> frozenset[str]:
    """The paths of the routes that take a file, of these routers (a route with a path
    parameter would not match one: its uploads are refused, never let through)."""
    return frozenset(
        route.path
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
        and any(isinstance(p.field_info, params.File) for p in route.dependant.body_params)
    )


async def _limit(connection: HTTPConnection, upload: bool) -> int:
    """The bound for this request: a session's, if its cookie opens one."""
    app = connection.scope["app"]
    token = connection.cookies.get(app.state.settings.session_cookie)
    if not token:
        return ANONYMOUS_BYTES
    try:
        await run_in_threadpool(app.state.gate.visitor, token)
    except NotAuthenticated:
        return ANONYMOUS_BYTES
    return UPLOAD_BYTES if upload else FORM_BYTES
