"""Every copy of a page: before a claw-back is noticed, find where else the material stands.

In the reference case the court had to notice by itself that AOL-DEF-00516618 is the same
picture as AOL-DEF-00556922 (Ex. 5). ``find_copies`` compares one produced page with every
other produced page: the same text, near-identical text (MinHash), the same picture (pixel
hash) and a near-identical picture (perceptual hash). Near matches are proposals to review,
not proof: look-alike screenshots of one template come out near each other.

Each page's signature is made once, as its document arrives (``sign``: the signature step
``clawback.jobs`` runs after each ingest), and kept in ``page_signature`` with its MinHash's LSH
bands in ``page_signature_band``. A search first signs the produced pages still listed in
``page_unsigned`` (the signature step has not reached them, or they came in by a path that
runs no step); then it reads only the candidates the indexes name (the same text hash, a
shared band, any page with a picture: pictures are still compared one by one), which hold
every copy a comparison with every page would find (``copies.banded``); of the pages sharing
a band, only those sharing as many as any near copy must (``copies.shared_bands``: 7 of 32),
so a bucket common to thousands of pages does not make them all candidates. A candidate whose
signature was made by another scheme (``clawback.copies.SCHEME``) or from another file is made
again, and the candidates read again. Only pages the acting person may see are candidates: a
copy they may not see is never named to them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Row, String, cast, delete, func, insert, select
from sqlalchemy.orm import Session

from clawback import copies
from clawback.copies import CopyIndex
from clawback.domain import claims as claim_rules
from clawback.domain.bates import BatesNumber
from clawback.domain.documents import Exhibit
from clawback.domain.errors import NotFound, StorageError
from clawback.domain.refs import DocumentRef, bates_number, document_ref
from clawback.domain.seats import Act
from clawback.service import access as access_rules
from clawback.service import lookup, rows
from clawback.service.base import Service
from clawback.storage import tables as t


@dataclass(frozen=True)
class Copy:
    bates: BatesNumber
    exhibit: str | None  # as the court writes it ("7", "A")
    kind: str  # exact, same_picture, near_text, near_picture
    score: float


@dataclass(frozen=True)
class Conflict:
    """Two copies of the same material that the rulings treat differently."""

    bates: BatesNumber
    treatment: str
    copy: BatesNumber
    copy_treatment: str
    kind: str


class Copies(Service):
    def of_page(self, bates: BatesNumber | str) -> list[Copy]:
        """Every other produced page that holds the same or nearly the same material."""
        self.ctx.require(Act.find_copies)
        bates = bates_number(bates)
        wanted = str(bates)
        self._sign_missing()
        index, exhibits = self._candidates([bates])
        if wanted not in index:
            raise NotFound(f"no page {bates}")
        with self.ctx.transaction() as s:
            self.ctx.audit(s, "copies", wanted)
        return [
            Copy(BatesNumber.parse(m.key), exhibits[m.key], m.kind, round(m.score, 3))
            for m in index.find_key(wanted)
        ]

    def of_claim(self, claim_id: str) -> list[tuple[BatesNumber, Copy]]:
        """Copies, outside the claim, of each page it claims: proposals to extend it to."""
        self.ctx.require(Act.find_copies)
        with self.ctx.transaction() as s:
            lookup.claim(s, self.actor, claim_id)
            claim = next(c for c in rows.claims(s) if c.id == claim_id)
            pages = _claimed_pages(rows.exhibits(s), claim.exhibits, claim.items)
        self._sign_missing()
        proposals = []
        for page in sorted(pages):
            index, exhibits = self._candidates([BatesNumber.parse(page)])
            if page not in index:
                continue  # not produced
            for m in index.find_key(page):
                if m.key not in pages and m.kind in ("exact", "same_picture", "near_text"):
                    copy = Copy(BatesNumber.parse(m.key), exhibits[m.key], m.kind, m.score)
                    proposals.append((BatesNumber.parse(page), copy))
        return proposals

    def conflicts(self) -> list[Conflict]:
        """Exact copies (same text or same picture) that the rulings treat differently."""
        self.ctx.require(Act.find_copies)
        with self.ctx.transaction() as s:
            known = lookup.known_exhibits(s, self.actor)
            exhibits = [e for e in rows.exhibits(s) if e.number in known]
            claims = rows.claims(s)
            effects = claim_rules.effects(rows.exhibits(s), claims, rows.rulings(s))
        treatment: dict[str, str] = {}
        for ex in exhibits:
            effect = effects[ex.number]
            redacted = {str(i.page) for i in ex.items if i.id in effect.redact}
            for number in ex.bates:
                page = str(number)
                if effect.withheld:
                    treatment[page] = "withheld"
                elif effect.pending:
                    treatment[page] = "claimed, pending"
                elif page in redacted:
                    treatment[page] = "redacted in part"
                else:
                    treatment[page] = "released"
        index, _ = self._index()
        conflicts = []
        for page, mine in treatment.items():
            if page not in index:
                continue
            for m in index.find_key(page, near=False):
                theirs = treatment.get(m.key)
                exact = m.kind in ("exact", "same_picture")
                if exact and theirs is not None and theirs != mine and page < m.key:
                    conflicts.append(
                        Conflict(
                            BatesNumber.parse(page), mine, BatesNumber.parse(m.key), theirs, m.kind
                        )
                    )
        return conflicts

    def sign(self, document: DocumentRef | int | str) -> int:
        """Make and keep the signature of each page of a document, unless kept already (the
        step run as a document arrives); returns how many pages were signed."""
        self.ctx.require(Act.ingest)
        with self.ctx.transaction() as s:
            doc = lookup.document(s, self.actor, document_ref(document))
            stale = s.scalar(_stale().where(t.Page.document_id == doc.id).limit(1))
            doc_id = doc.id
        return self._make_signatures([doc_id]) if stale is not None else 0

    def unsigned(self) -> list[str]:
        """The control numbers of the documents with a page not signed yet (``page_unsigned``),
        for signature steps to catch up on (after an upgrade that dropped the kept ones)."""
        self.ctx.require(Act.ingest)
        with self.ctx.transaction() as s:
            query = (
                select(t.Document.control)
                .distinct()
                .join(t.Page, t.Page.document_id == t.Document.id)
                .join(t.UnsignedPage, t.UnsignedPage.page_id == t.Page.id)
                .where(access_rules.visible(self.actor))
                .order_by(t.Document.control)
            )
            return list(s.scalars(query))

    def _sign_missing(self) -> None:
        """Sign every produced page not signed yet (``page_unsigned``: the signature step has
        not reached it, or it came in by a path that runs no step)."""
        with self.ctx.transaction() as s:
            listed = s.scalars(select(t.UnsignedPage.page_id)).all()  # read first: few or none
            unsigned: set[int] = set()
            for start in range(0, len(listed), 500):
                unsigned.update(
                    s.scalars(
                        select(t.Page.document_id)
                        .join(t.Document, t.Page.document_id == t.Document.id)
                        .where(t.Page.id.in_(listed[start : start + 500]))
                        .where(t.Document.produced.is_not(None), t.Page.bates.is_not(None))
                    )
                )
        if unsigned:
            self._make_signatures(sorted(unsigned))

    def _candidates(self, pages: Sequence[BatesNumber]) -> tuple[CopyIndex, dict[str, str | None]]:
        """``pages`` and every page the indexes name as a possible copy of one of them: the
        same text hash, a shared LSH band, or (for a page with pictures) any picture. A page
        among them whose signature is stale is signed again, and the candidates read again."""
        found = self._named(pages)
        stale = {r.document_id for r in found if not _current(r)}
        if stale:
            self._make_signatures(sorted(stale))
            found = self._named(pages)
        return _index_of(found)

    def _named(self, pages: Sequence[BatesNumber]) -> list[Row[Any]]:
        """The rows of ``pages`` (current or not) and of the pages their current signatures
        name by text hash, bucket or picture."""
        with self.ctx.transaction() as s:
            asked = self._signature_rows(s, t.Page.bates.in_(pages))
            sigs = [
                copies.decode(r.words, r.text_hash, r.minhash, r.images)
                for r in asked
                if _current(r)
            ]
            sig, band = t.PageSignature, t.SignatureBand
            named: set[int] = set()
            hashes = {x.text_hash for x in sigs if x.text_hash is not None}
            if hashes:
                named.update(s.scalars(select(sig.page_id).where(sig.text_hash.in_(hashes))))
            buckets = {b for x in sigs if x.minhash is not None for b in copies.bands(x.minhash)}
            if buckets:  # each near copy shares this many bands at least (of any one asked)
                named.update(
                    s.scalars(
                        select(band.page_id)
                        .where(band.bucket.in_(buckets))
                        .group_by(band.page_id)
                        .having(func.count() >= copies.shared_bands())
                    )
                )
            if any(x.images for x in sigs):  # pictures: every page with one
                named.update(s.scalars(select(sig.page_id).where(cast(sig.images, String) != "[]")))
            named -= {r.page_id for r in asked}
            found = list(asked)
            ids = sorted(named)
            for start in range(0, len(ids), 500):  # each the actor may see, produced
                found += self._signature_rows(s, t.Page.id.in_(ids[start : start + 500]))
        return found

    def _index(self) -> tuple[CopyIndex, dict[str, str | None]]:
        """Every produced page the actor may see, by Bates number, from its kept signature."""
        self._sign_missing()
        with self.ctx.transaction() as s:
            found = self._signature_rows(s)
        return _index_of(found)

    def _signature_rows(self, s: Session, *where: ColumnElement[bool]) -> list[Row[Any]]:
        """Each produced page the actor may see, with its document and its kept signature.

        Plain columns, not records: a search reads every page's signature."""
        sig = t.PageSignature
        query = (
            select(
                t.Page.id.label("page_id"),
                t.Page.document_id,
                t.Page.bates,
                t.Document.exhibit,
                t.Document.exhibit_id,
                t.Document.original,
                sig.scheme,
                sig.made_from,
                sig.words,
                sig.text_hash,
                sig.minhash,
                sig.images,
            )
            .join(t.Document, t.Page.document_id == t.Document.id)
            .outerjoin(sig, sig.page_id == t.Page.id)
            .where(t.Document.produced.is_not(None), t.Page.bates.is_not(None))
            .where(access_rules.visible(self.actor), *where)
            .order_by(t.Page.document_id, t.Page.idx)
        )
        found: Any = s.execute(query).all()  # eleven typed columns: more than Row spells out
        return list(found)

    def _make_signatures(self, document_ids: Sequence[int]) -> int:
        """Make and keep the signature of every page of these documents, one at a time, each
        with its bands; returns how many pages were signed. What can be made before the
        write (the signatures, their rows and bands) is, so the write lock is held only for
        the writes: the serial part when several workers sign at once."""
        signed = 0
        for document_id in document_ids:
            with self.ctx.transaction() as s:
                doc = s.get_one(t.Document, document_id)
            sigs = copies.signatures_from_pdf(self.ctx.files.get(doc.original))
            kept = [copies.encode(sig) for sig in sigs]
            banded = [copies.bands(sig.minhash) if sig.minhash is not None else [] for sig in sigs]
            try:
                with self.ctx.transaction() as s:
                    pages = s.execute(
                        select(t.Page.id, t.Page.idx).where(t.Page.document_id == doc.id)
                    ).all()
                    ids = [page.id for page in pages]
                    s.execute(delete(t.SignatureBand).where(t.SignatureBand.page_id.in_(ids)))
                    s.execute(delete(t.PageSignature).where(t.PageSignature.page_id.in_(ids)))
                    made = [page for page in pages if page.idx < len(sigs)]
                    if made:
                        s.execute(
                            insert(t.PageSignature),
                            [
                                {
                                    "page_id": page.id,
                                    "scheme": copies.SCHEME,
                                    "made_from": doc.original,
                                    **kept[page.idx],
                                }
                                for page in made
                            ],
                        )
                    bands = [
                        {"page_id": page.id, "band": n, "bucket": bucket}
                        for page in made
                        for n, bucket in enumerate(banded[page.idx])
                    ]
                    if bands:
                        s.execute(insert(t.SignatureBand), bands)
                    s.execute(delete(t.UnsignedPage).where(t.UnsignedPage.page_id.in_(ids)))
                signed += len(made)
            except StorageError:
                pass  # another search or step kept the same signatures first
        return signed


