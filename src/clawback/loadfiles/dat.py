"""Concordance DAT load files: a tolerant reader and a standard writer.

A DAT file is a delimited text table, one row per document. The Concordance convention is a
header row of field names, fields separated by ASCII 20 (DC4, ``\\x14``), every value wrapped in
ASCII 254 (``þ``), newlines inside a value written as ASCII 174 (``®``) and multiple values in one
field separated by ``;``. Real productions bend every part of that: pipes or commas instead of
DC4, ``^`` or ``"`` as the qualifier, the qualifier on *some* fields only, no header row, UTF-8
with or without a byte order mark or Windows-1252, CRLF or LF, no newline after the last row.

:func:`read_dat` detects all of these (each can also be forced) and never raises on bad input:
what it could not read is listed in :attr:`DatFile.problems`, with line numbers, and the rest of
the file is still read. :func:`write_dat` writes the standard form so round trips can be tested.

Everything here is plain data: no database, no file system. Bytes become text in
:mod:`clawback.loadfiles.text`; the paths a load file names are mapped onto a volume folder by
:mod:`clawback.loadfiles.paths`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from clawback.domain.counts import counted
from clawback.loadfiles.text import UTF8_BOM, decode, split_lines
from clawback.said import quoted

DC4 = "\x14"
THORN = "\u00fe"
REGISTERED = "\u00ae"

DELIMITERS = (DC4, "|", "\t", ",")
QUOTES = (THORN, "^", '"')
SAMPLE_LINES = 200
MAX_PROBLEMS = 1000

# Field names seen in real productions, compared after dropping everything but letters/digits.
KNOWN_FIELDS = frozenset(
    {
        "begbates",
        "endbates",
        "begattach",
        "endattach",
        "begdoc",
        "enddoc",
        "begno",
        "endno",
        "prodbeg",
        "prodend",
        "batesbegin",
        "batesend",
        "beginbates",
        "endingbates",
        "controlnumber",
        "docid",
        "documentid",
        "custodian",
        "custodians",
        "allcustodians",
        "datesent",
        "timesent",
        "datereceived",
        "datecreated",
        "datelastmodified",
        "datemodified",
        "from",
        "to",
        "cc",
        "bcc",
        "emailfrom",
        "emailto",
        "emailcc",
        "emailbcc",
        "emailsubject",
        "subject",
        "title",
        "author",
        "filename",
        "fileextension",
        "documentextension",
        "filesize",
        "filepath",
        "folderpath",
        "md5hash",
        "sha1hash",
        "hash",
        "textpath",
        "extractedtext",
        "nativepath",
        "nativefile",
        "nativelink",
        "confidentiality",
        "designation",
        "redacted",
        "privilege",
        "pagecount",
        "pages",
        "groupidentifier",
        "parentdocumentid",
        "numberofattachments",
        "familyid",
        "name",
        "artifactid",
        "domain",
        "volume",
        "imagepath",
        "doctype",
        "documenttype",
    }
)
CONTROL_FIELDS = (
    "controlnumber", "begbates", "begdoc", "docid", "documentid", "begno", "prodbeg",
    "batesbegin", "beginbates",
)  # fmt: skip
_NAME_LIKE = re.compile(r"[^\W\d][\w ()#./&:'-]*")
_DIGIT_RUN = re.compile(r"\d{3}")


@dataclass
class DatFile:
    """What :func:`read_dat` recovered from one DAT file.

    ``records`` holds one dict per row (keyed by header name) when there is a header row, else
    one list per row. ``rows`` always holds the plain lists and ``lines`` the physical line
    number (1-based) each row starts on. Rows whose field count differs from the header (or,
    without a header, from the most common count) are not in ``records``; they are kept in
    ``bad_rows`` as ``(line, fields)`` and described in ``problems``.
    """

    encoding: str
    bom: bool
    delimiter: str | None
    quote: str | None
    header: list[str] | None
    records: list[dict[str, str]] | list[list[str]]
    problems: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    bad_rows: list[tuple[int, list[str]]] = field(default_factory=list)
    line_ending: str | None = None  # "CRLF", "LF", "CR", "mixed" or None (a single line)
    final_newline: bool = False

    @property
    def columns(self) -> int:
        """Number of fields per row: the header's, else the most common row length."""
        if self.header is not None:
            return len(self.header)
        return len(self.rows[0]) if self.rows else 0

    def control_column(self) -> int:
        """Index of the control-number column: a known name (BEGBATES, DocID...) or the first."""
        if self.header:
            keys = [_norm(name) for name in self.header]
            for wanted in CONTROL_FIELDS:
                if wanted in keys:
                    return keys.index(wanted)
        return 0

    def column(self, name_or_index: str | int) -> list[str]:
        """Every row's value in one column, by header name (case-insensitive) or index."""
        index = self._index(name_or_index)
        return [row[index] for row in self.rows]

    def control_numbers(self) -> list[str]:
        """The control number (or begin Bates) of every row, in file order."""
        if not self.rows:
            return []
        return self.column(self.control_column())

    def _index(self, name_or_index: str | int) -> int:
        if isinstance(name_or_index, int):
            return name_or_index
        if self.header is None:
            raise KeyError(f"no header row; use a column index, not {name_or_index!r}")
        keys = [name.strip().casefold() for name in self.header]
        try:
            return keys.index(name_or_index.strip().casefold())
        except ValueError:
            raise KeyError(name_or_index) from None


