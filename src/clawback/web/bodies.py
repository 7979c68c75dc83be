"""How much of a request's body the server reads, by who is asking.

FastAPI parses a form's body before it resolves a route's dependencies, the session's check
among them: with no bound, anyone could make the server read a body of any size (an upload
spooled whole to a temporary file) before being sent to the log-in page. So a body is bounded as it
arrives: without a session, to what the log-in form needs; with one, to the largest file
clawback takes (``ingest.limits.MAX_FILE_BYTES``) and the form around it. A body declared
larger is refused before any of it is read, one that grows larger (sent in chunks) when it
does: 413 either way, answered as every error is. A route that reads no body reads none.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clawback.ingest.limits import MAX_FILE_BYTES
from clawback.service.gate import NotAuthenticated

#: A body from no session: the log-in form (an address, a password of up to 1,024 characters
#: of up to four bytes each, percent-encoded) and then some.
ANONYMOUS_BYTES = 64 << 10
#: A body from a session: a file clawback takes, and its form.
SIGNED_IN_BYTES = MAX_FILE_BYTES + (1 << 20)
TOO_LARGE = "this request's body is larger than the server takes from you"


class BodyLimit:
    """The ASGI middleware that bounds request bodies (``create_app`` puts it innermost, so
    its refusal carries the site's headers)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
            limit = await _limit(connection)
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


async def _limit(connection: HTTPConnection) -> int:
    """The bound for this request: a session's, if its cookie opens one."""
    app = connection.scope["app"]
    token = connection.cookies.get(app.state.settings.session_cookie)
    if not token:
        return ANONYMOUS_BYTES
    try:
        await run_in_threadpool(app.state.gate.visitor, token)
    except NotAuthenticated:
        return ANONYMOUS_BYTES
    return SIGNED_IN_BYTES
