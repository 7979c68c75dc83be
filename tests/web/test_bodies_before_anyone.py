"""What an outsider may make the server read before it knows who is asking. A form's body is
parsed before any route's check of the session (FastAPI reads it first): a 150 MB upload
posted to ``/docket`` with no session was read whole (spooled to a temporary file) in 1.7 s,
and only then sent to the log-in page; nothing bounded it. A body without a session is now
refused past what the log-in form needs, as it arrives (the same 150 MB: 413 in 0.1 s); one
with a session may be as large as a file clawback takes."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from clawback.web.bodies import ANONYMOUS_BYTES, FORM_BYTES
from tests.web import world
from tests.web.conftest import Site, login, served

PAST = ANONYMOUS_BYTES + 1


@pytest.fixture(scope="module")
def own(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with served(tmp_path_factory, "bodies") as found:
        yield found


def _chunks(size: int) -> Iterator[bytes]:
    """A body sent in pieces, its length told in no header (chunked)."""
    sent = 0
    while sent < size:
        piece = min(8192, size - sent)
        sent += piece
        yield b"0" * piece


@pytest.mark.parametrize("path", ["/docket", "/login", "/account/tokens", "/acknowledge"])
def test_an_outsiders_large_body_is_refused_unread(own: Site, path: str) -> None:
    with httpx.Client(base_url=own.url, timeout=30) as outsider:
        told = outsider.post(
            path, files={"paper": ("brief.pdf", b"%PDF-1.7\n" + b"0" * PAST)}, data={"x": "1"}
        )
        untold = outsider.post(
            path,
            content=_chunks(PAST),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    for answer in (told, untold):
        assert answer.status_code == 413, (path, answer.status_code)
        assert "script-src 'self'" in answer.headers["content-security-policy"]
        assert "Traceback" not in answer.text


def test_a_signed_in_upload_and_the_log_in_form_still_go_through(own: Site) -> None:
    clerk = login(own, world.CLERK)  # the log-in form itself is well under the limit
    large = clerk.post(
        "/docket",
        files={"paper": ("brief.pdf", b"%PDF-1.7\n" + b"0" * PAST)},
        data={"docket": "ECF No. 900", "kind": "brief", "csrf": clerk.csrf("/docket")},
    )
    assert large.status_code not in (413, 403), large.text  # read, then judged as a paper
    with httpx.Client(base_url=own.url, timeout=30) as raw:
        forged = raw.post(
            "/docket",
            content=b"0" * PAST,
            headers={
                "Cookie": "clawback_session=ended-or-forged",
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
    assert forged.status_code == 413  # a cookie that opens no session is no session


def test_a_signed_in_body_is_bounded_by_what_its_route_takes(own: Site) -> None:
    """A session lifted the bound to a file's size for every route: a reporter's session
    could post a gigabyte to a form of a few fields (``/account/tokens``), read whole before
    the route refused it. Only a route that takes a file (``/docket``) takes more than a
    form's bound now."""
    reporter = login(own, world.PUBLIC)
    beyond = FORM_BYTES + 1
    answer = reporter.post(
        "/account/tokens",
        files={"name": ("name.txt", b"0" * beyond)},
        data={"csrf": reporter.csrf()},
    )
    assert answer.status_code == 413, answer.status_code
    clerk = login(own, world.CLERK)
    upload = clerk.post(
        "/docket",
        files={"paper": ("brief.pdf", b"%PDF-1.7\n" + b"0" * beyond)},
        data={"docket": "ECF No. 901", "kind": "brief", "csrf": clerk.csrf("/docket")},
    )
    assert upload.status_code not in (413, 403), upload.text
