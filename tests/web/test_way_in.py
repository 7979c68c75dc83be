"""The way in, as an attacker tries it: a one-time code used twice, a login set up again while
its API tokens live on, an unknown address and a wrong password told apart, a ``next`` that
leads off the site, a forged Host, paths reaching outside the folders the app serves, and
the headers every answer (an error's too) must carry. On a case of its own: these tests end
sessions and fail log-ins."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.web import world
from tests.web.conftest import Client, Site, login, served


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "way-in") as found:
        yield found


@pytest.fixture(scope="module")
def clerk(own: Site) -> Client:
    """The court's session, logged in once: each log-in of a seat with a second factor takes
    a fresh one-time code (a code is good once), so a log-in per test waited up to 30 s."""
    return login(own, world.CLERK)


def _post_login(client: Client, email: str, password: str, code: str = "") -> httpx.Response:
    return client.post(
        "/login",
        data={"email": email, "password": password, "code": code, "csrf": client.csrf("/login")},
    )


def _token(client: Client) -> str:
    made = client.post("/account/tokens", data={"name": "script", "csrf": client.csrf()})
    assert made.status_code == 201
    return made.text.split('id="new-token">', 1)[1].split("<", 1)[0]


def test_a_one_time_code_opens_one_session(own: Site) -> None:
    code = own.code(world.CLERK)
    first = _post_login(Client(own.url), world.CLERK, world.PASSWORD, code)
    assert first.status_code == 303
    replayed = _post_login(Client(own.url), world.CLERK, world.PASSWORD, code)
    assert replayed.status_code == 401 and "clawback_session" not in replayed.headers.get(
        "set-cookie", ""
    )


def test_setting_a_login_up_again_ends_its_api_tokens(own: Site) -> None:
    """Inviting again is how the operator answers a login thought stolen: whatever the old
    login made (its sessions and its API tokens) stops working."""
    client = login(own, world.EMPLOYEE)
    token = _token(client)
    api = httpx.Client(base_url=own.url, timeout=30)
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/documents", headers=bearer).status_code == 200
    made = own.workspace.operator().accounts.invite(world.EMPLOYEE, world.PASSWORD)
    own.secrets[world.EMPLOYEE] = made.totp_secret
    assert client.get("/").headers.get("location") == "/login"  # the session ended
    refused = api.get("/api/documents", headers=bearer)
    assert refused.status_code == 401, refused.text
    api.close()
    tokens = login(own, world.EMPLOYEE).get("/account").text
    assert "revoked" in tokens
    assert own.workspace.operator().audit.verify() == []  # the revocation bound to the trail


def test_an_unknown_address_reads_as_a_wrong_password(own: Site) -> None:
    unknown = _post_login(Client(own.url), "nobody@plaintiffs.example", "a guess")
    wrong = _post_login(Client(own.url), world.PUBLIC, "a guess")
    assert unknown.status_code == wrong.status_code == 401

    def blank(r: httpx.Response, email: str) -> str:
        return r.text.replace(email, "<EMAIL>").split('name="csrf" value="')[0]

    assert blank(unknown, "nobody@plaintiffs.example") == blank(wrong, world.PUBLIC)


def test_a_log_in_goes_home_whatever_next_says(own: Site) -> None:
    client = Client(own.url)
    for path in ("/login?next=https://evil.example/", "/login?next=//evil.example"):
        token = client.csrf(path)
        answer = client.post(
            path, data={"email": world.PUBLIC, "password": world.PASSWORD, "csrf": token}
        )
        assert answer.status_code == 303 and answer.headers["location"] == "/"


def test_a_forged_host_reaches_no_link(own: Site) -> None:
    client = login(own, world.PUBLIC)
    for path in ("/", "/documents", "/login", "/nowhere", "/documents/1"):
        answer = client.get(path, headers={"Host": "evil.example"})
        assert "evil.example" not in answer.text, path
        assert "evil.example" not in answer.headers.get("location", ""), path


TRAVERSALS = (
    "/static/..%2f..%2fapp.py",
    "/static/%2e%2e/%2e%2e/web/app.py",
    "/filing/sealed/..%2f..%2fws%2fclawback.db",
    "/filing/..%2f..%2fws/clawback.db",
    "/filing/sealed/%2e%2e",
    "/documents/..%2f..%2fws%2fclawback.db/download",
    "/docket/..%2f..%2fws/public.pdf",
    "/privilege-log.db",
)


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_path_reaches_outside_what_is_served(own: Site, clerk: Client, path: str) -> None:
    client = clerk
    raw = httpx.Client(timeout=30)
    cookies = "; ".join(f"{k}={v}" for k, v in client.jar.items())
    answer = raw.send(
        raw.build_request("GET", own.url + path, headers={"Cookie": cookies}),
    )
    raw.close()
    assert answer.status_code in (400, 404), (path, answer.status_code)
    assert b"SQLite" not in answer.content and b"import " not in answer.content
    assert "Traceback" not in answer.text and "/tmp/" not in answer.text


@pytest.mark.parametrize(
    "path", ["/", "/login", "/nowhere", "/pages/AOL-DEF-00000999", "/api/documents"]
)
def test_every_answer_carries_the_sites_headers(own: Site, path: str) -> None:
    answer = Client(own.url).get(path)
    headers = answer.headers
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "script-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["cache-control"] == "no-store"


OUT_OF_RANGE = (
    "/privilege-log/diff?before=99999999999999999999&after=1",
    "/privilege-log/diff?before=1&after=9223372036854775808",
    "/deadlines?m=9999-12",
    "/deadlines?m=0001-01",
    "/documents?bates_from=AOL-DEF-99999999999999999999999",
    "/documents?bates_from=AOL-DEF-1&bates_to=AOL-DEF-99999999999999999999",
)


@pytest.mark.parametrize("path", OUT_OF_RANGE)
def test_a_number_out_of_range_is_refused_in_one_line(own: Site, clerk: Client, path: str) -> None:
    """Values no column or calendar holds are refused where they enter (they were a bare
    "Internal Server Error" without the site's headers)."""
    client = clerk
    answer = Client(own.url)
    answer.jar = dict(client.jar)
    found = answer.get(path)
    assert found.status_code == 400, (path, found.status_code)
    assert "script-src 'self'" in found.headers["content-security-policy"]
    assert found.headers["cache-control"] == "no-store"
    assert "Traceback" not in found.text and "Error" not in found.text


def test_revoking_a_token_by_a_reference_that_is_none_is_refused_in_one_line(
    clerk: Client,
) -> None:
    client = clerk
    path = "/account/tokens/99999999999999999999999/revoke"
    found = client.post(path, data={"csrf": client.csrf()})
    assert found.status_code == 400 and "not a token reference" in found.text


def test_a_fault_of_the_server_answers_in_one_line_with_the_sites_headers(
    own: Site, caplog: pytest.LogCaptureFixture
) -> None:
    """Whatever fault is left answers as every error does: the site's page, one line, the
    headers; its traceback goes to the server's log, never the page."""
    import asyncio

    from clawback.web import create_app

    app = create_app(own.workspace)

    @app.get("/fault")
    def fault() -> None:
        raise RuntimeError(f"secret detail at {own.workspace.root}")

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/fault")

    answer = asyncio.run(get())
    assert answer.status_code == 500
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["cache-control"] == "no-store"
    assert "could not answer this request" in answer.text
    assert "secret detail" not in answer.text and str(own.workspace.root) not in answer.text
    assert "secret detail" in caplog.text  # kept for the operator


def test_htmx_evaluates_nothing_it_swaps_in(clerk: Client) -> None:
    """Besides the policy: htmx runs no script tag and evaluates no expression of what it
    swaps into a page, and asks this site only."""
    import json
    import re

    page = clerk.get("/search").text
    found = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page)
    assert found is not None
    config = json.loads(found.group(1))
    assert config["allowEval"] is False and config["allowScriptTags"] is False
    assert config["selfRequestsOnly"] is True
