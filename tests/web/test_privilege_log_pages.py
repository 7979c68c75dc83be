"""The privilege log on the web, in a world of its own (a claim is added between two served
versions): the log as a table for the seats that may read it, its CSV and XLSX, the versions
served and the diff between two; the public has none of it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import openpyxl
import pytest

from tests.web import world
from tests.web.conftest import Client, Site, login, served


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, dict[str, Client]]]:
    with served(tmp_path_factory, "log") as site:
        producing = site.workspace.person(world.PRODUCING)
        producing.privilege_log.serve(date(2020, 6, 2), "with the notice")
        producing.claims.claim("c-memo", privilege="law_enforcement", exhibits=[1], on=world.DAY)
        producing.privilege_log.serve(date(2020, 6, 9), "supplemental")
        sessions = {email: login(site, email) for email in world.SEATS}
        yield site, sessions
        for client in sessions.values():
            client.http.close()


def test_the_log_shows_as_a_table_and_downloads_as_csv_and_xlsx(
    logged: tuple[Site, dict[str, Client]],
) -> None:
    _, sessions = logged
    counsel = sessions[world.COUNSEL]
    shown = counsel.get("/privilege-log")
    assert shown.status_code == 200
    assert "The log as the record stands: 2 entries" in shown.text
    assert shown.text.count("<tr>") >= 3 and "c-memo" in shown.text and "c-note" in shown.text
    got = counsel.get("/privilege-log.csv")
    assert got.headers["content-disposition"] == 'attachment; filename="privilege-log.csv"'
    table = list(csv.reader(io.StringIO(got.content.decode("utf-8"))))
    assert sorted(r[1] for r in table[1:]) == ["c-memo", "c-note"]
    book = openpyxl.load_workbook(io.BytesIO(counsel.get("/privilege-log.xlsx").content))
    assert book.active is not None and book.active.max_row == 3
    assert counsel.get("/privilege-log.pdf").status_code == 400


def test_two_served_versions_and_what_changed_between_them(
    logged: tuple[Site, dict[str, Client]],
) -> None:
    _, sessions = logged
    page = sessions[world.CLERK].get("/privilege-log").text
    assert "with the notice" in page and "supplemental" in page
    changed = sessions[world.COUNSEL].get("/privilege-log/diff", params={"before": 1, "after": 2})
    assert changed.status_code == 200
    assert "1 entry changed" in changed.text and "c-memo" in changed.text
    assert "added" in changed.text and "c-note" not in changed.text
    absent = sessions[world.COUNSEL].get("/privilege-log/diff", params={"before": 1, "after": 9})
    assert absent.status_code == 404


def test_the_public_has_no_privilege_log(logged: tuple[Site, dict[str, Client]]) -> None:
    _, sessions = logged
    public = sessions[world.PUBLIC]
    for path in ("/privilege-log", "/privilege-log.csv", "/privilege-log/diff?before=1&after=2"):
        assert public.get(path).status_code == 404, path
