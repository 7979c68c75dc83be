"""What fuzzing the API found, each pinned: the schema describes the Bates numbers and the
document references the server reads, a misspelt filter is refused rather than ignored, and a
search paged past any database's integer is refused in one line, not answered 500."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clawback.domain.bates import BatesNumber
from clawback.domain.refs import parse_document_ref
from clawback.web.api import BATES, REF
from tests.web import world
from tests.web.conftest import Client, Site


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(text=st.from_regex(BATES, fullmatch=True))
def test_every_bates_number_the_schema_allows_is_read(text: str) -> None:
    assert str(BatesNumber.parse(text)).replace(" ", "")  # parses, with no error


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(text=st.from_regex(REF, fullmatch=True).filter(lambda t: len(t) <= 80))  # maxLength
def test_every_document_reference_the_schema_allows_is_read(text: str) -> None:
    parse_document_ref(text)


@pytest.fixture(scope="module")
def api(site: Site, sessions: dict[str, Client]) -> Iterator[httpx.Client]:
    client = sessions[world.COUNSEL]
    made = client.post("/account/tokens", data={"name": "schema", "csrf": client.csrf()})
    token = made.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    with httpx.Client(
        base_url=site.url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as http:
        yield http


def test_the_schema_names_the_patterns(api: httpx.Client) -> None:
    paths = api.get("/api/openapi.json").json()["paths"]
    (bates,) = paths["/api/pages/{bates}"]["get"]["parameters"]
    (ref,) = paths["/api/documents/{ref}"]["get"]["parameters"]
    assert (bates["schema"]["pattern"], ref["schema"]["pattern"]) == (BATES, REF)
    q = next(p for p in paths["/api/search"]["get"]["parameters"] if p["name"] == "q")
    assert q["schema"]["minLength"] == 2


def test_a_misspelt_filter_is_refused_not_ignored(api: httpx.Client) -> None:
    every = api.get("/api/documents")
    assert every.status_code == 200 and every.json()["total"] == 3  # Ex. 4: under a claw-back
    typo = api.get("/api/documents", params={"designaton": "AEO"})
    assert (typo.status_code, typo.json()) == (
        400,
        {"error": "unknown query parameter 'designaton'"},
    )
    assert api.get("/api/documents", params={"designation": "AEO"}).status_code == 200


@pytest.mark.parametrize("offset", [2**31, 10**20])
def test_a_search_paged_too_far_is_refused_in_one_line(api: httpx.Client, offset: int) -> None:
    found = api.get("/api/search", params={"q": "border crossing", "offset": offset})
    assert found.status_code == 400 and "offset" in found.json()["error"]
    last = api.get("/api/search", params={"q": "border crossing", "offset": 2**31 - 1})
    assert last.status_code == 200 and last.json()["hits"] == []
