"""Sealing: which exhibits are under seal, a party's motion to seal, the court's decision on
it exhibit by exhibit. The forms post to the service as the request's person."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from clawback.domain import sealing as sealing_rules
from clawback.domain.days import MAX_PERIOD_DAYS
from clawback.domain.errors import InvalidInput
from clawback.domain.seal_parts import Movant, Privacy, SealPart
from clawback.domain.seal_parts import privacy as parse_privacy
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
Choice = Annotated[str, Form(max_length=20)]


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
    movant: Choice = "",
    request_kind: Annotated[str, Form(max_length=10, alias="request")] = "seal",
    csrf_token: Csrf = None,
) -> HTMLResponse:
    csrf.check(visitor, csrf_token)
    due = record.sealing.move_to_seal(
        docket,
        exhibits=forms.exhibit_ordinals(record, exhibits),
        kind=kind,
        filed_on=forms.required_day(filed_on),
        movant=movant or None,
        request=request_kind,
    )
    done = f"Motion to {request_kind}, Dkt. {docket}, on record."
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
    movant: Choice = "",
    request_kind: Annotated[str, Form(max_length=10, alias="request")] = "seal",
    redact_pattern: Text = "",
    privacy: Annotated[list[str] | None, Form(max_length=20)] = None,
    minors: Text = "",
    part_what: Text = "",
    condition: Text = "",
    condition_days: Annotated[str, Form(max_length=5)] = "",
    csrf_token: Csrf = None,
) -> HTMLResponse:
    csrf.check(visitor, csrf_token)
    part = SealPart(
        patterns=(redact_pattern,) if redact_pattern.strip() else (),
        privacy=tuple(parse_privacy(p) for p in privacy or ()),
        minors=tuple(m.strip() for m in minors.split(",") if m.strip()),
        what=part_what.strip(),
    )
    decisions = record.sealing.seal(
        docket,
        exhibits=forms.exhibit_ordinals(record, exhibits),
        kind=kind,
        granted=granted == "yes",
        reason=reason,
        on=forms.day(on),
        movant=movant or None,
        request=request_kind,
        part=part or None,
        condition=condition,
        condition_days=_days(condition_days),
    )
    return _page(request, visitor, record, decisions=decisions, status=201)


def _days(value: str) -> int | None:
    if not value.strip():
        return None
    days = value.strip()
    if not (days.isascii() and days.isdigit()) or int(days) > MAX_PERIOD_DAYS:
        raise InvalidInput(f"not a number of days (0 to {MAX_PERIOD_DAYS}): {value!r}")
    return int(days)


def _page(
    request: Request,
    visitor: CurrentVisitor,
    record: Record,
    status: int = 200,
    **context: Any,
) -> HTMLResponse:
    documents = record.catalog.documents(exhibits=True)
    return page(
        request,
        "sealing.html",
        status,
        title="Sealing",
        visitor=visitor,
        documents=documents,
        kinds=[k.value for k in sealing_rules.MotionKind],
        movants=[m.value for m in Movant],
        privacies=[p.value for p in Privacy],
        may_move=record.may(Act.move_to_seal),
        may_seal=record.may(Act.seal),
        **context,
    )
