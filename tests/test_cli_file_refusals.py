"""Each command that reads one file the user names refuses it in one line that names it
(the class ``file-paper`` was the first member of: tests/test_cli_paper_refusals.py).

Before: ``read-order``, ``read-index``, ``check-declaration``, ``propose-redactions`` and
``file-brief`` given a file that is no PDF, or an empty one, said the problem alone (``trace``
named it already)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_cli_errors import invoke, one_error_line, produced, produced_once

__all__ = ["produced", "produced_once"]  # the fixtures, used by name

COMMANDS = [
    ("read-order", "{file}"),
    ("read-index", "{file}"),
    ("check-declaration", "{file}"),
    ("propose-redactions", "{file}"),
    ("file-brief", "{file}", "--out", "{out}"),
    ("trace", "{file}"),
    ("file-paper", "{file}", "--docket", "ECF No. 77", "--kind", "brief"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize(
    ("content", "problem"), [(b"hello, not a PDF", "not a PDF"), (b"", "empty")]
)
def test_a_bad_file_is_named_in_its_one_line(
    produced: Path, tmp_path: Path, args: tuple[str, ...], content: bytes, problem: str
) -> None:
    file = tmp_path / "given.pdf"
    file.write_bytes(content)
    argv = [a.format(file=file, out=tmp_path / "out") for a in args]
    ws = None if args[0] == "check-declaration" else produced
    line = one_error_line(invoke(ws, *argv))
    assert "given.pdf: " in line, line
    assert problem in line or args[0] == "trace", line  # trace says it in its own words
    assert not (tmp_path / "out").exists()
