"""How a person names a document by its collection: the control number, or in its place the
document's reference, or nothing at all.

A side's control numbers (``DOC-``, ``RCV-``, ``CRT-``, ``service.ingest_store.next_control``)
count every document of its collection, so they are given only to whoever no document of it is
withheld from by its designation: the operator and the court; the producing side, which sees
its own collection whole; a person of the receiving side the order admits to every tier
(``Actor.every_tier``). A person of that side whose tier withholds some of its documents (a
party's employee, under an AEO record counsel imported) read RCV-000002 and learnt that
RCV-000001 existed and was withheld: they name each of their side's documents by its
reference instead (``RCV-k7q2mx``: six random characters drawn as the document came in, never
all digits), which counts nothing and does not change when a document is designated again.
Numbering per tier was not chosen: a document's tier changes, its number could not. A control
number typed by a person it is not given to answers as one no document holds
(``lookup.document``). Another side is given neither: it names a document by its exhibit,
Bates number or docket entry.
"""

from __future__ import annotations

from clawback.domain.access import sees_everything
from clawback.domain.actor import Actor
from clawback.storage import tables as t

__all__ = ["finds", "name", "named"]


def named(actor: Actor, doc: t.Document) -> str | None:
    """``doc``'s control number or reference as ``actor`` is given it; None for another
    side's document."""
    return name(actor, doc.control, doc.ref, doc.held_by)


def name(actor: Actor, control: str, ref: str | None, held_by: str) -> str | None:
    """`named`, from a document's columns as a query read them."""
    if sees_everything(actor):
        return control
    if held_by != actor.seat.value:
        return None
    if actor.every_tier or ref is None:
        return control
    return f"{control.partition('-')[0]}-{ref}"


def finds(actor: Actor, doc: t.Document, typed: str) -> bool:
    """Whether ``typed`` (a control number or a reference, as parsed) names ``doc`` for
    ``actor``: their own name for it, or its reference (anyone given the number may also use
    the reference a colleague of their side was given)."""
    if typed == named(actor, doc):
        return True
    own = sees_everything(actor) or doc.held_by == actor.seat.value
    return own and doc.ref is not None and typed == f"{doc.control.partition('-')[0]}-{doc.ref}"
