"""The second trial's real papers (tests/papers/real/README.md, "Second trial"), each held to
the reading written by hand before either command had read it, and the three classes of miss
they showed, each in a few lines of its own: the old ECF stamp (``Filed 05/13/2006 Pages
1-7``) met "the specific documents"; an exhibit's own sticker and page stamps (``Exhibit
1002``, ``Exhibit 1002_0001``) were read as an index's rows; the state secrets privilege had
no standard to check a declaration against."""

from __future__ import annotations

from pathlib import Path

import pytest

from clawback.domain.declarations import check
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_index import read_index
from clawback.papers.declarations import check_declaration, load_standards
from clawback.papers.text import paper_text

REAL = Path(__file__).parent / "real"
PREFIXES = ["T ", "MK ", "MR "]
NO_ROW = "no exhibit row found: a row starts with its exhibit (Ex. 12 | ABC0001-0014 | ...)"
STANDARDS = load_standards()


@pytest.mark.parametrize(
    "name",
    [
        "index_merrill_ipr2018_01389_exhibit_1002_page_stamps.txt",
        "index_jicarilla_cofc_status_report_tab_slip_sheets.txt",
        "index_jli_itc_1141_motion_in_limine_rdx_exhibits.txt",
    ],
)
def test_each_exhibit_paper_reads_as_no_index(name: str) -> None:
    reading = read_index(paper_text(REAL / name, rows=True), PREFIXES)
    assert reading.rows == ()
    assert [str(p) for p in reading.problems] == [NO_ROW]


# paper -> the state secrets elements met, judged by hand (README, "Readings by hand")
STATE_SECRETS = {
    "declaration_negroponte_dni_state_secrets.txt": {"official", "personal-consideration"},
    "declaration_mcconnell_dni_state_secrets.txt": {"official"},
    "declaration_clapper_dni_state_secrets.txt": {"official"},
    "declaration_blair_dni_classified_caption.txt": set(),
}


@pytest.mark.parametrize("name", sorted(STATE_SECRETS))
def test_each_dni_declaration_meets_what_was_judged_by_hand(name: str) -> None:
    report = check_declaration(REAL / name, ["state-secrets"])
    ((standard, findings),) = report.checked
    assert standard.key == "state-secrets"
    assert [f.element.key for f in findings] == [
        "official",
        "personal-consideration",
        "information",
        "danger",
    ]
    assert {f.element.key for f in findings if f.met} == STATE_SECRETS[name]
    assert report.flags == ()  # a class caption, counsel's titles: no harm claimed


@pytest.mark.parametrize("name", sorted(STATE_SECRETS))
def test_an_excerpt_naming_no_privilege_claims_none(name: str) -> None:
    """Negroponte's page carries the site's link "DoJ Asserts State Secrets:", no claim of
    the paper's."""
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check_declaration(REAL / name)


# -- the classes, each in a few lines --------------------------------------------------------


def test_the_old_ecf_stamp_with_a_page_range_is_no_document() -> None:
    """``Filed 05/13/2006 Pages 1-7`` (the stamp's older form) identifies the filing, not a
    withheld document; as ``Page 1 of 7`` already did not."""
    text = (
        "Case 3:06-cv-00672-VRW Document 124-2 Filed 05/13/2006 Pages 1-7\n"
        "I, Jane Roe, declare as follows: 1. I am the Director of the Bureau. I claim the "
        "law enforcement privilege.\n"
    )
    report = check(text, STANDARDS, ["law-enforcement"])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} == {"official"}
    stamped = "Case 1:04-cv-939 Document 7 Filed 06/28/2006 Pages 12 - 14\nThe Bates pages."
    report = check(stamped, STANDARDS, ["law-enforcement"])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} == {"documents"}  # the Bates cue kept


def test_an_exhibits_own_sticker_and_page_stamps_are_no_rows() -> None:
    """The paper is the exhibit: its page stamp joins exhibit and page with an underscore
    (the PTAB's ``Exhibit 1002_0001``), and its sticker is its label alone on a line."""
    exhibit = "Exhibit 1002\n\nA letter from the Office.\nExhibit 1002_0001\nExhibit 1002_0002\n"
    reading = read_index(exhibit, PREFIXES)
    assert reading.rows == ()
    assert [str(p) for p in reading.problems] == [NO_ROW]


def test_an_index_row_alone_on_its_line_is_still_a_row() -> None:
    """Without a page stamp of its own exhibit, ``Exhibit 12`` alone on a line is a row whose
    Bates cell wrapped onto the next line, as before."""
    index = "Exhibit 12\nMK 0001-0004 E-mail of March 3\n\nExhibit 13  MK 0005-0009  Memo\n"
    reading = read_index(index, PREFIXES)
    assert [str(r) for r in reading.rows] == ["Ex. 12: MK 0001-004", "Ex. 13: MK 0005-009"]
    assert reading.problems == ()


STATE_SECRETS_CLAIM = (
    "I, John Doe, declare: 1. I am the Director of National Intelligence. 2. I assert the "
    "state secrets privilege over the information described below. 3. I have personally "
    "considered the information at Bates DEF 0001-0004. 4. Its disclosure would cause "
    "exceptionally grave damage to the national security of the United States."
)


def test_a_state_secrets_claim_is_checked_element_by_element() -> None:
    report = check(STATE_SECRETS_CLAIM, STANDARDS)  # the claim names the privilege
    ((standard, findings),) = report.checked
    assert standard.key == "state-secrets"
    assert all(f.met for f in findings), [f.element.key for f in findings if not f.met]


@pytest.mark.parametrize(
    "who",
    [
        "I am the Deputy Director of National Intelligence",
        "I am the Assistant Director of the Division",
        "I am a Trial Attorney in the Federal Programs Branch",
    ],
)
def test_the_state_secrets_claim_is_the_heads_not_a_deputys(who: str) -> None:
    """Reynolds: lodged by the head of the department, not a delegate or counsel."""
    text = STATE_SECRETS_CLAIM.replace("I am the Director of National Intelligence", who)
    report = check(text, STANDARDS, ["state-secrets"])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if not f.met} == {"official"}
