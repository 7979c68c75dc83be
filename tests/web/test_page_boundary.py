"""The web app's pages and forms at the boundary, through the real server with each seat's
logged-in session: a page, picture, download or form naming a thing the seat may not see (or
know of) answers byte for byte as one naming a thing that never existed (status, headers, body
with the reference blanked), reads and writes alike. ``test_api_boundary`` does the same for
the JSON API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web import world
from tests.web.conftest import Client, Site
from tests.web.test_api_fuzz import NUMBERS, blanked, hidden

ABSENT_PAGE = "AOL-DEF-00000999"
#: Headers that say when, not what; and the length, which differs by the reference's own
#: (the body is compared whole, the reference blanked).
WHEN = {"date", "set-cookie", "content-length"}
SEATS = [world.EMPLOYEE, world.PUBLIC, world.COUNSEL]


def probes(seat: str) -> Iterator[tuple[str, str, dict[str, str] | None, str, str]]:
    """(method, path with {} for the reference, form or None, hidden reference, absent one)."""
    for n in sorted(hidden(seat)):
        ex = NUMBERS[n]
        page = ex.bates(0)
        for path in ("/pages/{}", "/pages/{}/image.png", "/documents/{}", "/documents/{}/download"):
            yield "GET", path, None, page, ABSENT_PAGE
        yield "GET", "/documents/{}", None, f"Ex. {n}", "Ex. 99"
        yield "POST", "/pages/{}/designation", {"tier": "AEO"}, page, ABSENT_PAGE
        box = {"item": "i-probe", "left": "1", "top": "1", "right": "20", "bottom": "20"}
        yield "POST", "/pages/{}/items", box, page, ABSENT_PAGE
        if seat == world.PUBLIC or n not in world.CLAIMED:  # a pending claim's is known
            motion = {"docket": "512", "kind": "non_dispositive", "filed_on": "2020-07-01"}
            yield "POST", "/sealing/motions", {**motion, "exhibits": "{}"}, f"Ex. {n}", "Ex. 99"
        yield "GET", "/search?q={}", None, ex.word, "zyzzyva"
    if seat == world.PUBLIC:  # c-note, over Ex. 4: the public may not know of it
        for path in ("/claims/{}",):
            yield "GET", path, None, "c-note", "c-none"
        yield (
            "POST",
            "/claims/{}/moves",
            {"to": "sequestered", "how": "sequestered"},
            ("c-note"),
            "c-none",
        )


def _answer(
    client: Client, method: str, path: str, form: dict[str, str] | None, ref: str
) -> tuple[int, dict[str, str], str]:
    if form is None:
        got = client.get(path.format(ref))
    else:
        data = {k: v.format(ref) for k, v in form.items()}
        got = client.post(path.format(ref), data={**data, "csrf": client.csrf()})
    headers = {k: v for k, v in got.headers.items() if k not in WHEN}
    return got.status_code, headers, blanked(got.text, ref)


@pytest.mark.parametrize("seat", SEATS)
def test_every_page_and_form_answers_a_hidden_thing_as_one_that_never_existed(
    site: Site, sessions: dict[str, Client], seat: str
) -> None:
    client = sessions[seat]
    asked = 0
    for method, path, form, ref, absent in probes(seat):
        got = _answer(client, method, path, form, ref)
        like = _answer(client, method, path, form, absent)
        assert got == like, (seat, method, path, ref, got[:2], like[:2], _main(got), _main(like))
        asked += 1
    assert asked >= 5


def _main(answer: tuple[int, dict[str, str], str]) -> str:
    """The page's main part, where what differs is said."""
    return answer[2].split("<main", 1)[-1].split("</main>", 1)[0]
