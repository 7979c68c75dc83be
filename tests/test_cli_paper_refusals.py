"""Every refusal of ``file-paper`` is one line naming the file and the problem, and enters
nothing.

Before: only a missing file was named; a bad kind, a bad docket entry, a file that is no PDF,
an empty or damaged one, a tier the order lacks, a bad day (and a preview's refusal to act)
each said its problem without saying which file: a script filing forty papers could not tell
which one failed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ingest.make import LOOP
from tests.test_cli import make_pdf
from tests.test_cli_errors import cli, invoke, one_error_line

ENTERED = "ECF No. 77"
COUNSEL = "rc@other.test"


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the reference case and ``opposition.pdf`` as ECF No. 77."""
    base = tmp_path_factory.mktemp("papers")
    ws = base / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    cli(
        ws, "people", "add", COUNSEL, "--name", "RC", "--side", "receiving", "--category", "counsel"
    )
    paper = make_pdf(base / "opposition.pdf", "OPPOSITION", "The facts are these.")
    cli(ws, "file-paper", str(paper), "--docket", ENTERED, "--kind", "brief")
    return ws


def _bad(ws: Path, folder: Path, case: str) -> Path:
    """The file each case sends: a copy of the paper already entered, or a bad file."""
    files = {"not-a-pdf": b"hello, not a PDF at all", "empty": b"", "loop": LOOP}
    path = folder / f"{case}.pdf"
    path.write_bytes(files[case] if case in files else (ws.parent / "opposition.pdf").read_bytes())
    return path


@pytest.mark.parametrize(
    ("case", "options", "problem"),
    [
        ("kind", ["--docket", "ECF No. 90", "--kind", "memo"], "not a kind of filed paper"),
        ("docket", ["--docket", "ECF No. x-7", "--kind", "brief"], "docket"),
        (
            "preview",
            ["--docket", "ECF No. 91", "--kind", "brief"],
            "only reads",
        ),
        ("not-a-pdf", ["--docket", "ECF No. 92", "--kind", "brief"], ""),
        ("empty", ["--docket", "ECF No. 93", "--kind", "brief"], "empty"),
        ("loop", ["--docket", "ECF No. 94", "--kind", "brief"], "cycle in page tree"),
        (
            "tier",
            ["--docket", "ECF No. 95", "--kind", "brief", "--designation", "Top Secret"],
            "Top Secret",
        ),
        ("day", ["--docket", "ECF No. 96", "--kind", "brief", "--filed-on", "2020-13-01"], ""),
    ],
)
def test_each_refusal_names_the_file(
    ws: Path, tmp_path: Path, case: str, options: list[str], problem: str
) -> None:
    file = _bad(ws, tmp_path, case)
    before = _documents(ws)
    env = {"CLAWBACK_AS": COUNSEL} if case == "preview" else None
    line = one_error_line(invoke(ws, "file-paper", str(file), *options, env=env))
    assert line.startswith(f"error: {file}: "), line
    assert problem in line and len(line) > len(f"error: {file}: ") + 3, line
    assert _documents(ws) == before


def test_a_missing_file_is_named(ws: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.pdf"
    line = one_error_line(
        invoke(ws, "file-paper", str(missing), "--docket", "1", "--kind", "brief")
    )
    assert line == f"error: {missing}: no such file", line


def _documents(ws: Path) -> int:
    with sqlite3.connect(ws / "clawback.db") as db:
        return int(db.execute("SELECT count(*) FROM document").fetchone()[0])
