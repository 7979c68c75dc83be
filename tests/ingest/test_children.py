"""Every child of every container is a document of its family: a PDF's embedded files and
file-attachment annotations, produced with their Bates numbers; Office, web and metafile
children rendered by LibreOffice (one run for the family), a failure a warning and a
placeholder page, never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from clawback.ingest.embedded import embedded_files
from clawback.pdf.files.convert import ConversionError, to_pdfs
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.conftest import SHARED
from tests.ingest.make import png_declaring, scan_png, text_pdf, workbook
from tests.records import documents, words
from tests.started import start

SAMPLES = SHARED / "samples"
NATIVES = (
    SAMPLES / "loadfiles/relativity-import-samples/SampleDataSources/VOL01/NATIVES/NATIVE00001"
)


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws", database_url)  # `tests.started`
    yield workspace
    workspace.close()


def _pdf_carrying(files: dict[str, bytes], annotated: tuple[str, bytes] | None = None) -> bytes:
    """A one-page letter with `files` embedded, and one more as a file-attachment annotation."""
    with pymupdf.open(stream=text_pdf("Cover letter: see the files enclosed")) as doc:
        for name, data in files.items():
            doc.embfile_add(name, data, filename=name)
        if annotated is not None:
            doc[0].add_file_annot(pymupdf.Point(500, 80), annotated[1], annotated[0])
        data: bytes = doc.tobytes()
    return data


def test_a_pdfs_embedded_files_are_its_family_and_are_produced(ws: Workspace) -> None:
    picture = scan_png("Exhibit photo of the loading dock", dpi=60)
    letter = text_pdf("Enclosed memorandum on the loading dock")
    pdf = _pdf_carrying({"photo.png": picture, "memo.pdf": letter}, ("notes.txt", b"Call Pat."))
    assert [e.name for e in embedded_files(pdf)] == ["photo.png", "memo.pdf", "notes.txt"]
    controls, new = ws.ingest.ingest_file(pdf, "cover.pdf")
    assert new and len(controls) == 4  # today: 1, the three files dropped
    docs = documents(ws, controls)
    assert [d.parent for d in docs] == [True, False, False, False]
    assert len({d.family for d in docs}) == 1 and docs[0].family
    assert [d.meta["name"] for d in docs] == ["cover.pdf", "photo.png", "memo.pdf", "notes.txt"]
    span = ws.productions.produce(controls, "ABC-00000001", "V1")
    assert len(span) == sum(d.page_count for d in docs)
    text = ws.reads.page_text("ABC-00000003")  # the memo, produced with its own number
    assert "Enclosed memorandum" in text
    assert "Call Pat." in ws.reads.page_text("ABC-00000004")


def test_the_real_pdf_with_an_attachment_keeps_its_picture(ws: Workspace) -> None:
    data = (SAMPLES / "pdfs/forms-annotations/with-attachment.pdf").read_bytes()
    controls, _ = ws.ingest.ingest_file(data, "with-attachment.pdf")
    names = [d.meta["name"] for d in documents(ws, controls)]
    assert names == ["with-attachment.pdf", "image.png"]  # pdfs.expected.json: embedded_files


def _mail(attachments: dict[str, bytes]) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "kim@example.com", "pat@example.com", "Figures"
    msg["Date"] = "Mon, 3 Feb 2020 10:00:00 +0000"
    msg.set_content("The figures are attached.")
    for name, data in attachments.items():
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return msg.as_bytes()


def test_office_web_and_metafile_attachments_are_rendered_in_one_run(ws: Workspace) -> None:
    sheet = workbook(("Widgets", 1250))
    page = b"<html><body><h1>Board minutes</h1><p>Merger approved.</p></body></html>"
    emf = (NATIVES / "EDRM-Sample6.emf").read_bytes()
    junk = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600  # an OLE2 header, nothing more
    inside = _pdf_carrying({"ledger.xlsx": sheet})  # a PDF attachment carrying a spreadsheet
    data = _mail(
        {"ledger.xlsx": sheet, "minutes.htm": page, "chart.emf": emf, "broken.doc": junk,
         "cover.pdf": inside}
    )  # fmt: skip
    controls = ws.ingest.ingest_email(data, "figures.eml")
    docs = documents(ws, controls)
    names = [d.meta["name"] for d in docs]
    assert names == ["figures.eml", "ledger.xlsx", "minutes.htm", "chart.emf", "broken.doc",
                     "cover.pdf", "ledger.xlsx"]  # fmt: skip
    by_name = dict(zip(names[:-1], controls[:-1], strict=True))
    assert "Widgets" in words(ws, by_name["ledger.xlsx"])  # today: "native"
    assert "Widgets" in words(ws, controls[-1])  # the PDF's own child
    assert "Merger approved" in words(ws, by_name["minutes.htm"])
    assert "Produced in native form" not in words(ws, by_name["chart.emf"])
    broken = docs[names.index("broken.doc")]
    assert "Produced in native form" in words(ws, by_name["broken.doc"])
    [warning] = broken.meta["warnings"]
    assert warning.startswith("'broken.doc' could not be rendered (") and "native form" in warning
    rendered = docs[names.index("ledger.xlsx")]
    assert rendered.meta["native"]["name"] == "ledger.xlsx"
    with ws.transaction() as s:  # every native is kept as it came, rendered or not
        kept = set(s.scalars(select(t.Blob.sha256).where(t.Blob.recipe == "native")).all())
    assert {rendered.meta["native"]["sha256"], broken.meta["native_sha256"]} <= kept


def test_a_conversion_that_outlives_its_time_is_an_answer_not_a_crash() -> None:
    [late, wrong] = to_pdfs([(workbook(("a", 1)), ".xlsx"), (b"plain", ".exe")], timeout=0.01)
    assert isinstance(late, ConversionError) and "did not finish" in str(late)
    assert isinstance(wrong, ConversionError) and "cannot convert a .exe" in str(wrong)


def test_web_pages_and_metafiles_are_ingested_on_their_own(ws: Workspace, tmp_path: Path) -> None:
    """`.htm`, `.emf` and `.wmf` were refused as "unsupported file type"; the real EDRM natives
    are now rendered, each kept as it came."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("EDRM-Sample5.htm", "EDRM-Sample6.emf", "EDRM-Sample10.wmf"):
        (folder / name).write_bytes((NATIVES / name).read_bytes())
    (folder / "fake.emf").write_bytes(b"\x01\x00\x00\x00 not a metafile at all, only text")
    reports = {r.path.name: r for r in ws.ingest.ingest_paths([folder])}
    outcomes = {name: r.outcome for name, r in reports.items()}
    assert outcomes == {
        "EDRM-Sample5.htm": "ingested",
        "EDRM-Sample6.emf": "ingested",
        "EDRM-Sample10.wmf": "ingested",
        "fake.emf": "refused",
    }
    assert "unsupported file type" in reports["fake.emf"].line()
    [page] = reports["EDRM-Sample5.htm"].controls
    assert "Video games are addictive" in words(ws, page)
    for name in ("EDRM-Sample5.htm", "EDRM-Sample6.emf", "EDRM-Sample10.wmf"):
        [doc] = documents(ws, list(reports[name].controls))
        assert doc.meta["native"]["name"] == name  # kept as it came, beside its pages


