"""Logging in and out, and signing the protective order's acknowledgment."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.accounts import SESSION_LIFETIME
from clawback.service.gate import NotAuthenticated
from clawback.web import csrf
from clawback.web.auth import CurrentVisitor, address, gate, settings
from clawback.web.errors import status_of
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request) -> HTMLResponse:
    return _login_page(request)


@router.post("/login")
def login(
    request: Request,
    email: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1024)],
    code: Annotated[str, Form(max_length=12)] = "",
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
) -> Response:
    csrf.check_login(request, csrf_token)
    chosen = settings(request)
    try:
        opened = gate(request).login(email, password, code, address(request))
    except NotAuthenticated as exc:
        status, words = status_of(exc)
        return _login_page(request, status, error=words, email=email)
    gate(request).logout(request.cookies.get(chosen.session_cookie))  # no session carried over
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        chosen.session_cookie,
        opened.token,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        secure=chosen.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    response.delete_cookie(
        chosen.login_cookie,
        path="/",
        secure=chosen.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    return response


@router.post("/logout")
def logout(
    request: Request,
    visitor: CurrentVisitor,
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    gate(request).logout(request.cookies.get(settings(request).session_cookie))
    response = RedirectResponse("/login", status_code=303)
    # what the record showed stays in no storage of this site's in the browser (htmx's page
    # snapshots were kept in the tab's sessionStorage, beyond ``no-store``)
    response.headers["Clear-Site-Data"] = '"cache", "storage"'
    chosen = settings(request)
    response.delete_cookie(
        chosen.session_cookie,
        path="/",
        secure=chosen.secure_cookies,
        httponly=True,
        samesite="strict",
    )
    return response


@router.get("/acknowledge")
def acknowledge_form(request: Request, visitor: CurrentVisitor) -> HTMLResponse:
    return page(
        request,
        "acknowledge.html",
        title="Acknowledgment and agreement to be bound",
        visitor=visitor,
        undertaking=gate(request).undertaking(visitor),
    )


@router.post("/acknowledge")
def acknowledge(
    request: Request,
    visitor: CurrentVisitor,
    signature: Annotated[str, Form(max_length=200)] = "",
    agree: Annotated[str, Form()] = "",
    csrf_token: Annotated[str | None, Form(alias="csrf")] = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    gate(request).sign_undertaking(visitor, signature, agree == "yes")
    return RedirectResponse("/", status_code=303)


def _login_page(request: Request, status: int = 200, **context: str) -> HTMLResponse:
    """The log-in form with a fresh CSRF token, in the page and in its own cookie."""
    token = csrf.new_token()
    response = page(request, "login.html", status, title="Log in", csrf=token, **context)
    csrf.set_login_cookie(request, response, token)
    return response
