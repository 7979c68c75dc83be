"""A filed paper designated under the protective order (the tier of what it quotes, given as it
is entered: ``file-paper --designation``) reaches no one that tier does not admit, the public
included, whose seat admits none. A paper designated Confidential, or AEO, and not lodged
under seal was listed on the public's docket, counted, searched and read by a reporter (its
designation printed beside it), while a party employee, bound by the order, was refused the AEO
one: the public read more than a party. To the public such a paper is now exactly as one that
was never filed; an undesignated paper is on its docket as before.

Over the small case of ``tests.web.world``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.domain.errors import NotFound
from clawback.service import Via, Workspace
from tests.web import world

WORDS = {"120": "walrus", "121": "narwhal", "122": "manatee"}
TIERS = {"120": "Confidential", "121": "AEO", "122": None}


def _paper(word: str) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 90), f"Declaration quoting figures {word}", fontsize=12)
    data: bytes = doc.tobytes()
    doc.close()
    return data


@pytest.fixture(scope="module")
def filed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    root: Path = tmp_path_factory.mktemp("designated-papers") / "ws"
    world.build(root, settled=False)
    workspace = Workspace.open(root)
    for email in (world.PRODUCING, world.COUNSEL, world.EMPLOYEE):
        workspace.operator().people.acknowledge(email)
    producing = workspace.person(world.PRODUCING)
    for entry, word in WORDS.items():
        producing.filed_papers.enter(_paper(word), entry, "declaration", designation=TIERS[entry])
    yield workspace
    workspace.close()


def test_the_public_is_not_told_of_a_designated_paper(filed: Workspace) -> None:
    public = filed.person(world.PUBLIC, Via.web)
    assert [p.paper.docket for p in public.docket.papers()] == ["122"]
    assert [h.name for h in public.reads.search("walrus OR narwhal OR manatee")] == [
        "ECF No. 122 p. 1"
    ]
    assert public.catalog.tally().total == 1  # nothing else is on the public docket yet
    answers = []
    for entry in ("120", "121", "999"):
        with pytest.raises(NotFound) as refused:
            public.docket.page(entry, 1)
        answers.append(str(refused.value).replace(entry, "N"))
    assert len(set(answers)) == 1, answers


def test_a_party_reads_what_its_tier_admits_as_before(filed: Workspace) -> None:
    employee = filed.person(world.EMPLOYEE, Via.web)
    assert [p.paper.docket for p in employee.docket.papers()] == ["120", "122"]
    counsel = filed.person(world.COUNSEL, Via.web)
    assert [p.paper.docket for p in counsel.docket.papers()] == ["120", "121", "122"]


def test_the_rule_is_the_same_in_the_query_on_each_database(
    database_url: str, tmp_path: Path
) -> None:
    """The docket's listing and the search filter in their query (``access.visible``): the
    same rule on SQLite and on PostgreSQL."""
    from tests.started import loaded

    op = loaded(tmp_path / "ws", database_url)
    try:
        op.people.add(world.PUBLIC, name="Reporter", side="public", category="public")
        for entry, word in WORDS.items():
            op.filed_papers.enter(_paper(word), entry, "declaration", designation=TIERS[entry])
        public = op.ctx.workspace.person(world.PUBLIC, Via.web)
        assert [p.paper.docket for p in public.docket.papers()] == ["122"]
        found = public.reads.search("walrus OR narwhal OR manatee")
        assert ([h.name for h in found], found.total) == (["ECF No. 122 p. 1"], 1)
    finally:
        op.close()
