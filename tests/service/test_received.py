"""Productions received: families from a generated volume, our own volume back in, and the
warning for a box drawn over live text (never quoting the text)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.loadfiles import write_dat
from clawback.pdf.received.received_check import boxes_over_text
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.service.test_workspace import produced

SECRET = "Counsel advised us to settle for 4.2 million"
CHARS = len(SECRET.replace(" ", ""))  # what can be recovered: spaces are not counted
BOX = pymupdf.Rect(70, 88, 420, 104)


def received_pdf(how: str, pages: int = 1) -> bytes:
    """A PDF as another party might produce it: the secret line 'redacted' by ``how``."""
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        page.insert_text((72, 100), SECRET if n == 0 else f"page {n + 1}", fontsize=12)
        page.insert_text((72, 200), f"Visible words on page {n + 1} ({how})", fontsize=12)
    first = doc[0]
    if how == "black box":  # drawn over the text, which stays in the file
        first.draw_rect(BOX, color=None, fill=(0, 0, 0))
    elif how == "redacted":  # the text removed, then the box drawn
        first.add_redact_annot(BOX, fill=(0, 0, 0))
        first.apply_redactions()
    elif how == "black image":
        pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 10), False)
        pix.clear_with(0)
        first.insert_image(BOX, pixmap=pix, keep_proportion=False)
    elif how == "square annotation":
        annot = first.add_rect_annot(BOX)
        annot.set_colors(stroke=(0, 0, 0), fill=(0, 0, 0))
        annot.update()
    elif how == "redaction mark":  # marked for redaction, never applied
        first.add_redact_annot(BOX, fill=(0, 0, 0))
    elif how == "grey box":  # light shading over text is no redaction
        first.draw_rect(BOX, color=None, fill=(0.8, 0.8, 0.8))
    data = doc.tobytes()
    doc.close()
    return data


def volume(folder: Path, rows: list[tuple[str, str, str, str, bytes]]) -> Path:
    """A volume with a DAT (BEGBATES, ENDBATES, BEGATTACH, ENDATTACH, native path) and PDF
    natives, as another party's platform writes it."""
    (folder / "NATIVES").mkdir(parents=True)
    records = []
    for begin, end, attach_begin, attach_end, pdf in rows:
        (folder / "NATIVES" / f"{begin}.pdf").write_bytes(pdf)
        records.append([begin, end, attach_begin, attach_end, f".\\NATIVES\\{begin}.pdf"])
    fields = ["BegDoc", "EndDoc", "BegAttach", "EndAttach", "NativeLink"]
    (folder / "OTHER001.dat").write_bytes(write_dat(fields, records))
    return folder


def test_the_check_finds_a_box_over_text_but_not_a_true_redaction() -> None:
    [found] = boxes_over_text(received_pdf("black box"))
    assert (found.page, found.what, found.characters) == (0, "a filled dark rectangle", CHARS)
    assert found.text is None  # not asked for
    assert SECRET not in found.describe() and "settle" not in found.describe()
    assert boxes_over_text(received_pdf("redacted")) == []
    assert boxes_over_text(received_pdf("none")) == []


@pytest.mark.parametrize(
    ("how", "what"),
    [
        ("black image", "a dark image"),
        ("square annotation", "a filled square annotation"),  # its appearance is drawn
        ("redaction mark", "a redaction annotation never applied"),
        ("grey box", None),
    ],
)
def test_other_kinds_of_box(how: str, what: str | None) -> None:
    found = boxes_over_text(received_pdf(how))
    assert [(b.page, b.what, b.characters) for b in found] == ([(0, what, CHARS)] if what else [])


def test_a_received_volume_with_families_and_a_bad_redaction(ws: Workspace, tmp_path: Path) -> None:
    folder = volume(
        tmp_path / "vol",
        [
            ("OTH0000001", "OTH0000002", "OTH0000001", "OTH0000004", received_pdf("none", 2)),
            ("OTH0000003", "OTH0000003", "OTH0000001", "OTH0000004", received_pdf("redacted")),
            ("OTH0000004", "OTH0000004", "OTH0000001", "OTH0000004", received_pdf("black box")),
            ("OTH0000005", "OTH0000005", "", "", received_pdf("plain")),
        ],
    )
    report = ws.imports.volume(folder)
    assert report.problems == []
    assert [(i.theirs, i.bates, i.warnings) for i in report.imported] == [
        ("OTH0000001", "OTH0000001-OTH0000002", 0),
        ("OTH0000003", "OTH0000003", 0),
        ("OTH0000004", "OTH0000004", 1),
        ("OTH0000005", "OTH0000005", 0),
    ]
    with ws.transaction() as s:
        docs = s.scalars(select(t.Document).order_by(t.Document.id)).all()
        # one family, kept under a keyed name (never its parent's Bates number)
        assert [d.parent for d in docs] == [True, False, False, False]
        family = docs[0].family
        assert family and family.startswith("OTHER001:") and "OTH0000001" not in family
        assert [d.family for d in docs] == [family] * 3 + [None]
        trail = json.dumps([[a.action, a.subject, a.detail] for a in s.scalars(select(t.Audit))])
    assert "received.warning" in trail
    assert "settle" not in trail and "4.2 million" not in trail  # never the text under the box
    shown = ws.reads.show("OTH0000004")
    [warning] = shown["warnings"]
    assert warning.startswith(
        "page 1 has a box over live text: a filled dark rectangle at (70, 88, 420, 104) covers "
        f"{CHARS} character(s) that can still be selected and copied ["
    )
    assert warning.endswith(("[ours+x-ray]", "[ours]"))  # both, unless x-ray is missing
    assert "warnings" not in ws.reads.show("OTH0000003")  # a true redaction: nothing to warn of
    assert ws.reads.page_warnings("OTH0000001") == []
    again = ws.imports.volume(folder)
    assert again.imported == [] and len(again.problems) == 4  # nothing twice


