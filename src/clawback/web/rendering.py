"""Templates: one Jinja2 environment, autoescaped, and the one way a page is rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from clawback.web import navigation

HERE = Path(__file__).parent
STATIC = HERE / "static"
HTMX = STATIC / "vendor" / "htmx.min.js"  # from the npm package htmx.org (scripts/setup)


def templates() -> Jinja2Templates:
    return Jinja2Templates(directory=HERE / "templates")


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``name`` with the visitor (if any) and whether htmx is there."""
    found: Jinja2Templates = request.app.state.templates
    context.setdefault("visitor", None)
    context["htmx"] = HTMX.exists()
    context["path"] = request.url.path
    record = getattr(request.state, "record", None)
    context["links"] = navigation.links(record) if record is not None else []
    return found.TemplateResponse(request, name, context, status_code=status)