def test_a_picture_attachment_past_the_limits_is_said_not_decoded(ws: Workspace) -> None:
    bomb = png_declaring(20_000, 9_000)  # 180 M pixels declared: past MAX_IMAGE_PIXELS
    controls = ws.ingest.ingest_email(_mail({"huge.png": bomb}), "huge.eml")
    [_, picture] = documents(ws, controls)
    assert "Produced in native form" in words(ws, picture.control)
    [warning] = picture.meta["warnings"]  # today: a placeholder and not a word
    assert warning.startswith("picture 'huge.png' not read (image too large (decompression bomb")


def test_an_attachment_that_cannot_be_read_is_kept_natively_not_the_family_refused(
    ws: Workspace,
) -> None:
    """A locked PDF attached to an e-mail refused the whole e-mail ("needs a password"): the
    message and every other attachment lost. Now the family goes in whole, the locked file kept
    as it came behind a placeholder page, a warning on it that `clawback check` lists."""
    locked = (SAMPLES / "pdfs/encrypted/r6-user-password.pdf").read_bytes()
    data = _mail({"locked.pdf": locked, "ok.pdf": text_pdf("Fine")})
    controls = ws.ingest.ingest_email(data, "locked.eml")
    message, kept, fine = documents(ws, controls)
    assert "Produced in native form" in words(ws, kept.control)
    assert ws.ctx.files.get(kept.meta["native_sha256"]) == locked
    why = (
        "'locked.pdf' could not be read (encrypted PDF: it needs a password to open): "
        "kept in native form"
    )
    assert kept.meta["warnings"] == [why]
    assert "Fine" in words(ws, fine.control) and message.parent
    assert (kept.control, why) in ws.reads.partial_reads()
