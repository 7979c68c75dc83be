"""Values typed wrong in the web app's forms, each answered 400 with one line naming the value,
never a server fault: exhibits are read by the parser the command line uses (runs, letters,
"Ex. 5"), so a number past any column's range or a digit of another script is refused where it
enters. Uses the session's server and logged-in seats (no request here enters anything)."""

from __future__ import annotations

import html
import re

import pytest

from tests.ingest.test_limits import encrypted_pdf
from tests.web import world
from tests.web.conftest import Client

FAULT = re.compile(r"Traceback|[A-Z][a-z]+Error\b|sqlalchemy|sqlite", re.IGNORECASE)
MOTION = {"docket": "733", "kind": "non_dispositive", "filed_on": "2020-07-01"}
NOTICE = {"claim": "c-values", "privilege": "attorney_client", "on": "2020-07-01"}


@pytest.mark.parametrize("path", ["/claims", "/sealing/motions"])
@pytest.mark.parametrize(
    "exhibits", ["100000000000000000000", "-1", "\u0663", "1-100000000", "3-1", "ABC-"]
)
def test_exhibits_that_are_not_exhibits(
    sessions: dict[str, Client], path: str, exhibits: str
) -> None:
    client = sessions[world.PRODUCING]
    form = {**(NOTICE if path == "/claims" else MOTION), "exhibits": exhibits}
    answer = client.post(path, data={**form, "csrf": client.csrf()})
    assert answer.status_code == 400, answer.status_code
    assert not FAULT.search(answer.text)
    assert f"{exhibits!r}" in html.unescape(answer.text)


def test_the_claim_form_prefills_exhibits_as_the_court_writes_them(
    sessions: dict[str, Client],
) -> None:
    client = sessions[world.PRODUCING]
    shown = client.get("/claims/new", params={"exhibits": "Exs. 1-2 and 4"})
    assert shown.status_code == 200
    assert 'value="1, 2, 4"' in shown.text
    assert client.get("/claims/new", params={"exhibits": "10" * 10}).status_code == 400


@pytest.mark.parametrize("days", ["\u00b2", "\u0663", "99999"])
def test_days_that_are_not_a_number_of_days(sessions: dict[str, Client], days: str) -> None:
    """``"²".isdigit()`` is true and ``int("²")`` a ValueError: a server fault."""
    client = sessions[world.CLERK]
    form = {**MOTION, "exhibits": "1", "granted": "yes", "on": "2020-07-02", "condition": "c"}
    answer = client.post(
        "/sealing/decisions", data={**form, "condition_days": days, "csrf": client.csrf()}
    )
    assert answer.status_code == 400, answer.status_code
    assert not FAULT.search(answer.text)


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("start", "ABC-", "not a Bates number: 'ABC-'"),
        ("start", "AOL-DEF-\u0660\u0660\u0661", "not a Bates number"),
        ("volume", "../VOL", "not a volume name: '../VOL'"),
        ("documents", "1 \u0663", "not a document reference"),
        ("on", "2021-02-30", "not a date (YYYY-MM-DD): '2021-02-30'"),
    ],
)
def test_a_production_asked_for_with_a_value_that_does_not_parse(
    sessions: dict[str, Client], field: str, value: str, said: str
) -> None:
    """Refused at once (400, the line), not accepted (303) and stopped later in the server's
    thread, where the producing side learnt of it only from the productions page."""
    client = sessions[world.PRODUCING]
    form = {"volume": "VOL-BAD", "documents": "1", "start": "ZZZ-00000001", field: value}
    answer = client.post("/productions", data={**form, "csrf": client.csrf("/productions")})
    assert answer.status_code == 400, answer.status_code
    assert said in html.unescape(answer.text)
    assert "VOL-BAD" not in client.get("/productions").text


def test_an_encrypted_paper_uploaded_names_no_command_line_option(
    sessions: dict[str, Client],
) -> None:
    """The upload's refusal said "(give --password)", an option of the command line: the
    web app has none, nor has a volume import or a stored warning on an attachment."""
    client = sessions[world.PRODUCING]
    form = {"docket": "744", "kind": "brief", "title": "locked", "csrf": client.csrf("/docket")}
    answer = client.post("/docket", data=form, files={"paper": ("l.pdf", encrypted_pdf())})
    assert answer.status_code == 400
    assert "encrypted PDF: it needs a password to open" in html.unescape(answer.text)
    assert "--password" not in answer.text
