"""The corpus of real orders (tests/orders) is in the schema its README states, so the reader's
benchmark scores what the labels say: every key present, every value from the schema's words, a
date where a date belongs, a fixed date its own due date, a computed due date a court day. The
reader is never run here (a held-out set's files are checked without being read)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from clawback.domain.deadlines import is_court_day

ORDERS = Path(__file__).parents[1] / "orders"
TOP = {
    "source",
    "court",
    "case",
    "title",
    "date",
    "shapes",
    "motions",
    "acts",
    "ordering_paragraphs",
}
SHAPES = {
    "clawback",
    "privilege",
    "waiver-502b",
    "compel",
    "sealing",
    "own-motion",
    "footnote",
    "conditional",
    "wholesale-denial",
    "one-line",
    "table",
    "exhibit-letters",
    "fixed-date",
    "frcp-5.2",
    "unseal",
    "protective-order",
}
KINDS = {"seal", "unseal", "clawback", "compel", "protective-order", "own-motion"}
MOVANTS = {"plaintiff", "defendant", "nonparty", "court", "joint", None}
OUTCOMES = {
    "granted",
    "denied",
    "granted-in-part",
    "denied-without-prejudice",
    "conditionally-granted",
    "granted-subject-to-supplement",
    "waived",
    "moot",
    "withdrawn",
    "redactions-approved",
    None,
}
RULING = {"exhibit", "document", "bates", "part", "outcome", "reason"}
ACT = {"party", "what", "days", "trigger", "on_or_before", "due"}
PARTIES = MOVANTS | {"clerk"}


def _cases() -> list[Path]:
    return sorted(ORDERS.glob("*.yaml"))


def _problems(case: dict[str, Any]) -> list[str]:
    said: list[str] = []
    missing, unknown = TOP - set(case), set(case) - TOP - {"held_out"}
    if missing or unknown:
        said.append(f"keys missing {sorted(missing)}, unknown {sorted(unknown)}")
    if not (case.get("date") is None or isinstance(case["date"], date)):
        said.append(f"date {case['date']!r}")
    said += [f"shape {s}" for s in case.get("shapes") or [] if s not in SHAPES]
    for motion in case.get("motions") or []:
        if set(motion) != {"kind", "movant", "docket", "outcome", "rulings"}:
            said.append(f"motion keys {sorted(motion)}")
        if motion.get("kind") not in KINDS or motion.get("movant") not in MOVANTS:
            said.append(f"motion {motion.get('kind')} by {motion.get('movant')}")
        if motion.get("outcome") not in OUTCOMES:
            said.append(f"motion outcome {motion.get('outcome')}")
        for ruling in motion.get("rulings") or []:
            if set(ruling) != RULING or ruling["outcome"] not in OUTCOMES:
                said.append(f"ruling {ruling}")
            elif not (ruling["exhibit"] is None or isinstance(ruling["exhibit"], str)):
                said.append(f"exhibit {ruling['exhibit']!r} is not written as a string")
    for act in case.get("acts") or []:
        if set(act) != ACT or act["party"] not in PARTIES:
            said.append(f"act {act}")
            continue
        fixed, due = act["on_or_before"], act["due"]
        if not all(d is None or isinstance(d, date) for d in (fixed, due)):
            said.append(f"act dates {fixed!r}, {due!r}")
        elif fixed is not None and due != fixed:
            said.append(f"fixed {fixed} but due {due}")
        elif fixed is None and due is not None and not is_court_day(due):
            said.append(f"a computed due date on no court day: {due}")
    if not all(isinstance(p, str) for p in case.get("ordering_paragraphs") or []):
        said.append("an ordering paragraph that is no string")
    return said


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_each_order_is_in_the_schema_and_has_its_text(path: Path) -> None:
    case = yaml.safe_load(path.read_text("utf-8"))
    assert path.with_suffix(".txt").is_file()
    assert _problems(case) == []


def test_every_text_has_its_expectations() -> None:
    texts = {p.stem for p in ORDERS.glob("*.txt")}
    assert texts and texts == {p.stem for p in _cases()}


def test_a_label_out_of_the_schema_is_caught() -> None:
    act: dict[str, Any] = {"party": "receiving", "what": "file", "days": 7, "trigger": None}
    act |= {"on_or_before": date(2024, 6, 17), "due": date(2024, 6, 18)}
    ruling: dict[str, Any] = {"exhibit": 12, "document": None, "bates": None, "part": None}
    ruling |= {"outcome": "sealed", "reason": None}
    motion: dict[str, Any] = {"kind": "seal", "movant": "us", "docket": None, "outcome": None}
    case: dict[str, Any] = {k: None for k in TOP} | {"shapes": ["bates"], "acts": [act]}
    case["motions"] = [motion | {"rulings": [ruling]}]
    computed = dict(act, party="clerk", on_or_before=None, due=date(2024, 6, 15))
    assert _problems(case) == [
        "shape bates",
        "motion seal by us",
        f"ruling {ruling}",
        f"act {act}",
    ]
    assert _problems({"source": None, "held": 1})[0].startswith("keys missing ['acts', 'case'")
    assert _problems(case | {"motions": [], "shapes": [], "acts": [computed]}) == [
        "a computed due date on no court day: 2024-06-15"
    ]
