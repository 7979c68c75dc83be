"""Who is asking, as an attacker tries to keep or borrow a way in: a session or API token
opened by a weaker log-in than the seat now asks for. On a case of its own: these tests
re-seat people and end their sessions."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.web import world
from tests.web.conftest import Client, Site, login, served

AEO = world.EXHIBITS[1].bates(0)  # Ex. 2: AEO, which the order asks a second factor for


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "who-is-asking") as found:
        yield found


def _token(client: Client) -> str:
    made = client.post("/account/tokens", data={"name": "script", "csrf": client.csrf()})
    assert made.status_code == 201
    return made.text.split('id="new-token">', 1)[1].split("<", 1)[0]


def _reseat(site: Site, email: str, category: str) -> None:
    seated = site.workspace.seated(email)
    site.workspace.operator().people.add(
        email, name=seated.name, side=seated.side.value, category=category
    )


def _api(site: Site, token: str, path: str) -> httpx.Response:
    with httpx.Client(base_url=site.url, timeout=30) as api:
        return api.get(path, headers={"Authorization": f"Bearer {token}"})


def test_a_seat_raised_to_a_second_factor_ends_what_a_password_alone_opened(own: Site) -> None:
    """A party employee logs in with a password alone (the order asks no second factor of
    their tier) and makes an API token; the operator then seats them as counsel, whose AEO
    tier the order guards with a one-time code. Before, the password-only session and token
    went on reading the AEO pages, while a fresh log-in was refused for want of the factor."""
    employee = login(own, world.EMPLOYEE)
    assert own.secrets[world.EMPLOYEE] is None
    token = _token(employee)
    assert employee.get(f"/pages/{AEO}").status_code == 404
    _reseat(own, world.EMPLOYEE, "counsel")
    try:
        assert employee.get(f"/pages/{AEO}").headers.get("location") == "/login"
        refused = _api(own, token, f"/api/pages/{AEO}")
        assert refused.status_code == 401, refused.text
        assert "ocelot" not in refused.text
    finally:
        _reseat(own, world.EMPLOYEE, "party_officers_directors_employees")


def test_a_seat_raised_again_ends_sessions_opened_without_its_code(own: Site) -> None:
    """Counsel's login has its TOTP secret; seated lower for a while, they log in with a
    password alone, as that seat asks. Raised to counsel again, that session and the token
    made in it must not reach AEO pages without the one-time code ever having been typed."""
    _reseat(own, world.COUNSEL, "party_officers_directors_employees")
    try:
        lowered = login(own, world.COUNSEL)  # the code it sends is not asked for
        token = _token(lowered)
    finally:
        _reseat(own, world.COUNSEL, "counsel")
    assert lowered.get(f"/pages/{AEO}").headers.get("location") == "/login"
    assert _api(own, token, f"/api/pages/{AEO}").status_code == 401
    assert login(own, world.COUNSEL).get(f"/pages/{AEO}").status_code == 200  # with its code


def test_an_order_that_asks_a_code_again_ends_sessions_opened_without_it(own: Site) -> None:
    """The same way in through the order: one replaced by an order asking no second factor,
    counsel logs in with a password alone; the order asking it is put back (by agreement), and
    that session and its token must stop where the code guards."""
    from clawback.demo.run import reference_case

    case = reference_case()
    lax = {**case, "protective_order": {**case["protective_order"], "second_factor": {}}}
    operator = own.workspace.operator()
    operator.matter.load_case(lax, agreed_by="both sides")
    try:
        lowered = login(own, world.COUNSEL)  # the code it sends is not asked for
        token = _token(lowered)
        assert lowered.get(f"/pages/{AEO}").status_code == 200
    finally:
        operator.matter.load_case(case, agreed_by="both sides")
    assert lowered.get(f"/pages/{AEO}").headers.get("location") == "/login"
    assert _api(own, token, f"/api/pages/{AEO}").status_code == 401
    assert own.workspace.operator().audit.verify() == []  # the revocations bound to the trail


def _post_login(email: str, password: str, code: str, site: Site) -> httpx.Response:
    client = Client(site.url)
    return client.post(
        "/login",
        data={"email": email, "password": password, "code": code, "csrf": client.csrf("/login")},
    )


def test_a_code_in_other_digits_reads_as_a_wrong_one(own: Site) -> None:
    """Six Arabic-Indic digits pass ``str.isdigit``; compared with the code, they raised
    (``secrets.compare_digest`` takes ASCII only): with the right password the log-in was a
    server fault (500), with a wrong one 401, so the answer told a guessed password right,
    and the attempt that told it was neither counted against the throttle nor audited."""
    from sqlalchemy import select

    from clawback.storage import tables as t

    other = "\u0661\u0662\u0663\u0664\u0665\u0666"
    right = _post_login(world.CLERK, world.PASSWORD, other, own)
    wrong = _post_login(world.CLERK, "not the password at all", other, own)
    assert right.status_code == wrong.status_code == 401, right.text
    assert right.text.split('name="csrf"')[0] == wrong.text.split('name="csrf"')[0]
    with own.workspace.sessions() as s:
        failed = s.scalars(
            select(t.Audit.detail).where(
                t.Audit.subject == world.CLERK, t.Audit.action == "login.failed"
            )
        ).all()
    assert {"code", "password"} <= {d.get("reason") for d in failed}


@pytest.mark.parametrize("digits", ["\u00b2", "\u0663", "\u2460"])
def test_a_count_in_other_digits_in_a_query_is_no_fault(own: Site, digits: str) -> None:
    """``/documents?designated=²`` (what the designate form's answer carries back): ``²``
    passes ``str.isdigit`` and ``int()`` refuses it, a server fault."""
    answer = login(own, world.EMPLOYEE).get(f"/documents?designated={digits}")
    assert answer.status_code == 200, answer.status_code
