"""Text in a cell of a CSV file a person opens in a spreadsheet program, shown and never run.

A spreadsheet takes a cell opening with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
for a formula (or a DDE call): one of those, written by whoever named a record (a claim's id,
a document's title, a log's description), would run on the reader's machine. ``as_text``
quotes such a cell with a leading apostrophe (OWASP's advice for CSV injection), and a cell
already opening with an apostrophe too, so that ``from_text`` gives back exactly what was
written: a file checked byte for byte against what it records (the audit trail's export)
reads back the same.
"""

from __future__ import annotations

#: How a spreadsheet program tells a formula from text: a cell opening with one of these.
FORMULA_OPENINGS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def as_text(value: object) -> object:
    """A CSV cell a spreadsheet reads as text: text opening like a formula, or with the
    quote itself, is quoted; anything else (numbers too) is kept as it is."""
    if isinstance(value, str) and value.startswith((*FORMULA_OPENINGS, QUOTE)):
        return QUOTE + value
    return value


def from_text(cell: str) -> str:
    """What ``as_text`` was given, from the cell it wrote."""
    return cell.removeprefix(QUOTE)
