"""Opening the database: SQLite (WAL) in the workspace by default, PostgreSQL by URL.

SQLite is set up the way embedded-database projects do it: WAL so readers never block the
writer, a busy timeout, foreign keys on, and ``BEGIN IMMEDIATE`` so a write transaction takes the
write lock at its start instead of failing half-way. ``synchronous=NORMAL`` in WAL mode syncs at
checkpoints, not at every commit: a commit survives the application crashing, and only a power
loss can take back the last ones (datasette and paperless run so). A connection opened with the
execution option ``READ_ONLY`` (``reader``) begins deferred instead: a snapshot that takes no
lock, so reads never queue behind the writer or each other. Every SQLite connection has
``clawback_pairs(text)``, which the triggers of the phrase pair index call (``storage.pairs``).
The schema comes from the Alembic migrations: an empty database is given what they end in at
once (``storage.head_schema``), one at an older revision runs each migration since.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session

from clawback.domain.errors import StorageError
from clawback.storage import lengths  # noqa: F401  (bounded text checked on every backend)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
#: ``revision = "0016"`` and ``down_revision = "0015"`` (or ``None``) in a migration's source.
_REVISION = re.compile(
    r"""^(down_)?revision(?:\s*:[^=\n]*)?\s*=\s*(?:["']([^"'\n]*)["']|None)\s*$""", re.M
)
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
    from clawback.storage import pairs  # the pair index's triggers call it

    pairs.register(dbapi_connection)


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


def _config(engine: Engine | None = None) -> Config:
    from alembic.config import Config  # Alembic only to migrate: a read starts without it

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already): an empty
    database gets it at once, any other runs each migration it lacks."""
    from clawback.storage import head_schema

    if not head_schema.create(engine, head_revision()):
        upgrade(engine)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run each migration from the database's revision to ``revision``, one by one."""
    from alembic import command

    command.upgrade(_config(engine), revision)


def schema_is_current(engine: Engine) -> bool:
    """Whether the database is at the newest migration: its ``alembic_version`` row against
    `head_revision`, read without loading Alembic (every command opens a workspace)."""
    head = head_revision()
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    return list(found) == [head]


def head_revision() -> str:
    """The newest migration's revision, from the migration files' ``revision`` and
    ``down_revision`` lines; Alembic's own reading when a file does not say them plainly or the
    files do not make one chain with one head."""
    revisions: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        said = {bool(m[1]): m[2] for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if False not in said or True not in said:
            return _alembic_head()
        revisions[said[False] or ""] = said[True]
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1 or "" in revisions:
        return _alembic_head()
    return heads.pop()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    return head or ""
