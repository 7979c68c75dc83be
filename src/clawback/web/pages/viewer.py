"""One page: its picture as the person may see it (the court's with the claimed items drawn
in place), its text beside it, the way on, and for the producing side a designation form and
an item drawn as a rectangle on the picture (``static/draw.js``; the same four numbers typed
for whoever does not use a mouse), named through the service call the CLI's ``item --rect``
makes, then offered to a claw-back notice. A filed paper's pages open by its docket entry and page
number (it has no Bates numbers: the way on is the next or previous page of the paper), its
items drawn in place for whoever reads it as filed (``service.docket``)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import NotFound
from clawback.domain.seats import Act
from clawback.web import csrf, forms
from clawback.web.auth import CurrentRecord, CurrentVisitor, settings
from clawback.web.forms import Csrf, Text
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
#: A page of a filed paper, from 1 (ingest takes no PDF of more: ``ingest.limits``).
PaperPageNumber = Annotated[int, Path(ge=1, le=100_000)]


@router.get("/pages/{bates}")
def viewer(
    request: Request, bates: str, visitor: CurrentVisitor, record: CurrentRecord
) -> HTMLResponse:
    view = record.page_views.page(BatesNumber.parse(bates))  # one read, one audit write
    may_designate = record.may(Act.designate)
    return page(
        request,
        "viewer.html",
        title=f"Page {view.bates}",
        visitor=visitor,
        bates=view.bates,
        text=view.text,
        before=view.before,
        after=view.after,
        document=view.document,
        pages=view.pages,
        at=view.at,
        warnings=view.warnings,
        claimed=view.claimed,
        tiers=view.tiers if may_designate else [],
        may_draw=record.may(Act.name_items) and view.bates in view.pages,
        dpi=settings(request).page_dpi,
    )


Edge = Annotated[str, Form(max_length=20)]


@router.post("/pages/{bates}/items")
def draw_item(
    request: Request,
    bates: str,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    item: Annotated[str, Form(max_length=80)],
    left: Edge,
    top: Edge,
    right: Edge,
    bottom: Edge,
    what: Text = "",
    csrf_token: Csrf = None,
) -> Response:
    """An item drawn on the page's picture: its corners in the picture's pixels, named as a
    rectangle in points (``forms.drawn``); then on to a notice naming it."""
    csrf.check(visitor, csrf_token)
    number = BatesNumber.parse(bates)
    box = forms.drawn(left, top, right, bottom, settings(request).page_dpi)
    record.items.define(number, item.strip(), number, what, rect=box)
    exhibit = record.reads.show(number).get("exhibit")
    query = {"items": item.strip(), **({"exhibits": str(exhibit)} if exhibit else {})}
    return RedirectResponse(f"/claims/new?{urlencode(query)}", status_code=303)


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


@router.get("/docket/{entry}")
def paper(entry: str) -> Response:
    """A filed paper opens at its first page."""
    return RedirectResponse(f"/docket/{quote(entry)}/pages/1", status_code=303)


@router.get("/docket/{entry}/pages/{number}")
def paper_page(
    request: Request,
    entry: str,
    number: PaperPageNumber,
    visitor: CurrentVisitor,
    record: CurrentRecord,
) -> HTMLResponse:
    view = record.docket.page(entry, number)  # one read, one audit write
    return page(
        request,
        "paper_page.html",
        title=f"{view.paper.name}, page {number}",
        visitor=visitor,
        view=view,
        entry=view.paper.docket,
        may_file=record.may(Act.file_brief),
    )


@router.get("/docket/{entry}/pages/{number}/image.png")
def paper_image(
    request: Request,
    entry: str,
    number: PaperPageNumber,
    record: CurrentRecord,
) -> Response:
    png = record.docket.page_image(entry, number, settings(request).page_dpi)
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
