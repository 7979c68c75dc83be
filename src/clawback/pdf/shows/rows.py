"""A PDF page's text as the eye reads a table: row by row, cells apart.

`read_pages` (``shows.extract``) gives a page's text block by block, as PyMuPDF finds it: the
cells of a table come out one under another (``Ex. 1``, ``Ex. 2``, then ``ABC0001-0014``...),
and a row of an exhibit index is lost. `text_rows` puts every word of a page on the line whose
baseline it shares (within a third of the word's height), left to right, and separates two
words by ``"  "`` where the gap between them is wider than two spaces' worth (a cell
boundary), by ``" "`` otherwise. Pages are joined by a line break.
"""

from __future__ import annotations

from itertools import pairwise

from clawback.pdf.files.document import open_pdf

__all__ = ["text_rows"]

_Word = tuple[float, float, float, float, str]  # x0, y0, x1, y1, text


def _rows(words: list[_Word]) -> list[str]:
    lines: list[tuple[float, float, list[_Word]]] = []  # middle, height, words
    for word in sorted(words, key=lambda w: ((w[1] + w[3]) / 2, w[0])):
        middle, height = (word[1] + word[3]) / 2, word[3] - word[1]
        if lines and abs(lines[-1][0] - middle) <= max(lines[-1][1], height) / 3:
            lines[-1][2].append(word)
        else:
            lines.append((middle, height, [word]))
    text: list[str] = []
    for _, height, line in lines:
        line.sort(key=lambda w: w[0])
        parts = [line[0][4]]
        for before, word in pairwise(line):
            parts.append(("  " if word[0] - before[2] > height * 0.6 else " ") + word[4])
        text.append("".join(parts))
    return text


def text_rows(pdf: bytes) -> str:
    """The text of every page of ``pdf``, row by row (see the module doc)."""
    rows: list[str] = []
    with open_pdf(pdf) as doc:
        for page in doc.pages():
            words = [(w[0], w[1], w[2], w[3], w[4]) for w in page.get_text("words")]
            rows.extend(_rows(words))
    return "\n".join(rows)
