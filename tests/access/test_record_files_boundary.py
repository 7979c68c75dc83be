"""A received PDF record carries its files inside it (embedded files, a file-attachment
note); import takes each out as a document of its own, designated with the record until it
is designated apart. The record itself, handed out (exported, downloaded), still held them:
the operator held the embedded pricing file back as AEO, and the party employee, who reads
the Confidential record, took the file home inside the record's PDF. A record whose files
were taken out is handed out without them, to every reader alike (each file is a document
of its own, handed out under its own designation), so the copy tells no reader whether one
of them is withheld from them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.loadfiles import write_dat
from clawback.service import Via, Workspace
from tests.ingest.make import text_pdf

COUNSEL = "counsel@plf.test"
EMPLOYEE = "staff@plf.test"
SECRET = "Okapi pricing schedule"


def _carrying() -> bytes:
    """A one-page letter with a PDF embedded and another as a file-attachment note."""
    with pymupdf.open(stream=text_pdf("Cover letter: see the files enclosed")) as doc:
        doc.embfile_add("schedule.pdf", text_pdf(SECRET), filename="schedule.pdf")
        doc[0].add_file_annot(pymupdf.Point(500, 80), text_pdf("Okapi notes"), "notes.pdf")
        data: bytes = doc.tobytes()
    return data


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path]]:
    where = tmp_path_factory.mktemp("files")
    workspace = Workspace.init(where / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    folder = where / "tp"
    (folder / "NATIVES").mkdir(parents=True)
    (folder / "NATIVES" / "c.pdf").write_bytes(_carrying())
    fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
    row = ["TP-00000001", "TP-00000001", ".\\NATIVES\\c.pdf", "CONFIDENTIAL"]
    (folder / "TP.dat").write_bytes(write_dat(fields, [row]))
    _, *files = (
        workspace.person(COUNSEL, Via.web).imports.volume(folder, folder / "TP.dat").imported
    )
    assert len(files) == 2, files
    for taken in files:
        op.designations.designate(taken.control, "AEO")  # held back: apart from the record
    yield workspace, where
    workspace.close()


def _files_in(pdf: bytes) -> list[str]:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        notes = [
            a.info.get("content", "") or "note"
            for p in doc
            for a in p.annots()
            if a.type[0] == pymupdf.PDF_ANNOT_FILE_ATTACHMENT
        ]
        return list(doc.embfile_names()) + notes


@pytest.mark.parametrize("who", [EMPLOYEE, COUNSEL])
def test_a_record_is_handed_out_without_the_files_taken_out_of_it(
    world: tuple[Workspace, Path], who: str
) -> None:
    workspace, where = world
    person = workspace.person(who, Via.web)
    downloaded = person.reads.download("TP-00000001").pdf
    [exported] = person.reads.export(["TP-00000001"], where / f"out-{who}")
    for pdf in (downloaded, exported.read_bytes()):
        assert _files_in(pdf) == [], who
        with pymupdf.open(stream=pdf, filetype="pdf") as doc:
            assert "Cover letter" in doc[0].get_text()  # the record's own page, whole
    shown = workspace.person(EMPLOYEE, Via.web)
    assert shown.reads.search("okapi").total == 0  # the files themselves: not for the employee


def test_a_record_whose_files_are_all_withheld_reads_as_one_with_none(
    world: tuple[Workspace, Path],
) -> None:
    """A received record with no files taken out of it has no family; one whose files were all
    held back from the employee was listed and shown to them with its family's name, and as
    its head: a name that told of files withheld. Now it reads as a record with none."""
    workspace, _ = world
    employee = workspace.person(EMPLOYEE, Via.web)
    (record,) = [d for d in employee.catalog.documents() if d.first is not None]
    assert (record.family, record.parent) == (None, False), record
    assert employee.reads.show("TP-00000001")["family"] is None
    (whole,) = [
        d for d in workspace.person(COUNSEL, Via.web).catalog.documents() if d.ref == record.ref
    ]
    assert whole.family is not None and whole.parent
    assert workspace.person(COUNSEL, Via.web).reads.show("TP-00000001")["family"] == whole.family
