"""The reference case end to end: generate the exhibits, then drive them through the whole flow.

Ingest -> designate -> produce -> claw back (notice, sequester, present under seal, preserve,
review) -> findings -> rule -> seal -> deadlines -> file (sealed and public, verified; rulings
applied) -> replacement production -> bench memos -> privilege log -> summary. Every step is a call
on the service API, exactly as a user of the CLI would make it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from clawback.demo.exhibits import make_exhibits
from clawback.domain.bates import BatesRange
from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import ClawbackError
from clawback.service import Workspace
from clawback.service.exports import describe_changes, write_privilege_log, write_summary

MARKER = ".clawback-demo"
Progress = Callable[[str], None]


def reference_case() -> dict[str, Any]:
    text = resources.files("clawback.data").joinpath("reference_case.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def workspace_for(out: Path) -> Path:
    """The demo's workspace sits beside ``out``, not in it: the record holds the unredacted
    originals, and nothing under ``out`` may."""
    return out.parent / f"{out.name}.workspace"


def run(out: Path, progress: Progress = lambda _: None) -> dict[str, Any]:
    """Build the record in ``workspace_for(out)`` and write the filing packages, the privilege
    log and the summary to ``out``; returns the summary."""
    _prepare(out)
    _prepare(workspace_for(out))
    ws = Workspace.init(workspace_for(out))
    try:
        for done in stages(ws, reference_case(), out):
            progress(done)
        summary: dict[str, Any] = json.loads((out / "summary.json").read_text("utf-8"))
        return summary
    finally:
        ws.close()


def stages(ws: Workspace, case: dict[str, Any], out: Path) -> Iterator[str]:
    """The flow, one stage at a time: the caller may look at the record between stages."""
    ws.load_case(case)
    for email, seat in case.get("people", {}).items():
        ws.add_person(email, **seat)
    _ingest(ws, case)
    _produce(ws, case)
    _define_items(ws, case)
    _redesignate(ws, case)
    yield "produced with the case's Bates numbers"
    noticed = date.fromisoformat(case["claims_noticed_on"])
    life = case.get("lifecycle", {})
    for c in case["claims"]:
        with _seated(ws, case, "producing"):
            ws.claim(
                c["id"],
                privilege=c["privilege"],
                exhibits=c["exhibits"],
                items=c.get("items", ()),
                declarations=c["declarations"],
                paragraphs=c["paragraphs"],
                basis=c["basis"],
                on=noticed,
            )
    ws.serve_privilege_log(noticed, "served with the claw-back notice")
    for c in case["claims"]:
        for state in ("sequestered", "submitted", "preserved", "under_review"):
            step = life.get(state, {})
            with _seated(ws, case, SEAT_OF[state]):
                ws.advance(
                    c["id"],
                    state,
                    on=_on(step, noticed),
                    how=step.get("how") if state == "sequestered" else None,
                    note=step.get("note", ""),
                )
    yield "claw-back noticed, sequestered, presented under seal, preserved and under review"
    with _seated(ws, case, "court"):
        for claim_id, findings in case.get("reviews", {}).items():
            ws.record_review(claim_id, findings)
    order = case["order"]
    ordered = date.fromisoformat(order["date"])
    with _seated(ws, case, "court"):
        for r in order["rulings"]:
            ws.rule(r["claim"], r["result"], r.get("items", ()), r.get("reason", ""), ordered)
    ws.serve_privilege_log(ordered, "served after the order")
    yield "review findings recorded and rulings entered"
    motion = case["motion_to_seal"]
    ws.seal(
        motion["docket"],
        exhibits=motion["exhibits"],
        kind=motion["kind"],
        granted=order["seal_granted"],
        joint=motion["joint"],
        reason=order["seal_reason"],
        on=ordered,
    )
    directives = [
        Directive(str(d["paragraph"]), int(d["within_days"]), Act(d["act"]))
        for d in order["directives"]
    ]
    ws.order_deadlines(ordered, directives)
    yield "sealing decided and deadlines computed"
    made = ws.file(out, on=ordered)
    _replace(ws, case, ordered)
    for c in case["claims"]:
        (out / f"bench-memo-{c['id']}.pdf").write_bytes(ws.bench_memo(c["id"]))
    write_privilege_log(ws.privilege_log(), out / "privilege-log.csv", out / "privilege-log.xlsx")
    files = {(m.plan.exhibit.number, m.plan.kind): m.plan.name for m in made}
    write_summary(ws.summary(ordered, files), out / "summary.json", out / "summary.md")
    before, after = [v[0] for v in ws.served_logs()][-2:]
    changes = ws.privilege_log_diff(before, after)
    (out / "privilege-log-diff.txt").write_text(describe_changes(changes), encoding="utf-8")
    drafted = "\n\n".join(str(p) for p in ws.draft_order())
    (out / "ordering-paragraphs.txt").write_text(drafted + "\n", encoding="utf-8")
    yield "sealed and public filings made and verified"


def _on(step: dict[str, Any], default: date) -> date:
    return date.fromisoformat(step["date"]) if "date" in step else default


def _replace(ws: Workspace, case: dict[str, Any], ordered: date) -> None:
    """The producing side's replacement production for every applied claim: the exhibits again,
    under their own Bates numbers, as the rulings left them."""
    step = case.get("lifecycle", {}).get("replaced", {})
    bates = {d["exhibit"]: d["bates"] for d in case["documents"]}
    with _seated(ws, case, "producing"):
        for c in case["claims"]:
            ws.advance(
                c["id"],
                "replaced",
                on=_on(step, ordered),
                volume=step.get("volume", "replacement"),
                bates=", ".join(bates[n] for n in c["exhibits"]),
                note=step.get("note", ""),
            )


# Who makes each lifecycle move in the demo: the first person the case seats on that side.
SEAT_OF = {
    "sequestered": "receiving",
    "submitted": "receiving",
    "preserved": "producing",
    "under_review": "court",
}


@contextmanager
def _seated(ws: Workspace, case: dict[str, Any], side: str) -> Iterator[None]:
    """Act as the case's first person on ``side`` (the operator if it seats nobody there)."""
    email = next((e for e, p in case.get("people", {}).items() if p["side"] == side), None)
    if email is not None:
        ws.act_as(email)
    try:
        yield
    finally:
        ws.person = None


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ClawbackError(f"{out} is a file, not a folder: choose another --out")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ClawbackError(f"{out} is not empty and holds no earlier demo: choose another --out")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("made by `clawback demo`; the next demo run replaces it\n")


