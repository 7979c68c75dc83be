"""The JSON API under ``/api``: the same reads as the pages, for the holder of a token.

Every endpoint takes ``Authorization: Bearer <token>`` (made on the account page), calls the
service with the token holder's ``Record`` and answers as the pages do: what the holder may not
see is 404 as an absent thing is, bad input 400, each with ``{"error": "one line"}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from clawback.domain.bates import BatesNumber
from clawback.domain.errors import InvalidInput
from clawback.service.catalog import Listed
from clawback.service.reads import MAX_LIMIT, MAX_OFFSET
from clawback.service.rows import as_written
from clawback.web.auth import ApiRecord, settings
from clawback.web.pages.documents import bates_range


class Problem(BaseModel):
    error: str


class Document(BaseModel):
    ref: str
    # as the court writes it: 12, or "A", "5-A" (never the record's ordinal for a lettered
    # one: a counter every side shares, whose gaps told of exhibits withheld)
    exhibit: int | str | None
    control: str | None
    title: str
    kind: str
    family: str | None
    pages: int
    first: str | None
    last: str | None
    designation: str | None
    claims: list[str]
    sealed: bool


class Documents(BaseModel):
    documents: list[Document]
    total: int  # how many documents answer in all, among those the holder may see
    offset: int
    limit: int


class Page(BaseModel):
    bates: str
    text: str
    previous: str | None
    next: str | None
    warnings: list[str]


class Hit(BaseModel):
    name: str  # the Bates number, or for a page not produced its control number and page
    bates: str | None
    exhibit: int | str | None  # as the court writes it: 12, or "A", "5-A"
    snippet: str


class Hits(BaseModel):
    hits: list[Hit]
    total: int  # exact, or when ``more``, the count stopped there: more than this many
    more: bool = Field(
        description="The count stopped at total: more than total pages answer (total+)"
    )
    offset: int


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "Input that does not parse"},
    401: {"model": Problem, "description": "No valid API token"},
    404: {"model": Problem, "description": "Absent, or not yours to see: the two read alike"},
}
#: A Bates number as the schema describes it: a prefix of letters in words joined by single
#: ``-_.``, then digits (``AOL-DEF-00000001``). The server reads more (``BatesNumber.parse``:
#: a "Bates No." label, stray spaces), and says in one line what it cannot read.
BATES = r"^[A-Za-z]+(?:[-_.][A-Za-z]+)*[-_.]?[0-9]{1,12}$"
#: A document: an exhibit number, a control number, or the Bates number of any of its pages.
REF = rf"^(?:[1-9][0-9]{{0,5}}|(?:DOC|RCV|CRT)-[0-9]{{6,12}}|{BATES[1:-1]})$"


def known_query(request: Request) -> None:
    """Refuse a query parameter the operation does not take: a misspelt filter
    (``?designaton=AEO``) would otherwise answer, silently, as no filter at all."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    taken = {p.alias for p in dependant.query_params} if dependant is not None else set()
    for name in request.query_params:
        if name not in taken:
            raise InvalidInput(f"unknown query parameter {name!r}")


router = APIRouter(
    prefix="/api", tags=["record"], responses=ERRORS, dependencies=[Depends(known_query)]
)
Text = Annotated[str, Query(max_length=200)]
BatesQuery = Annotated[
    str,
    Query(
        description="A Bates number, or nothing",
        max_length=80,
        json_schema_extra={"pattern": f"^$|{BATES}"},
    ),
]
BatesPath = Annotated[
    str, Path(description="A Bates number", max_length=80, json_schema_extra={"pattern": BATES})
]
RefPath = Annotated[
    str,
    Path(
        description="An exhibit number, a control number or a Bates number",
        max_length=80,
        json_schema_extra={"pattern": REF},
    ),
]


def _document(item: Listed) -> Document:
    return Document(
        ref=item.ref,
        exhibit=as_written(item.exhibit, item.exhibit_id),
        control=item.control,
        title=item.title,
        kind=item.kind,
        family=item.family,
        pages=item.pages,
        first=str(item.first) if item.first else None,
        last=str(item.last) if item.last else None,
        designation=item.designation,
        claims=list(item.claims),
        sealed=item.sealed,
    )


