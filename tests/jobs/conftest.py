"""What the job tests share: a generated collection of text PDFs, a workspace holding the
reference case's order, and a Redis of the test's own for Celery."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from tests.started import start

WORDS = [
    "deposition", "counsel", "exhibit", "agreement", "merger", "invoice", "privilege",
    "witness", "schedule", "production", "discovery", "motion", "order", "crossing", "port",
    "field", "report", "review", "unit", "agent", "the", "of", "and", "to", "in",
]  # fmt: skip


def collection(folder: Path, documents: int, pages: int = 2, seed: int = 20) -> Path:
    """``documents`` text PDFs of ``pages`` pages each, every page its own words."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for n in range(documents):
        doc = pymupdf.open()
        for _ in range(pages):
            page = doc.new_page(width=612, height=792)
            body = "\n".join(" ".join(rng.choices(WORDS, k=10)) for _ in range(12))
            page.insert_textbox(pymupdf.Rect(54, 54, 558, 700), body, fontsize=10)
        (folder / f"file-{n:03d}.pdf").write_bytes(doc.tobytes())
        doc.close()
    return folder


@pytest.fixture
def workspace_root(tmp_path: Path, database_url: str) -> Path:
    """A closed workspace at ``tmp_path / "ws"`` holding the reference case's order, on the
    test's backend (its URL also in ``CLAWBACK_DATABASE_URL`` for the processes it starts)."""
    root = tmp_path / "ws"
    start(root, database_url).close()  # `tests.started`
    return root


@pytest.fixture
def database_env(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLAWBACK_DATABASE_URL", database_url)
    return database_url


@pytest.fixture
def redis_broker(tmp_path: Path) -> Iterator[str]:
    """A Redis of this test's own on a unix socket (the broker URL); the shared one at
    127.0.0.1:6379 when redis-server is not installed (tasks go to a queue named by the new
    workspace's id, so nothing else takes them); skipped loudly when neither can be had."""
    server = shutil.which("redis-server")
    if server is None:
        yield _shared_redis()
        return
    sock = tmp_path / "redis.sock"
    proc = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", str(sock), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis+socket://{sock}"
    try:
        _wait_for(f"unix://{sock}", proc)
        yield url
    finally:
        proc.terminate()
        proc.wait()


def _wait_for(url: str, proc: subprocess.Popen[bytes]) -> None:
    import redis

    client = redis.Redis.from_url(url)
    while True:
        if proc.poll() is not None:
            pytest.fail(f"redis-server stopped at once (exit status {proc.returncode})")
        try:
            if client.ping():
                return
        except redis.ConnectionError:
            time.sleep(0.05)


def _shared_redis() -> str:
    import redis

    url = os.environ.get("CLAWBACK_TEST_REDIS", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(url).ping()
    except redis.ConnectionError as exc:
        pytest.skip(
            f"!!! CELERY WORKERS NOT TESTED: no redis-server to start and no Redis at {url} "
            f"({exc}); install redis-server (scripts/setup) !!!"
        )
    return url
