"""What another party sent, taken in and killed at every write of the work, then taken in again:
the record left is the record an uninterrupted run leaves, with no document, page, Bates number,
designation, child, duplicate link, fake-redaction check or audit entry missing or twice. Two
acts: a volume import, and a folder of e-mails and an archive ingested as received (families).

Each kill happens in a child process forked from one interpreter (`tests.faults.zygote`, as
in `test_kill_filing`), which wraps ``Context.transaction`` to ``os._exit(9)`` either just
before the nth unit of work commits (everything flushed, files put in the store) or just after
it has committed, and imports the volume as the receiving side's counsel (or ingests the
folder). The test first counts the units of work of an uninterrupted run, so every point
between two writes of it is a kill; then, for each, the act runs again in this process and the
record it leaves is compared with the uninterrupted one's.

The volume: an e-mail native carrying a PDF (taken out as the record's child), a PDF native, and
the same PDF again on a third row (recorded as a duplicate of the second), all designated.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clawback.loadfiles import write_dat
from clawback.service import Record, Workspace
from clawback.service.context import Context
from clawback.storage import tables as t
from tests.faults.zygote import Zygote, running
from tests.ingest.make import eml_with, text_pdf
from tests.started import copy_workspace, start, template

FIELDS = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
COUNSEL = "rc@other.test"

#: Arms the kill, then imports the volume as counsel (or ingests the folder): ``run(args)`` of
#: the zygote (`tests.faults.zygote`), which forks a child per kill and prints its exit status.
SCRIPT = """
import contextlib, pathlib
from clawback.service import Workspace
from clawback.service.context import Context


def armed(nth, when):
    plain = Context.transaction.__wrapped__
    count = [0]

    @contextlib.contextmanager
    def transaction(self):
        with contextlib.contextmanager(plain)(self) as s:
            yield s
            count[0] += 1
            if when == "before" and count[0] == nth:
                os._exit(9)  # flushed, files stored, not committed
        if when == "after" and count[0] == nth:
            os._exit(9)  # committed

    Context.transaction = transaction


def run(args):
    armed(args["nth"], args["when"])
    record = Workspace.open(pathlib.Path(args["ws"])).person(args["person"])
    if args["act"] == "volume":
        record.imports.volume(pathlib.Path(args["folder"]), pathlib.Path(args["dat"]))
    else:
        folder = pathlib.Path(args["folder"])
        record.ingest.ingest_paths([folder], kind="received", unpack=True)
