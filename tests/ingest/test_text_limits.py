"""A plain text file is laid out as pages (by LibreOffice) at about 5 KB a page, each page then
read, checked and stored: 1 MB of text took 23 s as 194 pages, 10 MB with no newline over two
minutes, 200 MB of "0" (deflating to 190 KB, under every archive limit) over five. A text file
past `limits.MAX_TEXT_BYTES` is refused in one line before LibreOffice is started, the rest of
the batch going on; in an archive or an e-mail it is kept natively behind a placeholder page.
The limit is made small here, through the module's constant, so the files are a few KB."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.ingest import INGESTED, REFUSED, limits
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml, text_pdf
from tests.started import start


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")
    yield workspace
    workspace.close()


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 4000)
    return 4000


def _documents(ws: Workspace) -> int:
    with ws.transaction() as s:
        return s.scalar(select(func.count()).select_from(t.Document)) or 0


@pytest.mark.parametrize("name", ["words.txt", "rows.csv", "page.html"])
def test_a_text_file_past_the_limit_is_refused_in_one_line_and_the_batch_goes_on(
    ws: Workspace, tmp_path: Path, small_limit: int, name: str
) -> None:
    long = tmp_path / name
    long.write_bytes(b"word " * 1000)  # 5,000 bytes, no newline
    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf("a good page"))
    before = _documents(ws)
    refused, taken = ws.ingest.ingest_paths([long, good])
    assert refused.outcome == REFUSED
    line = refused.line()
    assert "\n" not in line and name in line
    assert "too long" in refused.reason and "5,000 bytes" in refused.reason, refused.reason
    assert taken.outcome == INGESTED
    assert _documents(ws) == before + 1  # the good file only


def test_a_text_file_at_the_limit_is_taken(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes(b"a few words\n")
    [report] = ws.ingest.ingest_paths([path])
    assert report.outcome == INGESTED, report.reason


def test_an_archives_long_text_file_is_kept_natively_saying_why(
    ws: Workspace, tmp_path: Path, small_limit: int
) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("mid.txt", b"word " * 1000)
        z.writestr("memo.pdf", text_pdf("a memo"))
    path = tmp_path / "bad3.zip"
    path.write_bytes(out.getvalue())
    [report] = ws.ingest.ingest_paths([path], unpack=True)
    assert report.outcome == INGESTED, report.reason
    assert len(report.controls) == 3  # the archive, the text kept natively, the memo
    [said] = [w for w in report.warnings if "mid.txt" in w]
    assert "too long" in said, said


def test_an_emails_body_past_the_limit_is_drawn_to_the_limit_and_said(
    ws: Workspace, tmp_path: Path, small_limit: int
) -> None:
    """A message's body has no native of its own to fall back on: 10 MB of it ran past six
    minutes, and past 5,000 pages its layout stopped without a word. Its pages show the body
    up to the limit, the message says where it was cut, and the file as received is kept."""
    body = "".join(f"line {n:05d} of the body\n" for n in range(400))  # over 9,000 characters
    path = tmp_path / "long.eml"
    path.write_bytes(eml("A long one", body))
    [report] = ws.ingest.ingest_paths([path])
    assert report.outcome == INGESTED, report.reason
    [said] = [w for w in report.warnings if "body" in w]
    assert re.fullmatch(
        r"the body runs past what is laid out as pages \(9,\d{3} bytes, over the limit of "
        r"4,000 \(about 0 pages\)\): its pages show the first 4,000 characters; the whole "
        r"message is kept as received",
        said,
    ), said
    with ws.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == report.controls[0]))
        assert doc is not None
        pages = s.scalars(select(t.Page.text).where(t.Page.document_id == doc.id)).all()
    drawn = " ".join(pages)
    assert "line 00000" in drawn and "line 00399" not in drawn


def test_a_text_file_of_many_short_lines_is_held_to_its_pages_too(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages follow lines as much as bytes: 4 MiB of empty lines is some 70,000 pages (and an
    attachment's layout stopped at 5,000 without a word). `limits.MAX_TEXT_LINES` bounds them;
    in an archive the file is kept natively, saying why."""
    monkeypatch.setattr(limits, "MAX_TEXT_LINES", 50)
    lines = tmp_path / "lines.txt"
    lines.write_bytes(b"x\n" * 200)  # 400 bytes, 200 lines
    [refused] = ws.ingest.ingest_paths([lines])
    assert refused.outcome == REFUSED
    assert refused.reason == (
        "a .txt file too long to lay out as pages: 200 lines, over the limit of 50 (about 0 pages)"
    ), refused.reason
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("lines.txt", b"x\n" * 200)
    packed = tmp_path / "lines.zip"
    packed.write_bytes(out.getvalue())
    [report] = ws.ingest.ingest_paths([packed], unpack=True)
    assert report.outcome == INGESTED, report.reason
    assert any("lines.txt" in w and "200 lines" in w for w in report.warnings), report.warnings
