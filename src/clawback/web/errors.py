"""One status for each kind of failure, one line of words, never a traceback.

What the person may not see is 404 exactly as an absent thing is (the service already answers
``NotFound`` alike for both; an act the seat may not make is 404 too, so a page's existence
tells nothing). A page without a session goes to the log-in page; an API call gets 401.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from clawback.domain.errors import (
    ClawbackError,
    InvalidInput,
    NotFound,
    NotPermitted,
    RuleViolation,
    StorageError,
)
from clawback.service.gate import NotAuthenticated, Throttled, UndertakingUnsigned
from clawback.web import rendering
from clawback.web.csrf import CsrfRefused

NOT_FOUND = "not found"
SERVER_FAULT = "the server could not answer this request: the fault is logged for its operator"
TITLES = {
    404: "Not found",
    401: "Log in",
    403: "Refused",
    429: "Too many attempts",
    500: "Server fault",
}


def _api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def answer(request: Request, status: int, message: str) -> Response:
    if _api(request):
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
        return JSONResponse({"error": message}, status_code=status, headers=headers)
    title = TITLES.get(status, "Cannot do that")
    return rendering.page(request, "error.html", status, title=title, message=message)


def status_of(exc: ClawbackError) -> tuple[int, str]:
    words = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, NotFound):
        return 404, words
    if isinstance(exc, NotPermitted):
        return 404, NOT_FOUND
    if isinstance(exc, Throttled):
        return 429, words
    if isinstance(exc, UndertakingUnsigned):
        return 403, words
    if isinstance(exc, NotAuthenticated):
        return 401, words
    if isinstance(exc, CsrfRefused):
        return 403, words
    if isinstance(exc, InvalidInput):
        return 400, words
    if isinstance(exc, RuleViolation):
        return 409, words
    if isinstance(exc, StorageError):
        return 503, words
    return 400, words


def install(app: FastAPI) -> None:
    @app.exception_handler(ClawbackError)
    async def clawback_error(request: Request, exc: ClawbackError) -> Response:
        if not _api(request) and isinstance(exc, UndertakingUnsigned):
            return RedirectResponse("/acknowledge", status_code=303)
        if not _api(request) and type(exc) is NotAuthenticated:
            return RedirectResponse("/login", status_code=303)
        status, words = status_of(exc)
        return answer(request, status, words)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return answer(request, 404, NOT_FOUND)
        return answer(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return answer(request, 400, f"{where}: {first.get('msg', 'not valid')}")
