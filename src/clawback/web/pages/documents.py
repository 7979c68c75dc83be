"""The documents the person may see, filtered, families as trees."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.seats import Act
from clawback.service.catalog import Listed
from clawback.service.reads import MAX_LIMIT, MAX_OFFSET
from clawback.web import csrf
from clawback.web.auth import CurrentRecord, CurrentVisitor, settings
from clawback.web.forms import Csrf
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Query(max_length=200)]


def bates_range(first: str, last: str) -> BatesRange | None:
    """The filter's Bates range, parsed here at the edge (one number: that page)."""
    if not first.strip() and not last.strip():
        return None
    start = BatesNumber.parse(first or last)
    return BatesRange(start, BatesNumber.parse(last) if last.strip() else start)


def families(listed: list[Listed]) -> list[tuple[Listed, list[Listed]]]:
    """Each document with the members of its family under it (the parent first)."""
    tree: list[tuple[Listed, list[Listed]]] = []
    heads: dict[str, list[Listed]] = {}
    for item in listed:
        if item.family and item.family in heads:
            heads[item.family].append(item)
            continue
        children: list[Listed] = []
        tree.append((item, children))
        if item.family:
            heads[item.family] = children
    return tree


@router.get("/documents")
def documents(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    bates_from: Text = "",
    bates_to: Text = "",
    designation: Text = "",
    family: Text = "",
    claim: Text = "",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    limit: Annotated[int | None, Query(ge=1, le=MAX_LIMIT)] = None,
) -> HTMLResponse:
    size = limit or settings(request).documents_limit
    listed = record.catalog.documents(
        bates=bates_range(bates_from, bates_to),
        designation=designation or None,
        family=family or None,
        claim=claim or None,
        limit=size,
        offset=offset,
    )
    order = visitor.order  # read with the session, for this request
    done = request.query_params.get("designated", "")
    chosen = {
        "bates_from": bates_from,
        "bates_to": bates_to,
        "designation": designation,
        "family": family,
        "claim": claim,
        "limit": str(limit or ""),
    }
    return page(
        request,
        "documents.html",
        title="Documents",
        visitor=visitor,
        tree=families(listed),
        count=listed.total,
        first=offset + 1 if listed else 0,
        last=offset + len(listed),
        previous=_at(chosen, max(offset - size, 0)) if offset > 0 else None,
        next=_at(chosen, offset + size) if offset + size < listed.total else None,
        tiers=[t.short for t in order.tiers] if order else [],
        may_designate=record.may(Act.designate),
        designated=int(done) if done.isascii() and done.isdigit() else None,
        chosen=chosen,
    )


def _at(chosen: dict[str, str], offset: int) -> str:
    """The documents list with the same filters, from ``offset``."""
    kept = {k: v for k, v in chosen.items() if v}
    return "/documents?" + urlencode({**kept, **({"offset": offset} if offset else {})})


@router.post("/documents/designate")
def designate(
    visitor: CurrentVisitor,
    record: CurrentRecord,
    tier: Annotated[str, Form(max_length=120)] = "",
    doc: Annotated[list[str], Form()] = [],  # noqa: B006 - FastAPI copies a default
    csrf_token: Csrf = None,
) -> Response:
    """The selected documents given one tier, all or none (each audited on its own)."""
    csrf.check(visitor, csrf_token)
    count = record.designations.designate_all(doc, tier)
    return RedirectResponse(f"/documents?designated={count}", status_code=303)
