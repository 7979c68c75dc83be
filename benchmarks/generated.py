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

from sqlalchemy import insert

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
    rng = random.Random(seed)
    ws = Workspace.init(root).operator()
    ws.matter.load_case(reference_case())
    ws.people.add(
        STAFF, name="Staff", side="receiving", category="party_officers_directors_employees"
    )
    with ws.transaction() as s:
        s.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        first, last = BatesNumber("BEN-", 1, 8), BatesNumber("BEN-", pages, 8)
        s.add(t.Production(id=1, volume="BEN", first=first, last=last, state="complete"))
        s.flush()
        docs, rows = [], []
        for d in range(pages // per_doc):
            docs.append(
                {
                    "id": d + 1,
                    "control": f"DOC-{d + 1:06d}",
                    "title": f"doc {d}",
                    "kind": "pdf",
                    "original": "0" * 64,
                    "produced": "0" * 64,
                    "production": 1,
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
                        "document_id": d + 1,
                        "idx": i,
                        "bates": BatesNumber("BEN-", n, 8),
                        "text": body,
                        "redacted_text": body,
                        "sha256": f"{n:064x}",
                        "image_sha256": [],
                    }
                )
        s.execute(insert(t.Document), docs)
        for start in range(0, len(rows), 5000):
            s.execute(insert(t.Page), rows[start : start + 5000])
    return ws
