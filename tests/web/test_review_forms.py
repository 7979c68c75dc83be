"""The court's review form drawn from each privilege's governing test (shipped as data), with
the FRE 502(b) analysis and its dates; a party's motion to seal filed as its own side's, and the
court's ruling in part under FRCP 5.2(a); posted over HTTP, read back through the service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.service.review import privilege_test
from tests.web import world
from tests.web.conftest import Client, Site, login, served


def build(root: Path, settled: bool) -> dict[str, str | None]:
    """A smaller case than ``world.build``'s: one exhibit, claimed under attorney-client
    privilege, and a login for the court's clerk alone."""
    workspace = Workspace.init(root)
    op = workspace.operator()
    case = reference_case()
    op.matter.load_case(case)
    for email in (world.PRODUCING, world.COUNSEL, world.CLERK):
        op.people.add(email, **case["people"][email])
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Advice of counsel to SSN 123-45-6789", fontsize=11)
    op.ingest.ingest(doc.tobytes(), title="advice", exhibit=1)
    op.designations.designate(1, "Confidential")
    op.productions.produce([1], "TST-00000001", "VOL001", world.DAY)
    workspace.person(world.PRODUCING).claims.claim(
        "c-ac", privilege="attorney_client", exhibits=[1], on=world.DAY
    )
    secrets = {
        email: op.accounts.invite(email, world.PASSWORD).totp_secret
        for email in (world.COUNSEL, world.CLERK)
    }
    workspace.close()
    return secrets


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "review-web", build=build) as found:
        yield found


@pytest.fixture(scope="module")
def clerk(site: Site) -> Iterator[Client]:
    client = login(site, world.CLERK)
    yield client
    client.http.close()


def test_the_form_asks_for_the_claims_own_test(clerk: Client) -> None:
    page = clerk.get("/claims/c-ac").text
    elements = privilege_test("attorney_client").section("elements").elements
    for e in elements:
        assert f'name="elements.{e.key}.finding"' in page
    assert 'name="factor.' not in page and 'name="threshold.' not in page
    assert "Ruehle, 583 F.3d at 607" in page  # the citation offered as shipped
    assert 'name="fre_502b.dates.discovered_on"' in page


def test_posted_findings_and_a_502b_analysis_are_recorded(site: Site, clerk: Client) -> None:
    form = {"csrf": clerk.csrf("/claims/c-ac"), "test": "attorney_client", "conclusion": "ok"}
    for e in privilege_test("attorney_client").section("elements").elements:
        form[f"elements.{e.key}.finding"] = "met"
        form[f"elements.{e.key}.citation"] = e.citation
    for e in privilege_test("fre_502b").section("elements").elements:
        form[f"fre_502b.elements.{e.key}.finding"] = "met"
        form[f"fre_502b.elements.{e.key}.citation"] = e.citation
    form |= {
        "fre_502b.dates.produced_on": "2020-06-01",
        "fre_502b.dates.discovered_on": "2020-06-08",
        "fre_502b.dates.noticed_on": "2020-06-09",
    }
    answer = clerk.post("/claims/c-ac/review", data=form)
    assert answer.status_code == 303, answer.text
    court = site.workspace.person(world.CLERK)
    assert court.reviews.under_test("c-ac").holds("elements") is True
    found = court.reviews.waiver("c-ac")
    assert found is not None and found[1].discovery_to_notice == 1
    page = clerk.get("/claims/c-ac").text
    assert "Findings recorded: elements met." in page
    assert "(7 days later)" in page


def test_a_party_files_its_own_motion_and_the_court_seals_in_part(
    site: Site, clerk: Client
) -> None:
    counsel = login(site, world.COUNSEL)
    try:
        form = {"docket": "50", "exhibits": "1", "kind": "non_dispositive"}
        form |= {"filed_on": "2020-06-02", "csrf": counsel.csrf("/sealing")}
        as_other = counsel.post("/sealing/motions", data={**form, "movant": "producing"})
        assert as_other.status_code == 404  # not this seat's to file: answered as absent
        filed = counsel.post("/sealing/motions", data=form)
        assert filed.status_code == 201, filed.text
    finally:
        counsel.http.close()
    ruling = {"docket": "50", "exhibits": "1", "kind": "non_dispositive", "granted": "yes"}
    ruling |= {"on": "2020-06-10", "privacy": "ssn", "csrf": clerk.csrf("/sealing")}
    ruled = clerk.post("/sealing/decisions", data=ruling)
    assert ruled.status_code == 201, ruled.text
    assert "sealed in part: the public version removes Fed. R. Civ. P. 5.2(a)(1)" in ruled.text
    (paragraph,) = site.workspace.operator().filings.draft_order()
    assert paragraph.text.startswith("Plaintiffs' Motion to Seal (Dkt. No. 50) is GRANTED IN")
