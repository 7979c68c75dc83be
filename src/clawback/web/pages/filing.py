"""Filing: make the packages the rulings and the sealing decisions call for into the server's
filing folder, and hand their files out, to the seats the service lets make filings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.web import csrf, forms
from clawback.web.auth import CurrentRecord, CurrentVisitor, settings, workspace
from clawback.web.forms import Csrf
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)


@router.get("/filing")
def filing(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    files = record.filings.package(settings(request).filing_folder(workspace(request).root))
    return page(request, "filing.html", title="Filing", visitor=visitor, files=files)


@router.post("/filing")
def file(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    on: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Csrf = None,
) -> Response:
    csrf.check(visitor, csrf_token)
    record.filings.file(settings(request).filing_folder(workspace(request).root), forms.day(on))
    return RedirectResponse("/filing", status_code=303)


@router.get("/filing/{kind}/{name}")
def download(kind: str, name: str, request: Request, record: CurrentRecord) -> Response:
    out = settings(request).filing_folder(workspace(request).root)
    data = record.filings.package_file(out, f"{kind}/{name}")
    disposition = f'attachment; filename="{name}"'
    return Response(
        data, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )
