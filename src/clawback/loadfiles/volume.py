"""A received volume's load files read into records, before anything is imported.

A volume is what a review platform exports: a Concordance DAT (one row per document), an
Opticon OPT (one line per page image), page images, extracted text and natives. `read_volume`
gives one `Row` per record, each with its OPT images, its family (BEGATTACH/ENDATTACH or the
parent's control number) and its defects (`clawback.loadfiles.defects`: a Bates gap or overlap
after the record before, a record only in the OPT or only in the DAT, privilege marks, empty
hash fields, classification markings). `check_volume` lists every defect of a volume without a
workspace; `clawback.service.received` imports the rows.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from clawback.domain.bates import BatesError, BatesNumber, BatesRange
from clawback.domain.errors import ClawbackError, NotFound
from clawback.loadfiles import defects
from clawback.loadfiles.dat import DatFile, read_dat
from clawback.loadfiles.fields import guess_names, looks_like_path, norm, roles
from clawback.loadfiles.opt import OptDocument, read_opt
from clawback.loadfiles.paths import UnsafePathError, resolve


@dataclass
class Row:
    """One record of the DAT (or an OPT document the DAT does not name)."""

    number: int  # the record's row in the load file, 1-based, the header not counted
    control: str
    values: dict[str, str]  # field name (or "column N") -> value
    roles: dict[str, str]  # role (control, end, native, text ...) -> value
    dates: dict[str, str] = field(default_factory=dict)
    images: OptDocument | None = None
    family: str | None = None
    parent: bool = False
    defects: list[str] = field(default_factory=list)  # read all the same: one line each


def read_volume(
    folder: Path, dat: Path | None = None, opt: Path | None = None
) -> tuple[str, list[Row], list[str]]:
    """A volume's load files read: its name, its records (each with its OPT images, family
    and defects) and what could not be read. Without ``dat`` and ``opt``, the one DAT (and
    OPT, if any) in ``folder/DATA`` or ``folder``; given one or both, just those."""
    if not folder.is_dir():
        raise NotFound(f"{folder}: no such folder")
    if dat is None and opt is None:  # given neither: the volume's own, found
        dat = _only(folder, ".dat", required=True)
        opt = _only(folder, ".opt", required=False)
    volume = (dat or opt or folder).stem
    problems: list[str] = []
    rows: list[Row] = []
    if dat is not None:
        table = read_dat(_read(dat))
        problems += [f"{dat.name}: {p}" for p in table.problems if "duplicate control" not in p]
        rows = _rows(table)
    if opt is not None:
        images = read_opt(_read(opt))
        problems += [f"{opt.name}: {p}" for p in images.problems]
        _attach_images(rows, images.documents(), dat is not None)
    _families(rows, volume)
    _find_defects(rows)
    return volume, rows, problems


#: What a caller says of a record's native, read (`check_rows`): lines to add, each a defect.
NativeCheck = Callable[[Row, str, bytes], list[str]]


def check_volume(folder: Path, dat: Path | None = None, opt: Path | None = None) -> list[str]:
    """Every defect of a volume, one line each, without importing anything: what its load files
    do not read, each record's defects (`_find_defects`), a control number used twice, a native
    named but not in the volume, and natives byte for byte another record's. Reads only the
    folder: no workspace, no document leaves it."""
    _, rows, lines = read_volume(folder, dat, opt)
    return check_rows(folder, rows, lines)


def check_rows(
    folder: Path, rows: list[Row], lines: list[str], native: NativeCheck | None = None
) -> list[str]:
    """`check_volume` for a volume's rows read already (``lines``: what reading them found),
    each native read once and given to ``native`` too (the service's check of the files inside
    it: `service.received_check`), its lines after the record's own."""
    first: dict[str, int] = {}
    same: dict[str, int] = {}
    for row in rows:
        where = f"row {row.number} ({row.control or '?'})"
        lines += [f"{where}: {line}" for line in row.defects]
        if not row.control:
            lines.append(f"{where}: no control number")
        elif row.control in first:
            lines.append(f"{where}: duplicate control number (first on row {first[row.control]})")
        else:
            first[row.control] = row.number
        lines += [f"{where}: {line}" for line in _missing_files(folder, row)]
        value = row.roles.get("native", "")
        if not value:
            continue
        try:
            data = resolve(folder, value).read_bytes()
        except (OSError, ValueError) as exc:
            lines.append(f"{where}: native {value} cannot be read ({one_line(exc)})")
            continue
        sha = hashlib.sha256(data).hexdigest()
        if sha in same:
            lines.append(f"{where}: its native is byte for byte row {same[sha]}'s")
        else:
            same[sha] = row.number
        if native is not None:
            name = PureWindowsPath(value).name
            lines += [f"{where}: {line}" for line in native(row, name, data)]
    return lines


def _missing_files(folder: Path, row: Row) -> list[str]:
    """The page images, PDF and text file the row names that its import would not find (in
    the import's words): the import refuses the record, or takes it without its text."""
    pages = row.images.pages if row.images is not None else ()
    named = [(p.path, f"image {p.path} (page {p.key})") for p in pages]
    if row.roles.get("pdf"):
        named.append((row.roles["pdf"], f"PDF {row.roles['pdf']}"))
    if looks_like_path(row.roles.get("text", "")):
        named.append((row.roles["text"], f"text file {row.roles['text']}"))
    lines = []
    for path, what in named:
        try:
            found = resolve(folder, path).is_file()
        except UnsafePathError as exc:
            lines.append(str(exc))
            continue
        if not found:
            lines.append(f"{what} is not in the volume")
    return lines


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ClawbackError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _only(folder: Path, suffix: str, *, required: bool) -> Path | None:
    """The one file with ``suffix`` in ``folder/DATA`` (our layout) or else in ``folder``."""
    for where in (folder / "DATA", folder):
        found = sorted(p for p in where.glob("*") if p.suffix.lower() == suffix and p.is_file())
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(p.name for p in found[:5])
            option = "--dat" if suffix == ".dat" else "--opt"
            raise ClawbackError(
                f"{where}: {len(found)} {suffix} files ({names}): choose with {option}"
            )
    if required:
        raise ClawbackError(f"{folder}: no {suffix} load file in DATA/ or the folder itself")
    return None


