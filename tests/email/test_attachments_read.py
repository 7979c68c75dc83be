"""What a second trial on unseen e-mails found kept silently as a placeholder, refused or garbled:
an attachment told by its name instead of its bytes, a calendar invite, a damaged PDF kept with
no word said, an mbox export's ``From `` line, a body in another charset than it declares."""

from __future__ import annotations

import io
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from clawback.email import parse_email
from clawback.ingest import INGESTED
from clawback.pdf.shows.extract import read_pages
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.started import start

INVITE = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nMETHOD:REQUEST\r\n"
    "BEGIN:VEVENT\r\nUID:1@example.com\r\nDTSTART:20200603T170000Z\r\n"
    "DTEND:20200603T180000Z\r\nSUMMARY:Settlement call with Acme\r\n"
    "DESCRIPTION:Dial-in 555-0100\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = start(tmp_path / "ws")  # `tests.started`
    yield workspace
    workspace.close()


def _mail(body: str = "See attached.") -> EmailMessage:
    m = EmailMessage()
    m["From"] = "kim@example.com"
    m["To"] = "pat@example.com"
    m["Subject"] = "Attached"
    m["Date"] = "Tue, 02 Jun 2020 10:00:00 -0700"
    m.set_content(body)
    return m


def _members(ws: Workspace, data: bytes, name: str) -> list[t.Document]:
    controls, new = ws.ingest.ingest_file(data, name)
    assert new
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document).where(t.Document.control.in_(controls)).order_by(t.Document.id)
        ).all()
        s.expunge_all()
    return list(docs)


def _text(ws: Workspace, doc: t.Document) -> str:
    return " ".join(" ".join(p.text.split()) for p in read_pages(ws.ctx.files.get(doc.original)))


def test_an_attachment_is_told_by_its_bytes_not_its_name(ws: Workspace) -> None:
    """A Word file sent as application/octet-stream with no file name (named
    ``attachment1.bin`` by the parser) is a Word file: rendered, not a placeholder."""
    made = docx.Document()
    made.add_paragraph("Memo on the Acme settlement terms")
    out = io.BytesIO()
    made.save(out)
    m = _mail()
    m.add_attachment(out.getvalue(), maintype="application", subtype="octet-stream")
    _, child = _members(ws, bytes(m), "nameless.eml")
    assert "Memo on the Acme settlement terms" in _text(ws, child)
    assert "native_sha256" not in child.meta  # today: "Produced in native form"


def test_a_calendar_invite_is_shown_as_text(ws: Workspace) -> None:
    """An .ics attached, and an invite sent as the message's text/calendar alternative: what
    and when the meeting was is on the page, not a placeholder."""
    m = _mail("You are invited")
    m.add_alternative(INVITE, subtype="calendar", params={"method": "REQUEST"})
    m.add_attachment(INVITE.encode(), maintype="application", subtype="ics", filename="call.ics")
    _, inline, attached = _members(ws, bytes(m), "invite.eml")
    for doc in (inline, attached):
        text = _text(ws, doc)
        assert "SUMMARY:Settlement call with Acme" in text, text
        assert "DTSTART:20200603T170000Z" in text


def test_every_placeholder_says_why(ws: Workspace, tmp_path: Path) -> None:
    """A damaged PDF and a file of a kind clawback cannot show are kept natively behind a
    placeholder page, and the document and the ingest line say so (today: silently)."""
    m = _mail()
    m.add_attachment(b"%PDF-1.4\r\n1 0 obj <</Type /Catalog", maintype="application",
                     subtype="pdf", filename="broken.pdf")  # fmt: skip
    m.add_attachment(b"\x1f\x8b\x08\x00" + bytes(range(200)), maintype="application",
                     subtype="gzip", filename="blah.gz")  # fmt: skip
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "two.eml").write_bytes(bytes(m))
    [report] = ws.ingest.ingest_paths([tmp_path / "in"])
    assert report.outcome == INGESTED
    with ws.transaction() as s:
        docs = s.scalars(
            select(t.Document)
            .where(t.Document.control.in_(report.controls))
            .order_by(t.Document.id)
        ).all()
        pdf, gz = docs[1:]
        assert "native_sha256" in pdf.meta and "native_sha256" in gz.meta
        assert any("'broken.pdf'" in w and "native form" in w for w in pdf.meta["warnings"])
        assert any("'blah.gz'" in w and "native form" in w for w in gz.meta["warnings"])
    assert "broken.pdf" in report.line() and "blah.gz" in report.line()


