"""Values typed wrong at the command line, each answered in one line naming the value and the
problem, nothing entered: days outside the calendar a record keeps, periods past it, paths that
are not where a file can be written. One produced workspace is made for the module and copied
for each test that writes (``produced``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ingest.test_limits import encrypted_pdf
from tests.test_cli import make_pdf
from tests.test_cli_errors import invoke, one_error_line, produced, produced_once, succeeded

__all__ = ["produced", "produced_once"]  # the fixtures, shared with test_cli_errors


def _acts(ws: Path) -> int:
    with sqlite3.connect(ws / "clawback.db") as db:
        return int(db.execute("select count(*) from deadline").fetchone()[0])


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--order-date", "9999-12-31", "--within", "5"), "9999-12-31 is not a day between"),
        (("--order-date", "2021-01-01", "--within", "100000000"), "100000000 days from 2021-01-01"),
        (("--order-date", "0001-01-01", "--within", "5"), "0001-01-01 is not a day between"),
        (("--order-date", "20210101", "--within", "5"), "not a date (YYYY-MM-DD): '20210101'"),
        (("--order-date", "2021-01-01", "--by", "2021-W05-1"), "not a date (YYYY-MM-DD)"),
    ],
)
def test_an_act_counted_past_the_calendar(
    produced_once: Path, args: tuple[str, ...], said: str
) -> None:
    before = _acts(produced_once)
    line = one_error_line(invoke(produced_once, "act", "file it", "--party", "producing", *args))
    assert said in line
    assert _acts(produced_once) == before


# -- an output whose folder is a file: the path named, never a temporary name -----------------


@pytest.mark.parametrize(
    "command",
    [
        ("export", "1", "--out", "{file}"),
        ("image", "AB-00000001", "--png", "{file}/p.png"),
        ("privilege-log", "--csv", "{file}/log.csv"),
        ("deadlines", "--ics", "{file}/d/due.ics"),
        ("audit", "export", "{file}/trail.jsonl"),
        ("audit", "checkpoint", "--out", "{file}/head"),
        ("export-case", "{file}/case.yaml"),
        ("volume", "export", "V1", "--out", "{file}"),
        ("file", "{file}/package"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_an_output_folder_that_is_a_file(
    produced: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    a_file = tmp_path / "memo.pdf"
    a_file.write_bytes(b"%PDF-1.7 the user's own")
    line = one_error_line(invoke(produced, *(a.format(file=a_file) for a in command)))
    assert line == f"error: {a_file}: not a folder"
    assert a_file.read_bytes() == b"%PDF-1.7 the user's own"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.pdf", "ws"]


# -- an ingest kind that is not one: stored as the document's kind before --------------------


def _documents(ws: Path) -> int:
    with sqlite3.connect(ws / "clawback.db") as db:
        return int(db.execute("select count(*) from document").fetchone()[0])


@pytest.mark.parametrize("command", [("ingest",), ("jobs", "ingest")])
@pytest.mark.parametrize("kind", ["bogus", "", "pdf"])
def test_an_ingest_kind_that_is_not_received(
    produced_once: Path, tmp_path: Path, command: tuple[str, ...], kind: str
) -> None:
    pdf = make_pdf(tmp_path / "letter.pdf", "a letter received")
    before = _documents(produced_once)
    line = one_error_line(invoke(produced_once, *command, str(pdf), "--kind", kind))
    assert line == f"error: no ingest kind {kind!r}: give --kind received, or leave it out"
    assert _documents(produced_once) == before


# -- a text file the user names that is not UTF-8 --------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("load-case", "{file}"),
        ("rule", "--from", "{file}"),
        ("review", "C1", "--findings", "{file}"),
        ("audit", "verify", "--checkpoint", "{file}"),
    ],
    ids=lambda c: c[0],
)
def test_a_text_file_that_is_not_utf8(
    produced_once: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A UTF-16 export (its BOM) or a PDF named by mistake ended in UnicodeDecodeError."""
    named = tmp_path / "rulings.csv"
    named.write_bytes("claim,result\n".encode("utf-16"))
    line = one_error_line(invoke(produced_once, *(a.format(file=named) for a in command)))
    assert line == f"error: {named}: not UTF-8 text"


def test_an_audit_export_that_is_not_utf8(tmp_path: Path) -> None:
    named = tmp_path / "trail.jsonl"
    named.write_bytes(b"\xff\xfe{}")
    assert one_error_line(invoke(None, "audit", "check-file", str(named))) == (
        f"error: {named}: not UTF-8 text"
    )


# -- a person seated with a blank name or a broken address ----------------------------------


