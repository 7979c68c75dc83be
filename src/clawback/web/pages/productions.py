"""Productions: the volumes and how far each has got, and a form that makes one. The volume
is made by the production step of ``clawback.jobs`` (the one ``jobs produce`` runs), in a
thread of the server as the person who asked, so the page answers at once; while a volume is
open the page polls a small fragment (htmx) that reads "N of M documents stamped" from the
record (``volume_status``), whoever is making the volume. For the seats that produce; to any
other, "not found"."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import ClawbackError, InvalidInput, NotFound, NotPermitted
from clawback.domain.refs import parse_document_ref
from clawback.domain.seats import Act
from clawback.domain.volume_names import volume_name
from clawback.jobs import Step, run_step
from clawback.service import Record
from clawback.web import csrf, forms
from clawback.web.auth import CurrentRecord, CurrentVisitor
from clawback.web.forms import Csrf
from clawback.web.rendering import page

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)

#: Volumes are made one at a time, each as its step (a production numbers from the record).
_MAKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="clawback-produce")


@router.get("/productions")
def productions(request: Request, visitor: CurrentVisitor, record: CurrentRecord) -> HTMLResponse:
    return page(
        request,
        "productions.html",
        title="Productions",
        visitor=visitor,
        volumes=record.volume_status.volumes(),
        stopped=_stopped(request),
    )


@router.get("/productions/{volume}/progress")
def progress(request: Request, volume: str, record: CurrentRecord) -> HTMLResponse:
    """The fragment the page polls while the volume is being made."""
    return page(
        request,
        "production_progress.html",
        v=record.volume_status.volume(volume),
        stopped=_stopped(request).get(volume),
    )


@router.post("/productions")
def produce(
    request: Request,
    visitor: CurrentVisitor,
    record: CurrentRecord,
    volume: Annotated[str, Form(max_length=40)],
    documents: Annotated[str, Form(max_length=2000)] = "",
    start: Annotated[str, Form(max_length=40)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
    csrf_token: Csrf = None,
) -> Response:
    """Start making a volume (or resume an open one: the same documents, or none named)."""
    csrf.check(visitor, csrf_token)
    if not record.may(Act.produce):
        raise NotPermitted("produce documents")
    # each value parsed here, so a bad one answers now, not as a stop in the server's thread
    refs = documents.replace(",", " ").split()
    for ref in refs:
        parse_document_ref(ref)
    first = str(BatesNumber.parse(start.strip())) if start.strip() else None
    volume_name(volume)
    if not refs and not _open(record, volume):
        raise InvalidInput("name the documents to produce (exhibit numbers or control numbers)")
    step = Step.produce(refs, volume, first, on=forms.day(on))
    _stopped(request).pop(volume, None)
    _MAKER.submit(_make, record, step, _stopped(request))
    return RedirectResponse(f"/productions#volume-{volume}", status_code=303)


def _open(record: Record, volume: str) -> bool:
    try:
        return record.volume_status.volume(volume).making
    except NotFound:
        return False


def _make(record: Record, step: Step, stopped: dict[str, str]) -> None:
    """Run the production step; a refusal is kept for the page (and logged)."""
    try:
        run_step(record, step)
    except ClawbackError as exc:
        stopped[step.subject] = " ".join(str(exc).split())
        log.warning("production %s stopped: %s", step.subject, stopped[step.subject])
    except Exception:  # a thread's failure would otherwise vanish
        stopped[step.subject] = "the production failed; see the server's log"
        log.exception("production %s failed", step.subject)


def _stopped(request: Request) -> dict[str, str]:
    """Why a volume asked for through this server stopped, by volume (this server's memory:
    the record keeps the volume open with what was made)."""
    app = request.app
    if not hasattr(app.state, "stopped_productions"):
        app.state.stopped_productions = {}
    found: dict[str, str] = app.state.stopped_productions
    return found
