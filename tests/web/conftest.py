"""One small case and one real uvicorn server on loopback for all the web tests, and a client
that logs in as a seat the way a browser does.
The case (``world.build``'s) is made once per run and each module serves a copy of its own
(``world.copied``)."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pyotp
import pytest
import uvicorn

from clawback.service import Workspace
from clawback.web import create_app
from clawback.web.settings import Settings
from tests.web import world

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
OPENED: list[httpx.Client] = []  # closed when the server stops


@dataclass
class Site:
    url: str
    workspace: Workspace
    secrets: dict[str, str | None]
    used: dict[str, int] = field(default_factory=dict)

    def code(self, email: str) -> str:
        """A one-time code the server has not seen yet for this login (each is used once)."""
        secret = self.secrets[email]
        if secret is None:
            return ""
        totp = pyotp.TOTP(secret)
        while True:
            step = max(int(time.time()) // totp.interval, self.used.get(email, -1) + 1)
            if step <= int(time.time()) // totp.interval + 1:  # the server takes one step ahead
                self.used[email] = step
                return totp.at(step * totp.interval)
            time.sleep(1)


class Client:
    """A browser's cookie handling over plain HTTP on loopback: Secure cookies kept and sent
    by hand, since httpx sends them over HTTPS only."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, follow_redirects=False, timeout=30)
        OPENED.append(self.http)
        self.jar: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}) or {})  # type: ignore[call-overload]
        if self.jar:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.jar.items())
        self.http.cookies.clear()
        response = self.http.request(method, path, headers=headers, **kwargs)  # type: ignore[arg-type]
        for line in response.headers.get_list("set-cookie"):
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0].strip('"')
            if "max-age=0" in line.lower() or not value:
                self.jar.pop(name, None)
            else:
                self.jar[name] = value
        return response

    def get(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: object) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def csrf(self, path: str = "/account") -> str:
        found = CSRF.search(self.get(path).text)
        assert found, path
        return found.group(1)


def login(site: Site, email: str, sign: bool = True) -> Client:
    client = Client(site.url)
    token = client.csrf("/login")
    answer = client.post(
        "/login",
        data={"email": email, "password": world.PASSWORD, "code": site.code(email), "csrf": token},
    )
    assert answer.status_code == 303, answer.text
    if sign and client.get("/").headers.get("location") == "/acknowledge":
        seated = site.workspace.seated(email).name
        signed = client.post(
            "/acknowledge",
            data={"csrf": client.csrf("/acknowledge"), "agree": "yes", "signature": seated},
        )
        assert signed.status_code == 303, signed.text
    return client


Build = Callable[[Path, bool], dict[str, str | None]]


@contextmanager
def served(
    factory: pytest.TempPathFactory,
    name: str,
    settled: bool = True,
    build: Build = world.build,
    then: Callable[[Path], None] | None = None,
    uvicorn_options: dict[str, object] | None = None,
) -> Iterator[Site]:
    """The case ``build`` makes (``world.build``'s: a copy of the one made once per run) in a
    new folder ``name``, with what ``then(workspace folder)`` adds to it, served on loopback
    (with ``uvicorn_options``, as ``clawback serve`` sets them); filings go to its ``filed``."""
    base = factory.mktemp(name)
    if build is world.build:
        secrets = world.copied(factory, base, settled)
    else:
        secrets = build(base / "ws", settled)
    if then is not None:
        then(base / "ws")
    workspace = Workspace.open(base / "ws")
    app = create_app(workspace, Settings(filings=base / "filed", drawing_processes=1))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    options: dict[str, object] = {"log_level": "warning", **(uvicorn_options or {})}
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", **options))  # type: ignore[arg-type]
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{port}", workspace, secrets)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
        workspace.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "web") as found:
        yield found
    for client in OPENED:
        client.close()


@pytest.fixture(scope="session")
def sessions(site: Site) -> dict[str, Client]:
    """One logged-in client per seat (the acknowledgment signed where it is asked)."""
    return {email: login(site, email) for email in world.SEATS}
