"""`clawback check-redactions PATH... [--show-text]`: no workspace, a line per fake box, a
summary per file, folders walked, unreadable files one line each, exit status by what it found."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clawback.cli import app
from tests.received.labelled import SECRET, labelled_set

runner = CliRunner()
SET = {item.name: item for item in labelled_set()}


def folder(tmp_path: Path, *names: str) -> Path:
    where = tmp_path / "production"
    (where / "sub").mkdir(parents=True)
    for n, name in enumerate(names):
        (where / ("sub" if n % 2 else ".") / f"{name}.pdf").write_bytes(SET[name].pdf)
    return where


def test_a_folder_with_fake_and_true_redactions(tmp_path: Path) -> None:
    where = folder(tmp_path, "fake-under", "real-applied", "fake-multi-line", "not-table-header")
    (where / "notes.txt").write_text("not a PDF")
    result = runner.invoke(app, ["check-redactions", str(where)])
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert SECRET not in out and "Jones" not in out  # never the text unless asked
    under = str(where / "fake-under.pdf")
    lines = [line for line in out.splitlines() if line.startswith(under)]
    assert lines[0].startswith(f"{under}: page 1: box at (70,129,276,144) over 37 characters [")
    assert lines[-1].startswith(f"{under}: 1 fake redaction(s) over 37 recoverable character(s)")
    multi = [line for line in out.splitlines() if "fake-multi-line.pdf: page 1" in line]
    assert len(multi) == 2
    assert f"{where / 'sub' / 'real-applied.pdf'}: no fake redaction on 1 page(s)" in out
    assert f"{where / 'sub' / 'not-table-header.pdf'}: no fake redaction" in out
    assert result.stderr.count("notes.txt") == 1  # one line, and the rest went on


def test_show_text_prints_what_the_box_leaves(tmp_path: Path) -> None:
    where = folder(tmp_path, "fake-black-on-black")
    result = runner.invoke(app, ["check-redactions", "--show-text", str(where)])
    assert result.exit_code == 1
    assert f"    text: {SECRET}" in result.stdout


def test_clean_files_exit_0_and_unreadable_ones_2(tmp_path: Path) -> None:
    where = folder(tmp_path, "real-applied", "not-caption-hairlines", "not-bullet")
    clean = runner.invoke(app, ["check-redactions", str(where)])
    assert clean.exit_code == 0, clean.output
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    result = runner.invoke(
        app, ["check-redactions", str(broken), str(tmp_path / "gone.pdf"), str(where)]
    )
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 2 and "Traceback" not in result.output
    assert "no fake redaction" in result.stdout


def test_without_xray_it_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAWBACK_XRAY_PYTHON", str(tmp_path / "no-python"))
    where = folder(tmp_path, "fake-under")
    result = runner.invoke(app, ["check-redactions", str(where)])
    assert result.exit_code == 1
    assert "[ours]" in result.stdout and "x-ray was not run: x-ray environment not found" in (
        result.stdout
    )


def test_no_workspace_is_needed_or_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAWBACK_WORKSPACE", raising=False)
    (tmp_path / "one.pdf").write_bytes(SET["real-applied"].pdf)
    assert runner.invoke(app, ["check-redactions", "one.pdf"]).exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.pdf"]
