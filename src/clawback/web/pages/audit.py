"""The audit trail, for the seats that may read it (another party's reads withheld)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/audit")
def audit(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    entries = record.audit.entries(200)
    return page(request, "audit.html", title="Audit trail", visitor=visitor, entries=entries)
