"""Files and folders ingested in batches (`Ingest.ingest_paths`, as ``clawback ingest FOLDER``).

The files are taken `BATCH_FILES` at a time. The Office files and e-mail attachments of a batch
are rendered in one LibreOffice run (`ingest.render.ahead`). Each file is then read and made
ready (`Ingest.take_file`); the files that are each one new document of their own (PDFs, Office
files, pictures) are stored together, in one transaction with one working-out of their access
(`Ingest.store`): a batch of them costs one commit, not one a file. An e-mail, an archive or a
PDF with files in it is a family, stored whole by itself as before.

A batch goes in whole or not at all, so a run killed in the middle leaves the batch out, and
the next run takes it in (a file in the record already is reported, never stored twice). If the
batch's transaction is refused (the disk full, say), each of its files is stored on its own,
so the one line each file gets says what became of that file.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from clawback.domain.errors import ClawbackError
from clawback.ingest import INGESTED, KNOWN, REFUSED, FileReport, shown, walk
from clawback.ingest.ahead import to_render
from clawback.ingest.batch import EMPTY_FOLDER
from clawback.ingest.render import ahead as render_ahead
from clawback.service import rows
from clawback.service.exhibit_numbering import ExhibitGiven
from clawback.storage import tables as t

if TYPE_CHECKING:
    from clawback.service.ingest import Ingest
    from clawback.service.ingest_store import NewDocument

#: Files of a batch: their Office files and attachments are rendered in one LibreOffice run,
#: and those that are each one new document are stored in one transaction.
BATCH_FILES = 25
#: Files waiting to be stored are stored once they hold this many bytes, whatever their number.
BATCH_BYTES = 64 << 20


@dataclass(frozen=True)
class _Taken:
    """A file of the batch read and ready, to be stored with the others."""

    path: Path
    new: NewDocument


def ingest_paths(
    ingest: Ingest,
    paths: Sequence[Path],
    exhibit: ExhibitGiven | None,
    options: Mapping[str, Any],
    each: Callable[[FileReport], object] | None = None,
) -> list[FileReport]:
    """`Ingest.ingest_paths` (see the module doc); ``each`` is given every report as soon as
    its file is done with (stored, or refused), in order."""
    if exhibit is not None and (len(paths) != 1 or paths[0].is_dir()):
        raise ClawbackError(f"exhibit {exhibit} numbers one file: give one file, not a folder")
    reports: list[FileReport] = []
    found = walk(paths)
    taken: list[FileReport | _Taken] = []

    def store() -> None:  # what is waiting, before anything else is stored
        done = _store(ingest, taken, exhibit)
        taken.clear()
        reports.extend(done)
        if each is not None:
            for report in done:
                each(report)

    while batch := list(itertools.islice(found, BATCH_FILES)):
        with render_ahead(_to_render(ingest, batch)):  # one LibreOffice run for the batch
            for path in batch:
                taken.append(_take(ingest, path, exhibit, options, store))
                if _held(taken) > BATCH_BYTES:  # a batch of long files: stored so far
                    store()
        store()
    return reports


def _held(taken: Sequence[FileReport | _Taken]) -> int:
    """The bytes the files waiting to be stored hold in memory (their files, not their text)."""
    return sum(
        len(item.new.ready.pdf) + len(item.new.ready.received)
        for item in taken
        if isinstance(item, _Taken)
    )


def _take(
    ingest: Ingest,
    path: Path,
    exhibit: ExhibitGiven | None,
    options: Mapping[str, Any],
    store: Callable[[], None],
) -> FileReport | _Taken:
    """One file read: its report if it is done with (refused, in the record, a family stored
    after what was waiting: `store`), else what is to be stored."""
    if path.is_dir():  # named, and nothing in it to take (`walk`)
        return FileReport(path, REFUSED, reason=EMPTY_FOLDER)
    try:
        data = path.read_bytes()
        name = shown(path.name)  # stored and printed on one line, whatever it holds
        taken = ingest.take_file(data, name, exhibit=exhibit, before_storing=store, **options)
    except OSError as exc:
        return FileReport(path, REFUSED, reason=f"cannot be read ({exc.strerror})")
    except (ClawbackError, ValueError) as exc:
        return FileReport(path, REFUSED, reason=str(exc))
    if not isinstance(taken, tuple):
        return _Taken(path, taken)
    controls, new = taken
    warned = _warnings(ingest, controls) if new else ()
    return _report(ingest, path, controls, new, warned, exhibit)


def _store(
    ingest: Ingest, taken: list[FileReport | _Taken], exhibit: ExhibitGiven | None
) -> list[FileReport]:
    """The batch's new documents stored in one transaction (each on its own if that is
    refused), received ones checked; every file's report, in order."""
    waiting = [item for item in taken if isinstance(item, _Taken)]
    stored: dict[int, FileReport] = {}
    made: list[tuple[str, bool]] | None
    try:
        made = ingest.store([item.new for item in waiting]) if waiting else []
    except (ClawbackError, ValueError):
        made = None
        for item in waiting:  # each file on its own: its own line says what became of it
            try:
                [(control, new)] = ingest.store([item.new])
            except (ClawbackError, ValueError) as exc:
                stored[id(item)] = FileReport(item.path, REFUSED, reason=str(exc))
            else:
                stored[id(item)] = _stored(ingest, item, control, exhibit, new)
    for item, (control, new) in zip(waiting, made or (), strict=made is not None):
        stored[id(item)] = _stored(ingest, item, control, exhibit, new)
    return [stored[id(item)] if isinstance(item, _Taken) else item for item in taken]