@pytest.mark.parametrize(
    ("email", "name", "said"),
    [
        ("a@b.example", "", "a person's name: ''"),
        ("a@b.example", "  ", "a person's name: '"),  # blanks said as one
        ("a@b.example", "Ann\x1b[2J", "a person's name: 'Ann\\x1b[2J'"),
        ("@", "Ann", "not an email address: '@'"),
        ("ann@", "Ann", "not an email address: 'ann@'"),
        ("a@b@c.example", "Ann", "not an email address: 'a@b@c.example'"),
    ],
)
def test_a_person_seated_with_a_blank_name_or_a_broken_address(
    produced_once: Path, email: str, name: str, said: str
) -> None:
    """A blank name was seated (the acknowledgment is signed by typing it), and '@' or
    'ann@' were taken as addresses."""
    args = ("--name", name, "--side", "receiving", "--category", "counsel")
    line = one_error_line(invoke(produced_once, "people", "add", email, *args))
    assert line.startswith(f"error: {said}"), line
    assert email not in invoke(produced_once, "people", "list").output.split()


# -- typed text past what the web app's forms take ----------------------------------------


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (("challenge", "1", "--grounds", "{text}", "--on", "2021-01-04"), "a challenge's grounds"),
        (("act", "{text}", "--party", "producing", "--order-date", "2021-01-04", "--within", "5"),
         "an act's words"),
        (("closure", "add", "2021-01-04", "--reason", "{text}"), "a court closure's reason"),
        (("designate", "1", "AEO", "--note", "{text}"), "a designation's note"),
    ],
    ids=lambda c: c[0] if isinstance(c, tuple) else None,
)  # fmt: skip
def test_typed_text_past_what_the_forms_take(
    produced_once: Path, command: tuple[str, ...], said: str
) -> None:
    """The web app's forms take 2,000 characters; the command line stored 100,000 of a
    challenge's grounds, an act or a closure's reason, and printed them back whole."""
    text = "x" * 2001
    line = one_error_line(invoke(produced_once, *(a.format(text=text) for a in command)))
    assert line == f"error: {said} holds at most 2,000 characters (this one has 2,001)"


def test_the_command_line_says_its_password_option(produced_once: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf())
    result = invoke(produced_once, "ingest", str(locked))
    assert result.exit_code == 1
    assert result.output.endswith(
        "refused: encrypted PDF: it needs a password to open (give --password)\n"
    )


@pytest.mark.parametrize("prefix", ["", " "])
def test_hits_made_items_under_a_blank_prefix(produced_once: Path, prefix: str) -> None:
    """``--make-items ""`` listed the hits, made nothing and said nothing (exit 0)."""
    result = invoke(produced_once, "hits", "Tracking", "--make-items", prefix, "--what", "a code")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"error: not a prefix for the items' ids: {prefix!r} (PREFIX-1, PREFIX-2, ...)"
    )


def test_deadlines_served_by_what_is_no_way_of_service(produced_once: Path) -> None:
    """Read only with --directive: alone, 'pigeon' was taken and the deadlines listed."""
    line = one_error_line(invoke(produced_once, "deadlines", "--served-by", "pigeon"))
    assert line.startswith("error: served by 'pigeon'? one of electronic, mail")


# -- a count of processes past what any machine here runs ------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ("jobs", "ingest", "{pdf}", "--workers", "33"),
        ("jobs", "sign", "--workers", "0"),
        ("produce", "DOC-000001", "--volume", "V2", "--start", "AB-00000003", "--workers", "33"),
    ],
    ids=lambda c: " ".join(c[:2]),
)  # fmt: skip
def test_a_count_of_processes_past_the_most(
    produced_once: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """``produce --workers 100000`` started a hundred thousand processes (hung the machine, no
    answer); ``jobs ingest --workers`` forked as many; the server alone bounded its own."""
    pdf = make_pdf(tmp_path / "letter.pdf", "a letter")
    before = _documents(produced_once)
    line = one_error_line(invoke(produced_once, *(a.format(pdf=pdf) for a in command)))
    assert line == f"error: --workers must be between 1 and 32, not {command[-1]}"
    assert _documents(produced_once) == before


@pytest.mark.parametrize("typed", ["aeo", "Highly Confidential - Attorneys' Eyes Only"])
def test_a_tier_typed_otherwise_is_answered_by_the_name_it_is_kept_under(
    produced: Path, typed: str
) -> None:
    """The answer echoed what was typed ('DOC-000001: aeo') while the record kept 'AEO'."""
    assert succeeded(invoke(produced, "designate", "DOC-000001", typed)) == "DOC-000001: AEO\n"
