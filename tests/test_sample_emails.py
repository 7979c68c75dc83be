"""Real e-mails ingested as families: the message first, then its attachments, in order."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.demo.run import reference_case
from clawback.service import Workspace, production
from clawback.storage import tables as t
from tests.conftest import SHARED

EMAILS = SHARED / "samples" / "emails"


def test_an_outlook_message_becomes_a_family(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws").operator()
    ws.matter.load_case(reference_case())
    data = (EMAILS / "msgreader-sicos" / "EmailWithAttachments.msg").read_bytes()
    controls = ws.ingest.ingest_email(data, "EmailWithAttachments.msg", custodian="Peter Pan")
    assert ws.ingest.ingest_email(data, "EmailWithAttachments.msg") == controls  # nothing twice
    assert len(controls) == 3
    with ws.transaction() as s:
        docs = [s.scalar(select(t.Document).where(t.Document.control == c)) for c in controls]
        assert all(d is not None for d in docs)
        parent, *children = docs
        assert parent is not None and parent.parent and parent.kind == "email"
        assert {d.family for d in docs if d} == {parent.family}
        assert [d.meta["name"] for d in children if d] == ["peterpan.jpg", "tinkerbell.jpg"]
        assert parent.meta["custodian"] == "Peter Pan" and parent.meta["subject"]
    ws.productions.produce(controls, "MAIL-00000001", "V1")
    assert ws.reads.page_text("MAIL-00000001").find("From") >= 0
    ws.close()


def test_an_email_batch_with_natives_and_a_bad_file(tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    runner = CliRunner()
    runner.invoke(app, ["init", str(ws_dir)])
    runner.invoke(app, ["load-case", "--reference", "-w", str(ws_dir)])
    bad = tmp_path / "broken.eml"
    bad.write_bytes(b"\x00\x01 not mail")
    enron = EMAILS / "freeeed-enron" / "215.eml"
    result = runner.invoke(app, ["ingest", str(bad), str(enron), "-w", str(ws_dir)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 2 and "broken.eml" in lines[0] and "Traceback" not in result.output
    assert lines[1].count("DOC-") == 6  # the message and its five spreadsheets
    ws = Workspace.open(ws_dir).operator()
    with ws.transaction() as s:
        natives = s.scalars(select(t.Blob).where(t.Blob.recipe == "native")).all()
        # the five spreadsheets and the message itself, kept as they came, beside the pages
        # rendered from them
        assert len(natives) == 6
        sheets = s.scalars(select(t.Document).where(t.Document.kind == "attachment")).all()
        assert [d.meta["native"]["name"] for d in sheets] == [
            "Select Energy.xls", "Virginia Electric.xls", "TXUEnergyTrading.xls",
            "nevadapower.xls", "PugetSoundEnergy.xls",
        ]  # fmt: skip
        assert all(d.page_count > 1 for d in sheets)  # today: one placeholder page each
    ws.close()


def test_the_same_picture_in_two_messages_stays_in_both_families(tmp_path: Path) -> None:
    """Family integrity: a member whose bytes are another member's (the same inline picture
    three times, then again in another message) is still its own document in each family."""
    ws = Workspace.init(tmp_path / "ws").operator()
    ws.matter.load_case(reference_case())
    folder = EMAILS / "msgreader-sicos"
    first = ws.ingest.ingest_email(
        (folder / "TestWithAttachmentsAndInlines.eml").read_bytes(), "a.eml"
    )
    name = "TestWithInlineHavingContentDisposition.eml"
    second = ws.ingest.ingest_email((folder / name).read_bytes(), name)
    assert len(set(first)) == len(first) and len(set(second)) == len(second)
    assert not set(first) & set(second)
    with ws.transaction() as s:
        for controls in (first, second):
            docs = s.scalars(select(t.Document).where(t.Document.control.in_(controls))).all()
            assert len({d.family for d in docs}) == 1 and len(docs) == len(controls)
            assert [d.parent for d in sorted(docs, key=lambda d: d.id)] == [True] + [False] * (
                len(docs) - 1
            )
        originals = s.scalars(
            select(t.Document.original).where(t.Document.control.in_(first + second))
        ).all()
    assert len(set(originals)) < len(originals)  # twins by content, members by family
    ws.close()


def test_the_message_file_as_received_is_kept_and_never_produced_as_a_native(
    tmp_path: Path,
) -> None:
    """A message's pages are drawn here; the .eml/.msg received is kept beside them, whole
    (the store gives its bytes back), and is never the file a production sends out: it carries
    every attachment, a withheld one too."""
    ws = Workspace.init(tmp_path / "ws").operator()
    ws.matter.load_case(reference_case())
    for sample in ("freeeed-enron/215.eml", "msgreader-sicos/EmailWithAttachments.msg"):
        data = (EMAILS / sample).read_bytes()
        controls = ws.ingest.ingest_email(data, Path(sample).name)
        sha = hashlib.sha256(data).hexdigest()
        with ws.transaction() as s:
            parent = s.scalar(select(t.Document).where(t.Document.control == controls[0]))
            assert parent is not None and parent.meta["message_sha256"] == sha
            assert s.get(t.Blob, sha) is not None
        assert ws.ctx.files.get(sha) == data
        assert production.native_file(parent.meta) is None  # the drawn pages go out
    ws.close()
