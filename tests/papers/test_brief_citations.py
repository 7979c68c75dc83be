"""`propose-redactions` reads Bates numbers in a workspace that has produced nothing: every
prefix the brief writes, not only those the record knows; another case's "Trial Ex. 46" is not
this case's Ex. 46; a footnote marker glued to a number and a typo'd number are said."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from clawback.cli import app
from clawback.service import Workspace
from tests.service.test_briefs import PARAGRAPH, brief_pdf
from tests.service.test_briefs import ws as ws  # the reference workspace: Ex. 18 produced AEO

BRIEF = (
    "The index lists NG7_0001234 through NG7_0001240 and ABC 0001-15, cited again at "
    "ABC000123.4 and mistyped as ABC00O123. Dkt. No. 463 at 7; ECF No. 26-2 at 3. See Smith v. "
    "Jones, 123 F.3d 456, 460 (9th Cir. 2000) (sealing Trial Ex. 18)."
)


def test_an_empty_workspace_reads_the_brief_s_own_prefixes(tmp_path: Path) -> None:
    record = Workspace.init(tmp_path / "ws").operator()
    try:
        found = record.briefs.citations(brief_pdf(BRIEF))
    finally:
        record.close()
    assert [(c.raw, c.warnings) for c in found] == [
        ("NG7_0001234 through NG7_0001240 and ABC 0001-15", ()),
        (
            "ABC000123",
            ("'ABC000123.4': a footnote marker glued to 'ABC 000123'? read as 'ABC 000123'",),
        ),
        ("ABC00O123", ("'ABC00O123' has a letter among its digits: 'ABC 000123' meant?",)),
    ]


def test_another_case_s_trial_exhibit_cites_nothing_of_this_case(ws: Workspace) -> None:
    found = ws.briefs.citations(brief_pdf(PARAGRAPH, BRIEF))
    assert ("Ex. 18 at 2", ("Ex. 18 (AEO)",)) in [(c.raw, c.cites) for c in found]
    assert not [c for c in found if "Trial" in c.raw or (c.page == 1 and c.cites)]


def test_the_command_prints_the_warnings(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["init", str(tmp_path / "ws")]).exit_code == 0
    brief = tmp_path / "brief.pdf"
    brief.write_bytes(brief_pdf(BRIEF))
    result = runner.invoke(app, ["propose-redactions", str(brief), "-w", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    assert "page 1: cites NG7_0001234 through NG7_0001240 and ABC 0001-15 -> ()" in result.output
    assert "page 1: warning: 'ABC00O123' has a letter among its digits" in result.output
