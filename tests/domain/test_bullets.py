"""Bullets as pinpoints: "page 7, bullet 3" is the third bulleted line on page 7, read from the
page's lines of text: a bullet glyph (or "-", "*") opens one, "(a)" and "1." do not; a bullet
runs to the next bullet, a blank line, a numbered paragraph or the body text resuming left of
its glyph; a page with fewer bullets is refused in one line, and an order names the place as
cited, never as the page whole."""

from __future__ import annotations

import pytest

from clawback.domain.errors import InvalidInput, NotFound
from clawback.domain.paper_seals import PaperItem, redacting
from clawback.domain.pinpoints import Pinpoint
from clawback.domain.pleading_lines import TextLine, bullet_at
from clawback.domain.seal_parts import SealPart

PITCH = 14.0


def page(*rows: tuple[float, str] | tuple[float, str, int]) -> list[TextLine]:
    """Lines down a page, one a row (a pitch apart; a third value skips that many rows), each
    at its left edge; a row given as "GLYPH|text" is a glyph set apart from its text."""
    lines, y = [], 72.0
    for row in rows:
        x, text, *skip = row
        y += PITCH * (1 + (skip[0] if skip else 0))
        if "|" in text:
            glyph, rest = text.split("|")
            lines += [TextLine(x, y, y + 11, glyph), TextLine(x + 18, y, y + 11, rest)]
        else:
            lines.append(TextLine(x, y, y + 11, text))
    return lines


MEMO = page(
    (72, "The declarant relies on these documents:"),
    (90, "\u2022 the 2019 pricing memorandum, which sets the"),
    (108, "discount rates for each region;"),
    (90, "(a) a lettered item, which is no bullet;"),  # inside bullet 1: it runs on
    (90, "\u25e6|the board minutes of May 2020;"),  # a glyph apart from its text
    (90, "- the auditor's letter"),
    (72, "Each was produced under the protective order.", 1),  # a blank line before it
    (90, "* the hourly rates, public"),
    (72, "Nothing else is relied on."),  # body text resumes left of the glyph
    (300, "- 7 -", 2),  # the page number between dashes: no bullet
)


@pytest.mark.parametrize(
    ("bullet", "texts"),
    [
        (
            1,
            (
                "the 2019 pricing memorandum, which sets the",
                "discount rates for each region;",
                "(a) a lettered item, which is no bullet;",
            ),
        ),
        (2, ("the board minutes of May 2020;",)),
        (3, ("the auditor's letter",)),  # ends at the blank line
        (4, ("the hourly rates, public",)),  # ends where the body text resumes
    ],
)
def test_a_bullet_is_read_from_its_glyph_to_where_it_ends(
    bullet: int, texts: tuple[str, ...]
) -> None:
    at = Pinpoint.parse(f"page 7, bullet {bullet}")
    assert bullet_at(at, MEMO, "ECF No. 88") == texts


def test_a_page_with_fewer_bullets_is_refused_in_one_line() -> None:
    with pytest.raises(NotFound) as caught:
        bullet_at(Pinpoint.parse("page 7, bullet 5"), MEMO, "ECF No. 88")
    assert str(caught.value) == "ECF No. 88 at page 7, bullet 5: the page has 4 bullets"
    plain = page((72, "1. A numbered paragraph."), (90, "(a) and a lettered item."))
    with pytest.raises(NotFound, match=r"^ECF No\. 88 at page 7, bullet 1: the page has no "):
        bullet_at(Pinpoint.parse("page 7, bullet 1"), plain, "ECF No. 88")


@pytest.mark.parametrize("written", ["page 7, bullet 3", "p. 7, bullet 3", "page 7 bullet point 3"])
def test_a_bullet_is_cited_and_written_back_the_same(written: str) -> None:
    place = Pinpoint.parse(written)
    assert place == Pinpoint(page=7, bullet=3) and not place.whole_page
    assert str(place) == "page 7, bullet 3" and Pinpoint.parse(str(place)) == place


@pytest.mark.parametrize("bad", ["page 7, bullet 0", "page 7, lines 3-4, bullet 2", "bullet 3"])
def test_what_is_no_bullet_is_refused_in_one_line(bad: str) -> None:
    with pytest.raises(InvalidInput, match=repr(bad)):
        Pinpoint.parse(bad)


def test_an_order_redacts_the_bullet_never_the_page_whole() -> None:
    items = [
        PaperItem("rates", Pinpoint.parse("page 7, bullet 1"), 6, ("the discount rates",)),
        PaperItem("exhibit", Pinpoint.parse("page 9"), 8, ()),
    ]
    part = SealPart(items=("rates", "exhibit"))
    assert redacting(part, items) == "page 9 and page 7, bullet 1"