def _rows(table: DatFile) -> list[Row]:
    lines = sorted([*table.lines, *(line for line, _ in table.bad_rows)])
    number = {line: n for n, line in enumerate(lines, start=1)}
    names = table.header or guess_names(table.rows)
    columns = roles(names)
    dated = [i for i, name in enumerate(names) if "date" in norm(name)]
    rows = []
    for values, line in zip(table.rows, table.lines, strict=True):
        control_at = columns.get("control", 0)
        row = Row(
            number=number[line],
            control=values[control_at].strip(),
            values=dict(zip(names, values, strict=True)),
            roles={role: values[i].strip() for role, i in columns.items()},
            dates={names[i]: values[i].strip() for i in dated if values[i].strip()},
        )
        rows.append(row)
    return rows


def _attach_images(rows: list[Row], documents: list[OptDocument], dat: bool) -> None:
    """Give each row its OPT document (by control number: the first row with it, when a
    control number repeats); the others become rows of their own, numbered after the DAT's.
    With a ``dat``, a record in one load file and not the other is a defect of the record."""
    by_control: dict[str, Row] = {}
    for row in rows:
        by_control.setdefault(row.control, row)
    extra = len(rows)
    for document in documents:
        found = by_control.get(document.key)
        if found is None:
            extra += 1
            row = Row(extra, document.key, {}, {"control": document.key})
            if dat:
                row.defects.append(
                    f"only in the OPT (line {document.pages[0].line}), not in the DAT: "
                    "its images come without fields"
                )
            by_control[document.key] = row
            rows.append(row)
        else:
            row = found
        if row.images is None:
            row.images = document
    if dat:
        for row in rows:
            if row.images is None and by_control.get(row.control) is row:
                row.defects.append("in the DAT but not in the OPT: it has no page images")


def _find_defects(rows: list[Row]) -> None:
    """Each row's defects of `clawback.loadfiles.defects` (its own fields, and the Bates
    numbers between it and the row before), added to its list."""
    first: dict[str, Row] = {}
    for row in rows:
        first.setdefault(row.control, row)
    gaps = defects.bates_gaps(  # a control number used twice is said so, not as an overlap
        [
            (f"row {row.number} ({row.control})", _declared_span(row))
            if first[row.control] is row
            else ("", None)
            for row in rows
        ]
    )
    for index, row in enumerate(rows):
        if index in gaps:
            row.defects.append(gaps[index])
        row.defects += _unread_span(row)
        row.defects += defects.privilege_marks(row.values)
        row.defects += defects.empty_hashes(row.values)
        row.defects += defects.classification_markings(row.values)


def _families(rows: list[Row], volume: str) -> None:
    """Family and parent from BEGATTACH/ENDATTACH, or else from the parent's control number."""
    parent_of = {r.control: r.roles.get("parent", "") for r in rows}

    def root(control: str) -> str:
        seen = {control}
        while parent_of.get(control) and parent_of[control] not in seen:
            control = parent_of[control]
            seen.add(control)
        return control

    keys: dict[str, str] = {}
    for r in rows:
        begin = r.roles.get("begattach", "")
        if begin:
            keys[r.control] = begin
        elif r.roles.get("parent"):
            keys[r.control] = root(r.control)
    members = set(keys.values())
    groups: dict[str, list[Row]] = {}
    for r in rows:
        key = keys.get(r.control) or (r.control if r.control in members else None)
        if key is not None:
            groups.setdefault(key, []).append(r)
    for key, group in groups.items():
        if len(group) < 2:
            continue  # a document without attachments is no family
        for r in group:
            r.family = f"{volume}:{key}"[:80]
            r.parent = r.control == key


def _unread_span(row: Row) -> list[str]:
    """A line if the row states a Bates range (begin and end) that does not read: the import
    numbers the record without it (by its OPT, or not at all), which the receiving side must
    hear of before it cites the record by the numbers the volume meant."""
    if not row.control or not row.roles.get("end"):
        return []
    try:
        BatesRange(BatesNumber.parse(row.control), BatesNumber.parse(row.roles["end"]))
    except BatesError as exc:
        return [f"its stated Bates range is not used: {exc}"]
    return []


def stated_span(row: Row) -> BatesRange | None:
    """The Bates range the DAT states (begin and end), if it states a valid one."""
    if not row.roles.get("end"):
        return None
    try:
        return BatesRange(BatesNumber.parse(row.control), BatesNumber.parse(row.roles["end"]))
    except BatesError:
        return None


def _declared_span(row: Row) -> BatesRange | None:
    """The Bates range the volume gives the record (begin and end, or its OPT page IDs in
    sequence), before any page is read."""
    stated = stated_span(row)
    if stated is not None or row.images is None:
        return stated
    try:
        numbers = [BatesNumber.parse(page.key) for page in row.images.pages]
        span = BatesRange(numbers[0], numbers[-1])
    except BatesError:
        return None
    return span if list(span) == numbers else None


def suffix(name: str) -> str:
    return PureWindowsPath(name).suffix.lower()


def one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
