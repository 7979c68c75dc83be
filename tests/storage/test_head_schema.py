"""A new database is given the newest schema at once (``storage.head_schema``: the DDL the
migrations end in, shipped per backend), not by running every migration: it must be exactly
what the migrations make, on both backends, schema, settings and rows alike, and its triggers
and generated columns must keep the search index as the migrated ones do. A database at an
older revision still runs each migration since."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from clawback.storage import head_schema
from clawback.storage import tables as t
from clawback.storage.db import _config, connect, head_revision, migrate, upgrade
from tests.conftest import postgres_schema
from tests.storage.catalog import describe


@pytest.fixture
def other_url(database_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A second empty database on the same backend as ``database_url``."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'other.db'}"
        return
    with postgres_schema(request.getfixturevalue("postgres_url")) as url:
        yield url


@contextlib.contextmanager
def engines(*urls: str) -> Iterator[list[Engine]]:
    made = [connect(url) for url in urls]
    try:
        yield made
    finally:
        for engine in made:
            engine.dispose()


def test_a_new_database_gets_exactly_the_schema_the_migrations_make(
    database_url: str, other_url: str
) -> None:
    with engines(database_url, other_url) as (migrated, direct):
        upgrade(migrated)  # every migration, one by one
        assert head_schema.create(direct, head_revision())  # the shipped DDL, at once
        assert not head_schema.create(direct, head_revision())  # only ever on an empty one
        with migrated.connect() as a, direct.connect() as b:
            assert describe(b) == describe(a)
        for engine in (migrated, direct):  # the triggers and generated columns, at work
            _write_pages(engine)
        with migrated.connect() as a, direct.connect() as b:
            assert describe(b) == describe(a)
            if b.dialect.name == "sqlite":
                query = "SELECT rowid FROM page_pairs WHERE page_pairs MATCH 'compelling_reasons'"
            else:
                query = "SELECT id FROM page WHERE text_pairs @@ '''compelling reasons'''::tsquery"
            assert b.scalars(text(query)).all() == a.scalars(text(query)).all() == [2]


def _write_pages(engine: Engine) -> None:
    with Session(engine) as s, s.begin():
        s.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        s.flush()
        document = t.Document(
            control="DOC-000001",
            title="memo",
            kind="pdf",
            original="0" * 64,
            page_count=2,
            ref="k7q2mx",  # drawn at random otherwise: the two databases would differ
        )
        document.meta = {}
        s.add(document)
        s.flush()
        for idx, words in enumerate(("no reasons at all", "sealing: compelling\nreasons")):
            page = t.Page(document_id=document.id, idx=idx, text=words, redacted_text=words)
            page.sha256, page.image_sha256 = "0" * 64, []
            s.add(page)
    with engine.begin() as conn:  # the update and delete triggers too
        conn.execute(text("UPDATE page SET redacted_text = '[x]' WHERE idx = 1"))
        conn.execute(text("DELETE FROM page_unsigned"))
        conn.execute(text("DELETE FROM page WHERE idx = 0"))


def test_a_database_at_an_older_revision_runs_each_migration_since(
    database_url: str, other_url: str
) -> None:
    with engines(database_url, other_url) as (older, direct):
        command.upgrade(_config(older), "0028")
        migrate(older)
        migrate(direct)
        with older.connect() as a, direct.connect() as b:
            assert a.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            assert describe(a) == describe(b)


def test_the_shipped_schema_is_the_newest_migrations() -> None:
    """A migration added without the shipped DDL made again fails here (and until then a new
    database is migrated step by step, never given an older schema)."""
    head = head_revision()
    for dialect in ("sqlite", "postgresql"):
        shipped = head_schema.revision(dialect)
        assert shipped == head, (
            f"{head_schema.path(dialect)} is the schema of migration {shipped}, but the newest "
            f"migration is {head}: run scripts/schema to make it again from the migrations"
        )
        assert head_schema.script(dialect, head) is not None
        assert head_schema.script(dialect, f"{head}-next") is None


def test_a_database_the_shipped_schema_is_behind_is_left_to_the_migrations(
    tmp_path: Path,
) -> None:
    with engines(f"sqlite:///{tmp_path / 'db.sqlite'}") as (engine,):
        assert not head_schema.create(engine, f"{head_revision()}-next")
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM sqlite_master")) == 0
