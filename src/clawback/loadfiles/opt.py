"""Opticon OPT image load files: a tolerant reader and a writer.

One comma-separated line per page image, seven fields::

    image key, volume, image path, document break, folder break, box break, page count

The image key is the page's Bates number (or any page ID), the document break is ``Y`` on a
document's first page and the page count is given on that first page. Real files also show
5- and 6-field lines (the trailing box break / page count left off); those are read as if the
missing fields were blank. :func:`read_opt` never raises on bad input: lines it cannot read are
reported with their line number in :attr:`OptFile.problems` and skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from clawback.domain.counts import counted
from clawback.loadfiles.dat import MAX_PROBLEMS
from clawback.loadfiles.text import decode, split_lines
from clawback.said import quoted

FIELDS = 7
_YES = frozenset({"y", "yes", "t", "true", "1"})
_NO = frozenset({"", "n", "no", "f", "false", "0"})


@dataclass(frozen=True)
class OptPage:
    """One page image line. ``line`` is its 1-based line number in the file (0 if made up)."""

    key: str
    volume: str
    path: str
    doc_break: bool
    folder_break: str = ""
    box_break: str = ""
    page_count: int | None = None
    line: int = 0


@dataclass(frozen=True)
class OptDocument:
    """The pages from one document break up to the next."""

    pages: tuple[OptPage, ...]

    @property
    def key(self) -> str:
        return self.pages[0].key

    @property
    def page_count_field(self) -> int | None:
        return self.pages[0].page_count

    @property
    def volume(self) -> str:
        return self.pages[0].volume


@dataclass
class OptFile:
    """What :func:`read_opt` recovered from one OPT file."""

    encoding: str
    bom: bool
    pages: list[OptPage] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    line_ending: str | None = None
    final_newline: bool = False
    field_counts: dict[int, int] = field(default_factory=dict)  # fields per line -> lines

    def documents(self) -> list[OptDocument]:
        """Pages grouped by document break; pages before the first break form a document too."""
        groups: list[list[OptPage]] = []
        for page in self.pages:
            if page.doc_break or not groups:
                groups.append([])
            groups[-1].append(page)
        return [OptDocument(tuple(group)) for group in groups]


def _flag(value: str, what: str, line: int, problems: list[str]) -> bool:
    word = value.strip().casefold()
    if word in _YES:
        return True
    if word not in _NO:
        _note(problems, f"line {line}: {what} {quoted(value)} is not Y or blank; read as no")
    return False


def _parse_line(text: str, line: int, problems: list[str]) -> OptPage | None:
    parts = text.split(",")
    count = len(parts)
    if count < 4:
        _note(problems, f"line {line}: {count} field(s); an OPT line needs at least 4")
        return None
    if count > FIELDS:
        # Commas inside the image path: keep the last four fields, glue the rest back.
        _note(
            problems,
            f"line {line}: {counted(count, 'field')}; extra commas read as part of the path",
        )
        parts = [*parts[:2], ",".join(parts[2 : count - 4]), *parts[count - 4 :]]
    parts += [""] * (FIELDS - len(parts))
    key, volume, path, doc, folder, box, pages = (part.strip() for part in parts)
    if not key:
        _note(problems, f"line {line}: no image key; line skipped")
        return None
    if not path:
        _note(problems, f"line {line}: image {quoted(key)} has no image path; line skipped")
        return None
    page_count: int | None = None
    if pages:
        if pages.isascii() and pages.isdigit() and len(pages) < 10:
            page_count = int(pages)
        else:
            _note(problems, f"line {line}: page count {quoted(pages)} is not a number; ignored")
    return OptPage(
        key=key,
        volume=volume,
        path=path,
        doc_break=_flag(doc, "document break", line, problems),
        folder_break=folder,
        box_break=box,
        page_count=page_count,
        line=line,
    )


def read_opt(data: bytes) -> OptFile:
    """Read an OPT file's bytes; never raise on bad input (see :attr:`OptFile.problems`).

    A defect in this reader itself is reported as ``internal error: ...``, not raised.
    """
    try:
        return _read_opt(data)
    except Exception as exc:  # a last resort: the caller always gets an OptFile
        return OptFile("unknown", False, problems=[f"internal error: {exc!r}"])


def _read_opt(data: bytes) -> OptFile:
    text, encoding, bom, problems = decode(data)
    if "\x00" in text:
        problems.append("NUL characters in the text (binary data or UTF-16 without a BOM?)")
    lines, style, final = split_lines(text)
    result = OptFile(encoding, bom, problems=problems, line_ending=style, final_newline=final)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        width = raw.count(",") + 1
        result.field_counts[width] = result.field_counts.get(width, 0) + 1
        page = _parse_line(raw, number, problems)
        if page is not None:
            result.pages.append(page)
    if not result.pages:
        problems.append("no page lines found")
        return result
    if not result.pages[0].doc_break:
        problems.append(f"line {result.pages[0].line}: first page has no document break")
    seen: dict[str, int] = {}
    for page in result.pages:
        if page.key in seen:
            _note(
                problems,
                f"line {page.line}: image key {quoted(page.key)} repeats line {seen[page.key]}",
            )
        else:
            seen[page.key] = page.line
    for document in result.documents():
        stated = document.page_count_field
        if stated is not None and stated != len(document.pages):
            _note(
                problems,
                f"line {document.pages[0].line}: document {quoted(document.key)} says {stated} "
                f"page(s) but has {len(document.pages)}",
            )
        for page in document.pages[1:]:
            if page.page_count is not None:
                _note(problems, f"line {page.line}: page count on a page without a doc break")
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS
        del problems[MAX_PROBLEMS:]
        problems.append(f"... and {extra} more problem(s)")
    return result


def write_opt(pages: Iterable[OptPage]) -> bytes:
    """Seven-field lines, CRLF after each, UTF-8 without a BOM (plain ASCII for ASCII data).

    Commas are allowed in the image path only (the reader glues them back); anywhere else, and
    line breaks anywhere, cannot be written and raise ``ValueError``.
    """
    out: list[str] = []
    for page in pages:
        count = "" if page.page_count is None else str(page.page_count)
        cells = [page.key, page.volume, page.path, "Y" if page.doc_break else ""]
        cells += [page.folder_break, page.box_break, count]
        for index, cell in enumerate(cells):
            if any(ch in cell for ch in "\r\n") or ("," in cell and index != 2):
                raise ValueError(f"OPT field {cell!r} cannot hold a comma or line break")
        out.append(",".join(cells) + "\r\n")
    return "".join(out).encode("utf-8")


def _note(problems: list[str], message: str) -> None:
    if len(problems) <= MAX_PROBLEMS:
        problems.append(message)
