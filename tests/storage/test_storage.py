"""Storage on both backends: migrations, the schema they make, SQLite's settings, the file store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from clawback.domain.errors import StorageError
from clawback.storage.db import (
    MIGRATIONS,
    connect,
    head_revision,
    migrate,
    schema_is_current,
    upgrade,
)
from clawback.storage.files import FileStore, StoreCorrupt
from clawback.storage.tables import SEARCH_INDEX, Base


def test_migrations_make_exactly_the_modelled_schema(database_url: str) -> None:
    engine = connect(database_url)
    assert not schema_is_current(engine)
    upgrade(engine)  # every migration, one by one (`migrate` would make a new one at once)
    migrate(engine)  # a second run is a no-op
    assert schema_is_current(engine)
    with engine.connect() as conn:
        # The search index (FTS5's virtual table and its shadow tables, PostgreSQL's generated
        # tsvector columns and their GIN indexes) is made by migration 0014 and is not
        # modelled: left out here by name, and checked to exist below.
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, parent: not _search_index(name)}
        )
        diff = compare_metadata(context, Base.metadata)
        if conn.dialect.name == "sqlite":
            made = conn.scalars(text("select name from sqlite_master where tbl_name like 'page%'"))
        else:
            made = conn.scalars(text("select indexname from pg_indexes where tablename = 'page'"))
        found = {n for n in made if _search_index(n)}
    engine.dispose()
    assert diff == []
    sqlite = {"page_fts", "ix_page_id_document_id", "page_pairs"}
    postgresql = {*SEARCH_INDEX[3:5], "ix_page_text_pairs", "ix_page_redacted_text_pairs"}
    assert found >= (sqlite if "sqlite" in database_url else postgresql)


def _search_index(name: str | None) -> bool:
    return name is not None and (
        name in SEARCH_INDEX or name.startswith(("page_fts_", "page_pairs_"))
    )


def test_the_head_read_from_the_migration_files_is_alembics(tmp_path: Path) -> None:
    """`schema_is_current` reads the head from the files without Alembic (a read starts
    faster): the same head Alembic finds, and a database one migration behind is not current."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    assert head_revision() == head
    engine = connect(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    assert schema_is_current(engine)
    behind = script.get_revision(head).down_revision
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": behind})
    assert not schema_is_current(engine)
    engine.dispose()


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path: Path) -> None:
    engine = connect(f"sqlite:///{tmp_path / 'w.db'}")
    migrate(engine)
    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        with pytest.raises(Exception, match="FOREIGN KEY"):
            conn.execute(
                text(
                    "insert into page (document_id, idx, text, sha256, image_sha256) "
                    "values (999, 0, '', '', '[]')"
                )
            )
    engine.dispose()


def test_file_store_is_content_addressed_and_checks_on_read(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put(b"%PDF-1.7 original")
    assert store.put(b"%PDF-1.7 original") == sha
    assert store.get(sha) == b"%PDF-1.7 original"
    assert sha in store and "0" * 64 not in store
    assert not [p for p in store.path(sha).parent.iterdir() if p.name.startswith(".tmp-")]
    os.chmod(store.path(sha), 0o644)
    store.path(sha).write_bytes(b"tampered")
    with pytest.raises(StoreCorrupt, match=sha[:12]):
        store.get(sha)
    with pytest.raises(StorageError, match="missing"):
        store.get("ab" * 32)


def test_sweep_removes_what_a_dead_writer_left_and_nothing_else(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    sha = store.put(b"%PDF-1.7 kept")
    folder = store.path(sha).parent
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = int(gone.stdout)
    host = socket.gethostname().replace("-", "_") or "host"
    dead = folder / f".tmp-{host}-{dead_pid}-abc123_x"
    mine = folder / f".tmp-{host}-{os.getpid()}-def456_y"
    elsewhere = folder / f".tmp-another_machine-{dead_pid}-ghi789_z"
    unknown = folder / ".tmp-legacy1"
    for path in (dead, mine, elsewhere, unknown):
        path.write_bytes(b"")  # empty: killed before its first byte
    assert store.sweep() == 1
    assert not dead.exists()
    assert mine.exists() and elsewhere.exists() and unknown.exists()
    assert store.get(sha) == b"%PDF-1.7 kept"


def test_the_search_index_is_filled_for_the_pages_already_there(database_url: str) -> None:
    """Migration 0014 on a record made before it: the pages already there are searchable."""
    import sqlalchemy as sa
    from alembic import command
    from sqlalchemy.orm import Session

    from clawback.storage import tables as t
    from clawback.storage.db import _config

    engine = connect(database_url)
    command.upgrade(_config(engine), "0013")
    with Session(engine) as session, session.begin():  # the model is 0013's, less the index
        session.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        session.flush()
        # Core, naming 0013's columns only: later migrations add columns the model has.
        doc_id = session.execute(
            sa.insert(t.Document.__table__)
            .values(control="DOC-000001", title="t", kind="pdf", original="0" * 64)
            .values(page_count=1, meta={})
            .returning(t.Document.__table__.c.id)
        ).scalar_one()
        text_, redacted = "compelling\nreasons", "compelling [x]"
        page = t.Page(document_id=doc_id, idx=0, text=text_, redacted_text=redacted)
        page.sha256, page.image_sha256 = "0" * 64, []
        session.add(page)
    migrate(engine)
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            found = conn.scalars(
                text("select rowid from page_fts where page_fts match :q"),
                {"q": '{text} : "compelling reasons"'},
            ).all()
            hidden = conn.scalars(
                text("select rowid from page_fts where page_fts match :q"),
                {"q": "{redacted_text} : reasons"},
            ).all()
        else:
            found = conn.scalars(
                text("select id from page where text_search @@ phraseto_tsquery('simple', :q)"),
                {"q": "compelling reasons"},
            ).all()
            hidden = conn.scalars(
                text("select id from page where redacted_text_search @@ to_tsquery('simple', :q)"),
                {"q": "reasons"},
            ).all()
    engine.dispose()
    assert len(found) == 1 and hidden == []


def test_deadlines_challenges_and_tokens_already_there_get_distinct_references(
    database_url: str,
) -> None:
    """Migration 0027 on a record made before it: each deadline already recorded is given a
    reference of its own (``domain.public_refs``), which is then the only name it is shown by."""
    import re
    from datetime import date

    import sqlalchemy as sa
    from alembic import command

    from clawback.storage.db import _config

    engine = connect(database_url)
    command.upgrade(_config(engine), "0025")
    deadline = sa.table(
        "deadline",
        sa.column("act", sa.Text),
        sa.column("due", sa.Date),
        sa.column("trigger", sa.Date),
        sa.column("source", sa.String),
        sa.column("done", sa.Boolean),
        sa.column("exhibits", sa.JSON),
    )
    day = date(2020, 6, 1)
    with engine.begin() as conn:  # Core, naming 0025's columns only
        for n in range(3):
            conn.execute(
                deadline.insert().values(
                    act=f"act {n}", due=day, trigger=day, source="", done=False, exhibits=[]
                )
            )
    migrate(engine)
    with engine.connect() as conn:
        refs = conn.scalars(text("select ref from deadline order by id")).all()
    engine.dispose()
    assert len(set(refs)) == 3 and all(re.fullmatch(r"[2-9a-z]{6}", r) for r in refs), refs
