"""A claw-back notice whose item is drawn as a rectangle on the page, in a real browser:
producing counsel drags a rectangle over a word on the page's picture (the mouse, as a person
does; or the edges typed, the keyboard's way), names the item and gives notice naming it. The
item's rectangle, in points on the page, covers the word's box on the produced PDF page; the
page answers "not found" to receiving counsel on the next request; the notice is on their
dashboard and in their mailbox: a real SMTP server on loopback receives one message for each
receiving-side person who may know of the claim, and none holds the claimed text. A server
that cannot be reached costs the mail (logged, audited), never the notice."""

from __future__ import annotations

import html
import logging
import socket
from collections.abc import Iterator
from typing import Any

import pymupdf
import pytest

from clawback.domain.errors import InvalidInput
from clawback.domain.seats import Act
from clawback.service.notices import MailSettings
from tests.web import world
from tests.web.conftest import Client, Site, login, served
from tests.web.smtp import Mailbox, smtp_server
from tests.web.test_browser import CHROMIUM, serious
from tests.web.test_walk import log_in, submit

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="BROWSER NOT TESTED: no /usr/bin/chromium (scripts/setup)"
)
MEMO = world.EXHIBITS[0]  # Ex. 1, Confidential: "... mentions quetzal." on every page
NOTE = world.EXHIBITS[3]  # Ex. 4, Confidential: "... mentions tapir."
SENDER = "notices@clawback.example"
RECEIVING = {world.COUNSEL, world.EMPLOYEE, world.GUESSED}


@pytest.fixture(scope="module")
def mailbox() -> Iterator[Mailbox]:
    with smtp_server() as found:
        yield found


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox) -> Iterator[Site]:
    """A case of its own: produced, nothing claimed, sealed or filed; notices e-mailed
    through the test's SMTP server."""
    with served(tmp_path_factory, "drawn", settled=False) as found:
        found.workspace.mail = MailSettings(mailbox.host, mailbox.port, SENDER, found.url)
        yield found


@pytest.fixture(scope="module")
def producing(fresh: Site) -> Iterator[Any]:
    """Producing counsel, logged in once in a real browser (each log-in spends a one-time
    code)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = log_in(launched, fresh, world.PRODUCING)
        yield page
        page.context.close()
        launched.close()


@pytest.fixture(scope="module")
def counsel(fresh: Site) -> Iterator[Client]:
    """Receiving counsel, logged in over HTTP."""
    client = login(fresh, world.COUNSEL)
    yield client
    client.http.close()


def claims_of(site: Site, email: str) -> list[dict[str, Any]]:
    record = site.workspace.person(email)
    return record.claims.status() if record.may(Act.read_claims) else []


def word_box(site: Site, exhibit: int, word: str) -> tuple[float, float, float, float]:
    """The box of ``word`` on the first page of the exhibit as produced (points, top-left)."""
    produced = site.workspace.operator().reads.download(exhibit).pdf
    with pymupdf.open(stream=produced, filetype="pdf") as doc:
        found = [w[:4] for w in doc[0].get_text("words") if w[4].startswith(word)]
    assert len(found) == 1, found
    x0, y0, x1, y1 = found[0]
    return (x0, y0, x1, y1)


def drag_over(page: Any, box: tuple[float, float, float, float], margin: float) -> None:
    """Drag the mouse over ``box`` (points on the page) grown by ``margin`` points, on the
    page's picture as the browser shows it."""
    img = page.locator("#drawing img")
    shown = img.bounding_box()
    natural = img.evaluate("i => i.naturalWidth")
    dpi = int(page.locator("#draw-form").get_attribute("data-dpi"))
    scale = shown["width"] / natural * dpi / 72  # screen pixels per point

    def at(x: float, y: float) -> tuple[float, float]:
        return shown["x"] + x * scale, shown["y"] + y * scale

    x0, y0, x1, y1 = box
    page.mouse.move(*at(x0 - margin, y0 - margin))
    page.mouse.down()
    page.mouse.move(*at((x0 + x1) / 2, (y0 + y1) / 2), steps=3)
    page.mouse.move(*at(x1 + margin, y1 + margin), steps=3)
    page.mouse.up()


