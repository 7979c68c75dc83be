"""What one request costs the database, counted: the statements a page view, its picture, the
documents list and a search send through the workspace's engine, each bounded. A count is
deterministic, unlike a time; each bound is what the request needs, so a query repeated within
one request (the person, their grants, the case, the seats) shows here as a broken bound."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from clawback.domain.bates import BatesNumber
from tests.web import world
from tests.web.conftest import Client, Site

PAGE = BatesNumber.parse(world.EXHIBITS[0].bates(1))


@contextmanager
def statements(site: Site) -> Iterator[list[str]]:
    """Every statement the workspace's engine (and its reader) sends while inside."""
    sent: list[str] = []

    def seen(_c: Any, _cursor: Any, sql: str, *_: Any) -> None:
        sent.append(sql)

    event.listen(site.workspace.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(site.workspace.engine, "before_cursor_execute", seen)


def _sent(site: Site, client: Client, path: str) -> list[str]:
    client.get(path)  # warmed: whatever is made once per process is made
    with statements(site) as sent:
        answer = client.get(path)
    assert answer.status_code == 200, (path, answer.status_code)
    return [
        q for q in sent if not q.startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"))
    ]


#: Each kind's path and bound (before this bound: 30, 17, 14 and 10, the person read twice, the
#: case's order once more by the page, each audit entry's head read and written on its own; a
#: search 9 while its page of hits and their snippets were two statements).
#: The list's 13: its count, then the stamped documents read along their index and the others
#: sorted apart (one sort of every document by a computed key cost 11 ms a list at 20,000
#: pages), then what the list shows of each. A search's 9: one more than it was, to ask how
#: many pages the person may see (``service.search._few_pages``: a person who may see few is
#: searched among those pages, not by checking every match of a common word).
#: A page's 30 (was 27): the rulings and the partial seals that name its items to the receiving
#: side, and the exhibits a duplicate's lead may be; a picture's 17 (was 16): whether a later
#: page is a slip sheet's, which has no picture (each one statement, whatever the record holds).
KINDS = {
    "page": (f"/pages/{PAGE}", 30),
    "picture": (f"/pages/{PAGE}/image.png", 17),
    "list": ("/documents", 13),
    "search": ("/search?q=quetzal", 9),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_request_sends_a_bounded_number_of_statements(
    site: Site, sessions: dict[str, Client], kind: str
) -> None:
    path, bound = KINDS[kind]
    sent = _sent(site, sessions[world.COUNSEL], path)
    assert len(sent) <= bound, sent
