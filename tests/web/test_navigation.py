"""The main navigation per seat: every link a seat is shown opens for it, and every page it
is not shown answers it "not found" (the public has no claims, deadlines, filing or audit
link; receiving counsel and the party employee no filing link; only the producing side a
productions link)."""

from __future__ import annotations

import re

import pytest

from clawback.web.navigation import PAGES
from tests.web import world
from tests.web.conftest import Client

EVERY = [href for href, _, _ in PAGES]
NOT_SHOWN = {
    world.PRODUCING: set(),
    world.COUNSEL: {"/productions", "/filing"},
    world.EMPLOYEE: {"/productions", "/filing"},
    world.CLERK: {"/productions"},
    world.PUBLIC: {"/productions", "/claims", "/deadlines", "/filing", "/privilege-log", "/audit"},
}


def main_links(html: str) -> list[str]:
    nav = html.split('<nav aria-label="Main">', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', nav)


@pytest.mark.parametrize("email", world.SEATS)
def test_a_seat_is_shown_exactly_the_pages_it_may_use(
    sessions: dict[str, Client], email: str
) -> None:
    client = sessions[email]
    shown = main_links(client.get("/").text)
    assert shown == [href for href in EVERY if href not in NOT_SHOWN[email]]
    for href in EVERY:
        answer = client.get(href)
        assert answer.status_code == (404 if href in NOT_SHOWN[email] else 200), href
        if answer.status_code == 200:
            assert main_links(answer.text) == shown, href
