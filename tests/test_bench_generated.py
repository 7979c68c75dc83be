"""The generated workspaces of the scale benchmark (``benchmarks/scale_corpus.py``): loaded in
bulk with the full-text index set aside, they must come out as the migrations define them, or
the figures measured on them say nothing of clawback. On each backend: the index answers for
every page loaded, keeps answering for pages added afterwards, and a document made afterwards
gets an id of its own."""

from __future__ import annotations

import itertools
import sys
from argparse import Namespace
from pathlib import Path

import pytest
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
        # A phrase is answered by the pair index (migration 0026): filled by the load too.
        words = [body.split() for body in texts]
        wrapped = sum(
            any(pair == scale_corpus.PHRASE for pair in itertools.pairwise(w)) for w in words
        )
        phrase = f'"{" ".join(scale_corpus.PHRASE)}"'
        assert wrapped and ws.reads.search(phrase, limit=50).total == wrapped

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


def test_a_kept_corpus_is_found_whole_and_an_unfinished_one_refused(tmp_path: Path) -> None:
    import scale  # benchmarks/scale.py: --keep and --reuse
    import scale_kept

    args = Namespace(pages=300, per_doc=10, only=None, no_sqlite=False, postgres="")
    scale.keep(tmp_path / "kept", args)
    (kept,) = scale_kept.found(tmp_path / "kept")
    assert (kept.backend, kept.pages, kept.per_doc, kept.signed) == ("sqlite", 300, 10, True)
    ws = scale_kept.opened(tmp_path / "kept", "sqlite")
    try:
        with ws.transaction() as s:
            assert s.scalar(select(func.count()).select_from(t.PageSignature)) == 300
        assert ws.reads.search(scale_corpus.RARE, limit=50).total > 0
    finally:
        ws.close()
    with pytest.raises(SystemExit, match="already holds"):
        scale.keep(tmp_path / "kept", args)
    (tmp_path / "kept" / "sqlite.json").unlink()  # as a generation stopped half-way leaves it
    with pytest.raises(SystemExit, match="sqlite generation unfinished"):
        scale_kept.found(tmp_path / "kept")
