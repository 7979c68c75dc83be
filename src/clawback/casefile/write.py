"""Writing a case file: ``domain.casefile.CaseFile`` out as the YAML ``read`` takes in. A value
at its default is left out, so an exported file reads like one written by hand; the same case
always gives the same text."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import yaml

from clawback.domain.acts import ActKind, OrderedAct
from clawback.domain.casefile import (
    CaseFile,
    ClaimEntry,
    DocumentEntry,
    FiledPaperEntry,
    RulingEntry,
    SealEntry,
)
from clawback.domain.claims import Request
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.seal_parts import MotionForm

HEADER = "# A clawback case file (clawback load-case / export-case).\n"


def case_file_text(case: CaseFile) -> str:
    """The case file's YAML."""
    data: dict[str, Any] = {
        "case": _kept(
            {
                "number": case.caption.number,
                "court": case.caption.court,
                "caption": case.caption.caption,
                "state": case.caption.state,
            }
        ),
        "protective_order": case.protective_order,
        "producing_party": case.producing_party,
        "receiving_party": case.receiving_party,
        "declarations": [
            _kept({"id": d.id, "declarant": d.declarant, "title": d.title, "docket": d.docket})
            for d in case.declarations
        ],
        "documents": [_document(d) for d in case.documents],
        "productions": [
            _kept({"volume": p.volume, "start": str(p.start), "exhibits": p.exhibits, "on": p.on})
            for p in case.productions
        ],
        "items": [
            _kept(
                {
                    "id": i.id,
                    "exhibit": i.exhibit,
                    "page": str(i.page),
                    "what": i.what,
                    "text": i.texts,
                    "whole_page": i.whole_page,
                }
            )
            for i in case.items
        ],
        "claims": [_claim(c) for c in case.claims],
        "rulings": [_ruling(r) for r in case.rulings],
        "seals": [_seal(s) for s in case.seals],
        "acts": [_act(a) for a in case.acts],
        "closures": [{"day": c.day, "reason": c.reason} for c in case.closures],
        "filed_papers": [_filed_paper(p) for p in case.filed_papers],
    }
    body = yaml.safe_dump(_kept(data), sort_keys=False, allow_unicode=True, width=100)
    return HEADER + body


def _kept(data: dict[str, Any], *, always: str = "") -> dict[str, Any]:
    """The entries that say something (no None, no empty text or list, no False, unless the key
    is named in ``always``), as plain values: an enum as its value, a tuple as a list."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in always.split() and (value is None or value is False or value in ("", (), [])):
            continue
        if isinstance(value, StrEnum):
            value = value.value
        elif isinstance(value, tuple):
            value = [_plain(v) for v in value]
        out[key] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    """An exhibit as the file writes it: a plain number as a number, else its text."""
    if isinstance(value, ExhibitId):
        return value.number or value.text
    return value


def _document(d: DocumentEntry) -> dict[str, Any]:
    return _kept(
        {
            "file": str(d.file),
            "exhibit": d.exhibit,
            "title": d.title,
            "kind": d.kind,
            "designation": d.designation,
            "public": d.public,
        }
    )


def _claim(c: ClaimEntry) -> dict[str, Any]:
    return _kept(
        {
            "id": c.id,
            "privilege": c.privilege,
            "exhibits": c.exhibits,
            "papers": [f"ECF No. {d}" for d in c.papers],
            "items": c.items,
            "request": None if c.request is Request.clawback else c.request,
            "basis": c.basis,
            "on": c.on,
            "learned_on": c.learned_on,
            "declarations": c.declarations,
            "paragraphs": c.paragraphs,
        }
    )


def _ruling(r: RulingEntry) -> dict[str, Any]:
    return _kept(
        {"claim": r.claim, "result": r.result, "on": r.on, "reason": r.reason, "items": r.items}
    )


def _seal(s: SealEntry) -> dict[str, Any]:
    return _kept(
        {
            "docket": s.docket,
            "exhibits": s.exhibits,
            "papers": s.papers,
            "kind": s.kind,
            "granted": s.granted,
            "on": s.on,
            "joint": s.joint,
            "reason": s.reason,
            "unseal_on": s.unseal_on,
            "movant": s.movant,
            "unseal": s.unseal,
            "in_part": _kept(s.in_part.as_data()) if s.in_part else None,
            "condition": s.condition,
            "condition_days": s.condition_days,
            "public_days": s.public_days,
            "form": None if s.form is MotionForm.motion else s.form,
        },
        always="granted",
    )


def _act(a: OrderedAct) -> dict[str, Any]:
    return _kept(
        {
            "what": a.what,
            "party": a.party,
            "kind": None if a.kind is ActKind.other else a.kind,
            "order_date": a.trigger,
            "within": a.days,
            "by": a.by,
            "source": a.source,
        }
    )


def _filed_paper(p: FiledPaperEntry) -> dict[str, Any]:
    return _kept(
        {
            "file": str(p.file),
            "docket": f"ECF No. {p.docket}",
            "kind": p.kind,
            "title": p.title,
            "under_seal": p.under_seal,
            "filed_on": p.filed_on,
            "items": [
                _kept({"id": i.id, "at": str(i.at), "what": i.what, "text": i.texts})
                for i in p.items
            ],
        }
    )