def split_multi(value: str, separator: str = ";") -> list[str]:
    """Split a multi-value field (``a; b;c``) into stripped, non-empty values."""
    return [part.strip() for part in value.split(separator) if part.strip()]


# --------------------------------------------------------------------------------------------
# Splitting rows


@dataclass
class _Row:
    line: int  # 1-based physical line the row starts on
    fields: list[str]
    quoted: int  # how many fields were wrapped in the qualifier
    next_index: int  # index of the first physical line after this row
    unterminated: bool = False


def _parse_row(lines: Sequence[str], i: int, delim: str, quote: str | None, cont: bool) -> _Row:
    """One row starting at ``lines[i]``.

    A field that *starts* with the qualifier runs to the next qualifier; a doubled qualifier
    inside it is a literal one; text after the closing qualifier up to the delimiter is kept.
    With ``cont``, a qualified field may run on over physical line breaks (kept as ``\\n``).
    Without it, or at the end of the file, an unclosed qualifier ends at the line end.
    """
    line = lines[i]
    start = i
    if quote is None or quote not in line:
        return _Row(start + 1, line.split(delim), 0, i + 1)
    fields: list[str] = []
    quoted = 0
    unterminated = False
    p = 0
    while True:
        if line.startswith(quote, p):
            quoted += 1
            p += 1
            buf: list[str] = []
            while True:
                j = line.find(quote, p)
                if j == -1:
                    buf.append(line[p:])
                    if cont and i + 1 < len(lines):
                        buf.append("\n")
                        i += 1
                        line = lines[i]
                        p = 0
                        continue
                    unterminated = True
                    p = len(line)
                    break
                buf.append(line[p:j])
                if line.startswith(quote, j + 1):
                    buf.append(quote)
                    p = j + 2
                    continue
                p = j + 1
                break
            k = line.find(delim, p)
            buf.append(line[p:] if k == -1 else line[p:k])
            fields.append("".join(buf))
        else:
            k = line.find(delim, p)
            fields.append(line[p:] if k == -1 else line[p:k])
        if k == -1:
            return _Row(start + 1, fields, quoted, i + 1, unterminated)
        p = k + 1


def _iter_rows(
    lines: Sequence[str],
    delim: str,
    quote: str | None,
    expected: int | None,
    limit: int,
    cont: bool = True,
) -> list[_Row]:
    """Rows from the physical lines (blank lines skipped), at most ``limit`` of them.

    A qualified field running over a line break is accepted only when the joined row has the
    expected field count (if known); otherwise the row is re-read as a single line.
    """
    rows: list[_Row] = []
    i = 0
    while i < len(lines) and len(rows) < limit:
        if not lines[i].strip():
            i += 1
            continue
        row = _parse_row(lines, i, delim, quote, cont=cont)
        spans = row.next_index - i > 1
        if spans and (row.unterminated or (expected is not None and len(row.fields) != expected)):
            row = _parse_row(lines, i, delim, quote, cont=False)
            row.unterminated = True
        rows.append(row)
        i = row.next_index
    return rows


# --------------------------------------------------------------------------------------------
# Detection


