"""Integrity as a command: every stored file re-hashed, every record's file present."""

from __future__ import annotations

from sqlalchemy import select

from clawback.domain.order import Side
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t
from clawback.storage.files import StoreCorrupt


class Integrity(WorkspaceBase):
    def check(self) -> list[str]:
        """One line per problem: a file the record names that is missing or no longer matches
        its hash, or a file in the store that no record names (left by an interrupted job)."""
        self._require(Side.producing, Side.court, act="check the workspace")
        problems = []
        with self.transaction() as s:
            known = set(s.scalars(select(t.Blob.sha256)).all())
        for sha in sorted(known):
            try:
                self.files.get(sha)
            except StoreCorrupt as exc:
                problems.append(str(exc))
            except FileNotFoundError:
                problems.append(f"file {sha[:12]} is missing from the store")
            except Exception as exc:  # NotFound and the like: report, go on with the rest
                problems.append(str(exc))
        root = self.files.root
        if root.exists():
            for path in sorted(root.glob("??/*")):
                sha = path.parent.name + path.name
                if path.name.startswith(".tmp-"):
                    problems.append(f"unfinished write left in the store: {path.name}")
                elif sha not in known:
                    problems.append(f"file {sha[:12]} in the store belongs to no record")
        return problems
