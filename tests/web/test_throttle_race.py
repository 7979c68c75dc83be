"""Log-in throttling and one-time codes hold against attempts sent all at once: server
processes (each its own ``Workspace`` and ``Gate`` over one database, as ``clawback serve
--workers N`` runs them) each take a wrong password for one account at the same moment, and
at most the limit of them are heard (checked against the password), the rest refused
unheard; or each take the same right one-time code, and one session opens. On SQLite and on
PostgreSQL, where each attempt's transaction read the count of failures (and the last code
used) before any of the others had written theirs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pyotp
from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.domain.accounts import MAX_FAILURES_PER_ACCOUNT
from clawback.service import Workspace
from clawback.service.gate import Gate, NotAuthenticated, Throttled
from clawback.storage import tables as t

EMAIL = "reporter@press.example"
PASSWORD = "correct horse battery staple"
PROCESSES = 12


def _servers(root: Path, url: str, email: str, seat: dict[str, str]) -> tuple[list[Gate], str]:
    """A workspace with ``email`` seated and invited, opened as PROCESSES servers; its TOTP
    secret (or "")."""
    made = Workspace.init(root, url)
    op = made.operator()
    op.matter.load_case(reference_case())
    op.people.add(email, **seat)
    secret = op.accounts.invite(email, PASSWORD).totp_secret or ""
    made.close()
    return [Gate(Workspace.open(root, url)) for _ in range(PROCESSES)], secret


def _at_once(gates: list[Gate], attempt: Callable[[Gate, int], str]) -> list[str]:
    start = threading.Barrier(PROCESSES)
    answers: list[str] = []

    def run(n: int) -> None:
        start.wait()
        answers.append(attempt(gates[n], n))

    threads = [threading.Thread(target=run, args=(n,)) for n in range(PROCESSES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(answers) == PROCESSES
    return answers


def _trail(gate: Gate, email: str) -> list[str]:
    with gate.workspace.sessions() as s:
        return list(s.scalars(select(t.Audit.action).where(t.Audit.subject == email)).all())


def _close(gates: list[Gate]) -> None:
    for gate in gates:
        gate.workspace.close()


def test_guesses_sent_at_once_are_heard_no_more_than_the_limit(
    tmp_path: Path, database_url: str
) -> None:
    seat = {"name": "A reporter", "side": "public", "category": "public"}
    gates, _ = _servers(tmp_path / "ws", database_url, EMAIL, seat)

    def guess(gate: Gate, n: int) -> str:
        try:
            gate.login(EMAIL, f"guess {n}", "", f"198.51.100.{n}")
        except Throttled:
            return "throttled"
        except NotAuthenticated:
            return "heard"
        return "opened"

    answers = _at_once(gates, guess)
    trail = _trail(gates[0], EMAIL)
    _close(gates)
    assert answers.count("heard") <= MAX_FAILURES_PER_ACCOUNT, answers
    assert trail.count("login.failed") == answers.count("heard")


def test_one_code_sent_at_once_opens_one_session(tmp_path: Path, database_url: str) -> None:
    clerk = "clerk@court.example"
    seat = reference_case()["people"][clerk]
    gates, secret = _servers(tmp_path / "ws", database_url, clerk, seat)
    code = pyotp.TOTP(secret).now()

    def replay(gate: Gate, n: int) -> str:
        try:
            gate.login(clerk, PASSWORD, code, f"198.51.100.{n}")
        except NotAuthenticated:
            return "refused"
        return "opened"

    answers = _at_once(gates, replay)
    _close(gates)
    assert answers.count("opened") == 1, answers
