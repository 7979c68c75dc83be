"""Comparing a brief's text with the record's: each character folded to one comparison form
(NFKC, look-alike dashes and quotes to ASCII, case folded, soft hyphens and zero-width
characters dropped, whitespace to one space), with a map back to where it came from, and the
longest common run around a shared word-start gram, trimmed to whole words. Pure text: no PDF,
no record."""

from __future__ import annotations

import re
import unicodedata

_DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LOOKALIKES = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    }
)


class _Fold(dict[int, str]):
    """Per character: NFKC, look-alikes to ASCII, case folded, whitespace to one space."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _DROP:
            folded = ""
        else:
            folded = unicodedata.normalize("NFKC", char).translate(_LOOKALIKES).casefold()
            folded = "".join(" " if c.isspace() else c for c in folded)
        self[code] = folded
        return folded


_FOLD = _Fold()
_SPACES = re.compile(" +")
WORD_START = re.compile(r"(?<![^\W_])[^\W_]")
QUOTED = re.compile(r'"([^"]{1,3000})"')


def fold(text: str) -> str:
    """The comparison form of a text (see `_Fold`), whitespace runs collapsed, ends stripped."""
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


def fold_map(text: str) -> tuple[str, list[int]]:
    """`fold(text)`, and for each of its characters the index in `text` it came from."""
    out: list[str] = []
    origin: list[int] = []
    space = True  # drops leading spaces
    for i, char in enumerate(text):
        for c in _FOLD[ord(char)]:
            if c == " ":
                if space:
                    continue
                space = True
            else:
                space = False
            out.append(c)
            origin.append(i)
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def grams(text: str, size: int) -> set[str]:
    """The ``size``-character grams of `text` that start at the start of a word."""
    grams = {text[m.start() : m.start() + size] for m in WORD_START.finditer(text)}
    return {gram for gram in grams if len(gram) == size}


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Shrink ``text[s:e]`` to whole words, without punctuation or spaces at its ends."""
    if 0 < s < e and text[s - 1].isalnum() and text[s].isalnum():
        while s < e and text[s].isalnum():
            s += 1
    if s < e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
        while e > s and text[e - 1].isalnum():
            e -= 1
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not text[e - 1].isalnum():
        e -= 1
    return s, e


def common(brief: str, i: int, source: str, gram: str) -> tuple[int, int]:
    """The longest span of `brief` around position ``i`` (where `gram` starts) in `source`."""
    best = (i, i)
    j = source.find(gram)
    while j >= 0:
        e, f = i + len(gram), j + len(gram)
        while e < len(brief) and f < len(source) and brief[e] == source[f]:
            e, f = e + 1, f + 1
        s, r = i, j
        while s > 0 and r > 0 and brief[s - 1] == source[r - 1]:
            s, r = s - 1, r - 1
        if e - s > best[1] - best[0]:
            best = (s, e)
        j = source.find(gram, j + 1)
    return best
