"""What the record hands out: the privilege log as CSV and XLSX, and the case summary."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from clawback.domain.privilege_log import COLUMNS, Row


def write_privilege_log(rows: Sequence[Row], csv_path: Path, xlsx_path: Path) -> None:
    with csv_path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(r.values() for r in rows)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Privilege Log"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append(list(r.values()))
    sheet.freeze_panes = "A2"
    book.properties.creator = "clawback"
    book.save(xlsx_path)


def write_summary(summary: dict[str, Any], json_path: Path, md_path: Path) -> None:
    json_path.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    md_path.write_text(summary_markdown(summary), encoding="utf-8")


def summary_markdown(summary: dict[str, Any]) -> str:
    case = summary["case"]
    lines = [
        f"# {case['caption']}",
        "",
        f"{case['court']}, No. {case['number']}. Order of {summary['order_date']}.",
        "",
        "| Ex. | Bates | Designation | Claw-back | Redacted | Sealed |",
        "|---:|---|---|---|---|---|",
    ]
    for e in summary["exhibits"]:
        redacted = ", ".join(e["redacted"]) or "-"
        sealed = "yes" if e["sealed"] else "no (public)"
        clawback = (e["clawback"] or "-").replace("_", " ")
        lines.append(
            f"| {e['exhibit']} | {e['bates']} | {e['designation']} | {clawback} | {redacted} "
            f"| {sealed} |"
        )
    lines += ["", "## Rulings", ""]
    lines += [f"- `{r['claim']}`: {r['result'].replace('_', ' ')}" for r in summary["rulings"]]
    lines += ["", "## Deadlines", ""]
    lines += [f"- **{d['due']}**: {d['act']}" for d in summary["deadlines"]]
    return "\n".join(lines) + "\n"
