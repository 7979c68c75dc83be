"""The bench memo: the court's review record for one claim, printed beside the ruling.

Caption, the claim (what it covers, by Bates number and description), the declarations that
support it, the threshold showing and the ten Frankenhauser factors as tables of finding and
citation, then the ruling. The memo describes the claimed material; it never reproduces it: the
caller passes only descriptions, and ``render`` refuses a memo whose text holds a protected string.
"""

from __future__ import annotations

import html
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import pymupdf

from clawback.domain.errors import RuleViolation
from clawback.domain.privilege_review import SectionKind, TestReview, WaiverDates
from clawback.domain.review import ELEMENTS, FRANKENHAUSER, ReviewRecord

LETTER = pymupdf.paper_rect("letter")
MARGIN = 64

_CSS = """
body { font-family: serif; font-size: 10.5pt; }
h1 { font-size: 13pt; text-align: center; margin: 0 0 4pt 0; }
h2 { font-size: 11.5pt; margin: 12pt 0 4pt 0; }
p { margin: 0 0 5pt 0; }
p.caption { text-align: center; margin: 0; }
p.small { font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 6pt; }
th { font-size: 9pt; text-align: left; border-bottom: 1px solid black; padding: 2pt; }
td { font-size: 9pt; vertical-align: top; padding: 2pt; border-bottom: 0.5px solid #999; }
"""


@dataclass(frozen=True)
class Covered:
    """One thing the claim covers, as the memo may name it."""

    exhibit: int
    bates: str
    description: str


@dataclass(frozen=True)
class Declarant:
    name: str
    title: str
    docket: str
    paragraphs: str


@dataclass(frozen=True)
class BenchMemo:
    """What the memo prints: descriptions and findings only, never the claimed text."""

    court: str
    case_number: str
    caption: str
    claim: str
    privilege: str
    state: str
    noticed_on: str
    basis: str
    covered: tuple[Covered, ...]
    declarations: tuple[Declarant, ...]
    review: ReviewRecord | TestReview  # the law enforcement record, or another test's
    ruling: str  # "granted on 2020-06-26: reason", or "not yet ruled"
    lateness: str = ""
    history: tuple[str, ...] = ()
    waiver: tuple[TestReview, WaiverDates] | None = None  # an FRE 502(b) analysis


def render(memo: BenchMemo, protected: Sequence[str] = ()) -> bytes:
    """The memo as PDF; refuses to make one that would show any ``protected`` string."""
    body = _html(memo)
    data = _flow(body)
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        shown = _plain(" ".join(page.get_text() for page in doc))
    for secret in protected:
        needle = _plain(secret)
        if needle and needle in shown:
            raise RuleViolation(f"bench memo for {memo.claim!r} would show claimed material")
    return data


def _html(memo: BenchMemo) -> str:
    e = _esc
    review = memo.review
    named = "law enforcement privilege" if isinstance(review, ReviewRecord) else review.test.name
    parts = [
        f'<p class="caption">{e(memo.court)}</p>',
        f'<p class="caption">{e(memo.caption)}</p>',
        f'<p class="caption">No. {e(memo.case_number)}</p>',
        f"<h1>Bench memo: {e(named)} claim {e(memo.claim)}</h1>",
        '<p class="small">For chambers. Describes the claimed material; does not reproduce it.</p>',
        "<h2>The claim</h2>",
        f"<p>Privilege: {e(memo.privilege.replace('_', ' '))}. State: {e(memo.state)}. "
        f"Noticed: {e(memo.noticed_on or 'undated')}.</p>",
        f"<p>Basis asserted: {e(memo.basis or '(none stated)')}</p>",
    ]
    if memo.lateness:
        parts.append(f"<p><b>FRE 502(b) flag:</b> {e(memo.lateness)}</p>")
    parts.append(
        _table(
            ("Ex.", "Bates", "What is claimed"),
            [(str(c.exhibit), c.bates, c.description) for c in memo.covered],
        )
    )
    if memo.history:
        parts.append("<p>History: " + e("; ".join(memo.history)) + "</p>")
    parts.append("<h2>Declarations</h2>")
    if memo.declarations:
        parts.append(
            _table(
                ("Declarant", "Title", "Dkt.", "Paras. relied on"),
                [(d.name, d.title, d.docket, d.paragraphs) for d in memo.declarations],
            )
        )
    else:
        parts.append("<p>No declaration supports the claim.</p>")
    if isinstance(review, TestReview):
        parts += _tested(review)
    else:
        parts += _law_enforcement(review)
    if memo.waiver is not None:
        analysis, dates = memo.waiver
        parts += [f'<p class="small">{e(line)}</p>' for line in dates.lines()]
        parts += _tested(analysis)
    parts += ["<h2>Ruling</h2>", f"<p>{e(memo.ruling)}</p>"]
    return "".join(parts)


