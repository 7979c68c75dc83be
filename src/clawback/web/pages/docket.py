"""The docket: the filed papers the person may see (briefs, declarations, expert reports,
deposition excerpts, statements of facts, the court's orders), each by its docket entry with
its items and their pinpoints; for the seats the service lets act, a paper entered by upload
and an item named by pinpoint, each the one service call the command line's ``file-paper`` and
``paper-item`` make; a paper's public version (``paper-public``) handed out to whoever may
prepare it for filing."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.errors import InvalidInput
from clawback.domain.pinpoints import FiledKind, docket_entry
from clawback.domain.seats import Act
from clawback.web import csrf
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.forms import Csrf, Text
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
KINDS = [(k.value, k.value.replace("_", " ")) for k in FiledKind]
Short = Annotated[str, Form(max_length=300)]


@router.get("/docket")
def docket(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    papers = record.docket.papers()
    order = visitor.order  # read with the session, for this request
    may_designate = record.may(Act.designate)
    return page(
        request,
        "docket.html",
        title="Docket",
        visitor=visitor,
        papers=papers,
        kinds=KINDS,
        may_enter=record.may(Act.ingest),
        may_name=record.may(Act.name_items) and bool(papers),
        may_file=record.may(Act.file_brief),
        tiers=[t.short for t in order.tiers] if order and may_designate else [],
    )


@router.post("/docket")
def enter(
    visitor: CurrentVisitor,
    record: CurrentRecord,
    docket: Annotated[str, Form(max_length=40)],
    kind: Annotated[str, Form(max_length=30)],
    paper: Annotated[bytes, File()] = b"",
    title: Short = "",
    under_seal: Annotated[bool, Form()] = False,
    designation: Annotated[str, Form(max_length=120)] = "",
    csrf_token: Csrf = None,
) -> Response:
    """A filed paper entered from its PDF, through ``FiledPapers.enter``; then its first page."""
    csrf.check(visitor, csrf_token)
    if not paper:
        raise InvalidInput("choose the paper's PDF to upload")
    entered = record.filed_papers.enter(
        paper,
        docket,
        kind,
        title.strip(),
        under_seal=under_seal,
        designation=designation.strip() or None,
    )
    return RedirectResponse(f"/docket/{quote(entered.paper.docket)}/pages/1", status_code=303)


@router.post("/docket/items")
def name_item(
    visitor: CurrentVisitor,
    record: CurrentRecord,
    paper: Annotated[str, Form(max_length=40)],
    item: Annotated[str, Form(max_length=80)],
    at: Annotated[str, Form(max_length=80)],
    what: Text = "",
    words: Text = "",
    csrf_token: Csrf = None,
) -> Response:
    """An item of a filed paper named by pinpoint (``page 7, lines 3-9``, ``¶ 12``), through
    ``FiledPapers.item``; the words, one a line, where the page numbers no lines."""
    csrf.check(visitor, csrf_token)
    texts = [line.strip() for line in words.splitlines() if line.strip()]
    named = record.filed_papers.item(paper, item.strip(), at, what.strip(), texts)
    entry = docket_entry(paper)
    where = f"/pages/{named.at.page}" if named.at.page is not None else "/pages/1"
    return RedirectResponse(f"/docket/{quote(entry)}{where}", status_code=303)


@router.get("/docket/{entry}/public.pdf")
def public_version(entry: str, record: CurrentRecord) -> Response:
    """The paper's public version: its items truly redacted, verified after writing."""
    copy = record.docket.public_copy(entry)
    disposition = f'attachment; filename="{copy.name}"'
    return Response(
        copy.pdf, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )
