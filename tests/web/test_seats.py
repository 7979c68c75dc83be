"""Every seat in a real browser, on every main page its navigation offers: a party employee,
the producing side's litigation support and the public walked page by page (what each must
see, and what must be absent: not listed, not counted, "not found" at its address, never
greyed), and axe-core run on each main page of every seat, the three seats of the dispute
walk included. The court's picture of a page shows the claimed items in place; no other
seat's does. What litigation support does lands in the audit trail under its name.

One served case and one browser for the module; each seat logs in once. What each seat may
see is worked out here from the test world's data (``tests.web.world``) and the protective
order's tiers, never from counts written down."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pymupdf
import pytest

from clawback.domain.order import Side
from tests.web import world
from tests.web.conftest import Site, served
from tests.web.test_browser import CHROMIUM, serious, shot
from tests.web.test_walk import log_in

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium (scripts/setup)"
)
EVERY_SEAT = (*world.SEATS, world.LITIGATION_SUPPORT)
MEMO = world.EXHIBITS[0]  # Ex. 1, Confidential: the court reviews an item claimed on it
ITEM, CLAIM = "ex1-word", "c-word"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The settled case, and on Ex. 1 an item claimed, reviewed and ruled on (denied: the
    page stays the receiving side's to read, as the court's picture marks the item)."""
    with served(tmp_path_factory, "seats") as found:
        ws = found.workspace
        producing = ws.person(world.PRODUCING)
        producing.items.define(1, ITEM, MEMO.bates(0), "a code word", texts=[MEMO.word])
        producing.claims.claim(
            CLAIM, privilege="law_enforcement", exhibits=[1], items=[ITEM], on=date(2020, 6, 15)
        )
        ws.person(world.COUNSEL).claims.advance(
            CLAIM, "sequestered", date(2020, 6, 16), how="sequestered"
        )
        court = ws.person(world.CLERK)
        court.claims.advance(CLAIM, "under_review", date(2020, 6, 17))
        court.claims.rule(CLAIM, "denied", reason="Not privileged.", on=date(2020, 6, 18))
        yield found


@pytest.fixture(scope="module")
def seats(site: Site) -> Iterator[dict[str, Any]]:
    """One browser; each seat's page, logged in the first time it is asked for."""
    from playwright.sync_api import sync_playwright

    opened: dict[str, Any] = {}

    class Seats(dict[str, Any]):
        def __missing__(self, email: str) -> Any:
            opened[email] = log_in(browser, site, email)
            return opened[email]

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield Seats()
        browser.close()


def known(site: Site, email: str) -> list[world.Exhibit]:
    """The exhibits ``email`` may know of: the producing side and the court all of them; the
    receiving side those its tiers admit; the public those on the public docket alone."""
    person = site.workspace.seated(email)
    if person.side in (Side.producing, Side.court):
        return list(world.EXHIBITS)
    if person.side is Side.public:
        return [
            e for e in world.EXHIBITS if e.designation is None and e.number not in world.CLAIMED
        ]
    order = site.workspace.protective_order()
    assert order is not None
    tiers = order.admitted_tiers(person)
    return [e for e in world.EXHIBITS if e.designation is None or e.designation in tiers]


def seen(site: Site, email: str) -> list[world.Exhibit]:
    """The exhibits ``email`` may read now: what it may know of, less what a pending
    claw-back sequesters from the receiving side."""
    person = site.workspace.seated(email)
    return [
        e
        for e in known(site, email)
        if person.side is not Side.receiving or e.number not in world.CLAIMED
    ]


def traces_of(ex: world.Exhibit) -> list[str]:
    """What would give an exhibit away on a page: its title, its word, its Bates numbers."""
    return [ex.title, ex.word, *(ex.bates(n) for n in range(ex.pages))]


