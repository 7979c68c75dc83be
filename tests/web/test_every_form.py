"""Every form the app takes is refused without its CSRF token, and with a wrong one, before
it does anything: each POST route of every page module (found from the modules themselves, so
a new form is covered the day it is added), posted as the court's clerk and as producing
counsel (the seats that may make most acts) with every field it asks filled in, answers 403
and leaves the audit trail as it was."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from fastapi.routing import APIRoute
from sqlalchemy import func, select

from clawback.storage import tables as t
from clawback.web import pages
from tests.web import world
from tests.web.conftest import Client, Site

PARAMS = {"claim_id": "c-note", "number": "1", "bates": world.EXHIBITS[0].bates(0)}


def forms() -> list[tuple[str, list[str]]]:
    """Each POST route of every page module, with its path's parameters filled, and its
    form fields."""
    found = []
    for info in pkgutil.iter_modules(pages.__path__):
        module = importlib.import_module(f"{pages.__name__}.{info.name}")
        for route in module.router.routes:
            if isinstance(route, APIRoute) and "POST" in route.methods:
                fields = [f.alias for f in route.dependant.body_params if f.alias != "csrf"]
                found.append((route.path.format(**PARAMS), fields))
    return found


def trail_length(site: Site) -> int:
    with site.workspace.sessions() as s:
        return s.scalar(select(func.count()).select_from(t.Audit)) or 0


@pytest.mark.parametrize("email", [world.CLERK, world.PRODUCING])
def test_no_form_is_taken_without_its_token(
    site: Site, sessions: dict[str, Client], email: str
) -> None:
    client = sessions[email]
    posted = forms()
    assert len(posted) >= 12
    before = trail_length(site)
    for path, fields in posted:
        data = dict.fromkeys(fields, "1")
        assert client.post(path, data=data).status_code == 403, path
        assert client.post(path, data={**data, "csrf": "x" * 43}).status_code == 403, path
    assert trail_length(site) == before
    assert client.get("/").status_code == 200  # still logged in: nothing was done
