"""`clawback ingest PATH...`: files and folders, one line per file, the batch goes on past a
bad file, nothing half-ingested, and a second run ingests only what is new."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.errors import ClawbackError
from clawback.ingest import INGESTED, KNOWN, REFUSED
from clawback.service import Workspace, ingest_folder
from clawback.storage import tables as t
from tests.ingest.make import eml, scan_png, text_pdf
from tests.started import start


def documents(ws: Workspace) -> int:
    with ws.transaction() as s:
        return s.scalar(select(func.count()).select_from(t.Document)) or 0


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws", database_url)  # `tests.started`
    yield workspace
    workspace.close()


def test_the_service_reports_each_file_and_a_rerun_stores_nothing_new(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    (folder / "mail").mkdir(parents=True)
    (folder / "a-letter.pdf").write_bytes(text_pdf("letter"))
    (folder / "b-empty.pdf").write_bytes(b"")
    (folder / "mail" / "note.eml").write_bytes(eml("Quarterly numbers", "See attached."))
    (folder / ".hidden.pdf").write_bytes(text_pdf("never"))
    first = ws.ingest.ingest_paths([folder, tmp_path / "missing.pdf"])
    assert [(r.path.name, r.outcome) for r in first] == [
        ("a-letter.pdf", INGESTED),
        ("b-empty.pdf", REFUSED),
        ("note.eml", INGESTED),
        ("missing.pdf", REFUSED),
    ]
    assert first[1].line() == f"{folder / 'b-empty.pdf'}: refused: empty file (0 bytes)"
    assert first[3].reason == "cannot be read (No such file or directory)"
    assert first[0].line() == f"{folder / 'a-letter.pdf'}: {first[0].controls[0]} (ingested)"
    assert documents(ws) == 2
    again = ws.ingest.ingest_paths([folder])
    assert [r.outcome for r in again] == [KNOWN, REFUSED, KNOWN]
    assert [r.controls for r in again] == [r.controls for r in first[:3]]
    assert again[2].line().endswith(f": {first[2].controls[0]} (already in the record)")
    assert documents(ws) == 2


def test_the_command_walks_folders_goes_on_and_exits_1_if_any_was_refused(
    tmp_path: Path,
) -> None:
    ws_dir, folder = tmp_path / "ws", tmp_path / "production"
    (folder / "natives").mkdir(parents=True)
    (folder / "scan.png").write_bytes(scan_png("Scanned invoice 4471"))
    (folder / "letter.pdf").write_bytes(text_pdf("Dear counsel"))
    (folder / "truncated.pdf").write_bytes(text_pdf("cut")[:30])
    (folder / "natives" / "junk.bin").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(40))
    book = Workbook()
    book.active.append(["Ledger", 42])  # type: ignore[union-attr]
    book.save(folder / "natives" / "ledger.xlsx")
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(ws_dir)]).exit_code == 0
    assert runner.invoke(app, ["load-case", "--reference", "-w", str(ws_dir)]).exit_code == 0

    first = runner.invoke(app, ["ingest", str(folder), "-w", str(ws_dir)])
    assert first.exit_code == 1
    lines = sorted(first.output.strip().splitlines())
    assert len(lines) == 5 and "Traceback" not in first.output
    said = {Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1] for line in lines}
    for name in ("scan.png", "letter.pdf", "ledger.xlsx"):
        assert re.fullmatch(r"DOC-\d{6} \(ingested\)", said[name]), said[name]
    assert (
        said["junk.bin"]
        == "refused: unsupported file type (starts with '\\\\x7fELF\\\\x02\\\\x01\\\\x01\\\\x00')"
    )

    (folder / "later.pdf").write_bytes(text_pdf("A later letter"))
    second = runner.invoke(app, ["ingest", str(folder), "-w", str(ws_dir)])
    assert second.exit_code == 1  # the bad files are still bad
    again = {
        Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1]
        for line in second.output.strip().splitlines()
    }
    assert again["later.pdf"] == "DOC-000004 (ingested)"
    for name in ("scan.png", "letter.pdf", "ledger.xlsx"):
        assert again[name] == said[name].replace("(ingested)", "(already in the record)")
    assert said["truncated.pdf"] == (
        "refused: malformed PDF: cannot be opened (Failed to open stream)"  # MuPDF's words
    )
    ws = Workspace.open(ws_dir).operator()
    try:
        assert documents(ws) == 4
        assert ws.reads.show(said["scan.png"].split()[0])["pages"] == 1
    finally:
        ws.close()


def test_an_exhibit_number_is_for_one_file_and_nothing_is_read_otherwise(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.pdf").write_bytes(text_pdf("one"))
    (folder / "two.pdf").write_bytes(text_pdf("two"))
    for paths in ([folder], [folder / "one.pdf", folder / "two.pdf"]):
        with pytest.raises(ClawbackError, match=r"^exhibit 7 numbers one file: give one file"):
            ws.ingest.ingest_paths(paths, exhibit=7)
    assert documents(ws) == 0
    (report,) = ws.ingest.ingest_paths([folder / "one.pdf"], exhibit=7)
    assert report.outcome == INGESTED
    with ws.transaction() as s:
        assert s.scalar(select(t.Document.exhibit)) == 7
    with pytest.raises(ClawbackError, match="numbers one file"):
        ws.ingest.ingest_paths([folder / "two.pdf", folder / "one.pdf"], exhibit=8)
    assert documents(ws) == 1


def noise_scan() -> bytes:
    """A page that is only a picture, of grey noise (the same every run): a scan OCR reads no
    word from, at most a few stray marks."""
    import random

    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    noise = pymupdf.Pixmap(pymupdf.csGRAY, 400, 520, random.Random(7).randbytes(400 * 520), False)
    page.insert_image(page.rect, pixmap=noise)
    data: bytes = doc.tobytes()
    doc.close()
    return data


def test_a_file_taken_in_with_a_defect_says_so_on_its_line(ws: Workspace, tmp_path: Path) -> None:
    """A PDF cut short and a scan OCR reads nothing from were reported "(ingested)" and nothing
    more: pages lost, or pages search can never reach, without a word. Each is now ingested
    with a warning on its own report line, kept in the document's meta."""
    folder = tmp_path / "in"
    folder.mkdir()
    whole = text_pdf("page one of the letter", "page two of the letter", "page three")
    (folder / "cut.pdf").write_bytes(whole[: len(whole) * 3 // 4])
    (folder / "noise.pdf").write_bytes(noise_scan())
    (folder / "fine.pdf").write_bytes(text_pdf("nothing wrong here"))
    reports = {r.path.name: r for r in ws.ingest.ingest_paths([folder])}
    assert {name: r.outcome for name, r in reports.items()} == dict.fromkeys(reports, INGESTED)
    assert "damaged" in reports["cut.pdf"].line() and "\n" not in reports["cut.pdf"].line()
    assert "OCR read no legible word on scanned page(s) 1" in reports["noise.pdf"].line()
    assert "warning" not in reports["fine.pdf"].line()
    with ws.transaction() as s:
        doc = s.scalar(
            select(t.Document).where(t.Document.control == reports["cut.pdf"].controls[0])
        )
        assert doc is not None and doc.meta["warnings"]


def test_a_folder_with_no_files_is_said_not_passed_over(ws: Workspace, tmp_path: Path) -> None:
    """``clawback ingest FOLDER`` on a folder holding nothing to take (empty, or hidden files
    only) printed nothing and exited 0: a mistyped path went unnoticed."""
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / ".DS_Store").write_bytes(b"junk")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(text_pdf("letter"))
    [said, taken] = ws.ingest.ingest_paths([empty, letter])
    assert said.outcome == REFUSED and taken.outcome == INGESTED
    assert (
        said.line() == f"{empty}: refused: a folder with no files to ingest (hidden ones skipped)"
    )


def test_each_files_line_is_given_as_its_batch_is_stored_not_at_the_end(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`clawback ingest` printed every line once the whole run was over: 248 files stored
    and no line after twelve seconds, none at all for a run killed then. Each report is
    given (``each``) once its batch is in the record, before the next batch is read."""
    monkeypatch.setattr(ingest_folder, "BATCH_FILES", 1)
    paths = []
    for n in range(3):
        path = tmp_path / f"letter{n}.pdf"
        path.write_bytes(text_pdf(f"letter {n}"))
        paths.append(path)
    before = documents(ws)
    seen: list[tuple[str, int]] = []
    reports = ws.ingest.ingest_paths(
        paths, each=lambda report: seen.append((report.path.name, documents(ws) - before))
    )
    assert seen == [("letter0.pdf", 1), ("letter1.pdf", 2), ("letter2.pdf", 3)]
    assert [r.outcome for r in reports] == [INGESTED] * 3