def main_pages(page: Any) -> list[str]:
    hrefs: list[str] = page.locator("nav[aria-label='Main'] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    return hrefs


def visit(page: Any, url: str) -> str:
    """Open a main page: it answers 200 with no serious or critical axe-core violation;
    returns the text of its main region."""
    answer = page.goto(url)
    assert answer.status == 200, url
    found = serious(page)
    assert found == [], (url, found)
    text: str = page.locator("main").inner_text()
    return text


# Producing counsel's pages are litigation support's (one seat, the same views): walked once,
# as litigation support; producing counsel's navigation is checked equal to it below.
@pytest.mark.parametrize("email", [e for e in EVERY_SEAT if e != world.PRODUCING])
def test_every_main_page_of_every_seat_is_accessible_and_holds_nothing_unknown(
    site: Site, seats: dict[str, Any], email: str
) -> None:
    page = seats[email]
    hidden = [e for e in world.EXHIBITS if e not in known(site, email)]
    reachable = [*main_pages(page)]
    readable = seen(site, email)
    if readable:
        reachable.append(f"/pages/{readable[0].bates(0)}")  # the page viewer
    if "/claims" in reachable:
        reachable.append(f"/claims/{CLAIM}")
    assert len(reachable) >= 5
    for href in reachable:
        text = visit(page, f"{site.url}{href}")
        for ex in hidden:
            for trace in traces_of(ex):
                assert trace not in text, (href, trace)


def test_a_party_employee_never_meets_an_aeo_document(site: Site, seats: dict[str, Any]) -> None:
    page = seats[world.EMPLOYEE]
    aeo = [e for e in world.EXHIBITS if e not in known(site, world.EMPLOYEE)]
    readable = seen(site, world.EMPLOYEE)
    assert aeo and all(e.designation == "AEO" for e in aeo)

    text = visit(page, f"{site.url}/documents")
    assert f"{len(readable)} document{'' if len(readable) == 1 else 's'}." in text
    for ex in readable:
        assert page.get_by_role("link", name=re.compile(re.escape(ex.title))).is_visible()
    dashboard = visit(page, f"{site.url}/")
    assert f"{len(readable)} document" in dashboard  # not counted either
    assert page.locator("#by-designation ~ table th[scope=row]", has_text="AEO").count() == 0
    never = "AOL-DEF-09999999"  # no page has this number
    assert page.goto(f"{site.url}/pages/{never}").status == 404
    absent = page.locator("main").inner_text().replace(never, "#")
    for ex in aeo:  # at its address: answered as a page that never existed, nothing greyed
        for n in range(ex.pages):
            answer = page.goto(f"{site.url}/pages/{ex.bates(n)}")
            assert answer.status == 404
            assert page.get_by_role("heading", name="Not found").is_visible()
            assert page.locator("main").inner_text().replace(ex.bates(n), "#") == absent
            assert ex.title not in page.content() and ex.word not in page.content()
            assert page.request.get(f"{site.url}/pages/{ex.bates(n)}/image.png").status == 404
        assert page.goto(f"{site.url}/documents/{ex.number}").status == 404
        page.goto(f"{site.url}/search?q={ex.word}")
        assert page.get_by_text("0 pages found").is_visible()
    shown = readable[0]
    page.goto(f"{site.url}/search?q={shown.word}")
    assert page.get_by_role("link", name=shown.bates(0)).is_visible()


def test_the_public_sees_the_public_docket_alone(site: Site, seats: dict[str, Any]) -> None:
    page = seats[world.PUBLIC]  # a log-in, no second factor, no undertaking to sign
    public = seen(site, world.PUBLIC)
    assert public and len(public) < len(world.EXHIBITS)
    assert main_pages(page) == ["/", "/documents", "/sealing", "/docket", "/search", "/account"]

    dashboard = visit(page, f"{site.url}/")
    order = site.workspace.protective_order()
    assert order is not None
    for tier in order.tiers:  # no count of designated material
        assert page.locator("main table", has_text=tier.short).count() == 0, tier.short
    assert "under seal" not in dashboard
    text = visit(page, f"{site.url}/documents")
    assert f"{len(public)} document" in text
    for ex in public:
        page.goto(f"{site.url}/documents/{ex.number}")
        assert page.url.endswith(f"/pages/{ex.bates(0)}")
        assert ex.word in page.locator("pre.text").inner_text()
    for ex in world.EXHIBITS:
        if ex in public:
            continue
        assert page.goto(f"{site.url}/pages/{ex.bates(0)}").status == 404
        page.goto(f"{site.url}/search?q={ex.word}")
        assert page.get_by_text("0 pages found").is_visible()
    visit(page, f"{site.url}/sealing")
    rows = page.locator("main tbody tr th[scope=row]").all_inner_texts()
    assert rows == [f"Ex. {ex.number}" for ex in public]  # nothing under seal listed
    for href in ("/claims", "/deadlines", "/filing", "/privilege-log", "/audit"):
        assert page.goto(f"{site.url}{href}").status == 404, href
    shot(page, "dashboard-public")


def yellow(png: bytes) -> int:
    """How many pixels of the picture are the highlight's yellow (over white)."""
    pix = pymupdf.Pixmap(png)
    samples, n = pix.samples, pix.n
    return sum(
        1
        for r, g, b in zip(samples[0::n], samples[1::n], samples[2::n], strict=True)
        if r > 230 and g > 230 and b < 190
    )


def test_the_court_sees_the_claimed_item_in_place_and_no_one_else_does(
    site: Site, seats: dict[str, Any]
) -> None:
    court = seats[world.CLERK]
    address = f"{site.url}/pages/{MEMO.bates(0)}"
    court.goto(address)
    claimed = court.locator("#claimed")
    assert claimed.get_by_text(re.compile(f"^{ITEM}: a code word")).is_visible()
    assert claimed.get_by_role("link", name=CLAIM).is_visible()
    shot(court, "page-viewer-court")
    marked = court.request.get(f"{address}/image.png").body()
    assert yellow(marked) > 50
    plain = court.request.get(f"{site.url}/pages/{MEMO.bates(1)}/image.png").body()
    assert yellow(plain) == 0  # nothing claimed on the next page

    for email in (world.COUNSEL, world.EMPLOYEE, world.PRODUCING):
        page = seats[email]
        page.goto(address)
        assert page.locator("#claimed").count() == 0, email
        assert yellow(page.request.get(f"{address}/image.png").body()) == 0, email


def test_litigation_support_designates_and_the_employee_loses_the_page(
    site: Site, seats: dict[str, Any]
) -> None:
    support = seats[world.LITIGATION_SUPPORT]
    employee = seats[world.EMPLOYEE]
    assert main_pages(support) == main_pages(seats[world.PRODUCING])
    listed = visit(support, f"{site.url}/documents")
    for ex in world.EXHIBITS:
        assert ex.title in listed
    address = f"{site.url}/pages/{MEMO.bates(1)}"
    assert employee.goto(address).status == 200

    support.goto(address)
    support.get_by_label("Tier").select_option("AEO")
    support.get_by_label("Note (optional)").fill("re-designated on review")
    support.get_by_role("button", name="Designate").click()
    support.wait_for_load_state()
    assert support.url == address
    assert "AEO" in support.locator("p.meta").inner_text()
    assert serious(support) == []

    assert employee.goto(address).status == 404  # on its next request, absent
    employee.goto(f"{site.url}/documents")
    assert employee.get_by_role("link", name=re.compile(re.escape(MEMO.title))).count() == 0

    trail = site.workspace.operator().audit.entries(1000)
    assert ("designate", world.LITIGATION_SUPPORT) in {(e.action, e.actor) for e in trail}
