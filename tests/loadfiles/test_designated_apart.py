"""A file taken out of a received record's native follows the record's designation until it is
designated apart; from then on it keeps its own tier, whatever words its designation's note
holds. Which of the two it is was read from the note's wording (a note is free text a person
writes): a note that happened to hold the words the record's designation writes put the file
back under the record's tier, taking back to Confidential an attachment held back as AEO."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from clawback.domain.errors import InvalidInput
from clawback.loadfiles import write_dat
from clawback.service import Workspace
from clawback.service.received_names import WITH_RECORD
from clawback.storage import tables as t
from clawback.storage.db import _config, connect, migrate
from tests.ingest.make import eml_with, text_pdf
from tests.records import documents

#: A bare document row of the schema at 0030 (its columns that take no default), its blob first.
ROWS = (
    "INSERT INTO blob (sha256, size, media_type, recipe) VALUES ('b', 1, 'message/rfc822', '')",
    "INSERT INTO document (id, control, title, kind, parent, original, page_count,"
    " publicly_available, meta) VALUES (1, 'RCV-000001', 'mail', 'email', false, 'b', 1, false,"
    " '{}')",
)
KEPT = "INSERT INTO designation (id, document_id, tier, note) VALUES (:n, 1, 'AEO', :note)"
FIELDS = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]


def _import(ws: Workspace, root: Path) -> tuple[str, str]:
    """A volume of one e-mail with one attachment, Confidential; its two control numbers."""
    (root / "NATIVES").mkdir(parents=True)
    mail = eml_with("Rebates", [("memo.pdf", text_pdf("Memo on the Acme rebate"))])
    (root / "NATIVES" / "mail.eml").write_bytes(mail)
    dat = root / "VOL1.dat"
    dat.write_bytes(
        write_dat(FIELDS, [["ABC0001", "ABC0001", ".\\NATIVES\\mail.eml", "CONFIDENTIAL"]])
    )
    report = ws.imports.volume(root, dat)
    record, child = (i.control for i in report.imported)
    return record, child


def _designate(ws: Workspace, ref: str, tier: str, note: str) -> None:
    """As the operator: the designating party, not the receiving counsel ``ws`` seats."""
    operator = ws.ctx.workspace.operator()
    try:
        operator.designations.designate(ref, tier, note)
    finally:
        operator.close()


def _tiers(ws: Workspace, *controls: str) -> list[str | None]:
    return [d.tier for d in documents(ws, list(controls))]


@pytest.mark.parametrize(
    "note",
    [
        "held back: the pricing schedule",
        "as received with its family: per the letter of May 2",  # the record's own words
        "with RCV-000001, from whose native it came, but held back",  # as notes were written
        "",
    ],
)
def test_a_file_designated_apart_keeps_its_tier_whatever_its_note_says(
    sqlite_ws: Workspace, tmp_path: Path, note: str
) -> None:
    ws = sqlite_ws  # the words of a note are no backend's: both keep the column (below)
    record, child = _import(ws, tmp_path / "vol")
    assert _tiers(ws, record, child) == ["Confidential", "Confidential"]
    _designate(ws, child, "AEO", note)
    _designate(ws, "ABC0001", "Confidential", "re-designated after the meet and confer")
    assert _tiers(ws, record, child) == ["Confidential", "AEO"]


def test_a_file_that_follows_its_record_takes_each_of_its_designations(
    ws: Workspace, tmp_path: Path
) -> None:
    record, child = _import(ws, tmp_path / "vol")
    _designate(ws, "ABC0001", "AEO", "raised")
    _designate(ws, "ABC0001", "Confidential", "lowered again")
    assert _tiers(ws, record, child) == ["Confidential", "Confidential"]
    with ws.transaction() as s:
        kept = s.execute(
            select(t.Designation.tier, t.Designation.with_record)
            .join(t.Document)
            .where(t.Document.control == child)
            .order_by(t.Designation.id)
        ).all()
    assert [tuple(k) for k in kept] == [
        ("Confidential", True),  # as received, with the record
        ("AEO", True),
        ("Confidential", True),
    ]


def test_a_note_too_long_to_keep_is_refused_in_one_line_and_nothing_changes(
    ws: Workspace, tmp_path: Path
) -> None:
    record, child = _import(ws, tmp_path / "vol")
    with pytest.raises(InvalidInput, match=r"^a designation's note .* at most 2,000 characters"):
        _designate(ws, "ABC0001", "AEO", "x" * 2001)
    assert _tiers(ws, record, child) == ["Confidential", "Confidential"]
    _designate(ws, "ABC0001", "AEO", "y" * 2000)  # kept whole, on either backend
    with ws.transaction() as s:
        notes = s.scalars(
            select(t.Designation.note)
            .join(t.Document)
            .where(t.Document.control.in_([record, child]))
            .order_by(t.Designation.id.desc())
            .limit(2)
        ).all()
    assert sorted(notes, key=len) == ["y" * 2000, f"{WITH_RECORD}: " + "y" * 2000]


def test_designations_written_before_the_column_are_marked_by_their_words(
    database_url: str,
) -> None:
    """Migration 0031: rows kept before it have only their note to go by, read once there."""
    engine = connect(database_url)
    try:
        command.upgrade(_config(engine), "0030")
        notes = [
            "as received with its family: 'CONFIDENTIAL' (volume VOL1, inside its record's native)",
            f"{WITH_RECORD}: raised",
            "with RCV-000001, from whose native it came: raised",  # as they were once written
            "as received: 'CONFIDENTIAL' (volume VOL1, ABC0001)",  # the record's own
            "held back: the pricing schedule",
        ]
        with engine.begin() as conn:
            for row in ROWS:
                conn.execute(text(row))
            for n, note in enumerate(notes, 1):
                conn.execute(
                    text(KEPT),
                    {"n": n, "note": note},
                )
        migrate(engine)
        with engine.connect() as conn:
            marked = conn.execute(text("SELECT with_record FROM designation ORDER BY id")).scalars()
            assert [bool(m) for m in marked] == [True, True, True, False, False]
    finally:
        engine.dispose()
