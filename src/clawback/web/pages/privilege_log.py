"""The privilege log, for the seats that may read it: the log as the record stands, its CSV
and XLSX, the versions served, and what changed between two of them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from clawback.domain.privilege_log import COLUMNS
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
#: A served version's number, bounded where it enters (a longer one overflowed SQL: a 500).
Version = Annotated[int, Query(ge=1, le=2**31 - 1)]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@router.get("/privilege-log")
def privilege_log(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    return page(
        request,
        "privilege_log.html",
        title="Privilege log",
        visitor=visitor,
        columns=COLUMNS,
        rows=[r.values() for r in record.privilege_log.rows()],
        versions=record.privilege_log.served(),
    )


@router.get("/privilege-log/diff")
def diff(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    before: Version,
    after: Version,
) -> HTMLResponse:
    return page(
        request,
        "privilege_log_diff.html",
        title=f"Privilege log: version {before} against version {after}",
        visitor=visitor,
        before=before,
        after=after,
        changes=record.privilege_log.diff(before, after),
    )


@router.get("/privilege-log.{fmt}")
def download(fmt: str, record: CurrentRecord) -> Response:
    data = record.privilege_log.download(fmt)
    disposition = f'attachment; filename="privilege-log.{fmt}"'
    return Response(data, media_type=MEDIA[fmt], headers={"Content-Disposition": disposition})
