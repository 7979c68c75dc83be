"""A search's total as the web app and the API say it: exact up to the cap, past it "more than"
(the page) and ``more`` (the API), counted only among the pages the person may see.

The cap (1,000) and the page of hits (50) are lowered here so the small case of ``tests.web``
passes them: counsel may see 6 pages holding "border crossing" (Ex. 4's is under a
claw-back)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from fastapi import Request

from clawback.web import auth
from clawback.web.settings import Settings
from tests.web import world
from tests.web.conftest import Client, Site


@pytest.fixture
def two_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hits two to a page (the server runs in this process, in a thread)."""

    def settings(request: Request) -> Settings:
        return replace(auth.settings(request), search_limit=2)

    monkeypatch.setattr("clawback.web.api.settings", settings)
    monkeypatch.setattr("clawback.web.pages.search.settings", settings)


def test_a_count_past_its_cap_is_said_as_more_than(
    site: Site, sessions: dict[str, Client], two_a_page: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    counsel = sessions[world.COUNSEL]
    token = _token(counsel)
    headers = {"Authorization": f"Bearer {token}"}
    monkeypatch.setattr("clawback.service.search.COUNT_UP_TO", 4)
    found = counsel.http.get("/api/search", params={"q": "border crossing"}, headers=headers)
    assert found.status_code == 200, found.text
    assert (len(found.json()["hits"]), found.json()["total"], found.json()["more"]) == (2, 4, True)
    page = counsel.get("/search", params={"q": "border crossing"}).text
    assert "More than 4 pages found, the first 2 shown." in page
    # counted inside the access filter: 6 pages counsel may see, told exactly at a cap of 6
    monkeypatch.setattr("clawback.service.search.COUNT_UP_TO", 6)
    exact = counsel.http.get("/api/search", params={"q": "border crossing"}, headers=headers)
    assert (exact.json()["total"], exact.json()["more"]) == (6, False)
    page = counsel.get("/search", params={"q": "border crossing"}).text
    assert "6 pages found, the first 2 shown." in page


def _token(client: Client) -> str:
    made = client.post("/account/tokens", data={"name": "totals", "csrf": client.csrf()})
    assert made.status_code == 201
    return made.text.split('id="new-token">', 1)[1].split("<", 1)[0]
