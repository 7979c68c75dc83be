"""``show`` of an attachment of a sealed family exhibit says it is sealed, as the catalog does.

Before: ``show`` read the seal decisions of the document's own exhibit number, and an
attachment has none: it said ``sealed: None`` ("no decision") of an attachment the catalog
listed as sealed, to the producing side and to the court alike. Now it reads those of the
exhibit it is of (``access.exhibit_of``), the rule its claims already follow; and to the
public, whom the seal keeps it from, it is absent, in ``show`` as in the catalog."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from tests.ingest.make import eml_with, text_pdf
from tests.started import start

PUBLIC = "reporter@press.test"
MESSAGE, ATTACHMENT = "TST-00000001", "TST-00000002"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    op = start(tmp_path_factory.mktemp("sealed-family") / "ws")
    op.people.add(PUBLIC, name="R", side="public", category="public")
    mail = eml_with("Pricing note", [("schedule.pdf", text_pdf("Zebra rebate schedule"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.productions.produce([message, attachment], MESSAGE, "VOL1")
    op.sealing.seal("77", exhibits=[1], kind="non_dispositive", granted=True)
    yield op.ctx.workspace
    op.ctx.workspace.close()


def test_an_attachment_of_a_sealed_exhibit_is_shown_sealed(world: Workspace) -> None:
    op = world.operator()
    listed = {d.ref: d.sealed for d in op.catalog.documents()}
    assert listed[ATTACHMENT] is True
    assert op.reads.show(ATTACHMENT)["sealed"] is True
    assert op.reads.show(MESSAGE)["sealed"] is True


def test_an_attachment_of_a_sealed_exhibit_is_absent_to_whom_the_seal_withholds_it(
    world: Workspace,
) -> None:
    public = world.person(PUBLIC, Via.web)
    assert public.catalog.documents() == []
    with pytest.raises(NotFound) as hidden:
        public.reads.show(ATTACHMENT)
    with pytest.raises(NotFound) as absent:
        public.reads.show("TST-00000099")
    assert str(hidden.value) == str(absent.value).replace("TST-00000099", ATTACHMENT)
