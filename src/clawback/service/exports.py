"""What the record hands out: the privilege log as CSV and XLSX, and the case summary."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from clawback.domain.cells import as_text
from clawback.domain.deadlines import Deadline
from clawback.domain.privilege_log import (
    CATEGORY_COLUMNS,
    COLUMNS,
    CategoryRow,
    Change,
    Row,
)


def privilege_log_csv(rows: Sequence[Row]) -> bytes:
    """The log as served: CSV, UTF-8, a header row of the log's columns."""
    return _csv(COLUMNS, [r.values() for r in rows])


def privilege_log_xlsx(rows: Sequence[Row]) -> bytes:
    return _xlsx(COLUMNS, [r.values() for r in rows], "Privilege Log")


def categorical_log_csv(rows: Sequence[CategoryRow]) -> bytes:
    """The categorical log: CSV, UTF-8, a header row of its columns."""
    return _csv(CATEGORY_COLUMNS, [r.values() for r in rows])


def rows_csv(records: Sequence[Mapping[str, str]]) -> bytes:
    """A served version's rows (column -> text, as kept) as the log's CSV file."""
    return _csv(COLUMNS, [[r.get(c, "") for c in COLUMNS] for r in records])


def _csv(columns: Sequence[str], values: Sequence[Sequence[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows([as_text(v) for v in row] for row in values)
    return buffer.getvalue().encode("utf-8")


def categorical_log_xlsx(rows: Sequence[CategoryRow]) -> bytes:
    return _xlsx(CATEGORY_COLUMNS, [r.values() for r in rows], "Categorical Privilege Log")


def _xlsx(columns: Sequence[str], rows: Sequence[Sequence[str | int]], title: str) -> bytes:
    from openpyxl import Workbook  # with PIL and numpy: loaded only to write a spreadsheet
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for r in rows:
        sheet.append(list(r))
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # openpyxl takes a string opening with "=" for a formula
                cell.data_type = "s"  # kept as the text it is, shown as written, never run
    sheet.freeze_panes = "A2"
    book.properties.creator = "clawback"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def summary_json(summary: dict[str, Any]) -> bytes:
    return (json.dumps(summary, indent=2) + "\n").encode("utf-8")


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
    if summary.get("claims"):
        lines += ["", "## Claims", ""]
        for c in summary["claims"]:
            flag = f" ({c['late']})" if c.get("late") else ""
            lines.append(f"- `{c['claim']}`: {c['state'].replace('_', ' ')}{flag}")
            for d in c.get("duties", ()):
                lifted = f"lifted: {d['lifted']}" if d.get("lifted") else "open"
                done = f"done {d['done_on']}" if d["done_on"] else lifted
                lines.append(f"  - due {d['due']} ({done}): {d['act']}")
    lines += ["", "## Deadlines", ""]
    lines += [f"- **{d['due']}**: {d['act']}" for d in summary["deadlines"]]
    return "\n".join(lines) + "\n"


def calendar(deadlines: Sequence[Deadline], case_number: str) -> str:
    """The deadlines as an iCalendar file (RFC 5545): one all-day event per act."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//clawback//deadlines//EN",
        "CALSCALE:GREGORIAN",
    ]
    case = hashlib.sha256(case_number.encode()).hexdigest()[:16]
    for d in deadlines:
        # A recorded act keeps its UID when its day moves or it is done: a calendar that
        # subscribed updates the event instead of adding another.
        uid = (
            f"deadline-{d.ref}-{case}"
            if d.ref is not None
            else hashlib.sha256(f"{case_number}|{d.act}|{d.due}".encode()).hexdigest()[:32]
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@clawback",
            f"DTSTAMP:{d.trigger:%Y%m%d}T000000Z",
            f"DTSTART;VALUE=DATE:{d.due:%Y%m%d}",
            f"DTEND;VALUE=DATE:{d.due + timedelta(days=1):%Y%m%d}",
            _fold(f"SUMMARY:{_escape_ics(d.says)}"),
            _fold(f"DESCRIPTION:{_escape_ics(f'No. {case_number}. {d.source}')}"),
            # done, or lifted (its claim withdrawn): off the calendar, never overdue
            f"STATUS:{'CANCELLED' if d.done_on or d.lifted is not None else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def _escape_ics(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): a line break of any kind written as ``\\n``, other
    control characters (which TEXT may not hold) dropped, so no word ends a line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if c in "\t\n" or (ord(c) >= 32 and ord(c) != 127))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode()) > 75:
            out.append(current)
            current = " "
        current += ch
    out.append(current)
    return "\r\n".join(out)


def describe_changes(changes: Sequence[Change]) -> str:
    """The difference between two served logs, one line per entry that changed."""
    lines = []
    for c in changes:
        claim, bates = c.key
        if c.kind != "changed":
            lines.append(f"{claim} {bates}: {c.kind}")
            continue
        fields = "; ".join(f"{column}: {old} -> {new}" for column, old, new in c.fields)
        lines.append(f"{claim} {bates}: {fields}")
    return "\n".join(lines) + "\n" if lines else "no change\n"
