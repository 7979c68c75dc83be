"""Briefs that cite designated material: what to redact, and the three files a filing needs.

A brief that quotes material designated under the protective order is filed twice: a public
version with the designated material redacted, and the full version lodged under seal, with a
copy for the court on which the redacted passages are highlighted (e.g. N.D. Cal. Civil
L.R. 79-5(e)). `Briefs.propose` reads the brief (PDF, or a word-processor file
converted with LibreOffice) and proposes the spans to redact; the filer reviews them and
`Briefs.file` makes and checks the files.

The brief is first prepared as ingest prepares a PDF (`prepared`): only what a viewer shows
(`pdf.shows.visible`: no switched-off layer, no text off the page or clipped away, no
replacement text), then OCR of what a page draws but does not write (`pdf.shows.ocr`: pictures,
outlines, Type 3 glyphs). Proposals are made on that copy, and the public and highlighted
versions are made from it.

What is proposed, page by page of the brief:

* every named item's text (``define_item``) of a confidential document, wherever the brief
  shows it: found by `pdf.shows.matching` in the page's glyphs (any letter case, look-alike
  characters, wrapped at a line end, letter-spaced, drawn out of order; see its docstring), as
  the page writes it, or as the box of its glyphs where a text search cannot find it;
* every quotation of a confidential produced page: a span of the brief that also stands in the
  text of such a page, at least `MIN_QUOTE` characters long inside quotation marks, or at least
  `MIN_LIFT` characters (a line or a sentence, e.g. a block quote) anywhere;
* every other occurrence in the brief of a text proposed once, so that no copy of it survives.

A document is *confidential* here when it is produced, carries a designation or is sealed, and
is not marked publicly available; a span that also stands on a produced page that is not
confidential is not proposed (letterheads, boilerplate, text in the public domain). Quotations
are compared ignoring case, whitespace and line breaks, ligatures and dash and quote
look-alikes; exactly otherwise (a quotation altered with brackets or ellipses is found in
pieces, and a paraphrase is not found at all: `Briefs.citations` lists the citations of
confidential material, whose surroundings the filer should read).

Bates citations and exhibit references are never proposed: citing a page is not disclosing it.
They appear in each proposal's `Proposal.source` as context.

The person proposing sees only what the protective order lets them see: a brief is compared
with the documents and the text they may read, so proposing is no way to learn what an
inaccessible document says.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.citations import find_citations
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId, exhibit_label
from clawback.domain.references import read_references
from clawback.domain.seats import Act
from clawback.papers import quoting
from clawback.pdf.files.convert import to_pdf
from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.verify import require_clean, verify
from clawback.pdf.marks.highlight import Mark, highlight
from clawback.pdf.redaction.redact import WIDTH_POLICY, Redaction, RedactionError, redact
from clawback.pdf.shows.extract import read_pages
from clawback.pdf.shows.locate import by_text_or_box, find_text_rects
from clawback.pdf.shows.matching import find, literal
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, squash
from clawback.pdf.shows.ocr import add_text_layer
from clawback.pdf.shows.visible import visible_copy
from clawback.service import access as access_rules
from clawback.service import delivery, knowledge, lookup
from clawback.service.base import Service
from clawback.storage import tables as t

__all__ = [
    "BRIEF_REASON",
    "MIN_LIFT",
    "MIN_QUOTE",
    "BriefCitation",
    "Briefs",
    "Proposal",
    "prepared",
]

BRIEF_REASON = "REDACTED - CONFIDENTIAL UNDER PROTECTIVE ORDER"
#: Shortest quotation (inside quotation marks) proposed, in characters.
MIN_QUOTE = 12
#: Shortest span proposed without quotation marks around it: about a line of a brief.
MIN_LIFT = 40
KINDS = ("public", "highlighted", "sealed")
_SHOWN = 3  # sources named in a proposal before "and N more"


@dataclass(frozen=True)
class Proposal:
    """A span of the brief to redact in the public version.

    `page` is the 0-based page of the brief's PDF; `text` is the span as it stands there (every
    occurrence on that page is redacted); `reason` is printed on the box; `source` says why,
    naming Bates numbers, exhibits, tiers and item ids, never the material itself. `rect` is
    set where a text search cannot find the span (letter-spaced, drawn out of order, wrapped
    at its hyphen): the box of its glyphs on the prepared brief's page (`prepared`), in
    PyMuPDF page coordinates, which is redacted instead; `text` is then the span as read.

    `text` IS the confidential material: it is for the filer's eyes only. Do not log it, audit
    it, put it in an error message or show it to anyone who may not read the brief.
    """

    page: int
    text: str
    reason: str
    source: str
    rect: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class BriefCitation:
    """A Bates citation or exhibit reference in the brief, and the confidential material it
    cites (``"AOL-DEF-00528703 (AEO)"``, ``"Ex. 18 (AEO)"``), empty when none."""

    page: int
    raw: str
    cites: tuple[str, ...]
    # a footnote marker glued on, a letter among the digits, an exhibit not in the record
    # ("no Ex. Z in the record": also one the person may not know of, exactly as absent)
    warnings: tuple[str, ...] = ()


# -- the record's confidential material ---------------------------------------------------------


@dataclass(frozen=True)
class _Page:
    """A confidential produced page: its Bates number, how it is shown, its folded text."""

    bates: str
    shown: str  # "AOL-DEF-00528703 (AEO)"
    text: str


@dataclass(frozen=True)
class _ItemText:
    item: str
    page: str  # the page as shown, "AOL-DEF-00528703 (AEO)"
    text: str  # as the item names it


@dataclass(frozen=True)
class _Shown:
    """An item's text as one page of the brief shows it (`_shown_items`)."""

    page: int
    tag: tuple[str, str]
    text: str  # as the page writes it, or (with `rect`) as read
    rect: tuple[float, float, float, float] | None  # where a text search cannot find it


