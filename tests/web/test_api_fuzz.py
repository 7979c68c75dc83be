"""The JSON API fuzzed from its own OpenAPI schema (schemathesis), as each seat with its own
token: no answer is a server error or strays from the schema, and none carries a page, a
document or a word that seat may not see; a hidden thing answers exactly as an absent one.

What each seat may not see is computed here from the world's facts (designations, the
claw-back, the public docket), not read back from the app.
"""

from __future__ import annotations

import json

import httpx
import hypothesis.strategies as st
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from tests.web import world
from tests.web.conftest import Client, Site

CLAIMED = {4}  # world.build: the producing side claws back Ex. 4
PUBLIC_DOCKET = {3}  # world.build: Ex. 3, sealing denied for it, is filed publicly
ABSENT = "AOL-DEF-00000999"
NUMBERS = {ex.number: ex for ex in world.EXHIBITS}
EXAMPLES = 6  # per seat, operation and mode: the module must stay cheap


def hidden(seat: str) -> set[int]:
    """The exhibits ``seat`` may not see, from the world's facts and the order's rules."""
    if seat in (world.PRODUCING, world.CLERK):
        return set()  # the producing side's own documents; the court sees the whole record
    if seat == world.PUBLIC:
        return set(NUMBERS) - PUBLIC_DOCKET
    aeo = {n for n, ex in NUMBERS.items() if ex.designation == "AEO"}
    return CLAIMED | (aeo if seat == world.EMPLOYEE else set())


def bates_of(numbers: set[int]) -> list[str]:
    return [NUMBERS[n].bates(p) for n in sorted(numbers) for p in range(NUMBERS[n].pages)]


EVERY_PAGE = bates_of(set(NUMBERS))
KNOWN = {"bates": [*EVERY_PAGE, ABSENT], "ref": [*EVERY_PAGE, ABSENT, *map(str, NUMBERS), "99"]}
WORDS = [ex.word for ex in world.EXHIBITS] + ["border crossing", "report"]


def blanked(body: str, *refs: str) -> str:
    for ref in refs:
        body = body.replace(ref, "<REF>")
    return body


@pytest.fixture(scope="module")
def tokens(sessions: dict[str, Client]) -> dict[str, str]:
    made = {}
    for seat, client in sessions.items():
        answer = client.post("/account/tokens", data={"name": "fuzz", "csrf": client.csrf()})
        assert answer.status_code == 201
        made[seat] = answer.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    return made


@pytest.fixture(scope="module")
def schema(site: Site) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{site.url}/api/openapi.json")


OPERATIONS = [
    ("GET", "/api/documents"),
    ("GET", "/api/documents/{ref}"),
    ("GET", "/api/documents/{ref}/pdf"),
    ("GET", "/api/pages/{bates}"),
    ("GET", "/api/pages/{bates}/image.png"),
    ("GET", "/api/search"),
    ("GET", "/api/claims"),
    ("GET", "/api/deadlines"),
    ("GET", "/api/deadlines.ics"),
]


def test_the_fuzzed_operations_are_the_schemas(schema: schemathesis.BaseSchema) -> None:
    listed = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize("seat", world.SEATS)
def test_each_seat_lists_exactly_what_it_may_see(
    site: Site, tokens: dict[str, str], seat: str
) -> None:
    headers = {"Authorization": f"Bearer {tokens[seat]}"}
    with httpx.Client(base_url=site.url, headers=headers, timeout=30) as http:
        listed = {d["first"] for d in http.get("/api/documents").json()["documents"]}
        found = http.get("/api/search", params={"q": "border crossing"}).json()
        for bates in bates_of(hidden(seat)):
            for path in ("/api/pages/{}", "/api/pages/{}/image.png", "/api/documents/{}"):
                got, like = http.get(path.format(bates)), http.get(path.format(ABSENT))
                assert got.status_code == like.status_code == 404
                assert blanked(got.text, bates) == blanked(like.text, ABSENT)
    seen = set(NUMBERS) - hidden(seat)
    assert listed == {NUMBERS[n].bates() for n in seen}
    assert {h["bates"] for h in found["hits"]} == set(bates_of(seen))
    assert found["total"] == len(bates_of(seen))