"""

#: What the acts load lazily, imported by the zygote once rather than by each child.
WARM = (
    "clawback.service.facade",
    "clawback.service.received",
    "clawback.service.ingest",
    "clawback.pdf.shows.matching",
    "sqlite3",
)


@pytest.fixture(scope="module")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    with running(tmp_path_factory.mktemp("zygote"), SCRIPT, WARM) as started:
        yield started


def _volume(root: Path) -> Path:
    memo = text_pdf("Memo on the Acme rebate")
    natives = {
        "mail.eml": eml_with("Rebates", [("schedule.pdf", text_pdf("Zebra rebate schedule"))]),
        "memo.pdf": memo,
        "again.pdf": memo,  # byte for byte row 2's file
    }
    (root / "NATIVES").mkdir(parents=True)
    for name, data in natives.items():
        (root / "NATIVES" / name).write_bytes(data)
    rows = [
        ["ABC0001", "ABC0001", ".\\NATIVES\\mail.eml", "CONFIDENTIAL"],
        ["ABC0002", "ABC0002", ".\\NATIVES\\memo.pdf", "AEO"],
        ["ABC0003", "ABC0003", ".\\NATIVES\\again.pdf", "CONFIDENTIAL"],
    ]
    dat = root / "VOL1.dat"
    dat.write_bytes(write_dat(FIELDS, rows))
    return dat


def _counsel(root: Path) -> Record:
    """A workspace holding the reference case's matter and order, as the receiving side's
    counsel, who imports the volume the producing side sent: a copy of one made once per test
    process (`tests.started`)."""
    made = template("receiving-counsel", _with_counsel)
    return copy_workspace(made, root).ctx.workspace.person(COUNSEL)


def _with_counsel(root: Path) -> Record:
    record = start(root)
    record.people.add(COUNSEL, name="RC", side="receiving", category="counsel")
    return record


def _record(ws: Record) -> dict[str, Any]:
    """What the record holds of the import, by control number (ours) and by row."""
    with ws.transaction() as s:
        docs = s.scalars(select(t.Document).order_by(t.Document.id)).all()
        families = {d.family for d in docs if d.family}
        shape = {f: f"family-{n}" for n, f in enumerate(sorted(families))}
        documents = [
            (
                d.control,
                d.title,
                d.kind,
                d.tier,
                shape.get(d.family or ""),
                d.parent,
                d.page_count,
                str(d.first_bates),
                str(d.last_bates),
                d.produced is not None,
                sorted((d.meta or {}).get("duplicates", [])),
                (d.meta or {}).get("box_check"),
                (d.meta or {}).get("control_number"),
            )
            for d in docs
        ]
        pages = sorted(
            (control, page.idx, str(page.bates), page.text, page.redacted_text)
            for page, control in s.execute(
                select(t.Page, t.Document.control).join(t.Document)
            ).all()
        )
        received = sorted(
            (r.volume, r.control, r.row, control)
            for r, control in s.execute(
                select(t.ReceivedRecord, t.Document.control).join(t.Document)
            ).all()
        )
        designations = sorted(
            (control, d.tier, d.note)
            for d, control in s.execute(select(t.Designation, t.Document.control).join(t.Document))
        )
        warnings = sorted(
            (control, w.page_idx, w.what)
            for w, control in s.execute(select(t.PageWarning, t.Document.control).join(t.Document))
        )
        productions = sorted(
            (p.volume, str(p.first), str(p.last)) for p in s.scalars(select(t.Production))
        )
        entries = sorted(
            (a.action, a.subject, json.dumps(_kept(a.detail), sort_keys=True))
            for a in s.scalars(select(t.Audit).where(t.Audit.actor != "operator"))
        )
    return {
        "documents": documents,
        "pages": pages,
        "received": received,
        "designations": designations,
        "warnings": warnings,
        "productions": productions,
        "audit": entries,
    }


def _kept(detail: dict[str, Any]) -> dict[str, Any]:
    """An audit entry's detail less what differs between two runs of the same import: the
    hashes of the PDFs OCR made (each carries a new random file ID) and of the rows bound."""
    return {k: v for k, v in detail.items() if k not in ("sha256", "state")}


def _files(root: Path) -> Path:
    """A folder another party sent, to ingest as received with archives opened: an e-mail
    carrying a PDF, and a zip holding a PDF and another e-mail with its own attachment."""
    root.mkdir(parents=True)
    (root / "mail.eml").write_bytes(
        eml_with("Rebates", [("schedule.pdf", text_pdf("Zebra rebate schedule"))])
    )
    inner = eml_with("Pricing", [("prices.pdf", text_pdf("Yak price list"))])
    with zipfile.ZipFile(root / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("memo.pdf", text_pdf("Memo on the Acme rebate"))
        bundle.writestr("inner.eml", inner)
    return root


def _act(record: Record, act: str, folder: Path, dat: Path | None) -> None:
    if act == "volume":
        assert dat is not None
        record.imports.volume(folder, dat)
    else:
        record.ingest.ingest_paths([folder], kind="received", unpack=True)


def _units_of_work(record: Record, act: str, folder: Path, dat: Path | None) -> int:
    """How many units of work the act commits, uninterrupted."""
    plain = Context.transaction
    count = [0]

    def counting(self: Context) -> Any:
        count[0] += 1
        return plain(self)

    Context.transaction = counting  # type: ignore[method-assign,assignment]
    try:
        _act(record, act, folder, dat)
    finally:
        Context.transaction = plain  # type: ignore[method-assign]
    return count[0]


@pytest.mark.slow
@pytest.mark.xray
@pytest.mark.usefixtures("xray_available")
@pytest.mark.parametrize("act", ["volume", "ingest"])
def test_killed_at_any_write_then_run_again_leaves_the_uninterrupted_record(
    act: str, zygote: Zygote, tmp_path: Path
) -> None:
    """``volume``: a volume import; ``ingest``: e-mail and archive families ingested as
    received (each family is one unit of work already: this shows it)."""
    if act == "volume":
        dat: Path | None = _volume(tmp_path / "vol")
        folder = tmp_path / "vol"
    else:
        dat, folder = None, _files(tmp_path / "files")
    clean = _counsel(tmp_path / "clean")
    units = _units_of_work(clean, act, folder, dat)
    expected = _record(clean)
    clean.ctx.workspace.close()
    if act == "volume":
        assert [d[-1] for d in expected["documents"] if d[2] == "received"] == [
            "ABC0001",
            "ABC0001.0001",
            "ABC0002",
            "ABC0003",
        ]
        assert expected["documents"][3][10] == ["RCV-000003"]  # ABC0003 names ABC0002
    else:
        families = [d[4] for d in expected["documents"] if d[2] == "received"]
        assert len(families) >= 6 and len(set(families)) == 2, expected["documents"]
    assert all(d[11] is not None for d in expected["documents"] if d[2] == "received")
    differ = []
    # Killed before a commit, the database is as it was after the one before (its files put in
    # the store are orphans `clawback check` reports): the first is the one such kill to run.
    for nth, when in [(1, "before"), *((n, "after") for n in range(1, units + 1))]:
        root = tmp_path / f"kill-{when}-{nth}"
        _counsel(root).ctx.workspace.close()
        status = zygote.kill(
            ws=str(root),
            person=COUNSEL,
            act=act,
            folder=str(folder),
            dat=str(dat),
            nth=nth,
            when=when,
        )
        assert status == 9, f"{when} commit {nth}: not killed ({status}): {zygote.tail()}"
        again = Workspace.open(root).person(COUNSEL)
        try:
            _act(again, act, folder, dat)
            found = _record(again)
        finally:
            again.ctx.workspace.close()
        if found != expected:
            wrong = {k: (found[k], expected[k]) for k in found if found[k] != expected[k]}
            differ.append((when, nth, wrong))
    assert [(when, nth, sorted(wrong)) for when, nth, wrong in differ] == [], differ[:1]
