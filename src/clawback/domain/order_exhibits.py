"""The exhibits a sentence of a court order names ("Exhibits 1-13, 18 and 19", "Exs. A through
H", "Attachment 5-A"), ranges expanded, leaving out those inside another case's citation."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = [
    "EXHIBIT_HEAD",
    "entry_groups",
    "entry_of",
    "entry_runs",
    "exhibit_entries",
    "find_exhibits",
]

EXHIBIT_HEAD = re.compile(
    r"\b(?:Exhibits?|Exhs?\.|Exs?\.|Attachments?)\s+(?:Nos?\.\s*)?(?=[A-Z0-9])", re.I
)
#: words of two or three letters a title in capitals puts after "EXHIBITS" ("EXHIBITS TO
#: DECLARATION OF ...", "EXHIBITS FOR IN CAMERA REVIEW"): no label, which is a letter or two
#: repeated ("QQ", "III") or a short mark, never an English word
_CAPITAL_WORDS = (
    "TO|FOR|OF|IN|ON|BY|AT|AS|OR|AND|THE|IS|ARE|BE|AN|IT|ITS|NOT|NOR|BUT|ALL|ANY|HAS|WAS|"
    "WHO|DUE|PER|VIA|ONE|TWO|SIX|TEN|NOS?|RE|UP|SO|IF|WE|US|OUR|MAY|CAN|USE"
)
#: a label as written: "12", "5-A", "A", "QQ", and a dotted one whole ("C.2", "C.17", "4.1")
_LABEL = (
    rf"(?:\d{{1,3}}(?:-[A-Z](?![\w-])|\.\d{{1,3}})?|(?!(?:{_CAPITAL_WORDS})(?!\w))[A-Z]{{1,3}}"
    r"(?:\.\d{1,3})?)(?!\w)"
)
#: what joins two labels of a list, in any case ("A and B", "A AND B", "1 through 8")
_SEPARATOR = r"(?:,\s*(?:(?i:and|or)\s+)?|(?i:and|or)\s+|-|\u2013|(?i:through|to)\s+)"
#: the same, or a short note on the label before it in brackets first ("I (all four parts), K",
#: "5 (in part) and 8"): the list goes on past it
_NOTED = rf"(?:\([^()\n]{{1,40}}\)\s*)?{_SEPARATOR}"
_EXHIBIT_LIST = re.compile(rf"(?P<first>{_LABEL})(?P<more>(?:\s*{_SEPARATOR}\s*{_LABEL})*)")
_LIST_SEP = re.compile(rf"(\s*{_SEPARATOR}\s*)({_LABEL})")
_NOTED_LIST = re.compile(rf"(?P<first>{_LABEL})(?P<more>(?:\s*{_NOTED}\s*{_LABEL})*)")
_NOTED_SEP = re.compile(rf"(\s*{_NOTED}\s*)({_LABEL})")


def _labels(text: str, start: int, noted: bool = True) -> tuple[list[str], int]:
    """The exhibit labels listed at ``text[start:]`` ("1-13, 18 and 19", "A through H"),
    ranges expanded, and where the list ends; with ``noted``, past a note in brackets after a
    label ("D, I (all four parts), K"), else ended by it (where the bracket gives the entries
    the exhibits were filed as: "B (Doc. 120), C (Doc. 121)")."""
    listed = (_NOTED_LIST if noted else _EXHIBIT_LIST).match(text, start)
    if listed is None:
        return [], start
    labels = [listed["first"]]
    for sep, label in (_NOTED_SEP if noted else _LIST_SEP).findall(listed["more"]):
        previous = labels[-1]
        ranged = sep.strip().lower() in {"-", "\u2013", "through", "to"}
        if ranged and previous.isdigit() and label.isdigit() and int(previous) < int(label) <= 999:
            labels.extend(str(n) for n in range(int(previous) + 1, int(label) + 1))
        elif ranged and previous.isalpha() and label.isalpha() and len(previous) == len(label) == 1:
            labels.extend(chr(c) for c in range(ord(previous) + 1, ord(label) + 1))
        else:
            labels.append(label)
    return labels, listed.end()


#: a label in quotation marks, its list's comma inside them: Exhibits "A," "B," and "C"
_QUOTED_LABEL = re.compile(r"[\"\u201c](\d{1,3}|[A-Z]{1,3})(,?)[\"\u201d]")


def _unquoted(sentence: str) -> str:
    """``sentence`` with the quotation marks around exhibit labels blanked, every place kept."""
    return _QUOTED_LABEL.sub(lambda m: f" {m[1]}{m[2]} ", sentence)


def find_exhibits(sentence: str, outside: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int]]:
    """Each exhibit ``sentence`` names, with where it is named, leaving out any inside the
    ``outside`` spans (another case's citations); a label may be quoted ("Exhibits "A," and
    "B"")."""
    sentence = _unquoted(sentence)
    found: list[tuple[str, int]] = []
    for head in EXHIBIT_HEAD.finditer(sentence):
        if any(s <= head.start() < e for s, e in outside):
            continue
        labels, end = _labels(sentence, head.end())
        found.extend((label, head.start()) for label in _unmarked(labels, sentence, end))
    first: dict[str, int] = {}
    for label, at in found:
        first.setdefault(label, at)
    return list(first.items())


#: a footnote's marker glued to the last label of a list of numbers where the sentence ends
#: ("DENIED without prejudice as to exhibits 11, 13, 16, 17, 21 and 22.1"): "22" and footnote 1
_MARKED = re.compile(r"(\d{1,3})\.\d{1,2}")
#: where the sentence ends, as a text layer gives it: its line's end, or the next sentence or
#: heading run on after it ("... 21 and 22.1 BACKGROUND")
_SENTENCE_END = re.compile(r"\s*(?:\n|$)|\s+[A-Z]")


def _unmarked(labels: list[str], text: str, end: int) -> list[str]:
    """``labels`` with a footnote's marker taken off the last, where it is the one dotted
    label of a list of numbers and its sentence ends there (no period between: the period is
    the marker's dot)."""
    last = _MARKED.fullmatch(labels[-1]) if len(labels) > 1 else None
    if last is None or not all(x.isdigit() for x in labels[:-1]):
        return labels
    if _SENTENCE_END.match(text, end) is None:
        return labels
    return [*labels[:-1], last[1]]


_LABELLED = r"(?P<label>\d{1,3}(?:-[A-Z])?|[A-Z]{1,3})"
_ENTRY = r"(?:Docs?|Dkts?|Docket|ECF)\.?\s*(?:entry\s+)?(?:Nos?\.\s*)?(?P<entry>\d+(?:\s*-\s*\d+)?)"
_LISTED_AT = re.compile(rf"{_LABELLED}\s*\(\s*{_ENTRY}\s*\)")
_ENTRY_AS = re.compile(
    rf"{_ENTRY}\s*\(\s*[\"\u201c]?(?:Exhibit|Ex\.)\s+{_LABELLED}[\"\u201d]?\s*\)", re.I
)


_ENTRY_NUMBER = re.compile(r"\d+(?:\s*-\s*\d+)?")
#: docket entries named in a run: "Doc. Nos. 215-3, 215-5, 2156 and 222", "[Doc Nos. 222-1 and
#: 268-2]"
_ENTRY_RUN = re.compile(
    r"\b(?:Docs?|Dkts?|Docket|ECF)\.?\s*(?:entr(?:y|ies)\s+)?(?:Nos?\.?\s*)?"
    r"(?P<run>\d+(?:\s*-\s*\d+)?(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)\d+(?:\s*-\s*\d+)?)*)",
    re.I,
)
#: what may stand between an exhibit list and the bracket giving the entries they were filed as:
#: "to Scottsdale's Motion for Summary Judgment "
_TO_BRACKET = re.compile(r"[^\[\]().;\u2022]{0,160}?[\[(]\s*(?=(?:Docs?|Dkts?|Docket|ECF)\b)", re.I)


def entry_runs(text: str) -> list[tuple[str, int]]:
    """Each docket entry ``text`` names, one by one through a run ("Doc. Nos. 215-3, 215-5 and
    222"), as written without spaces ("215-3"), with where it is named."""
    found = []
    for run in _ENTRY_RUN.finditer(text):
        for number in _ENTRY_NUMBER.finditer(run["run"]):
            found.append((re.sub(r"\s+", "", number.group()), run.start("run") + number.start()))
    return found


def entry_of(entries: dict[str, str], number: str) -> str | None:
    """The entry of ``entries`` (an exhibit's) that docket number ``number`` names, also where
    the source's text layer lost the entry's hyphen ("2156" for "215-6"), when only one entry
    reads so; None when it names none."""
    if number in entries:
        return number
    if "-" in number or len(number) < 4:
        return None
    joined = [entry for entry in entries if entry.replace("-", "") == number]
    return joined[0] if len(joined) == 1 else None


def _listed_with_entries(text: str) -> list[tuple[list[str], list[str]]]:
    """Each exhibit list followed by the bracket giving the docket entries its exhibits were
    filed as: (labels, entries)."""
    found = []
    for head in EXHIBIT_HEAD.finditer(text):
        labels, end = _labels(text, head.end(), noted=False)
        bracket = _TO_BRACKET.match(text, end) if labels else None
        run = _ENTRY_RUN.match(text, bracket.end()) if bracket else None
        if run is not None:
            numbers = [re.sub(r"\s+", "", n.group()) for n in _ENTRY_NUMBER.finditer(run["run"])]
            found.append((labels, numbers))
    return found


def entry_groups(text: str) -> list[tuple[tuple[str, ...], frozenset[str]]]:
    """Exhibits filed across fewer (or more) docket entries than there are exhibits ("Exhibits
    18, 23, 24 and 25 to ... [Doc. No. 259-3, 259-6 and 259-7]"): no entry is one exhibit's, but
    a ruling on every entry of the group rules on every exhibit in it. (labels, entries)."""
    return [
        (tuple(labels), frozenset(numbers))
        for labels, numbers in _listed_with_entries(text)
        if len(numbers) != len(labels)
    ]


def exhibit_entries(text: str) -> dict[str, str]:
    """The docket entry each exhibit was filed as, where the order says so ("Exhibits B (Doc.
    120), C (Doc. 121), and D (Doc. 122)", "Docket No. 134-17 (\\"Exhibit 21\\")", "Exhibits 21,
    26 and 39 to Scottsdale's Motion [Doc. No. 215-3, 215-5 and 215-6]", paired in order where
    the counts agree): entry number (as "134-17") -> exhibit label, so a ruling that names only
    the entry names the exhibit."""
    entries: dict[str, str] = {}
    for labels, numbers in _listed_with_entries(text):
        if len(numbers) == len(labels):
            for number, label in zip(numbers, labels, strict=True):
                entries.setdefault(number, label)
    for head in EXHIBIT_HEAD.finditer(text):
        at = head.end()
        while (listed := _LISTED_AT.match(text, at)) is not None:
            entries.setdefault(re.sub(r"\s+", "", listed["entry"]), listed["label"])
            more = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[listed.end() :])
            if more is None:
                break
            at = listed.end() + more.end()
    for named in _ENTRY_AS.finditer(text):
        entries.setdefault(re.sub(r"\s+", "", named["entry"]), named["label"])
    return entries
