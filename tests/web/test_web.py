"""The web app and its API over HTTP, against a real server on loopback: each seat logs in and
sees what it may, hidden things answer as absent ones, and the way in holds (CSRF, brute
force, cookies, session fixation, tokens)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from clawback.service.gate import Gate, Throttled
from clawback.storage import tables as t
from tests.web import world
from tests.web.conftest import Client, Site, login

AEO_PAGE = world.EXHIBITS[1].bates()  # Ex. 2, AEO
PENDING_PAGE = world.EXHIBITS[3].bates()  # Ex. 4, under a pending claw-back
PUBLIC_PAGE = world.EXHIBITS[2].bates()  # Ex. 3, on the public docket
ABSENT_PAGE = "AOL-DEF-00000999"


def blanked(body: str, *refs: str) -> str:
    for ref in refs:
        body = body.replace(ref, "<REF>")
    return body


def listed(client: Client, path: str = "/documents") -> set[str]:
    return {
        ex.bates()
        for ex in world.EXHIBITS
        if f'href="/documents/{ex.bates()}"' in client.get(path).text
    }


@pytest.mark.parametrize("email", world.SEATS)
def test_each_seat_logs_in_and_reaches_its_dashboard(
    sessions: dict[str, Client], email: str
) -> None:
    page = sessions[email].get("/")
    assert page.status_code == 200
    assert "Case dashboard" in page.text and email in page.text


def test_each_seat_lists_what_it_may_see(sessions: dict[str, Client]) -> None:
    every = {ex.bates() for ex in world.EXHIBITS}
    assert listed(sessions[world.PRODUCING]) == every
    assert listed(sessions[world.CLERK]) == every
    assert listed(sessions[world.COUNSEL]) == every - {PENDING_PAGE}
    assert listed(sessions[world.EMPLOYEE]) == every - {PENDING_PAGE, AEO_PAGE}
    assert listed(sessions[world.PUBLIC]) == {PUBLIC_PAGE}


def test_an_aeo_page_is_absent_for_a_party_employee(sessions: dict[str, Client]) -> None:
    employee, counsel = sessions[world.EMPLOYEE], sessions[world.COUNSEL]
    assert counsel.get(f"/pages/{AEO_PAGE}").status_code == 200
    hidden, absent = employee.get(f"/pages/{AEO_PAGE}"), employee.get(f"/pages/{ABSENT_PAGE}")
    assert hidden.status_code == absent.status_code == 404
    assert blanked(hidden.text, AEO_PAGE) == blanked(absent.text, ABSENT_PAGE)
    assert employee.get(f"/pages/{AEO_PAGE}/image.png").status_code == 404
    found = employee.get("/search", params={"q": "ocelot"}).text
    assert "0 pages found" in found and AEO_PAGE not in found


def test_the_public_sees_only_the_public_docket(sessions: dict[str, Client]) -> None:
    public = sessions[world.PUBLIC]
    assert public.get(f"/pages/{PUBLIC_PAGE}").status_code == 200
    for hidden in (world.EXHIBITS[0].bates(), AEO_PAGE, PENDING_PAGE):
        assert public.get(f"/pages/{hidden}").status_code == 404
    found = public.get("/search", params={"q": "border crossing"}).text
    assert PUBLIC_PAGE in found and world.EXHIBITS[0].bates() not in found
    assert public.get("/audit").status_code == 404  # an act the seat may not make: not there
    assert "Claw-back claims" not in public.get("/").text


@pytest.mark.parametrize("email", [world.EMPLOYEE, world.COUNSEL, world.PUBLIC])
def test_unknown_ids_answer_as_hidden_ones(sessions: dict[str, Client], email: str) -> None:
    client = sessions[email]
    for hidden in (PENDING_PAGE, AEO_PAGE if email != world.COUNSEL else PENDING_PAGE):
        for path in ("/pages/{}", "/pages/{}/image.png", "/documents/{}", "/documents/{}/download"):
            got, want = client.get(path.format(hidden)), client.get(path.format(ABSENT_PAGE))
            assert (got.status_code, blanked(got.text, hidden)) == (
                want.status_code,
                blanked(want.text, ABSENT_PAGE),
            )
            assert got.status_code == 404


def test_a_form_posted_without_its_csrf_token_is_refused(
    site: Site, sessions: dict[str, Client]
) -> None:
    fresh = Client(site.url)
    fresh.get("/login")
    refused = fresh.post(
        "/login", data={"email": world.EMPLOYEE, "password": world.PASSWORD, "code": ""}
    )
    assert refused.status_code == 403 and "clawback_session" not in fresh.jar
    forged = fresh.post(
        "/login", data={"email": world.EMPLOYEE, "password": world.PASSWORD, "csrf": "x" * 43}
    )
    assert forged.status_code == 403
    employee = sessions[world.EMPLOYEE]
    assert employee.post("/account/tokens", data={"name": "sneaky"}).status_code == 403
    assert employee.post("/account/tokens", data={"name": "x", "csrf": "nope"}).status_code == 403
    assert employee.post("/logout", data={}).status_code == 403
    assert employee.get("/").status_code == 200  # still logged in


def test_guessing_a_password_is_throttled_and_audited(site: Site) -> None:
    client = Client(site.url)
    for n in range(5):
        wrong = client.post(
            "/login",
            data={"email": world.GUESSED, "password": f"guess {n}", "csrf": client.csrf("/login")},
        )
        assert wrong.status_code == 401 and "wrong e-mail address, password" in wrong.text
    right = client.post(
        "/login",
        data={"email": world.GUESSED, "password": world.PASSWORD, "csrf": client.csrf("/login")},
    )
    assert right.status_code == 429 and "clawback_session" not in client.jar
    with site.workspace.sessions() as s:
        rows = s.scalars(select(t.Audit).where(t.Audit.subject == world.GUESSED)).all()
    actions = [r.action for r in rows]
    assert actions.count("login.failed") == 5 and actions.count("login.throttled") == 1
    assert not any(
        "guess" in json.dumps(r.detail) or world.PASSWORD in json.dumps(r.detail) for r in rows
    )


def test_an_address_guessing_at_many_accounts_is_throttled(site: Site) -> None:
    gate = Gate(site.workspace)
    for n in range(20):
        with pytest.raises(Exception, match="wrong e-mail"):
            gate.login(f"nobody{n}@example.test", "wrong password", "", "203.0.113.9")
    with pytest.raises(Throttled):
        gate.login(world.PUBLIC, world.PASSWORD, "", "203.0.113.9")
    gate.logout(gate.login(world.PUBLIC, world.PASSWORD, "", "203.0.113.10").token)


def test_session_cookie_flags_and_a_new_id_at_every_log_in(site: Site) -> None:
    client = Client(site.url)
    client.jar["clawback_session"] = "planted-by-an-attacker"
    token = client.csrf("/login")
    answer = client.post(
        "/login", data={"email": world.PUBLIC, "password": world.PASSWORD, "csrf": token}
    )
    cookie = next(c for c in answer.headers.get_list("set-cookie") if "clawback_session" in c)
    flags = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "secure", "samesite=strict", "path=/", "max-age=28800"} <= flags
    first = client.jar["clawback_session"]
    assert first != "planted-by-an-attacker"
    again = login(site, world.PUBLIC).jar["clawback_session"]
    assert again != first
    assert client.get("/").status_code == 200
    client.post("/logout", data={"csrf": client.csrf("/")})
    client.jar["clawback_session"] = first
    assert client.get("/").headers["location"] == "/login"  # ended for good


def test_an_unsigned_person_sees_no_document(site: Site) -> None:
    # The named plaintiff is throttled by the brute-force test; a fresh seat is made here.
    op = site.workspace.operator()
    op.people.add(
        "expert@plaintiffs.example", name="An Expert", side="receiving", category="witnesses"
    )
    made = op.accounts.invite("expert@plaintiffs.example", world.PASSWORD)
    assert made.totp_secret is not None  # witnesses may see AEO: the order asks a second factor
    site.secrets["expert@plaintiffs.example"] = made.totp_secret
    client = Client(site.url)
    token = client.csrf("/login")
    code = site.code("expert@plaintiffs.example")
    client.post(
        "/login",
        data={
            "email": "expert@plaintiffs.example",
            "password": world.PASSWORD,
            "code": code,
            "csrf": token,
        },
    )
    page = client.get(f"/pages/{world.EXHIBITS[0].bates()}")
    assert page.status_code == 303 and page.headers["location"] == "/acknowledge"
    wrong = client.post(
        "/acknowledge", data={"csrf": client.csrf("/acknowledge"), "agree": "yes", "signature": "X"}
    )
    assert wrong.status_code == 400 and "type your full name" in wrong.text
    signed = client.post(
        "/acknowledge",
        data={"csrf": client.csrf("/acknowledge"), "agree": "yes", "signature": "an expert"},
    )
    assert signed.status_code == 303
    assert client.get(f"/pages/{world.EXHIBITS[0].bates()}").status_code == 200


def _token(client: Client) -> str:
    made = client.post("/account/tokens", data={"name": "script", "csrf": client.csrf()})
    assert made.status_code == 201
    return made.text.split('id="new-token">', 1)[1].split("<", 1)[0]


def test_a_token_acts_as_its_holder_only(site: Site, sessions: dict[str, Client]) -> None:
    counsel, employee = _token(sessions[world.COUNSEL]), _token(sessions[world.EMPLOYEE])
    api = Client(site.url)

    def get(path: str, token: str | None, cookie: Client | None = None) -> int:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if cookie is not None:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookie.jar.items())
        return api.http.get(path, headers=headers).status_code

    assert get(f"/api/pages/{AEO_PAGE}", counsel) == 200
    assert get(f"/api/pages/{AEO_PAGE}", employee) == 404
    assert get(f"/api/pages/{AEO_PAGE}", employee, sessions[world.COUNSEL]) == 404
    assert get(f"/api/pages/{AEO_PAGE}", None, sessions[world.COUNSEL]) == 401  # no cookies
    assert get(f"/api/pages/{AEO_PAGE}", counsel[:-2] + "xx") == 401
    with site.workspace.sessions() as s:
        last = s.scalars(select(t.Audit).order_by(t.Audit.seq.desc()).limit(20)).all()
    reads = [r for r in last if r.action == "read.text" and r.subject == AEO_PAGE]
    assert reads and all(r.actor == world.COUNSEL and r.path == "api" for r in reads)


def test_the_api_answers_as_the_pages_do(site: Site, sessions: dict[str, Client]) -> None:
    client = sessions[world.COUNSEL]
    headers = {"Authorization": f"Bearer {_token(client)}"}
    http = Client(site.url).http
    docs = http.get("/api/documents", headers=headers).json()["documents"]
    assert {d["first"] for d in docs} == listed(client)
    page = http.get(f"/api/pages/{world.EXHIBITS[0].bates(1)}", headers=headers).json()
    assert page["previous"] == world.EXHIBITS[0].bates(0)
    assert page["next"] == world.EXHIBITS[0].bates(2)
    assert "quetzal" in page["text"]
    found = http.get("/api/search", params={"q": "quetzal"}, headers=headers).json()
    wanted = [world.EXHIBITS[0].bates(n) for n in range(3)]
    assert [h["bates"] for h in found["hits"]] == [h["name"] for h in found["hits"]] == wanted
    assert (found["total"], found["offset"]) == (3, 0)
    assert [c["claim"] for c in http.get("/api/claims", headers=headers).json()] == ["c-note"]
    missing = http.get(f"/api/pages/{ABSENT_PAGE}", headers=headers)
    hidden = http.get(f"/api/pages/{PENDING_PAGE}", headers=headers)
    assert missing.status_code == hidden.status_code == 404
    assert blanked(hidden.text, PENDING_PAGE) == blanked(missing.text, ABSENT_PAGE)
    assert http.get("/api/search", params={"q": "x"}, headers=headers).status_code == 400
    schema = http.get("/api/openapi.json").json()
    assert {"/api/documents", "/api/pages/{bates}", "/api/search", "/api/claims"} <= set(
        schema["paths"]
    )


def test_the_trail_still_verifies_with_the_logins_bound(site: Site) -> None:
    assert site.workspace.operator().audit.verify() == []