def _tested(review: TestReview) -> list[str]:
    """Each section of a governing test: its findings and citations, and what it comes to."""
    e = _esc
    test = review.test
    parts = [f"<h2>{e(test.name[:1].upper() + test.name[1:])}</h2>"]
    parts.append(f'<p class="small">{e(test.citation)}. {e(test.burden)}</p>')
    for section in test.sections:
        by_key = {f.key: f for f in review.findings if f.section == section.name}
        if section.kind is SectionKind.balancing:
            counts = review.balance(section.name)
            said = ", ".join(f"{_word(w.value)} {n}" for w, n in counts.items() if n)
            head, column = f"weighs toward: {said}", "Weighs toward"
        else:
            held = review.holds(section.name)
            head = {True: "holds", False: "does not hold", None: "not decided"}[held]
            column = "Finding"
        parts += [
            f"<h3>{e(_word(section.name).capitalize())} ({e(section.holds_when)}): {e(head)}</h3>",
            _table(
                ("Element", column, "Note", "Citation"),
                [
                    (
                        el.words,
                        _word(by_key[el.key].finding.value),
                        by_key[el.key].note,
                        by_key[el.key].citation,
                    )
                    for el in section.elements
                ],
            ),
        ]
    if review.conclusion:
        parts.append(f"<p><b>Conclusion of the review:</b> {e(review.conclusion)}</p>")
    return parts


def _law_enforcement(review: ReviewRecord) -> list[str]:
    e = _esc
    parts: list[str] = []
    met = review.threshold_words
    parts += [
        f"<h2>Threshold showing ({met})</h2>",
        _table(
            ("Element", "Finding", "Note", "Citation"),
            [
                (ELEMENTS[f.element], _word(f.finding.value), f.note, f.citation)
                for f in review.threshold
            ],
        ),
        "<h2>Balancing: the Frankenhauser factors</h2>",
        f'<p class="small">{e(FRANKENHAUSER)}. Weighs toward: '
        + e(", ".join(f"{_word(k.value)} {v}" for k, v in review.balance.items() if v))
        + ".</p>",
        _table(
            ("#", "Factor", "Weighs toward", "Note", "Citation"),
            [
                (str(f.number), f.factor, _word(f.finding.value), f.note, f.citation)
                for f in review.factors
            ],
        ),
    ]
    if review.conclusion:
        parts.append(f"<p><b>Conclusion of the review:</b> {e(review.conclusion)}</p>")
    assumed = [f for f in review.threshold if f.assumed] + [f for f in review.factors if f.assumed]
    if assumed:
        parts.append(
            f'<p class="small">{len(assumed)} finding(s) marked "assumed:" are not stated in '
            "the record and were supplied by the reviewer.</p>"
        )
    return parts


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    top = "".join(f"<th>{_esc(h)}</th>" for h in head)
    body = "".join(
        "<tr>" + "".join(f"<td>{_esc(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><tr>{top}</tr>{body}</table>"


def _plain(text: str) -> str:
    """Text to compare: ligatures and other compatibility forms unfolded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _word(value: str) -> str:
    return value.replace("_", " ")


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _flow(body: str) -> bytes:
    story = pymupdf.Story(html=f"<body>{body}</body>", user_css=_CSS)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    where = pymupdf.Rect(MARGIN, MARGIN, LETTER.width - MARGIN, LETTER.height - MARGIN)
    more, pages = 1, 0
    while more and pages < 200:
        device = writer.begin_page(LETTER)
        more, _ = story.place(where)
        story.draw(device)
        writer.end_page()
        pages += 1
    writer.close()
    return buffer.getvalue()
