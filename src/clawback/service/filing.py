"""Filing packages: the version lodged under seal and the version for the public docket.

Both are made from the original file, never from a stamped copy: first the redactions the
rulings call for (and, for the public version of a sealed exhibit, every page, since nothing
narrower is identified as confidential), then the Bates number and legend in the margin band,
then the scrub a production gets too (no replacement text, metadata, attachments, scripts).
A text item is found on its page as the redactor searches for it, else as `pdf.shows.matching`
reads the page (a ligature, a code wrapped at its hyphen), as `service.production` finds a
pattern's hits.
Every file passes the verification gate before it is written where anyone can take it; a failed
file stops the whole package and nothing half-made is left behind (``service.delivery``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from clawback.domain.claims import Effect
from clawback.domain.documents import Exhibit
from clawback.domain.errors import DocumentError
from clawback.domain.privacy import privacy_cuts
from clawback.domain.seal_parts import SealPart, pattern_hits
from clawback.pdf.files.document import open_pdf
from clawback.pdf.gate.verify import Finding, require_clean, verify
from clawback.pdf.marks.highlight import highlight
from clawback.pdf.marks.stamp import stable_id, stamp
from clawback.pdf.redaction.redact import WIDTH_POLICY, Box, Redaction, redact, scrub
from clawback.pdf.shows.extract import page_rects, read_pages
from clawback.pdf.shows.locate import by_text_or_box, find_text_rects
from clawback.pdf.shows.matching import find, literal
from clawback.pdf.shows.needles import MIN_SECRET_CHARS, squash
from clawback.pdf.shows.region import to_displayed, to_page_coordinates

PRIVILEGE_REASON = "REDACTED - LAW ENFORCEMENT PRIVILEGE"
WITHHELD_REASON = "WITHHELD - PRIVILEGED"
SEALED_REASON = "CONFIDENTIAL - FILED UNDER SEAL"
PUBLIC_LEGEND = "PUBLIC VERSION - CONFIDENTIAL INFORMATION REDACTED"
PUBLIC_DOCKET = "FILED ON THE PUBLIC DOCKET"


@dataclass(frozen=True)
class Plan:
    """What to make of one exhibit for one docket."""

    exhibit: Exhibit
    kind: str  # "sealed", "highlighted" or "public"
    legend: str
    redactions: tuple[Redaction, ...]
    secrets: tuple[tuple[str, str], ...]  # (label, text) that must not be extractable
    blank_pages: frozenset[int]  # pages replaced whole: none of their pictures may survive
    highlight_pages: frozenset[int] = frozenset()  # the public version redacts these whole

    @property
    def name(self) -> str:
        return f"{self.kind}/ex{self.exhibit.number:02d}_{self.exhibit.bates.first}.pdf"


@dataclass(frozen=True)
class Made:
    plan: Plan
    pdf: bytes


def plans(
    exhibit: Exhibit,
    effect: Effect,
    sealed: bool,
    legend: str,
    page_texts: Sequence[str],
    part: SealPart | None = None,
) -> list[Plan]:
    """The filings an exhibit needs: lodged under seal, the same with what the public version
    redacts highlighted (for the court), and the public version; or the public version alone.
    Sealed in ``part``, the public version removes that part (items, pattern hits, the FRCP
    5.2(a) cuts) and shows the rest; else every page."""
    every_page = range(len(exhibit.bates))
    if effect.withheld:
        privileged = tuple(
            Redaction(page=i, reason=WITHHELD_REASON, label=f"ex{exhibit.number}-p{i}")
            for i in every_page
        )
        privileged_pages = frozenset(every_page)
    else:
        privileged = tuple(item_redactions(exhibit, effect.redact, effect.label))
        privileged_pages = frozenset(
            r.page for r in privileged if r.text is None and r.rect is None
        )
    secrets = tuple(
        (item.id, text)
        for item in exhibit.items
        if item.id in effect.redact
        for text in item.texts
        if _checkable(text)  # a shorter part (a code's "QX-" before a line break) is redacted
    )
    if effect.withheld:
        secrets += _lines(exhibit, page_texts, every_page)
    if not sealed:
        return [Plan(exhibit, "public", PUBLIC_DOCKET, privileged, secrets, privileged_pages)]
    if part:
        return _sealed_in_part(exhibit, legend, page_texts, part, privileged, secrets)
    blank = tuple(
        Redaction(page=i, reason=SEALED_REASON, label=f"ex{exhibit.number}-p{i}")
        for i in every_page
    )
    public_secrets = (
        secrets
        + _lines(exhibit, page_texts, every_page)
        + tuple(
            (item.id, text) for item in exhibit.items for text in item.texts if _checkable(text)
        )
    )
    return [
        *_lodged(exhibit, legend, privileged, secrets, frozenset(every_page)),
        Plan(exhibit, "public", PUBLIC_LEGEND, blank, public_secrets, frozenset(every_page)),
    ]


def _lodged(
    exhibit: Exhibit,
    legend: str,
    privileged: tuple[Redaction, ...],
    secrets: tuple[tuple[str, str], ...],
    shown: frozenset[int],
) -> list[Plan]:
    """The two copies lodged under seal: whole but for privilege, and the same with ``shown``
    (the pages the public version changes, less those withheld whole) highlighted."""
    privileged_pages = frozenset(r.page for r in privileged if r.text is None and r.rect is None)
    return [
        Plan(
            exhibit,
            "sealed",
            f"{legend} - LODGED UNDER SEAL",
            privileged,
            secrets,
            privileged_pages,
        ),
        Plan(
            exhibit,
            "highlighted",
            f"{legend} - HIGHLIGHTED, LODGED UNDER SEAL",
            privileged,
            secrets,
            privileged_pages,
            shown - privileged_pages,
        ),
    ]


def _sealed_in_part(
    exhibit: Exhibit,
    legend: str,
    page_texts: Sequence[str],
    part: SealPart,
    privileged: tuple[Redaction, ...],
    secrets: tuple[tuple[str, str], ...],
) -> list[Plan]:
    """Lodged under seal whole (but for privilege); public with the part removed."""
    privileged_pages = frozenset(r.page for r in privileged if r.text is None and r.rect is None)
    removed = list(item_redactions(exhibit, part.items, lambda _: SEALED_REASON))
    public_secrets = list(secrets) + [
        (item.id, text)
        for item in exhibit.items
        if item.id in part.items
        for text in item.texts
        if _checkable(text)
    ]
    for i, text in enumerate(page_texts):
        label = f"ex{exhibit.number}-p{i}"
        for hit in pattern_hits(text, part.patterns):
            removed.append(Redaction(page=i, reason=SEALED_REASON, text=hit, label=label))
            if _checkable(hit):
                public_secrets.append((f"{label} sealed part", hit))
        for cut in privacy_cuts(text, part.privacy, part.minors):
            removed.append(Redaction(page=i, reason=cut.reads, text=cut.removed, label=label))
            public_secrets.append((f"{label} {cut.rule}", cut.whole))
    touched = frozenset(r.page for r in removed)
    return [
        *_lodged(exhibit, legend, privileged, secrets, touched),
        Plan(
            exhibit,
            "public",
            PUBLIC_LEGEND,
            privileged + tuple(removed),
            tuple(public_secrets),
            privileged_pages,
        ),
    ]


def make(plan: Plan, original: bytes) -> Made:
    """Redact, stamp, scrub and check one file (all but x-ray, which runs once for the
    package). A redaction that cannot be made is a `DocumentError` naming the file."""
    try:
        return _make(plan, original)
    except ValueError as exc:  # a redaction refused, labels that do not fit, a broken file
        raise DocumentError(f"{plan.name}: {exc}") from None
    except DocumentError as exc:
        if str(exc).startswith(f"{plan.name}: "):  # the gate's findings name it already
            raise
        raise DocumentError(f"{plan.name}: {exc}") from None


def _make(plan: Plan, original: bytes) -> Made:
    boxes: list[Box] = []
    reflowed: list[Box] = []
    pdf = original
    if plan.redactions:
        # Item rectangles are named on the produced page as displayed; the original's page may
        # be rotated or cropped. The boxes come back in its page coordinates, and are checked
        # on the stamped file, which shows each page as displayed, unrotated, at the top.
        redactions = located(original, to_page_coordinates(original, plan.redactions))
        result = redact(original, redactions, WIDTH_POLICY)
        pdf, boxes = result.pdf, to_displayed(result.pdf, result.boxes)
        reflowed = to_displayed(result.pdf, result.reflowed)
    if plan.highlight_pages:
        rects = page_rects(pdf)
        pdf = highlight(pdf, [(i, rects[i]) for i in sorted(plan.highlight_pages)])
    labels = [(str(n), plan.legend) for n in plan.exhibit.bates]
    pdf = stable_id(scrub(stamp(pdf, labels)))
    findings = verify(
        pdf,
        plan.secrets,
        expected_labels=labels,
        boxes=boxes,
        xray=False,
        reflowed=reflowed,
        # the highlighted version marks more than its boxes: no render against the original
        original=None if plan.highlight_pages else original,
    )
    findings += _pictures_gone(plan, original, pdf)
    require_clean(findings, plan.name)
    return Made(plan, pdf)


def located(pdf: bytes, redactions: Sequence[Redaction]) -> list[Redaction]:
    """`redactions` (in page coordinates of `pdf`), each text a search cannot find on its page
    replaced by where `pdf.shows.matching` reads it there, line by line: the line's own text
    where a search finds that (so it is re-flowed), else the box of its glyphs. A text found
    neither way is left as it is: the redactor then refuses it."""
    if all(item.text is None for item in redactions):
        return list(redactions)
    found: list[Redaction] = []
    with open_pdf(pdf) as doc:
        for item in redactions:
            if item.text is None or item.page >= doc.page_count:
                found.append(item)
                continue
            page = doc[item.page]
            if find_text_rects(page, item.text):
                found.append(item)
                continue
            lines = [
                replace(item, text=text, rect=None if text is not None else box)
                for match in find(page, literal(item.text))
                for text, box in by_text_or_box(page, match.pieces)
            ]
            found.extend(lines or [item])
    return found


def _checkable(text: str) -> bool:
    """Whether the gate can look for `text` (long enough not to match by chance)."""
    return len(squash(text)) >= MIN_SECRET_CHARS


def item_redactions(
    exhibit: Exhibit,
    item_ids: Sequence[str],
    label: Callable[[str], str] = lambda _: PRIVILEGE_REASON,
) -> list[Redaction]:
    """The boxes over the granted items, each reading its item's basis (``label``)."""
    found = []
    for item in exhibit.items:
        if item.id not in item_ids:
            continue
        page = exhibit.page_index(item.page)
        reason = label(item.id)
        found += item_boxes(page, reason, item.id, item.whole_page, item.rect, item.texts)
    return found


