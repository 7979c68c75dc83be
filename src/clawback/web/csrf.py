"""CSRF: every form carries a token, and a post without the right one is refused.

Logged in, the token is the session's own (kept with it by ``service.gate``). Before log-in
there is no session, so the log-in form's token is also set in a cookie of its own
(SameSite=Strict, HttpOnly), and the two must match.
"""

from __future__ import annotations

import secrets

from fastapi import Request, Response

from clawback.domain.errors import ClawbackError
from clawback.service.gate import Visitor
from clawback.web.auth import settings


class CsrfRefused(ClawbackError):
    """A form posted without this site's token for it (``web.errors``: 403)."""


REFUSED = "this form did not come from this site or has expired: reload the page and try again"


def check(visitor: Visitor, sent: str | None) -> None:
    if not sent or not _same(sent, visitor.csrf):
        raise CsrfRefused(REFUSED)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def set_login_cookie(request: Request, response: Response, token: str) -> None:
    """The log-in form's token, kept in its cookie as well."""
    response.set_cookie(
        settings(request).login_cookie,
        token,
        max_age=3600,
        path="/",
        secure=settings(request).secure_cookies,
        httponly=True,
        samesite="strict",
    )


def check_login(request: Request, sent: str | None) -> None:
    kept = request.cookies.get(settings(request).login_cookie)
    if not sent or not kept or not _same(sent, kept):
        raise CsrfRefused(REFUSED)


def _same(sent: str, kept: str) -> bool:
    return secrets.compare_digest(sent.encode("utf-8"), kept.encode("utf-8"))
