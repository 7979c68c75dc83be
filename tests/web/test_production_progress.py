"""A volume's progress on the productions page, through the server: a volume left open
after its first document (a run stopped midway) reads "1 of 3 documents stamped" in the
fragment the page polls, which carries htmx's polling while the volume is open; the form
resumes it as the production step of ``clawback.jobs``, in the server, and the fragment then
reads "3 of 3" and stops polling. Only the producing side has the page."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator

import pymupdf
import pytest

from clawback.domain.errors import ClawbackError
from tests.web import world
from tests.web.conftest import Client, Site, login, served

VOLUME = "VOL9"
PROGRESS = f"/productions/{VOLUME}/progress"


class Stop(ClawbackError):
    """Stands for a run killed after its first document."""


def letter(n: int) -> bytes:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 90), f"Letter {n} about the port of entry", fontsize=12)
    data: bytes = doc.tobytes(no_new_id=True)
    doc.close()
    return data


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The case, and three new letters in a volume stopped after its first."""
    with served(tmp_path_factory, "progress", settled=False) as found:
        producing = found.workspace.person(world.PRODUCING)
        controls = [producing.ingest.ingest(letter(n), title=f"Letter {n}") for n in (1, 2, 3)]

        def stop(done: int, _total: int) -> None:
            if done:
                raise Stop("stopped")

        with pytest.raises(Stop):
            producing.productions.produce(
                controls, "AOL-DEF-00000901", VOLUME, allow_gap="a new volume", progress=stop
            )
        yield found


@pytest.fixture(scope="module")
def producing(site: Site) -> Iterator[Client]:
    client = login(site, world.PRODUCING)
    yield client
    client.http.close()


def fragment(client: Client) -> str:
    answer = client.get(PROGRESS)
    assert answer.status_code == 200, answer.text
    return html.unescape(answer.text)


def test_an_open_volume_polls_its_progress_until_it_is_complete(
    site: Site, producing: Client
) -> None:
    page = producing.get("/productions").text
    assert f'hx-get="{PROGRESS}"' in page and 'hx-trigger="every 1s"' in page
    assert "1 of 3 documents stamped" in fragment(producing)
    assert 'hx-trigger="every' in fragment(producing)
    assert "4 of 4" not in page  # each complete volume of the case reads 1 of 1
    assert page.count("1 of 1 documents stamped: complete") == len(world.EXHIBITS)

    token = producing.csrf("/productions")
    answer = producing.post("/productions", data={"csrf": token, "volume": VOLUME})
    assert answer.status_code == 303, answer.text
    seen = []
    for _ in range(600):  # until the server's step has made the volume (not a timing test)
        seen.append(re.search(r"(\d) of 3 documents stamped", fragment(producing)))
        if "3 of 3 documents stamped: complete" in fragment(producing):
            break
        time.sleep(0.2)
    last = fragment(producing)
    assert "3 of 3 documents stamped: complete" in last
    assert "hx-get" not in last  # polling stops with the volume complete
    assert all(m is not None and 1 <= int(m.group(1)) <= 3 for m in seen)
    trail = site.workspace.operator().audit.entries(30)
    assert any(e.action == "produce" and e.actor == world.PRODUCING for e in trail)


def test_a_bad_request_is_refused_in_one_line_and_others_find_no_page(
    site: Site, producing: Client
) -> None:
    token = producing.csrf("/productions")
    answer = producing.post("/productions", data={"csrf": token, "volume": "VOL-NONE"})
    assert answer.status_code == 400
    assert "name the documents to produce" in html.unescape(answer.text)
    assert producing.get("/productions/VOL-NONE/progress").status_code == 404
    counsel = login(site, world.COUNSEL)
    try:
        assert counsel.get("/productions").status_code == 404
        assert counsel.get(PROGRESS).status_code == 404
    finally:
        counsel.http.close()
