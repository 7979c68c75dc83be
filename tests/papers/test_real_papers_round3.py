"""The third trial's real papers (tests/papers/real/README.md, "Third trial"), each held to the
reading written by hand before either reader had read it: an appendix index flattened onto one
line, an affidavit filed as an exhibit, five letters and rulings citing the docket, the
record and exhibits, two declarations and a motion to seal; and the classes of miss they
showed, each in a few lines of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.domain.declarations import check
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_index import read_index
from clawback.domain.order_text import clean
from clawback.domain.references import read_references
from clawback.papers.declarations import check_declaration, load_standards
from clawback.papers.text import paper_text

REAL = Path(__file__).parent / "real"
NO_ROW = "no exhibit row found: a row starts with its exhibit (Ex. 12 | ABC0001-0014 | ...)"
STANDARDS = load_standards()


def _text(name: str) -> str:
    """The paper without the bracketed first line that names its source (ours, not the
    paper's)."""
    return (REAL / name).read_text("utf-8").split("\n", 1)[1]


@pytest.mark.parametrize(
    "name",
    [
        # an appendix's index run onto one line: exhibits 1-5 with the appendix's pages, no
        # Bates number (WL numbers, ZIP+4, bar numbers, telephone numbers are none)
        "index_travelport_appendix_exhibit_pages.txt",
        # an affidavit filed as an exhibit: its broken sticker, its ECF and joint appendix
        # stamps (USCA Case #18-7004 Document #1732051, JA 263) are no rows and no pages
        "declaration_terris_dl_v_dc_exhibit_sticker_ja_stamps.txt",
        # a ruling citing the administrative record (AR 192-246) under its case number
        # BS163739: neither is a produced page
        "brief_pomona_tentative_ar_record_cites.txt",
    ],
)
def test_each_paper_with_no_index_reads_as_none(name: str) -> None:
    reading = read_index(paper_text(REAL / name, rows=True), [])
    assert reading.rows == ()
    assert [str(p) for p in reading.problems] == [NO_ROW]


# paper -> the docket entries cited, read by hand; none cites a produced page, and only
# Giuffre's letter an exhibit of this case (its lettered Ex. A and Ex. B: below)
BRIEFS = {
    "brief_giuffre_letter_dkt_exhibit_cites.txt": ["1007-1", "1021"],
    "brief_ny_commerce_letter_ecf_ar_cites.txt": ["189-1"],
    "brief_pomona_tentative_ar_record_cites.txt": [],
    "brief_texas_v_us_notice_of_errata_ecf.txt": ["392"],
    "brief_vcs_v_peake_letter_de_cites.txt": ["169", "170"],
}


@pytest.mark.parametrize("name", sorted(BRIEFS))
def test_each_letter_cites_what_was_read_by_hand(name: str) -> None:
    refs = read_references(_text(name))
    assert [e for r in refs.record for e in r.entries] == BRIEFS[name]
    assert [c.raw for c in refs.bates] == []
    assert refs.warnings == ()
    if "giuffre" not in name:
        assert refs.exhibits == ()


def test_a_letter_s_lettered_exhibits_are_read() -> None:
    """Plaintiff's proposed protocol (Ex. A) and the redline (Ex. B): lettered, as read by hand."""
    refs = read_references(_text("brief_giuffre_letter_dkt_exhibit_cites.txt"))
    assert [tuple(str(x) for x in e.exhibits) for e in refs.exhibits] == [("A",), ("B",)]


def test_the_administrative_record_is_read_where_the_record_knows_its_prefix() -> None:
    """``AR 1321``: four digits after a state's code, no page unless the record produced AR."""
    refs = read_references(_text("brief_ny_commerce_letter_ecf_ar_cites.txt"), ["AR "])
    assert [c.raw for c in refs.bates] == ["AR 1321"]


# paper -> privilege -> the elements met, judged by hand
DECLARATIONS: dict[str, dict[str, set[str]]] = {
    # ¶ 1: the Acting Section Chief of the FBI's records section: an official, not the head
    # of the department, and no delegation of the deliberative process privilege
    "declaration_seidel_fbi_rids_acting_section_chief.txt": {
        "law-enforcement": {"official"},
        "state-secrets": set(),
        "deliberative-process": set(),
    },
    # counsel for the plaintiffs: no official, and nothing else
    "declaration_hennessey_wagafe_plaintiffs_counsel.txt": {
        "law-enforcement": set(),
        "deliberative-process": set(),
    },
    # counsel's fee affidavit, filed as an exhibit: its ECF and joint appendix stamps
    # identify no document
    "declaration_terris_dl_v_dc_exhibit_sticker_ja_stamps.txt": {
        "law-enforcement": set(),
        "state-secrets": set(),
    },
    # letters: an ECF stamp of S.D. Tex. (``Filed on 06/10/19 in TXSD Page 1 of 2``) is no
    # document
    "brief_texas_v_us_notice_of_errata_ecf.txt": {"law-enforcement": set()},
}


@pytest.mark.parametrize(
    ("name", "privilege"), [(n, p) for n in sorted(DECLARATIONS) for p in DECLARATIONS[n]]
)
def test_each_declaration_meets_what_was_judged_by_hand(name: str, privilege: str) -> None:
    report = check(_text(name), STANDARDS, [privilege])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} == DECLARATIONS[name][privilege]
    assert report.flags == ()  # class captions, counsel's titles: no harm claimed


