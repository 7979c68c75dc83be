"""The sentences of a legal paper, as a reader quotes them.

Text extracted from a PDF or a word-processor file wraps where the page did, numbers its
paragraphs, and is dense with abbreviations that end in a full stop without ending a sentence
(``Dkt. No. 463``, ``Gov't Ex. 18``, ``Kelly v. City of San Jose``, ``114 F.R.D. 653``,
``Id.``). `sentences` first cuts the text into paragraphs (a blank line, or a line that starts a
numbered paragraph: ``12.``, ``¶ 12``, ``(a)``, or a bulleted one: ``•``), joins each
paragraph's lines, and then ends a sentence at ``.``, ``?`` or ``!`` (and any closing quotation
mark or bracket) followed by a space and a capital letter, an opening quotation mark or a
bracket, unless the word before the stop is a known abbreviation or a single capital letter (an
initial: ``John P. Wagner``), or initials run together after a given name (``Scott C.G.
Blankenship``; never an entity's ``N.A.``). A footnote's number glued to the stop of a word or
bracket (``(Reply, ECF No. 226).1 For the reasons``) ends the sentence with it.

A bullet continues the sentence or list a colon opened ("The parties seek to redact and seal
the following:" and the exhibits bulleted under it are one sentence; an item ending with a full
stop ends its sentence, the next item starting the next one). It starts a paragraph only where
no colon list is open, or where the item holds several sentences: an ordering paragraph of its
own ("• The motion (Dkt. 23) is DENIED. The clerk is ordered to unseal Dkt. 25."). A blank
line, or the blank a page's ECF stamp leaves, between the items of an open list does not close
it: the items on the next page are still the list's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["paragraphs", "sentences"]

#: Words that end with a full stop inside a sentence in legal writing (compared without case).
ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "dkt",
        "dkts",
        "doc",
        "d.e",  # a docket entry: "(D.E. 461)"
        "docs",
        "ex",
        "exs",
        "exh",
        "decl",
        "id",
        "v",
        "vs",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "mr",
        "ms",
        "mrs",
        "dr",
        "st",
        "jr",
        "sr",
        "e.g",
        "i.e",
        "cf",
        "cir",
        "supp",
        "f.r.d",
        "u.s",
        "u.s.c",
        "fed",
        "civ",
        "p",
        "pp",
        "para",
        "paras",
        "sec",
        "art",
        "cal",
        "wash",
        "ariz",
        "or",
        "pa",
        "dep't",
        "gov't",
        "govt",
        "pl",
        "pls",
        "def",
        "defs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "approx",
        "etc",
        "al",
        "seq",
        # a paper's title abbreviated in a citation ("See Order Den. Without Prejudice Mots. to
        # Seal, Doc. No. 237", "Pl.'s Mem. in Opp'n"): Bluebook's words for court documents
        "mot",
        "mots",
        "den",
        "mem",
        "op",
        "opp'n",
        "resp",
        "ct",
        "compl",
        "am",
        "br",
        "attach",
    }
)

_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=[ \t]*(?:\d{1,3}\.\s|\u00b6\s*\d|\([a-z0-9]{1,3}\)\s))")
_BULLET = re.compile(r"\n(?=[ \t]*[\u2022\u25cf\u25aa]\s)")
_OPENS_BULLET = re.compile(r"[ \t]*[\u2022\u25cf\u25aa]\s")
_END = re.compile(
    r"[.?!][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])"
    # a footnote's mark glued to the stop that ends its sentence: "(Reply, ECF No. 226).1 For"
    r"|(?<=[A-Za-z)\]\"'\u201d\u2019])[.?!][\"'\u201d\u2019)\]]*\d{1,2}(?=\s+[\"'\u201c\u2018(\[]?[A-Z])"
)
#: the time zone after a time of day ("11:00 a.m. Pacific time"): the time's stop ends no sentence
_TIME_ZONE = re.compile(
    r"\s+(?:(?i:Pacific|Eastern|Central|Mountain|Alaska|Hawaii)|[PECM][SD]?T)\b"
)
#: initials run together after a given name ("Scott C.G. Blankenship"), never an entity's
#: suffix that may end a sentence ("... U.S. Bancorp N.A. Finally, the Court denies")
_INITIALS = re.compile(r"(?!n\.a$|l\.p$|p\.c$|p\.a$|s\.a$|d\.c$|n\.v$)[a-z](?:\.[a-z])+")
_GIVEN_NAME = re.compile(r"\b[A-Z][a-z]+\s+$")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.'\u2019]*)\.$")


def _ends_here(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` ends a sentence (see the module doc)."""
    if text[stop] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, stop - 24), stop + 1)
    if word is None:
        return not text[stop - 1 : stop].isdigit() or not text[stop + 1 :].lstrip()[:1].isdigit()
    found = word.group(1).lower().replace("\u2019", "'")
    if found in {"a.m", "p.m"} and _TIME_ZONE.match(text, stop + 1):
        return False  # "By 11:00 p.m. Pacific time on September 19, 2020, plaintiffs must"
    if found in ABBREVIATIONS or (len(found) == 1 and found.isalpha()):
        return False
    return not (_INITIALS.fullmatch(found) and _GIVEN_NAME.search(text, 0, word.start()))


def _said(text: str) -> list[str]:
    """The sentences of one run of text (see the module doc), those with no word left out."""
    flat = " ".join(text.split())
    said: list[str] = []
    start = 0
    for end in _END.finditer(flat):
        if _ends_here(flat, end.start()):
            said.append(flat[start : end.end()].strip())
            start = end.end()
    said.append(flat[start:].strip())
    return [x for x in said if any(c.isalpha() for c in x)]


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with the end of a sentence (a full stop that ends one)."""
    flat = " ".join(text.split())
    stop = len(flat.rstrip("\"'\u201d\u2019)]")) - 1
    return stop >= 0 and flat[stop] in ".?!" and _ends_here(flat, stop)


def _bulleted(blocks: Iterable[str]) -> list[list[str]]:
    """The paragraphs of blocks with no blank line or numbered paragraph in them, each as its
    runs of text to cut into sentences: a bullet continues the list a colon opened (each item
    after one ending with a full stop a run of its own), also where a blank line, a page's
    stamp or a page number alone comes between its items, and otherwise starts a paragraph; an
    item of several sentences is a paragraph of its own (see the module doc)."""
    found: list[list[str]] = []
    listing = False  # a colon list is open
    for block in blocks:
        if not any(c.isalpha() for c in block):  # a page number left alone says nothing
            continue
        lead, *items = _BULLET.split(block)
        if listing and _OPENS_BULLET.match(lead):  # the list goes on past a break
            items = [lead, *items]
        else:
            found.append([lead])
            listing = lead.rstrip().endswith(":")
        for item in items:
            if not listing or len(_said(item)) > 1:
                found.append([item])
                listing = item.rstrip().endswith(":")
            elif _ends_sentence(found[-1][-1]):
                found[-1].append(item)
            else:
                found[-1][-1] += "\n" + item
    return found


def paragraphs(text: str) -> list[list[str]]:
    """The paragraphs of ``text``, each as its sentences, each on one line with single spaces;
    paragraphs with no sentence left out."""
    found: list[list[str]] = []
    for runs in _bulleted(_PARAGRAPH.split(text)):
        said = [x for run in runs for x in _said(run)]
        if said:
            found.append(said)
    return found


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, each on one line with single spaces."""
    return [sentence for paragraph in paragraphs(text) for sentence in paragraph]
