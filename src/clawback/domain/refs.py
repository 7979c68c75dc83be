"""References to a document as a person types them, parsed once at the edge.

A document is named by its exhibit number (``5``, ``Ex. 5``), its control number
(``DOC-000005``) or any of its Bates numbers. ``parse_document_ref`` turns the text into one of
three values, which travel from there on; the service looks each kind up in one place
(``service.lookup``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clawback.domain.bates import BatesError, BatesNumber
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_ids import ExhibitId
from clawback.domain.public_refs import ALPHABET, LENGTH

_EXHIBIT = re.compile(r"(?:ex(?:hibit)?\.?\s*)?(\d{1,6})", re.IGNORECASE | re.ASCII)
#: Control numbers by the side whose collection the document is in (``service.ingest``).
CONTROL_PREFIXES = {"producing": "DOC", "receiving": "RCV", "court": "CRT"}
#: A control number, or a document's reference in its place (``RCV-k7q2mx``: never all digits).
_CONTROL = re.compile(rf"(?:DOC|RCV|CRT)-(?:\d{{6,}}|(?i:[{ALPHABET}]{{{LENGTH}}}))", re.ASCII)


@dataclass(frozen=True, order=True)
class ExhibitNumber:
    number: int

    def __str__(self) -> str:
        return f"Ex. {self.number}"


@dataclass(frozen=True, order=True)
class ControlNumber:
    """A document's number in the collection of the side that holds it (``DOC-000001``). The
    same text is also a valid Bates number; a lookup that finds no such control number reads
    it as one (``service.lookup``)."""

    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def opaque(self) -> str | None:
        """The document's reference when this is one (``RCV-k7q2mx``: ``k7q2mx``), else None:
        how a reader names their side's documents when its numbers would count some withheld
        from them (``service.control_names``)."""
        tail = self.text.rpartition("-")[2]
        return None if tail.isdigit() else tail


@dataclass(frozen=True)
class ExhibitNamed:
    """An exhibit by an identifier that is not a plain number: ``Ex. A``, ``Ex. 5-A``."""

    exhibit: ExhibitId

    def __str__(self) -> str:
        return f"Ex. {self.exhibit}"


DocumentRef = ExhibitNumber | ExhibitNamed | ControlNumber | BatesNumber
_NAMED = re.compile(r"ex(?:hibit|h)?\.?\s", re.IGNORECASE)


def parse_document_ref(text: str) -> DocumentRef:
    """``5``/``Ex. 5`` -> exhibit, ``DOC-000005`` -> control number, else a Bates number."""
    raw = " ".join(str(text).split())
    if not raw or len(raw) > 80:
        raise InvalidInput(f"not a document reference (exhibit, control or Bates number): {raw!r}")
    exhibit = _EXHIBIT.fullmatch(raw)
    if exhibit:
        return ExhibitNumber(int(exhibit.group(1)))
    if _CONTROL.fullmatch(raw):
        prefix, _, tail = raw.partition("-")
        return ControlNumber(f"{prefix}-{tail.lower()}")
    if _NAMED.match(raw):  # "Ex. A", "Exhibit 5-A": an exhibit, whatever follows
        return _named(raw)
    try:
        return BatesNumber.parse(raw)
    except BatesError:
        return _named(raw)  # "A", "QQ", "5-A": no Bates number looks like these


def _named(raw: str) -> ExhibitNumber | ExhibitNamed:
    try:
        exhibit = ExhibitId.parse(raw)
    except InvalidInput:
        raise InvalidInput(
            f"not a document reference (exhibit, control or Bates number): {raw!r}"
        ) from None
    return exhibit_ref(exhibit)


def exhibit_ref(exhibit: ExhibitId) -> ExhibitNumber | ExhibitNamed:
    """The reference to an exhibit: by its number when it is a plain one, else as written."""
    return ExhibitNumber(exhibit.number) if exhibit.number else ExhibitNamed(exhibit)


def document_ref(value: DocumentRef | int | str) -> DocumentRef:
    """A value as a reference: an int is an exhibit number, text is parsed."""
    if isinstance(value, ExhibitNumber | ExhibitNamed | ControlNumber | BatesNumber):
        return value
    if isinstance(value, int):
        return ExhibitNumber(value)
    return parse_document_ref(value)


def bates_number(value: BatesNumber | str) -> BatesNumber:
    """A Bates number as a value: text is parsed, here, once."""
    return value if isinstance(value, BatesNumber) else BatesNumber.parse(value)


def record_id(kind: str, text: str, longest: int = 80) -> str:
    """A name a person gives a record (a claim's id, an item's id), refused unless it is 1 to
    ``longest`` characters with no control, format or line-separating character (a line break, an
    escape, a bidirectional override) and no space at either end: it is shown in pages,
    mail subjects, logs and exports, and must read there as it was typed."""
    if (
        not isinstance(text, str)
        or not 0 < len(text) <= longest
        or text != text.strip()
        or any(unicodedata.category(c) in _UNSHOWN for c in text)
    ):
        raise InvalidInput(
            f"not {kind} (1 to {longest} characters, none a control character): {text!r}"
        )
    return text


#: Unicode categories of characters that do not read as themselves: controls, format
#: characters (bidirectional overrides, zero-width ones), line and paragraph separators.
_UNSHOWN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
