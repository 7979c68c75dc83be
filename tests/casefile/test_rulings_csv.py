"""Rulings from a CSV: every row checked against the record and the rows before it, then all
entered, or none, with every bad row named by its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clawback.casefile.rulings_csv import read_rulings
from clawback.domain.errors import InvalidInput
from clawback.service import Workspace
from tests.casefile.test_case_files import CASE, case_folder, cli, init

UNRULED = re.sub(r"rulings:\n(  - .*\n)+", "", CASE)


def rulings(ws: Path) -> dict[str, list[tuple[str, str | None]]]:
    workspace = Workspace.open(ws)
    try:
        return {
            c["claim"]: [(r["result"], r["on"]) for r in c["rulings"]]
            for c in workspace.operator().claims.status()
        }
    finally:
        workspace.close()


def test_a_csv_of_rulings_is_entered_whole_or_not_at_all(tmp_path: Path) -> None:
    assert "rulings:" not in UNRULED
    case = case_folder(tmp_path / "given", UNRULED)
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "claim,result,on,reason,amend\n"
        "c1,granted,2020-12-10,,\n"  # good on its own
        "c9,denied,2020-12-10,,\n"  # no such claim
        "c2,allowed,2020-12-10,,\n"  # no such result
        "c1,denied,2020-12-11,,no\n"  # c1 is ruled on by line 2: an amendment is needed
        'c2,moot,2020-12-32,"MOOT, as stipulated.",\n',  # no such day
        encoding="utf-8",
    )
    out = cli(ws, "rule", "--from", str(bad), ok=False)
    assert out.splitlines() == [
        f"error: {bad}:4: result: 'allowed' is not one of granted, denied, granted_in_part, "
        "conditionally_granted, granted_subject_to_supplement, denied_without_prejudice, "
        "waived, moot, withdrawn",
        f"error: {bad}:6: on: not a date (YYYY-MM-DD): '2020-12-32'",
        "error: none of the 5 rows entered",
    ]
    bad.write_text(
        "claim,result,on,reason,amend\n"
        "c1,granted,2020-12-10,,\n"
        "c9,denied,2020-12-10,,\n"
        "c1,denied,2020-12-11,,no\n",
        encoding="utf-8",
    )
    out = cli(ws, "rule", "--from", str(bad), ok=False)
    assert out.splitlines() == [
        f"error: {bad}:3: no claim 'c9'",
        f"error: {bad}:4: claim 'c1' is already ruled on (an amended ruling: --amend)",
        "error: none of the 3 rows entered",
    ]
    assert rulings(ws) == {"c1": [], "c2": []}

    good = tmp_path / "good.csv"
    good.write_text(
        "claim,result,on,reason,items,amend\n"
        "c1,granted_in_part,2020-12-10,,advice,\n"
        'c2,moot,2020-12-10,"MOOT, as stipulated.",,\n'
        "c2,waived,2021-01-05,Not prompt.,,yes\n",
        encoding="utf-8",
    )
    assert cli(ws, "rule", "--from", str(good)).splitlines() == [
        "claim c1: granted_in_part",
        "claim c2: moot",
        "claim c2: waived (amended)",
    ]
    assert rulings(ws) == {
        "c1": [("granted_in_part", "2020-12-10")],
        "c2": [("moot", "2020-12-10"), ("waived", "2021-01-05")],
    }


def test_an_unknown_column_is_named(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "given", UNRULED)
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case))
    csv = tmp_path / "r.csv"
    csv.write_text("claim,result,ruled_on\nc1,granted,2020-12-10\n", encoding="utf-8")
    out = cli(ws, "rule", "--from", str(csv), ok=False)
    assert out.strip() == (
        f"error: {csv}:1: unknown column 'ruled_on' (columns: claim, result, on, reason, items, "
        "amend)"
    )


def test_a_column_given_twice_is_named() -> None:
    """Two 'on' columns with different days: the reader kept the last in silence."""
    text = "claim,result,on, on\nc1,granted,2020-12-10,2020-12-11\n"
    with pytest.raises(InvalidInput) as refused:
        read_rulings(text, "r.csv")
    assert str(refused.value) == "r.csv:1: column 'on' given twice"


def test_a_rulings_csv_of_long_cells_is_one_line_quoting_them_cut_short(tmp_path: Path) -> None:
    """A cell past Python's CSV limit (128 KiB) ended `rule --from` in a traceback
    (_csv.Error); a long unknown column or result was quoted whole in the refusal."""
    huge = tmp_path / "huge.csv"
    huge.write_text("claim,result\nc1," + "x" * 200_000 + "\n")
    with pytest.raises(InvalidInput) as caught:
        read_rulings(huge.read_text(), "huge.csv")
    assert str(caught.value) == (
        "huge.csv:2: not a CSV row (field larger than field limit (131072))"
    )
    column = "claim,result," + "y" * 100_000 + "\nc1,granted,\n"
    with pytest.raises(InvalidInput) as caught:
        read_rulings(column, "wide.csv")
    assert len(str(caught.value)) < 200 and "unknown column 'yyy" in str(caught.value)
