"""An exhibit the court letters (``A``, ``B``, ``5-A``) is kept under an ordinal the record
counts from 100,000 up, one after another as they are numbered: a counter every side shares.
The JSON API told it as a document's ``exhibit`` and a claim's ``exhibits``, so a party
employee reading Ex. A as 100000 and Ex. C as 100002 learned that a lettered exhibit, 100001,
stood between them, beyond their tier (Ex. B, AEO). An exhibit is now told as the court writes
it (``12``, ``"A"``), as a search hit, ``show`` and the pages already told it.

Ex. A and Ex. C Confidential, Ex. B AEO, all produced; a claim over Ex. C."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from clawback.domain.exhibit_ids import FIRST_OTHER_ORDINAL, ExhibitId
from tests.access.receiving_readers import COUNSEL, EMPLOYEE, started_with_readers
from tests.ingest.make import text_pdf
from tests.web import world
from tests.web.conftest import Site, login, served


def _build(root: Path, settled: bool) -> dict[str, str | None]:
    op = started_with_readers(root)
    for email in (COUNSEL, EMPLOYEE):
        op.people.acknowledge(email)
    for letter, tier in (("A", "Confidential"), ("B", "AEO"), ("C", "Confidential")):
        op.ingest.ingest(text_pdf(f"Lettered exhibit {letter}"), title=letter, exhibit=letter)
        op.designations.designate(f"Ex. {letter}", tier)
    op.productions.produce(["Ex. A", "Ex. B", "Ex. C"], "TST-00000001", "VOL1")
    (ordinal,) = op.catalog.exhibit_ordinals([ExhibitId.parse("C")])
    op.claims.claim("c-c", privilege="law_enforcement", exhibits=[ordinal])
    secrets = {
        email: op.accounts.invite(email, world.PASSWORD).totp_secret
        for email in (COUNSEL, EMPLOYEE)
    }
    op.close()
    return secrets


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "ordinals", build=_build) as found:
        yield found


def _api(site: Site, email: str) -> list[object]:
    """What the JSON API answers ``email`` about the documents and the claims (logged in
    once, through the form, to sign the acknowledgment)."""
    login(site, email)
    token = site.workspace.person(email).accounts.new_token("probe")
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=site.url, headers=headers, timeout=30) as client:
        documents = client.get("/api/documents")
        claims = client.get("/api/claims")
    assert documents.status_code == claims.status_code == 200, (documents.text, claims.text)
    return [documents.json(), claims.json()]


def test_no_ordinal_reaches_a_reader_beyond_whose_tier_one_stands(site: Site) -> None:
    said = json.dumps(_api(site, EMPLOYEE))
    assert '"C"' in said  # Ex. C is theirs, told as the court writes it
    for ordinal in range(FIRST_OTHER_ORDINAL, FIRST_OTHER_ORDINAL + 3):
        assert str(ordinal) not in said, said


def test_counsel_is_told_the_letters_too(site: Site) -> None:
    documents, claims = _api(site, COUNSEL)
    assert isinstance(documents, dict) and isinstance(claims, list)
    # Ex. C is under a pending claw-back: listed to no one of the receiving side
    assert [d["exhibit"] for d in documents["documents"]] == ["A", "B"]
    assert [c["exhibits"] for c in claims] == [["C"]]
