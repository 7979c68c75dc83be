"""A family head's own pages never name its members: an attachment designated above its e-mail
(or a file of an archive above the archive) is, to a reader whose tier withholds it, exactly
absent, its file name and the count of the family's members included.

Before: an e-mail (Ex. 1, Confidential) produced with its attachment ``zanzibar-schedule.pdf``
(AEO) read, to a receiving-side employee whose tier withholds the attachment, "Attachments (1)
1. zanzibar-schedule.pdf" on its page: in its text, a search for "zanzibar" (hit and snippet),
its picture and its download. The page is the same file for every reader, so it cannot list
per reader: an e-mail's pages are its header and body, an archive's page names the archive,
and the members are the family's documents, each listed to whoever may know of it. A warning
about a member (an attachment cut short) is that member's, never its e-mail's."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from clawback.service import Via, Workspace
from tests.access.receiving_readers import COUNSEL, EMPLOYEE, started_with_readers
from tests.ingest.make import eml_with, text_pdf
from tests.started import start

HIDDEN = "zanzibar"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    op = started_with_readers(tmp_path_factory.mktemp("names") / "ws")
    mail = eml_with(
        "Pricing",
        [
            ("okra-notes.pdf", text_pdf("Okra notes")),
            (f"{HIDDEN}-schedule.pdf", text_pdf("Rebates")),
        ],
    )
    (message, notes, schedule), _ = op.ingest.ingest_file(mail, "pricing.eml", exhibit=1)
    for control in (message, notes):
        op.designations.designate(control, "Confidential")
    op.designations.designate(schedule, "AEO")  # beyond the employee's tier
    op.productions.produce([message, notes, schedule], "TST-00000001", "VOL1")
    yield op.ctx.workspace
    op.ctx.workspace.close()


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(page.get_text() for page in doc)


def test_an_emails_pages_name_no_attachment_nor_count_them(world: Workspace) -> None:
    employee = world.person(EMPLOYEE, Via.web)
    text = employee.reads.page_text("TST-00000001")
    assert "Pricing" in text and "attached" in text  # the message itself
    assert HIDDEN not in text and "Attachments" not in text, text
    assert employee.reads.search(HIDDEN).total == 0
    said = [h.snippet for h in employee.reads.search("pricing")]
    assert said and not any(HIDDEN in s or "Attachments" in s for s in said), said
    assert HIDDEN not in _text(employee.reads.download(1).pdf)
    assert HIDDEN not in repr(employee.reads.show(1))
    assert HIDDEN not in repr(employee.catalog.documents())
    # counsel, whose tier reads the attachment, finds it as a document of the family
    counsel = world.person(COUNSEL, Via.web)
    assert [h.bates for h in counsel.reads.search("rebates")]


def test_an_archives_page_names_none_of_its_files(tmp_path: Path) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as z:
        z.writestr("okra.txt", "okra notes")
        z.writestr(f"{HIDDEN}.txt", "rebates")
    op = start(tmp_path / "ws")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    (archive, *files), _ = op.ingest.ingest_file(packed.getvalue(), "box.zip", unpack=True)
    assert len(files) == 2
    op.designations.designate(archive, "Confidential")
    op.designations.designate(files[0], "Confidential")
    op.designations.designate(files[1], "AEO")
    op.productions.produce([archive, *files], "TST-00000001", "VOL1")
    employee = op.ctx.workspace.person(EMPLOYEE, Via.web)
    text = employee.reads.page_text("TST-00000001")
    assert "box.zip" in text
    assert HIDDEN not in text and "2" not in text, text  # no name, no count
    assert employee.reads.search(HIDDEN).total == 0


def test_a_warning_about_an_attachment_is_the_attachments(tmp_path: Path) -> None:
    """An e-mail cut short inside its attachment: "attachment 'zanzibar.pdf' truncated" was
    the e-mail's warning, read by whoever reads the e-mail (``page_warnings``, ``show``,
    ``check``), the attachment withheld from them or not."""
    whole = eml_with("Cut", [(f"{HIDDEN}.pdf", text_pdf("Rebates"))])
    cut = whole[: whole.rindex(b"--XX--") - 40]
    op = started_with_readers(tmp_path / "ws")
    counsel = op.ctx.workspace.person(COUNSEL, Via.web)
    (_, attachment), _ = counsel.ingest.ingest_file(cut, "cut.eml")
    op.designations.designate(attachment, "AEO")
    employee = op.ctx.workspace.person(EMPLOYEE, Via.web)
    said = employee.reads.partial_reads()
    assert said and not any(HIDDEN in w for _, w in said), said
    assert any(HIDDEN in w for _, w in counsel.reads.partial_reads())  # the attachment's own
