"""The workspace itself: where its database and files are, transactions and the audit trail."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Self

from sqlalchemy.orm import Session, sessionmaker

from clawback.domain import claims as claim_rules
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Person, Side
from clawback.service import access as access_rules
from clawback.storage import audit
from clawback.storage import tables as t
from clawback.storage.db import connect, migrate, schema_is_current, sqlite_url
from clawback.storage.files import FileStore

DATABASE = "clawback.db"
URL_SETTING = "CLAWBACK_DATABASE_URL"


class WorkspaceBase:
    """A folder with the matter's database (SQLite by default) and its file store."""

    def __init__(self, root: Path, url: str | None = None) -> None:
        self.root = root
        self.url = url or os.environ.get(URL_SETTING) or sqlite_url(root / DATABASE)
        self.engine = connect(self.url)
        self.files = FileStore(root / "files")
        self.person: Person | None = None  # None: the workspace's operator, who sees everything
        self.path = "api"  # how the actor reaches the record: api, cli, web, worker
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def init(cls, root: Path, url: str | None = None) -> Self:
        """Create (or bring up to date) a workspace at ``root``."""
        root.mkdir(parents=True, exist_ok=True)
        (root / "files").mkdir(exist_ok=True)
        ws = cls(root, url)
        migrate(ws.engine)
        return ws

    @classmethod
    def open(cls, root: Path, url: str | None = None, as_person: str | None = None) -> Self:
        """Open an existing workspace, acting as the person with that email (or the operator)."""
        if not (root / "files").is_dir():
            raise NotFound(f"no workspace at {root}: run `clawback init {root}` first")
        ws = cls(root, url)
        if not schema_is_current(ws.engine):
            raise ClawbackError(f"workspace at {root} needs migrating: run `clawback init {root}`")
        if as_person is not None:
            ws.act_as(as_person)
        return ws

    def act_as(self, email: str) -> None:
        with self.transaction() as s:
            row = s.get(t.Person, email.strip().lower())
            if row is None:
                raise NotFound(f"no person {email!r} in this workspace: add them with people add")
            self.person = Person(
                row.email, row.name, Side(row.side), row.category, row.acknowledged
            )

    @property
    def actor(self) -> str:
        return self.person.email if self.person else "operator"

    def _require(self, *sides: Side, act: str) -> None:
        """Refuse an act that the actor's seat does not allow (the operator may do anything)."""
        if self.person is not None and self.person.side not in sides:
            seat = f"{self.person.email} ({self.person.side} side)"
            raise RuleViolation(f"{seat} may not {act}")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    def verify_audit(self) -> list[audit.Problem]:
        """Re-hash the audit trail: every edited, deleted or reordered entry, named."""
        self._require(Side.producing, Side.court, act="verify the audit trail")
        with self.transaction() as s:
            return audit.verify(s)

    def export_audit(self, out: Path, fmt: str = "jsonl") -> str:
        """Write the trail as a file a court can verify on its own; returns the chain head."""
        self._require(Side.producing, Side.court, act="export the audit trail")
        if fmt not in ("jsonl", "csv"):
            raise ClawbackError(f"audit export format must be jsonl or csv, not {fmt!r}")
        with self.transaction() as s:
            head = audit.export(s, out, fmt)
            self._audit(s, "audit.export", out.name, chain_head=head)
            return head

    def _audit(self, s: Session, action: str, subject: str, **detail: Any) -> None:
        """Append to the hash-chained audit trail, inside the verb's own transaction."""
        audit.append(s, self.actor, self.path, action, subject, detail)

    def _replace_state(
        self, s: Session, row: t.Claim, state: claim_rules.State, on: date | None
    ) -> None:
        row.state = claim_rules.transition(row.id, claim_rules.State(row.state), state).value
        self._event(s, row.id, state, on)
        access_rules.refresh_exhibits(s, row.exhibits)
        self._audit(s, f"claim.{state.value}", row.id)

    def _event(self, s: Session, claim_id: str, state: claim_rules.State, on: date | None) -> None:
        s.add(t.ClaimEvent(claim_id=claim_id, state=state.value, on=on, at=datetime.now(UTC)))

    def _store(
        self,
        s: Session,
        data: bytes,
        media_type: str,
        made_from: str | None = None,
        recipe: str = "original",
    ) -> str:
        sha = self.files.put(data)
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
