"""The index of adjacent word pairs (migration 0026): a phrase answered by the pages where its
words stand side by side, not by walking every page that holds its words.

FTS5 answers ``"nalo bakaro"`` by walking both words' lists of pages and checking positions on
every page holding both: a phrase of common words seldom side by side walks most of the corpus
to find a few hundred pages. The pair index holds, for each page, the token ``nalo_bakaro`` at
position *i* for the *i*-th and *i+1*-th words of its text; the phrase ``"a b c"`` is then the
pair phrase ``"a_b b_c"`` (consecutive pairs at consecutive positions), which FTS5 answers from
the short list of pages that hold that pair. Exact, not a candidate list: a page holds the word
phrase exactly when it holds the pair phrase, provided the pairs are made of the very words
FTS5 cut the text into.

So the words are cut here as FTS5's ``unicode61 remove_diacritics 2`` tokenizer cuts them:
ASCII letters and digits by rule, and every other character as FTS5 itself says, asked once
per character of a process (``_Probe``: each character put to an FTS5 table in memory, between
two letters and before one, and the tokens it made read back): whether it starts a word,
continues one (a combining mark continues but never starts), or parts words, and what it folds
to. No table of Unicode categories is copied, and a newer SQLite's tokenizer is followed as it
is. The pair table (``page_pairs``) is contentless and tokenized by FTS5's ``ascii`` tokenizer
with ``_`` a word character: its tokens are the pairs as made here, never cut or folded again.

SQLite keeps the pair table in step by triggers calling ``clawback_pairs(text)``, the function
every connection of ``storage.db`` registers; a connection without it (the ``sqlite3`` shell)
can read pages but not write their text: it fails, it never leaves the index out of step.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from itertools import pairwise

#: What joins a pair's two words into one token of the pair table (never in a word: FTS5's
#: unicode61 parts words at it).
JOIN = "_"
FUNCTION = "clawback_pairs"

_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_ASCII = {c: (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}


class _Probe:
    """Each character's part in FTS5's words, asked of FTS5 the first time it is met."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        #: For str.translate: a character that starts a word as what it folds to, one that
        #: parts words as a space.
        self.table: dict[int, str] = dict(_ASCII)
        #: Characters whose part the translation cannot say: they continue a word but never
        #: start one (combining marks), or fold to nothing. Text holding them is cut letter by
        #: letter (``_cut_slowly``).
        self.odd: dict[str, str] = {}

    def words(self, text: str) -> list[str]:
        if text.isascii():
            return _ASCII_WORD.findall(text.lower())
        met = set(text)
        unknown = [c for c in met if ord(c) not in self.table and c not in self.odd]
        if unknown:
            self._ask(unknown)
        if any(c in self.odd for c in met):
            return self._cut_slowly(text)
        return text.translate(self.table).split()

    def _cut_slowly(self, text: str) -> list[str]:
        words: list[str] = []
        word: list[str] | None = None
        for c in text:
            if c in self.odd:  # continues a word, never starts one
                if word is not None:
                    word.append(self.odd[c])
                continue
            folded = self.table[ord(c)]
            if folded == " ":
                if word is not None:
                    words.append("".join(word))
                word = None
            elif word is None:
                word = [folded]
            else:
                word.append(folded)
        if word is not None:
            words.append("".join(word))
        return [w for w in words if w]

    def _ask(self, chars: Sequence[str]) -> None:
        chars = [c for c in chars if not 0xD800 <= ord(c) <= 0xDFFF]  # never stored text
        probe = sqlite3.connect(":memory:")
        try:
            probe.execute(
                "CREATE VIRTUAL TABLE p USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
            )
            probe.execute("CREATE VIRTUAL TABLE v USING fts5vocab(p, instance)")
            # Per character: "qCq" (one word if C continues words, two if it parts them) and
            # "Cq" (C's fold then q if it starts words, q alone if not).
            probe.executemany(
                "INSERT INTO p(rowid, x) VALUES (?, ?)",
                [(n, f"q{c}q {c}q") for n, c in enumerate(chars, 1)],
            )
            made: dict[int, list[str]] = {}
            for doc, term in probe.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
                made.setdefault(doc, []).append(term)
        finally:
            probe.close()
        with self.lock:
            for n, c in enumerate(chars, 1):
                self._learn(c, made.get(n, []))

    def _learn(self, c: str, tokens: list[str]) -> None:
        if tokens[:2] == ["q", "q"]:  # parts words
            self.table[ord(c)] = " "
            return
        folded = tokens[0][1:-1]
        starts = tokens[1:2] != ["q"]
        if starts and folded:
            self.table[ord(c)] = folded
        else:
            self.odd[c] = folded


_PROBE = _Probe()
#: The pairs of the last few texts cut, by text (see `pairs`).
_RECENT: dict[str, str] = {}
_KEPT = 8
_KEEPING = threading.Lock()


def words(text: str) -> list[str]:
    """``text`` cut into words as FTS5's unicode61 tokenizer (remove_diacritics 2) cuts and
    folds them."""
    return _PROBE.words(text)


def pairs(text: str | None) -> str | None:
    """The pair tokens of ``text``, in order, one for each two words side by side.

    The triggers ask for a page's pairs several times over in a row: its text and redacted
    text (most often the same) when the page is written, then, when its redacted text is set,
    the old text's and redacted text's to take out and the new ones' to put in: the last
    `_KEPT` texts' pairs are kept, so a page's words are cut once, not five times."""
    if text is None:
        return None
    made = _RECENT.get(text)
    if made is None:
        made = " ".join(map(JOIN.join, pairwise(_PROBE.words(text))))
        with _KEEPING:  # connections of several threads call it
            while len(_RECENT) >= _KEPT:
                del _RECENT[next(iter(_RECENT))]
            _RECENT[text] = made
    return made


def phrase(tokens: Iterable[str], prefix: bool = False) -> str | None:
    """The pair table's FTS5 phrase answering the same pages as the word phrase of ``tokens``
    (as the word table would cut them), or None for a phrase of one word."""
    cut = _PROBE.words(" ".join(tokens))
    if len(cut) < 2:
        return None
    joined = " ".join(f"{a}{JOIN}{b}" for a, b in pairwise(cut))
    return f'"{joined}"' + (" *" if prefix else "")


def register(connection: sqlite3.Connection) -> None:
    """``clawback_pairs(text)`` on a SQLite connection, for the pair table's triggers."""
    connection.create_function(FUNCTION, 1, pairs, deterministic=True)
