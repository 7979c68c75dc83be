"""Fixtures shared by the suite: database URLs for both backends, the shared sample folder, the
reference case's demo run once, the place of the workspace templates (`tests.started`)."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from clawback.pdf.gate.verify import xray_python
from tests import started
from tests.reference_demo import shared_demo

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POSTGRES_ADMIN = os.environ.get(
    "CLAWBACK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _postgres_database() -> str:
    """A database of our own on the local PostgreSQL server, made once per run."""
    admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
    name = "clawback_test"
    try:
        with admin.connect() as conn:
            exists = conn.scalar(text("select 1 from pg_database where datname = :n"), {"n": name})
            if not exists:
                # another test process may make it first
                with contextlib.suppress(IntegrityError, ProgrammingError):
                    conn.execute(text(f'create database "{name}"'))
    except OperationalError as exc:
        first = str(exc).splitlines()[0]
        pytest.skip(
            f"PostgreSQL NOT TESTED: no server at {POSTGRES_ADMIN} ({first}); "
            "run scripts/services or set CLAWBACK_TEST_POSTGRES"
        )
    finally:
        admin.dispose()
    return POSTGRES_ADMIN.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session", autouse=True)
def audit_keys_outside(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The workspaces' audit keys live outside every workspace: here, in a folder of the run's
    own (never the user's ~/.config), unless the environment names one. The process's
    workspace templates (`tests.started`) live beside them."""
    before = os.environ.get("CLAWBACK_KEYS")
    if before is None:
        os.environ["CLAWBACK_KEYS"] = str(tmp_path_factory.mktemp("audit-keys"))
    started.TEMPLATES.append(tmp_path_factory.mktemp("templates"))  # `tests.started`
    yield
    started.TEMPLATES.clear()
    if before is None:
        os.environ.pop("CLAWBACK_KEYS", None)


@pytest.fixture(scope="session")
def reference_demo(tmp_path_factory: pytest.TempPathFactory, audit_keys_outside: None) -> Path:
    """The reference case's demo output, made once per run through the real command
    (`tests.reference_demo`): read its files; open its record only in a copy (``copy_of``)."""
    return shared_demo(tmp_path_factory)


@pytest.fixture(scope="session")
def postgres_url() -> str:
    return _postgres_database()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on the embedded default and on PostgreSQL, each from an empty schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'clawback.db'}"
        return
    with postgres_schema(request.getfixturevalue("postgres_url")) as url:
        yield url


@contextlib.contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A URL to an empty schema of its own in the test database, dropped afterwards."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    try:
        yield f"{url}?options=-csearch_path%3D{schema}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        engine.dispose()


@pytest.fixture(scope="session")
def xray_available() -> None:
    python = xray_python()
    if not python.exists():
        pytest.skip(
            f"!!! X-RAY ENVIRONMENT MISSING at {python}: the x-ray peer check is NOT TESTED. "
            "Run scripts/setup (or set CLAWBACK_XRAY_PYTHON). !!!"
        )
