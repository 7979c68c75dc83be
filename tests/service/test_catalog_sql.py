"""The catalog answered by the database. The documents listing is ordered, filtered and paged
exactly as a Bates number orders (``BatesNumber``: by series, then number, whatever the
prefix's spelling or the counter's padding), and a page of it holds what a walk of the whole
listing holds at that place. The way from page to page steps over the pages the person may not
see and stops at the end of the series.

The Bates numbers here are picked where the stored text orders otherwise: ``AB-10`` before
``AB-9`` as text, ``AB-0004`` before ``AB_0003``, ``A-B-0001`` (series AB) before ``AA0002``
(series AA). Documents with no stamped page follow, by exhibit, then control number as the
person may know it (another side's: none), then the record's id.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.errors import NotFound
from clawback.service import Record, stamps
from clawback.service.catalog import Catalog, Listed
from clawback.storage import tables as t

EMPLOYEE = "emp@plaintiffs.example"
#: Each document: its pages' Bates numbers (None: unstamped), exhibit, control, holder, tier;
#: the producing side's are produced to the receiving side unless an exhibit never stamped.
DOCS: list[tuple[list[str | None], int | None, str, str, str | None]] = [
    (["AB-10", "AB-11"], None, "c-01", "producing", None),
    (["AB-9"], 4, "c-02", "producing", "Confidential"),
    (["AB_0003"], None, "c-03", "producing", "AEO"),
    (["AB-0004", "AB-0005"], None, "c-04", "receiving", None),
    (["A-B-0001"], None, "c-05", "producing", "Confidential"),
    (["AA0002"], 2, "c-06", "producing", None),
    (["NG7_0001", "NG7_0002"], None, "c-07", "producing", "Confidential"),
    ([None, "AB-0007"], None, "c-08", "producing", None),  # its first page unstamped
    ([None], 3, "z-09", "receiving", None),
    ([None], 3 + 7, "a-10", "producing", None),
    ([None], None, "b-11", "receiving", None),
    ([None], None, "a-12", "producing", "Confidential"),
    ([None, None], 1, "m-13", "producing", None),
    ([None], None, "k-14", "producing", None),  # produced, never stamped
]


Docs = list[tuple[list[str | None], int | None, str, str, str | None]]


def _world(ws: Record, docs: Docs = DOCS) -> None:
    ws.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    with ws.transaction() as s:
        s.add(t.Blob(sha256="0" * 64, size=0, media_type="application/pdf"))
        first, last = BatesNumber("AB-", 1, 4), BatesNumber("AB-", 11, 4)
        volume = t.Production(volume="V1", first=first, last=last, state="complete")
        s.add(volume)
        s.flush()
        made = []
        for n, (pages, exhibit, control, held_by, tier) in enumerate(docs, start=1):
            # produced: the producing side's, stamped or an exhibit's never
            produced = held_by == "producing" and (any(pages) or exhibit is None)
            made.append(
                t.Document(
                    id=n,
                    control=control,
                    title=f"doc {n}",
                    kind="pdf",
                    original="0" * 64,
                    produced="0" * 64 if produced else None,
                    production=volume.id if produced else None,
                    page_count=len(pages),
                    meta={},
                    exhibit=exhibit,
                    held_by=held_by,
                    tier=tier,
                )
            )
            s.add(made[-1])
            for idx, bates in enumerate(pages):
                s.add(
                    t.Page(
                        document_id=n,
                        idx=idx,
                        bates=BatesNumber.parse(bates) if bates else None,
                        text="",
                        redacted_text="",
                        sha256=f"{n:032x}{idx:032x}",
                        image_sha256=[],
                    )
                )
        stamps.refresh(s, made)  # as every writer of a page's number does


def _stamps(pages: list[str | None]) -> tuple[BatesNumber | None, BatesNumber | None]:
    stamped = [BatesNumber.parse(b) for b in pages if b]
    return (stamped[0], stamped[-1]) if stamped else (None, None)


def _expected(own: set[str] | None, shown: set[str]) -> list[str]:
    """The controls of the documents ``shown``, in the listing's order (``own``: the controls
    the person may know; None for every one)."""
    keyed = []
    for n, (pages, exhibit, control, _, _) in enumerate(DOCS, start=1):
        if control not in shown:
            continue
        first, _ = _stamps(pages)
        known = control if own is None or control in own else ""
        key = (
            (0, first.series, first.number, "", n)
            if first is not None
            else (1, "", exhibit or 0, known, n)
        )
        keyed.append((key, control))
    return [control for _, control in sorted(keyed)]


def _controls(listed: list[Listed]) -> list[str]:
    """The control numbers of listed documents, found by their titles ("doc N")."""
    return [DOCS[int(d.title.split()[1]) - 1][2] for d in listed]


@pytest.mark.parametrize("person", ["operator", EMPLOYEE])
def test_the_listing_is_in_bates_order_and_its_pages_walk_it(ws: Record, person: str) -> None:
    _world(ws)
    record = ws if person == "operator" else ws.ctx.workspace.person(EMPLOYEE)
    own: set[str] | None = None  # the operator knows every control number and sees all
    shown = {control for _, _, control, _, _ in DOCS}
    if person == EMPLOYEE:  # no AEO; of the other side's documents, no control number
        own = {control for _, _, control, held_by, _ in DOCS if held_by == "receiving"}
        shown = {
            control
            for pages, exhibit, control, held_by, tier in DOCS
            if tier != "AEO" and (held_by == "receiving" or any(pages) or exhibit is None)
        }
    whole = record.catalog.documents()
    assert _controls(whole) == _expected(own, shown)
    assert whole.total == len(shown)
    walked: list[str] = []
    for offset in range(0, len(shown) + 3, 3):
        page = record.catalog.documents(limit=3, offset=offset)
        assert page.total == len(shown)  # counted inside the access rule, past the end too
        walked += _controls(page)
    assert walked == _controls(whole)


def test_the_filters_answer_as_bates_numbers_and_tiers_compare(ws: Record) -> None:
    _world(ws)
    catalog = ws.catalog
    wanted = BatesRange(BatesNumber.parse("ab.0004"), BatesNumber.parse("AB-0009"))
    # AB-0004..5, AB-0007 and AB-9 overlap it; AB_0003, A-B-0001 and AB-10..11 do not
    found = catalog.documents(bates=wanted)
    assert _controls(found) == ["c-04", "c-08", "c-02"]
    assert found.total == 3
    assert catalog.documents(bates=wanted, limit=1, offset=2).total == 3
    confidential = catalog.documents(designation="confidential")
    assert _controls(confidential) == ["c-05", "c-02", "c-07", "a-12"]
    assert _controls(catalog.documents(designation="none", exhibits=True)) == [
        "c-06",  # stamped first, then by exhibit
        "m-13",
        "z-09",
        "a-10",
    ]


#: One spelling per series: AB- with an AEO page and a sequestered one among the employee's,
#: and a series on either side of it.
STEPS: Docs = [
    (["AA-0009"], None, "s-1", "producing", None),
    (["AB-0001", "AB-0002"], None, "s-2", "producing", None),
    (["AB-0003"], None, "s-3", "producing", "AEO"),
    (["AB-0004", "AB-0005"], None, "s-4", "producing", "Confidential"),
    (["AB-0006"], None, "s-5", "producing", None),  # sequestered below
    (["ZZ-0001"], None, "s-6", "producing", None),
]


def test_the_way_from_page_to_page_steps_over_what_the_seat_may_not_see(ws: Record) -> None:
    _world(ws, STEPS)
    with ws.transaction() as s:
        sequestered = s.get(t.Document, 5)
        assert sequestered is not None
        sequestered.sequestered = True
    employee = ws.ctx.workspace.person(EMPLOYEE).catalog

    def way(catalog: Catalog, at: str) -> tuple[str | None, str | None]:
        before, after = catalog.neighbours(at)
        return (str(before) if before else None, str(after) if after else None)

    assert way(employee, "AB-0002") == ("AB-0001", "AB-0004")  # over the AEO page
    assert way(employee, "AB-0004") == ("AB-0002", "AB-0005")
    assert way(employee, "AB-0005") == ("AB-0004", None)  # the sequestered page, then ZZ-
    assert way(employee, "AB-0001") == (None, "AB-0002")  # AA- is another series
    assert way(ws.catalog, "AB-0002") == ("AB-0001", "AB-0003")
    assert way(ws.catalog, "AB-0005") == ("AB-0004", "AB-0006")
    with pytest.raises(NotFound, match="AB-0003"):
        employee.neighbours("AB-0003")  # a page the seat may not see is not there


def test_a_seat_held_to_some_tiers_reads_the_listing_along_its_index(
    database_url: str, request: pytest.FixtureRequest
) -> None:
    """SQLite, without statistics, took "no tier, or one of these" as two searches of the tier
    index, then sorted every document the seat may see to list the first hundred (60 ms at
    10,000 documents); the listing is read along its own index and stops at the page's end."""
    if not database_url.startswith("sqlite"):  # asked before the workspace is made
        pytest.skip("SQLite's plan")
    ws: Record = request.getfixturevalue("ws")
    _world(ws)
    employee = ws.ctx.workspace.person(EMPLOYEE)
    sent: list[tuple[str, Any]] = []

    def seen(_c: object, _cursor: object, sql: str, parameters: Any, *_: object) -> None:
        sent.append((sql, parameters))

    engine = ws.ctx.workspace.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        employee.catalog.documents(limit=3)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    ((listing, parameters),) = [(q, p) for q, p in sent if "ORDER BY document.first_series" in q]
    with engine.connect() as conn:
        plan = [
            row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {listing}", parameters)
        ]
    assert any("ix_document_listing" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
