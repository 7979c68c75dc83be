"""The docket in the web app: producing counsel enters filed papers by upload (one lodged under
seal and designated AEO, one on the public docket) and names an item by pinpoint, the court
names another, each through the one call the command line makes; the papers open in the page
viewer by docket entry, page by page, the items drawn in place for the seats that read them as
filed. The sealed AEO paper is absent for the party employee and the public (not listed, not
counted, "not found" at every address, answered as an entry that does not exist) and present
for the court. A paper's public version is handed out with its items truly redacted. One walk
in a real browser (axe-core on the docket and the paper's page, and their screenshots).

Its own served case (the shared one is left as it was): the settled test world, and no paper
until the module enters them."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from tests.service.test_filed_papers import SECRET, pleading_pdf
from tests.web import world
from tests.web.conftest import Client, Site, login, served
from tests.web.test_browser import CHROMIUM, serious, shot
from tests.web.test_walk import log_in

SEALED, OPEN = "101-33", "102"  # lodged under seal (AEO); on the public docket
ABSENT = "999"  # no such entry
ITEM_PAGE = 2  # the pleading's page 2, lines 3-4, quote the memo


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "docket") as found:
        yield found


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return pleading_pdf(tmp_path_factory.mktemp("paper") / "opposition.pdf").read_bytes()


@pytest.fixture(scope="module")
def clients(site: Site) -> Iterator[dict[str, Client]]:
    found = {email: login(site, email) for email in world.SEATS}
    yield found
    for client in found.values():
        client.http.close()


def enter(client: Client, pdf: bytes, docket: str, **fields: str) -> Any:
    data = {"csrf": client.csrf("/docket"), "docket": docket, "kind": "brief", **fields}
    return client.post("/docket", data=data, files={"paper": ("paper.pdf", pdf, "application/pdf")})


def name_item(client: Client, paper: str, item: str, at: str, what: str) -> Any:
    data = {"csrf": client.csrf("/docket"), "paper": paper, "item": item, "at": at, "what": what}
    return client.post("/docket/items", data=data)


@pytest.fixture(scope="module")
def entered(clients: dict[str, Client], pdf: bytes) -> None:
    """Producing counsel enters both papers and names an item of the open one; the court names
    an item of the sealed one."""
    producing, court = clients[world.PRODUCING], clients[world.CLERK]
    answer = enter(
        producing,
        pdf,
        f"ECF No. {SEALED}",
        title="Opposition (lodged under seal)",
        under_seal="true",
        designation="AEO",
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/docket/{SEALED}/pages/1"
    assert enter(producing, pdf[:-1] + b" ", OPEN, title="Opposition (public)").status_code == 303
    named = name_item(producing, OPEN, "open-q", "page 2, lines 3-4", "advice quoted")
    assert named.status_code == 303, named.text
    assert named.headers["location"] == f"/docket/{OPEN}/pages/{ITEM_PAGE}"
    named = name_item(court, f"ECF No. {SEALED}", "sealed-q", "page 2, line 3", "advice")
    assert named.status_code == 303, named.text


def listed(client: Client) -> tuple[list[str], str]:
    """The docket entries the docket page lists, and the count it states."""
    page = client.get("/docket").text
    entries = re.findall(r'<th scope="row"><a href="/docket/([^/]+)/pages/1">', page)
    count = re.search(r'id="paper-count">([^<]+)<', page)
    assert count, page
    return entries, count.group(1)


@pytest.mark.usefixtures("entered")
def test_the_court_and_producing_counsel_see_both_papers_and_their_items(
    clients: dict[str, Client],
) -> None:
    for email in (world.CLERK, world.PRODUCING, world.COUNSEL):  # counsel: AEO, served
        assert listed(clients[email]) == ([SEALED, OPEN], "2 filed papers."), email
    docket = clients[world.CLERK].get("/docket").text
    assert "ECF No. 101-33 at page 2, line 3 (advice)" in docket
    assert "ECF No. 102 at page 2, lines 3-4 (advice quoted)" in docket
    assert "under seal" in docket and "Enter a filed paper" not in docket  # the court ingests none
    court_page = clients[world.CLERK].get(f"/docket/{SEALED}/pages/{ITEM_PAGE}")
    assert court_page.status_code == 200
    assert SECRET in court_page.text and 'id="items"' in court_page.text  # drawn for the court
    assert "sealed-q: ECF No. 101-33 at page 2, line 3" in court_page.text


@pytest.mark.usefixtures("entered")
@pytest.mark.parametrize("email", [world.EMPLOYEE, world.PUBLIC])
def test_a_paper_lodged_under_seal_is_absent_as_an_entry_that_does_not_exist(
    clients: dict[str, Client], email: str
) -> None:
    client = clients[email]
    assert listed(client) == ([OPEN], "1 filed paper.")
    docs = client.get("/documents").text
    assert "Opposition (lodged under seal)" not in docs and "Opposition (public)" in docs
    for path in ("/pages/1", f"/pages/{ITEM_PAGE}", "/pages/1/image.png", "/public.pdf"):
        hidden = client.get(f"/docket/{SEALED}{path}")
        missing = client.get(f"/docket/{ABSENT}{path}")
        assert hidden.status_code == missing.status_code == 404, path
        assert hidden.text.replace(SEALED, ABSENT) == missing.text, path
    assert "sealed-q" not in client.get(f"/docket/{OPEN}/pages/{ITEM_PAGE}").text


@pytest.mark.usefixtures("entered")
def test_a_paper_opens_page_by_page_and_only_the_seats_reading_it_as_filed_see_its_items(
    clients: dict[str, Client],
) -> None:
    employee, producing = clients[world.EMPLOYEE], clients[world.PRODUCING]
    first = employee.get(f"/docket/{OPEN}")
    assert first.headers["location"] == f"/docket/{OPEN}/pages/1"
    one = employee.get(f"/docket/{OPEN}/pages/1").text
    assert f'href="/docket/{OPEN}/pages/2" rel="next"' in one and 'rel="prev"' not in one
    two = employee.get(f"/docket/{OPEN}/pages/2").text
    assert f'href="/docket/{OPEN}/pages/1" rel="prev"' in two and 'rel="next"' not in two
    assert SECRET in two and 'id="items"' not in two  # served in full; no item drawn
    assert employee.get(f"/docket/{OPEN}/pages/3").status_code == 404
    assert 'id="items"' in producing.get(f"/docket/{OPEN}/pages/2").text
    png = employee.get(f"/docket/{OPEN}/pages/2/image.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")


@pytest.mark.usefixtures("entered")
def test_the_public_version_has_the_items_redacted_and_the_public_none_to_download(
    clients: dict[str, Client],
) -> None:
    counsel, public = clients[world.COUNSEL], clients[world.PUBLIC]
    assert f"/docket/{OPEN}/public.pdf" in counsel.get("/docket").text
    got = counsel.get(f"/docket/{OPEN}/public.pdf")
    assert got.status_code == 200, got.text
    assert got.headers["content-disposition"] == 'attachment; filename="ECF-102.pdf"'
    with pymupdf.open(stream=got.content, filetype="pdf") as doc:
        text = " ".join(page.get_text() for page in doc)
    assert "Hanna Ruiz" not in text and "settle now" not in text
    assert "Nothing else on this page is privileged." in text
    assert "public.pdf" not in public.get("/docket").text
    assert public.get(f"/docket/{OPEN}/public.pdf").status_code == 404


@pytest.mark.usefixtures("entered")
def test_a_form_is_refused_in_one_line_and_the_public_offered_none(
    clients: dict[str, Client], pdf: bytes
) -> None:
    producing, public = clients[world.PRODUCING], clients[world.PUBLIC]
    bad = name_item(producing, OPEN, "x-1", "page 9, line 1", "x")
    assert bad.status_code == 404 and "ECF No. 102 has no page 9 (2 pages)" in bad.text
    again = name_item(producing, OPEN, "open-q", "page 1, line 1", "x")
    assert again.status_code == 409
    assert "item 'open-q' is already in the record" in html.unescape(again.text)
    page = public.get("/docket").text
    assert "Enter a filed paper" not in page and "Name an item" not in page
    assert enter(public, pdf, "ECF No. 120").status_code == 404
    assert name_item(public, OPEN, "p-1", "page 1, line 1", "x").status_code == 404


@pytest.mark.skipif(not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium")
def test_litigation_support_enters_a_paper_and_names_an_item_in_a_browser(
    site: Site, tmp_path: Path, pdf: bytes
) -> None:
    from playwright.sync_api import sync_playwright

    upload = tmp_path / "declaration.pdf"
    upload.write_bytes(pdf[:-1] + b"\n")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = log_in(browser, site, world.LITIGATION_SUPPORT)
        page.get_by_role("link", name="Docket").click()
        page.wait_for_load_state()
        assert serious(page) == []
        page.get_by_label("The paper as filed (PDF)").set_input_files(str(upload))
        page.get_by_label("Docket entry (ECF No. 101-33)").fill("ECF No. 130-2")
        page.get_by_label("Kind").select_option("declaration")
        page.get_by_label("Title, as the docket gives it").fill("Declaration of A. Witness")
        page.get_by_label("Lodged under seal").check()
        page.get_by_role("button", name="Enter the paper").click()
        page.wait_for_load_state()
        assert page.url.endswith("/docket/130-2/pages/1"), page.url
        page.keyboard.press("ArrowRight")
        page.wait_for_url("**/docket/130-2/pages/2")
        page.goto(f"{site.url}/docket")
        page.get_by_label("Paper", exact=True).select_option("130-2")
        page.get_by_label("Item id").fill("decl-q")
        where = "Where (page 7, lines 3-9; page 7, bullet 3; Tr. 7:3-9; ¶ 12)"
        page.get_by_label(where).fill("page 2, lines 3-4")
        page.get_by_label("What it is (a description that does not reveal it)").fill("advice")
        page.get_by_role("button", name="Name the item").click()
        page.wait_for_load_state()
        assert page.url.endswith("/docket/130-2/pages/2"), page.url
        assert "decl-q: ECF No. 130-2 at page 2, lines 3-4" in page.locator("#items").inner_text()
        shot(page, "paper-viewer")  # axe-core: no serious or critical violation
        page.goto(f"{site.url}/docket")
        assert "ECF No. 130-2" in page.locator("#papers").inner_text()
        shot(page, "docket")
        browser.close()


@pytest.mark.usefixtures("entered")
@pytest.mark.parametrize("email", world.SEATS)
def test_every_link_of_the_documents_list_opens_what_it_lists(
    clients: dict[str, Client], email: str
) -> None:
    """A paper the other side filed is listed without its control number (not the receiving
    side's to know): it links to its docket entry, not to ``/documents/None``."""
    client = clients[email]
    links = re.findall(r'<a href="(/(?:documents|docket)/[^"?]+)">', client.get("/documents").text)
    assert links, email
    for link in links:
        assert "None" not in link, (email, link)
        opened = client.get(html.unescape(link))
        assert opened.status_code in (200, 303), (email, link, opened.status_code)
