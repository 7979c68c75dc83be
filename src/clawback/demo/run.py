"""The reference case end to end: generate the exhibits, then drive them through the whole flow.

Ingest -> designate -> produce -> claw back (notice, sequester, present under seal, preserve,
review) -> findings -> rule -> seal -> deadlines -> file (sealed and public, verified; rulings
applied) -> replacement production -> bench memos -> privilege log -> summary. Every step is a call
on the service API, exactly as a user of the CLI would make it.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from clawback.demo.exhibits import make_exhibits
from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.compliance import Act, Directive
from clawback.domain.errors import ClawbackError
from clawback.domain.refs import ExhibitNumber
from clawback.service import URL_SETTING, Record, Via, Workspace, exports
from clawback.service.delivery import write_whole

MARKER = ".clawback-demo"
Progress = Callable[[str], None]


def reference_case() -> dict[str, Any]:
    """The reference case as data: a fresh copy on each call (a caller may change its copy)."""
    return copy.deepcopy(_reference_case())


@cache
def _reference_case() -> dict[str, Any]:
    """The shipped file read once: YAML parsing is a tenth of a second, a copy far less."""
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
    home = workspace_for(out)
    if os.environ.get(URL_SETTING) and home.exists():
        # The record is in a database the demo did not make: removing the folder would leave
        # the database's rows without their files. Nothing is removed.
        raise ClawbackError(
            f"{home} holds an earlier demo whose record is in {URL_SETTING}'s database: "
            "remove both (or give another --out and an empty database)"
        )
    _prepare(out)
    _prepare(home)
    ws = Workspace.init(home)
    try:
        for done in stages(ws, reference_case(), out):
            progress(done)
        summary: dict[str, Any] = json.loads((out / "summary.json").read_text("utf-8"))
        return summary
    finally:
        ws.close()


def stages(workspace: Workspace, case: dict[str, Any], out: Path) -> Iterator[str]:
    """The flow, one stage at a time: the caller may look at the record between stages. The
    operator sets the case up; each later move is made by the case's person in that seat."""
    ws = workspace.operator(Via.api)
    ws.matter.load_case(case)
    for email, seat in case.get("people", {}).items():
        ws.people.add(email, **seat)
    _ingest(ws, case)
    _produce(ws, case)
    _define_items(ws, case)
    _redesignate(ws, case)
    yield "produced with the case's Bates numbers"
    noticed = date.fromisoformat(case["claims_noticed_on"])
    life = case.get("lifecycle", {})
    for c in case["claims"]:
        _seated(workspace, case, "producing").claims.claim(
            c["id"],
            privilege=c["privilege"],
            exhibits=c["exhibits"],
            items=c.get("items", ()),
            declarations=c["declarations"],
            paragraphs=c["paragraphs"],
            basis=c["basis"],
            on=noticed,
        )
    ws.privilege_log.serve(noticed, "served with the claw-back notice")
    for c in case["claims"]:
        for state in ("sequestered", "submitted", "preserved", "under_review"):
            step = life.get(state, {})
            _seated(workspace, case, SEAT_OF[state]).claims.advance(
                c["id"],
                state,
                on=_on(step, noticed),
                how=step.get("how") if state == "sequestered" else None,
                note=step.get("note", ""),
            )
    yield "claw-back noticed, sequestered, presented under seal, preserved and under review"
    court = _seated(workspace, case, "court")
    for claim_id, findings in case.get("reviews", {}).items():
        court.reviews.record(claim_id, findings)
    order = case["order"]
    ordered = date.fromisoformat(order["date"])
    for r in order["rulings"]:
        court.claims.rule(r["claim"], r["result"], r.get("items", ()), r.get("reason", ""), ordered)
    ws.privilege_log.serve(ordered, "served after the order")
    yield "review findings recorded and rulings entered"
    motion = case["motion_to_seal"]
    court.sealing.seal(
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
    ws.deadlines.order_deadlines(ordered, directives)
    yield "sealing decided and deadlines computed"
    made = ws.filings.file(out, on=ordered)
    _replace(workspace, case, ordered)
    for c in case["claims"]:
        write_whole(out / f"bench-memo-{c['id']}.pdf", court.reviews.bench_memo(c["id"]))
    rows = ws.privilege_log.rows()
    write_whole(out / "privilege-log.csv", exports.privilege_log_csv(rows))
    write_whole(out / "privilege-log.xlsx", exports.privilege_log_xlsx(rows))
    files = {(m.plan.exhibit.number, m.plan.kind): m.plan.name for m in made}
    summary = ws.filings.summary(ordered, files)
    write_whole(out / "summary.json", exports.summary_json(summary))
    write_whole(out / "summary.md", exports.summary_markdown(summary).encode("utf-8"))
    before, after = [v[0] for v in ws.privilege_log.served()][-2:]
    changes = ws.privilege_log.diff(before, after)
    write_whole(out / "privilege-log-diff.txt", exports.describe_changes(changes).encode("utf-8"))
    drafted = "\n\n".join(str(p) for p in ws.filings.draft_order())
    write_whole(out / "ordering-paragraphs.txt", (drafted + "\n").encode("utf-8"))
    yield "sealed and public filings made and verified"


def _on(step: dict[str, Any], default: date) -> date:
    return date.fromisoformat(step["date"]) if "date" in step else default


def _replace(workspace: Workspace, case: dict[str, Any], ordered: date) -> None:
    """The producing side's replacement production for every applied claim: the exhibits again,
    under their own Bates numbers, as the rulings left them."""
    step = case.get("lifecycle", {}).get("replaced", {})
    bates = {d["exhibit"]: d["bates"] for d in case["documents"]}
    producing = _seated(workspace, case, "producing")
    for c in case["claims"]:
        producing.claims.advance(
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


def _seated(workspace: Workspace, case: dict[str, Any], side: str) -> Record:
    """The record as the case's first person on ``side`` reaches it (the operator if the case
    seats nobody there)."""
    email = next((e for e, p in case.get("people", {}).items() if p["side"] == side), None)
    return workspace.person(email, Via.api) if email else workspace.operator(Via.api)


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise ClawbackError(f"{out} is a file, not a folder: choose another --out")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise ClawbackError(f"{out} is not empty and holds no earlier demo: choose another --out")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / MARKER).write_text("made by `clawback demo`; the next demo run replaces it\n")


def _ingest(ws: Record, case: dict[str, Any]) -> None:
    content = dict(case["demo_content"])
    content["titles"] = {d["exhibit"]: d["title"] for d in case["documents"]}
    pdfs = make_exhibits(content)
    for d in case["documents"]:
        n = d["exhibit"]
        ws.ingest.ingest(
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
        ws.designations.designate(ExhibitNumber(n), history[0]["designation"], history[0]["when"])


def _produce(ws: Record, case: dict[str, Any]) -> None:
    documents = {d["exhibit"]: d for d in case["documents"]}
    for p in case["productions"]:
        span = ws.productions.produce(
            [ExhibitNumber(n) for n in p["exhibits"]],
            BatesNumber.parse(p["start"]),
            p["volume"],
            date.fromisoformat(p["produced_on"]),
            allow_gap="the pages between these volumes were produced outside this record",
        )
        wanted = [BatesRange.parse(documents[n]["bates"]) for n in p["exhibits"]]
        if span != BatesRange(wanted[0].first, wanted[-1].last):
            raise ClawbackError(f"volume {p['volume']} came out as {span}, not as the case has it")


def _define_items(ws: Record, case: dict[str, Any]) -> None:
    content = case["demo_content"]
    for d in case["documents"]:
        for item in d.get("items", ()):
            texts = content.get(item.get("content", ""), ())
            texts = [texts] if isinstance(texts, str) else list(texts)
            ws.items.define(
                ExhibitNumber(d["exhibit"]),
                item["id"],
                BatesNumber.parse(item["page"]),
                item["what"],
                texts,
                item.get("whole_page", False),
            )


def _redesignate(ws: Record, case: dict[str, Any]) -> None:
    for d in case["documents"]:
        for later in (d.get("designation_history") or [])[1:]:
            ws.designations.designate(
                ExhibitNumber(d["exhibit"]), later["designation"], later["when"]
            )
