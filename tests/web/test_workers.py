"""``clawback serve --workers 2``: two processes answer on one socket, and what decides who
may log in is the record's, not one process's memory. Failed log-ins made through one worker
process throttle the account when the right password is then sent through the other (each
connection's process found from the kernel's socket table, not guessed)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace
from tests.web.conftest import Client

EMPLOYEE = "staff@plaintiffs.example"  # a party employee: Confidential only, no second factor
PASSWORD = "correct horse battery staple"


@pytest.fixture
def two_workers(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    root = tmp_path / "ws"
    op = Workspace.init(root).operator()
    op.matter.load_case(reference_case())
    op.people.add(
        EMPLOYEE, name="Staff", side="receiving", category="party_officers_directors_employees"
    )
    assert op.accounts.invite(EMPLOYEE, PASSWORD).totp_secret is None
    op.ctx.workspace.close()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    argv = ["serve", "-w", str(root), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(
        [sys.executable, "-m", "clawback", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if len(_workers(server.pid)) == 2:
                try:
                    httpx.get(f"{url}/login", timeout=2)
                    break
                except httpx.HTTPError:
                    pass
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            time.sleep(0.1)
        yield url, server
    finally:
        server.terminate()
        server.wait(30)
        if server.stderr is not None:
            server.stderr.close()


def _workers(parent: int) -> set[int]:
    """The worker processes ``parent`` started (uvicorn's, spawned by multiprocessing; not its
    resource tracker)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                argv = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent and b"spawn_main" in argv:
                found.add(int(entry))
    return found


def _answering(client: Client, workers: set[int]) -> int:
    """The worker process holding ``client``'s open connection (a GET on it first)."""
    answer = client.get("/login")
    port = answer.extensions["network_stream"].get_extra_info("client_addr")[1]
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if int(fields[2].split(":")[1], 16) == port:  # the server's end: our port remote
            inodes.add(fields[9])
    for pid in workers:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                held = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if re.fullmatch(r"socket:\[(\d+)\]", held) and held[8:-1] in inodes:
                return pid
    raise AssertionError(f"no worker holds the connection from port {port}")


def _log_in(client: Client, password: str) -> httpx.Response:
    data = {"email": EMPLOYEE, "password": password, "csrf": client.csrf("/login")}
    return client.post("/login", data=data)


def test_log_in_throttling_holds_across_two_worker_processes(
    two_workers: tuple[str, subprocess.Popen[bytes]],
) -> None:
    url, server = two_workers
    workers = _workers(server.pid)
    assert len(workers) == 2
    made: list[Client] = []
    by_worker: dict[int, Client] = {}
    try:
        for _ in range(200):  # fresh connections until each worker holds one
            made.append(Client(url))
            by_worker.setdefault(_answering(made[-1], workers), made[-1])
            if len(by_worker) == 2:
                break
        assert len(by_worker) == 2, "the kernel gave every connection to one worker"
        guesser, other = by_worker.values()
        for n in range(5):
            assert _log_in(guesser, f"guess {n}").status_code == 401
        refused = _log_in(other, PASSWORD)  # the right password, through the other process
        assert refused.status_code == 429 and "clawback_session" not in other.jar
        assert {_answering(guesser, workers), _answering(other, workers)} == workers
    finally:
        for client in made:
            client.http.close()