def _detect_delimiter(lines: Sequence[str]) -> str | None:
    sample = [line for line in lines[:SAMPLE_LINES] if line.strip()]
    if not sample:
        return None
    with_dc4 = sum(1 for line in sample if DC4 in line)
    if with_dc4 * 2 >= len(sample):
        return DC4
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, delim in enumerate(DELIMITERS):
        counts = [line.count(delim) for line in sample]
        mode, hits = Counter(counts).most_common(1)[0]
        if mode == 0:
            continue
        score = (round(hits / len(sample), 1), mode, -rank)
        if best is None or score > best:
            best, chosen = score, delim
    return chosen


def _detect_quote(lines: Sequence[str], delim: str) -> str | None:
    sample = lines[:SAMPLE_LINES]
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, quote in enumerate((None, *QUOTES)):
        if quote is not None and not any(quote in line for line in sample):
            continue
        # Physical lines only: a stray qualifier must not glue the sample together.
        rows = _iter_rows(sample, delim, quote, None, SAMPLE_LINES, cont=False)
        if not rows:
            return None
        counts = Counter(len(row.fields) for row in rows)
        _, hits = counts.most_common(1)[0]
        quoted = sum(row.quoted for row in rows)
        score = (round(hits / len(rows), 2), quoted, -rank)
        if best is None or score > best:
            best, chosen = score, quote
    return chosen


