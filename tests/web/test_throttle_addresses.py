"""The per-address log-in throttle against a guesser who changes address for free: one IPv6
host holds a whole /64 (2^64 addresses), and one IPv4 client may reach a dual-stack socket as
``::ffff:a.b.c.d``. Twenty failures already counted from one such place, the next attempt
from another address of it is refused unheard, as from the first. The failures are entered
as rows, as the log-ins that failed would have left them (twenty argon2 checks would take
seconds); the attempt goes through the gate."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.domain.accounts import MAX_FAILURES_PER_ADDRESS, throttle_address
from clawback.service import Workspace
from clawback.service.accounts import now
from clawback.service.gate import Gate, Throttled
from clawback.storage import tables as t
from tests.web import world


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gate]:
    base = tmp_path_factory.mktemp("throttle-addresses")
    world.copied(tmp_path_factory, base)
    workspace = Workspace.open(base / "ws")
    yield Gate(workspace)
    workspace.close()


def _failed_from(gate: Gate, addresses: list[str]) -> None:
    """The rows a failed log-in from each address leaves (as ``Gate.login`` writes them)."""
    with gate.workspace.sessions() as s:
        for n, address in enumerate(addresses):
            s.add(
                t.LoginAttempt(
                    at=now(),
                    email=f"nobody{n}@example.test",
                    address=throttle_address(address),
                    ok=False,
                )
            )
        s.commit()


@pytest.mark.parametrize(
    ("guessed_from", "then_from"),
    [
        ([f"2001:db8:5:7::{n:x}" for n in range(MAX_FAILURES_PER_ADDRESS)], "2001:db8:5:7::beef"),
        ([f"2001:db8:6:0:{n:x}::1" for n in range(MAX_FAILURES_PER_ADDRESS)], "2001:db8:6::9"),
        (["198.51.100.7"] * MAX_FAILURES_PER_ADDRESS, "::ffff:198.51.100.7"),
        (["::ffff:198.51.100.8"] * MAX_FAILURES_PER_ADDRESS, "198.51.100.8"),
    ],
)
def test_a_new_address_of_the_same_host_is_throttled_as_the_old(
    gate: Gate, guessed_from: list[str], then_from: str
) -> None:
    _failed_from(gate, guessed_from)
    with pytest.raises(Throttled):
        gate.login(world.PUBLIC, world.PASSWORD, "", then_from)


def test_a_neighbouring_network_is_heard(gate: Gate) -> None:
    """Another /64 (another host, as far as the address can tell) is not refused for it."""
    _failed_from(gate, [f"2001:db8:9:1::{n:x}" for n in range(MAX_FAILURES_PER_ADDRESS)])
    gate.logout(gate.login(world.PUBLIC, world.PASSWORD, "", "2001:db8:9:2::1").token)


def _written(gate: Gate) -> tuple[int, int]:
    from sqlalchemy import func, select

    with gate.workspace.sessions() as s:
        rows = s.scalar(select(func.count()).select_from(t.LoginAttempt)) or 0
        entries = s.scalar(select(func.count()).select_from(t.Audit)) or 0
    return rows, entries


def test_an_address_refused_unheard_writes_no_more_to_the_trail(gate: Gate) -> None:
    """Each attempt refused unheard appended an audit entry (hash-chained, kept for good) and a
    row: an outsider past the limit, sending attempts as fast as the server answers them
    (no password is checked: each costs next to nothing), grew the trail without bound, a new
    e-mail address typed each time. Past the address's limit, a refusal is now written at most once
    a minute for that address; the attempts heard before it are all in the trail."""
    _failed_from(gate, [f"2001:db8:77::{n:x}" for n in range(MAX_FAILURES_PER_ADDRESS)])
    before = _written(gate)
    for n in range(30):
        with pytest.raises(Throttled):
            gate.login(f"guess{n}@plaintiffs.example", "a guess", "", "2001:db8:77::1")
    rows, entries = _written(gate)
    assert rows - before[0] <= 1 and entries - before[1] <= 1, (before, rows, entries)
