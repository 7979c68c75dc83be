"""A web page is rendered whole: LibreOffice 7.4, reading a ``.html`` as its own web page
(Writer/Web), drew its first paragraph or heading nowhere: '<h1>Board minutes</h1><p>Merger
approved.</p>' became a blank page, then 'Merger approved.', and the heading was in no page's
text, so no search found it and no review saw it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from clawback.ingest import INGESTED
from clawback.service import Workspace
from tests.ingest.make import eml_with
from tests.records import words
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")
    yield workspace
    workspace.close()


PAGE = b"<html><body><h1>Board minutes</h1><p>Merger approved.</p></body></html>"


def test_a_web_pages_first_heading_is_on_its_page(ws: Workspace, tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_bytes(PAGE)
    lone = tmp_path / "note.htm"
    lone.write_bytes(b"<p>The only paragraph</p>")
    mail = tmp_path / "minutes.eml"
    mail.write_bytes(eml_with("Minutes", [("minutes.htm", PAGE)]))
    reports = ws.ingest.ingest_paths([page, lone, mail])
    assert [r.outcome for r in reports] == [INGESTED] * 3, [r.reason for r in reports]
    assert words(ws, reports[0].controls[0]) == "Board minutes Merger approved."
    assert words(ws, reports[1].controls[0]) == "The only paragraph"
    assert words(ws, reports[2].controls[1]) == "Board minutes Merger approved."
