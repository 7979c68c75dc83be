"""The workspace: a folder holding the file store, bound to its database and its audit key.

``Workspace.init`` makes one (folder 0700, SQLite database 0600, the schema the migrations end
in: at once on an empty database, ``storage.head_schema``, else by each migration) and binds
folder and database to one id, kept in both; ``Workspace.open`` refuses a folder opened with
another database. The audit key lives outside the workspace (``storage.keys``).

A workspace does nothing by itself: every verb is called on a ``Record`` for one actor,
``Workspace.record(actor)``; ``operator``, ``person`` and ``preview`` build the usual actors.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Self

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from clawback.domain import actor as actors
from clawback.domain.actor import Actor, Via
from clawback.domain.errors import ClawbackError, InvalidInput, NotFound, StorageError
from clawback.domain.order import Person, ProtectiveOrder, Side, order_from_data
from clawback.service import state
from clawback.service.audit_writer import AuditWriter
from clawback.service.drawing import Apart, Drawer, InPlace
from clawback.service.notices import MailSettings
from clawback.service.pictures import Pictures
from clawback.service.recent import Recent
from clawback.storage import tables as t
from clawback.storage.db import (
    ReadSession,
    connect,
    migrate,
    reader,
    schema_is_current,
    sqlite_url,
)
from clawback.storage.files import FileStore
from clawback.storage.keys import AuditKeys, load_or_create

if TYPE_CHECKING:
    from clawback.service.facade import Record

DATABASE = "clawback.db"
URL_SETTING = "CLAWBACK_DATABASE_URL"
ID_FILE = "workspace.id"
#: The most the redacted views kept in memory hold, in bytes.
VIEWS_BYTES = 64 * 1024 * 1024
#: Where the page pictures are kept on disk, in the workspace (``service.pictures``).
PICTURES = Path("cache") / "pictures"
#: The most the page pictures kept in memory (unmarked, packed and decoded) hold, in bytes.
PICTURES_BYTES = 160 * 1024 * 1024


class Workspace:
    """A folder with the matter's database (SQLite by default) and its file store."""

    def __init__(self, root: Path, url: str, engine: Engine, workspace_id: str) -> None:
        self.root = root
        self.url = url
        self.engine = engine
        self.id = workspace_id
        self.files = FileStore(root / "files")
        self.keys: AuditKeys = load_or_create(workspace_id, outside=root)
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        state.track(self.sessions)
        #: Where claw-back notices are e-mailed through (``service.notices``); None: not.
        self.mail: MailSettings | None = MailSettings.from_environment()
        #: Sessions that only read (``Context.reading``): no write lock on SQLite.
        self.readers = sessionmaker(reader(engine), class_=ReadSession, expire_on_commit=False)
        #: Reads' audit entries, appended in groups (``Context.keep``).
        self.audit_writer = AuditWriter(self.sessions, self.keys)
        #: Redacted views made for a reader, by the produced file and the redactions made to
        #: it (``Reads._version``): redacting and verifying once, not on every page picture.
        self.views = Recent(VIEWS_BYTES)
        #: Page pictures without the trace mark, by the exact file, page, dpi and items drawn
        #: (``tracing.picture``): rendered once, on disk for every process, the mark laid over
        #: each copy served.
        self.pictures = Pictures(root / PICTURES, PICTURES_BYTES)
        #: Where page pictures are drawn: in place, unless ``draw_apart`` says otherwise.
        self.drawer: Drawer = InPlace(self.pictures)

    # -- making and opening ------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, url: str | None = None) -> Self:
        """Create (or bring up to date) a workspace at ``root``."""
        root.mkdir(parents=True, exist_ok=True)
        root.chmod(0o700)
        (root / "files").mkdir(mode=0o700, exist_ok=True)
        url = url or os.environ.get(URL_SETTING) or sqlite_url(root / DATABASE)
        if url == sqlite_url(root / DATABASE) and not (root / DATABASE).exists():
            os.close(os.open(root / DATABASE, os.O_CREAT | os.O_WRONLY, 0o600))
        engine = _connect(url)
        try:
            migrate(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StorageError(f"{url}: the database cannot be set up ({_line(exc)})") from None
        workspace = cls(root, url, engine, _bind(root, engine, creating=True))
        workspace._open_trail()
        return workspace

    @classmethod
    def open(cls, root: Path, url: str | None = None) -> Self:
        """Open an existing workspace."""
        if not (root / "files").is_dir():
            raise NotFound(f"no workspace at {root}: run `clawback init {root}` first")
        url = url or os.environ.get(URL_SETTING) or sqlite_url(root / DATABASE)
        engine = _connect(url)
        try:
            current = schema_is_current(engine)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StorageError(f"{root}: its database cannot be read ({_line(exc)})") from None
        if not current:
            engine.dispose()
            raise ClawbackError(f"workspace at {root} needs migrating: run `clawback init {root}`")
        return cls(root, url, engine, _bind(root, engine))

    def draw_apart(self, processes: int) -> None:
        """Draw page pictures in ``processes`` processes of their own (``service.drawing``:
        what a server does, so a render never stalls the requests around it)."""
        if processes < 1:
            raise InvalidInput(f"drawing processes must be at least 1, not {processes}")
        self.drawer.close()
        self.drawer = Apart(self.pictures, processes)

    def close(self) -> None:
        self.drawer.close()
        self.engine.dispose()

    def _open_trail(self) -> None:
        """The trail's first entry, written when the workspace is made: an empty trail then
        means a wiped one."""
        with self._reading() as s:
            head = s.get(t.AuditHead, 1)
            if head is not None and head.seq > 0:
                return
        record = self.operator(Via.api)
        with record.ctx.transaction() as s:
            record.ctx.audit(s, "workspace.init", self.id)

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        """A read outside any actor's unit of work (who is asking, before there is an actor):
        the database's own failures (a damaged file) as one line, as in a transaction."""
        try:
            with self.readers() as s:
                yield s
        except SQLAlchemyError as exc:
            raise StorageError(f"{self.root}: its database cannot be read ({_line(exc)})") from None

    # -- who is asking -------------------------------------------------------------------------

    def protective_order(self) -> ProtectiveOrder | None:
        with self._reading() as s:
            matter = s.get(t.Matter, 1)
            return order_from_data(matter.order) if matter is not None else None

    def seated(self, email: str) -> Person:
        """The person with this e-mail address, as seated."""
        with self._reading() as s:
            row = s.get(t.Person, email.strip().lower())
            if row is None:
                raise NotFound(f"no person {email!r} in this workspace: add them with people add")
            return Person(row.email, row.name, Side(row.side), row.category, row.acknowledged)

    def operator(self, via: Via = Via.api) -> Record:
        return self.record(actors.operator(self.protective_order(), via))

    def person(self, email: str, via: Via = Via.api) -> Record:
        """The record as this seated person reaches it (the server and workers call this once
        the person is authenticated)."""
        return self.record(actors.actor(self.seated(email), self.protective_order(), via))

    def preview(self, email: str) -> Record:
        """The operator's preview of what this person would see: reads only, audited as the
        operator previewing."""
        return self.record(actors.preview(self.seated(email), self.protective_order()))

    def record(self, actor: Actor) -> Record:
        from clawback.service.context import Context
        from clawback.service.facade import Record

        return Record(Context(self, actor))


def _connect(url: str) -> Engine:
    try:
        return connect(url)
    except (SQLAlchemyError, ValueError) as exc:
        raise StorageError(f"{url}: not a database clawback can use ({_line(exc)})") from None


def _bind(root: Path, engine: Engine, creating: bool = False) -> str:
    """The workspace's id, the same in the folder and in the database (made if neither has
    it); a folder and a database that each hold another id are refused, and so is a new
    folder given a database that already belongs to a workspace."""
    id_file = root / ID_FILE
    folder = id_file.read_text("utf-8").strip() if id_file.exists() else None
    try:
        with Session(engine) as s, s.begin():
            row = s.get(t.Binding, 1)
            if row is not None and folder is None and creating:
                raise StorageError(
                    f"the database already holds workspace {row.workspace}: give {root} an "
                    "empty database of its own (or open that workspace's own folder)"
                )
            if row is None:
                row = t.Binding(
                    id=1,
                    workspace=folder or str(uuid.uuid4()),
                    created_at=datetime.now(UTC).replace(tzinfo=None),
                )
                s.add(row)
            database = row.workspace
    except SQLAlchemyError as exc:
        raise StorageError(f"{root}: its database cannot be read ({_line(exc)})") from None
    if folder is None:
        id_file.write_text(database + "\n", "utf-8")
        id_file.chmod(0o600)
    elif folder != database:
        raise StorageError(
            f"{root} is workspace {folder}, but its database holds workspace {database}: "
            "open the folder with its own database"
        )
    return database


def _line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
