"""Production volumes on disk: what a receiving party's platform loads, and loading one back.

A volume is one PDF per document (as produced: Bates-stamped, legend-stamped), its text per
document, a Concordance DAT (one row per document, the fields a review platform expects) and
an Opticon OPT (one line per page, the document break on each first page). ``import_volume``
reads such a volume back into a workspace, so produce -> export -> import is a round trip.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from sqlalchemy import select

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.documents import family_range
from clawback.domain.errors import ClawbackError, NotFound, RuleViolation
from clawback.domain.order import Side
from clawback.loadfiles import OptPage, read_dat, read_opt, resolve, write_dat, write_opt
from clawback.pdf.extract import page_count
from clawback.service import record
from clawback.service.base import WorkspaceBase
from clawback.storage import tables as t

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
    "TEXTPATH",
    "PDFPATH",
)


class Volumes(WorkspaceBase):
    def export_volume(self, volume: str, out: Path) -> Path:
        """Write production ``volume`` to ``out/<volume>/`` (PDF/, TEXT/, DATA/<volume>.dat and
        .opt); the folder appears whole or not at all."""
        self._require(Side.producing, act="export a production volume")
        rows, pages, files = [], [], {}
        with self.transaction() as s:
            production = s.scalar(select(t.Production).where(t.Production.volume == volume))
            if production is None:
                raise NotFound(f"no production volume {volume!r}")
            exhibits = record.exhibits(s)
            docs = s.scalars(select(t.Document).where(t.Document.production == production.id)).all()
            order = record.protective_order(s)
            for doc in sorted(docs, key=lambda d: d.id):
                texts = s.execute(
                    select(t.Page.bates, t.Page.text)
                    .where(t.Page.document_id == doc.id)
                    .order_by(t.Page.idx)
                ).all()
                first, last = str(texts[0][0]), str(texts[-1][0])
                pdf = self.files.get(doc.produced or doc.original)
                attach = BatesRange(BatesNumber.parse(first), BatesNumber.parse(last))
                if doc.family and doc.exhibit is not None:
                    attach = family_range(exhibits, doc.family)
                files[f"PDF/{first}.pdf"] = pdf
                files[f"TEXT/{first}.txt"] = "\f".join(x for _, x in texts).encode("utf-8")
                meta = doc.meta or {}
                rows.append(
                    {
                        "BEGBATES": first,
                        "ENDBATES": last,
                        "BEGATTACH": str(attach.first),
                        "ENDATTACH": str(attach.last),
                        "PAGECOUNT": str(len(texts)),
                        "CUSTODIAN": str(meta.get("custodian", "")),
                        "DATESENT": str(meta.get("date", "")),
                        "FROM": str(meta.get("author", "")),
                        "TO": str(meta.get("recipients", "")),
                        "SUBJECT": doc.title,
                        "FILENAME": str(meta.get("name", doc.title)),
                        "MD5HASH": hashlib.md5(pdf).hexdigest(),
                        "CONFIDENTIALITY": order.legend(doc.tier) if doc.tier else "",
                        "REDACTED": "N",
                        "TEXTPATH": f".\\TEXT\\{first}.txt",
                        "PDFPATH": f".\\PDF\\{first}.pdf",
                    }
                )
                for i, (bates, _) in enumerate(texts):
                    pages.append(
                        OptPage(
                            str(bates),
                            volume,
                            f".\\PDF\\{first}.pdf",
                            i == 0,
                            "",
                            "",
                            len(texts) if i == 0 else None,
                        )
                    )
            self._audit(s, "volume.export", f"{production.first}-{production.last}", volume=volume)
        files[f"DATA/{volume}.dat"] = write_dat(FIELDS, rows)
        files[f"DATA/{volume}.opt"] = write_opt(pages)
        return _write_whole(out / volume, files)

    def import_volume(self, folder: Path) -> tuple[list[str], list[str]]:
        """Load a production volume (DATA/*.dat, the PDFs it names) into this workspace, each
        document numbered with the Bates range the volume gives it. Returns (control numbers,
        problems); a bad document is reported and the rest go on."""
        self._require(Side.producing, Side.receiving, act="import a production volume")
        dats = sorted((folder / "DATA").glob("*.dat")) if (folder / "DATA").is_dir() else []
        if len(dats) != 1:
            raise ClawbackError(f"{folder}: expected one DATA/*.dat, found {len(dats)}")
        dat = read_dat(dats[0].read_bytes())
        problems = list(dat.problems)
        opts = sorted((folder / "DATA").glob("*.opt"))
        if opts:
            problems += read_opt(opts[0].read_bytes()).problems
        controls = []
        for n, row in enumerate(dat.records, start=1):
            try:
                controls.append(self._import_row(folder, dats[0].stem, row))
            except (ClawbackError, ValueError, OSError) as exc:
                problems.append(f"row {n} ({row.get('BEGBATES', '?')}): {exc}")
        return controls, problems

    def _import_row(self, folder: Path, volume: str, row: dict[str, str]) -> str:
        pdf = resolve(folder, row["PDFPATH"]).read_bytes()
        first = BatesNumber.parse(row["BEGBATES"])
        span = BatesRange(first, BatesNumber.parse(row["ENDBATES"]))
        pages = page_count(pdf)
        if pages != len(span):
            raise RuleViolation(f"{span} names {len(span)} pages, the PDF has {pages}")
        with self.transaction() as s:
            taken = s.scalar(select(t.Page.bates).where(t.Page.bates.in_([str(n) for n in span])))
            if taken is not None:
                raise RuleViolation(f"Bates number {taken} is already in the record")
        control = self.ingest(
            pdf,
            title=row.get("SUBJECT") or row["BEGBATES"],
            kind="received",
            meta={k.lower(): v for k, v in row.items() if v},
        )
        with self.transaction() as s:
            doc = s.scalar(select(t.Document).where(t.Document.control == control))
            assert doc is not None
            if doc.produced:
                return control  # imported before: nothing twice
            page_rows = s.scalars(
                select(t.Page).where(t.Page.document_id == doc.id).order_by(t.Page.idx)
            ).all()
            for page, number in zip(page_rows, span, strict=True):
                page.bates = str(number)
            production = s.scalar(select(t.Production).where(t.Production.volume == volume))
            if production is None:
                production = t.Production(volume=volume, first=str(span.first), last=str(span.last))
                s.add(production)
                s.flush()
            production.last = str(span.last)
            doc.produced, doc.production = doc.original, production.id
            self._audit(s, "volume.import", str(span), volume=volume)
        return control


def _write_whole(target: Path, files: dict[str, bytes]) -> Path:
    if target.exists():
        raise ClawbackError(f"{target} exists already: choose another folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".volume-", dir=target.parent))
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
