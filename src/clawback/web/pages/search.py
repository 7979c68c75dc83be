"""Search: the pages holding the words, among those the person may see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from clawback.web.auth import CurrentRecord, CurrentVisitor, settings
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/search")
def search(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    q: Annotated[str, Query(max_length=500)] = "",
) -> HTMLResponse:
    hits = record.reads.search(q, settings(request).search_limit) if q.strip() else None
    return page(request, "search.html", title="Search", visitor=visitor, q=q, hits=hits)
