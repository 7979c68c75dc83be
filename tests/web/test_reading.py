"""Reads under load: a read is a snapshot that never waits for the writer (on SQLite it holds
no lock), its audit entry is still appended, a read session refuses to write, and the redacted
views kept in memory stay within their bound."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import StorageError
from clawback.service.recent import Recent
from clawback.storage import tables as t
from tests.web import world
from tests.web.conftest import Site

PAGE = BatesNumber.parse(world.EXHIBITS[0].bates(1))


def test_a_read_does_not_wait_for_the_writer_and_is_still_audited(site: Site) -> None:
    record = site.workspace.person(world.COUNSEL)
    writer = sqlite3.connect(site.workspace.url.removeprefix("sqlite:///"), timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        before, after = record.catalog.neighbours(PAGE)  # would wait, then fail, under a lock
        assert (str(before), str(after)) == (world.EXHIBITS[0].bates(0), world.EXHIBITS[0].bates(2))
        assert PAGE in record.catalog.pages(PAGE)
    finally:
        writer.rollback()
        writer.close()
    assert "quetzal" in record.reads.page_text(PAGE)
    with site.workspace.readers() as s:
        last = s.scalars(select(t.Audit).order_by(t.Audit.seq.desc()).limit(1)).one()
    assert (last.action, last.subject, last.actor) == ("read.text", str(PAGE), world.COUNSEL)


def test_a_read_session_refuses_to_write(site: Site) -> None:
    with site.workspace.readers() as s, pytest.raises(StorageError, match="a read tried"):
        s.add(t.LoginAttempt(at=datetime.now(UTC), email="x@y.example", address="a", ok=False))
        s.flush()


def test_the_views_kept_stay_within_their_bytes_least_recent_out_first() -> None:
    kept = Recent(10)
    kept.put("a", b"1234")
    kept.put("b", b"5678")
    assert kept.get("a") == b"1234"  # now the most recent
    kept.put("c", b"90ab")  # 12 bytes: the least recent ("b") goes
    assert (kept.get("a"), kept.get("b"), kept.get("c")) == (b"1234", None, b"90ab")
    kept.put("big", b"x" * 11)  # more than the whole bound: not kept, nothing dropped
    assert kept.get("big") is None and len(kept) == 2
