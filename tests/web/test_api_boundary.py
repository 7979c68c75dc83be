"""The JSON API at the boundary, end to end with each seat's own token: every route that takes
an id or a filter answers a thing the seat may not see (or know of) byte for byte as a thing
that never existed, the reference itself blanked: documents by exhibit, control number or
Bates number, their PDFs, pages and pictures, the list filtered by claim or by a Bates range
starting or ending on a hidden page, and a search for a word only a hidden page holds.

What each seat may not see is written out from the world's facts (``test_api_fuzz.hidden``)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.web import world
from tests.web.conftest import Client, Site
from tests.web.test_api_fuzz import NUMBERS, blanked, hidden

ABSENT_PAGE = "AOL-DEF-00000999"
GAP_PAGE = "AOL-DEF-00000009"  # between Ex. 1 (pages 1-3) and Ex. 2 (pages 11-12): none
UNKNOWN_CLAIM = {world.PUBLIC}  # c-note, over Ex. 4: the public may not know of it


@pytest.fixture(scope="module")
def tokens(sessions: dict[str, Client]) -> dict[str, str]:
    made = {}
    for seat, client in sessions.items():
        answer = client.post("/account/tokens", data={"name": "boundary", "csrf": client.csrf()})
        assert answer.status_code == 201
        made[seat] = answer.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    return made


def probes(seat: str) -> Iterator[tuple[str, str, str, str]]:
    """(hidden request, absent request, hidden reference, absent reference)."""
    for n in sorted(hidden(seat)):
        ex = NUMBERS[n]
        for ref, absent in [
            (str(n), "99"),
            (f"DOC-{n:06d}", "DOC-000099"),
            (ex.bates(0), ABSENT_PAGE),
        ]:
            for path in ("/api/documents/{}", "/api/documents/{}/pdf"):
                yield path.format(ref), path.format(absent), ref, absent
        for page in range(ex.pages):
            for path in ("/api/pages/{}", "/api/pages/{}/image.png"):
                yield (
                    path.format(ex.bates(page)),
                    path.format(ABSENT_PAGE),
                    ex.bates(page),
                    ABSENT_PAGE,
                )
        for key in ("bates_from", "bates_to"):
            yield (
                f"/api/documents?{key}={ex.bates(0)}",
                f"/api/documents?{key}={GAP_PAGE}",
                ex.bates(0),
                GAP_PAGE,
            )
        yield f"/api/search?q={ex.word}", "/api/search?q=zyzzyva", ex.word, "zyzzyva"
    if seat in UNKNOWN_CLAIM:
        yield "/api/documents?claim=c-note", "/api/documents?claim=c-none", "c-note", "c-none"


@pytest.mark.parametrize("seat", world.SEATS)
def test_every_id_and_filter_answers_a_hidden_thing_as_one_that_never_existed(
    site: Site, tokens: dict[str, str], seat: str
) -> None:
    headers = {"Authorization": f"Bearer {tokens[seat]}"}
    asked = 0
    with httpx.Client(base_url=site.url, headers=headers, timeout=60) as http:
        listed = http.get("/api/documents").json()["documents"]  # the token reads: a control
        assert {d["first"] for d in listed} == {
            NUMBERS[n].bates() for n in set(NUMBERS) - hidden(seat)
        }
        for got_path, like_path, ref, absent in probes(seat):
            got, like = http.get(got_path), http.get(like_path)
            assert got.status_code == like.status_code, (seat, got_path, got.text, like.text)
            assert blanked(got.text, ref) == blanked(like.text, absent), (seat, got_path)
            assert got.headers.get("content-type") == like.headers.get("content-type")
            asked += 1
    assert asked >= 10 or not hidden(seat)