def test_a_rectangle_drawn_over_a_word_is_claimed_and_the_page_vanishes(
    fresh: Site, producing: Any, counsel: Client, mailbox: Mailbox
) -> None:
    assert counsel.get(f"/pages/{MEMO.bates(0)}").status_code == 200
    word = word_box(fresh, MEMO.number, MEMO.word)

    producing.goto(f"{fresh.url}/pages/{MEMO.bates(0)}")
    drag_over(producing, word, margin=2)
    assert producing.locator("#drawn").is_visible()
    producing.get_by_label("Item id").fill("c-drawn-1")
    producing.get_by_label("What it is").fill("an informant's code name")
    assert serious(producing) == []
    submit(producing, "Name the item")
    assert producing.get_by_label("Items already named").input_value() == "c-drawn-1"
    assert producing.get_by_label("Exhibits clawed back").input_value() == str(MEMO.number)
    producing.get_by_label("Claim id").fill("c-drawn")
    producing.get_by_label("Notice given on").fill("2020-07-01")
    submit(producing, "Give notice")
    assert producing.locator("#state").inner_text() == "noticed"
    assert producing.get_by_text("c-drawn-1").first.is_visible()

    # (a) the item's rectangle covers the word on the PDF page, and little more
    claimed = fresh.workspace.person(world.CLERK).reads.claimed(MEMO.bates(0))
    assert [c.item.id for c in claimed] == ["c-drawn-1"]
    rect = claimed[0].item.rect
    assert rect is not None
    assert rect[0] <= word[0] and rect[1] <= word[1] and rect[2] >= word[2] and rect[3] >= word[3]
    assert all(abs(r - w) < 4 for r, w in zip(rect, word, strict=True)), (rect, word)
    # (b) the page vanishes for receiving counsel on the next request
    assert counsel.get(f"/pages/{MEMO.bates(0)}").status_code == 404
    assert counsel.get(f"/pages/{MEMO.bates(0)}/image.png").status_code == 404

    # the notice in the app, and by e-mail to the receiving side's people who may know of it
    dashboard = counsel.get("/").text
    assert "Claw-back notice:" in dashboard and "claim c-drawn" in dashboard
    mails = [
        r for r in mailbox.received if r.message["Subject"] == "Claw-back notice: claim c-drawn"
    ]
    knowing = {
        email
        for email in (*world.SEATS, world.GUESSED, world.LITIGATION_SUPPORT)
        if any(c["claim"] == "c-drawn" for c in claims_of(fresh, email))
    }
    assert world.COUNSEL in knowing and world.PRODUCING in knowing  # the listing's own answer
    assert sorted(to for r in mails for to in r.recipients) == sorted(knowing & RECEIVING)
    for mail in mails:
        assert mail.sender == SENDER and mail.message["To"] == mail.recipients[0]
        body = mail.message.get_content()
        assert f"{fresh.url}/claims/c-drawn" in body and "As of this notice" in body
        for secret in (MEMO.word, MEMO.title, "informant", "border crossing", "Ex. 1"):
            assert secret not in str(mail.message), secret


