"""Production volumes on disk: what a receiving party's platform loads, and loading one back.

A volume is one PDF per document (as produced: Bates-stamped, legend-stamped), its text per
document, a Concordance DAT (one row per document, the fields a review platform expects) and
an Opticon OPT (one line per page, the document break on each first page), and NATIVES/ for
documents produced in native form (the PDF then holds their placeholder page). A withheld
document's PDF is its slip sheet: its row keeps the whole Bates range, and none of its
metadata or text goes out. Reading a volume
back in (ours or another party's) is ``service/received.py``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pymupdf
from sqlalchemy import select

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.errors import ClawbackError, RuleViolation
from clawback.domain.seats import Act
from clawback.loadfiles import OptPage, write_dat, write_opt
from clawback.service import delivery, lookup, rows
from clawback.service.base import Service
from clawback.service.production import native_file
from clawback.storage import tables as t
from clawback.storage.folders import make_folder

FIELDS = (
    "BEGBATES",
    "ENDBATES",
    "BEGATTACH",
    "ENDATTACH",
    "PAGECOUNT",
    "CUSTODIAN",
    "DATESENT",
    "FROM",
    "TO",
    "SUBJECT",
    "FILENAME",
    "MD5HASH",
    "CONFIDENTIALITY",
    "REDACTED",
    "PRODVOL",
    "TEXTPATH",
    "PDFPATH",
    "NATIVEPATH",
)
#: Called after each document written with (documents done, documents in the volume).
Progress = Callable[[int, int], None]


class Volumes(Service):
    def export(self, volume: str, out: Path, progress: Progress | None = None) -> Path:
        """Write production ``volume`` to ``out/<volume>/`` (PDF/, TEXT/, NATIVES/,
        DATA/<volume>.dat and .opt); the folder appears whole or not at all, and only where
        nothing is yet."""
        self.ctx.require(Act.export_volume)
        records: list[dict[str, str]] = []
        pages: list[OptPage] = []
        if "/" in volume or "\\" in volume or volume.startswith("."):
            raise ClawbackError(f"not a volume name: {volume!r}")
        target = delivery.outside(self.ctx.workspace.root, out / volume)
        delivery.finish_stages(target.parent)
        with self.ctx.transaction() as s, _staged(target) as staging:
            production = lookup.volume(s, self.actor, volume)
            if production.state != "complete":
                raise RuleViolation(
                    f"volume {volume} is not complete: run the same produce again to finish it"
                )
            planned = {d["id"]: d for d in production.plan.get("docs", ())}
            docs = s.scalars(select(t.Document).where(t.Document.production == production.id)).all()
            position = {doc_id: n for n, doc_id in enumerate(planned)}
            docs = sorted(docs, key=lambda d: (position.get(d.id, len(position)), d.id))
            numbers = {
                doc.id: s.scalars(
                    select(t.Page.bates).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
                ).all()
                for doc in docs
            }
            families = _family_spans(docs, numbers)
            order = rows.protective_order(s)
            for n, doc in enumerate(docs, start=1):
                bates = [str(b) for b in numbers[doc.id]]
                first, last = bates[0], bates[-1]
                entry = planned.get(doc.id, {})
                withheld = bool(entry.get("withheld"))
                pdf = self.ctx.files.get(doc.produced or doc.original)
                texts = _page_texts(pdf)
                shown = len(texts)  # pages in the PDF: one for a slip sheet or a placeholder
                _put(staging, f"PDF/{first}.pdf", pdf)
                own = _own_range(numbers[doc.id])
                attach = families.get(doc.family or "", own)
                meta: dict[str, Any] = {} if withheld else (doc.meta or {})
                native = ""
                kept = entry.get("native") if planned else (None if withheld else native_file(meta))
                if kept:
                    suffix = Path(str(kept["name"])).suffix.lower()
                    native = f"NATIVES/{first}{suffix}"
                    _put(staging, native, self.ctx.files.get(str(kept["sha256"])))
                    texts = [str(x) for x in records_text(s, doc.id)]
                _put(staging, f"TEXT/{first}.txt", "\f".join(texts).encode("utf-8"))
                legend = entry.get("legend")
                if legend is None:
                    legend = order.legend(doc.tier) if doc.tier else ""
                records.append(
                    {
                        "BEGBATES": first,
                        "ENDBATES": last,
                        "BEGATTACH": str(attach.first),
                        "ENDATTACH": str(attach.last),
                        "PAGECOUNT": str(shown),
                        "CUSTODIAN": str(meta.get("custodian", "")),
                        "DATESENT": str(meta.get("date", "")),
                        "FROM": str(meta.get("author", "")),
                        "TO": str(meta.get("recipients", "")),
                        "SUBJECT": "" if withheld else doc.title,
                        "FILENAME": "" if withheld else str(meta.get("name", doc.title)),
                        "MD5HASH": hashlib.md5(pdf).hexdigest(),
                        "CONFIDENTIALITY": legend,
                        "REDACTED": "Y" if entry.get("hits") else "N",
                        "PRODVOL": volume,
                        "TEXTPATH": f".\\TEXT\\{first}.txt",
                        "PDFPATH": f".\\PDF\\{first}.pdf",
                        "NATIVEPATH": ".\\" + native.replace("/", "\\") if native else "",
                    }
                )
                keys = bates[:shown]  # a slip sheet or placeholder: keyed by the first number
                for i, key in enumerate(keys):
                    pages.append(
                        OptPage(
                            key,
                            volume,
                            f".\\PDF\\{first}.pdf",
                            i == 0,
                            "",
                            "",
                            len(keys) if i == 0 else None,
                        )
                    )
                if progress:
                    progress(n, len(docs))
            _put(staging, f"DATA/{volume}.dat", write_dat(FIELDS, records))
            _put(staging, f"DATA/{volume}.opt", write_opt(pages))
            self.ctx.audit(
                s, "volume.export", f"{production.first}-{production.last}", volume=volume
            )
        return target


def records_text(s: Any, document_id: int) -> list[str]:
    """A native's text: the record's, page by page (its PDF is one placeholder page)."""
    return list(
        s.scalars(
            select(t.Page.text).where(t.Page.document_id == document_id).order_by(t.Page.idx)
        ).all()
    )


def _own_range(numbers: Sequence[BatesNumber | None]) -> BatesRange:
    first, last = numbers[0], numbers[-1]
    if first is None or last is None:
        raise ClawbackError("a document of the volume has pages without Bates numbers")
    return BatesRange(first, last)


def _family_spans(docs: list[t.Document], numbers: dict[int, Any]) -> dict[str, BatesRange]:
    """Each family's span within the volume (BEGATTACH/ENDATTACH): parent and attachments are
    produced together."""
    spans: dict[str, BatesRange] = {}
    for doc in docs:
        if not doc.family:
            continue
        first, last = numbers[doc.id][0], numbers[doc.id][-1]
        if doc.family in spans:
            known = spans[doc.family]
            first, last = min(first, known.first), max(last, known.last)
        spans[doc.family] = BatesRange(first, last)
    return spans


def _page_texts(pdf: bytes) -> list[str]:
    """The text of each page of the file as produced (redacted, slip-sheeted), not the record's."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [page.get_text("text") for page in doc]


def _put(staging: Path, name: str, data: bytes) -> None:
    path = staging / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


@contextmanager
def _staged(target: Path) -> Iterator[Path]:
    """A folder that becomes ``target`` only if the block finishes."""
    if target.exists():
        raise ClawbackError(f"{target} exists already: choose another folder")
    make_folder(target.parent)
    with delivery.staged(target.parent) as stage:
        yield stage / "new"
        (stage / "new").rename(target)
