"""A spreadsheet made ready to render whole, as productions expect: nothing hidden, nothing cut.

LibreOffice prints a workbook the way its author last left it: hidden sheets, rows and columns
are not printed, cell comments are not printed, a print area leaves out what lies outside it,
and text running past its cell into a filled neighbour is cut where the neighbour begins
("Widgets Q3 invoice" prints as "Widgets Q3"). A production shows everything, so `expose`
rewrites an ``.xlsx`` (openpyxl, no macro runs) before it is rendered:

* every hidden sheet (hidden or "very hidden") is shown, every hidden row and column unhidden,
  every print area dropped;
* every column is widened to its longest text (up to `WIDEST` characters); a text longer than
  that wraps inside its cell instead of running into the next;
* the cell comments are listed on a sheet of their own added at the end (`NOTES_SHEET`:
  sheet, cell, author, comment);
* a formula shows the value its author's program last computed for it (as the author saw it);
  one never computed is left for LibreOffice to compute.

It returns the rewritten file and one warning per thing that was hidden ("hidden sheet
'Payroll' shown", "hidden rows 4-6 of sheet 'Q3' shown", "2 cell comments ... shown on the
added sheet"), for the document's meta. A file openpyxl cannot read is returned as it came,
with a warning that hidden parts may be left out. Shapes and text boxes drawn over the grid
are not carried by openpyxl: `expose` leaves a workbook holding them as it came, warned.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from clawback.said import in_words

__all__ = ["NOTES_SHEET", "SPREADSHEETS", "WIDEST", "expose"]

#: What `expose` rewrites (an .xls or .ods is first saved as .xlsx by LibreOffice).
SPREADSHEETS = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
#: The widest a column is made, in characters; longer text wraps.
WIDEST = 60
#: The sheet the cell comments are listed on.
NOTES_SHEET = "Cell comments"
#: Parts of a package openpyxl would drop (drawn shapes and text boxes, not pictures/charts).
_SHAPES = b"<xdr:sp>"


def expose(data: bytes) -> tuple[bytes, list[str]]:
    """The ``.xlsx`` `data` with nothing hidden or cut, and what was hidden; see the module
    doc. Never raises for the file's sake: what it cannot rewrite it returns unchanged, said."""
    from openpyxl import load_workbook

    if _has_shapes(data):
        return data, ["the spreadsheet holds drawn shapes: rendered as its author left it, "
                      "so hidden sheets, rows, columns and comments may be left out"]  # fmt: skip
    try:
        book = load_workbook(io.BytesIO(data), rich_text=False)
        shown = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises anything on a file it cannot read
        why = in_words(exc)
        return data, [f"the spreadsheet could not be checked for hidden parts ({why}): "
                      "rendered as its author left it, so some may be left out"]  # fmt: skip
    said: list[str] = []
    notes: list[tuple[str, str, str, str]] = []
    for sheet in book.worksheets:
        said += _unhide(sheet)
        _show_values(sheet, shown[sheet.title])
        notes += [(sheet.title, c.coordinate, c.comment.author or "", c.comment.text)
                  for row in sheet.iter_rows() for c in row if c.comment is not None]  # fmt: skip
        _fit(sheet)
    if notes:
        _list_notes(book, notes)
        count = f"{len(notes)} cell comment{'s' if len(notes) != 1 else ''}"
        said.append(f"{count} ({_cells(notes)}) shown on the added sheet '{NOTES_SHEET}'")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), said


def _has_shapes(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            drawings = [n for n in package.namelist() if n.startswith("xl/drawings/drawing")]
            return any(_SHAPES in package.read(n) for n in drawings[:50])
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def _unhide(sheet: Any) -> list[str]:
    """Show a sheet and its hidden rows and columns, drop its print area; what was hidden."""
    said = []
    name = sheet.title
    if sheet.sheet_state != "visible":
        said.append(f"{sheet.sheet_state.replace('veryHidden', 'very hidden')} sheet {name!r} "
                     "shown")  # fmt: skip
        sheet.sheet_state = "visible"
    rows = [n for n, d in sheet.row_dimensions.items() if d.hidden]
    for n in rows:
        sheet.row_dimensions[n].hidden = False
    if rows:
        said.append(f"hidden row{'s' if len(rows) > 1 else ''} {_runs(rows)} of sheet {name!r} "
                    "shown")  # fmt: skip
    columns = []
    for letter, d in list(sheet.column_dimensions.items()):
        if d.hidden:
            first, last = d.min or 0, d.max or 0
            columns += [*range(first, last + 1)] if first and last else [letter]
            d.hidden = False
    if columns:
        from openpyxl.utils import get_column_letter

        names = [c if isinstance(c, str) else get_column_letter(c) for c in columns]
        said.append(f"hidden column{'s' if len(names) > 1 else ''} {', '.join(names[:20])}"
                    f"{' ...' if len(names) > 20 else ''} of sheet {name!r} shown")  # fmt: skip
    if sheet.print_area:
        said.append(f"print area of sheet {name!r} dropped: every cell rendered")
        sheet.print_area = None
    return said


def _show_values(sheet: Any, shown: Any) -> None:
    """Each formula replaced by the value its author's program last computed, if any."""
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                value = shown[cell.coordinate].value
                if value is not None:
                    cell.value = value


def _fit(sheet: Any) -> None:
    """Columns as wide as their longest text (to `WIDEST`); longer text wraps in its cell."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    widest: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            longest = max(len(line) for line in str(cell.value).splitlines() or [""])
            widest[cell.column] = max(widest.get(cell.column, 0), longest)
            if longest > WIDEST:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, chars in widest.items():
        d = sheet.column_dimensions[get_column_letter(column)]
        d.width = max(d.width or 0, min(chars, WIDEST) + 2)


def _list_notes(book: Any, notes: list[tuple[str, str, str, str]]) -> None:
    from openpyxl.styles import Alignment

    sheet = book.create_sheet(NOTES_SHEET[:31])
    sheet.append(["Sheet", "Cell", "Author", "Comment"])
    for note in notes:
        sheet.append(list(note))
    for row in sheet.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCD", (16, 6, 14, 50), strict=True):
        sheet.column_dimensions[letter].width = width


def _cells(notes: list[tuple[str, str, str, str]]) -> str:
    named = [f"{sheet}!{cell}" for sheet, cell, _, _ in notes[:10]]
    return ", ".join(named) + (" ..." if len(notes) > 10 else "")


def _runs(numbers: Iterable[int]) -> str:
    """``1-3, 7`` for 1, 2, 3, 7 (the first twenty runs)."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    shown = [f"{a}-{b}" if a != b else f"{a}" for a, b in runs[:20]]
    return ", ".join(shown) + (" ..." if len(runs) > 20 else "")
