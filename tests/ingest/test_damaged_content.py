"""A page whose content stream is damaged opens, draws and extracts what MuPDF could read of it,
raises nothing and leaves the file unrepaired: ingest took it as whole. MuPDF says so only in
its warnings; ingest now says it on the document, naming the page."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from clawback.ingest import INGESTED, REFUSED
from clawback.ingest.limits import Refused
from clawback.ingest.ready import make_ready
from clawback.storage import tables as t
from tests.conftest import SHARED
from tests.ingest.make import LOOP, text_pdf
from tests.started import start


def _two_pages(first: bytes) -> bytes:
    """Two pages of text, the first page's content replaced by `first`."""
    doc = pymupdf.open()
    for text in ("Hello world one", "Second page fine"):
        doc.new_page().insert_text((72, 72), text)
    doc = pymupdf.open(stream=doc.tobytes())
    doc.update_stream(doc[0].get_contents()[0], first)
    return doc.tobytes()


def _warnings(pdf: bytes) -> list[str]:
    return list(make_ready(pdf, None, "", "application/pdf", "pdf", None, None).info.get(
        "warnings", []))  # fmt: skip


def test_a_page_with_damaged_content_is_named_in_a_warning() -> None:
    pdf = _two_pages(b"BT /helv 12 Tf 72 720 Td (Hello) Tj ET ) ] >> @@@ garbage \x00\xff <<<< ET")
    with pymupdf.open(stream=pdf) as doc:
        assert not doc.is_repaired and "Hello" in doc[0].get_text()  # opens as whole
    [said] = [w for w in _warnings(pdf) if "damaged" in w]
    assert "page(s) 1 " in said  # the first page, not the second


def test_a_sound_page_says_nothing() -> None:
    pdf = _two_pages(b"BT /helv 12 Tf 72 720 Td (Hello) Tj ET")
    assert not [w for w in _warnings(pdf) if "damaged" in w]


def _cut(pdf: bytes) -> bytes:
    """The file's first half, as a transfer cut short leaves it."""
    return pdf[: len(pdf) // 2]


def _six_pages() -> bytes:
    doc = pymupdf.open()
    for n in range(6):
        doc.new_page().insert_text((72, 72), f"page {n} hello there " * 5)
    return doc.tobytes(deflate=True)


def test_mupdfs_own_messages_never_reach_the_user_only_clawbacks_warning(tmp_path: Path) -> None:
    """MuPDF printed "MuPDF error: format error: object is not a stream" on stdout, among the
    report lines, once per object it tripped on, around ingest's own one-line warning: since
    pymupdf4llm (whose import switched MuPDF's display of errors off) is kept out
    (`clawback.pdf_engine`). The user hears it once, in clawback's words. A command as it
    runs, in a process of its own: a test process may have imported PyMuPDF otherwise."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(_cut(text_pdf("hello world")))
    start(tmp_path / "ws").close()
    done = subprocess.run(
        [sys.executable, "-m", "clawback", "ingest", "-w", str(tmp_path / "ws"), str(cut)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "MuPDF error" not in done.stdout + done.stderr, done
    [line] = done.stdout.splitlines()
    assert "(ingested); warning: the file is damaged" in line, line


def test_a_pdf_cut_short_naming_objects_it_lost_is_taken_saying_it_is_damaged(
    tmp_path: Path,
) -> None:
    """Its pages name objects past the end of the rebuilt file: reading their resources
    raised PyMuPDF's ValueError("bad xref"), which reached the user as the whole reason."""
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(_cut(_six_pages()))
    ws = start(tmp_path / "ws")
    try:
        [report] = ws.ingest.ingest_paths([cut])
    finally:
        ws.close()
    assert report.outcome == INGESTED, report.reason
    assert any("damaged" in w for w in report.warnings), report.warnings


@pytest.mark.parametrize("cut_at", [0.5, 0.7])
def test_a_pdf_a_library_fails_on_is_refused_in_one_line_and_the_batch_goes_on(
    tmp_path: Path, cut_at: float
) -> None:
    """A court opinion cut short: MuPDF raised its own RuntimeError ("code=7: corrupt object
    stream 79") or FzErrorLibrary ("FT_New_Memory_Face((null)): unknown file format") out of
    the batch, a traceback, and the files after it were never read."""
    whole = (SHARED / "samples" / "pdfs" / "malformed" / "broken-mime.pdf").read_bytes()
    cut = tmp_path / "opinion.pdf"
    cut.write_bytes(whole[: int(len(whole) * cut_at)])
    good = tmp_path / "good.pdf"
    good.write_bytes(text_pdf("a good page"))
    ws = start(tmp_path / "ws")
    try:
        refused, taken = ws.ingest.ingest_paths([cut, good])
        with ws.transaction() as s:
            titles = set(s.scalars(select(t.Document.title)))
    finally:
        ws.close()
    assert refused.outcome == REFUSED and "\n" not in refused.line()
    assert refused.reason.startswith("damaged PDF: "), refused.reason
    assert taken.outcome == INGESTED
    assert "good.pdf" in titles and "opinion.pdf" not in titles


def test_an_archives_pdf_a_library_fails_on_is_kept_natively_and_the_rest_taken(
    tmp_path: Path,
) -> None:
    """The same failure inside an archive refused the whole archive: a member that cannot
    be read is kept in native form behind a placeholder page, as a locked one is."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("loop.pdf", LOOP)
        z.writestr("memo.pdf", text_pdf("a memo"))
    path = tmp_path / "papers.zip"
    path.write_bytes(out.getvalue())
    ws = start(tmp_path / "ws")
    try:
        [report] = ws.ingest.ingest_paths([path], unpack=True)
    finally:
        ws.close()
    assert report.outcome == INGESTED, report.reason
    assert len(report.controls) == 3  # the archive, loop.pdf behind its placeholder, the memo
    [said] = [w for w in report.warnings if "loop.pdf" in w]
    assert (
        said == "'loop.pdf' could not be read (damaged PDF: cycle in page tree): kept in "
        "native form"
    ), said


def test_a_filed_paper_a_library_fails_on_is_refused_as_a_clawback_error(tmp_path: Path) -> None:
    """`FiledPapers.enter` (``file-paper``, and the docket page's upload) let MuPDF's own
    FzErrorFormat out of the service: the web app answered it "Server fault" (500), not
    the 400 and one line of a file it will not take. Nothing is entered."""
    ws = start(tmp_path / "ws")
    try:
        with ws.transaction() as s:
            before = s.scalar(select(func.count()).select_from(t.Document))
        with pytest.raises(Refused, match=r"^damaged PDF: cycle in page tree$"):
            ws.filed_papers.enter(LOOP, "ECF No. 77", "brief")
        with ws.transaction() as s:
            assert s.scalar(select(func.count()).select_from(t.Document)) == before
    finally:
        ws.close()
