"""What ``clawback serve`` writes to its log: the operator (the producing side's litigation
support) holds the console, so no request's words reach it. The other party's searches and the
pages it reads are its work product (the audit trail withholds them from the producing side);
the log says only which route answered and how (``GET /api/search 200``), never the Bates
number, the document or the query a request named.

The server runs as the operator runs it, in a process of its own, over the small case of
``tests.web.world``; receiving counsel reads and searches through the API with a token."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from clawback.service import Workspace
from clawback.service.gate import UNDERTAKING, Gate, Visitor
from tests.web import world

QUERY = "quetzal"  # a word only Ex. 1's pages hold
PAGE = world.EXHIBITS[0].bates(1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _counsel_token(factory: pytest.TempPathFactory, root: Path) -> str:
    """In a copy of the case at ``root`` (``world.build``'s, made once per run), receiving
    counsel's API token, the acknowledgment signed as the app has it signed."""
    world.copied(factory, root.parent, settled=False)
    workspace = Workspace.open(root)
    try:
        seat = workspace.seated(world.COUNSEL)
        name = seat.name
        visitor = Visitor(world.COUNSEL, name, "", datetime.max, (UNDERTAKING,), seat, None)
        Gate(workspace).sign_undertaking(visitor, name, agreed=True)
        return workspace.person(world.COUNSEL).accounts.new_token("log test")
    finally:
        workspace.close()


def test_the_servers_log_names_the_route_never_what_a_request_read_or_searched_for(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    token = _counsel_token(tmp_path_factory, tmp_path / "ws")
    port = _free_port()
    logged = tmp_path / "serve.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "clawback", "serve", "-w", str(tmp_path / "ws")]
    with logged.open("wb") as out:
        server = subprocess.Popen(
            [*command, "--port", str(port), "--workers", "1"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
        try:
            headers = {"Authorization": f"Bearer {token}"}
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as http:
                for _ in range(300):
                    try:
                        http.get("/api/openapi.json")
                        break
                    except httpx.TransportError:
                        time.sleep(0.1)
                found = http.get("/api/search", params={"q": QUERY})
                read = http.get(f"/api/pages/{PAGE}")
                opened = http.get(f"/api/documents/{world.EXHIBITS[0].number}")
        finally:
            server.terminate()
            server.wait(30)
    assert found.status_code == read.status_code == opened.status_code == 200
    assert QUERY in found.text and QUERY in read.text  # the answers did carry them
    text = logged.read_text("utf-8", "replace")
    assert "GET /api/search 200" in text, text  # the log is kept, by route
    assert "GET /api/pages/{bates} 200" in text, text
    for said in (QUERY, PAGE, world.EXHIBITS[0].title, "q="):
        assert said not in text, f"the server's log carries {said!r}:\n{text}"
