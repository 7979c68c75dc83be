"""Traceable copies through the real server: what the receiving side is handed carries its
person's mark, each serving is in the trail with its code and fingerprint, and `clawback trace`
names the person from a cropped picture of a downloaded page; an unmarked copy says so."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pymupdf
from PIL import Image
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.traces import codes_in
from clawback.storage import tables as t
from tests.web import world
from tests.web.conftest import Client, Site

MEMO = world.EXHIBITS[0]  # Ex. 1, Confidential: counsel and the employee may see it


def trace(site: Site, path: Path) -> tuple[int, str]:
    done = CliRunner().invoke(app, ["trace", str(path), "-w", str(site.workspace.root)])
    return done.exit_code, done.output


def served(site: Site, action: str, subject: str) -> t.Audit:
    with site.workspace.sessions() as s:
        found = s.scalars(
            select(t.Audit)
            .where(t.Audit.action == action, t.Audit.subject == subject)
            .order_by(t.Audit.seq.desc())
            .limit(1)
        ).one()
        s.expunge(found)
        return found


def test_a_cropped_corner_of_a_downloaded_page_names_receiving_counsel(
    site: Site, sessions: dict[str, Client], tmp_path: Path
) -> None:
    got = sessions[world.COUNSEL].get(f"/documents/{MEMO.bates(1)}/download")
    assert got.status_code == 200 and got.headers["content-type"] == "application/pdf"
    entry = served(site, "download", MEMO.bates())
    assert entry.actor == world.COUNSEL and entry.path == "web"
    assert entry.detail["sha256"] == hashlib.sha256(got.content).hexdigest()
    code = entry.detail["code"]
    with pymupdf.open(stream=got.content, filetype="pdf") as pdf:
        assert all(codes_in(page.get_text()) == [codes_in(code)[0]] for page in pdf)
        assert all(world.COUNSEL in page.get_text() for page in pdf)
        printed = pdf[0].get_pixmap(dpi=120).tobytes("png")
    # The page printed to a picture, and its bottom-right corner cut off (a third each way).
    picture = Image.open(io.BytesIO(printed))
    w, h = picture.size
    corner = tmp_path / "corner.png"
    picture.crop((w * 2 // 3, h * 2 // 3, w, h)).save(corner)
    status, said = trace(site, corner)
    assert status == 0, said
    assert f"trace code {code}" in said and f"served to {world.COUNSEL} (web)" in said
    assert MEMO.bates() in said and "not that copy's bytes" in said


def test_each_page_picture_the_receiving_side_gets_is_marked_for_its_person(
    site: Site, sessions: dict[str, Client], tmp_path: Path
) -> None:
    first = sessions[world.EMPLOYEE].get(f"/pages/{MEMO.bates(2)}/image.png")
    again = sessions[world.EMPLOYEE].get(f"/pages/{MEMO.bates(2)}/image.png")
    assert first.status_code == again.status_code == 200
    assert first.content != again.content  # a fresh code for every serving
    entry = served(site, "read.image", MEMO.bates(2))
    assert entry.actor == world.EMPLOYEE
    assert entry.detail["sha256"] == hashlib.sha256(again.content).hexdigest()
    copy = tmp_path / "page.png"
    copy.write_bytes(again.content)
    status, said = trace(site, copy)
    assert status == 0, said
    assert f"trace code {entry.detail['code']}" in said and "byte for byte" in said
    assert f"served to {world.EMPLOYEE}" in said


def test_a_page_with_no_mark_says_so(
    site: Site, sessions: dict[str, Client], tmp_path: Path
) -> None:
    own = sessions[world.PRODUCING].get(f"/pages/{MEMO.bates(0)}/image.png")
    assert own.status_code == 200
    entry = served(site, "read.image", MEMO.bates(0))
    assert entry.actor == world.PRODUCING and "code" not in entry.detail
    copy = tmp_path / "unmarked.png"
    copy.write_bytes(own.content)
    status, said = trace(site, copy)
    assert status == 1
    assert said.strip() == "unmarked.png: no trace code found (not a copy clawback marked)"


def test_a_file_that_is_no_copy_is_refused_in_one_line(site: Site, tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("nothing to see")
    status, said = trace(site, junk)
    assert status == 1
    assert said.strip() == "error: notes.txt: neither a PDF nor a picture clawback can read"
