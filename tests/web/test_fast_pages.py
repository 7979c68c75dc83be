"""The pages under load: a page view is one read and one short audit write; the reads behind
the dashboard, claims, deadlines, sealing and the other seats' pages never wait for the writer;
the dashboard counts in the database instead of loading the listing, sealing lists only
exhibits; a page's picture is kept without its mark, each copy's mark laid over it."""

from __future__ import annotations

import io
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops
from sqlalchemy import event, select

from clawback.domain.bates import BatesNumber
from clawback.domain.traces import READ_AS, codes_in
from clawback.pdf.marks.trace_reading import readings
from clawback.service import Record, lookup, tracing
from clawback.service.drawing import Apart, InPlace
from clawback.service.pictures import Pictures
from clawback.storage import tables as t
from tests.web import world
from tests.web.conftest import Site

PAGE = BatesNumber.parse(world.EXHIBITS[0].bates(1))


@contextmanager
def statements(site: Site) -> Iterator[list[str]]:
    """Every statement the workspace's engine (and its reader) sends while inside."""
    sent: list[str] = []

    def seen(_c: Any, _cursor: Any, sql: str, *_: Any) -> None:
        sent.append(sql)

    event.listen(site.workspace.engine, "before_cursor_execute", seen)
    try:
        yield sent
    finally:
        event.remove(site.workspace.engine, "before_cursor_execute", seen)


@contextmanager
def write_lock_held(site: Site) -> Iterator[None]:
    """Another connection holding SQLite's write lock (as a long write in another process)."""
    writer = sqlite3.connect(site.workspace.url.removeprefix("sqlite:///"), timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        yield
    finally:
        writer.rollback()
        writer.close()


def test_a_page_view_is_one_read_and_one_audit_write(site: Site) -> None:
    record = site.workspace.person(world.COUNSEL)
    with statements(site) as sent:
        view = record.page_views.page(PAGE)
    writes = [q for q in sent if q.startswith("BEGIN IMMEDIATE")]
    assert len(writes) == 1, sent
    # the same answers as the separate reads the viewer made before
    assert view.text == record.reads.page_text(PAGE) and "quetzal" in view.text
    assert (view.before, view.after) == record.catalog.neighbours(PAGE)
    assert view.pages == record.catalog.pages(PAGE) and view.at == 2
    assert view.document == record.reads.show(PAGE)
    assert view.warnings == record.reads.page_warnings(PAGE)
    assert view.claimed == record.reads.claimed(PAGE) == []  # only the court sees them
    # both entries kept, in the one write
    with site.workspace.readers() as s:
        found = s.scalars(select(t.Audit).order_by(t.Audit.seq.desc()).limit(8)).all()
    acts = [(a.action, a.subject, a.actor) for a in reversed(found)]
    assert ("read.text", str(PAGE), world.COUNSEL) in acts and ("show", str(PAGE), world.COUNSEL)


def _reads(record: Record) -> list[object]:
    return [
        record.claims.status(),
        record.claims.moves("c-note"),
        record.deadlines.list(),
        record.deadlines.closures(),
        record.people.list(),
        record.reads.effects(),
        record.reads.exhibits(),
        record.privilege_log.served(),
        record.privilege_log.rows(),
        record.audit.entries(5),
    ]


def test_the_seats_reads_do_not_wait_for_the_writer(site: Site) -> None:
    court = site.workspace.person(world.CLERK)
    producing = site.workspace.person(world.PRODUCING)
    with write_lock_held(site):  # each would wait 10 s, then fail, under the lock
        found = _reads(court)
        volumes = producing.volume_status.volumes()
    assert [c["claim"] for c in found[0]] == ["c-note"]  # type: ignore[index]
    assert found[2] and found[4] and volumes


def test_the_dashboard_counts_what_the_listing_holds(site: Site) -> None:
    for email in world.SEATS:
        record = site.workspace.person(email)
        listed = record.catalog.documents()
        with statements(site) as sent:
            tally = record.catalog.tally()
        reads = [q for q in sent if "FROM document" in q]
        assert len(reads) == 1 and "count(*)" in reads[0], reads  # no document loaded
        assert tally.total == listed.total
        assert tally.sealed == sum(d.sealed for d in listed)
        assert +Counter(tally.by_designation) == Counter(d.designation for d in listed), email


def test_sealing_lists_exactly_the_exhibits(site: Site) -> None:
    for email in world.SEATS:
        catalog = site.workspace.person(email).catalog
        every = [d for d in catalog.documents() if d.exhibit is not None]
        assert list(catalog.documents(exhibits=True)) == every, email


def test_a_kept_picture_carries_each_copys_own_mark_as_drawing_it_whole_would(
    site: Site, tmp_path: Path
) -> None:
    record = site.workspace.person(world.COUNSEL)
    kept = Pictures(tmp_path / "pictures", 64 * 1024 * 1024)
    drawer = InPlace(kept)
    with record.transaction() as s:
        doc, page = lookup.page(s, record.actor, PAGE)
        pdf = site.workspace.files.get(doc.produced or "")
        index = page.idx
    first, second = (tracing.mark_for(record.actor, "producing") for _ in range(2))
    assert first is not None and second is not None and first.code != second.code
    tracing.picture(pdf, index, 110, first, (), drawer)
    held = len(kept)
    laid = tracing.picture(pdf, index, 110, second, (), drawer)  # from the kept picture
    assert len(kept) == held  # nothing rendered again
    assert len([p for p in (tmp_path / "pictures").rglob("*") if p.is_file()]) == 1
    apart = Apart(kept, 1)
    try:  # a process of its own lays the same mark over the same kept picture
        assert tracing.picture(pdf, index, 110, second, (), apart) == laid
    finally:
        apart.close()
    whole = tracing.picture(pdf, index, 110, second, ())  # the mark drawn into the page
    a = Image.open(io.BytesIO(laid)).convert("L")
    b = Image.open(io.BytesIO(whole)).convert("L")
    assert a.size == b.size
    assert ImageChops.difference(a, b).getextrema()[1] <= 8  # the same picture, to a shade
    # a corner of it, cut off, still names the copy (the code read back by OCR)
    w, h = a.size
    corner = io.BytesIO()
    Image.open(io.BytesIO(laid)).crop((w // 3, h // 3, w, h)).save(corner, "PNG")
    read = next(c for text in readings(corner.getvalue(), READ_AS) if (c := codes_in(text)))
    assert str(read[0]) == str(second.code)
