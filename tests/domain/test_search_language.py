"""The search query language: each query and what each engine is handed, as a table."""

from __future__ import annotations

import pytest

from clawback.domain.errors import InvalidInput
from clawback.domain.search import fts5, parse, tsquery

CASES = [  # (query, FTS5 MATCH, to_tsquery)
    ("Reasons", '{t} : ("reasons")', "'reasons'"),
    ("compelling reasons", '{t} : (("compelling" AND "reasons"))', "('compelling' & ('reasons'))"),
    ('"compelling reasons"', '{t} : ("compelling reasons")', "'compelling' <-> 'reasons'"),
    ("reason*", '{t} : ("reason" *)', "'reason':*"),
    ("AOL-DEF-00528703", '{t} : ("aol def 00528703")', "'aol' <-> 'def' <-> '00528703'"),
    ("a OR b NOT c", '{t} : (("a" OR ("b" NOT "c")))', "('a' | (('b' & !('c'))))"),
    ("Ruiz, Marisol", '{t} : (("ruiz" AND "marisol"))', "('ruiz' & ('marisol'))"),
    ("x' OR 1=1 --", '{t} : (("x" OR "1 1"))', "('x' | ('1' <-> '1'))"),
    ("NEAR(a b, 0)", '{t} : (NEAR("a" "b", 0))', "(('a') <1> ('b') | ('b') <1> ('a'))"),
]


@pytest.mark.parametrize(("query", "match", "ts"), CASES)
def test_a_query_in_each_engines_syntax(query: str, match: str, ts: str) -> None:
    parsed = parse(query)
    assert (fts5(parsed, "t"), tsquery(parsed)) == (match, ts)


@pytest.mark.parametrize(
    "query", ['"open', "a OR", "OR a", "(a", "a)", "NEAR(a, 3)", "NEAR(a b, 21)", "- * -", ""]
)
def test_a_malformed_query_is_refused(query: str) -> None:
    with pytest.raises(InvalidInput, match=r"^search: "):
        parse(query)


def test_a_query_holds_at_most_32_terms() -> None:
    parse(" ".join(["w"] * 32))
    with pytest.raises(InvalidInput, match="at most 32 terms"):
        parse(" ".join(["w"] * 33))


@pytest.mark.parametrize("distance", ["\u00b2", "\u0663", "\uff15"])
def test_a_near_distance_in_another_scripts_digits_is_refused(distance: str) -> None:
    """``"²".isdigit()`` is true and ``int("²")`` a ValueError: the search ended in a traceback."""
    with pytest.raises(InvalidInput, match="NEAR's distance"):
        parse(f"NEAR(cover page, {distance})")
