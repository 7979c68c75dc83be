"""The walk through a dispute in a real browser, each step by its seat logged in: producing
counsel gives claw-back notice of items found by pattern; the claimed page vanishes for
receiving counsel on their next request (404, not a greyed page) and the notice is on their
dashboard; they certify sequestration; the court records its findings, takes the claim under
review and rules item by item; the producing side moves to seal, the court grants it; the
filing packages are made and downloaded. Each act lands in the audit trail under its person's
name; axe-core finds no serious or critical violation on any new page, whose screenshots go
to docs/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pymupdf
import pytest

from tests.web import world
from tests.web.conftest import Site, served
from tests.web.test_browser import CHROMIUM, serious, shot

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium (scripts/setup)"
)
MEMO = world.EXHIBITS[0]  # Ex. 1, Confidential, three pages each saying "quetzal"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A case of its own: produced, nothing claimed, sealed or filed."""
    with served(tmp_path_factory, "walk", settled=False) as found:
        yield found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


def log_in(browser: Any, site: Site, email: str) -> Any:
    context = browser.new_context(
        viewport={"width": 1280, "height": 860}, bypass_csp=True, accept_downloads=True
    )
    page = context.new_page()
    page.goto(f"{site.url}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(world.PASSWORD)
    page.get_by_label("One-time code").fill(site.code(email))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if page.url.endswith("/acknowledge"):
        page.get_by_label("I have read the undertaking").check()
        page.get_by_label("Type your full name").fill(site.workspace.seated(email).name)
        page.get_by_role("button", name="Sign").click()
        page.wait_for_load_state()
    assert page.url == f"{site.url}/", page.url
    return page


def submit(page: Any, name: str) -> None:
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading not in ("Cannot do that", "Refused"), page.locator("main").inner_text()


def test_a_claim_walks_from_notice_to_filing(fresh: Site, browser: Any) -> None:
    producing = log_in(browser, fresh, world.PRODUCING)
    counsel = log_in(browser, fresh, world.COUNSEL)
    court = log_in(browser, fresh, world.CLERK)
    memo_page = f"{fresh.url}/pages/{MEMO.bates(0)}"
    assert counsel.goto(memo_page).status == 200

    # notice, with the claimed text found by pattern
    producing.goto(f"{fresh.url}/claims/new?pattern=quetzal")
    assert producing.get_by_text("3 matches on the produced pages.").is_visible()
    shot(producing, "claim-notice")
    producing.get_by_label("Claim id").fill("c-memo")
    producing.get_by_label("Exhibits clawed back").fill(str(MEMO.number))
    producing.get_by_label("Notice given on").fill("2020-07-01")
    producing.get_by_label("Or one item on page").fill(MEMO.bates(0))
    producing.get_by_label("its text").fill("port of entry")
    producing.get_by_label("What the items are").fill("an informant's code name")
    submit(producing, "Give notice")
    assert producing.url.endswith("/claims/c-memo")
    assert producing.locator("#state").inner_text() == "noticed"

    # the claimed page vanishes for the receiving side; the notice is on its dashboard
    assert counsel.goto(memo_page).status == 404
    assert counsel.get_by_role("heading", name="Not found").is_visible()
    counsel.goto(f"{fresh.url}/")
    assert counsel.get_by_text("Claw-back notice:").is_visible()
    assert serious(counsel) == []
    counsel.get_by_role("link", name="claim c-memo").click()
    counsel.wait_for_load_state()
    shot(counsel, "claim-certify")
    counsel.get_by_label("What was done").select_option("sequestered")
    counsel.locator("#on-sequestered").fill("2020-07-02")
    submit(counsel, "Certify")
    assert counsel.locator("#state").inner_text() == "sequestered"

    # the court: findings on the threshold and the ten factors, review, a ruling per item
    court.goto(f"{fresh.url}/claims/c-memo")
    for field in court.locator("input[name$='.citation']").all():
        field.fill("Decl. of the records officer, para. 4")
    court.get_by_label("Conclusion").fill("The threshold showing is made.")
    submit(court, "Record the findings")
    assert court.get_by_text("Findings recorded: threshold met.").is_visible()
    court.locator("#on-under_review").fill("2020-07-03")
    submit(court, "Take under review")
    assert court.locator("#state").inner_text() == "under_review"
    shot(court, "claim-review")
    court.get_by_label("Result", exact=True).select_option("granted_in_part")
    for item in ("c-memo-pattern-1", "c-memo-pattern-2", "c-memo-pattern-3"):
        court.get_by_label(re.compile(f"^{item}:")).check()  # not c-memo-4, the heading
    court.get_by_label("Reason", exact=True).fill("The name is privileged; the rest is not.")
    court.get_by_label("Ruled on", exact=True).fill("2020-07-10")
    submit(court, "Enter the ruling")
    assert court.locator("#state").inner_text() == "ruled"

    # sealing: the producing side moves, the court decides
    producing.goto(f"{fresh.url}/sealing")
    producing.get_by_label("Docket number").fill("500")
    producing.get_by_label("Exhibits", exact=True).fill("1, 2, 3")
    producing.get_by_label("Filed on").fill("2020-07-11")
    submit(producing, "File the motion")
    assert producing.get_by_text("Motion to seal, Dkt. 500, on record.").is_visible()
    court.goto(f"{fresh.url}/sealing")
    court.get_by_label("Docket number of the motion").fill("500")
    court.get_by_label("Exhibits", exact=True).fill("1, 2, 3")
    court.get_by_label("Reason", exact=True).fill("Good cause shown.")
    court.get_by_label("Ruled on", exact=True).fill("2020-07-15")
    submit(court, "Enter the decision")
    assert court.get_by_text("Ex. 1: sealed").is_visible()
    shot(court, "sealing")

    # filing: the packages made, offered to the court, not to the receiving side
    court.goto(f"{fresh.url}/filing")
    court.get_by_label("Filed on").fill("2020-07-20")
    submit(court, "Make the filing packages")
    links = court.locator("main a[href^='/filing/']")
    assert links.count() >= 3
    shot(court, "filing")
    with court.expect_download() as got:
        links.first.click()
    assert got.value.path().read_bytes().startswith(b"%PDF")
    lodged = court.request.get(f"{fresh.url}/filing/sealed/ex01_{MEMO.bates(0)}.pdf")
    with pymupdf.open(stream=lodged.body(), filetype="pdf") as filed:
        text = " ".join(p.get_text() for p in filed)
    assert "quetzal" not in text and "port of entry" in text  # only the granted items redacted
    assert counsel.goto(f"{fresh.url}/filing").status == 404
    court.goto(f"{fresh.url}/claims/c-memo")
    assert court.locator("#state").inner_text() == "applied"
    shot(court, "claim")

    # each act in the audit trail, under its person's name (read through the service)
    trail = fresh.workspace.operator().audit.entries(1000)
    by = {(entry.action, entry.actor) for entry in trail}  # the actor: the person's address
    for action, email in [
        ("claim.notice", world.PRODUCING),
        ("item.define", world.PRODUCING),
        ("claim.sequestered", world.COUNSEL),
        ("claim.review", world.CLERK),
        ("claim.under_review", world.CLERK),
        ("rule", world.CLERK),
        ("seal.motion", world.PRODUCING),
        ("seal", world.CLERK),
        ("file.sealed", world.CLERK),
        ("claim.applied", world.CLERK),
        ("file.download", world.CLERK),
    ]:
        assert (action, email) in by, (action, email)
    for page in (producing, counsel, court):
        page.context.close()
