"""The generated workspaces of the scale benchmark (``benchmarks/scale_corpus.py``): loaded in
bulk with the full-text index set aside, they must come out as the migrations define them, or
the figures measured on them say nothing of clawback. On each backend: the index answers for
every page loaded, keeps answering for pages added afterwards, and a document made afterwards
gets an id of its own."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, select

from clawback.domain.bates import BatesNumber
from clawback.storage import tables as t

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
import scale_corpus  # benchmarks/ is no package


def test_a_generated_workspace_is_searchable_and_grows_as_any(
    database_url: str, tmp_path: Path
) -> None:
    ws = scale_corpus.build(tmp_path / "ws", database_url, pages=400, per_doc=10)
    try:
        with ws.transaction() as s:
            pages = s.scalar(select(func.count()).select_from(t.Page))
            texts = s.scalars(select(t.Page.text)).all()
            unsigned = s.scalar(select(func.count()).select_from(t.UnsignedPage))
        rare = sum(scale_corpus.RARE in body.split() for body in texts)
        assert pages == 400 and unsigned == 400
        assert rare and ws.reads.search(scale_corpus.RARE, limit=50).total == rare

        with ws.transaction() as s:  # made the ordinary way, after the load
            doc = t.Document(
                control="LATE-1",
                title="late",
                kind="pdf",
                original="0" * 64,
                produced="0" * 64,
                page_count=1,
                meta={},
            )
            s.add(doc)
            s.flush()
            s.add(
                t.Page(
                    document_id=doc.id,
                    idx=0,
                    bates=BatesNumber("LATE-", 1, 8),
                    text="a quorvex page",
                    redacted_text="a quorvex page",
                    sha256="f" * 64,
                    image_sha256=[],
                )
            )
        assert ws.reads.search("quorvex", limit=50).total == 1
    finally:
        ws.close()


def test_signed_in_bulk_the_band_index_names_what_a_scan_names(tmp_path: Path) -> None:
    ws = scale_corpus.build(tmp_path / "ws", None, pages=300, per_doc=10)
    try:
        scale_corpus.sign_all(ws, workers=2)
        with ws.transaction() as s:
            assert s.scalar(select(func.count()).select_from(t.UnsignedPage)) == 0
        index, _ = ws.copies._index()  # every kept signature, compared: the scan of before
        with_copies = 0
        for n in range(1, 301):
            bates = BatesNumber("BEN-", n, 8)
            by_scan = [(m.key, m.kind) for m in index.find_key(str(bates))]
            with_copies += bool(by_scan)
            assert [(str(c.bates), c.kind) for c in ws.copies.of_page(bates)] == by_scan
        assert with_copies  # the generator planted near copies, and the bands found them
    finally:
        ws.close()