def _ingest(ws: Workspace, case: dict[str, Any]) -> None:
    content = dict(case["demo_content"])
    content["titles"] = {d["exhibit"]: d["title"] for d in case["documents"]}
    pdfs = make_exhibits(content)
    for d in case["documents"]:
        n = d["exhibit"]
        ws.ingest(
            pdfs[n],
            title=d["title"],
            kind=d["kind"],
            exhibit=n,
            family=d.get("family"),
            parent=d.get("parent", False),
            publicly_available=d.get("publicly_available", False),
            meta=d.get("meta"),
        )
        history = d.get("designation_history") or [{"designation": d["designation"], "when": ""}]
        ws.designate(n, history[0]["designation"], history[0]["when"])


def _produce(ws: Workspace, case: dict[str, Any]) -> None:
    documents = {d["exhibit"]: d for d in case["documents"]}
    for p in case["productions"]:
        span = ws.produce(
            p["exhibits"],
            p["start"],
            p["volume"],
            date.fromisoformat(p["produced_on"]),
            allow_gap="the pages between these volumes were produced outside this record",
        )
        wanted = [BatesRange.parse(documents[n]["bates"]) for n in p["exhibits"]]
        if span != BatesRange(wanted[0].first, wanted[-1].last):
            raise ClawbackError(f"volume {p['volume']} came out as {span}, not as the case has it")


def _define_items(ws: Workspace, case: dict[str, Any]) -> None:
    content = case["demo_content"]
    for d in case["documents"]:
        for item in d.get("items", ()):
            texts = content.get(item.get("content", ""), ())
            texts = [texts] if isinstance(texts, str) else list(texts)
            ws.define_item(
                d["exhibit"],
                item["id"],
                item["page"],
                item["what"],
                texts,
                item.get("whole_page", False),
            )


def _redesignate(ws: Workspace, case: dict[str, Any]) -> None:
    for d in case["documents"]:
        for later in (d.get("designation_history") or [])[1:]:
            ws.designate(d["exhibit"], later["designation"], later["when"])