def leaks(seat: str, sent: str, body: str) -> list[str]:
    """What ``body`` shows of the exhibits ``seat`` may not see (beyond what was sent)."""
    found = []
    for n in hidden(seat):
        ex = NUMBERS[n]
        for thing in [ex.word, ex.title, *bates_of({n})]:
            if thing in body and thing not in sent:
                found.append(thing)
    return found


@pytest.mark.parametrize("seat", world.SEATS)
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_answer_fails_or_leaks(
    site: Site,
    schema: schemathesis.BaseSchema,
    tokens: dict[str, str],
    seat: str,
    method: str,
    path: str,
) -> None:
    operation = schema[path][method]
    client = httpx.Client(base_url=site.url, timeout=30)
    headers = {"Authorization": f"Bearer {tokens[seat]}"}
    params = [p for p in ("ref", "bates") if "{" + p + "}" in path]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        mode = data.draw(st.sampled_from([GenerationMode.POSITIVE, GenerationMode.NEGATIVE]))
        # Half the time a known page, document or word; else what the schema lets it make.
        known = data.draw(st.booleans())
        fixed = {p: data.draw(st.sampled_from(KNOWN[p])) for p in params} if known else None
        query = {"q": data.draw(st.sampled_from(WORDS))} if known and "search" in path else None
        case = data.draw(
            operation.as_strategy(mode, path_parameters=fixed, query=query, headers=headers)
        )
        response = case.call(base_url=site.url, headers=headers)
        # The search language is a grammar no schema pattern holds: a query that does not
        # parse is refused in one line naming the search, and that alone is allowed here.
        grammar = "search" in path and mode == GenerationMode.POSITIVE
        # Nor can a schema say that a Bates range's two ends share their prefix: a range whose
        # ends differ is refused in one line saying so, and that alone is allowed here.
        query_of = case.query or {}
        ranged = mode == GenerationMode.POSITIVE and bool(
            query_of.get("bates_from") and query_of.get("bates_to")
        )
        excluded = [positive_data_acceptance] if grammar or ranged else []
        case.validate_response(response, headers=headers, excluded_checks=excluded)
        if grammar and response.status_code == 400:
            assert response.json()["error"].startswith("search"), response.text
        if ranged and not grammar and response.status_code == 400:
            assert response.json()["error"].startswith("prefixes differ in range"), response.text
        sent = json.dumps([case.path_parameters, case.query])
        body = response.text if "pdf" not in path and "png" not in path else ""
        assert not leaks(seat, sent, body), (case.formatted_path, case.query, body[:300])
        unseen = set(bates_of(hidden(seat))) & set((case.path_parameters or {}).values())
        if unseen and mode == GenerationMode.POSITIVE:
            absent = case.formatted_path.replace(unseen.pop(), ABSENT)
            like = client.get(absent, params=case.query, headers=headers)
            assert response.status_code == like.status_code == 404
            assert blanked(response.text, *EVERY_PAGE) == blanked(like.text, ABSENT)

    try:
        run()
    finally:
        client.close()


def test_the_leak_check_sees_a_leak() -> None:
    aeo = world.EXHIBITS[1]
    assert leaks(world.EMPLOYEE, "", f"... {aeo.bates(1)} ...") == [aeo.bates(1)]
    assert leaks(world.PUBLIC, "", f"text: {world.EXHIBITS[0].word}") == [world.EXHIBITS[0].word]
    assert leaks(world.COUNSEL, "", f"{aeo.bates()} {aeo.word}") == []  # counsel may see AEO
    assert leaks(world.EMPLOYEE, aeo.bates(), f"no page {aeo.bates()}") == []  # echoed back
