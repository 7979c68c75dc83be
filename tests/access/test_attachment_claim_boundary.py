"""An attachment a reader may see, of a family exhibit they may not know of: its page names no
claim, item or ruling of that exhibit.

An e-mail (Ex. 1) designated AEO, produced with its attachment (no exhibit number of its own)
designated Confidential; a claim over Ex. 1 naming an item on the attachment, ruled denied.
Before: a receiving-side employee, whose tier withholds the e-mail, read the attachment and
its page (``show``, the viewer's page) listed claim ``c-okapi`` (its state, its ruling) and
the item ``i-rebate``, while the claims they may read (``claims.status``) held no claim at
all: the claim is over an exhibit they may not know of. Counsel, who reads the e-mail, is
told both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from clawback.service import Via, Workspace
from tests.access.receiving_readers import (
    ATTACHMENT,
    BOTH_ITEMS,
    COUNSEL,
    EMPLOYEE,
    started_with_readers,
    zebra_family,
)
from tests.ingest.make import eml_with, text_pdf


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    op = started_with_readers(tmp_path_factory.mktemp("attached") / "ws")
    mail = eml_with("Okapi pricing", [("schedule.pdf", text_pdf("Rebate schedule"))])
    (message, attachment), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    op.designations.designate(message, "AEO")  # beyond the employee's tier
    op.designations.designate(attachment, "Confidential")
    op.productions.produce([message, attachment], "TST-00000001", "VOL1")
    op.items.define(ATTACHMENT, "i-rebate", ATTACHMENT, "a figure", ["Rebate"])
    day = date(2020, 6, 1)
    op.claims.claim(
        "c-okapi", privilege="law_enforcement", exhibits=[1], items=["i-rebate"], on=day
    )
    op.claims.rule("c-okapi", "denied", on=date(2020, 6, 5))
    yield op.ctx.workspace
    op.ctx.workspace.close()


def test_an_attachment_names_no_claim_of_an_exhibit_its_reader_may_not_know_of(
    world: Workspace,
) -> None:
    employee = world.person(EMPLOYEE, Via.web)
    assert employee.claims.status() == []  # no claim is theirs to know
    shown = employee.reads.show(ATTACHMENT)
    assert (shown["claims"], shown["items"]) == ([], []), shown
    page = employee.page_views.page(ATTACHMENT).document
    assert "okapi" not in repr(page) and "i-rebate" not in repr(page), page
    told = world.person(COUNSEL, Via.web).reads.show(ATTACHMENT)
    assert [c["claim"] for c in told["claims"]] == ["c-okapi"]
    assert [i["id"] for i in told["items"]] == ["i-rebate"]


def test_an_exhibits_effect_names_no_item_on_an_attachment_beyond_its_reader(
    tmp_path: Path,
) -> None:
    """``reads.effects`` (what the rulings do to each exhibit, which pages and exports read)
    gave a party employee the id of an item a ruling granted on an e-mail's AEO attachment,
    where every listing of the dispute cuts an exhibit to the attachments the reader may know
    of (`knowledge.cut`)."""
    op = zebra_family(tmp_path / "ws")
    both = BOTH_ITEMS
    op.claims.claim("c1", privilege="law_enforcement", exhibits=[1], items=both)
    op.claims.rule("c1", "granted_in_part", items=both)
    workspace = op.ctx.workspace
    told = workspace.person(EMPLOYEE, Via.web).reads.effects()[1]
    assert (told.redact, len(told.basis)) == (("i-note",), 1), told
    assert workspace.person(COUNSEL, Via.web).reads.effects()[1].redact == tuple(both)
