"""Fake redactions looked for in what another party produced: boxes drawn over text still in
the file (`clawback.pdf.received.check`: clawback's own check and x-ray's, merged), one warning
kept per box on the document's page, never the text under it (it may be privileged to the other
side)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select

from clawback.pdf.received.check import ReceivedReport, check_files
from clawback.pdf.received.received_check import BoxOverText
from clawback.service import rows
from clawback.service.base import Service
from clawback.storage import tables as t

#: Received documents checked per x-ray run (their copies on disk at once).
_CHECK_BATCH = 200


class BoxChecks(Service):
    def check(self, control: str) -> int:
        """Look for fake redactions in a received document: boxes over text still in the file
        (`clawback.pdf.received.check`: clawback's check and x-ray's, merged). Keep one warning
        per box (where, how many characters and which check found it, never the text: it may
        be privileged to the other side). Returns how many were found."""
        return self.check_many([control]).get(control, 0)

    def check_many(self, controls: Sequence[str]) -> dict[str, int]:
        """`check` for many documents, x-ray reading them in one go (a batch of
        `_CHECK_BATCH` at a time); the count per control number. A document checked before
        keeps its count (``box_check`` in its meta, with ``box_check_xray``: ``run`` or why
        x-ray was not)."""
        counts: dict[str, int] = {}
        todo: list[tuple[str, str]] = []  # (control, sha256 of the PDF the record works on)
        with self.ctx.transaction() as s:
            for control in dict.fromkeys(controls):
                doc = s.scalar(select(t.Document).where(t.Document.control == control))
                if doc is None:
                    continue
                if "box_check" in (doc.meta or {}):
                    counts[control] = int(doc.meta["box_check"])
                else:
                    todo.append((control, doc.original))
        for start in range(0, len(todo), _CHECK_BATCH):
            batch = todo[start : start + _CHECK_BATCH]
            with tempfile.TemporaryDirectory(prefix="clawback-received-") as tmp:
                paths = []
                for n, (_, sha) in enumerate(batch):
                    path = Path(tmp) / f"{n:06d}.pdf"
                    path.write_bytes(self.ctx.files.get(sha))
                    paths.append(path)
                reports = check_files(paths)
                for (control, _), path in zip(batch, paths, strict=True):
                    counts[control] = self._keep_check(control, reports[path])
        return counts

    def _keep_check(self, control: str, report: ReceivedReport) -> int:
        """One warning per box found (or one saying the document could not be checked)."""
        found = list(report.boxes)
        if report.failure:
            failure = f"the document could not be checked: {report.failure}"
            found = [BoxOverText(0, "", (0, 0, 0, 0), 0, failure)]
        with self.ctx.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.control == control))
            if doc is None:
                return 0
            s.execute(delete(t.PageWarning).where(t.PageWarning.document_id == doc.id))
            for box in found:
                s.add(
                    t.PageWarning(
                        document_id=doc.id,
                        page_idx=box.page,
                        what="not checked" if box.failure else "box over text",
                        detail=box.describe(),
                    )
                )
            xray = "run" if not report.xray else f"not run: {report.xray}"
            doc.meta = {**(doc.meta or {}), "box_check": len(found), "box_check_xray": xray}
            if found:
                pages = sorted({box.page + 1 for box in found})
                by = sorted({box.found_by for box in found if not box.failure})
                self.ctx.audit(
                    s, "received.warning", rows.label(doc), boxes=len(found), pages=pages, by=by
                )
        return len(found)
