"""What every service receives: the workspace and the acting person, built once per CLI call,
web request or worker task.

A service never reads the person from anywhere but ``Context.actor``; it checks an act with
``Context.require`` (the table in ``domain.seats``) and finds what a reference names only
through ``service.lookup``, which reads with ``Context.actor`` too. So the person can be
followed from the command line (``cli._record``) or a request to every access check.

``transaction`` is one unit of work: it commits the verb's rows and its audit entries together,
binds the rows it changed to the audit trail (``service.state``), removes the files it stored
if it fails, and turns the database's own failures into one line (``StorageError``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from clawback.domain.actor import Actor
from clawback.domain.errors import StorageError
from clawback.domain.seats import Act, require
from clawback.service import delivery, state
from clawback.service.audit_writer import Entry, first_line
from clawback.storage import audit
from clawback.storage import tables as t
from clawback.storage.files import FileStore

if TYPE_CHECKING:
    from clawback.service.workspace import Workspace

_ENTRIES = "clawback.audit"
_STORED = "clawback.stored"


@dataclass(frozen=True)
class Context:
    """The workspace, and who is asking."""

    workspace: Workspace
    actor: Actor

    @property
    def files(self) -> FileStore:
        return self.workspace.files

    def require(self, act: Act) -> None:
        """Refuse, in one line, an act this actor's seat does not allow."""
        require(self.actor, act)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: rows, audit entries and state bindings commit together."""
        session = self.workspace.sessions()
        session.info[_ENTRIES] = []
        session.info[_STORED] = []
        try:
            with session.begin():
                yield session
                self._append_audit(session)
        except SQLAlchemyError as exc:
            self._unstore(session)
            raise StorageError(f"the database refused the change: {first_line(exc)}") from None
        except BaseException:
            self._unstore(session)
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read: a snapshot that takes no lock (on SQLite, readers never wait for the writer
        or for each other), then the read's audit entries appended in one short transaction.
        Whatever the read returns reaches the caller only once its entries are kept (``keep``:
        with the entries of other reads that finished meanwhile, in one write); a read
        that tries to change a row is refused (``storage.db.ReadSession``)."""
        session = self.workspace.readers()
        session.info[_ENTRIES] = []
        try:
            with session.begin():
                yield session
        except SQLAlchemyError as exc:
            raise StorageError(f"the database could not be read: {first_line(exc)}") from None
        finally:
            session.close()
        self.keep(session.info[_ENTRIES])

    def keep(self, entries: Sequence[Entry]) -> None:
        """Append audit entries that bind no rows (a read's), in the workspace's next group
        of them (``service.audit_writer``); returns once they are committed."""
        if entries:
            self.workspace.audit_writer.append(self.actor.name, self.actor.via.value, entries)

    def audit(self, s: Session, action: str, subject: str, **detail: Any) -> None:
        """Record an audit entry; it is appended, with the rows it bound, when ``s`` commits."""
        s.info[_ENTRIES].append((action, subject, detail))

    def put(
        self,
        s: Session,
        data: bytes,
        media_type: str,
        made_from: str | None = None,
        recipe: str = "original",
    ) -> str:
        """Store a file and its blob row in ``s``; the file goes again if ``s`` rolls back."""
        sha, new = self.workspace.files.put_new(data)
        if new:
            s.info[_STORED].append(sha)
        if s.get(t.Blob, sha) is None:
            s.add(
                t.Blob(
                    sha256=sha,
                    size=len(data),
                    media_type=media_type,
                    made_from=made_from,
                    recipe=recipe,
                )
            )
            s.flush()
        return sha

    def deliver(self, s: Session, target: Path, data: bytes) -> Path:
        """Check that ``target`` may be written (outside the workspace, not someone else's
        file) and record it; the caller writes it in ``s`` with ``delivery.writing``, opened
        before ``s``, which puts it in place once ``s`` has committed (``Context.write``)."""
        path = delivery.outside(self.workspace.root, target)
        delivery.check_replaceable(s, path)
        delivery.record(s, path, data)
        return path

    def check_targets(self, *targets: Path) -> None:
        """Refuse what ``deliver`` would refuse (an output inside the workspace, or over a file
        clawback did not make) before the work that makes it is done, read or recorded."""
        with self.transaction() as s:
            for target in targets:
                delivery.check_replaceable(s, delivery.outside(self.workspace.root, target))

    def write(self, target: Path, data: bytes, action: str, subject: str, **detail: Any) -> Path:
        """Deliver one file: written whole aside, audited and recorded, then put in place."""
        with delivery.writing() as write, self.transaction() as s:
            path = self.deliver(s, target, data)
            self.audit(s, action, subject, path=path.name, **detail)
            write(path, data)
        return path

    # -- at commit ---------------------------------------------------------------------------

    def _append_audit(self, s: Session) -> None:
        s.flush()
        entries: list[tuple[str, str, dict[str, Any]]] = s.info[_ENTRIES]
        changed = state.touched(s)
        if changed:
            keys = self.workspace.keys
            bound = {state.named(keys, k): v for k, v in state.digests(s, keys, changed).items()}
            if not entries:
                entries.append(("record.change", "", {}))
            action, subject, detail = entries[-1]
            entries[-1] = (action, subject, {**detail, "state": bound})
        by = (self.actor.name, self.actor.via.value)
        audit.append_all(s, self.workspace.keys, [(*by, *entry) for entry in entries])
        entries.clear()
        changed.clear()

    def _unstore(self, s: Session) -> None:
        for sha in s.info.get(_STORED, ()):
            self.workspace.files.discard(sha)
