"""Bulk designation on the documents page: producing counsel ticks documents and gives them one
tier through the same service call as the command line, all or none, each document audited on
its own; a seat that may not designate is offered nothing and is answered as if the form were
not there. (The CSRF refusal is ``test_every_form``'s, which finds this form by itself.)

The shared world is left as it was: Ex. 1 and Ex. 4 are designated Confidential again."""

from __future__ import annotations

from sqlalchemy import func, select

from clawback.storage import tables as t
from tests.web import world
from tests.web.conftest import Client, Site

CHOSEN = [world.EXHIBITS[0].bates(), world.EXHIBITS[3].bates()]  # Ex. 1, Ex. 4: Confidential


def designations(site: Site) -> list[tuple[str, str]]:
    with site.workspace.sessions() as s:
        found = s.execute(
            select(t.Audit.actor, t.Audit.subject).where(t.Audit.action == "designate")
        ).all()
    return [(a, b) for a, b in found]


def acts(site: Site) -> int:
    """How many entries of the trail record an act (reads, the listing included, aside)."""
    with site.workspace.sessions() as s:
        query = select(func.count()).select_from(t.Audit).where(~t.Audit.action.like("read.%"))
        return s.scalar(query) or 0


def post(client: Client, docs: list[str], tier: str = "Confidential") -> int:
    token = client.csrf("/documents")
    answer = client.post("/documents/designate", data={"csrf": token, "tier": tier, "doc": docs})
    return answer.status_code


def test_producing_counsel_designates_a_selection(site: Site, sessions: dict[str, Client]) -> None:
    counsel = sessions[world.PRODUCING]
    listing = counsel.get("/documents").text
    assert 'form="bulk"' in listing and 'action="/documents/designate"' in listing
    before = designations(site)
    token = counsel.csrf("/documents")
    answer = counsel.post(
        "/documents/designate", data={"csrf": token, "tier": "Confidential", "doc": CHOSEN}
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/documents?designated=2"
    assert "Designated 2 documents." in counsel.get(answer.headers["location"]).text
    made = designations(site)[len(before) :]
    assert [actor for actor, _ in made] == [world.PRODUCING] * 2
    assert {subject for _, subject in made} == {"Ex. 1", "Ex. 4"}


def test_a_selection_with_one_unknown_document_changes_nothing(
    site: Site, sessions: dict[str, Client]
) -> None:
    before = acts(site)
    assert post(sessions[world.PRODUCING], [CHOSEN[0], "AOL-DEF-00000999"]) == 404
    assert post(sessions[world.PRODUCING], CHOSEN, tier="Top Secret") == 404  # no such tier
    assert post(sessions[world.PRODUCING], []) == 400
    assert acts(site) == before


def test_a_seat_that_may_not_designate_is_offered_nothing(
    site: Site, sessions: dict[str, Client]
) -> None:
    for email in (world.COUNSEL, world.EMPLOYEE, world.CLERK):
        client = sessions[email]
        assert 'form="bulk"' not in client.get("/documents").text
        before = acts(site)
        assert post(client, [CHOSEN[0]]) == 404
        assert acts(site) == before
