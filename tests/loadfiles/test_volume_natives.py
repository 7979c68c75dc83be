"""A received volume's natives rendered, not replaced by a page naming them, and its pictures
read by ingest's own step within ingest's limits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from clawback.ingest import Refused, limits
from clawback.ingest.images import image_pdf
from clawback.loadfiles import OptPage, write_dat, write_opt
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import LOOP, png_declaring, text_pdf
from tests.loadfiles.test_volume_import import FOLDER

NATIVES = FOLDER / "VOL01" / "NATIVES" / "NATIVE00001"


def test_web_page_and_metafile_natives_are_rendered_a_bad_one_said(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "vol"
    (folder / "NATIVES").mkdir(parents=True)
    for name in ("EDRM-Sample5.htm", "EDRM-Sample6.emf", "EDRM-Sample10.wmf"):
        shutil.copy(NATIVES / name, folder / "NATIVES" / name)
    (folder / "NATIVES" / "broken.xls").write_bytes(b"not a spreadsheet at all")
    rows = [
        ["ABC0001", ".\\NATIVES\\EDRM-Sample5.htm"],
        ["ABC0002", ".\\NATIVES\\EDRM-Sample6.emf"],
        ["ABC0003", ".\\NATIVES\\EDRM-Sample10.wmf"],
        ["ABC0004", ".\\NATIVES\\broken.xls"],
    ]
    (folder / "VOL.dat").write_bytes(write_dat(["BEGBATES", "NATIVEPATH"], rows))
    report = ws.imports.volume(folder, folder / "VOL.dat")
    sources = {i.theirs: i.source for i in report.imported}
    assert sources == {  # today: .htm .emf .wmf each a placeholder naming it
        "ABC0001": "converted native",
        "ABC0002": "converted native",
        "ABC0003": "converted native",
        "ABC0004": "placeholder",
    }
    assert report.problems == [
        "row 1 (ABC0001): 1 link to content outside the file not followed "
        "('http://www.m0.net/m/logopen02.asp?vid=128&catid=430297053...'): rendered without it",
        "row 4 (ABC0004): native broken.xls could not be rendered (not a .xls file: its bytes "
        "are not an OLE2 compound file): produced in native form",
    ]  # the web page's picture is on a server: not fetched
    with ws.transaction() as s:
        pages = s.scalars(
            select(t.Page.text)
            .join(t.Document, t.Document.id == t.Page.document_id)
            .where(t.Document.control == report.imported[0].control)
        ).all()
    assert "Video games are addictive" in " ".join(" ".join(pages).split())  # the page's words


def test_a_volumes_page_image_is_held_to_ingests_limits(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "vol"
    (folder / "IMAGES").mkdir(parents=True)
    (folder / "IMAGES" / "bomb.png").write_bytes(png_declaring(20_000, 9_000))  # 180 M pixels
    page = OptPage("ABC0001", "VOL", ".\\IMAGES\\bomb.png", True, "", "", 1)
    (folder / "VOL.opt").write_bytes(write_opt([page]))
    report = ws.imports.volume(folder, opt=folder / "VOL.opt")
    assert report.imported == []
    assert report.problems == [
        "row 1 (ABC0001): image .\\IMAGES\\bomb.png (page ABC0001) image too large (decompression "
        "bomb?)"
    ]


def test_pillow_allows_what_the_limits_allow() -> None:
    """Pillow refused a 100 M-pixel picture (its own limit, 89.5 M) that limits.py allows: the
    picture is now read (and found truncated), not called a bomb."""
    assert Image.MAX_IMAGE_PIXELS == limits.MAX_IMAGE_PIXELS
    with pytest.raises(Refused) as caught:
        image_pdf(png_declaring(10_000, 10_000))
    assert "bomb" not in str(caught.value) and "truncated or malformed" in str(caught.value)


def test_a_text_native_is_shown_and_every_placeholder_says_why(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    """Found by the second ingest trial: a calendar invite (.ics) became a placeholder, and a
    native of a kind clawback cannot show became one without a word in the report."""
    folder = tmp_path / "vol"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "invite.ics").write_bytes(
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Settlement call with Acme\r\n"
        b"DTSTART:20200603T170000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (folder / "NATIVES" / "blah.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(range(200)))
    rows = [["ABC0001", ".\\NATIVES\\invite.ics"], ["ABC0002", ".\\NATIVES\\blah.gz"]]
    (folder / "VOL.dat").write_bytes(write_dat(["BEGBATES", "NATIVEPATH"], rows))
    report = sqlite_ws.imports.volume(folder, folder / "VOL.dat")
    sources = {i.theirs: i.source for i in report.imported}
    assert sources == {"ABC0001": "text native", "ABC0002": "placeholder"}
    [said] = [p for p in report.problems if "blah.gz" in p]  # today: none
    assert said.startswith("row 2 (ABC0002): native blah.gz has no page form (unsupported file")
    assert said.endswith("produced in native form")
    with sqlite_ws.transaction() as s:
        pages = s.scalars(
            select(t.Page.text)
            .join(t.Document, t.Document.id == t.Page.document_id)
            .where(t.Document.control == report.imported[0].control)
        ).all()
    assert "SUMMARY:Settlement call with Acme" in " ".join(" ".join(pages).split())


def test_a_native_pdf_a_library_fails_on_is_its_rows_line_and_the_rest_come_in(
    ws: Workspace, tmp_path: Path
) -> None:
    """MuPDF's own RuntimeError ("cycle in page tree") on one record's native ended the whole
    import (a traceback, or one error line at the command line) with the rows after it never
    read. It is that row's problem line now, as any record that cannot be read is."""
    folder = tmp_path / "vol"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "loop.pdf").write_bytes(LOOP)
    (folder / "NATIVES" / "memo.pdf").write_bytes(text_pdf("a memo"))
    rows = [["ABC0001", ".\\NATIVES\\loop.pdf"], ["ABC0002", ".\\NATIVES\\memo.pdf"]]
    (folder / "VOL.dat").write_bytes(write_dat(["BEGBATES", "NATIVEPATH"], rows))
    report = ws.imports.volume(folder, folder / "VOL.dat")
    assert report.problems == ["row 1 (ABC0001): damaged PDF: cycle in page tree"]
    assert [i.theirs for i in report.imported] == ["ABC0002"]
