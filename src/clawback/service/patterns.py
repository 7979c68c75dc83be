"""Items found by pattern: every database code on every page, as a list to confirm.

A claim often names a kind of thing rather than one string ("the database identification
codes"). ``pattern_hits`` lists every match of a regular expression across the produced pages,
with its page and the words around it; only what the user confirms becomes an item
(``Documents.items_from_hits``), so a stray match never turns into a redaction by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from clawback.domain.errors import ClawbackError
from clawback.domain.order import Side
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t

MAX_PATTERN = 200


@dataclass(frozen=True)
class PatternHit:
    bates: str
    exhibit: int | None
    text: str
    snippet: str


class Patterns(WorkspaceBase):
    def pattern_hits(self, pattern: str, limit: int = 1000) -> list[PatternHit]:
        """Every match of ``pattern`` on a produced page, in page order, for review."""
        self._require(Side.producing, Side.court, act="search by pattern")
        regex = _compile(pattern)
        hits: list[PatternHit] = []
        with self.transaction() as s:
            rows = s.execute(
                select(t.Page.bates, t.Document.exhibit, t.Page.text)
                .join(t.Document, t.Page.document_id == t.Document.id)
                .where(t.Page.bates.is_not(None))
                .order_by(t.Page.id)
            ).all()
            for bates, exhibit, text in rows:
                for match in regex.finditer(text):
                    if match.group(0).strip() and len(hits) < limit:
                        hits.append(
                            PatternHit(bates, exhibit, match.group(0), _around(text, match))
                        )
            self._audit(s, "pattern.search", f"{len(hits)} hits", pattern=pattern)
        return hits


def _compile(pattern: str) -> re.Pattern[str]:
    if not pattern or len(pattern) > MAX_PATTERN:
        raise ClawbackError(f"a pattern must have 1 to {MAX_PATTERN} characters")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ClawbackError(f"not a regular expression: {pattern!r} ({exc})") from None


def _around(text: str, match: re.Match[str], width: int = 40) -> str:
    start, end = max(0, match.start() - width), min(len(text), match.end() + width)
    return " ".join(text[start:end].split())
