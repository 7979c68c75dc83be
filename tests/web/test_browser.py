"""In a real browser (Debian's chromium driven by Playwright, never a downloaded one): receiving
counsel logs in with a one-time code, signs the acknowledgment, opens a document, turns its
pages with the keyboard and searches; axe-core finds no serious or critical accessibility
violation on any of these pages; each page's screenshot goes to docs/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web import world
from tests.web.conftest import Site

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".venv" / "npm" / "axe.min.js"  # from the npm registry (scripts/setup)
SHOTS = ROOT / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium (scripts/setup)"
)


@pytest.fixture(scope="module")
def page(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        # bypass_csp lets the test inject axe-core; the app's own policy stays as served
        context = browser.new_context(viewport={"width": 1280, "height": 860}, bypass_csp=True)
        yield context.new_page()
        context.close()
        browser.close()


def serious(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it stands."""
    assert AXE.exists(), f"{AXE} missing: run CLAWBACK_SETUP_TESTS=1 scripts/setup"
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
             .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target)}))"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes']}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert serious(page) == [], name


def test_receiving_counsel_reads_and_searches_with_the_keyboard(site: Site, page: Any) -> None:
    page.goto(f"{site.url}/login")
    shot(page, "login")
    page.get_by_label("E-mail address").fill(world.COUNSEL)
    page.get_by_label("Password").fill(world.PASSWORD)
    page.get_by_label("One-time code").fill(site.code(world.COUNSEL))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    if page.url.endswith("/acknowledge"):
        shot(page, "acknowledge")
        page.get_by_label("I have read the undertaking").check()
        page.get_by_label("Type your full name").fill(site.workspace.seated(world.COUNSEL).name)
        page.get_by_role("button", name="Sign").click()
        page.wait_for_load_state()
    assert page.url == f"{site.url}/"
    assert page.get_by_role("heading", name="Case dashboard").is_visible()
    shot(page, "dashboard")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Documents").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name=re.compile("Briefing on database codes")).is_visible()
    assert page.get_by_role("link", name=re.compile("Intelligence note")).count() == 0
    shot(page, "documents")

    page.get_by_role("link", name=re.compile("Field memo")).click()
    page.wait_for_load_state()
    first = world.EXHIBITS[0]
    assert page.url.endswith(f"/pages/{first.bates(0)}")
    assert "quetzal" in page.locator("pre.text").inner_text()
    shot(page, "page-viewer")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**/pages/{first.bates(1)}")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**/pages/{first.bates(2)}")
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(f"**/pages/{first.bates(1)}")
    assert page.get_by_text("page 2 of 3").is_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.wait_for_load_state()
    page.get_by_label("Words to find").fill("quetzal")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=3 pages found")
    assert page.get_by_role("link", name=first.bates(2)).is_visible()
    shot(page, "search")

    page.goto(f"{site.url}/deadlines?m=2020-06")
    month = page.get_by_role("table", name=re.compile("June 2020"))
    assert month.get_by_role("columnheader", name="Sunday").is_visible()
    duty = month.locator("li.own").filter(has_text="receiving side: certify")
    assert duty.get_by_text("Your side:").is_visible()
    shot(page, "deadlines")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Privilege log").click()
    page.wait_for_load_state()
    assert page.get_by_role("table", name=re.compile("The log as the record stands")).is_visible()
    shot(page, "privilege-log")
