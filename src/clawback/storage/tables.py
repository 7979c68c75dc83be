"""The database schema: one table per record the flow keeps. Migrations live in ``migrations/``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    select,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from clawback.domain.bates import BatesNumber
from clawback.domain.public_refs import new_ref
from clawback.storage.types import Bates

#: The full-text search index (migration 0014), outside the model: SQLite's FTS5 table
#: ``page_fts`` (and the shadow tables FTS5 keeps beside it, ``page_fts_*``), PostgreSQL's two
#: generated tsvector columns of ``page`` and their GIN indexes; and SQLite's index of each
#: page's document by page id (migration 0025); the phrase pair index (migration 0026:
#: SQLite's ``page_pairs`` and its ``page_pairs_*``, PostgreSQL's two ``*_pairs`` columns and
#: their indexes). They are no SQLAlchemy table, or exist on one backend only, so a comparison
#: of the migrated schema with the model leaves these names out.
SEARCH_INDEX = (
    *("page_fts", "text_search", "redacted_text_search", "ix_page_text_search"),
    *("ix_page_redacted_text_search", "ix_page_id_document_id", "page_pairs", "text_pairs"),
    *("redacted_text_pairs", "ix_page_text_pairs", "ix_page_redacted_text_pairs"),
)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class Matter(Base):
    """The case this workspace serves, with its protective order as data."""

    __tablename__ = "matter"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(80))
    court: Mapped[str] = mapped_column(String(200))
    caption: Mapped[str] = mapped_column(String(300))
    state: Mapped[str | None] = mapped_column(String(8))
    order: Mapped[dict[str, Any]]
    facts: Mapped[dict[str, Any]]


class Person(Base):
    __tablename__ = "person"
    email: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    side: Mapped[str] = mapped_column(String(20))
    category: Mapped[str] = mapped_column(String(80))
    acknowledged: Mapped[bool] = mapped_column(default=True)


class Blob(Base):
    """A file in the content-addressed store, and what it was made from."""

    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100))
    # the files made from a file ingested (an Office file's PDF: looked up at each ingest)
    made_from: Mapped[str | None] = mapped_column(ForeignKey("blob.sha256"), index=True)
    recipe: Mapped[str] = mapped_column(String(200), default="original")


class Document(Base):
    __tablename__ = "document"
    __table_args__ = (
        Index("ix_document_listing", "first_series", "first_number", "id"),
        # a side's last control number, and a file already in its collection (migration 0028)
        Index("ix_document_held_by", "held_by", "id"),
        Index("ix_document_original", "original", "held_by"),
        # the name a reader not admitted to every tier is given (migration 0032)
        Index("ix_document_ref", "ref", unique=True),
        # the exhibits and the filed papers, a few among many documents: SQLite reads a column
        # IS NOT NULL along no ordinary index, only along one whose WHERE says so (0028)
        Index(
            "ix_document_exhibits",
            "exhibit",
            sqlite_where=text("exhibit IS NOT NULL"),
            postgresql_where=text("exhibit IS NOT NULL"),
        ),
        Index(
            "ix_document_papers",
            "id",
            sqlite_where=text("docket IS NOT NULL"),
            postgresql_where=text("docket IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    control: Mapped[str] = mapped_column(String(40), unique=True)
    # Six random characters, never all digits, drawn as the document is made (0032): its name to
    # a reader whose tier withholds some of the side's documents (``service.control_names``).
    ref: Mapped[str | None] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40))
    family: Mapped[str | None] = mapped_column(String(80))
    parent: Mapped[bool] = mapped_column(default=False)
    # The exhibit's ordinal in the record; the identifier as the court writes it ("A", "5-A")
    # and its one spelling, by which it is found (migration 0017, domain.exhibit_ids).
    exhibit: Mapped[int | None] = mapped_column(unique=True)
    exhibit_id: Mapped[str | None] = mapped_column(String(24))
    exhibit_key: Mapped[str | None] = mapped_column(String(32), unique=True, index=True)
    # A duplicate exhibit's lead, as written: "Ex. 12, a duplicate of Ex. 5" (migration 0017).
    exhibit_lead: Mapped[str | None] = mapped_column(String(24))
    original: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    produced: Mapped[str | None] = mapped_column(ForeignKey("blob.sha256"))
    production: Mapped[int | None] = mapped_column(ForeignKey("production.id"))
    page_count: Mapped[int] = mapped_column(Integer)
    publicly_available: Mapped[bool] = mapped_column(default=False)
    meta: Mapped[dict[str, Any]]
    # Access, derived from the record by the service after every change (see domain.access);
    # kept here so that a search filters in SQL instead of document by document.
    tier: Mapped[str | None] = mapped_column(String(120), index=True)
    sequestered: Mapped[bool] = mapped_column(default=False)
    withheld: Mapped[bool] = mapped_column(default=False)
    sealed: Mapped[bool] = mapped_column(default=False)
    public_filed: Mapped[bool] = mapped_column(default=False)
    # Whose collection the document is in: the side that brought it into the record. Another
    # side reaches it only once it is produced to them (migration 0012).
    held_by: Mapped[str] = mapped_column(
        String(20), default="producing", server_default="producing"
    )
    # A filed paper (migration 0020, domain.pinpoints): its docket entry ("ECF No. 101-33"),
    # what it is, and whether it was lodged under seal; served on every party, never produced.
    docket: Mapped[str | None] = mapped_column(String(40), unique=True, index=True)
    filed_kind: Mapped[str | None] = mapped_column(String(30))
    filed_under_seal: Mapped[bool] = mapped_column(server_default=false())  # no insert default
    # The day a filed paper was filed: FRE 502(b)'s clock for a claim over it (migration 0021).
    filed_on: Mapped[date | None]
    # Its first and last stamped pages' Bates numbers, and the first's series and number (as
    # ``BatesNumber`` orders them), kept by ``service.stamps`` wherever pages are numbered or
    # lose their numbers, so that a listing orders and filters documents by their Bates
    # numbers without reading their pages (migration 0024).
    first_bates: Mapped[BatesNumber | None] = mapped_column(Bates)
    last_bates: Mapped[BatesNumber | None] = mapped_column(Bates)
    first_series: Mapped[str | None] = mapped_column(String(60))
    first_number: Mapped[int | None] = mapped_column(BigInteger)


class Page(Base):
    __tablename__ = "page"
    __table_args__ = (UniqueConstraint("document_id", "idx"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    bates: Mapped[BatesNumber | None] = mapped_column(Bates, unique=True)
    text: Mapped[str] = mapped_column(Text)
    redacted_text: Mapped[str] = mapped_column(Text, default="")  # less what a ruling granted
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    image_sha256: Mapped[list[Any]]


class PageSignature(Base):
    """A page's copy-finding signature (``clawback.copies.encode``), made once and kept.

    ``scheme`` is ``clawback.copies.SCHEME`` when it was made and ``made_from`` the file it was
    made from: a signature of another scheme or file is made again on first use.
    """

    __tablename__ = "page_signature"
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), primary_key=True)
    scheme: Mapped[str] = mapped_column(String(20))
    made_from: Mapped[str] = mapped_column(String(64))
    words: Mapped[int] = mapped_column(Integer)
    text_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    images: Mapped[list[Any]]


class UnsignedPage(Base):
    """A page whose copy signature is not made yet: put here by a trigger on every page
    inserted (whichever path inserts it), taken out when its signature is kept (migration
    0016). A search signs the produced pages listed here, not every page it would have to
    check."""

    __tablename__ = "page_unsigned"
    page_id: Mapped[int] = mapped_column(ForeignKey("page.id"), primary_key=True)


class SignatureBand(Base):
    """One LSH band of a kept signature's MinHash (``clawback.copies.bands``), by its bucket:
    near-text copies are the pages sharing a bucket with the query (migration 0016). Written
    with the signature, in the same transaction; a page without a MinHash has none."""

    __tablename__ = "page_signature_band"
    page_id: Mapped[int] = mapped_column(ForeignKey("page_signature.page_id"), primary_key=True)
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, index=True)


class Designation(Base):
    __tablename__ = "designation"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    tier: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    on: Mapped[date | None]
    # Made with the received record from whose native the document came (migration 0031).
    with_record: Mapped[bool] = mapped_column(default=False, server_default=false())


class Item(Base):
    __tablename__ = "item"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    page_idx: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(String(300))
    texts: Mapped[list[Any]]
    whole_page: Mapped[bool] = mapped_column(default=False)
    # A region in points on the produced page as displayed, [x0, y0, x1, y1] (migration 0008),
    # and the words it covered when named, line by line (for the redacted text view).
    rect: Mapped[list[Any] | None] = mapped_column(JSON, default=None)
    covered: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # An item of a filed paper: its pinpoint as cited ("page 7, lines 3-9", "¶ 12"; 0020).
    pinpoint: Mapped[str | None] = mapped_column(String(40))


class Production(Base):
    __tablename__ = "production"
    id: Mapped[int] = mapped_column(primary_key=True)
    volume: Mapped[str] = mapped_column(String(40), unique=True)
    first: Mapped[BatesNumber] = mapped_column(Bates)
    last: Mapped[BatesNumber] = mapped_column(Bates)
    produced_on: Mapped[date | None]
    # "open" from the moment the volume is planned until its last document is committed; the
    # plan (documents, their Bates numbers, stamp settings) lets a killed run be resumed.
    state: Mapped[str] = mapped_column(String(20), default="complete", server_default="complete")
    plan: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default="{}")


class Declaration(Base):
    __tablename__ = "declaration"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    declarant: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    docket: Mapped[list[Any]]


class Claim(Base):
    __tablename__ = "claim"
    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    privilege: Mapped[str] = mapped_column(String(40))
    exhibits: Mapped[list[Any]]
    items: Mapped[list[Any]]
    declarations: Mapped[list[Any]]
    paragraphs: Mapped[list[Any]]
    basis: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20))
    noticed_on: Mapped[date | None]
    learned_on: Mapped[date | None]  # when the producing side learned of the disclosure
    # How the dispute came to court: "clawback" or "compel" (a motion to compel; 0015).
    request: Mapped[str] = mapped_column(String(20), default="clawback", server_default="clawback")
    # The filed papers it names, by docket entry ("101-33"), beside or instead of exhibits (0021).
    papers: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")


class ClaimEvent(Base):
    """Each lifecycle transition of a claim, dated, with who made it and what they certified."""

    __tablename__ = "claim_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[str] = mapped_column(ForeignKey("claim.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))
    on: Mapped[date | None]
    at: Mapped[datetime]
    actor: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, Any] | None]


class ClaimReview(Base):
    """The court's review record for a claim: threshold showing and balancing factors."""

    __tablename__ = "claim_review"
    claim_id: Mapped[str] = mapped_column(ForeignKey("claim.id"), primary_key=True)
    findings: Mapped[dict[str, Any]]
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime]


