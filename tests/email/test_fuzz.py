"""Fuzzing the e-mail parsers: damaged real samples, header soup and random bytes.

Whatever the bytes, parsing either gives a Message or raises ``EmailError`` (a ClawbackError:
one line, no traceback). The inner parsers are fuzzed too, below ``parse_email``'s last-resort
handler, so a crash in our own code cannot hide behind it. Each test prints how many examples
ran and how long they took (see the captured output, or run with ``-s``).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clawback.domain.errors import ClawbackError
from clawback.email import EmailError, Message, family, parse_email
from clawback.email import parse as inner
from tests.loadfiles.test_fuzz import EDITS, mutate

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "emails"
EML = [p.read_bytes() for p in sorted(SAMPLES.rglob("*.eml"))]
MSG = [p.read_bytes() for p in sorted(SAMPLES.rglob("*.msg"))]
FUZZ = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
# Pieces of headers and MIME structure, so random soup reaches the parsers' corners.
ATOMS = [
    "From: ", "To: ", "Cc: ", "Subject: ", "Date: ", "Message-ID: ", "Content-Type: ",
    "Content-Disposition: ", "Content-Transfer-Encoding: ", "Content-ID: <x>", "MIME-Version: 1.0",
    "\r\n", "\n", "\r\n\r\n", "--b", "--b--", "multipart/mixed; boundary=b", "message/rfc822",
    "text/plain; charset=", "text/html", "x-unknown", "utf-8", "base64", "quoted-printable",
    "=?utf-8?b?", "=?x?q?", "?=", "attachment; filename*=", "UTF-8''%ff%fe", 'name="', '"', "<",
    ">", "@", ",", ";", "=", "(", ")", "\\", "\t", " ", "=\r\n", "=FF", "a", "é", "\udcff",
    "Mon, 32 Foo 99999 25:61:00 +9999", "<p>hi</p>", "inline", "image/png", "iVBORw0KGgo=",
    'filename="a.eml"', "group:;", "undisclosed-recipients:;",
]  # fmt: skip
SOUP = st.lists(st.sampled_from(ATOMS), min_size=1, max_size=80).map(
    lambda parts: ("From: a@b.c\r\n" + "".join(parts)).encode("utf-8", "surrogateescape")
)
COUNT: dict[str, int] = {}


def clean_or_message(call: Callable[[], object]) -> None:
    """The call returns, or fails with a one-line EmailError; anything else is a crash."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = call()
        except EmailError as exc:
            assert isinstance(exc, ClawbackError)
            assert str(exc) and "\n" not in str(exc)
            return
    assert isinstance(result, Message | list)


def run(name: str, property_: Callable[[], None], budget: int) -> None:
    start = time.perf_counter()
    property_()
    elapsed = time.perf_counter() - start
    print(f"{name}: {COUNT[name]} examples in {elapsed:.2f}s (max_examples={budget})")
    assert COUNT[name] > 0


def _counted(name: str) -> None:
    COUNT[name] = COUNT.get(name, 0) + 1


def test_fuzz_mutated_eml_samples() -> None:
    budget = 150
    assert EML

    @settings(FUZZ, max_examples=budget)
    @given(st.sampled_from(EML), EDITS)
    def prop(sample: bytes, edits: list[tuple[int, int, int]]) -> None:
        _counted("eml mutated")
        data = mutate(sample, edits)
        clean_or_message(lambda: inner._parse_eml(data, "m.eml"))
        clean_or_message(lambda: family(data, "m.eml"))

    run("eml mutated", prop, budget)


def test_fuzz_header_soup_and_random_bytes() -> None:
    budget = 1500

    @settings(FUZZ, max_examples=budget)
    @given(st.one_of(SOUP, st.binary(max_size=400)))
    def prop(data: bytes) -> None:
        _counted("eml soup")
        clean_or_message(lambda: inner._parse_eml(data, "s.eml"))
        clean_or_message(lambda: parse_email(data, "s.eml"))
        clean_or_message(lambda: parse_email(data, "s.msg"))

    run("eml soup", prop, budget)


def test_fuzz_mutated_msg_samples() -> None:
    budget = 200
    assert MSG

    @settings(FUZZ, max_examples=budget)
    @given(st.sampled_from(MSG), EDITS)
    def prop(sample: bytes, edits: list[tuple[int, int, int]]) -> None:
        _counted("msg mutated")
        data = mutate(sample, edits)
        clean_or_message(lambda: inner._parse_msg(data, "m.msg"))
        clean_or_message(lambda: family(data, "m.msg"))

    run("msg mutated", prop, budget)


def test_the_crashes_fuzzing_found_are_clean_now() -> None:
    # The stdlib header parser raises IndexError/AttributeError on these; non-ASCII in a bare
    # address made formataddr raise UnicodeEncodeError.
    for data in (
        b'From: a@b.c\r\nCc: "',
        b"From: a@b.c\r\nFrom: =FF@",
        b"From: a@b.c\r\nCc: undisclosed-recipients:;x<\r\n",
        b"From: a@b.c\r\nMessage-ID: \t<@UTF-8''%ff%fe\r\n\r\nbody",
    ):
        message = inner._parse_eml(data, "crash.eml")
        assert message.sender
    # Unparseable, so read raw, and the raw address is not ASCII: kept readable as it is.
    message = inner._parse_eml('From: a@b.c\r\nTo: \xffx@y, "'.encode(), "crash.eml")
    assert message.to == ("\xffx@y",)


def test_a_msg_that_fails_only_when_read_is_one_line() -> None:
    """extract_msg opens a .msg lazily: a damaged stream (here a flipped bit that breaks a
    compressed body's CRC) fails only when the message is read, after it opened. That too is
    a one-line EmailError, not a library exception (found by the fuzz test above)."""
    data = mutate(MSG[1], [(0, 499518, 134)])
    with pytest.raises(EmailError) as raised:
        inner._parse_msg(data, "m.msg")
    assert "\n" not in str(raised.value) and str(raised.value).startswith("m.msg: unreadable .msg")
