"""A production volume killed at every write of the work (just before the nth unit of work
commits, and just after), then made again by the same call: the record left is the record an
uninterrupted run leaves, with no page, Bates number, stamped file or audit entry missing or
twice; the run again says it resumed (``produce.resume``), and after a kill past the last
commit it answers in one line that the volume was produced. `test_kill_received` does the same
for what another party sent; the kill machinery is `tests.faults.zygote`'s."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from clawback.domain.errors import RuleViolation
from clawback.service import Record, Workspace
from clawback.service.context import Context
from clawback.storage import tables as t
from tests.faults.zygote import Zygote, running
from tests.ingest.make import text_pdf
from tests.started import copy_workspace, start, template

SCRIPT = """
import contextlib, pathlib
from clawback.service import Workspace
from clawback.service.context import Context
from tests.faults.test_kill_produce import produce


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
    produce(Workspace.open(pathlib.Path(args["ws"])).operator())
"""

WARM = ("clawback.service.facade", "clawback.service.production", "sqlite3")


def produce(record: Record) -> None:
    """The act killed and run again: a volume of two documents, one withheld by a slip sheet
    that keeps its two numbers."""
    withheld = {"DOC-000002": "Privileged"}
    record.productions.produce(["DOC-000001", "DOC-000002"], "KP-0001", "V1", withhold=withheld)


@pytest.fixture(scope="module")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    with running(tmp_path_factory.mktemp("zygote"), SCRIPT, WARM) as started:
        yield started


def _with_documents(root: Path) -> Record:
    record = start(root)
    for k in range(2):
        control = record.ingest.ingest(text_pdf(f"doc {k} page 1", f"doc {k} page 2"), title="")
        record.designations.designate(control, "Confidential")
    return record


def _workspace(root: Path) -> Record:
    return copy_workspace(template("two-to-produce", _with_documents), root)


def _record(ws: Record) -> dict[str, Any]:
    with ws.transaction() as s:
        documents = [
            (d.control, d.page_count, str(d.first_bates), str(d.last_bates), d.produced)
            for d in s.scalars(select(t.Document).order_by(t.Document.id))
        ]
        pages = sorted(
            (control, p.idx, str(p.bates), p.text)
            for p, control in s.execute(select(t.Page, t.Document.control).join(t.Document))
        )
        productions = [
            (p.volume, p.state, str(p.first), str(p.last)) for p in s.scalars(select(t.Production))
        ]
        blobs = s.scalar(select(func.count()).select_from(t.Blob))
        entries = sorted(
            (a.action, a.subject, json.dumps(a.detail, sort_keys=True))
            for a in s.scalars(select(t.Audit).where(t.Audit.action != "produce.resume"))
        )
        resumed = s.scalar(select(func.count()).where(t.Audit.action == "produce.resume"))
    return {"documents": documents, "pages": pages, "productions": productions,
            "blobs": blobs, "audit": entries, "resumed": resumed}  # fmt: skip


def _units_of_work(record: Record) -> int:
    plain = Context.transaction
    count = [0]

    def counting(self: Context) -> Any:
        count[0] += 1
        return plain(self)

    Context.transaction = counting  # type: ignore[method-assign,assignment]
    try:
        produce(record)
    finally:
        Context.transaction = plain  # type: ignore[method-assign]
    return count[0]


@pytest.mark.slow
def test_a_volume_killed_at_any_write_then_made_again_is_the_uninterrupted_volume(
    zygote: Zygote, tmp_path: Path
) -> None:
    clean = _workspace(tmp_path / "clean")
    units = _units_of_work(clean)
    expected = _record(clean)
    clean.ctx.workspace.close()
    assert expected["resumed"] == 0 and expected["productions"] == [
        ("V1", "complete", "KP-0001", "KP-0004")
    ]
    differ = []
    for nth, when in [(1, "before"), *((n, "after") for n in range(1, units + 1))]:
        root = tmp_path / f"kill-{when}-{nth}"
        _workspace(root).ctx.workspace.close()
        status = zygote.kill(ws=str(root), nth=nth, when=when)
        assert status == 9, f"{when} commit {nth}: not killed ({status}): {zygote.tail()}"
        again = Workspace.open(root).operator()
        try:
            opened = when == "after" and nth < units  # the volume open, then resumed
            if nth == units and when == "after":  # it had all committed
                with pytest.raises(RuleViolation, match=r"^volume V1 was already produced$"):
                    produce(again)
            else:
                produce(again)
            found = _record(again)
        finally:
            again.ctx.workspace.close()
        if found != {**expected, "resumed": int(opened)}:
            wrong = {k: (found[k], expected[k]) for k in found if found[k] != expected[k]}
            differ.append((when, nth, wrong))
    assert differ == []
