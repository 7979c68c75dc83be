"""The personal identifiers FRCP 5.2(a) keeps out of a public filing, found in a page's text.

Rule 5.2(a) lets a filing carry only part of four identifiers:

- (1) a Social Security or taxpayer-identification number: its last four digits;
- (2) a birth date: the year;
- (3) a minor's name: the minor's initials;
- (4) a financial-account number: its last four digits.

``privacy_cuts`` finds them in a page's text and says, for each, the whole text (which must not
survive in the public file), the piece to remove, and what the box reads. They are found as
people write them and as extractors give them back: separated by spaces, hyphens, dashes, dots
or a line break, letter-spaced after a label, labelled or (for the shapes no other number
takes: 3-2-4 digits, a card number that passes the Luhn check, an IBAN) not. A finder that
misses one is a silent leak (nothing then checks for it), so the finders lean wide: a number
of an identifier's shape next to its label is cut even when it might be something else.
Nothing here touches a file: the filing (``service.filing``) carries the cuts out through the
redaction gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from clawback.domain.errors import InvalidInput


class Privacy(StrEnum):
    """The redactions FRCP 5.2(a) requires, each by what it leaves in place."""

    ssn = "ssn"  # 5.2(a)(1): the last four digits
    birth_date = "birth_date"  # 5.2(a)(2): the year
    minor = "minor"  # 5.2(a)(3): the initials
    account = "account"  # 5.2(a)(4): the last four digits


PRIVACY_RULE = {
    Privacy.ssn: "Fed. R. Civ. P. 5.2(a)(1)",
    Privacy.birth_date: "Fed. R. Civ. P. 5.2(a)(2)",
    Privacy.minor: "Fed. R. Civ. P. 5.2(a)(3)",
    Privacy.account: "Fed. R. Civ. P. 5.2(a)(4)",
}


def privacy(value: str) -> Privacy:
    try:
        return Privacy(value.strip().replace("-", "_"))
    except ValueError:
        kinds = ", ".join(k.value for k in Privacy)
        raise InvalidInput(f"no FRCP 5.2(a) redaction {value!r}: one of {kinds}") from None


@dataclass(frozen=True)
class Cut:
    """One piece of text the public version removes: ``removed`` (found on the page) out of
    ``whole`` (which must not be extractable afterwards); the box reads ``reads`` (a mask for
    what is gone, the remainder staying as printed; a minor's initials for the name)."""

    whole: str
    removed: str
    reads: str
    rule: str


#: What may stand between the digits of one number: spaces, a line break, hyphens and dashes
#: of every kind, the minus sign, a dot and the dots that look like one (a font without a
#: dash may print one as a middle dot, and extraction then reads the dot).
_GAP = r"[ \t\r\n.\-\u00ad\u00b7\u2010-\u2015\u2022\u2027\u2212\u2219\u22c5]"
_SEP = rf"{_GAP}{{0,3}}"
#: A label that says an SSN or TIN follows ("SSN", "S.S.N.", "SS#", "Social Security No.",
#: "Soc. Sec. No.", "TIN", "EIN", "ITIN", "taxpayer identification number").
_SSN_LABEL = (
    r"(?:\bS\.?\s?S\.?\s?N\b\.?|\bSS\s?#|\bsocial\s+security(?:\s+(?:no\b\.?|number|#))?"
    r"|\bsoc\.?\s+sec\.?(?:\s+(?:no\b\.?|#))?|\b(?:I?TIN|EIN)\b"
    r"|\btaxpayer\s+identification(?:\s+(?:no\b\.?|number))?)"
)
#: 3-2-4 digits with something between the groups: an SSN's own shape, cut wherever it is.
_SSN = re.compile(rf"(?<![\w.-])(\d{{3}}{_GAP}{{1,3}}\d{{2}}{_GAP}{{1,3}})(\d{{4}})(?![\w])")
#: Nine digits after a label, however spaced ("123456789", "1 2 3 - 4 5 - 6 7 8 9").
_SSN_LABELLED = re.compile(
    rf"{_SSN_LABEL}[\s:#.]*(?P<number>(?P<head>\d(?:{_SEP}\d){{4}}{_SEP})"
    rf"(?P<tail>\d(?:{_SEP}\d){{3}}))(?![\w])",
    re.IGNORECASE,
)
#: Nine digits standing alone: an SSN or TIN written without separators.
_NINE = re.compile(r"(?<![\w.-])(\d{5})(\d{4})(?![\w])")

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
_BIRTH_LABEL = (
    r"(?:\bborn\b(?:\s+on)?|\bbirth\s*date\b|\bdate\s+of\s+birth\b|\bD\.?\s?O\.?\s?B\b\.?"
    r"|\bbirthday\b)"
)
_BIRTH = re.compile(
    rf"{_BIRTH_LABEL}[:\s,]*(?:on\s+|the\s+)?(?P<date>"
    rf"(?P<md>(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS}),?\s+"
    rf"|\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?)(?P<year>\d{{4}}|\d{{2}})(?!\d)"
    rf"|(?P<iso_year>\d{{4}})(?P<iso_md>[-/.]\d{{1,2}}[-/.]\d{{1,2}}))(?![\w])",
    re.IGNORECASE,
)
_ACCOUNT_LABEL = (
    r"(?:\baccount\b|\bacct\b\.?|\ba/c\b|\b(?:credit|debit)?\s*card\b|\bvisa\b|\bmastercard\b"
    r"|\bamex\b|\bamerican\s+express\b|\bdiscover\b|\bIBAN\b)"
)
_ACCOUNT = re.compile(
    rf"{_ACCOUNT_LABEL}(?:\s+(?:no\.?|number|#))?[:\s#]*"
    r"(?P<number>(?:[A-Z]{2}\d{2}[ ]?)?\d(?:[- ]?\d){7,30})(?![\w])",
    re.IGNORECASE,
)
#: A payment card number written without a label: 13 to 19 digits in groups, Luhn-valid.
_CARD = re.compile(r"(?<![\w.-])(?P<number>\d(?:[ -]?\d){12,18})(?![\w])")
#: An IBAN: country, check digits, then the account (in groups of four or not).
_IBAN = re.compile(r"\b(?P<number>[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30})(?![\w])")


def initials(name: str) -> str:
    """A minor's initials, as 5.2(a)(3) leaves them: "Jane Q. Doe" -> "J.Q.D."."""
    return "".join(f"{word[0].upper()}." for word in re.findall(r"[^\W\d_]+", name))


def privacy_cuts(text: str, kinds: Iterable[Privacy], minors: Sequence[str] = ()) -> list[Cut]:
    """The FRCP 5.2(a) cuts in one page's ``text``, in the order they occur, none twice."""
    wanted = set(kinds)
    found: dict[int, Cut] = {}

    def add(at: int, whole: str, removed: str, reads: str, kind: Privacy) -> None:
        if removed.strip() and at not in found:
            found[at] = Cut(whole, removed, reads, PRIVACY_RULE[kind])

    accounts = [(m.start("number"), m.end("number")) for m in _ACCOUNT.finditer(text)]

    def in_account(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in accounts)

    if Privacy.ssn in wanted:
        for m in _SSN_LABELLED.finditer(text):
            add(m.start("number"), m["number"], m["head"], "XXX-XX-", Privacy.ssn)
        for pattern in (_SSN, _NINE):
            for m in pattern.finditer(text):
                if not in_account(m.start(), m.end()):
                    add(m.start(), m.group(0), m.group(1), "XXX-XX-", Privacy.ssn)
    if Privacy.birth_date in wanted:
        for m in _BIRTH.finditer(text):
            if m["iso_year"]:
                add(m.start("iso_md"), m["date"], m["iso_md"], "MM DD", Privacy.birth_date)
            else:
                add(m.start("date"), m["date"], m["md"].rstrip(), "MM DD", Privacy.birth_date)
    if Privacy.account in wanted:
        for m in _ACCOUNT.finditer(text):
            add(m.start("number"), m["number"], _head(m["number"]), "XXXX", Privacy.account)
        for pattern, check in ((_CARD, _luhn), (_IBAN, _iban)):
            for m in pattern.finditer(text):
                if check(m["number"]) and not _taken(found, m.start(), m.end()):
                    add(m.start(), m["number"], _head(m["number"]), "XXXX", Privacy.account)
    if Privacy.minor in wanted:
        for name in minors:
            for m in re.finditer(_spaced(name.strip()), text, re.IGNORECASE):
                add(m.start(), m.group(0), m.group(0), initials(name), Privacy.minor)
    return [found[at] for at in sorted(found)]


def _spaced(name: str) -> str:
    """A name's pattern that also finds it broken across a line ("Jane\\nDoe")."""
    return r"\s+".join(re.escape(word) for word in name.split())


def _head(number: str, keep: int = 4) -> str:
    """What goes of an account number: all but its last ``keep`` letters and digits (a
    hyphen before them goes too, as an SSN's does; a space stays)."""
    kept = 0
    for i in range(len(number) - 1, -1, -1):
        kept += number[i].isalnum()
        if kept == keep:
            return number[:i].rstrip(" ")
    return ""


def _iban(number: str) -> bool:
    """The ISO 13616 check an IBAN passes (mod 97 of the rearranged digits is 1)."""
    compact = number.replace(" ", "").upper()
    moved = compact[4:] + compact[:4]
    try:
        return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1
    except ValueError:
        return False


def _taken(found: dict[int, Cut], start: int, end: int) -> bool:
    """Whether a cut found already starts inside ``start``-``end`` (one number, one cut)."""
    return any(start <= at < end for at in found)


def _luhn(number: str) -> bool:
    """The Luhn check every payment card number passes (13 to 19 digits)."""
    digits = [int(c) for c in number if c.isdigit()]
    if not 13 <= len(digits) <= 19:
        return False
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0