def test_ingest_as_received_is_checked_and_ours_is_not(ws: Workspace) -> None:
    control = ws.ingest.ingest(received_pdf("black box", 2), title="their letter", kind="received")
    assert [w.split(":")[0] for w in ws.reads.page_warnings(control)] == [
        "page 1 has a box over live text"
    ]
    assert ws.ingest.ingest(received_pdf("redacted"), title="theirs", kind="received")
    assert ws.ingest.ingest(received_pdf("black box", 3), title="ours", kind="pdf")
    with ws.transaction() as s:
        assert len(s.scalars(select(t.PageWarning)).all()) == 1  # ours are not checked here


def test_what_the_receiving_side_ingests_is_checked(ws: Workspace) -> None:
    ws.people.add(
        "counsel@plaintiffs.example",
        name="Plaintiffs' counsel",
        side="receiving",
        category="counsel",
    )
    ws = ws.ctx.workspace.person("counsel@plaintiffs.example")
    control = ws.ingest.ingest(received_pdf("black box", 2), title="their production")
    assert [w.split(":")[0] for w in ws.reads.page_warnings(control)] == [
        "page 1 has a box over live text"
    ]


def test_show_and_text_print_the_warning(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws").operator()
    try:
        ws.matter.load_case(reference_case())
        control = ws.ingest.ingest(
            received_pdf("black box", 2), title="their letter", kind="received"
        )
        folder = tmp_path / "v"
        volume(folder, [("OTH0000009", "OTH0000009", "", "", received_pdf("black box"))])
        ws.imports.volume(folder)
    finally:
        ws.close()
    runner = CliRunner()
    where = ["-w", str(tmp_path / "ws")]
    text = runner.invoke(app, ["text", "OTH0000009", *where])
    assert text.exit_code == 0, text.output
    assert "warning: page 1 has a box over live text" in text.stderr
    assert SECRET in text.stdout  # the reader sees what the other side failed to redact
    assert SECRET not in text.stderr
    shown = runner.invoke(app, ["show", control, *where])
    assert shown.exit_code == 0, shown.output
    assert "warning: page 1 has a box over live text" in shown.stderr


def test_our_own_volume_goes_out_and_comes_back(ws: Workspace, tmp_path: Path) -> None:
    produced(ws)
    folder = ws.volumes.export("VOL001", tmp_path / "out")
    other = Workspace.init(tmp_path / "other", f"sqlite:///{tmp_path / 'other.db'}").operator()
    try:
        other.matter.load_case(reference_case())
        controls, problems = other.imports.import_volume(folder)
        assert problems == [] and len(controls) == 2
        for ref in ("TST-0000001", "TST-0000003"):
            assert other.reads.show(ref)["bates"] == ws.reads.show(ref)["bates"]
            assert other.reads.page_text(ref).startswith(ws.reads.page_text(ref))  # + the stamps
        assert other.imports.import_volume(folder) == (
            [],
            [
                "row 1 (TST-0000001): imported before from volume VOL001 as DOC-000001",
                "row 2 (TST-0000003): imported before from volume VOL001 as DOC-000002",
            ],
        )
    finally:
        other.close()


def tiff(*frames: str) -> bytes:
    """A TIFF with one small frame per name (a multi-page TIFF when given several)."""
    from PIL import Image, ImageDraw

    images = []
    for name in frames:
        image = Image.new("L", (300, 120), 255)
        ImageDraw.Draw(image).rectangle((20, 20, 60, 60), fill=0 if name else 255)
        images.append(image)
    out = io.BytesIO()
    images[0].save(out, format="TIFF", save_all=True, append_images=images[1:])
    return out.getvalue()


def test_images_by_opt_with_families_by_parent_id(ws: Workspace, tmp_path: Path) -> None:
    folder = tmp_path / "img"
    (folder / "IMAGES").mkdir(parents=True)
    (folder / "TEXT").mkdir()
    (folder / "IMAGES" / "a1.tif").write_bytes(tiff("a1"))
    (folder / "IMAGES" / "a2.tif").write_bytes(tiff("a2"))
    (folder / "IMAGES" / "b.tif").write_bytes(tiff("b1", "b2"))  # two pages, one OPT line
    (folder / "IMAGES" / "c.tif").write_bytes(b"Some text")  # not an image at all
    (folder / "TEXT" / "b.txt").write_bytes(b"first page\fsecond page")
    dat = "\r\n".join(  # pipes, no qualifier, CRLF, no newline after the last row
        [
            "Control Number|ParentDocID|Extracted Text",
            "PRD0000001||.\\TEXT\\gone.txt",
            "PRD0000003|PRD0000001|.\\TEXT\\b.txt",
            "PRD0000004|PRD0000001|",
        ]
    )
    (folder / "load.dat").write_bytes(b"\xef\xbb\xbf" + dat.encode())
    opt = "\r\n".join(  # five fields a line
        [
            "PRD0000001,V1,.\\IMAGES\\a1.tif,Y,",
            "PRD0000002,V1,.\\IMAGES\\a2.tif,,",
            "PRD0000003,V1,.\\IMAGES\\b.tif,Y,",
            "PRD0000004,V1,.\\IMAGES\\c.tif,Y,",
        ]
    )
    (folder / "load.opt").write_bytes(opt.encode())
    report = ws.imports.volume(folder)
    assert [(i.theirs, i.pages, i.bates, i.family) for i in report.imported] == [
        ("PRD0000001", 2, "PRD0000001-PRD0000002", "load:PRD0000001"),
        ("PRD0000003", 2, None, "load:PRD0000001"),  # 1 page ID for 2 pages: no Bates
    ]
    assert report.problems == [
        "row 1 (PRD0000001): text file .\\TEXT\\gone.txt is not in the volume; imported without it",
        "row 3 (PRD0000004): image .\\IMAGES\\c.tif (page PRD0000004) is not a TIFF, JPEG or PNG "
        "image",
    ]
    with ws.transaction() as s:
        b = s.scalar(select(t.Document).where(t.Document.title == "PRD0000003"))
        assert b is not None and not b.parent
        texts = s.scalars(
            select(t.Page.text).where(t.Page.document_id == b.id).order_by(t.Page.idx)
        ).all()
        assert texts == ["first page", "second page"]  # the text file, page by page


def mail_with(*attachments: tuple[str, bytes]) -> bytes:
    """An e-mail from the other side carrying PDF attachments."""
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "counsel@defendants.example"
    msg["To"] = "counsel@plaintiffs.example"
    msg["Subject"] = "Production letter"
    msg["Message-ID"] = "<letter-1@defendants.example>"
    msg.set_content("Please find the documents attached.")
    for name, pdf in attachments:
        msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    return msg.as_bytes()


def test_every_attachment_of_a_received_email_is_checked(ws: Workspace) -> None:
    """The operator's `ingest --kind received` of an e-mail: the message and each attachment
    are checked (no flag beyond the kind), each attachment's boxes on its own document."""
    data = mail_with(("letter.pdf", received_pdf("black box", 2)), ("memo.pdf", received_pdf("x")))
    controls, new = ws.ingest.ingest_file(data, "letter.eml", kind="received")
    assert new and len(controls) == 3
    warnings = [ws.reads.page_warnings(c) for c in controls]
    assert [len(w) for w in warnings] == [0, 1, 0]
    assert warnings[1][0].startswith("page 1 has a box over live text")
    with ws.transaction() as s:
        metas = [
            s.scalar(select(t.Document.meta).where(t.Document.control == c)) or {} for c in controls
        ]
    assert all("box_check" in meta for meta in metas)  # every member was checked
    # the same e-mail ingested as our own is not the other side's: not checked
    ours = mail_with(("ours.pdf", received_pdf("black box")))
    mine, _ = ws.ingest.ingest_file(ours, "ours.eml")
    assert all(ws.reads.page_warnings(c) == [] for c in mine)


def test_the_receiving_side_checks_every_email_member(ws: Workspace) -> None:
    ws.people.add(
        "counsel@plaintiffs.example",
        name="Plaintiffs' counsel",
        side="receiving",
        category="counsel",
    )
    them = ws.ctx.workspace.person("counsel@plaintiffs.example")
    data = mail_with(("a.pdf", received_pdf("black image")), ("b.pdf", received_pdf("black box")))
    controls, _ = them.ingest.ingest_file(data, "production.eml")
    assert [len(them.reads.page_warnings(c)) for c in controls] == [0, 1, 1]
    [image] = them.reads.page_warnings(controls[1])
    assert "a dark image" in image and SECRET not in image


def test_the_check_says_when_xray_was_not_run(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CLAWBACK_XRAY_PYTHON", str(tmp_path / "no-such-python"))
    control = ws.ingest.ingest(received_pdf("black box"), title="theirs", kind="received")
    [warning] = ws.reads.page_warnings(control)
    assert warning.endswith("[ours]")  # found without x-ray
    with ws.transaction() as s:
        meta = s.scalar(select(t.Document.meta).where(t.Document.control == control)) or {}
    assert meta["box_check"] == 1
    assert meta["box_check_xray"].startswith("not run: x-ray environment not found")
