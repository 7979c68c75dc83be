"""Reads under load: a read is a snapshot that never waits for the writer (on SQLite it holds
no lock), its audit entry is still appended, a read session refuses to write, and the redacted
views kept in memory stay within their bound."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import event, func, select

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import StorageError
from clawback.service.recent import Recent
from clawback.storage import audit
from clawback.storage import tables as t
from clawback.storage.db import READ_ONLY
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


def test_reads_waiting_on_the_write_lock_append_their_entries_together(site: Site) -> None:
    """Reads that finish while the write lock is taken elsewhere do not each queue for it:
    one transaction appends every entry waiting, in order, and none is lost."""
    record = site.workspace.person(world.COUNSEL)
    reads = 8
    begun: list[str] = []

    def counted(connection: object) -> None:
        if not connection.get_execution_options().get(READ_ONLY, False):  # type: ignore[attr-defined]
            begun.append("write")

    with site.workspace.readers() as s:
        seq = s.scalar(select(func.max(t.Audit.seq))) or 0
    blocker = sqlite3.connect(site.workspace.url.removeprefix("sqlite:///"), timeout=0)
    event.listen(site.workspace.engine, "begin", counted)
    try:
        blocker.execute("BEGIN IMMEDIATE")  # another process holding the write lock
        threads = [
            threading.Thread(target=record.reads.page_text, args=(PAGE,)) for _ in range(reads)
        ]
        for thread in threads:
            thread.start()
        while site.workspace.audit_writer.waiting < reads - 1:  # one writing, the rest waiting
            time.sleep(0.01)
        blocker.rollback()
        for thread in threads:
            thread.join()
    finally:
        event.remove(site.workspace.engine, "begin", counted)
        blocker.close()
    with site.workspace.readers() as s:
        kept = s.scalars(select(t.Audit).where(t.Audit.seq > seq).order_by(t.Audit.seq)).all()
        problems = audit.verify(s, site.workspace.keys)
    assert [(a.action, a.subject) for a in kept] == [("read.text", str(PAGE))] * reads
    assert len(begun) == 2  # the first read's own write, then every read that waited on it
    assert problems == []


def test_an_entry_the_trail_refuses_fails_only_its_own_read_in_a_group(site: Site) -> None:
    writer = site.workspace.audit_writer
    failed: list[BaseException] = []

    def append(path: str, subject: str) -> None:
        try:
            writer.append(world.COUNSEL, path, [("read.text", subject, {})])
        except ValueError as exc:
            failed.append(exc)

    with site.workspace.readers() as s:
        seq = s.scalar(select(func.max(t.Audit.seq))) or 0
    blocker = sqlite3.connect(site.workspace.url.removeprefix("sqlite:///"), timeout=0)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        first = threading.Thread(target=append, args=("web", "first"))
        first.start()
        while not writer.writing:  # the first read's group is being written
            time.sleep(0.01)
        rest = [
            threading.Thread(target=append, args=(path, subject))
            for path, subject in (("web", "second"), ("nowhere", "refused"), ("web", "third"))
        ]
        for thread in rest:
            thread.start()
            while writer.waiting < rest.index(thread) + 1:  # each waits, in this order
                time.sleep(0.01)
        blocker.rollback()
        for thread in [first, *rest]:
            thread.join()
    finally:
        blocker.close()
    with site.workspace.readers() as s:
        kept = s.scalars(select(t.Audit.subject).where(t.Audit.seq > seq).order_by(t.Audit.seq))
        assert list(kept) == ["first", "second", "third"]
    assert [str(e) for e in failed] == ["audit path 'nowhere' is not one of api, cli, web, worker"]
