"""A workspace filled with generated produced pages, for the search benchmarks.

Rows go straight into the tables (the pages' files are not made: the benchmarks time searches,
not ingest): one complete production numbered from ``BEN-00000001``, documents of `per_doc`
pages each with a random tier and a few sequestered or withheld, each page's text (also as its
redacted text) made by `text_of(rng)`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select

from clawback.demo.run import reference_case
from clawback.domain.bates import BatesNumber
from clawback.service import Record, Workspace
from clawback.storage import tables as t

STAFF = "staff@plaintiffs.example"


def produced_pages(
    root: Path, pages: int, per_doc: int, text_of: Callable[[random.Random], str], seed: int = 7
) -> Record:
    """The operator's record of a new workspace at `root` holding `pages` generated pages, and
    a party employee (`STAFF`) seated on the receiving side."""
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    ws.people.add(
        STAFF, name="Staff", side="receiving", category="party_officers_directors_employees"
    )
    grow(ws, pages, per_doc, text_of, seed)
    return ws


def grow(
    ws: Record,
    pages: int,
    per_doc: int,
    text_of: Callable[[random.Random], str],
    seed: int = 7,
    prefix: str = "BEN-",
) -> tuple[BatesNumber, BatesNumber]:
    """Add to the operator's record `ws` one complete production `prefix` of `pages`
    generated pages (numbered from 1, after any documents already there); returns its first
    and last Bates numbers."""
    rng = random.Random(seed)
    first, last = BatesNumber(prefix, 1, 8), BatesNumber(prefix, pages, 8)
    with ws.transaction() as s:
        if s.get(t.Blob, "0" * 64) is None:
            s.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        volume = t.Production(volume=prefix.strip("-_. "), first=first, last=last)
        volume.state = "complete"
        s.add(volume)
        s.flush()
        base = s.scalar(select(func.coalesce(func.max(t.Document.id), 0))) or 0
        docs: list[dict[str, object]] = []
        rows: list[dict[str, object]] = []
        for d in range(pages // per_doc):
            docs.append(
                {
                    "id": base + d + 1,
                    "control": f"{prefix}DOC-{d + 1:06d}",
                    "title": f"doc {d}",
                    "kind": "pdf",
                    "original": "0" * 64,
                    "produced": "0" * 64,
                    "production": volume.id,
                    "page_count": per_doc,
                    "meta": {},
                    "tier": rng.choice([None, "Confidential", "AEO"]),
                    "sequestered": rng.random() < 0.05,
                    "withheld": rng.random() < 0.01,
                }
            )
            for i in range(per_doc):
                body = text_of(rng)
                n = d * per_doc + i + 1
                rows.append(
                    {
                        "document_id": base + d + 1,
                        "idx": i,
                        "bates": BatesNumber(prefix, n, 8),
                        "text": body,
                        "redacted_text": body,
                        "sha256": f"{n:064x}",
                        "image_sha256": [],
                    }
                )
            if len(rows) >= 5000:  # in chunks: a million pages never sit in memory at once
                s.execute(insert(t.Document), docs)
                s.execute(insert(t.Page), rows)
                docs, rows = [], []
        if docs:
            s.execute(insert(t.Document), docs)
            s.execute(insert(t.Page), rows)
    return first, last
