"""E-mails that lost nothing without a word: a .msg dated by its delivery time when its sent
time is absent, an .eml cut short saying what it lost, and ``--kind received`` kept for a
whole e-mail family."""

from __future__ import annotations

import base64
import warnings
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from clawback.email import parse_email
from clawback.ingest import INGESTED
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.started import start

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"
ENRON_MSG = (
    SAMPLES / "loadfiles/relativity-import-samples/SampleDataSources/VOL01/NATIVES/NATIVE00001"
    "/EDRM-Sample4.msg"
)


@pytest.fixture
def ws(tmp_path: Path, database_url: str) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws", database_url)  # `tests.started`
    yield workspace
    workspace.close()


def test_a_msg_without_its_sent_time_is_dated_by_its_delivery_time() -> None:
    """PR_CLIENT_SUBMIT_TIME (tag 0x00390040) renamed to an unused tag in the real Enron .msg:
    what Outlook writes for a message it received but did not send. extract-msg's own date is
    then None; the delivery time (PR_MESSAGE_DELIVERY_TIME) is still in the file."""
    import extract_msg

    data = ENRON_MSG.read_bytes().replace(bytes.fromhex("40003900"), bytes.fromhex("40003800"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = extract_msg.openMsg(data)
        try:
            assert raw.date is None and raw.receivedTime is not None
        finally:
            raw.close()
    assert parse_email(data, "received.msg").date == "2000-01-08T07:29:00+00:00"


def _mail_with_attachments(*names: str) -> bytes:
    parts = [
        "From: Kim Lee <kim@example.com>\r\nTo: Pat Roe <pat@example.com>\r\n"
        "Subject: Figures\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
        "Message-ID: <figures@example.com>\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n'
        "--XX\r\nContent-Type: text/plain\r\n\r\nThe figures are attached.\r\n"
    ]
    for n, name in enumerate(names):
        body = base64.encodebytes(f"line {n} of the figures\n".encode() * 120).decode()
        parts.append(
            f'--XX\r\nContent-Type: text/plain; name="{name}"\r\n'
            f'Content-Disposition: attachment; filename="{name}"\r\n'
            f"Content-Transfer-Encoding: base64\r\n\r\n{body.replace(chr(10), chr(13) + chr(10))}"
        )
    parts.append("--XX--\r\n")
    return "".join(parts).encode()


def test_an_eml_cut_short_says_what_it_lost(ws: Workspace, tmp_path: Path) -> None:
    whole = _mail_with_attachments("a.txt", "b.txt", "c.txt")
    cut = whole[: whole.index(b'filename="b.txt"') + 1200 + 3]  # inside b.txt's data
    assert [a.filename for a in parse_email(whole, "whole.eml").attachments] == [
        "a.txt", "b.txt", "c.txt"
    ]  # fmt: skip
    assert parse_email(whole, "whole.eml").warnings == ()
    message = parse_email(cut, "cut.eml")
    assert [a.filename for a in message.attachments] == ["a.txt", "b.txt"]
    assert message.warnings == (
        "message ends inside a MIME part (no closing boundary): the file was cut short and "
        "what followed is lost",
    )  # what an attachment lost is the attachment's (a reader of the message may not know it)
    assert [a.warnings for a in message.attachments] == [(), ("attachment 'b.txt' truncated",)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cut.eml").write_bytes(cut)
    (tmp_path / "in" / "whole.eml").write_bytes(whole)
    reports = {r.path.name: r for r in ws.ingest.ingest_paths([tmp_path / "in"])}
    assert reports["cut.eml"].outcome == INGESTED  # what was read is in, and said to be partial
    line = reports["cut.eml"].line()
    assert "warning: message ends inside a MIME part" in line and "\n" not in line
    assert "attachment 'b.txt' truncated" in line
    assert "warning" not in reports["whole.eml"].line()
    with ws.transaction() as s:
        parent = s.scalar(
            select(t.Document).where(t.Document.control == reports["cut.eml"].controls[0])
        )
        assert parent is not None and parent.meta["warnings"][:2] == list(message.warnings)


def test_kind_received_is_kept_for_every_member_of_an_e_mail(ws: Workspace) -> None:
    data = _mail_with_attachments("a.txt")
    controls, new = ws.ingest.ingest_file(data, "theirs.eml", kind="received")
    assert new and len(controls) == 2
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        assert [d.kind for d in docs] == ["received", "received"]  # today: email, attachment
        assert [d.meta["role"] for d in docs] == ["email", "attachment"]
        assert all("box_check" in d.meta for d in docs)  # checked for fake redactions


def test_the_receiving_side_ingests_e_mails(ws: Workspace) -> None:
    ws.people.add("rc@other.test", name="RC", side="receiving", category="counsel")
    theirs = ws.ctx.workspace.person("rc@other.test")
    try:
        controls, new = theirs.ingest.ingest_file(_mail_with_attachments("a.txt"), "in.eml")
        assert new and [c[:4] for c in controls] == ["RCV-", "RCV-"]
        with theirs.transaction() as s:
            docs = s.scalars(select(t.Document).where(t.Document.control.in_(controls))).all()
            assert {d.held_by for d in docs} == {"receiving"}
            assert all("box_check" in d.meta for d in docs)
    finally:
        theirs.close()


def test_a_long_unbroken_header_stays_on_the_page() -> None:
    """A subject or an address too long for its line with no space to break at ran off the
    rendered page's edge, and ingest took what no viewer sees out of the working copy: 432
    characters of a 500-character subject were gone from what is produced and searched (the
    body's long runs were broken already). The attachment's name is on its own document, not
    the message's page."""
    from clawback.email.render import render_message
    from clawback.ingest.ready import make_ready
    from tests.ingest.make import eml_with, text_pdf

    subject, name = "W" * 300, "M" * 200 + ".pdf"
    message = parse_email(eml_with(subject, [(name, text_pdf("attached"))]), "long.eml")
    message = replace(message, to=["x" * 200 + "@example.com"])
    made = render_message(message)
    ready = make_ready(made, None, "", "application/pdf", "convert", None, None, own_fonts=True)
    assert "warnings" not in ready.info, ready.info["warnings"]
    text = "".join("".join(p.text.split()) for p in ready.pages)
    assert subject in text and "x" * 200 + "@example.com" in text
    assert name not in text


def test_an_email_of_more_parts_than_an_archive_may_hold_is_refused_before_it_is_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An archive holds at most `limits.MAX_ARCHIVE_FILES` members; an e-mail had no bound:
    10,000 one-byte attachments (1.6 MB) took 24 s to read and made 10,001 documents, each
    rendered. (The bound lowered here, as `test_text_limits` lowers its own.)"""
    from clawback.ingest import REFUSED, limits
    from tests.ingest.make import eml_with

    monkeypatch.setattr(limits, "MAX_ARCHIVE_FILES", 10)
    path = tmp_path / "flood.eml"
    path.write_bytes(eml_with("flood", [(f"a{n}.txt", b"x") for n in range(10)]))
    ws = start(tmp_path / "ws")
    try:
        [report] = ws.ingest.ingest_paths([path])
    finally:
        ws.close()
    assert report.outcome == REFUSED
    assert report.reason == "e-mail of more than 10 parts (its body and attachments)"


@pytest.mark.parametrize("levels", [101, 1000])
def test_an_email_nested_past_the_limit_is_refused_in_one_line(tmp_path: Path, levels: int) -> None:
    """An e-mail of parts inside parts 1,000 deep was refused as 'unreadable .eml (maximum
    recursion depth exceeded while getting the str of an object)': Python's words, not the
    file's fault. It is refused naming the nesting, and the batch goes on."""
    from clawback.ingest import REFUSED, limits
    from tests.ingest.make import eml

    head = (
        "From: kim@example.com\r\nTo: pat@example.com\r\nSubject: deep\r\n"
        "Date: Mon, 3 Feb 2020 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
    )
    nested = "".join(
        f'Content-Type: multipart/mixed; boundary="b{n}"\r\n\r\n--b{n}\r\n' for n in range(levels)
    )
    deep = tmp_path / "deep.eml"
    deep.write_bytes((head + nested + "Content-Type: text/plain\r\n\r\nx\r\n").encode())
    fine = tmp_path / "fine.eml"
    fine.write_bytes(eml("Fine", "A body."))
    ws = start(tmp_path / "ws")
    try:
        refused, taken = ws.ingest.ingest_paths([deep, fine])
    finally:
        ws.close()
    assert refused.outcome == REFUSED
    deepest = limits.MAX_MIME_DEPTH
    assert refused.reason == f"e-mail of parts nested more than {deepest} deep", refused.reason
    assert taken.outcome == INGESTED


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("=?x-no-such-charset?Q?caf=E9?= and =?x-no-such-charset?Q?_na=EFve?=", "café and  naïve"),
        (
            "=?x-no-such-charset?Q?caf=E9?= =?utf-8?B?!!!notbase64?=",
            "café =?utf-8?B?!!!notbase64?=",
        ),
    ],
)
def test_a_subject_in_an_unknown_charset_is_read_as_its_body_would_be(
    written: str, read: str
) -> None:
    """An encoded word in a charset no one knows came out as a replacement character for each
    byte ('caf\ufffd'), and nothing said so: the subject's words were lost in silence. It is
    read as a body in such a charset is (UTF-8, else Windows-1252), said once; a word that does
    not decode is kept as written."""
    head = (
        "From: kim@example.com\r\nTo: pat@example.com\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
    )
    message = parse_email(f"{head}Subject: {written}\r\n\r\nA body.\r\n".encode(), "x.eml")
    assert message.subject == read
    said = [w for w in message.warnings if w.startswith("subject")]
    assert said == [
        "subject declared as 'x-no-such-charset' (an unknown charset): read as Windows-1252"
    ]


def test_a_part_naming_content_elsewhere_is_said_and_nothing_fetched() -> None:
    """A message/external-body part names a file or an address instead of holding it: it was
    kept as an attached message named from it ('_etc_passwd') and nothing said what it was."""
    head = (
        "From: kim@example.com\r\nTo: pat@example.com\r\nDate: Mon, 3 Feb 2020 10:00:00 +0000\r\n"
    )
    message = parse_email(
        (
            f"{head}Subject: elsewhere\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; "
            'boundary="B"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nSee it.\r\n--B\r\n'
            'Content-Type: message/external-body; access-type=local-file; name="/etc/passwd"'
            "\r\n\r\nContent-Type: text/plain\r\n\r\n--B--\r\n"
        ).encode(),
        "x.eml",
    )
    [elsewhere] = message.attachments
    assert elsewhere.filename == "_etc_passwd"
    assert message.warnings == ()  # the attachment's own, never its message's
    assert elsewhere.warnings == (
        "attachment '_etc_passwd' only names content kept elsewhere (message/external-body, "
        "access-type 'local-file'): nothing fetched, the reference kept as sent",
    )