@dataclass
class _Material:
    pages: list[_Page] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # folded text of produced, non-confidential
    items: list[_ItemText] = field(default_factory=list)
    by_bates: dict[BatesNumber, str] = field(default_factory=dict)  # confidential page: shown
    # by the exhibit's one spelling (``A``, ``5-A``, ``12``: `ExhibitId.canonical`)
    by_exhibit: dict[str, str] = field(default_factory=dict)  # confidential exhibit: shown
    known: set[str] = field(default_factory=set)  # every exhibit the person may know of
    prefixes: list[str] = field(default_factory=list)


def _shown(tier: str | None, sealed: bool) -> str:
    return ", ".join([*([tier] if tier else []), *(["sealed"] if sealed else [])])


def _few(names: Sequence[str]) -> str:
    more = len(names) - _SHOWN
    head = ", ".join(names[:_SHOWN])
    return f"{head} and {more} more" if more > 0 else head


# -- proposing --------------------------------------------------------------------------------

_Tag = tuple[str, str]  # ("quotes", page shown) or ("item", "<id> on <page shown>")
_Piece = tuple[int, int, frozenset[_Tag]]


def _cited(material: _Material, text: str) -> list[BriefCitation]:
    """Each citation in `text` (Bates numbers of every prefix the record or the text knows,
    this case's exhibits) with the confidential material it cites, and each typo'd number;
    `page` is left 0 for the caller."""
    refs = read_references(text, material.prefixes)
    found: list[tuple[int, BriefCitation]] = []
    for cite in refs.bates:
        names: dict[str, None] = {}
        for rng in cite.ranges:
            for number in _pages_in(material, rng):
                names.setdefault(material.by_bates[number])
        found.append((cite.start, BriefCitation(0, cite.raw, tuple(names), cite.warnings)))
    for ref in refs.exhibits:
        keys = [x.canonical for x in ref.exhibits]
        shown = tuple(material.by_exhibit[k] for k in keys if k in material.by_exhibit)
        # one the person may not know of is said exactly as one the record does not hold
        missing = [x for x in ref.exhibits if x.canonical not in material.known]
        said = (f"no {exhibit_label(missing)} in the record",) if missing else ()
        found.append((ref.start, BriefCitation(0, text[ref.start : ref.end], shown, said)))
    for typo in refs.typos:
        found.append((typo.start, BriefCitation(0, typo.raw, (), (str(typo),))))
    found.sort(key=lambda entry: entry[0])
    return [replace(c, raw=" ".join(c.raw.split())) for _, c in found]


