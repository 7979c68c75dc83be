"""A login disabled by the operator (``people disable``), through the real server: its session
ends and its API token stops at once, a log-in with the right password is answered exactly as
a wrong password is (no telling a disabled login from a mistyped one), and ``people enable``
opens it again. On a case of its own: these tests end sessions and fail log-ins."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.errors import NotFound, RuleViolation
from tests.web import world
from tests.web.conftest import Client, Site, login, served

WHO = world.PUBLIC  # a seat with no second factor: logs in again without a fresh code


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "disabled") as found:
        yield found


def _post_login(email: str, password: str, site: Site) -> httpx.Response:
    client = Client(site.url)
    return client.post(
        "/login",
        data={"email": email, "password": password, "code": "", "csrf": client.csrf("/login")},
    )


def _page(answer: httpx.Response) -> str:
    """The answer to a log-in, less the form's fresh CSRF token and the address typed."""
    return answer.text.replace(WHO, "<EMAIL>").split('name="csrf" value="')[0]


def test_disabling_a_login_ends_it_at_once_and_tells_nothing(own: Site) -> None:
    client = login(own, WHO)
    made = client.post("/account/tokens", data={"name": "script", "csrf": client.csrf()})
    assert made.status_code == 201, made.text
    token = made.text.split('id="new-token">', 1)[1].split("<", 1)[0]
    api = httpx.Client(base_url=own.url, timeout=30)
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/documents", headers=bearer).status_code == 200
    wrong = _post_login(WHO, "not the password at all", own)

    assert own.workspace.operator().accounts.disable(WHO) == 1

    assert client.get("/").headers.get("location") == "/login"  # the session ended
    assert api.get("/api/documents", headers=bearer).status_code == 401
    api.close()
    refused = _post_login(WHO, world.PASSWORD, own)  # the right password
    assert refused.status_code == wrong.status_code == 401
    assert "clawback_session" not in refused.headers.get("set-cookie", "")
    assert _page(refused) == _page(wrong)
    assert own.workspace.operator().accounts.disable(WHO) == 0  # disabled already
    with pytest.raises(RuleViolation, match="disabled"):
        own.workspace.operator().accounts.invite(WHO, world.PASSWORD)

    assert own.workspace.operator().accounts.enable(WHO) is True
    again = login(own, WHO)
    assert again.get("/").status_code == 200
    assert "revoked" in again.get("/account").text  # the old token stays revoked
    trail = own.workspace.operator().audit
    assert trail.verify() == []  # each change of the login bound to the trail


def test_only_a_seat_that_sets_up_logins_disables_one_and_a_stranger_is_absent(
    own: Site,
) -> None:
    employee = own.workspace.person(world.EMPLOYEE)
    with pytest.raises(RuleViolation):
        employee.accounts.disable(WHO)
    with pytest.raises(NotFound, match=r"nobody@nowhere\.example"):
        own.workspace.operator().accounts.disable("nobody@nowhere.example")


def test_the_commands_are_one_line_each(own: Site) -> None:
    folder = str(own.workspace.root)
    runner = CliRunner()
    said = runner.invoke(app, ["people", "disable", world.COUNSEL, "-w", folder])
    assert said.exit_code == 0 and said.output.splitlines() == [
        f"{world.COUNSEL}: login disabled (0 API tokens revoked)"
    ], said.output
    said = runner.invoke(app, ["people", "enable", world.COUNSEL, "-w", folder])
    assert said.output.splitlines() == [f"{world.COUNSEL}: login enabled"], said.output
    said = runner.invoke(app, ["people", "disable", "nobody@nowhere.example", "-w", folder])
    assert said.exit_code == 1 and len(said.output.splitlines()) == 1, said.output
