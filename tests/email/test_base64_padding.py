"""Base64 without its ``=`` padding is decoded whole by the stdlib; the part was said to be
"truncated" all the same. Only bytes lost (a length no padding mends, or a part the file cut
off before its closing boundary) are said to be."""

from __future__ import annotations

import base64

from clawback.email import parse_email

DATA = b"ledger figures, every byte of them!"  # 35 bytes: its base64 ends in one "="


def _mail(encoded: bytes, closed: bool = True) -> bytes:
    head = (
        b"From: kim@example.com\r\nTo: pat@example.com\r\nSubject: Figures\r\n"
        b"Date: Tue, 02 Jun 2020 10:00:00 -0700\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/plain\r\n\r\nAttached.\r\n"
        b'--b\r\nContent-Type: application/octet-stream; name="figures.bin"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n"
    )
    return head + encoded + b"\r\n" + (b"--b--\r\n" if closed else b"")


def test_base64_without_padding_is_whole_and_said_to_be_nothing() -> None:
    encoded = base64.b64encode(DATA)
    assert encoded.endswith(b"=")
    msg = parse_email(_mail(encoded.rstrip(b"=")), "m.eml")
    [att] = msg.attachments
    assert att.data == DATA
    assert not [w for w in (*msg.warnings, *att.warnings) if "truncated" in w]


def test_base64_that_lost_bytes_is_said_to_be_truncated() -> None:
    encoded = base64.b64encode(DATA)
    lost = parse_email(_mail(encoded[:-4] + encoded[-3:-2]), "m.eml")  # a length of 4n + 1
    assert [w for w in lost.attachments[0].warnings if "'figures.bin' truncated" in w]
    cut = parse_email(_mail(encoded.rstrip(b"=")[:-1], closed=False), "m.eml")  # file cut
    assert [w for w in cut.attachments[0].warnings if "'figures.bin' truncated" in w]
