"""Classes of miss the third trial's real papers showed (tests/papers/real/README.md, "Third
trial"), each in a few lines of its own: a state court's case number read as a Bates number;
other courts' ECF stamps left in a declaration; the deliberative process named, not claimed;
a section's chief taken for the agency's head; harm that "could prejudice"."""

from __future__ import annotations

import pytest

from clawback.domain.declarations import check
from clawback.domain.errors import InvalidInput
from clawback.domain.order_text import clean
from clawback.domain.references import read_references
from clawback.papers.declarations import load_standards

STANDARDS = load_standards()


# -- the classes, each in a few lines --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "John Doe, V. Pomona College, BS163739 Judge Mary Strobel Hearing: March 6, 2018",
        "PICO NEIGHBORHOOD Case No.: BC616804 ASSOCIATION and MARIA LOYA, Plaintiffs,",
        "Smith v. Acme Corp., Case No. CGC19575551, was stayed.",
        "INDEX NO. ABC123456 (Sup. Ct. N.Y. Cnty.)",
    ],
)
def test_a_court_s_case_number_is_no_page(text: str) -> None:
    """A state court numbers its cases with letters and digits (L.A. Superior Court's
    ``BS163739``, ``BC616804``): after ``Case No.`` or a case's name, the case, not a page."""
    refs = read_references(text + " The memo is at DEF000123.")
    assert [c.raw for c in refs.bates] == ["DEF000123"]


def test_a_bates_number_after_a_word_of_the_case_is_still_one() -> None:
    text = "Bates No. BS163739; the case file at ABC000123; see Doe v. Roe (BS000124)."
    refs = read_references(text)
    assert [c.raw for c in refs.bates] == ["BS163739", "ABC000123", "BS000124"]


@pytest.mark.parametrize(
    "stamp",
    [
        "Case l:18-cv-00068 Document 394 Filed on 06/10/19 in TXSD Page 1 of 2",  # S.D. Tex.
        "USCA Case #18-7004 Document #1732051 Filed: 05/21/2018 Page 275 of 572",  # D.C. Cir.
        "Case 1:16-cv-20905-FAM Document 36 Entered on FLSD Docket 03/29/2016 Page 1 of 10",
        "Case: 2:13-cv-00123-MHW-TPK Doc #: 130 Filed: 07/08/14 Page: 1 of 9 PAGEID #: 2883",
        "2:17-cv-10310-VAR-SDD Doc # 104-1 Filed 05/26/17 Pg 25 of 217 Pg ID 1702",  # E.D. Mich.
    ],
)
def test_each_court_s_ecf_stamp_is_no_document(stamp: str) -> None:
    """The ECF header as each court writes it identifies the filing, not a withheld document
    (``Page 1 of 2`` met "the specific documents")."""
    assert clean(f"{stamp}\nThe order.")[0].split() == ["The", "order."]
    text = f"{stamp}\nI, Jane Roe, declare: 1. I am the Chief of the Bureau.\n"
    report = check(text, STANDARDS, ["law-enforcement"])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} == {"official"}


@pytest.mark.parametrize(
    "text",
    [
        "As part of that deliberative process, my staff and I consulted the components.",
        "The agency's deliberative process ended when the Secretary signed the memorandum.",
        "Plaintiffs seek discovery into the deliberative process that led to the decision.",
    ],
)
def test_naming_the_deliberative_process_claims_no_privilege(text: str) -> None:
    """A memo quoted in a letter says "As part of that deliberative process": the words name
    the agency's process, not a claim of the privilege that protects it."""
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check(text, STANDARDS)


@pytest.mark.parametrize(
    "text",
    [
        "I assert the deliberative process privilege over the documents.",
        "The drafts are protected by the deliberative process privilege.",
        "The memoranda are privileged under the deliberative-process privilege.",
    ],
)
def test_the_deliberative_process_privilege_claimed_is_still_checked(text: str) -> None:
    ((standard, _),) = check(text, STANDARDS).checked
    assert standard.key == "deliberative-process"


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("I serve as Acting Section Chief for RIDS.", False),
        ("I am the Assistant Section Chief of the Records Section.", False),
        ("I am the Deputy Director of the Bureau.", False),
        ("I am the Unit Chief of the Litigation Support Unit.", False),
        ("I am the Secretary of Commerce.", True),
        ("I am the Director of the Bureau.", True),
        ("The Director has delegated to me the authority to assert the privilege.", True),
        ("The Secretary has delegated to me, as Deputy Secretary, the authority.", True),
    ],
)
def test_the_deliberative_process_claim_is_the_head_s_or_a_delegate_s(text: str, met: bool) -> None:
    """Landry: the agency's head, or an official to whom the head delegated the claim; a
    section's acting or assistant chief, a deputy, with no delegation shown, is neither."""
    report = check(text, STANDARDS, ["deliberative-process"])
    ((_, findings),) = report.checked
    assert ("official" in {f.element.key for f in findings if f.met}) is met


@pytest.mark.parametrize(
    "text",
    [
        "Public disclosure of the schedules could prejudice the efficacy of the remedy.",
        "Release of the report may impair the Department's ability to recruit sources.",
        "Disclosure might injure the company's standing with its suppliers.",
        "Production could interfere with the ongoing enforcement proceedings.",
    ],
)
def test_harm_that_could_prejudice_impair_injure_or_interfere_is_hypothetical(text: str) -> None:
    """ "Could prejudice", "may impair": what might happen, in the verbs of harm a motion to
    seal or a privilege declaration uses, as "could harm" already was."""
    report = check(text, STANDARDS, ["law-enforcement"])
    assert [f.rule.key for f in report.flags] == ["hypothetical"]


@pytest.mark.parametrize(
    "text",
    [
        "See generally Weaver v. Bratt, 421 F. Supp. 2d 25, 43 (D.D.C. 2006).",
        "See, generally, Kelly v. City of San Jose, 114 F.R.D. 653 (N.D. Cal. 1987).",
    ],
)
def test_the_signal_see_generally_is_no_category_of_harm(text: str) -> None:
    report = check(text, STANDARDS, ["law-enforcement"])
    assert report.flags == ()


def test_harm_described_generally_is_still_of_a_category() -> None:
    text = "Disclosure of such records generally reveals the Bureau's methods."
    report = check(text, STANDARDS, ["law-enforcement"])
    assert [f.rule.key for f in report.flags] == ["categories"]
