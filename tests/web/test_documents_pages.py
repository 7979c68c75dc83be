"""The documents list a page at a time: each page and its total hold only what the seat may
see (the count is taken inside the access rule), the pages together are the whole listing, and
a page costs the same number of queries whatever its length."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from tests.web import world
from tests.web.conftest import Client, Site

PENDING = world.EXHIBITS[3].bates()  # Ex. 4, under a pending claw-back
AEO = world.EXHIBITS[1].bates()  # Ex. 2, AEO
#: What each seat may not see of the four exhibits (as tests/web/test_web.py states it).
HIDDEN = {
    world.PRODUCING: set(),
    world.CLERK: set(),
    world.COUNSEL: {PENDING},
    world.EMPLOYEE: {PENDING, AEO},
    world.PUBLIC: {ex.bates() for ex in world.EXHIBITS} - {world.EXHIBITS[2].bates()},
}
LINK = re.compile(r'href="/documents/([^"]+)"')


@pytest.mark.parametrize("email", world.SEATS)
def test_each_page_and_its_total_hold_only_what_the_seat_may_see(site: Site, email: str) -> None:
    catalog = site.workspace.person(email).catalog
    whole = catalog.documents()
    seen = [d.ref for d in whole]
    assert set(seen) == {ex.bates() for ex in world.EXHIBITS} - HIDDEN[email]
    walked = []
    for offset in range(len(seen) + 1):
        one = catalog.documents(limit=1, offset=offset)
        assert one.total == whole.total == len(seen)  # never the hidden ones
        walked += [d.ref for d in one]
    assert walked == seen  # the same order, nothing twice, nothing left out
    if email == world.EMPLOYEE:  # a filter on a tier the seat may not see counts nothing
        assert catalog.documents(designation="AEO", limit=1).total == 0


def test_the_web_page_steps_through_the_list_and_counts_what_the_seat_sees(
    sessions: dict[str, Client],
) -> None:
    counsel = sessions[world.COUNSEL]
    first = counsel.get("/documents", params={"limit": 2})
    assert first.status_code == 200
    assert "3 documents, 1 to 2 shown." in first.text and 'rel="prev"' not in first.text
    onward = re.search(r'href="(/documents\?[^"]+)" rel="next"', first.text)
    assert onward is not None
    second = counsel.get(onward.group(1).replace("&amp;", "&"))
    assert "3 documents, 3 to 3 shown." in second.text and 'rel="next"' not in second.text
    assert 'rel="prev"' in second.text
    shown = LINK.findall(first.text) + LINK.findall(second.text)
    assert sorted(shown) == sorted({ex.bates() for ex in world.EXHIBITS} - {PENDING})


def test_the_api_pages_with_its_documented_parameters(sessions: dict[str, Client]) -> None:
    client = sessions[world.EMPLOYEE]
    made = client.post("/account/tokens", data={"name": "pages", "csrf": client.csrf()})
    token = made.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    headers = {"Authorization": f"Bearer {token}"}
    api = Client(client.http.base_url.__str__()).http
    got = api.get("/api/documents", params={"limit": 1, "offset": 1}, headers=headers).json()
    assert (got["total"], got["offset"], got["limit"], len(got["documents"])) == (2, 1, 1, 1)
    every = api.get("/api/documents", headers=headers).json()["documents"]
    assert {d["first"] for d in every} == {ex.bates() for ex in world.EXHIBITS} - HIDDEN[
        world.EMPLOYEE
    ]
    too_far = api.get("/api/documents", params={"limit": 0}, headers=headers)
    assert too_far.status_code == 400 and "limit" in too_far.json()["error"]
    parameters = api.get("/api/openapi.json").json()["paths"]["/api/documents"]["get"]
    assert {"limit", "offset"} <= {p["name"] for p in parameters["parameters"]}


@pytest.fixture
def statements(site: Site) -> Iterator[list[str]]:
    said: list[str] = []

    def count(*args: object) -> None:
        said.append(str(args[2]))

    event.listen(site.workspace.engine, "before_cursor_execute", count)
    try:
        yield said
    finally:
        event.remove(site.workspace.engine, "before_cursor_execute", count)


def test_a_page_of_the_list_costs_the_same_queries_however_long(
    site: Site, statements: list[str]
) -> None:
    catalog = site.workspace.person(world.COUNSEL).catalog
    catalog.documents()  # the first read of the session loads what every read then reuses
    statements.clear()
    assert len(catalog.documents(limit=1)) == 1
    one = len(statements)
    statements.clear()
    assert len(catalog.documents(limit=3)) == 3
    assert len(statements) == one
