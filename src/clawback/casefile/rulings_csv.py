"""Rulings from a CSV file, one a row, as a paralegal keeps them beside the order: read whole,
every row checked, at the edge. Columns (a header row names them): ``claim``, ``result`` (an
outcome of ``domain.outcomes``), and optionally ``on`` (YYYY-MM-DD), ``reason`` (the court's
words), ``items`` (separated by ``;``), ``amend`` (yes or no: the row amends the ruling in
force). Each row is named in a problem by its line in the file."""

from __future__ import annotations

import csv
import io

from clawback.domain.claims import Result, Ruling
from clawback.domain.days import parse_day
from clawback.domain.errors import InvalidInput, RowsRefused
from clawback.said import quoted

COLUMNS = ("claim", "result", "on", "reason", "items", "amend")
REQUIRED = ("claim", "result")
YES, NO = frozenset({"yes", "y", "true", "1"}), frozenset({"no", "n", "false", "0", ""})


def read_rulings(text: str, source: str) -> list[tuple[str, Ruling, bool]]:
    """Each row as (where it is, the ruling, whether it amends); every bad row named at once."""
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _read(reader, source)
    except csv.Error as exc:  # a cell past the reader's limit (128 KiB), a NUL: one line
        line = reader.line_num + 1  # the row it failed on is not counted yet
        raise InvalidInput(f"{source}:{line}: not a CSV row ({exc})") from None


def _read(reader: csv.DictReader[str], source: str) -> list[tuple[str, Ruling, bool]]:
    header = [h.strip() for h in reader.fieldnames or ()]
    unknown = [h for h in header if h not in COLUMNS]
    missing = [h for h in REQUIRED if h not in header]
    if unknown or missing:
        problem = f"unknown column {quoted(unknown[0])}" if unknown else f"no column {missing[0]!r}"
        raise InvalidInput(f"{source}:1: {problem} (columns: {', '.join(COLUMNS)})")
    twice = [h for n, h in enumerate(header) if h in header[:n]]
    if twice:  # the reader would keep the last of the two in silence
        raise InvalidInput(f"{source}:1: column {quoted(twice[0])} given twice")
    found, problems = [], []
    for row in reader:
        where = f"{source}:{reader.line_num}"
        cells = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        try:
            found.append((where, *_ruling(cells)))
        except InvalidInput as exc:
            problems.append(f"{where}: {exc}")
    if problems:
        raise RowsRefused(problems, len(found) + len(problems))
    if not found:
        raise InvalidInput(f"{source}: no rulings in it")
    return found


def _ruling(cells: dict[str, str]) -> tuple[Ruling, bool]:
    claim = cells.get("claim", "")
    if not claim:
        raise InvalidInput("claim: empty")
    try:
        result = Result(cells.get("result", ""))
    except ValueError:
        known = ", ".join(r.value for r in Result)
        said = quoted(cells.get("result", ""))
        raise InvalidInput(f"result: {said} is not one of {known}") from None
    on = cells.get("on", "")
    day = parse_day(on, "on") if on else None
    amend = cells.get("amend", "").lower()
    if amend not in YES | NO:
        raise InvalidInput(f"amend: yes or no, not {quoted(amend)}")
    items = tuple(i.strip() for i in cells.get("items", "").split(";") if i.strip())
    return Ruling(claim, result, items, cells.get("reason", ""), day), amend in YES