def _pages_in(material: _Material, rng: BatesRange) -> list[BatesNumber]:
    if len(rng) > len(material.by_bates):
        return sorted((n for n in material.by_bates if n in rng), key=lambda n: n.number)
    return [n for n in rng if n in material.by_bates]


def _quotations(brief: str, material: _Material, candidates: dict[int, set[str]]) -> list[_Piece]:
    """Spans of `brief` that stand on a confidential page, as the module doc says.

    `candidates` maps each page worth comparing to the word-start grams it shares with the
    brief; a match is grown from each such gram as far as the two texts agree.
    """
    quotes = [m.span(1) for m in quoting.QUOTED.finditer(brief)]
    starts = [
        (m.start(), brief[m.start() : m.start() + MIN_QUOTE])
        for m in quoting.WORD_START.finditer(brief)
    ]
    pieces: list[_Piece] = []
    for k, shared in candidates.items():
        page = material.pages[k]
        tag = frozenset({("quotes", page.shown)})
        reach = 0
        for i, gram in starts:
            if i < reach or gram not in shared:
                continue
            s, e = quoting.common(brief, i, page.text, gram)
            reach = e
            s, e = quoting.trim(brief, s, e)
            if e - s >= MIN_LIFT:
                pieces.append((s, e, tag))
                continue
            for qs, qe in quotes:
                if qs < e and s < qe:
                    ps, pe = quoting.trim(brief, max(s, qs), min(e, qe))
                    if pe - ps >= MIN_QUOTE:
                        pieces.append((ps, pe, tag))
    return pieces


def _carve(pieces: list[_Piece], holes: Sequence[tuple[int, int]], brief: str) -> list[_Piece]:
    """Cut the holes (citations) out of the pieces; keep what is still a quotation."""
    out: list[_Piece] = []
    for s, e, tags in pieces:
        parts = [(s, e)]
        for hs, he in holes:
            parts = [
                part
                for ps, pe in parts
                for part in ((ps, min(pe, hs)), (max(ps, he), pe))
                if part[0] < part[1]
            ]
        for ps, pe in parts:
            ps, pe = quoting.trim(brief, ps, pe)
            if pe - ps >= MIN_QUOTE:
                out.append((ps, pe, tags))
    return out


def _merge(pieces: Iterable[_Piece]) -> list[_Piece]:
    merged: list[_Piece] = []
    for s, e, tags in sorted(pieces, key=lambda piece: (piece[0], -piece[1])):
        if merged and s <= merged[-1][1]:
            ms, me, mtags = merged[-1]
            merged[-1] = (ms, max(me, e), mtags | tags)
        else:
            merged.append((s, e, tags))
    return merged


def _occurrences(text: str, needle: str) -> Iterable[tuple[int, int]]:
    if not needle:
        return
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


def _source(tags: frozenset[_Tag], cited: Sequence[BriefCitation]) -> str:
    quoted = sorted(shown for kind, shown in tags if kind == "quotes")
    items = sorted(shown for kind, shown in tags if kind == "item")
    parts = []
    if quoted:
        parts.append(f"quotes {_few(quoted)}")
    if items:
        parts.append(f"names item {_few(items)}")
    cites = sorted({name for c in cited for name in c.cites})
    if cites:
        parts.append(f"page cites {_few(cites)}")
    return "; ".join(parts)


