"""Numbering a document as an exhibit: its identifier as the court writes it, its ordinal.

A plain number ``N`` is ordinal ``N`` (as the record always had it); any other identifier
(``A``, ``P5``, ``5-A``) takes the next ordinal from ``FIRST_OTHER_ORDINAL`` up. The record
finds an exhibit by its identifier's one spelling (``exhibit_key``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clawback.domain.exhibit_ids import FIRST_OTHER_ORDINAL, ExhibitId
from clawback.storage import tables as t

#: What a caller may name an exhibit by: its identifier, or a plain number.
ExhibitGiven = ExhibitId | int


def identifier(given: ExhibitGiven | str | None) -> ExhibitId | None:
    """The identifier, parsed once here if it came as a number or text."""
    if given is None or isinstance(given, ExhibitId):
        return given
    return ExhibitId.parse(given)


def numbered(s: Session, exhibit: ExhibitId) -> t.Document | None:
    """The document that is this exhibit, if any."""
    return s.scalar(select(t.Document).where(t.Document.exhibit_key == exhibit.canonical))


def duplicate(s: Session, lead: t.Document, exhibit: ExhibitId, control: str) -> t.Document:
    """A document of its own that is this exhibit, a duplicate of ``lead`` (another exhibit):
    the same file, title and pages, and the lead named (``exhibit_lead``, as written)."""
    copy = t.Document(
        control=control,
        held_by=lead.held_by,
        title=lead.title,
        kind=lead.kind,
        original=lead.original,
        page_count=lead.page_count,
        publicly_available=lead.publicly_available,
        meta={**(lead.meta or {}), "duplicate_of": lead.control},
        exhibit_lead=lead.exhibit_id,
    )
    number(s, copy, exhibit)
    s.add(copy)
    s.flush()
    for page in s.scalars(select(t.Page).where(t.Page.document_id == lead.id)):
        s.add(
            t.Page(
                document_id=copy.id,
                idx=page.idx,
                text=page.text,
                redacted_text=page.text,  # a new document: no items, nothing ruled off it
                sha256=page.sha256,
                image_sha256=list(page.image_sha256),
            )
        )
    s.flush()
    return copy


def number(s: Session, doc: t.Document, exhibit: ExhibitId) -> None:
    """Make ``doc`` this exhibit (the caller has checked that no other document is)."""
    ordinal = exhibit.ordinal
    if ordinal is None:
        top = s.scalar(
            select(func.max(t.Document.exhibit)).where(t.Document.exhibit >= FIRST_OTHER_ORDINAL)
        )
        ordinal = (top or FIRST_OTHER_ORDINAL - 1) + 1
    doc.exhibit = ordinal
    doc.exhibit_id = exhibit.text
    doc.exhibit_key = exhibit.canonical
