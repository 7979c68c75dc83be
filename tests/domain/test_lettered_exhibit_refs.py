"""Lettered exhibits in a brief's prose (``Ex. A``, ``Exhibits C through F``, ``Ex. 5-A``)
are read as the workspace names exhibits (`clawback.domain.exhibit_ids`), not only numbers;
and a capital letter after the word is needed, so prose ("the exhibits I read") is none."""

from __future__ import annotations

import pytest

from clawback.domain.citations import find_exhibit_refs
from clawback.domain.references import read_references

LETTERED: list[tuple[str, list[tuple[str, tuple[str, ...]]]]] = [
    ("See Ex. A at 3.", [("Ex. A at 3", ("A",))]),
    ("(Ex. B)", [("Ex. B", ("B",))]),
    ("Exhibit D", [("Exhibit D", ("D",))]),
    ("EXHIBIT Q", [("EXHIBIT Q", ("Q",))]),
    ("Exhibits C through F", [("Exhibits C through F", ("C", "D", "E", "F"))]),
    ("Exs. A-C", [("Exs. A-C", ("A", "B", "C"))]),
    ("Exs. A\u2013C, H", [("Exs. A\u2013C, H", ("A", "B", "C", "H"))]),
    ("Ex. 5-A", [("Ex. 5-A", ("5-A",))]),
    ("Exhibit 5-A at 2", [("Exhibit 5-A at 2", ("5-A",))]),
    ("Ex. A-1", [("Ex. A-1", ("A-1",))]),
    ("Exhibits A and B show", [("Exhibits A and B", ("A", "B"))]),
    ("Exs. 1-3 and A", [("Exs. 1-3 and A", ("1", "2", "3", "A"))]),
    ("Pl.'s Exhibit AA", [("Pl.'s Exhibit AA", ("AA",))]),
    ("Ex. A and I agree", [("Ex. A", ("A",))]),  # the pronoun is no exhibit
    # after a plural label the pair's second is an exhibit, whatever word follows it
    ("Exhibits H and I are sealed", [("Exhibits H and I", ("H", "I"))]),
    ("Exs. H and I to the motion", [("Exs. H and I", ("H", "I"))]),
    ("EXHIBITS H, J and I were filed", [("EXHIBITS H, J and I", ("H", "J", "I"))]),
    ("Ex. 9-2", [("Ex. 9", ("9",))]),  # as before: a docket-like tail is not a sub-exhibit
    # prose, never an exhibit: lower case, a word, a prefix's letters, the pronoun
    ("the exhibits I read; exhibit a; EXAMPLE; Ex. AOL-DEF-00528703; Exhibit ABC", []),
    # an index's column heads (the real Hospira and Medytox lists): no Ex. NO, no Ex. S
    ("`EX. NO.\n`JTX 001\n`DESCRIPTION OF EXHIBITS\n`U.S. Patent", []),
    ("STAFF EXHIBITS\n`Fax: (949)", []),
    ("EXHIBITS A-C", [("EXHIBITS A-C", ("A", "B", "C"))]),
]


@pytest.mark.parametrize(("text", "expected"), LETTERED)
def test_lettered_exhibit_forms(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    got = [
        (text[r.start : r.end], tuple(str(x) for x in r.exhibits)) for r in find_exhibit_refs(text)
    ]
    assert got == expected


def test_another_case_s_lettered_trial_exhibit_is_not_this_case_s() -> None:
    text = (
        "In Smith v. Jones, 123 F.3d 456, 460 (9th Cir. 2000) (sealing Trial Ex. A), the "
        "court sealed a contract. Here, Ex. A is an e-mail."
    )
    refs = read_references(text)
    assert [text[e.start : e.end] for e in refs.exhibits] == ["Ex. A"]
    assert [text[e.start : e.end] for e in refs.other_cases_exhibits] == ["Trial Ex. A"]


@pytest.mark.parametrize("cited", ["Exs. 4 and 5", "Exs. 4 and Z", "Ex. A"])
def test_this_case_s_exhibit_just_before_a_case_citation_stays_this_case_s(cited: str) -> None:
    """eyecite's full span reaches back over the sentence before a case's name ("and Z. In
    Smith v. Jones"): only what follows the citation proper is the other case's."""
    text = (
        f"See {cited}. In Smith v. Jones, 123 F.3d 456, 460 (9th Cir. 2000) (sealing Trial Ex. "
        "46), the court sealed a contract."
    )
    refs = read_references(text)
    assert [text[e.start : e.end] for e in refs.exhibits] == [cited]
    assert [text[e.start : e.end] for e in refs.other_cases_exhibits] == ["Trial Ex. 46"]
