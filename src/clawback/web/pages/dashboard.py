"""The case dashboard: documents by designation, claims by state, what is due."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from clawback.domain.errors import NotPermitted
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
UNDESIGNATED = "Not designated"


@router.get("/")
def dashboard(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    tally = record.catalog.tally()  # counted by the database, no listing loaded
    by_designation: Counter[str] = Counter()
    for tier, n in tally.by_designation.items():
        by_designation[tier or UNDESIGNATED] += n
    claims: list[dict[str, Any]] | None
    try:  # a seat the service does not let read claims or deadlines has no such section
        claims = record.claims.status()
    except NotPermitted:
        claims = None
    try:
        due = [d for d in record.deadlines.list() if d.done_on is None]
    except NotPermitted:
        due = None
    awaiting = [(c, moves) for c in claims or () if (moves := record.claims.moves(c["claim"]))]
    by_state = Counter(c["state"] for c in claims) if claims is not None else None
    return page(
        request,
        "dashboard.html",
        title="Case dashboard",
        visitor=visitor,
        total=tally.total,
        by_designation=sorted(by_designation.items()),
        most=max(by_designation.values(), default=1),
        by_state=sorted(by_state.items()) if by_state is not None else None,
        claims=claims,
        awaiting=awaiting,
        due=due,
        sealed=tally.sealed,
    )
