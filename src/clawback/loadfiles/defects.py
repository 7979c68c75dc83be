"""What is wrong with a load file's records though each can be read: the defects a receiving
party must hear of, one line per record, before it relies on the volume.

Each function looks at one class of defect and returns its lines (no row prefix: the caller
names the row, ``row 3 (ABC-0003): ...``). None of them refuses anything: the record still comes
in, and the line says what to look at.

* :func:`classification_markings`: a field holding a U.S. classification banner or portion
  marking (``SECRET//NOFORN``, ``(TS//SI)``, ``TOP SECRET``), not a protective-order legend;
* :func:`privilege_marks`: a record marked privileged or withheld (a privilege field filled in,
  or a designation field saying withheld);
* :func:`empty_hashes`: a hash field (MD5, SHA-1 ...) the header has and the record leaves empty;
* :func:`bates_gaps`: numbers missing (or used twice) between one record and the next.

Plain data: no database, no file system.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from clawback.domain.bates import BatesRange
from clawback.loadfiles.fields import norm
from clawback.said import quoted

# A banner (SECRET//NOFORN, UNCLASSIFIED//FOUO), TOP SECRET alone, a dissemination control,
# or a portion marking opening a value or standing alone ((S), (TS//SI), (U//FOUO)); capitals
# only, as the markings are written: "trade secret" or "(c) 2001" is no marking.
_MARKING = re.compile(
    r"\b(?:TOP SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED|CUI)\s*//\s*[A-Z][A-Z0-9 ,/-]*"
    r"|\bTOP SECRET\b"
    r"|\b(?:NOFORN|ORCON|NOCONTRACT|PROPIN)\b"
    r"|(?:^|(?<=\s))\((?:TS|S|C|U|CUI)(?://[A-Z][A-Z0-9 ,/-]*)?\)(?=\s+[^\d\s]|$)"
)
# Field names of a privilege or withholding flag, compared as `fields.norm` gives them.
_PRIVILEGE_NAMES = ("priv", "withheld", "withhold")
# Designation fields whose value may say the record is withheld rather than designated.
_DESIGNATION_NAMES = ("confidentiality", "designation", "confidentialitydesignation", "legend")
_NO = frozenset({"", "n", "no", "false", "f", "0", "none", "na", "notprivileged", "nonprivileged"})
_HASH_NAMES = ("hash", "md5", "sha1", "sha256", "sha")


def classification_markings(values: Mapping[str, str]) -> list[str]:
    """A line for each field whose value holds a classification marking."""
    lines = []
    for name, value in values.items():
        found = _MARKING.search(value)
        if found:
            marking = " ".join(found.group().split())[:60]
            lines.append(f"classification marking {quoted(marking)} in {name}")
    return lines


def privilege_marks(values: Mapping[str, str]) -> list[str]:
    """A line if the record is marked privileged or withheld (its fields say which)."""
    said = []
    for name, value in values.items():
        key, word = norm(name), norm(value)
        flag = any(part in key for part in _PRIVILEGE_NAMES) and word not in _NO
        legend = key in _DESIGNATION_NAMES and ("withheld" in word or "privilege" in word)
        if flag or legend:
            said.append(f"{name} {quoted(value.strip())}")
    if not said:
        return []
    return [f"marked privileged or withheld ({', '.join(said)}): its pages may be a slip sheet"]


def empty_hashes(values: Mapping[str, str]) -> list[str]:
    """A line naming the hash fields the record leaves empty."""
    empty = [
        name
        for name, value in values.items()
        if any(norm(name).endswith(part) for part in _HASH_NAMES) and not value.strip()
    ]
    return [f"empty hash field(s): {', '.join(empty)}"] if empty else []


def bates_gaps(records: Sequence[tuple[str, BatesRange | None]]) -> dict[int, str]:
    """Between each record and the one before it (in load-file order, both numbered in the same
    series): the numbers missing, or the numbers the two share. ``records`` are (how the record
    is named, its Bates range or None); the answer maps a record's index to its line."""
    found: dict[int, str] = {}
    before: tuple[str, BatesRange] | None = None
    for index, (name, span) in enumerate(records):
        if span is None:
            continue
        if before is not None and before[1].series == span.series:
            named, last = before[0], before[1].last
            step = span.first - last
            if step > 1:
                missing = BatesRange(last + 1, span.first + -1)
                found[index] = (
                    f"Bates gap: {missing} ({len(missing)} page(s)) missing after {named}"
                )
            elif step < 1:
                found[index] = f"Bates numbers from {span.first} on overlap {named} (to {last})"
        before = (name, span)
    return found