def _norm(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _name_like(cell: str) -> bool:
    cell = cell.strip()
    return (
        0 < len(cell) <= 80
        and _NAME_LIKE.fullmatch(cell) is not None
        and _DIGIT_RUN.search(cell) is None
    )


def looks_like_header(first: Sequence[str], second: Sequence[str] | None = None) -> bool:
    """Whether a row is a row of field names rather than a document's values.

    All cells filled, distinct, short and word-like (no dates, paths, hashes or long numbers),
    and either at least one a well-known field name or the next row clearly data.
    """
    cells = [cell.strip() for cell in first]
    if not cells or any(not cell for cell in cells):
        return False
    if len({cell.casefold() for cell in cells}) != len(cells):
        return False
    name_like = sum(_name_like(cell) for cell in cells)
    known = sum(_norm(cell) in KNOWN_FIELDS for cell in cells)
    if known and name_like * 5 >= len(cells) * 4:
        return True
    if name_like != len(cells):
        return False
    if second is None:
        return len(cells) > 1
    return any(not _name_like(cell) for cell in second)


# --------------------------------------------------------------------------------------------
# Reading


def read_dat(
    data: bytes,
    *,
    delimiter: str | None = None,
    quote: str | None = None,
    header: bool | None = None,
    newline: str | None = REGISTERED,
) -> DatFile:
    """Read a DAT file's bytes; detect whatever is not given; never raise on bad input.

    ``quote=""`` forces "no qualifier" (``None`` means detect). ``newline`` is the character
    that stands for a line break inside values (® by Concordance convention; ``None`` keeps it).
    Every problem met is listed in :attr:`DatFile.problems`; a defect in this reader itself is
    reported there too (as ``internal error: ...``) rather than raised.
    """
    try:
        return _read_dat(data, delimiter, quote, header, newline)
    except Exception as exc:  # a last resort: the caller always gets a DatFile
        return DatFile("unknown", False, delimiter, quote, None, [], [f"internal error: {exc!r}"])


def _read_dat(
    data: bytes,
    delimiter: str | None,
    quote: str | None,
    header: bool | None,
    newline: str | None,
) -> DatFile:
    text, encoding, bom, problems = decode(data)
    if "\x00" in text:
        problems.append("NUL characters in the text (binary data or UTF-16 without a BOM?)")
    lines, style, final = split_lines(text)
    result = DatFile(encoding, bom, delimiter, quote or None, None, [], problems)
    result.line_ending, result.final_newline = style, final
    if not any(line.strip() for line in lines):
        problems.append("no rows: the file is empty")
        return result
    if delimiter is None:
        delimiter = _detect_delimiter(lines)
        if delimiter is None:
            problems.append("no field delimiter found; every line read as a single field")
            delimiter = DC4
    elif len(delimiter) != 1:
        problems.append(f"delimiter {delimiter!r} must be one character; using DC4")
        delimiter = DC4
    if quote is None:
        quote = _detect_quote(lines, delimiter)
    elif quote == "":
        quote = None
    elif len(quote) != 1 or quote == delimiter:
        problems.append(f"qualifier {quote!r} unusable with delimiter {delimiter!r}; ignored")
        quote = None
    result.delimiter, result.quote = delimiter, quote

    first = _iter_rows(lines, delimiter, quote, None, 2)
    if header is None:
        second = first[1].fields if len(first) > 1 else None
        header = looks_like_header(first[0].fields, second)
    expected: int | None = len(first[0].fields) if header else None
    rows = _iter_rows(lines, delimiter, quote, expected, len(lines) + 1)

    if header:
        names = [_unescape(name, newline).strip() for name in rows.pop(0).fields]
        result.header = _distinct(names, problems)
    if expected is None and rows:
        expected = Counter(len(row.fields) for row in rows).most_common(1)[0][0]
    for row in rows:
        values = [_unescape(value, newline) for value in row.fields]
        if row.unterminated:
            _note(problems, f"line {row.line}: unclosed {quote!r} qualifier; read to line end")
        if len(values) != expected:
            _note(
                problems, f"line {row.line}: {counted(len(values), 'field')}, expected {expected}"
            )
            result.bad_rows.append((row.line, values))
            continue
        result.rows.append(values)
        result.lines.append(row.line)
    if result.header is not None:
        keys = result.header
        result.records = [dict(zip(keys, values, strict=True)) for values in result.rows]
    else:
        result.records = result.rows
    _check_duplicates(result)
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS
        del problems[MAX_PROBLEMS:]
        problems.append(f"... and {extra} more problem(s)")
    return result


def _unescape(value: str, newline: str | None) -> str:
    return value.replace(newline, "\n") if newline else value


def _distinct(names: list[str], problems: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out: list[str] = []
    for name in names:
        seen[name] += 1
        if seen[name] > 1:
            short = quoted(name)[1:-1]
            problems.append(f"header: field name {quoted(name)} repeated; renamed {short} "
                            f"({seen[name]})")  # fmt: skip
            name = f"{name} ({seen[name]})"
        out.append(name)
    return out


def _check_duplicates(result: DatFile) -> None:
    if not result.rows:
        return
    index = result.control_column()
    first_seen: dict[str, int] = {}
    for values, line in zip(result.rows, result.lines, strict=True):
        number = values[index].strip()
        if not number:
            _note(result.problems, f"line {line}: empty control number")
        elif number in first_seen:
            _note(
                result.problems,
                f"line {line}: duplicate control number {quoted(number)} "
                f"(first on line {first_seen[number]})",
            )
        else:
            first_seen[number] = line


def _note(problems: list[str], message: str) -> None:
    if len(problems) <= MAX_PROBLEMS:
        problems.append(message)


# --------------------------------------------------------------------------------------------
# Writing


def write_dat(
    fields: Sequence[str] | None, rows: Iterable[Mapping[str, str] | Sequence[str]]
) -> bytes:
    """The standard Concordance form: UTF-8 *with* a BOM, þ around every value, DC4 between
    values, ® for line breaks inside values, CRLF after every row (the last one too).

    The BOM is written because it makes the encoding unambiguous to every importer (without it
    many tools guess Windows-1252). A þ inside a value is doubled (``þþ``), which
    :func:`read_dat` reads back as one þ. ``\\r\\n``, ``\\r`` and ``\\n`` inside values all become
    ®, so a literal ® in a value cannot survive a round trip. ``fields=None`` writes no header;
    rows may then be sequences only.
    """
    out: list[str] = []
    if fields is not None:
        out.append(_dat_line(fields))
    for row in rows:
        if isinstance(row, Mapping):
            if fields is None:
                raise ValueError("rows given as mappings need field names")
            out.append(_dat_line([row.get(name, "") for name in fields]))
        else:
            if fields is not None and len(row) != len(fields):
                raise ValueError(f"row has {len(row)} values for {counted(len(fields), 'field')}")
            out.append(_dat_line(row))
    return UTF8_BOM + "".join(out).encode("utf-8")


def _dat_line(values: Sequence[str]) -> str:
    cells = []
    for value in values:
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", REGISTERED)
        cells.append(THORN + value.replace(THORN, THORN + THORN) + THORN)
    return DC4.join(cells) + "\r\n"
