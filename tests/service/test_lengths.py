"""A bounded text column holds the same on both backends: PostgreSQL refused an e-mail whose
subject ran past a document title's 300 characters ("the database refused the change: value
too long for type character varying(300)": the message named no field, and the e-mail was not
ingested), SQLite kept it. A value made from a file is fitted; one a person gives is refused in
one line naming the field, on both, and nothing of the unit of work is written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from clawback.domain.errors import InvalidInput
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml_with, text_pdf


def test_an_email_whose_subject_runs_long_is_ingested_with_its_title_fitted(
    ws: Workspace,
) -> None:
    subject = "RE: FW: " * 60 + "rebate schedule"
    mail = eml_with(subject, [("memo.pdf", text_pdf("Memo on the Acme rebate"))])
    before = _documents(ws)
    ws.ingest.ingest_file(mail, "long.eml")
    with ws.transaction() as s:
        titles = s.scalars(
            select(t.Document.title).where(t.Document.id > before).order_by(t.Document.id)
        ).all()
    assert len(titles) == 2  # the message and its attachment, both in
    assert len(titles[0]) == 300 and titles[0].endswith("\u2026")
    assert subject.startswith(titles[0][:-1].rstrip())
    assert titles[1] == "memo.pdf"


def test_a_value_longer_than_its_column_is_refused_naming_it_and_nothing_is_written(
    ws: Workspace,
) -> None:
    with ws.transaction() as s:
        before = s.scalar(select(func.count()).select_from(t.Person))
    with (
        pytest.raises(InvalidInput, match=r"^a person's name holds at most 200 characters"),
        ws.transaction() as s,
    ):
        s.add(
            t.Person(
                email="long@example.test", name="N" * 201, side="receiving", category="counsel"
            )
        )
    with ws.transaction() as s:
        assert s.scalar(select(func.count()).select_from(t.Person)) == before


def _documents(ws: Workspace) -> int:
    with ws.transaction() as s:
        return s.scalar(select(func.max(t.Document.id))) or 0
