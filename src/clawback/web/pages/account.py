"""The person's own account: their API tokens (each shown once, when made)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.web import csrf
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
Csrf = Annotated[str | None, Form(alias="csrf")]
#: A token's number, bounded where it enters (a longer one overflowed SQL: a server fault).
TokenNumber = Annotated[str, Path(min_length=1, max_length=40)]


@router.get("/account")
def account(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    return _page(request, visitor, record)


@router.post("/account/tokens")
def new_token(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    name: Annotated[str, Form(max_length=200)] = "",
    csrf_token: Csrf = None,
) -> HTMLResponse:
    csrf.check(visitor, csrf_token)
    return _page(request, visitor, record, made=record.accounts.new_token(name), status=201)


@router.post("/account/tokens/{number}/revoke")
def revoke(
    number: TokenNumber, visitor: CurrentVisitor, record: CurrentRecord, csrf_token: Csrf = None
) -> Response:
    csrf.check(visitor, csrf_token)
    record.accounts.revoke_token(number)
    return RedirectResponse("/account", status_code=303)


def _page(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    made: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    return page(
        request,
        "account.html",
        status,
        title="Your account",
        visitor=visitor,
        tokens=record.accounts.tokens(),
        made=made,
    )
