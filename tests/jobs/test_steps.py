"""Steps run again do nothing twice, and the local pool runs what follows each step."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from clawback.domain.actor import Via
from clawback.domain.errors import InvalidInput
from clawback.jobs import Outcome, Step, run_local, run_step
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.jobs.conftest import collection


def counts(ws: Workspace) -> dict[str, int]:
    record = ws.operator()
    with record.transaction() as s:

        def n(table: type[t.Base]) -> int:
            return s.scalar(select(func.count()).select_from(table)) or 0

        grouped = s.execute(select(t.Audit.action, func.count()).group_by(t.Audit.action))
        audit = {action: count for action, count in grouped}
        return {
            "documents": n(t.Document),
            "pages": n(t.Page),
            "numbered": s.scalar(select(func.count()).where(t.Page.bates.is_not(None))) or 0,
            "signatures": n(t.PageSignature),
            "bands": n(t.SignatureBand),
            "ingest": audit.get("ingest", 0),
            "produce": audit.get("produce", 0),
        }


def test_each_step_run_again_finds_what_it_did(
    workspace_root: Path, database_url: str, tmp_path: Path
) -> None:
    [one, two] = sorted(collection(tmp_path / "in", 2, pages=2).iterdir())
    ws = Workspace.open(workspace_root, database_url)
    record = ws.operator(Via.worker)
    first = run_step(record, Step.ingest(one))
    again = run_step(record, Step.ingest(one))
    [control] = [step.args["control"] for step in first.then]
    assert first.lines == (f"{one}: {control} (ingested)",)
    assert again.lines == (f"{one}: {control} (already in the record)",)
    assert again.then == first.then == (Step.sign(control),)  # signed even if killed before
    assert counts(ws) | {"signatures": 0} == {
        "documents": 1, "pages": 2, "numbered": 0, "signatures": 0, "bands": 0,
        "ingest": 1, "produce": 0,
    }  # fmt: skip
    assert run_step(record, Step.sign(control)).lines == (f"{control}: 2 page signature(s) made",)
    assert run_step(record, Step.sign(control)).lines == (f"{control}: 0 page signature(s) made",)
    [other] = [s.args["control"] for s in run_step(record, Step.ingest(two)).then]
    produce = Step.produce([control, other], "V1", "STP-00000001")
    assert run_step(record, produce).lines == ("V1: STP-00000001-STP-00000004 (4 pages)",)
    assert run_step(record, produce).lines == (
        "V1: STP-00000001-STP-00000004 (4 pages, already produced)",
    )
    assert counts(ws) == {
        "documents": 2, "pages": 4, "numbered": 4, "signatures": 2, "bands": 64,
        "ingest": 2, "produce": 1,
    }  # fmt: skip
    with pytest.raises(InvalidInput, match="no step 'reindex'"):
        run_step(record, Step("reindex", {}))
    ws.close()


def test_the_local_pool_ingests_a_folder_and_signs_each_document_as_it_arrives(
    workspace_root: Path, database_env: str, tmp_path: Path
) -> None:
    folder = collection(tmp_path / "in", 6, pages=2)
    (folder / "empty.pdf").write_bytes(b"")
    steps = [Step.ingest(p) for p in sorted(folder.iterdir())]
    seen: list[tuple[Step, Outcome]] = []
    run_local(workspace_root, None, steps, 2, lambda step, outcome: seen.append((step, outcome)))
    ingested = [o for s, o in seen if s.name == "ingest"]
    signed = [o for s, o in seen if s.name == "sign"]
    assert len(ingested) == 7 and len(signed) == 6
    [refused] = [o for o in ingested if o.refused]
    assert refused.lines[0].startswith(f"{folder / 'empty.pdf'}: refused: ")
    ws = Workspace.open(workspace_root)
    # Every page's signature is there before any search for copies asked for one.
    assert counts(ws) == {
        "documents": 6, "pages": 12, "numbered": 0, "signatures": 12, "bands": 12 * 32,
        "ingest": 6, "produce": 0,
    }  # fmt: skip
    with ws.operator().transaction() as s:
        controls = sorted(s.scalars(select(t.Document.control)))
    assert controls == [f"DOC-{n:06d}" for n in range(1, 7)]  # numbered once each, no gap
    ws.close()
