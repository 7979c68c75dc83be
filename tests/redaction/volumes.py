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
