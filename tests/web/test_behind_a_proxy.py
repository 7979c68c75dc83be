"""Who is asking, by address, as ``clawback serve`` runs: the per-address log-in throttle
counts the socket's address, never what a client says in ``X-Forwarded-For``. Behind the TLS
proxy the README asks for off loopback, every socket is the proxy's: before, twenty failed
log-ins from anyone (an outsider's twenty guesses) refused every log-in of everyone for
fifteen minutes, again and again. Named with ``--proxy``, that proxy's word for the client's
address is taken (its own last entry, as uvicorn reads it), and only from it. The failures
are entered as rows, as failed log-ins leave them (twenty argon2 checks take seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.domain.accounts import MAX_FAILURES_PER_ADDRESS
from clawback.domain.errors import InvalidInput
from clawback.service.accounts import now
from clawback.storage import tables as t
from clawback.web.server import quiet, serve
from tests.web import world
from tests.web.conftest import Client, Site, served


def _server_options(proxy: str | None) -> dict[str, object]:
    """What ``clawback serve`` runs uvicorn with, less its logging set-up (the test's own)."""
    return {**quiet(proxy), "log_config": None}


@pytest.fixture(scope="module")
def direct(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "direct", uvicorn_options=_server_options(None)) as found:
        yield found


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    options = _server_options("127.0.0.1")
    with served(tmp_path_factory, "proxied", uvicorn_options=options) as found:
        yield found


def _failed_from(site: Site, address: str) -> None:
    with site.workspace.sessions() as s:
        for n in range(MAX_FAILURES_PER_ADDRESS):
            s.add(t.LoginAttempt(at=now(), email=f"x{n}@example.test", address=address, ok=False))
        s.commit()


def _log_in(site: Site, forwarded: str | None) -> int:
    client = Client(site.url)
    token = client.csrf("/login")
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    answer = client.post(
        "/login",
        data={"email": world.PUBLIC, "password": world.PASSWORD, "csrf": token},
        headers=headers,
    )
    return answer.status_code


def test_a_client_naming_another_address_is_counted_by_its_own(direct: Site) -> None:
    _failed_from(direct, "127.0.0.1")
    for forwarded in ("203.0.113.5", "203.0.113.5, 198.51.100.1", "unknown"):
        assert _log_in(direct, forwarded) == 429, forwarded


def test_behind_a_named_proxy_one_guesser_locks_out_only_itself(proxied: Site) -> None:
    _failed_from(proxied, "198.51.100.66")
    assert _log_in(proxied, "198.51.100.66") == 429
    assert _log_in(proxied, "203.0.113.5, 198.51.100.66") == 429  # the proxy's entry is last
    assert _log_in(proxied, "198.51.100.66, 203.0.113.5") == 303  # one the guesser wrote first
    assert _log_in(proxied, "203.0.113.7") == 303  # another client behind the same proxy


@pytest.mark.parametrize("proxy", ["*", "10.0.0.0/8", "proxy.example", ""])
def test_a_proxy_is_named_by_one_address(proxy: str, tmp_path: Path) -> None:
    """``*`` would believe any client's word for its address (uvicorn's meaning of it)."""
    with pytest.raises(InvalidInput, match="--proxy"):
        serve(tmp_path / "nowhere", proxy=proxy)
