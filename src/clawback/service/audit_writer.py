"""The audit entries of reads, appended in groups: one short write for every read that finished
while the last group was being written.

Every read is audited, and a write takes the database's one write lock (SQLite's, or the trail's
head row on PostgreSQL). With each read appending its own entries in a transaction of its own,
many readers at once (the web app's threads, in each of its processes) queued for that lock one
by one, each polling for it; past the busy timeout a read failed ("database is locked") having
read nothing wrong. Here a read's entries wait, in this process, for the group being written;
then one of the reads waiting writes every entry waiting, in the order they came, in one
transaction (a group commit), and hands the outcome to each.

Nothing is lost: a read returns only once its entries are committed. When a group fails, each
read's entries are tried again on their own, so an entry the trail refuses fails only its read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from clawback.domain.errors import StorageError
from clawback.storage import audit
from clawback.storage.keys import AuditKeys

#: An audit entry as a read collects it: action, subject, detail.
Entry = tuple[str, str, dict[str, Any]]


@dataclass
class _Waiting:
    """One read's entries, waiting for their group to be written."""

    actor: str
    path: str
    entries: list[Entry]
    done: bool = False
    error: BaseException | None = field(default=None)


class AuditWriter:
    """Appends reads' audit entries to the trail in group commits (thread-safe)."""

    def __init__(self, sessions: sessionmaker[Session], keys: AuditKeys) -> None:
        self._sessions = sessions
        self._keys = keys
        self._turn = threading.Condition()
        self._queue: list[_Waiting] = []
        self._writing = False

    @property
    def waiting(self) -> int:
        """How many reads' entries wait for the group being written to be done."""
        with self._turn:
            return len(self._queue)

    @property
    def writing(self) -> bool:
        """Whether a group is being written now."""
        with self._turn:
            return self._writing

    def append(self, actor: str, path: str, entries: Iterable[Entry]) -> None:
        """Append ``entries`` by ``actor`` through ``path``; returns once they are committed,
        or raises what refused them."""
        mine = _Waiting(actor, path, list(entries))
        with self._turn:
            self._queue.append(mine)
            while self._writing and not mine.done:
                self._turn.wait()
            leading = not mine.done
            if leading:
                group, self._queue = self._queue, []
                self._writing = True
        if leading:
            try:
                self._write_group(group)
            finally:
                with self._turn:
                    for waiting in group:
                        if not waiting.done:  # the writing thread itself was interrupted
                            waiting.error = StorageError("the audit entry was not written")
                            waiting.done = True
                    self._writing = False
                    self._turn.notify_all()
        if mine.error is not None:
            raise mine.error

    def _write_group(self, group: list[_Waiting]) -> None:
        try:
            self._write(group)
        except Exception as exc:
            if len(group) == 1:
                group[0].error = exc
            else:
                for waiting in group:  # one at a time: only the entries refused fail
                    try:
                        self._write([waiting])
                    except Exception as alone:
                        waiting.error = alone
                    waiting.done = True
        for waiting in group:
            waiting.done = True

    def _write(self, group: list[_Waiting]) -> None:
        session = self._sessions()
        try:
            with session.begin():  # the head read and written once for the group
                audit.append_all(
                    session,
                    self._keys,
                    [
                        (waiting.actor, waiting.path, action, subject, detail)
                        for waiting in group
                        for action, subject, detail in waiting.entries
                    ],
                )
        except SQLAlchemyError as exc:
            raise StorageError(f"the database refused the change: {first_line(exc)}") from None
        finally:
            session.close()


def first_line(exc: BaseException) -> str:
    """A database failure's first line, as one line of an error says it."""
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0][:200] if text.strip() else type(exc).__name__
