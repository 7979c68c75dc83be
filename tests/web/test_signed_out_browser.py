"""What a signed-out browser still holds. htmx kept a snapshot of each page it left (its
history cache, in the tab's sessionStorage, ten pages): a party employee searched a
Confidential exhibit's word, logged out, and the log-in page's tab still held 4 KB of the
search page, the exhibit's snippet in it, for whoever used the tab next; ``no-store`` keeps
pages out of the browser's cache, never out of a script's storage. htmx now keeps no
snapshot (a page gone back to is asked of the server, which asks for a session), and the
log-out answer tells the browser to clear what this site stored (``Clear-Site-Data``)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.web import world
from tests.web.conftest import Client, Site, login

CHROMIUM = Path("/usr/bin/chromium")
WORD = world.EXHIBITS[0].word  # Ex. 1, Confidential: the employee reads it


def test_the_log_out_answer_clears_what_the_site_stored(site: Site) -> None:
    client = login(site, world.PUBLIC)
    answer = client.post("/logout", data={"csrf": client.csrf("/")})
    assert answer.status_code == 303
    cleared = {part.strip() for part in answer.headers["clear-site-data"].split(",")}
    assert {'"cache"', '"storage"'} <= cleared


def test_htmx_keeps_no_snapshot_of_a_page(site: Site) -> None:
    page = Client(site.url).get("/login").text
    found = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page)
    assert found is not None
    assert json.loads(found.group(1))["historyCacheSize"] == 0


@pytest.mark.skipif(not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium")
def test_a_signed_out_tab_holds_none_of_the_record(site: Site) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page: Any = browser.new_context().new_page()
        page.goto(f"{site.url}/login")
        page.get_by_label("E-mail address").fill(world.EMPLOYEE)
        page.get_by_label("Password").fill(world.PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()
        if page.url.endswith("/acknowledge"):
            page.get_by_label("I have read the undertaking").check()
            name = site.workspace.seated(world.EMPLOYEE).name
            page.get_by_label("Type your full name").fill(name)
            page.get_by_role("button", name="Sign").click()
            page.wait_for_load_state()
        page.goto(f"{site.url}/search")
        for words in (WORD, "border"):  # the second search leaves the first's page behind
            page.get_by_label("Words to find").fill(words)
            page.keyboard.press("Enter")
            page.wait_for_url(f"**/search?q={words}")
            page.wait_for_selector("text=pages found")
        page.get_by_role("button", name="Log out").click()
        page.wait_for_url("**/login")
        held = page.evaluate("JSON.stringify(Object.entries(sessionStorage))")
        stored = page.evaluate("JSON.stringify(Object.entries(localStorage))")
        browser.close()
    assert WORD not in held and WORD not in stored, held[:300]
