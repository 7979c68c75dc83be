"""Each header parsed once a message (`parse._HeadersParsedOnce`) reads every sample e-mail as
the stdlib's own default policy, which parses a header each time it is asked for, reads it."""

from __future__ import annotations

from email import policy
from pathlib import Path

import pytest

from clawback.email import parse
from tests.conftest import SHARED

SAMPLES = sorted((SHARED / "samples" / "emails").rglob("*.eml"))
MADE = [
    # a header the stdlib cannot parse, asked for twice: the raw text both times
    b"From: <<@>>\r\nTo: a@b.c\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\n\r\nbody\r\n",
    # the same header line on two parts, and an attached message with headers of its own
    b"From: a@b.c\r\nTo: d@e.f\r\nSubject: s\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="x"\r\n\r\n'
    b"--x\r\nContent-Type: text/plain\r\n\r\none\r\n"
    b'--x\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename="n.txt"\r\n'
    b"\r\ntwo\r\n--x\r\nContent-Type: message/rfc822\r\n\r\n"
    b"From: g@h.i\r\nSubject: inner\r\n\r\nthree\r\n--x--\r\n",
]


@pytest.mark.parametrize(
    "data",
    [p.read_bytes() for p in SAMPLES] + MADE,
    ids=[p.name for p in SAMPLES] + [f"made-{n}" for n in range(len(MADE))],
)
def test_a_message_reads_as_the_stdlib_default_reads_it(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    once = parse.parse_email(data, "m.eml")
    monkeypatch.setattr(parse, "_policy", lambda: policy.default)
    assert parse.parse_email(data, "m.eml") == once


def test_samples_are_there() -> None:
    assert len(SAMPLES) >= 4, Path(SHARED)
