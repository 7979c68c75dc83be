"""What the record holds, read straight from its tables for a test's assertions."""

from __future__ import annotations

from sqlalchemy import select

from clawback.service import Workspace
from clawback.storage import tables as t


def documents(ws: Workspace, controls: list[str]) -> list[t.Document]:
    """The documents of ``controls``, in that order."""
    with ws.transaction() as s:
        found = {
            d.control: d
            for d in s.scalars(select(t.Document).where(t.Document.control.in_(controls)))
        }
    return [found[c] for c in controls]


def words(ws: Workspace, control: str) -> str:
    """The words of a document's pages, as the record holds them, one space apart."""
    with ws.transaction() as s:
        pages = s.scalars(
            select(t.Page.text)
            .join(t.Document, t.Document.id == t.Page.document_id)
            .where(t.Document.control == control)
            .order_by(t.Page.idx)
        ).all()
    return " ".join(" ".join(pages).split())
