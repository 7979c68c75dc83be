"""What ``audit verify`` tells a reader who may not know of every record (a party).

The chain's own problems (an entry edited, deleted, reordered, forged; a head or a checkpoint
that no longer holds) are told to every reader who may verify: each names entries by their
place in the chain, which a party's export shows too. A record changed, added or deleted
outside clawback (a ``state`` problem, named by its key, ``storage.audit``) is told to a party
only when it is a record the party may know of, and then by the name the party knows it by
(``Ex. 1``, a Bates number, its own control number), never by its key: ``document:2`` is a row
number, a counter every side shares, and "document:2 was changed" told a party employee of the
AEO exhibit the rest of the record answers to them as absent. A record the party may not know
of, or one no longer there to ask about (deleted outside clawback), answers as a record
untouched: nothing is said of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.access import sees_everything
from clawback.domain.actor import Actor
from clawback.service import control_names, lookup
from clawback.storage import tables as t
from clawback.storage.audit import Problem

__all__ = ["told"]


def told(
    s: Session, actor: Actor, sides: Mapping[str, str], problems: Sequence[Problem]
) -> list[Problem]:
    """``problems`` as ``actor`` is told them (see the module doc); ``sides``: each seated
    person's side, by e-mail."""
    if sees_everything(actor):
        return list(problems)
    shown = []
    for problem in problems:
        if problem.kind != "state":
            shown.append(problem)
            continue
        key, _, rest = problem.message.partition(" ")
        name = _name(s, actor, sides, key)
        if name is not None:
            shown.append(replace(problem, message=f"{name} {rest}"))
    return shown


def _name(s: Session, actor: Actor, sides: Mapping[str, str], key: str) -> str | None:
    """The name ``actor`` knows the record of ``key`` by, or None when they may not know of it
    (or it is not there to ask about)."""
    kind, _, rest = key.partition(":")
    if kind == "matter":
        return "the matter and its protective order"
    if kind in ("document", "filing"):
        row, _, what = rest.partition("/")
        doc = s.get(t.Document, int(row)) if row.isdigit() else None
        name = _document(s, actor, doc)
        return f"the {what} filing of {name}" if what and name else name
    if kind == "claim":
        return f"claim {rest}" if _knows_claim(s, actor, rest) else None
    if kind == "ruling":
        ruling = s.get(t.Ruling, int(rest)) if rest.isdigit() else None
        if ruling is None or not _knows_claim(s, actor, ruling.claim_id):
            return None
        return f"a ruling on claim {ruling.claim_id}"
    if kind == "item":
        item = s.get(t.Item, rest)
        doc = s.get(t.Document, item.document_id) if item is not None else None
        return f"item {rest}" if _document(s, actor, doc) is not None else None
    if kind == "seal":
        motion, _, exhibit = rest.rpartition("/")
        known = exhibit.isdigit() and int(exhibit) in lookup.known_exhibits(s, actor)
        return f"the ruling on motion {motion} to seal Ex. {exhibit}" if known else None
    if kind in ("person", "account"):
        return key if lookup.may_list(actor, rest, sides) else None
    if kind == "token":
        token = s.get(t.ApiToken, int(rest)) if rest.isdigit() else None
        if token is None or not lookup.may_list(actor, token.email, sides):
            return None
        return f"API token {token.ref} of {token.email}"
    return None


def _knows_claim(s: Session, actor: Actor, claim_id: str) -> bool:
    row = s.get(t.Claim, claim_id)
    known = lookup.known_exhibits(s, actor)
    return row is not None and lookup.knows_claim(row, known, lookup.known_papers(s, actor))


def _document(s: Session, actor: Actor, doc: t.Document | None) -> str | None:
    """How ``actor`` names ``doc``, if they may know of it: its exhibit, a filed paper's docket
    entry, its first Bates number, or (their own side's) its control number or reference
    (`control_names`)."""
    if doc is None or not lookup.allowed(s, actor, doc, lookup.Need.know):
        return None
    if doc.exhibit is not None:
        return f"Ex. {doc.exhibit_id or doc.exhibit}"
    if doc.docket is not None:
        return f"ECF No. {doc.docket}"
    first = s.scalar(select(t.Page.bates).where(t.Page.document_id == doc.id, t.Page.idx == 0))
    if first is not None:
        return str(first)
    return control_names.named(actor, doc)
