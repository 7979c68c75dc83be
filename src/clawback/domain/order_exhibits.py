"""The exhibits a sentence of a court order names ("Exhibits 1-13, 18 and 19", "Exs. A through
H", "Attachment 5-A"), ranges expanded, leaving out those inside another case's citation."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["EXHIBIT_HEAD", "find_exhibits"]

EXHIBIT_HEAD = re.compile(
    r"\b(?:Exhibits?|Exhs?\.|Exs?\.|Attachments?)\s+(?:Nos?\.\s*)?(?=[A-Z0-9])", re.I
)
_LABEL = r"(?:\d{1,3}(?:-[A-Z](?![\w-]))?|[A-Z]{1,3})(?!\w)"
_EXHIBIT_LIST = re.compile(
    rf"(?P<first>{_LABEL})(?P<more>(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|-|\u2013|through\s+|to\s+)"
    rf"\s*{_LABEL})*)"
)
_LIST_SEP = re.compile(
    rf"(\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|-|\u2013|through\s+|to\s+)\s*)({_LABEL})"
)


def _labels(text: str, start: int) -> tuple[list[str], int]:
    """The exhibit labels listed at ``text[start:]`` ("1-13, 18 and 19", "A through H"),
    ranges expanded, and where the list ends."""
    listed = _EXHIBIT_LIST.match(text, start)
    if listed is None:
        return [], start
    labels = [listed["first"]]
    for sep, label in _LIST_SEP.findall(listed["more"]):
        previous = labels[-1]
        ranged = sep.strip() in {"-", "\u2013", "through", "to"}
        if ranged and previous.isdigit() and label.isdigit() and int(previous) < int(label) <= 999:
            labels.extend(str(n) for n in range(int(previous) + 1, int(label) + 1))
        elif ranged and previous.isalpha() and label.isalpha() and len(previous) == len(label) == 1:
            labels.extend(chr(c) for c in range(ord(previous) + 1, ord(label) + 1))
        else:
            labels.append(label)
    return labels, listed.end()


def find_exhibits(sentence: str, outside: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int]]:
    """Each exhibit ``sentence`` names, with where it is named, leaving out any inside the
    ``outside`` spans (another case's citations)."""
    found: list[tuple[str, int]] = []
    for head in EXHIBIT_HEAD.finditer(sentence):
        if any(s <= head.start() < e for s, e in outside):
            continue
        labels, _ = _labels(sentence, head.end())
        found.extend((label, head.start()) for label in labels)
    first: dict[str, int] = {}
    for label, at in found:
        first.setdefault(label, at)
    return list(first.items())