def _stale() -> Any:
    """The documents with a page that has no signature made by this scheme from the
    document's file (a query to narrow down)."""
    sig = t.PageSignature
    current = select(sig.page_id).where(
        sig.page_id == t.Page.id,
        sig.scheme == copies.SCHEME,
        sig.made_from == t.Document.original,
    )
    return (
        select(t.Page.document_id)
        .distinct()
        .join(t.Document, t.Page.document_id == t.Document.id)
        .where(~current.exists())
    )


def _index_of(found: Sequence[Row[Any]]) -> tuple[CopyIndex, dict[str, str | None]]:
    """These pages by Bates number, from their kept signatures."""
    index = CopyIndex()
    exhibits: dict[str, str | None] = {}
    for r in found:
        if r.bates is None or not _current(r) or str(r.bates) in index:
            continue  # a page the file lacks (it has fewer pages than recorded)
        key = str(r.bates)
        index.add(key, copies.decode(r.words, r.text_hash, r.minhash, r.images))
        exhibits[key] = r.exhibit_id or (None if r.exhibit is None else str(r.exhibit))
    return index, exhibits


def _current(row: Row[Any]) -> bool:
    """Whether the page's kept signature was made by this scheme from its document's file."""
    return bool(row.scheme == copies.SCHEME and row.made_from == row.original)


def _claimed_pages(
    exhibits: Sequence[Exhibit], numbers: Sequence[int], items: Sequence[str]
) -> set[str]:
    pages: set[str] = set()
    for ex in exhibits:
        if ex.number not in numbers:
            continue
        if items:
            pages.update(str(i.page) for i in ex.items if i.id in items)
        else:
            pages.update(str(n) for n in ex.bates)
    return pages
