"""Deadlines on the web: a month's calendar marking the person's own side's duties, and the
iCalendar feed reached with the person's API token, each showing only what that person may
know of (an order's act over an AEO exhibit is told the employee for the exhibits they may
know of, the AEO one's label and Bates range nowhere in it; the public sees none)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from clawback.domain.compliance import Act, Directive
from tests.web import world
from tests.web.conftest import Client, Site

JUNE = "/deadlines?m=2020-06"
CERTIFY = "receiving side: certify"  # the claim's duty, the receiving side's (June 8)
LODGE = "lodge"  # the order's act naming the sealed Exs. 1-3 (Ex. 2 is AEO), either party's


@pytest.fixture(scope="module", autouse=True)
def ordered(site: Site) -> None:
    site.workspace.operator().deadlines.order_deadlines(
        date(2020, 6, 12), [Directive("5", 14, Act.lodge_sealed)]
    )


def acts(html: str) -> list[tuple[bool, str]]:
    """Each act listed on the calendar: whether marked as the reader's side's, and its words."""
    found = re.findall(r'<li class="(own)?[^"]*">(.*?)</li>', html, re.S)
    return [(own == "own", re.sub(r"<[^>]+>", "", body)) for own, body in found]


def token(client: Client) -> str:
    made = client.post("/account/tokens", data={"name": "calendar", "csrf": client.csrf()})
    assert made.status_code == 201
    return made.text.split('id="new-token">', 1)[1].split("<", 1)[0]


def test_the_month_lists_each_days_acts_and_marks_the_readers_own(
    sessions: dict[str, Client],
) -> None:
    counsel = sessions[world.COUNSEL].get(JUNE)
    assert counsel.status_code == 200
    assert "<caption>June 2020: 2 acts due</caption>" in counsel.text
    assert counsel.text.count('<th scope="col"') == 7
    listed = acts(counsel.text)
    assert [own for own, words in listed if CERTIFY in words] == [True]
    assert [own for own, words in listed if LODGE in words] == [True]  # either party's
    producing = acts(sessions[world.PRODUCING].get(JUNE).text)
    assert [own for own, words in producing if CERTIFY in words] == [False]
    assert [own for own, words in producing if LODGE in words] == [True]
    court = acts(sessions[world.CLERK].get(JUNE).text)
    assert len(court) == 2 and not any(own for own, _ in court)


#: Ex. 2's first Bates number as a range cites it (world.EXHIBITS: AEO, beyond the employee).
HIDDEN = "00000011"


def told_lodge(listed: str) -> str:
    """The words of the one lodging act in ``listed`` (a calendar page or a feed)."""
    [words] = re.findall(r"lodge under seal [^<\r\n]*", listed)
    return words


def test_an_orders_act_is_on_the_calendar_for_what_the_reader_may_know_of(
    sessions: dict[str, Client],
) -> None:
    employee = sessions[world.EMPLOYEE].get(JUNE)
    assert "<caption>June 2020: 2 acts due</caption>" in employee.text
    theirs, whole = told_lodge(employee.text), told_lodge(sessions[world.COUNSEL].get(JUNE).text)
    assert HIDDEN in whole and "Ex. 2" not in theirs and HIDDEN not in theirs, (theirs, whole)
    assert theirs.startswith("lodge under seal Ex. 1 ("), theirs
    public, absent = sessions[world.PUBLIC].get(JUNE), sessions[world.PUBLIC].get("/nowhere")
    assert public.status_code == absent.status_code == 404
    assert sessions[world.COUNSEL].get("/deadlines?m=June").status_code == 400


def events(site: Site, bearer: str) -> dict[str, str]:
    """The feed's events as the token's holder gets them: UID to the event's lines."""
    got = Client(site.url).http.get(
        "/api/deadlines.ics", headers={"Authorization": f"Bearer {bearer}"}
    )
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("text/calendar")
    text = got.text.replace("\r\n ", "")  # unfolded
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    found = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S)
    return {re.search(r"UID:(\S+)", e).group(1): e for e in found}  # type: ignore[union-attr]


def test_the_feed_holds_one_event_per_deadline_the_holder_may_see_with_stable_uids(
    site: Site, sessions: dict[str, Client]
) -> None:
    counsel = token(sessions[world.COUNSEL])
    first = events(site, counsel)
    assert len(first) == 2 and sum("SUMMARY:" + CERTIFY in e for e in first.values()) == 1
    feed = "".join(events(site, token(sessions[world.EMPLOYEE])).values())
    assert told_lodge(feed).startswith("lodge under seal Ex. 1 (") and HIDDEN not in feed
    public = Client(site.url).http.get(
        "/api/deadlines.ics", headers={"Authorization": f"Bearer {token(sessions[world.PUBLIC])}"}
    )
    assert public.status_code == 404
    [lodge] = [d for d in site.workspace.operator().deadlines.list() if LODGE in d.act]
    assert lodge.ref is not None
    site.workspace.operator().deadlines.complete(lodge.ref, date(2020, 6, 20))
    again = events(site, counsel)
    assert again.keys() == first.keys()  # the same events, updated in place
    assert [e for e in again.values() if "STATUS:CANCELLED" in e and LODGE in e]
