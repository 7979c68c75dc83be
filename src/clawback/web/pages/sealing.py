"""Sealing: which exhibits are under seal, a party's motion to seal, the court's decision on
it exhibit by exhibit. The forms post to the service as the request's person."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from clawback.domain import sealing as sealing_rules
from clawback.domain.seats import Act
from clawback.service import Record
from clawback.web import csrf, forms
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.forms import Csrf, Text
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
Docket = Annotated[str, Form(max_length=40)]
Exhibits = Annotated[str, Form(max_length=400)]
Kind = Annotated[str, Form(max_length=40)]
Day = Annotated[str, Form(max_length=20)]


@router.get("/sealing")
def sealing(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    return _page(request, visitor, record)


@router.post("/sealing/motions")
def motion(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    docket: Docket,
    exhibits: Exhibits,
    kind: Kind,
    filed_on: Day,
    csrf_token: Csrf = None,
) -> HTMLResponse:
    csrf.check(visitor, csrf_token)
    due = record.sealing.move_to_seal(
        docket, exhibits=forms.numbers(exhibits), kind=kind, filed_on=forms.required_day(filed_on)
    )
    done = f"Motion to seal, Dkt. {docket}, on record."
    if due is not None:
        done += f" Supporting statement due {due.due}."
    return _page(request, visitor, record, done=done, status=201)


@router.post("/sealing/decisions")
def decision(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    docket: Docket,
    exhibits: Exhibits,
    kind: Kind,
    granted: Annotated[str, Form(max_length=10)],
    reason: Text = "",
    on: Day = "",
    csrf_token: Csrf = None,
) -> HTMLResponse:
    csrf.check(visitor, csrf_token)
    decisions = record.sealing.seal(
        docket,
        exhibits=forms.numbers(exhibits),
        kind=kind,
        granted=granted == "yes",
        reason=reason,
        on=forms.day(on),
    )
    return _page(request, visitor, record, decisions=decisions, status=201)


def _page(
    request: Request,
    visitor: CurrentVisitor,
    record: Record,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    documents = [d for d in record.catalog.documents() if d.exhibit is not None]
    return page(
        request,
        "sealing.html",
        status,
        title="Sealing",
        visitor=visitor,
        documents=documents,
        kinds=[k.value for k in sealing_rules.MotionKind],
        may_move=record.may(Act.move_to_seal),
        may_seal=record.may(Act.seal),
        **context,
    )