@pytest.mark.parametrize(
    "name",
    [
        *sorted(DECLARATIONS),
        "motion_doj_stipulated_seal_schedules_could_prejudice.txt",
        # Secretary Ross's memo, quoted: "As part of that deliberative process" claims nothing
        "brief_ny_commerce_letter_ecf_ar_cites.txt",
        "brief_giuffre_letter_dkt_exhibit_cites.txt",
    ],
)
def test_a_paper_naming_no_privilege_claims_none(name: str) -> None:
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check_declaration(REAL / name)


def test_the_motion_to_seal_s_could_prejudice_is_flagged_as_hypothetical() -> None:
    """Both sentences say the disclosure "could prejudice the efficacy of the remedy"; the
    citation signal "See generally" is no harm of a category."""
    report = check(
        _text("motion_doj_stipulated_seal_schedules_could_prejudice.txt"),
        STANDARDS,
        ["law-enforcement"],
    )
    flagged = [(f.rule.key, f.sentence[:60]) for f in report.flags]
    assert flagged == [
        ("hypothetical", "The proposed Final Judgment contains certain trade secrets, "),
        ("hypothetical", "Descriptions contained in Schedule 2 are sufficiently specif"),
    ]


# -- the classes, each in a few lines --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "John Doe, V. Pomona College, BS163739 Judge Mary Strobel Hearing: March 6, 2018",
        "PICO NEIGHBORHOOD Case No.: BC616804 ASSOCIATION and MARIA LOYA, Plaintiffs,",
        "Smith v. Acme Corp., Case No. CGC19575551, was stayed.",
        "INDEX NO. ABC123456 (Sup. Ct. N.Y. Cnty.)",
        # the next members: the number after a court's name, or alone on a caption's line
        "Pico Neighborhood Ass'n v. City of Santa Monica (L.A. Super. Ct. No. BC616804).",
        "Plaintiffs,\nNo. BS163739\nv.\nPOMONA COLLEGE,",
    ],
)
def test_a_court_s_case_number_is_no_page(text: str) -> None:
    """A state court numbers its cases with letters and digits (L.A. Superior Court's
    ``BS163739``, ``BC616804``): after ``Case No.`` or a case's name, the case, not a page."""
    refs = read_references(text + " The memo is at DEF000123.")
    assert [c.raw for c in refs.bates] == ["DEF000123"]


def test_a_bates_number_after_a_word_of_the_case_is_still_one() -> None:
    text = (
        "Bates No. BS163739; the case file at ABC000123; see Doe v. Roe (BS000124).\n"
        "Control No. BS000125 is the memo."
    )
    refs = read_references(text)
    assert [c.raw for c in refs.bates] == ["BS163739", "ABC000123", "BS000124", "BS000125"]


@pytest.mark.parametrize(
    "stamp",
    [
        "Case l:18-cv-00068 Document 394 Filed on 06/10/19 in TXSD Page 1 of 2",  # S.D. Tex.
        "USCA Case #18-7004 Document #1732051 Filed: 05/21/2018 Page 275 of 572",  # D.C. Cir.
        "Case 1:16-cv-20905-FAM Document 36 Entered on FLSD Docket 03/29/2016 Page 1 of 10",
        "Case: 2:13-cv-00123-MHW-TPK Doc #: 130 Filed: 07/08/14 Page: 1 of 9 PAGEID #: 2883",
        "2:17-cv-10310-VAR-SDD Doc # 104-1 Filed 05/26/17 Pg 25 of 217 Pg ID 1702",  # E.D. Mich.
        # a paper filed again as an exhibit: both stamps, merged word by word
        "Case 1:10-cv-00001 Document 45-3 Case 1:09-cv-00002 Document 12\n\nFiled 01/02/2011 "
        "Filed 05/06/2010\n\nPage 3 of 9 Page 1 of 20",
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


def test_two_merged_ecf_stamps_are_no_document() -> None:
    """A paper filed again as another's exhibit carries both stamps, merged word by word as
    its text came out (``Case … Document 202-2 Case … Document 171 / Filed 03/11/2008 Filed
    04/18/2008 / Page 1 of 4 Page 1 of 11``); its ``Page 1 of 4`` met "the specific
    documents"."""
    report = check(_text("brief_vcs_v_peake_letter_de_cites.txt"), STANDARDS, ["law-enforcement"])
    ((_, findings),) = report.checked
    assert not any(f.met for f in findings)


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


@pytest.mark.parametrize(
    "text",
    [
        "The time records reflect the work product of the firm's associates and paralegals.",
        "Counsel's work product in Period 1 is billed at the rates of the Laffey matrix.",
    ],
)
def test_naming_a_lawyer_s_work_product_claims_no_protection(text: str) -> None:
    """The next member of the class: a fee affidavit's "the work product of the associates"
    names a lawyer's work, as "that deliberative process" names an agency's, claiming
    nothing."""
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check(text, STANDARDS)


@pytest.mark.parametrize(
    "text",
    [
        "I assert the work product protection over the memoranda.",
        "These memoranda are attorney work product.",
        "The drafts are protected as work product under Rule 26(b)(3).",
        "The notes constitute opinion work product.",
        "Defendants withhold the notes under the work-product doctrine.",
    ],
)
def test_the_work_product_protection_claimed_is_still_checked(text: str) -> None:
    ((standard, _),) = check(text, STANDARDS).checked
    assert standard.key == "work-product"
