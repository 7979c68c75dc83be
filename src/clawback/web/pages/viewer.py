"""One page: its picture as the person may see it (the court's with the claimed items drawn
in place), its text beside it, the way on, and for the producing side a designation form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import NotFound
from clawback.domain.seats import Act
from clawback.web import csrf
from clawback.web.auth import CurrentRecord, CurrentVisitor, settings, workspace
from clawback.web.forms import Csrf
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/pages/{bates}")
def viewer(
    request: Request, bates: str, visitor: CurrentVisitor, record: CurrentRecord
) -> HTMLResponse:
    number = BatesNumber.parse(bates)
    text = record.reads.page_text(number)
    before, after = record.catalog.neighbours(number)
    shown = record.reads.show(number)
    pages = record.catalog.pages(number)
    order = workspace(request).protective_order()
    may_designate = record.may(Act.designate)
    return page(
        request,
        "viewer.html",
        title=f"Page {number}",
        visitor=visitor,
        bates=number,
        text=text,
        before=before,
        after=after,
        document=shown,
        pages=pages,
        at=pages.index(number) + 1 if number in pages else None,
        warnings=record.reads.page_warnings(number),
        claimed=record.reads.claimed(number),
        tiers=[t.short for t in order.tiers] if order and may_designate else [],
    )


@router.post("/pages/{bates}/designation")
def designate(
    bates: str,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    tier: Annotated[str, Form(max_length=100)],
    note: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Csrf = None,
) -> Response:
    """Designate (or re-designate) the document this page belongs to; back to the page."""
    csrf.check(visitor, csrf_token)
    number = BatesNumber.parse(bates)
    record.designations.designate(number, tier, note)
    return RedirectResponse(f"/pages/{number}", status_code=303)


@router.get("/pages/{bates}/image.png")
def image(request: Request, bates: str, record: CurrentRecord) -> Response:
    png = record.reads.page_image(BatesNumber.parse(bates), settings(request).page_dpi)
    return Response(png, media_type="image/png")


@router.get("/documents/{ref}/download")
def download(ref: str, record: CurrentRecord) -> Response:
    """The document as a PDF, in the version the person may see (traced by the service)."""
    copy = record.reads.download(ref)
    disposition = f'attachment; filename="{copy.name}"'
    return Response(
        copy.pdf, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@router.get("/documents/{ref}")
def document(ref: str, record: CurrentRecord) -> Response:
    """A document opens at its first produced page."""
    pages = record.catalog.pages(ref)
    if not pages:
        raise NotFound(f"no document {ref}")
    return RedirectResponse(f"/pages/{pages[0]}", status_code=303)
