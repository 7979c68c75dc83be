"""Entering a real order's case with a case file and the CLI, and reading back what the record
holds, for the scenario tests beside this file.

Each scenario is ``<slug>.yaml`` here (a case file) for the order ``tests/orders/<slug>.txt``,
whose hand-checked expectations are ``tests/orders/<slug>.yaml``. The exhibits are small PDFs
made on the spot, one page each, standing for the real ones (whose text the orders do not give).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.casefile.read import parse_case_file
from clawback.cli import app
from clawback.domain.deadlines import Deadline
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.conftest import ROOT
from tests.test_cli import make_pdf

HERE = Path(__file__).parent
ORDERS = ROOT / "tests" / "orders"


def expected(slug: str) -> dict[str, Any]:
    """The order's hand-checked expectations (``tests/orders/README.md`` gives the schema)."""
    data: dict[str, Any] = yaml.safe_load((ORDERS / f"{slug}.yaml").read_text(encoding="utf-8"))
    return data


def outcome(value: str) -> str:
    """An outcome as the orders' YAML writes it (``denied-without-prejudice``) in the record's
    terms (``denied_without_prejudice``)."""
    return value.replace("-", "_")


@dataclass(frozen=True)
class Entered:
    """What the record holds once the case is in, as the operator reads it."""

    rulings: dict[str, list[tuple[str, str | None, str]]]  # claim: (result, on, reason), in order
    sealed: dict[int, bool]  # exhibit: sealed now
    seals: dict[str, list[tuple[int, bool, str]]]  # motion: (exhibit, sealed, reason) as ruled
    deadlines: list[Deadline]  # the acts orders set, in due order
    drafted: list[str]  # draft-order's ordering paragraphs, without their numbers
    loaded: str  # what load-case said

    def due(self) -> list[tuple[date, str]]:
        return [(d.due, d.act) for d in self.deadlines]


def enter(slug: str, tmp_path: Path, *draft_options: str) -> Entered:
    """Load ``<slug>.yaml`` (its exhibits made first) into a new workspace with ``load-case``,
    then ask ``draft-order`` (with ``draft_options``) for the ordering paragraphs."""
    folder = tmp_path / "case"
    folder.mkdir()
    case_file = folder / "case.yaml"
    shutil.copyfile(HERE / f"{slug}.yaml", case_file)
    case = parse_case_file(case_file.read_text(encoding="utf-8"), str(case_file))
    for d in case.documents:
        (folder / d.file).parent.mkdir(parents=True, exist_ok=True)
        make_pdf(folder / d.file, f"Stands for: {d.title or d.file.stem}")
    ws = tmp_path / "ws"
    Workspace.init(ws).close()
    loaded = _cli(ws, "load-case", str(case_file))
    drafted = _cli(ws, "draft-order", *draft_options).splitlines()
    workspace = Workspace.open(ws)
    try:
        record = workspace.operator()
        rulings = {
            c["claim"]: [(r["result"], r["on"], r["reason"]) for r in c["rulings"]]
            for c in record.claims.status()
        }
        sealed = {d.exhibit: d.sealed for d in record.catalog.documents() if d.exhibit}
        deadlines = [d for d in record.deadlines.list(claims=False) if d.kind is not None]
        with record.transaction() as s:
            seals: dict[str, list[tuple[int, bool, str]]] = {}
            for row in s.scalars(select(t.SealDecision).order_by(t.SealDecision.exhibit)):
                seals.setdefault(row.motion, []).append((row.exhibit, row.sealed, row.reason))
    finally:
        workspace.close()
    return Entered(
        rulings=rulings,
        sealed=sealed,
        seals=seals,
        deadlines=deadlines,
        drafted=[re.sub(r"^\d+\. ", "", p) for p in drafted],
        loaded=loaded,
    )


def _cli(ws: Path, *args: str) -> str:
    result = CliRunner().invoke(app, [*args, "-w", str(ws)])
    assert result.exit_code == 0, result.output
    return result.output
