"""Benchmark the order reader (clawback.domain.order_reading) on the corpus of real orders.

Reads every ``tests/orders/*.txt`` with no hand edits and compares the draft with the order's
hand-checked ``.yaml`` (schema in tests/orders/README.md). Prints precision and recall per field
and overall (micro-averaged: every item of every order counts once), and with ``-v`` each order's
misses and extras.

What counts as a match, field by field (each a multiset per order: an item matches at most one):

- *exhibits*: the exhibit label of each ruling the yaml gives one (``"7"``, ``"QQ"``) and an
  outcome (null means past the source's cut or interim: as the corpus's README says, a reader
  is not scored on it, here as in dispositions; until round 13 the exhibit was scored), against
  the label of each drafted ruling on an exhibit. Which motion it sits under is not compared.
- *dispositions*: ``(exhibit or "-", outcome)`` of each ruling whose expected outcome is not null
  (null means past the source's cut: not scored), against the same pair of each drafted ruling;
  a ruling on a whole document or motion is ``"-"``. As in the yaml, where a motion is ruled on
  exhibit by exhibit (or document by document) its overall outcome is the *motions* field's, so
  a drafted ruling on the whole motion counts here only where no drafted part tells it: no part
  of its kind under its docket, nor under no docket with its outcome (or it granted in part);
  since round 15, so that a second motion of the kind ruled whole ("the original motion ... is
  DENIED as moot") beside the other's exhibits counts (until then any part of the kind hid it).
  The
  yaml's ``redactions-approved`` (no such outcome in clawback.domain.outcomes) counts as
  ``granted``.
- *motions*: ``(kind, outcome)`` of each motion whose outcome is not null, against each drafted
  ruling on no exhibit; a motion kind drafted only by parts (exhibits, named documents) counts
  once at the outcome they make up (round 15: "the motion to seal Exhibit FF is DENIED" is the
  motion denied; parts granted and denied, granted in part; none if a part is moot, withdrawn or
  waived). The yaml's ``own-motion`` (the court's own, movant court) is matched by
  a drafted ruling whose movant is the court ("the Court will sua sponte DIRECT the clerk to
  maintain ... UNDER SEAL"): the reader names the subject (seal, unseal) and the movant, the
  yaml the motion's kind; both say the court moved.
- *acts*: ``(party, days, on_or_before)`` of each act, against each drafted act, timed or not.
- *dates*: each act's ``due`` date that the yaml computes (null: it depends on an event), against
  each drafted due date. An act's date is compared only as a date: the party and words are the
  *acts* field's.

The bracketed lines the corpus adds to a text (``[source gives: Filed: May 22, 2018]``, ``[...]``)
are not the order's words: they are taken out before reading.

Overall sums the items of all fields. The orders whose yaml says ``held_out: NAME`` (or
``true``) were collected after the reader's rules were last tuned and are scored apart, set by
set: the development set's figures are what the rules were fitted to, a held-out set's are the
honest claim. The same run scores a keyword baseline (`baseline_items`) on the same items, for
scale. Nothing in the reader knows these files; a miss is fixed by a class of wording
(data/order_reading.yaml or the reader's rules), never for one file.

    .venv/bin/python benchmarks/read_orders.py        # the table
    .venv/bin/python benchmarks/read_orders.py -v     # and each development order's misses
    .venv/bin/python benchmarks/read_orders.py -v --held-out   # and the held-out set's too
    .venv/bin/python benchmarks/read_orders.py -v --set heldout12   # one named set's only

``-v`` prints the development set's misses only: the rules are tuned by those, and a held-out
order's misses are read only with ``--held-out``, once the rules are settled. ``--set NAME``
prints the misses of that one set only (``development`` or a held-out set's name), so that one
set's misses can be read while a later one stays unread.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from clawback.domain.order_reading import Draft, Ruling, read_order
from clawback.domain.outcomes import Result

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "orders"
_NOTE = re.compile(r"^\[[^\]\n]*\]\s*$", re.M)
FIELDS = ("exhibits", "dispositions", "motions", "acts", "dates")


def _outcome(value: object) -> str:
    text = str(value).replace("-", "_")
    return "granted" if text == "redactions_approved" else text


def expected_items(case: Mapping[str, Any]) -> dict[str, Counter[Hashable]]:
    motions = case.get("motions") or []
    rulings = [r for m in motions for r in (m.get("rulings") or [])]
    acts = case.get("acts") or []
    return {
        "exhibits": Counter(
            str(r["exhibit"])
            for r in rulings
            if r.get("exhibit") is not None and r.get("outcome") is not None
        ),
        "dispositions": Counter(
            (str(r["exhibit"]) if r.get("exhibit") is not None else "-", _outcome(r["outcome"]))
            for r in rulings
            if r.get("outcome") is not None
        ),
        "motions": Counter(
            (str(m["kind"]), _outcome(m["outcome"])) for m in motions if m.get("outcome")
        ),
        "acts": Counter(
            (
                a.get("party"),
                a.get("days"),
                str(a["on_or_before"]) if a.get("on_or_before") else None,
            )
            for a in acts
        ),
        "dates": Counter(str(a["due"]) for a in acts if a.get("due") is not None),
    }


def _has_parts(whole: Ruling, parts: Sequence[Ruling]) -> bool:
    """Whether ``whole``'s disposition is told by drafted parts: a part of its motion under its
    docket, or of its motion under no docket with an outcome the parts could make up (a motion
    of the kind ruled moot, or denied, beside exhibits granted is a disposition of its own)."""
    return any(
        p.motion == whole.motion
        and (
            p.docket == whole.docket
            or (p.docket is None and whole.outcome in {p.outcome, Result.granted_in_part})
        )
        for p in parts
    )


#: outcomes of parts that tell nothing of their motion's own
_UNDECIDED = frozenset({Result.moot, Result.withdrawn, Result.waived})
_DENIALS = frozenset({Result.denied, Result.denied_without_prejudice})


def _wholes_of_parts(parts: Sequence[Ruling], wholes: Sequence[Ruling]) -> list[Ruling]:
    """A motion drafted only exhibit by exhibit or paper by paper ("Exhibit FF ... is DENIED")
    is scored at the outcome its parts make up, as a lawyer reads it: the one they share, or
    granted in part where some are granted and some denied; not where a part is moot, withdrawn
    or waived, or the parts mix other outcomes."""
    ruled = {r.motion for r in wholes}
    made = []
    for motion in dict.fromkeys(r.motion for r in parts if r.motion not in ruled):
        of = [r for r in parts if r.motion == motion]
        outcomes = {r.outcome for r in of}
        if outcomes & _UNDECIDED:
            continue
        if len(outcomes) == 1:
            made.append(of[0])
        elif Result.granted in outcomes and outcomes - {Result.granted} <= _DENIALS:
            made.append(replace(of[0], outcome=Result.granted_in_part))
    return made


def drafted_items(draft: Draft) -> dict[str, Counter[Hashable]]:
    parts = [r for r in draft.rulings if r.exhibit is not None or r.document is not None]
    wholes = [r for r in draft.rulings if r not in parts]
    rulings = parts + [r for r in wholes if not _has_parts(r, parts)]
    return {
        "exhibits": Counter(r.exhibit for r in draft.rulings if r.exhibit is not None),
        "dispositions": Counter((r.exhibit or "-", r.outcome.value) for r in rulings),
        "motions": Counter(
            ("own-motion" if r.movant == "court" else r.motion, r.outcome.value)
            for r in [*wholes, *_wholes_of_parts(parts, wholes)]
        ),
        "acts": Counter(
            (a.party, a.days, str(a.on_or_before) if a.on_or_before else None) for a in draft.acts
        ),
        "dates": Counter(str(a.due) for a in draft.acts if a.due is not None),
    }


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.2f}" if total else "  - "


def _show(items: Iterable[Hashable]) -> str:
    return ", ".join(map(str, items))


_CAPS = re.compile(r"\b(GRANTED|DENIED)\b")
_EXHIBIT = re.compile(r"\bExhibit\s+([A-Z]{1,3}|\d{1,3})\b")
_WITHIN = re.compile(r"\bwithin\s+(\d{1,3})\s+days\b", re.I)


def baseline_items(text: str) -> dict[str, Counter[Hashable]]:
    """A keyword reader, the baseline: each "GRANTED"/"DENIED" in capitals is a ruling on the
    whole motion, each "Exhibit N" an exhibit, each "within N days" an act of no one, due
    nothing (no date is read)."""
    outcomes = [m.lower() for m in _CAPS.findall(text)]
    return {
        "exhibits": Counter(_EXHIBIT.findall(text)),
        "dispositions": Counter(("-", o) for o in outcomes),
        "motions": Counter(("seal", o) for o in outcomes),
        "acts": Counter((None, int(n), None) for n in _WITHIN.findall(text)),
        "dates": Counter(),
    }


class Score:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.wanted: Counter[str] = Counter()
        self.drafted: Counter[str] = Counter()

    def add(self, name: str, want: Counter[Hashable], got: Counter[Hashable]) -> Counter[Hashable]:
        both = want & got
        self.hits[name] += sum(both.values())
        self.wanted[name] += sum(want.values())
        self.drafted[name] += sum(got.values())
        return both

    def print(self, title: str) -> None:
        print(title)
        head = f"{'precision':>10}{'recall':>8}{'matched':>9}{'expected':>10}{'drafted':>9}"
        print(f"{'field':<14}{head}")
        for name in (*FIELDS, "overall"):
            every = name == "overall"
            hit = sum(self.hits.values()) if every else self.hits[name]
            want_n = sum(self.wanted.values()) if every else self.wanted[name]
            got_n = sum(self.drafted.values()) if every else self.drafted[name]
            ratios = f"{_ratio(hit, got_n):>10}{_ratio(hit, want_n):>8}"
            print(f"{name:<14}{ratios}{hit:>9}{want_n:>10}{got_n:>9}")


def _group(held_out: object) -> str:
    """The set an order is scored in: ``held_out: true`` is the first held-out set, a name
    (``held_out: heldout2``) a later one, collected after the rules were tuned on the others."""
    if not held_out:
        return "development"
    return "held-out" if held_out is True else f"held-out {held_out}"


def shows_misses(which: str, *, verbose: bool, held_out: bool, only: str | None) -> bool:
    """Whether a run prints the misses of the set named ``which`` (as ``_group`` names it):
    with ``only``, that one set's and no other's; else the development set's, and with
    ``held_out`` every set's."""
    if only is not None:
        return which in (only, f"held-out {only}")
    return verbose and (which == "development" or held_out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="each development order's misses"
    )
    parser.add_argument(
        "--held-out", action="store_true", help="with -v: the held-out orders' misses too"
    )
    parser.add_argument(
        "--set", metavar="NAME", help="the misses of this one set only (development, heldout12)"
    )
    args = parser.parse_args(argv)
    sets: dict[str, tuple[Score, Score]] = {}
    counts: Counter[str] = Counter()
    for path in sorted(CORPUS.glob("*.txt")):
        case = yaml.safe_load(path.with_suffix(".yaml").read_text("utf-8"))
        which = _group(case.get("held_out"))
        counts[which] += 1
        reader, baseline = sets.setdefault(which, (Score(), Score()))
        want = expected_items(case)
        text = _NOTE.sub("", path.read_text("utf-8"))
        got = drafted_items(read_order(text))
        keywords = baseline_items(text)
        verbose = shows_misses(which, verbose=args.verbose, held_out=args.held_out, only=args.set)
        for name in FIELDS:
            baseline.add(name, want[name], keywords[name])
            both = reader.add(name, want[name], got[name])
            if verbose and (want[name] != both or got[name] != both):
                print(f"{path.stem} ({which}) {name}")
                if missed := want[name] - both:
                    print(f"    missed: {_show(missed.elements())}")
                if extra := got[name] - both:
                    print(f"    extra:  {_show(extra.elements())}")
    for which, (reader, baseline) in sorted(sets.items()):
        print(f"\n== {which} set: {counts[which]} orders in {CORPUS}")
        reader.print("the order reader (clawback.domain.order_reading)")
        baseline.print("baseline: keywords (see baseline_items)")


if __name__ == "__main__":
    main()