def test_an_mbox_from_line_does_not_refuse_the_message() -> None:
    """A message saved from an mbox starts with its ``From sender date`` separator line."""
    data = b"From kim@example.com Tue May 10 11:28:07 2005\n" + bytes(_mail("Body text here"))
    message = parse_email(data, "saved.eml")
    assert message.sender == "kim@example.com" and message.subject == "Attached"
    assert "Body text here" in message.body_text


def test_a_body_in_another_charset_than_it_declares_is_read_and_said() -> None:
    """Declared us-ascii, written in UTF-8: read as UTF-8, not as replacement characters."""
    data = (
        b"From: kim@example.com\nTo: pat@example.com\nSubject: Resume\n"
        b"MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n"
        b"Content-Transfer-Encoding: 8bit\n\n" + "Caf\u00e9 r\u00e9sum\u00e9 attached\n".encode()
    )
    message = parse_email(data, "wrong.eml")
    assert "Caf\u00e9 r\u00e9sum\u00e9 attached" in message.body_text
    assert any("us-ascii" in w and "UTF-8" in w for w in message.warnings)


def test_a_delivery_report_is_shown_as_text(ws: Workspace) -> None:
    """A bounce (multipart/report) carries its delivery status as a text part of its own: it
    is text, shown as text, not a placeholder saying it has no page form."""
    data = (
        b"From: Mail Delivery Subsystem <MAILER-DAEMON@example.com>\r\nTo: kim@example.com\r\n"
        b"Subject: Undelivered Mail\r\nDate: Tue, 02 Jun 2020 10:00:00 -0700\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
        b"--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.com\r\n\r\n"
        b"Final-Recipient: rfc822; pat@example.org\r\nAction: failed\r\nStatus: 5.1.1\r\n"
        b"--B--\r\n"
    )
    _, status = _members(ws, data, "bounce.eml")
    text = _text(ws, status)
    assert "Final-Recipient: rfc822; pat@example.org" in text, text
    assert "native_sha256" not in status.meta


def test_an_attachment_cut_inside_its_base64_keeps_what_was_sent() -> None:
    """Cut inside an attachment's base64, the stdlib hands back the base64 text itself; what
    was sent up to the cut is decoded (a PDF stays a PDF, its pages read as far as they go)."""
    m = _mail()
    m.add_attachment(b"%PDF-1.7\n" + b"x" * 3000, maintype="application", subtype="pdf",
                     filename="cut.pdf")  # fmt: skip
    whole = bytes(m)
    cut = whole[: whole.index(b'filename="cut.pdf"') + 2000]
    message = parse_email(cut, "cut.eml")
    [attached] = message.attachments
    assert attached.data.startswith(b"%PDF-1.7\nxxxx"), attached.data[:20]
    assert "attachment 'cut.pdf' truncated" in attached.warnings  # its own, not its message's
    assert not [w for w in message.warnings if "cut.pdf" in w]


def test_a_message_without_a_readable_date_is_dated_by_its_last_hop_or_said_undated() -> None:
    """mail's ``bad_date_header.eml``: an empty Date header, the date only in its Received
    headers; today the message is silently undated."""
    head = (
        b"Received: from mx.example.com by mail.example.org; Tue, 2 Jun 2020 10:00:05 -0700\n"
        b"Received: from desk.example.com by mx.example.com; Tue, 2 Jun 2020 10:00:01 -0700\n"
        b"From: kim@example.com\nTo: pat@example.com\nSubject: Undated\nDate: \n"
    )
    message = parse_email(head + b"\nBody.\n", "hop.eml")
    assert message.date == "2020-06-02T10:00:05-07:00"
    assert message.warnings == ("no readable Date header: dated by its last Received header",)
    bare = parse_email(b"From: kim@example.com\nSubject: Undated\n\nBody.\n", "bare.eml")
    assert bare.date is None
    assert bare.warnings == ("no readable Date header: the message is undated",)
