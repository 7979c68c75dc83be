"""The dispute's pages over HTTP (claims, sealing, filing), read without changing the shared
case: each seat is offered the forms the service lets it use, a claim or package hidden from a
seat answers as an absent one, and a form without its CSRF token is refused."""

from __future__ import annotations

import pytest

from tests.web import world
from tests.web.conftest import Client


def body_without(text: str, *refs: str) -> str:
    for ref in refs:
        text = text.replace(ref, "<REF>")
    return text


def test_receiving_counsel_is_given_notice_and_the_certification_form(
    sessions: dict[str, Client],
) -> None:
    counsel = sessions[world.COUNSEL]
    assert "Claw-back notice:" in counsel.get("/").text
    claim = counsel.get("/claims/c-note")
    assert claim.status_code == 200
    assert 'value="sequestered"' in claim.text and 'value="submitted"' in claim.text
    assert "Record the findings" not in claim.text and "Enter the ruling" not in claim.text


def test_the_court_is_given_the_review_and_ruling_forms(sessions: dict[str, Client]) -> None:
    claim = sessions[world.CLERK].get("/claims/c-note").text
    assert "Record the findings" in claim and "Enter the ruling" in claim
    assert claim.count('name="factor.') == 20  # ten factors, a finding and a citation each
    assert 'value="sequestered"' not in claim


def test_the_producing_side_may_give_notice_and_not_certify(sessions: dict[str, Client]) -> None:
    producing = sessions[world.PRODUCING]
    assert 'href="/claims/new"' in producing.get("/claims").text
    assert producing.get("/claims/new?pattern=quetzal").text.count("quetzal") >= 3
    claim = producing.get("/claims/c-note").text
    assert 'value="withdrawn"' in claim and 'value="sequestered"' not in claim
    assert sessions[world.COUNSEL].get("/claims/new").status_code == 404


@pytest.mark.parametrize("email", [world.PUBLIC, world.EMPLOYEE, world.COUNSEL])
def test_a_hidden_claim_answers_as_an_absent_one(sessions: dict[str, Client], email: str) -> None:
    client = sessions[email]
    shown = client.get("/claims/c-note")
    absent = client.get("/claims/c-nothing")
    assert absent.status_code == 404
    if shown.status_code == 404:
        assert body_without(shown.text, "c-note") == body_without(absent.text, "c-nothing")


def test_a_move_without_its_csrf_token_is_refused(sessions: dict[str, Client]) -> None:
    counsel = sessions[world.COUNSEL]
    refused = counsel.post("/claims/c-note/moves", data={"to": "sequestered"})
    assert refused.status_code == 403
    assert "noticed" in counsel.get("/claims/c-note").text


def test_filing_packages_go_only_to_the_seats_that_file(sessions: dict[str, Client]) -> None:
    producing, counsel = sessions[world.PRODUCING], sessions[world.COUNSEL]
    listing = producing.get("/filing")
    assert listing.status_code == 200
    name = next(f for f in listing.text.split('href="/filing/')[1:]).split('"')[0]
    got = producing.get(f"/filing/{name}")
    assert got.status_code == 200 and got.content.startswith(b"%PDF")
    assert counsel.get("/filing").status_code == 404
    hidden, absent = counsel.get(f"/filing/{name}"), counsel.get("/filing/public/none.pdf")
    assert hidden.status_code == absent.status_code == 404
    assert body_without(hidden.text, name) == body_without(absent.text, "public/none.pdf")


def test_the_sealing_page_offers_each_seat_its_form(sessions: dict[str, Client]) -> None:
    assert "File the motion" in sessions[world.COUNSEL].get("/sealing").text
    assert "Enter the decision" not in sessions[world.COUNSEL].get("/sealing").text
    assert "Enter the decision" in sessions[world.CLERK].get("/sealing").text
