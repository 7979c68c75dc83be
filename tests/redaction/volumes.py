"""A workspace that takes one-page files out as a user would, for the attack rounds that build
their files in their own test module: produced with ``produce --redact-pattern``, or filed as a
brief quoting a Confidential exhibit's item (``file-brief``: its public version)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.domain.errors import ClawbackError
from clawback.pdf.gate.verify import verify
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, redact
from clawback.service import Record, Workspace
from clawback.storage import tables as t
from tests.redaction.drawn import ITEM
from tests.redaction.test_channels import _source


class Volumes:
    """One workspace with a produced Confidential exhibit whose item is `drawn.ITEM`; each file
    then ingested as an exhibit of its own and produced in a volume of its own with the item's
    pattern, or filed as a brief."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.record: Record = Workspace.init(root / "ws").operator()
        self.record.matter.load_case(reference_case())
        self.record.ingest.ingest(_source(), title="database extract", exhibit=1)
        self.record.designations.designate(1, "Confidential")
        self.record.productions.produce([1], "SRC-00000001", "SRC001")
        self.record.items.define(1, "code", "SRC-00000001", "code", [ITEM])
        self.exhibit = 200

    def brief(self, name: str, build: Callable[..., bytes], heading: str) -> bytes | str:
        """The public version of `build(heading)` filed as a brief, or the line it was refused
        with."""
        pdf = build(heading)
        try:
            proposals = self.record.briefs.propose(pdf)
            written = self.record.briefs.file(pdf, self.root / "out", name, proposals=proposals)
        except ClawbackError as exc:
            return str(exc)
        return written["public"].read_bytes()

    def produce(self, name: str, build: Callable[..., bytes], heading: str) -> bytes | str:
        """The produced file of `build(heading)`, or the line its volume was refused with."""
        self.exhibit += 1
        exhibit = self.exhibit
        self.record.ingest.ingest(build(heading), title=name, exhibit=exhibit)
        try:
            self.record.productions.produce(
                [exhibit],
                None,
                f"PT-{exhibit}",
                continue_from="SRC-",
                redact_pattern=re.escape(ITEM),
            )
        except ClawbackError as exc:
            return str(exc)
        with self.record.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.exhibit == exhibit))
            assert doc is not None and doc.produced is not None
            return self.record.ctx.files.get(doc.produced)

    def close(self) -> None:
        self.record.close()


#: Which readers find `drawn.ITEM` in a file (each test module's own list of them).
Readers = Callable[[bytes], list[str]]


def refused_in_one_line(answer: str) -> None:
    """A refusal is one line, and never names the item it refused to let out."""
    assert "\n" not in answer and ITEM not in answer, answer


def redacted_and_gated(name: str, pdf: bytes, readers: Readers) -> None:
    """`redact` with the item's text, then the gate: the item is gone from every reader, or
    one of them refused (in one line, without the item)."""
    try:
        done = redact(pdf, [Redaction(page=0, reason="R", text=ITEM, label="c0")], WIDTH_POLICY)
    except ClawbackError as exc:
        refused_in_one_line(str(exc))
        return
    findings = verify(
        done.pdf, [("c", ITEM)], boxes=done.boxes, reflowed=done.reflowed, original=pdf, xray=False
    )
    if findings:
        assert all(ITEM not in str(f) for f in findings)
        return
    assert not readers(done.pdf), f"{name}: the gate passed a file that still shows the item"


def produced_without_the_item(
    volumes: Volumes, name: str, build: Callable[..., bytes], heading: str, readers: Readers
) -> None:
    """Produced with the item's pattern: the file that went out shows it to no reader."""
    produced = volumes.produce(name, build, heading)
    if isinstance(produced, str):
        refused_in_one_line(produced)
        return
    assert not readers(produced), f"{name}: the item is read in the file that went out"


def filed_without_the_item(
    volumes: Volumes, name: str, build: Callable[..., bytes], heading: str, readers: Readers
) -> None:
    """Filed as a brief: its public version shows the item to no reader."""
    public = volumes.brief(name, build, heading)
    if isinstance(public, str):
        refused_in_one_line(public)
        return
    assert not readers(public), f"{name}: the item is read in the public version"
