"""Integrity as a command: every stored file re-hashed, every record's file present."""

from __future__ import annotations

from sqlalchemy import select

from clawback.domain.errors import ClawbackError
from clawback.domain.seats import Act
from clawback.service.base import Service
from clawback.storage import tables as t


class Integrity(Service):
    def check(self) -> list[str]:
        """One line per problem: a file the record names that is missing or no longer matches
        its hash, or a file in the store that no record names (left by an interrupted job)."""
        self.ctx.require(Act.check_store)
        problems = []
        with self.ctx.transaction() as s:
            known = set(s.scalars(select(t.Blob.sha256)).all())
        for sha in sorted(known):
            try:
                self.ctx.files.get(sha)
            except ClawbackError as exc:  # missing or altered: report, go on with the rest
                problems.append(str(exc))
        root = self.ctx.files.root
        if root.exists():
            for path in sorted(root.glob("??/*")):
                sha = path.parent.name + path.name
                if path.name.startswith(".tmp-"):
                    problems.append(f"unfinished write left in the store: {path.name}")
                elif sha not in known:
                    problems.append(f"file {sha[:12]} in the store belongs to no record")
        return problems
