"""A claim naming an item on an e-mail exhibit's attachment lists that item to whoever may know
of the attachment, and to no one else.

Before: ``claims.status`` took a claim's items by the exhibit number of the document they sit
on, and an attachment has none: the item ``i-zebra`` on Ex. 1's attachment was listed to no
one, the producing side included, nor named in the claim's ruling. Now an item on an
attachment is listed with its family's exhibit, to a reader who may know of that attachment;
a party employee whose tier withholds it is told of neither the item nor its ruling."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from clawback.service import Via, Workspace
from tests.access.receiving_readers import (
    BOTH_ITEMS,
    COUNSEL,
    EMPLOYEE,
    zebra_family,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    op = zebra_family(tmp_path_factory.mktemp("attached-items") / "ws")
    both = BOTH_ITEMS
    op.claims.claim("c1", privilege="attorney_client", exhibits=[1], items=both)
    op.claims.rule("c1", "granted_in_part", items=both, on=date(2020, 6, 5))
    yield op.ctx.workspace
    op.ctx.workspace.close()


def _listed(world: Workspace, who: str | None) -> tuple[list[str], list[str]]:
    record = world.person(who, Via.web) if who else world.operator()
    (claim,) = record.claims.status()
    return [i["item"] for i in claim["items"]], claim["rulings"][0]["items"]


def test_an_item_on_an_attachment_is_listed_to_whoever_may_know_of_it(world: Workspace) -> None:
    both = ["i-note", "i-zebra"]
    assert _listed(world, None) == (both, both)
    assert _listed(world, COUNSEL) == (both, both)


def test_an_item_on_an_attachment_is_listed_to_no_one_its_tier_withholds(
    world: Workspace,
) -> None:
    assert _listed(world, EMPLOYEE) == (["i-note"], ["i-note"])