def test_the_edges_typed_draw_the_rectangle_and_name_the_item(fresh: Site, producing: Any) -> None:
    producing.goto(f"{fresh.url}/pages/{NOTE.bates(0)}")
    assert not producing.locator("#drawn").is_visible()
    word = word_box(fresh, NOTE.number, NOTE.word)
    dpi = int(producing.locator("#draw-form").get_attribute("data-dpi"))
    px = [round(v * dpi / 72) for v in (word[0] - 2, word[1] - 2, word[2] + 2, word[3] + 2)]
    for name, value in zip(("Left", "Top", "Right", "Bottom"), px, strict=True):
        producing.get_by_label(name, exact=True).fill(str(value))
    assert producing.locator("#drawn").is_visible()
    producing.get_by_label("Item id").fill("c-typed-1")
    submit(producing, "Name the item")
    producing.get_by_label("Claim id").fill("c-typed")
    submit(producing, "Give notice")
    shown = fresh.workspace.person(world.CLERK).reads.claimed(NOTE.bates(0))
    rect = shown[0].item.rect
    assert rect is not None and rect[0] <= word[0] and rect[2] >= word[2]


def test_a_rectangle_outside_the_page_is_refused_in_one_line(
    fresh: Site, producing: Any, counsel: Client
) -> None:
    producing.goto(f"{fresh.url}/pages/{NOTE.bates(0)}")
    token = producing.locator("#draw-form input[name=csrf]").get_attribute("value")
    edges = {"csrf": token, "item": "c-far", "left": "10", "top": "10", "bottom": "20"}
    post = producing.request.post
    answer = post(f"{fresh.url}/pages/{NOTE.bates(0)}/items", form={**edges, "right": "99999"})
    assert answer.status == 409
    assert "is not inside page" in answer.text()
    answer = post(f"{fresh.url}/pages/{NOTE.bates(0)}/items", form={**edges, "right": "wide"})
    assert answer.status == 400
    assert "the rectangle's right edge is not a number: 'wide'" in html.unescape(answer.text())
    token = counsel.csrf("/account")
    answer = counsel.post(
        f"/pages/{MEMO.bates(1)}/items", data={**edges, "csrf": token, "right": "30"}
    )
    assert answer.status_code == 404  # not a seat that names items: as if there were no form


def test_a_mail_server_out_of_reach_costs_the_mail_not_the_notice(
    fresh: Site, caplog: pytest.LogCaptureFixture
) -> None:
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    kept = fresh.workspace.mail
    fresh.workspace.mail = MailSettings("127.0.0.1", port, SENDER, fresh.url, timeout=5)
    try:
        with caplog.at_level(logging.WARNING, logger="clawback.service.notices"):
            fresh.workspace.person(world.PRODUCING).claims.claim(
                "c-unmailed", privilege="law_enforcement", exhibits=[3]
            )
    finally:
        fresh.workspace.mail = kept
    assert any(c["claim"] == "c-unmailed" for c in claims_of(fresh, world.COUNSEL))
    assert any("c-unmailed" in r.getMessage() for r in caplog.records)
    trail = fresh.workspace.operator().audit.entries(50)
    failed = [e for e in trail if e.action == "notice.mail_failed" and e.subject == "c-unmailed"]
    assert len(failed) == 1 and failed[0].actor == world.PRODUCING


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"CLAWBACK_SMTP": "mail.example"}, "CLAWBACK_SMTP must be host:port"),
        ({"CLAWBACK_SMTP": "mail.example:x"}, "CLAWBACK_SMTP must be host:port"),
        ({"CLAWBACK_SMTP": "mail.example:25"}, "CLAWBACK_MAIL_FROM must be"),
        (
            {"CLAWBACK_SMTP": "m:25", "CLAWBACK_MAIL_FROM": "a@b", "CLAWBACK_SITE_URL": "ftp://x"},
            "CLAWBACK_SITE_URL must be",
        ),
    ],
)
def test_a_bad_mail_setting_is_refused_in_one_line(env: dict[str, str], named: str) -> None:
    with pytest.raises(InvalidInput, match=named):
        MailSettings.from_environment(env)
    assert MailSettings.from_environment({}) is None
    found = MailSettings.from_environment(
        {"CLAWBACK_SMTP": "[::1]:2525", "CLAWBACK_MAIL_FROM": "a@b"}
    )
    assert found == MailSettings("::1", 2525, "a@b")