def _propose(
    page_texts: Sequence[str], material: _Material, shown: Sequence[_Shown] = ()
) -> list[Proposal]:
    """The proposals for a brief whose pages read `page_texts` and show the items `shown`
    (see the module doc)."""
    folded = [quoting.fold_map(text) for text in page_texts]
    page_grams = [quoting.grams(brief, MIN_QUOTE) for brief, _ in folded]
    every_gram = {gram for grams in page_grams for gram in grams}
    candidates: dict[int, set[str]] = {}
    for k, page in enumerate(material.pages):
        shared = every_gram.intersection(quoting.grams(page.text, MIN_QUOTE))
        if shared:
            candidates[k] = shared
    others = material.other
    first: list[list[_Piece]] = []
    secrets: dict[str, frozenset[_Tag]] = {}
    for (brief, origin), text, grams in zip(folded, page_texts, page_grams, strict=True):
        here = {k: shared & grams for k, shared in candidates.items()}
        pieces = [
            (s, e, tags)
            for s, e, tags in _quotations(brief, material, {k: g for k, g in here.items() if g})
            if not any(brief[s:e] in other for other in others)
        ]
        holes = [
            (bisect.bisect_left(origin, c.start), bisect.bisect_left(origin, c.end))
            for c in find_citations(text, material.prefixes)
        ]
        pieces = _carve(pieces, holes, brief)
        for found in shown:
            if found.page == len(first) and found.rect is None:
                pieces.extend(
                    (s, e, frozenset({found.tag}))
                    for s, e in _occurrences(brief, quoting.fold(found.text))
                )
        for s, e, tags in pieces:
            secrets[brief[s:e]] = secrets.get(brief[s:e], frozenset()) | tags
        first.append(pieces)
    proposals: dict[tuple[int, str, _Rect | None], tuple[frozenset[_Tag], str]] = {}
    for number, ((brief, origin), text, pieces) in enumerate(
        zip(folded, page_texts, first, strict=True)
    ):
        again = [
            (s, e, tags) for secret, tags in secrets.items() for s, e in _occurrences(brief, secret)
        ]
        cited = _cited(material, text)
        spans: list[tuple[str, _Rect | None, frozenset[_Tag]]] = [
            (" ".join(text[origin[s] : origin[e - 1] + 1].split()), None, tags)
            for s, e, tags in _merge([*pieces, *again])
        ]
        for found in shown:  # boxes, and texts the page's text does not spell the same way
            if found.page == number and (
                found.rect is not None or not any(_occurrences(brief, quoting.fold(found.text)))
            ):
                spans.append((found.text, found.rect, frozenset({found.tag})))
        for span, rect, tags in spans:
            key = (number, span, rect)
            known = proposals.get(key, (frozenset(), ""))[0]
            proposals[key] = (known | tags, _source(known | tags, cited))
    return [
        Proposal(page, span, BRIEF_REASON, source, rect)
        for (page, span, rect), (_, source) in proposals.items()
    ]


_Rect = tuple[float, float, float, float]


def _shown_items(pdf: bytes, material: _Material) -> list[_Shown]:
    """Every item's text wherever a page of `pdf` shows it (`pdf.shows.matching`), line by
    line: as the page writes it where a text search finds that (the redactor then re-flows
    it), else as read, with the box of its glyphs (as `pdf.produced.hits_on` does)."""
    found: list[_Shown] = []
    if not material.items:
        return found
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            for item in material.items:
                tag = ("item", f"{item.item} on {item.page}")
                for match in find(page, literal(item.text)):
                    for text, box in by_text_or_box(page, match.pieces):
                        if text is not None:
                            shown = _Shown(page.number, tag, text, None)
                        else:
                            shown = _Shown(page.number, tag, " ".join(match.found.split()), box)
                        if shown not in found:
                            found.append(shown)
    return found


def prepared(pdf: bytes) -> bytes:
    """`pdf` as ingest prepares a file for the record (`service.ingest`): only what a viewer
    shows (`visible_copy`), then OCR's words laid over what its pages draw but do not write
    (`add_text_layer`). A brief is proposed on, redacted and highlighted in this copy."""
    shown, _ = visible_copy(pdf)
    ready, _ = add_text_layer(shown)
    return ready


_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._ -]{0,119}")


