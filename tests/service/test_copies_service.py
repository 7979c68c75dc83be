"""Copies across documents: proposals to extend a claim, rulings that disagree, kept signatures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, select, update

from clawback.copies import SCHEME, shared_bands
from clawback.domain.bates import BatesNumber
from clawback.domain.errors import RuleViolation
from clawback.service import Record, Workspace
from clawback.storage import tables as t
from tests.service.test_workspace import text_pdf
from tests.started import copy_workspace, loaded, on_sqlite, template

MEMO = "Field note on the crossing at the port, prepared for the intelligence unit review"
OTHER = "another page with other words entirely unrelated to the field note in any way"
EMPLOYEE = "emp@plf.test"  # receiving side: may not see Attorneys' Eyes Only material


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    """Exs. 1 and 2 produced: on SQLite a copy of one made once per process (`tests.started`)."""
    if on_sqlite(database_url):
        ws = copy_workspace(template("copies", _copies), tmp_path / "ws", database_url)
    else:
        ws = _copies(tmp_path / "ws", database_url)
    yield ws
    ws.close()


def _copies(root: Path, url: str | None = None) -> Record:
    ws = loaded(root, url)
    ws.ingest.ingest(
        text_pdf("cover of the first volume, nothing else here", MEMO), title="a", exhibit=1
    )
    ws.ingest.ingest(text_pdf(MEMO, OTHER), title="b", exhibit=2)
    ws.productions.produce([1, 2], "TST-00000001", "V1")
    return ws


def kept(ws: Workspace) -> dict[str, t.PageSignature]:
    with ws.transaction() as s:
        rows = s.execute(
            select(t.Page.bates, t.PageSignature).join(
                t.PageSignature, t.PageSignature.page_id == t.Page.id
            )
        ).all()
    return {str(bates): sig for bates, sig in rows}


def test_a_claim_proposes_its_copies_and_disagreeing_rulings_are_flagged(ws: Workspace) -> None:
    ws.claims.claim("c1", privilege="attorney_client", exhibits=[1])
    proposals = ws.copies.of_claim("c1")
    assert [(str(page), str(c.bates), c.kind) for page, c in proposals] == [
        ("TST-00000002", "TST-00000003", "exact")
    ]
    [pending] = ws.copies.conflicts()  # the copy is not sequestered: flagged at once
    assert (str(pending.bates), pending.treatment) == ("TST-00000002", "claimed, pending")
    assert (str(pending.copy), pending.copy_treatment) == ("TST-00000003", "released")
    ws.claims.rule("c1", "granted")
    [granted] = ws.copies.conflicts()
    assert (granted.treatment, granted.copy_treatment) == ("withheld", "released")
    ws.claims.claim("c2", privilege="attorney_client", exhibits=[2])
    ws.claims.rule("c2", "granted")
    assert ws.copies.conflicts() == []


def test_signatures_are_made_once_and_then_read(ws: Workspace) -> None:
    assert kept(ws) == {}
    assert [(str(c.bates), c.kind) for c in ws.copies.of_page("TST-00000002")] == [
        ("TST-00000003", "exact")
    ]
    with ws.transaction() as s:
        pages = s.execute(select(t.Page.bates, t.Document.original).join(t.Document)).all()
    originals = {str(bates): original for bates, original in pages}
    rows = kept(ws)
    assert sorted(rows) == ["TST-00000001", "TST-00000002", "TST-00000003", "TST-00000004"]
    assert {r.scheme for r in rows.values()} == {SCHEME}
    assert all(r.made_from == originals[b] for b, r in rows.items())
    # The search reads what is kept: give the cover page the memo's kept text signature, and
    # the next search names the cover as an exact copy, with no page rendered again.
    memo = rows["TST-00000002"]
    with ws.transaction() as s:
        s.execute(
            update(t.PageSignature)
            .where(t.PageSignature.page_id == rows["TST-00000001"].page_id)
            .values(text_hash=memo.text_hash, minhash=memo.minhash, words=memo.words)
        )
    found = [(str(c.bates), c.kind) for c in ws.copies.of_page("TST-00000002")]
    assert found == [("TST-00000001", "exact"), ("TST-00000003", "exact")]


def test_a_signature_of_another_scheme_is_made_again(ws: Workspace) -> None:
    ws.copies.of_page("TST-00000002")
    rows = kept(ws)
    memo = rows["TST-00000002"]
    with ws.transaction() as s:
        s.execute(
            update(t.PageSignature)
            .where(t.PageSignature.page_id == rows["TST-00000001"].page_id)
            .values(scheme="1", text_hash=memo.text_hash, minhash=memo.minhash)
        )
    assert [str(c.bates) for c in ws.copies.of_page("TST-00000002")] == ["TST-00000003"]
    again = kept(ws)["TST-00000001"]
    assert again.scheme == SCHEME and again.text_hash != memo.text_hash


def test_a_page_produced_later_gets_its_signature_on_the_next_search(ws: Workspace) -> None:
    ws.copies.of_page("TST-00000002")
    ws.ingest.ingest(text_pdf(OTHER), title="c", exhibit=3)
    ws.productions.produce([3], "TST-00000005", "V2")
    assert "TST-00000005" not in kept(ws)
    assert [(str(c.bates), c.exhibit) for c in ws.copies.of_page("TST-00000004")] == [
        ("TST-00000005", "3")
    ]
    assert kept(ws)["TST-00000005"].scheme == SCHEME


def test_no_copy_is_named_to_a_person_who_may_not_see_it(ws: Workspace) -> None:
    ws.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    ws.designations.designate(
        2, "AEO"
    )  # the copy of the memo, TST-00000003, is Attorneys' Eyes Only
    ws = ws.ctx.workspace.person(EMPLOYEE)
    searches = [
        lambda: ws.copies.of_page("TST-00000002"),
        lambda: ws.copies.of_claim("c1"),
        ws.copies.conflicts,
    ]
    for search in searches:
        with pytest.raises(RuleViolation, match="may not search for copies") as refused:
            search()
        assert "TST-" not in str(refused.value)
    assert kept(ws) == {}  # nothing made on a refused search
    # The index a search would be made from holds only the pages this person may see.
    index, exhibits = ws.copies._index()
    assert "TST-00000003" not in index and "TST-00000004" not in index
    assert sorted(exhibits) == ["TST-00000001", "TST-00000002"]
    assert index.find_key("TST-00000002") == []
    ws = ws.ctx.workspace.operator()  # the operator sees the copy
    assert [str(c.bates) for c in ws.copies.of_page("TST-00000002")] == ["TST-00000003"]


NOTE = (
    "The agent's field note on the crossing at the port of entry\n"
    "prepared for the intelligence unit review of the operation\n"
    "names the sources, the vehicles and the times of each shift"
)


def test_a_near_copy_is_found_by_a_shared_band_not_by_reading_every_page(ws: Workspace) -> None:
    ws.ingest.ingest(text_pdf(NOTE), title="c", exhibit=3)
    ws.ingest.ingest(text_pdf(NOTE.replace("each shift", "every shift")), title="d", exhibit=4)
    ws.productions.produce([3, 4], "TST-00000005", "V2")
    assert [(str(c.bates), c.kind) for c in ws.copies.of_page("TST-00000005")] == [
        ("TST-00000006", "near_text")
    ]
    # The copy keeps its signature but loses its bands: the search no longer meets it.
    copy = kept(ws)["TST-00000006"]
    with ws.transaction() as s:
        s.execute(delete(t.SignatureBand).where(t.SignatureBand.page_id == copy.page_id))
    assert ws.copies.of_page("TST-00000005") == []
    assert kept(ws)["TST-00000006"].minhash == copy.minhash  # not made again


def test_a_page_sharing_fewer_bands_than_a_near_copy_must_is_not_read(ws: Workspace) -> None:
    """A bucket can be common to thousands of pages (their commonest words): pages that share
    fewer bands with the page asked about than any near copy of it does are not candidates,
    not read, not compared; the near copy still is."""
    ws.ingest.ingest(text_pdf(NOTE), title="c", exhibit=3)
    ws.ingest.ingest(text_pdf(NOTE.replace("each shift", "every shift")), title="d", exhibit=4)
    ws.productions.produce([3, 4], "TST-00000005", "V2")
    ws.copies.of_page("TST-00000005")  # every page signed
    rows = kept(ws)
    asked, other = rows["TST-00000005"].page_id, rows["TST-00000004"].page_id
    band = t.SignatureBand
    with ws.transaction() as s:  # the unrelated page falls in 6 of the asked page's buckets
        for n, bucket in s.execute(
            select(band.band, band.bucket).where(band.page_id == asked, band.band < 6)
        ).all():
            s.execute(
                update(band).where(band.page_id == other, band.band == n).values(bucket=bucket)
            )
    assert shared_bands() == 7
    read = {str(r.bates) for r in ws.copies._named([BatesNumber.parse("TST-00000005")])}
    assert read == {"TST-00000005", "TST-00000006"}
    assert [(str(c.bates), c.kind) for c in ws.copies.of_page("TST-00000005")] == [
        ("TST-00000006", "near_text")
    ]


def test_a_page_waits_in_the_unsigned_list_until_its_signature_is_kept(ws: Workspace) -> None:
    def listed() -> list[str]:
        with ws.transaction() as s:
            found = s.scalars(
                select(t.Page.bates).join(t.UnsignedPage, t.UnsignedPage.page_id == t.Page.id)
            )
            return sorted(str(b) for b in found)

    # Every page inserted is listed (a trigger, whichever path inserted it).
    assert listed() == ["TST-00000001", "TST-00000002", "TST-00000003", "TST-00000004"]
    assert ws.copies.sign("DOC-000001") == 2
    assert listed() == ["TST-00000003", "TST-00000004"]
    assert ws.copies.sign("DOC-000001") == 0  # kept already: nothing made twice
    ws.copies.of_page("TST-00000001")  # the search signs what is still listed
    assert listed() == []
    assert sorted(kept(ws)) == ["TST-00000001", "TST-00000002", "TST-00000003", "TST-00000004"]


def test_a_document_is_signed_by_a_few_statements_not_a_read_and_write_per_page(
    ws: Workspace,
) -> None:
    """The signature step holds the write lock (SQLite's, or the rows' on PostgreSQL) for its
    writes only: a statement per table, whatever the pages, none of them a read of each page's
    kept signature first; signed again (stale), the same rows come out."""
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(" ".join(statement.split()))

    engine = ws.ctx.workspace.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert ws.copies.sign("DOC-000001") == 2
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    per_page = [x for x in statements if x.startswith("SELECT page_signature.")]
    assert per_page == []
    assert sum(x.startswith("INSERT INTO page_signature ") for x in statements) == 1
    first = kept(ws)
    with ws.transaction() as s:
        s.execute(update(t.PageSignature).values(scheme="1"))
    assert ws.copies.sign("DOC-000001") == 2
    again = kept(ws)
    assert {k: (v.scheme, v.minhash, v.words, v.images) for k, v in again.items()} == {
        k: (SCHEME, v.minhash, v.words, v.images) for k, v in first.items()
    }


def test_a_stale_signature_of_the_page_asked_about_is_made_again(ws: Workspace) -> None:
    ws.copies.of_page("TST-00000002")
    rows = kept(ws)
    with ws.transaction() as s:
        s.execute(
            update(t.PageSignature)
            .where(t.PageSignature.page_id == rows["TST-00000002"].page_id)
            .values(scheme="1", text_hash="0" * 64)
        )
    assert [str(c.bates) for c in ws.copies.of_page("TST-00000002")] == ["TST-00000003"]
    assert kept(ws)["TST-00000002"].scheme == SCHEME
