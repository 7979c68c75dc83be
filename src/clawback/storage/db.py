"""Opening the database: SQLite (WAL) in the workspace by default, PostgreSQL by URL.

SQLite is set up the way embedded-database projects do it: WAL so readers never block the
writer, a busy timeout, foreign keys on, and ``BEGIN IMMEDIATE`` so a write transaction takes the
write lock at its start instead of failing half-way. ``synchronous=NORMAL`` in WAL mode syncs at
checkpoints, not at every commit: a commit survives the application crashing, and only a power
loss can take back the last ones (datasette and paperless run so). A connection opened with the
execution option ``READ_ONLY`` (``reader``) begins deferred instead: a snapshot that takes no
lock, so reads never queue behind the writer or each other. The schema comes only from Alembic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session

from clawback.domain.errors import StorageError

MIGRATIONS = Path(__file__).with_name("migrations")
#: The execution option that marks an engine's connections as reading only.
READ_ONLY = "clawback_read_only"


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def connect(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin_immediate)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # let the "begin" hook issue BEGIN itself
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def reader(engine: Engine) -> Engine:
    """The same database for reading only: on SQLite a transaction that takes no lock."""
    return engine.execution_options(**{READ_ONLY: True})


class ReadSession(Session):
    """A session on the ``reader`` engine: it reads, and refuses to write (its transaction,
    on SQLite, holds no lock to write under)."""


@event.listens_for(ReadSession, "before_flush")
def _refuse_changes(session: Session, _context: Any, _instances: Any) -> None:
    changed = [
        *session.new,
        *session.deleted,
        *(r for r in session.dirty if session.is_modified(r)),
    ]
    if changed:
        raise StorageError(f"a read tried to change the record ({type(changed[0]).__name__})")


def _begin_immediate(connection: Any) -> None:
    reading = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already)."""
    command.upgrade(_config(engine), "head")


def schema_is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(_config(engine)).get_current_head()
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() == head
