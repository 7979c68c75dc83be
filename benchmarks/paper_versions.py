"""What a sealed paper's versions cost through the filing package's path (``paper_filing``)
against the brief's gate (``Briefs.file``) the paper used before, for the same paper and the
same items: median seconds and their ratio, measured in the same run.

    .venv/bin/python benchmarks/paper_versions.py [--pages 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pymupdf
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.paper_seals import targets
from clawback.domain.seal_parts import SealPart
from clawback.service import Workspace, paper_seals
from clawback.service.briefs import Briefs, Proposal
from clawback.service.paper_filing import versions
from clawback.storage import tables as t


def paper(path: Path, pages: int) -> Path:
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        page = doc.new_page()
        for k in range(20):
            page.insert_text((72, 80 + 30 * k), f"page {n} line {k}: declared fact number {n * k}")
    doc.save(path)
    doc.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        Workspace.init(root / "ws").close()
        loaded = CliRunner().invoke(app, ["load-case", "--reference", "-w", str(root / "ws")])
        assert loaded.exit_code == 0, loaded.output
        workspace = Workspace.open(root / "ws")
        try:
            record = workspace.operator()
            pdf = paper(root / "decl.pdf", args.pages).read_bytes()
            record.filed_papers.enter(pdf, "ECF No. 12", "declaration")
            wanted = range(1, args.pages + 1, 3)
            for n in wanted:
                record.filed_papers.item("12", f"p{n}", f"page {n}", "a page")
            items = record.filed_papers.paper("12").items
            part = SealPart(items=tuple(i.id for i in items))
            with record.ctx.reading() as s:
                doc = s.scalar(select(t.Document).where(t.Document.docket == "12"))
                assert doc is not None
                known = paper_seals.items(s, [doc])["12"]
                pages = list(s.scalars(select(t.Page.text).where(t.Page.document_id == doc.id)))
            found = targets(part, known, pages)
            proposals = [
                Proposal(page=i.page, text=x, reason="REDACTED", source=i.id)
                for i in known
                for x in i.texts
            ]
            new, old = [], []
            for k in range(args.rounds):
                start = time.perf_counter()
                versions("12", pdf, pages, found, xray=True)
                new.append(time.perf_counter() - start)
                start = time.perf_counter()
                Briefs(record.ctx).file(pdf, root / f"out{k}", "ECF-12", proposals=proposals)
                old.append(time.perf_counter() - start)
        finally:
            workspace.close()
    a, b = statistics.median(new), statistics.median(old)
    print(f"{args.pages} pages, {len(found)} items, {args.rounds} rounds")
    print(
        f"paper_filing.versions: {a:.2f} s   Briefs.file (baseline): {b:.2f} s   ratio {a / b:.2f}"
    )


if __name__ == "__main__":
    main()