def _file_name(name: str) -> str:
    stem = name.strip()
    if stem.lower().endswith(".pdf"):
        stem = stem[:-4]
    if not _NAME.fullmatch(stem) or ".." in stem:
        raise InvalidInput(
            f"not a file name for a brief: {name!r} (letters, digits, '.', '_', '-' and spaces)"
        )
    return stem


class Briefs(Service):
    """Briefs citing designated material: proposals, then public, highlighted, sealed files.
    Either party files briefs, and the court its own orders."""

    def propose(self, brief: bytes, suffix: str = ".pdf") -> list[Proposal]:
        """The spans of `brief` to redact in its public version (see the module doc).

        `suffix` is the brief's file type: ``.pdf``, or ``.docx``, ``.doc``, ``.odt``, ``.rtf``
        (converted with LibreOffice; page numbers are those of the converted PDF). Each
        proposal's `Proposal.text` holds the material itself: for the filer's eyes only.
        """
        self.ctx.require(Act.file_brief)
        pdf = to_pdf(brief, suffix)
        return self._propose(pdf, prepared(pdf))

    def _propose(self, pdf: bytes, ready: bytes) -> list[Proposal]:
        """`propose` for the brief `pdf` as `prepared` (`ready`)."""
        texts = [page.text for page in read_pages(ready)]
        with self.ctx.transaction() as s:
            material = self._material(s)
            proposals = _propose(texts, material, _shown_items(ready, material))
            self.ctx.audit(
                s,
                "brief.propose",
                f"brief {hashlib.sha256(pdf).hexdigest()[:16]}",
                pages=len(texts),
                proposals=len(proposals),
            )
        return _locate(ready, proposals)

    def citations(self, brief: bytes, suffix: str = ".pdf") -> list[BriefCitation]:
        """Every Bates citation and exhibit reference in `brief`, with the confidential
        material each one cites: where a brief paraphrases rather than quotes, read there."""
        self.ctx.require(Act.file_brief)
        texts = [page.text for page in read_pages(to_pdf(brief, suffix))]
        with self.ctx.transaction() as s:
            material = self._material(s)
        return [
            replace(cite, page=number)
            for number, text in enumerate(texts)
            for cite in _cited(material, text)
        ]

    def file(
        self,
        brief: bytes,
        out: Path,
        name: str,
        suffix: str = ".pdf",
        proposals: Sequence[Proposal] | None = None,
    ) -> dict[str, Path]:
        """Write ``out/public/<name>.pdf``, ``out/highlighted/<name>.pdf`` and
        ``out/sealed/<name>.pdf``; returns them by kind.

        The brief is `prepared` first. The public version has every proposal (the reviewed
        `proposals`, or those `propose` makes) truly redacted, text re-flowed to the width
        policy (docs/redaction-policy.md), and must pass the verification gate with each
        proposal's text as a secret, OCR and x-ray included; if it does not, or a proposal's
        text is not on its page, nothing is written and the error names the public file. The
        highlighted version is the brief with the same spans highlighted, for the court; the
        sealed version is the brief as lodged under seal (for a word-processor file, its PDF).
        """
        self.ctx.require(Act.file_brief)
        stem = _file_name(name)
        self.ctx.check_targets(*(out / kind / f"{stem}.pdf" for kind in KINDS))
        pdf = to_pdf(brief, suffix)
        ready = prepared(pdf)
        chosen = list(proposals) if proposals is not None else self._propose(pdf, ready)
        redactions = [
            Redaction(
                page=p.page,
                reason=p.reason,
                text=p.text if p.rect is None else None,
                rect=p.rect,
                label=f"brief-p{p.page + 1}-{k}",
            )
            for k, p in enumerate(chosen, start=1)
        ]
        public_name = f"public/{stem}.pdf"
        try:
            result = redact(ready, redactions, WIDTH_POLICY)
        except RedactionError as exc:  # names the proposal's label and page, never its text
            raise RedactionError(f"{public_name}: {exc}") from None
        secrets = [
            (r.label, p.text)
            for r, p in zip(redactions, chosen, strict=True)
            if len(squash(p.text)) >= MIN_SECRET_CHARS
        ]
        findings = verify(
            result.pdf,
            secrets,
            boxes=result.boxes,
            reflowed=result.reflowed,
            xray=True,
            original=ready,
        )
        require_clean(findings, public_name)
        marks: list[Mark] = [(p.page, p.text if p.rect is None else p.rect) for p in chosen]
        marked = highlight(ready, marks) if chosen else ready
        files = {"public": result.pdf, "highlighted": marked, "sealed": pdf}
        written: dict[str, Path] = {}
        with delivery.writing() as write, self.ctx.transaction() as s:
            for kind in KINDS:
                data = files[kind]
                written[kind] = self.ctx.deliver(s, out / kind / f"{stem}.pdf", data)
                self.ctx.audit(
                    s,
                    "brief.file",
                    f"{kind}/{stem}.pdf",
                    sha256=hashlib.sha256(data).hexdigest(),
                    redactions=len(redactions),
                )
                write(written[kind], data)
        return written

    def _material(self, s: Session) -> _Material:
        """The confidential produced pages and items this person may read, and the rest."""
        column = access_rules.text_column(self.actor)
        found = s.execute(
            select(
                t.Document.id,
                t.Document.exhibit,
                t.Document.exhibit_id,
                t.Document.tier,
                t.Document.sealed,
                t.Document.publicly_available,
                t.Page.idx,
                t.Page.bates,
                column,
            )
            .join(t.Page, t.Page.document_id == t.Document.id)
            .where(t.Page.bates.is_not(None), access_rules.visible(self.actor))
            .order_by(t.Page.bates)
        ).all()
        material = _Material()
        confidential: dict[tuple[int, int], tuple[str, str]] = {}  # (doc, idx): shown, raw text
        for doc_id, exhibit, written, tier, sealed, public, idx, bates, text in found:
            assert bates is not None
            if (tier is None and not sealed) or public:
                material.other.append(quoting.fold(text))
                continue
            label = _shown(tier, sealed)
            shown = f"{bates} ({label})"
            material.pages.append(_Page(str(bates), shown, quoting.fold(text)))
            material.by_bates[bates] = shown
            if exhibit is not None:
                named = ExhibitId.parse(written or exhibit)
                material.by_exhibit[named.canonical] = f"Ex. {named} ({label})"
            confidential[(doc_id, idx)] = (shown, text)
        items = s.scalars(select(t.Item).order_by(t.Item.id)).all()
        told = knowledge.told_items(s, self.actor)  # never an item the filer is not told of
        for item in items:
            page = confidential.get((item.document_id, item.page_idx))
            if page is None or (told is not None and item.id not in told):
                continue
            for text in item.texts:
                if text in page[1]:  # in the redacted view, granted items are not there
                    material.items.append(_ItemText(item.id, page[0], text))
        numbered = s.scalars(select(t.Document).where(t.Document.exhibit.is_not(None))).all()
        material.known = {
            ExhibitId.parse(doc.exhibit_id or doc.exhibit).canonical
            for doc in numbered
            if doc.exhibit is not None and lookup.allowed(s, self.actor, doc, lookup.Need.know)
        }
        # the series of the pages this person may see: a volume's prefix they may not know
        # of made a typo'd number of it a citation with a warning (the volume told)
        material.prefixes = sorted({bates.prefix for *_, bates, _ in found if bates is not None})
        return material


def _locate(pdf: bytes, proposals: list[Proposal]) -> list[Proposal]:
    """Flag the proposals the redactor could not find on their page by text search."""
    flagged: list[Proposal] = []
    with open_pdf(pdf) as doc:
        for p in proposals:
            if p.rect is not None or find_text_rects(doc[p.page], p.text):
                flagged.append(p)
            else:
                note = "NOT LOCATED on the page by text search: edit the text or redact by hand"
                source = f"{p.source}; {note}" if p.source else note
                flagged.append(Proposal(p.page, p.text, p.reason, source))
    return flagged