class Ruling(Base):
    """One ruling on a claim; an amended ruling is a later row (migration 0015): the latest by
    ``id`` governs, the earlier ones are its history."""

    __tablename__ = "ruling"
    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[str] = mapped_column(String(80), ForeignKey("claim.id"), index=True)
    result: Mapped[str] = mapped_column(String(40))
    items: Mapped[list[Any]]
    reason: Mapped[str] = mapped_column(Text, default="")
    on: Mapped[date | None]


class SealMotion(Base):
    __tablename__ = "seal_motion"
    docket: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    joint: Mapped[bool] = mapped_column(default=False)
    exhibits: Mapped[list[Any]]
    ruled_on: Mapped[date | None]
    filed_on: Mapped[date | None]
    local_rule: Mapped[str | None] = mapped_column(String(40))
    movant_designated: Mapped[bool] = mapped_column(default=True)
    # Who moved (producing, receiving, both, court: the court's own motion; None: as ``joint``
    # says) and what the motion asks (seal, unseal) (0018).
    movant: Mapped[str | None] = mapped_column(String(20))
    request: Mapped[str] = mapped_column(String(10), default="seal", server_default="seal")
    # The filed papers it names, by docket entry ("118-2"), beside its exhibits (0022).
    papers: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    # How it was brought: motion, administrative (N.D. Cal. Civil L.R. 7-11, 79-5) or
    # other_partys_material (L.R. 79-5(f)) (0023).
    form: Mapped[str] = mapped_column(String(30), default="motion", server_default="motion")


