"""The sentences of a legal paper, as a reader quotes them.

Text extracted from a PDF or a word-processor file wraps where the page did, numbers its
paragraphs, and is dense with abbreviations that end in a full stop without ending a sentence
(``Dkt. No. 463``, ``Gov't Ex. 18``, ``Kelly v. City of San Jose``, ``114 F.R.D. 653``,
``Id.``). `sentences` first cuts the text into paragraphs (a blank line, or a line that starts a
numbered paragraph: ``12.``, ``¶ 12``, ``(a)``, or a bulleted one: ``•``), joins each
paragraph's lines, and then ends a sentence at ``.``, ``?`` or ``!`` (and any closing quotation
mark or bracket) followed by a space and a capital letter, an opening quotation mark or a
bracket, unless the word before the stop is a known abbreviation or a single capital letter (an
initial: ``John P. Wagner``).
"""

from __future__ import annotations

import re

__all__ = ["paragraphs", "sentences"]

#: Words that end with a full stop inside a sentence in legal writing (compared without case).
ABBREVIATIONS = frozenset(
    {
        "no",
        "nos",
        "dkt",
        "dkts",
        "doc",
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
    }
)

_PARAGRAPH = re.compile(
    r"\n\s*\n|\n(?=[ \t]*(?:\d{1,3}\.\s|\u00b6\s*\d|\([a-z0-9]{1,3}\)\s|[\u2022\u25cf\u25aa]\s))"
)
_END = re.compile(r"[.?!][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.'\u2019]*)\.$")


def _ends_here(text: str, stop: int) -> bool:
    """Whether the full stop at ``text[stop]`` ends a sentence (see the module doc)."""
    if text[stop] != ".":
        return True
    word = _LAST_WORD.search(text, max(0, stop - 24), stop + 1)
    if word is None:
        return not text[stop - 1 : stop].isdigit() or not text[stop + 1 :].lstrip()[:1].isdigit()
    found = word.group(1).lower().replace("\u2019", "'")
    return found not in ABBREVIATIONS and not (len(found) == 1 and found.isalpha())


def paragraphs(text: str) -> list[list[str]]:
    """The paragraphs of ``text``, each as its sentences, each on one line with single spaces;
    paragraphs with no sentence left out."""
    found: list[list[str]] = []
    for paragraph in _PARAGRAPH.split(text):
        flat = " ".join(paragraph.split())
        said: list[str] = []
        start = 0
        for end in _END.finditer(flat):
            if _ends_here(flat, end.start()):
                said.append(flat[start : end.end()].strip())
                start = end.end()
        said.append(flat[start:].strip())
        said = [x for x in said if any(c.isalpha() for c in x)]
        if said:
            found.append(said)
    return found


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, each on one line with single spaces."""
    return [sentence for paragraph in paragraphs(text) for sentence in paragraph]
