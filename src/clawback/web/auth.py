"""Who is asking: resolved once per request, as a FastAPI dependency.

A page reads its session cookie (``Gate.visitor``), an API call its bearer token
(``Gate.bearer``); either way the request then holds the ``Record`` of that person, built by
``Gate.record`` (``Workspace.person`` once nothing is pending), and every view calls the service
through it. A failure raises the gate's ``NotAuthenticated``, which ``web.errors`` answers.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from clawback.domain.actor import Via
from clawback.service import Record, Workspace
from clawback.service.gate import Gate, Visitor
from clawback.web.settings import Settings

bearer_scheme = HTTPBearer(auto_error=False, description="A personal API token (`cbt_...`).")


def gate(request: Request) -> Gate:
    found: Gate = request.app.state.gate
    return found


def settings(request: Request) -> Settings:
    found: Settings = request.app.state.settings
    return found


def workspace(request: Request) -> Workspace:
    found: Workspace = request.app.state.workspace
    return found


def address(request: Request) -> str:
    """The client's address as the socket gives it (no proxy headers are trusted)."""
    return request.client.host if request.client is not None else "unknown"


def visitor(request: Request) -> Visitor:
    """The logged-in person of this browser session."""
    return gate(request).visitor(request.cookies.get(settings(request).session_cookie))


def record(request: Request, person: Annotated[Visitor, Depends(visitor)]) -> Record:
    """The record as the session's person reaches it (their acknowledgment signed); kept on
    the request for the page's navigation (``web.navigation``)."""
    found = gate(request).record(person, Via.web)
    request.state.record = found
    return found


def api_record(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
) -> Record:
    """The record as the API token's holder reaches it."""
    return gate(request).bearer(credentials.credentials if credentials else None)


CurrentVisitor = Annotated[Visitor, Depends(visitor)]
CurrentRecord = Annotated[Record, Depends(record)]
ApiRecord = Annotated[Record, Depends(api_record)]
