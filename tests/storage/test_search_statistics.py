"""PostgreSQL plans a full-text query by its estimate of the pages it matches: with the default
statistics target the word pairs were too many to list, every rare phrase was estimated at 0.5%
of the pages, and the operator's search walked the pages in id order to find none (1.15 s at
100,000 pages, ``benchmarks/scale.py``). Migration 0029 lists more of each search column's
lexemes. What is tested here is the setting the plan depends on; the plan itself only turns at
a size a test should not build (the benchmark shows it: 1.15 s -> milliseconds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from clawback.service import Workspace
from tests.conftest import postgres_schema

COLUMNS = ("text_search", "redacted_text_search", "text_pairs", "redacted_text_pairs")


@pytest.mark.postgres
def test_the_search_columns_keep_finer_statistics(tmp_path: Path, postgres_url: str) -> None:
    with postgres_schema(postgres_url) as url:
        workspace = Workspace.init(tmp_path / "ws", url)
        try:
            with workspace.engine.connect() as conn:
                targets = dict(
                    conn.execute(
                        text(
                            "SELECT attname, attstattarget FROM pg_attribute "
                            "WHERE attrelid = 'page'::regclass AND attname = ANY(:names)"
                        ),
                        {"names": list(COLUMNS)},
                    ).all()
                )
        finally:
            workspace.close()
    assert targets == dict.fromkeys(COLUMNS, 1000), targets