@router.get("/documents")
def documents(
    record: ApiRecord,
    bates_from: BatesQuery = "",
    bates_to: BatesQuery = "",
    designation: Text = "",
    family: Text = "",
    claim: Text = "",
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description="How many documents to answer at most")
    ] = 100,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="How many to pass over first")
    ] = 0,
) -> Documents:
    """The documents the token's holder may see, filtered as on the documents page, in Bates
    order, ``limit`` of them from ``offset``, and how many answer in all (``total``)."""
    listed = record.catalog.documents(
        bates=bates_range(bates_from, bates_to),
        designation=designation or None,
        family=family or None,
        claim=claim or None,
        limit=limit,
        offset=offset,
    )
    return Documents(
        documents=[_document(item) for item in listed],
        total=listed.total,
        offset=listed.offset,
        limit=limit,
    )


@router.get("/documents/{ref}")
def document(record: ApiRecord, ref: RefPath) -> dict[str, Any]:
    """What the record holds about one document, as the holder may know it."""
    return record.reads.show(ref)


@router.get(
    "/documents/{ref}/pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "The document as a PDF"}},
)
def document_pdf(record: ApiRecord, ref: RefPath) -> Response:
    """The document as a PDF, in the version the holder may see."""
    copy = record.reads.download(ref)
    disposition = f'attachment; filename="{copy.name}"'
    return Response(
        copy.pdf, media_type="application/pdf", headers={"Content-Disposition": disposition}
    )


@router.get("/pages/{bates}")
def page(record: ApiRecord, bates: BatesPath) -> Page:
    """A page's text as the holder may read it, and the pages before and after it."""
    number = BatesNumber.parse(bates)
    text = record.reads.page_text(number)
    before, after = record.catalog.neighbours(number)
    return Page(
        bates=str(number),
        text=text,
        previous=str(before) if before else None,
        next=str(after) if after else None,
        warnings=record.reads.page_warnings(number),
    )


@router.get(
    "/pages/{bates}/image.png",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}, "description": "The page as a PNG"}},
)
def image(request: Request, record: ApiRecord, bates: BatesPath) -> Response:
    """The page's picture as the holder may see it."""
    png = record.reads.page_image(BatesNumber.parse(bates), settings(request).page_dpi)
    return Response(png, media_type="image/png")


@router.get("/search")
def search(
    request: Request,
    record: ApiRecord,
    q: Annotated[
        str,
        Query(
            description='Words, "a phrase", OR, -not (at least two characters)',
            min_length=2,
            max_length=500,
            json_schema_extra={"pattern": r"\S[\s\S]*\S"},
        ),
    ],
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Hits:
    """Pages answering the query among those the holder may see, produced or not, with
    snippets, a page of them at a time, and how many answer: exactly up to a cap, past it
    ``more`` (the count, like the hits, only of pages the holder may see)."""
    found = record.reads.search(q, settings(request).search_limit, offset)
    hits = [
        Hit(
            name=h.name,
            bates=str(h.bates) if h.bates is not None else None,
            exhibit=h.exhibit,
            snippet=h.snippet,
        )
        for h in found
    ]
    return Hits(hits=hits, total=found.total, more=found.more, offset=found.offset)


@router.get("/claims")
def claims(record: ApiRecord) -> list[dict[str, Any]]:
    """The claims the holder may know of: state, history, lateness, duties."""
    return record.claims.status()


@router.get("/deadlines")
def deadlines(record: ApiRecord) -> list[dict[str, Any]]:
    """What is due, as the holder may see it."""
    return [
        {
            "ref": d.ref,
            "act": d.says,
            "due": d.due.isoformat(),
            "done_on": d.done_on.isoformat() if d.done_on else None,
            "source": d.source,
            "party": d.party,
        }
        for d in record.deadlines.list()
    ]


@router.get(
    "/deadlines.ics",
    response_class=Response,
    responses={200: {"content": {"text/calendar": {}}, "description": "An iCalendar feed"}},
)
def deadlines_feed(record: ApiRecord) -> Response:
    """What is due, as the holder may see it, as an iCalendar feed (RFC 5545): one all-day
    event per act, each keeping its UID as its day moves or it is done."""
    return Response(record.deadlines.calendar(), media_type="text/calendar; charset=utf-8")