class SealDecision(Base):
    __tablename__ = "seal_decision"
    __table_args__ = (UniqueConstraint("motion", "exhibit"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    motion: Mapped[str] = mapped_column(ForeignKey("seal_motion.docket"))
    exhibit: Mapped[int] = mapped_column(Integer)
    sealed: Mapped[bool]
    standard: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    unseal_on: Mapped[date | None]
    # Sealed in part: what the public version removes (``domain.seal_parts.SealPart`` as data;
    # None: the whole exhibit), and a condition the seal holds on, word for word (0018).
    part: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    condition: Mapped[str | None] = mapped_column(Text)


class PaperSealDecision(Base):
    """The court's ruling on one filed paper a motion to seal names (0022): as
    ``SealDecision`` is on an exhibit, the paper by its docket entry."""

    __tablename__ = "paper_seal_decision"
    __table_args__ = (UniqueConstraint("motion", "paper"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    motion: Mapped[str] = mapped_column(ForeignKey("seal_motion.docket"))
    paper: Mapped[str] = mapped_column(String(40), index=True)
    sealed: Mapped[bool]
    standard: Mapped[str] = mapped_column(String(30))
    reason: Mapped[str] = mapped_column(Text)
    unseal_on: Mapped[date | None]
    part: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    condition: Mapped[str | None] = mapped_column(Text)


class Deadline(Base):
    __tablename__ = "deadline"
    __table_args__ = (UniqueConstraint("ref", name="uq_deadline_ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # How the deadline is named to people (domain.public_refs): never ``id`` (0027).
    ref: Mapped[str] = mapped_column(String(12))
    act: Mapped[str] = mapped_column(Text)
    due: Mapped[date]
    trigger: Mapped[date]
    days: Mapped[int | None] = mapped_column(Integer)  # None: a date the court fixed (0015)
    source: Mapped[str] = mapped_column(String(200), default="")
    done: Mapped[bool] = mapped_column(default=False)
    done_on: Mapped[date | None]
    claim_id: Mapped[str | None] = mapped_column(String(80), index=True)  # a claw-back's duty
    duty: Mapped[str | None] = mapped_column(String(20))  # which: certify, replace
    # Whose act it is (producing, receiving, court; None: either party's), and the exhibits its
    # words name: a person who may not know of one of them does not see the deadline (0012).
    party: Mapped[str | None] = mapped_column(String(20))
    exhibits: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")
    # What kind of act an order set (a supplemental submission, a joint status report, ...),
    # and why a duty no longer binds (its claim withdrawn): a lifted deadline is never overdue.
    kind: Mapped[str | None] = mapped_column(String(40))
    lifted: Mapped[str | None] = mapped_column(Text)


class CourtClosure(Base):
    """A day the court's clerk's office was inaccessible (FRCP 6(a)(3)), entered for the case."""

    __tablename__ = "court_closure"
    day: Mapped[date] = mapped_column(primary_key=True)
    reason: Mapped[str] = mapped_column(Text)


class Filing(Base):
    """A file made for the docket: the version lodged under seal or the public one."""

    __tablename__ = "filing"
    __table_args__ = (UniqueConstraint("document_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"))
    kind: Mapped[str] = mapped_column(String(20))
    blob: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    redacted: Mapped[list[Any]]


class Audit(Base):
    """Append-only: who did what to which Bates range, when, through which path.

    Hash-chained: write it only with ``clawback.storage.audit.append``, check it with
    ``audit.verify``. ``stamp`` is the hashed moment as text (ISO 8601 UTC, microseconds) so it
    reads back byte for byte on every backend; ``at`` is the same moment as a naive UTC
    timestamp for queries, and ``verify`` checks that the two agree.
    """

    __tablename__ = "audit"
    __table_args__ = (UniqueConstraint("seq", name="uq_audit_seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text)  # a list of Bates ranges can be long
    detail: Mapped[dict[str, Any]]
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, 3 ... with no gaps
    stamp: Mapped[str] = mapped_column(String(32))
    prev: Mapped[str] = mapped_column(String(64))  # the previous entry's hash; 64 zeros first
    hash: Mapped[str] = mapped_column(String(64))
    # HMAC-SHA256 of ``hash`` under the workspace's audit key, which the database does not
    # hold: re-hashing the chain after an edit cannot forge it (migration 0012).
    mac: Mapped[str | None] = mapped_column(String(64))


class AuditHead(Base):
    """The audit chain's last entry, in one row: appends queue on its lock; verify checks it."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("id = 1", name="ck_audit_head_one_row"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str | None] = mapped_column(String(64))  # HMAC of (seq, hash): see Audit.mac


class Binding(Base):
    """The workspace's identity, stored in the database and in the workspace folder alike: a
    folder opened with another database (or a database with another folder) is refused."""

    __tablename__ = "workspace_binding"
    __table_args__ = (CheckConstraint("id = 1", name="ck_workspace_binding_one_row"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    workspace: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]


class Output(Base):
    """A file clawback delivered outside the workspace: an output may replace a file only if
    clawback made it and it is unchanged since (``service.delivery``)."""

    __tablename__ = "output"
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    sha256: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]


class Challenge(Base):
    """A challenge to a designation: who raised it, when, on what grounds, and how it ended."""

    __tablename__ = "challenge"
    __table_args__ = (UniqueConstraint("ref", name="uq_challenge_ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(12))  # as deadline.ref (0027)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    tier: Mapped[str] = mapped_column(String(120))  # the designation challenged
    raised_by: Mapped[str] = mapped_column(String(200))
    raised_on: Mapped[date]
    grounds: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(String(20))  # upheld, redesignated, withdrawn
    resolved_on: Mapped[date | None]


class LogVersion(Base):
    """A privilege log as served on a day: its rows, and the sha256 of the file served."""

    __tablename__ = "log_version"
    id: Mapped[int] = mapped_column(primary_key=True)
    served_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[list[Any]]


class ReceivedRecord(Base):
    """One record of another party's production volume, as its load file named it:
    ``control`` is the producing party's control number (or begin Bates); a volume's record is
    imported once per collection, checked by the import (no constraint across collections: its
    refusal told the importer of another's record; migration 0030).
    """

    __tablename__ = "received_record"
    __table_args__ = (Index("ix_received_record_volume_control", "volume", "control"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    volume: Mapped[str] = mapped_column(String(200))
    control: Mapped[str] = mapped_column(String(200))
    row: Mapped[int] = mapped_column(Integer)  # the row number in the load file


class PageWarning(Base):
    """Something wrong found on a page of a document received from another party, such as a
    box drawn over text that is still there. ``detail`` never quotes the text itself."""

    __tablename__ = "page_warning"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    page_idx: Mapped[int] = mapped_column(Integer)
    what: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)


class Account(Base):
    """A seated person's login (migration 0013): the argon2id hash of their password, their
    TOTP secret where the order requires a second factor, and the acknowledgment they signed
    in the app. Bound to the audit trail (``service.state``): an edit outside clawback shows."""

    __tablename__ = "account"
    email: Mapped[str] = mapped_column(ForeignKey("person.email"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    # sealed under the workspace key (storage.keys): "sealed:" + nonce and AES-GCM box, base64
    totp_secret: Mapped[str | None] = mapped_column(String(128))
    totp_last: Mapped[int | None] = mapped_column(Integer)  # the last code's time step: no replay
    created_at: Mapped[datetime]
    undertaking_signed_at: Mapped[datetime | None]
    undertaking_signature: Mapped[str | None] = mapped_column(String(200))


class ApiToken(Base):
    """A person's API token: only its SHA-256 is kept; the token is shown once, when made."""

    __tablename__ = "api_token"
    __table_args__ = (UniqueConstraint("ref", name="uq_api_token_ref"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(12))  # as deadline.ref (0027)
    email: Mapped[str] = mapped_column(ForeignKey("account.email"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class WebSession(Base):
    """A logged-in browser: the SHA-256 of its cookie's value, its CSRF token, its expiry."""

    __tablename__ = "web_session"
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    email: Mapped[str] = mapped_column(ForeignKey("account.email"), index=True)
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class LoginAttempt(Base):
    """Each log-in attempt (never its password), counted to throttle guessing."""

    __tablename__ = "login_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    email: Mapped[str] = mapped_column(String(200), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    ok: Mapped[bool]


#: The tables whose rows are named to people by ``ref`` (domain.public_refs), never by id.
REFERENCED: tuple[type[Deadline] | type[Challenge] | type[ApiToken] | type[Document], ...] = (
    Deadline,
    Challenge,
    ApiToken,
    Document,
)


@event.listens_for(Session, "before_flush")
def _draw_refs(session: Session, _context: object, _instances: object) -> None:
    """Give each new row of a ``REFERENCED`` table a reference no row of its table holds."""
    for row in session.new:
        if isinstance(row, REFERENCED) and not getattr(row, "ref", None):
            kind = type(row)
            while True:
                ref = new_ref()
                with session.no_autoflush:
                    taken = session.scalar(select(kind.id).where(kind.ref == ref).limit(1))
                if taken is None and not any(
                    isinstance(o, kind) and getattr(o, "ref", None) == ref for o in session.new
                ):
                    break
            row.ref = ref