def _stored(
    ingest: Ingest, item: _Taken, control: str, exhibit: ExhibitGiven | None, new: bool
) -> FileReport:
    """The report of a file stored (not `new`: the same PDF was stored already, by another
    file of the batch, say), checked first if it came from another party."""
    if ingest.from_another_party(item.new.kind):
        try:
            ingest.check_received(control)
        except (ClawbackError, ValueError) as exc:
            return FileReport(item.path, REFUSED, reason=str(exc))
    warned = tuple(dict.fromkeys(item.new.ready.info.get("warnings", ()))) if new else ()
    return _report(ingest, item.path, [control], new, warned, exhibit)


def _report(
    ingest: Ingest,
    path: Path,
    controls: Sequence[str],
    new: bool,
    warned: tuple[str, ...],
    exhibit: ExhibitGiven | None,
) -> FileReport:
    said = INGESTED if new else KNOWN
    numbered = _numbered(ingest, controls[0]) if exhibit is not None else ""
    shown = tuple(ingest.names(controls))  # as the person is given them (`control_names`)
    return FileReport(path, said, shown, warnings=warned, exhibit=numbered)


def _to_render(ingest: Ingest, batch: Sequence[Path]) -> list[tuple[bytes, str]]:
    """What LibreOffice will render for the batch's files not in the record yet
    (`ingest.ahead`); a file that cannot be read here is left to `_take`."""
    files = []
    for path in batch:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        wanted = to_render(data, shown(path.name))
        if wanted and not ingest.in_record(data):
            files += wanted
    return files


def _numbered(ingest: Ingest, control: str) -> str:
    """``Ex. 12``, or ``Ex. 12, duplicate of Ex. 5``: what the document is numbered as."""
    with ingest.ctx.transaction() as s:
        doc = s.scalar(select(t.Document).where(t.Document.control == control))
        if doc is None or doc.exhibit is None:
            return ""
        lead = f", duplicate of Ex. {doc.exhibit_lead}" if doc.exhibit_lead else ""
        return rows.label(doc) + lead


def _warnings(ingest: Ingest, controls: Sequence[str]) -> tuple[str, ...]:
    """What ingest said of these documents' files (``warnings`` in their meta), each once."""
    with ingest.ctx.transaction() as s:
        found = s.scalars(select(t.Document.meta).where(t.Document.control.in_(controls)))
        said = [w for meta in found for w in (meta or {}).get("warnings", ())]
    return tuple(dict.fromkeys(said))