def item_boxes(
    page: int,
    reason: str,
    label: str,
    whole_page: bool,
    rect: tuple[float, float, float, float] | None,
    texts: Sequence[str],
) -> list[Redaction]:
    """The boxes over one item, an exhibit's or a filed paper's (one rule for both): a page
    named whole is one box over the page (``redact`` lays a blank page in its place, its lines
    never boxed one by one as text); else its rectangle (displayed coordinates: see `make` for
    the original file) and each of its texts."""
    if whole_page:
        return [Redaction(page=page, reason=reason, label=label)]
    found = []
    if rect is not None:
        found.append(Redaction(page=page, reason=reason, rect=rect, label=label))
    for text in texts:
        found.append(Redaction(page=page, reason=reason, text=text, label=label))
    return found


def checked_texts(label: str, texts: Sequence[str]) -> list[tuple[str, str]]:
    """The texts of item ``label`` the gate looks for in a result: those long enough not to
    match by chance (a pleading margin's "3" is redacted, never searched for)."""
    return [(label, text) for text in texts if _checkable(text)]


def _lines(
    exhibit: Exhibit, page_texts: Sequence[str], pages: Sequence[int]
) -> tuple[tuple[str, str], ...]:
    """Each substantial line of the given pages: on a whole-page redaction none may survive."""
    return tuple(
        (f"Ex. {exhibit.number} p. {i + 1} line", line.strip())
        for i in pages
        for line in page_texts[i].splitlines()
        if len(line.strip()) >= 12
    )


def _pictures_gone(plan: Plan, original: bytes, made: bytes) -> list[Finding]:
    if not plan.blank_pages:
        return []
    before, after = read_pages(original), read_pages(made)
    findings = []
    for i in sorted(plan.blank_pages):
        kept = set(before[i].image_sha256) & set(after[i].image_sha256)
        if kept:
            findings.append(Finding(i, "picture", "an image of a redacted page survives"))
    return findings
