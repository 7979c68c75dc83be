"""The real papers of tests/papers/real/ (see its README), each read as a user's command reads
it and held to the reading checked by hand: the exhibit -> Bates pairs an index gives and every
line it cannot pair, the threshold elements a declaration meets and the sentences it flags.

The indexes are read with the prefixes of the productions they cite (``T``, ``MK``, ``MR``),
as a workspace that produced those pages would give them; one runs through the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.errors import InvalidInput
from clawback.domain.exhibit_index import read_index
from clawback.papers.declarations import check_declaration
from clawback.papers.text import paper_text
from clawback.service import Workspace

REAL = Path(__file__).parent / "real"
PREFIXES = ["T ", "MK ", "MR "]
NO_ROW = "no exhibit row found: a row starts with its exhibit (Ex. 12 | ABC0001-0014 | ...)"
OFF_ROW = "is on no exhibit's row (a table read column by column?)"
RUN_ON = "the number runs into the next word (two cells run together?)"
HOSPIRA = [
    *(f"JTX {n:03d}" for n in (1, 2, 3, 4, 17, 22, 25, 26, 27, 49, 52, 56, 63, 64, 66, 68, 69)),
    *(f"JTX {n:03d}" for n in (71, 73, 74, 76, 83, 93, 95, 96)),
    *(f"PTX {n:03d}" for n in (5, 6, 7, 8, 31, 40, 63, 64, 65, 71, 92, 93, 95, 122)),
]

# file -> the problems read, by hand: no index here pairs an exhibit with pages on one line
INDEXES = {
    # flattened column by column: no row, the Bates cell said (the slip sheet and title are
    # no rows)
    "index_merck_v_teva_ptx_exhibit_list.txt": [
        NO_ROW,
        f"line 51: T 007339-473, 007597-599 {OFF_ROW}",
    ],
    # the wrapped ranges' first numbers said, run into their cells' words, the glued one with
    # the range it was; DDX 2 and
    # DDX 3 are the deposition-exhibit column read as rows (left: a flattened column's values
    # cannot be told from rows)
    "index_merck_v_teva_dtx_exhibit_list.txt": [
        "line 42: Ex. DTX # 1 has no Bates number",
        "line 56: 'MK 02231140223128': two numbers glued, the hyphen lost? "
        "'MK 0223114-0223128' meant?",
        f"line 56: MK 02231140223128 {OFF_ROW}",
        "line 58: Ex. DDX 2 has no Bates number",
        "line 64: Ex. DDX 3 has no Bates number",
        "line 84: Ex. DTX # 4 has no Bates number",
        f"line 98: 'MK 0229494Safety': {RUN_ON}",
        f"line 98: MK 0229494 {OFF_ROW}",
        f"line 102: 'MR 0047366Associated': {RUN_ON}",
        f"line 102: MR 0047366 {OFF_ROW}",
    ],
    # a list with no Bates column: each trial exhibit said; "Ex. A of Opening Expert Report"
    # is a description, no row
    "index_hospira_v_amneal_joint_admitted_trial_exhibit_list.txt": [
        f"Ex. {label} has no Bates number" for label in HOSPIRA
    ],
    # tabs and pages of an appendix; addresses are no Bates numbers
    "index_fcc_deferred_joint_appendix_index.txt": [NO_ROW],
    # exhibits in prose and a table one cell to a line (Exhibit / 2031: left unread)
    "index_ipr2015_01993_objections_exhibit_table.txt": [NO_ROW],
    # a cover page; CA 92612-4412 and D.C. 20036-5306 are addresses
    "index_medytox_itc_final_exhibit_list_cover.txt": [NO_ROW],
}


@pytest.mark.parametrize("name", sorted(INDEXES))
def test_each_real_index_reads_as_checked_by_hand(name: str) -> None:
    reading = read_index(paper_text(REAL / name, rows=True), PREFIXES)
    assert reading.rows == ()
    problems = [str(p) for p in reading.problems]
    if name.startswith("index_hospira"):  # line numbers aside: 39 rows, each said
        problems = [p.split(": ", 1)[1] for p in problems]
    assert problems == INDEXES[name]


def test_a_real_index_through_the_command(tmp_path: Path) -> None:
    """As a user runs it, on an empty workspace (the one-letter prefix read from the paper
    itself): every line said, exit status 1."""
    Workspace.init(tmp_path / "ws").operator().close()
    result = CliRunner().invoke(
        app,
        ["read-index", str(REAL / "index_merck_v_teva_ptx_exhibit_list.txt")],
        env={"CLAWBACK_WORKSPACE": str(tmp_path / "ws")},
    )
    assert result.exit_code == 1, result.output
    assert result.output.splitlines() == INDEXES["index_merck_v_teva_ptx_exhibit_list.txt"]


# file -> privilege -> the elements met, judged by hand (the excerpts end before the
# paragraphs on the documents and their harm: only the declarant is shown)
DECLARATIONS = {
    # the Director's delegation of the claim to the Associate Director (para. 2)
    "declaration_emrich_deliberative_process.txt": {"deliberative-process": {"official"}},
    # a General Counsel and Chief FOIA Officer: no official with control of the matter
    "declaration_stern_nara_general_counsel.txt": {
        "deliberative-process": set(),
        "law-enforcement": set(),
        "work-product": set(),
    },
    # an Executive Officer and FOIA Officer; her duties ("a strategy ... for responding to
    # each FOIA request") are no document's mental impressions
    "declaration_hall_osg_vaughn.txt": {
        "deliberative-process": set(),
        "law-enforcement": set(),
        "work-product": set(),
    },
}


@pytest.mark.parametrize(
    ("name", "privilege"), [(n, p) for n, ps in sorted(DECLARATIONS.items()) for p in ps]
)
def test_each_real_declaration_meets_what_was_judged_by_hand(name: str, privilege: str) -> None:
    report = check_declaration(REAL / name, [privilege])
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} == DECLARATIONS[name][privilege]
    assert report.flags == ()  # "Upload: others", a class caption: no harm to other people


def test_the_deputy_chief_trial_attorney_is_no_official() -> None:
    """Ellis: ``the specific documents`` reads met by the web page's own title ("exhibit 1 -
    electronic frontier foundation"), chrome of the excerpt, not the paper (left, README);
    the rest as judged."""
    report = check_declaration(
        REAL / "declaration_ellis_doj_criminal_division.txt", ["law-enforcement"]
    )
    ((_, findings),) = report.checked
    assert {f.element.key for f in findings if f.met} - {"documents"} == set()
    assert report.flags == ()


@pytest.mark.parametrize(
    "name",
    [
        "declaration_stern_nara_general_counsel.txt",
        "declaration_ellis_doj_criminal_division.txt",
        "declaration_hall_osg_vaughn.txt",
    ],
)
def test_an_excerpt_that_claims_no_privilege_says_so(name: str) -> None:
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check_declaration(REAL / name)


def test_a_real_declaration_through_the_command() -> None:
    result = CliRunner().invoke(
        app, ["check-declaration", str(REAL / "declaration_emrich_deliberative_process.txt")]
    )
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("deliberative process privilege (FTC v. Warner")
    assert [line.split(":")[0].strip() for line in lines[1:]] == [
        "met      the head of the agency or a delegate with control of the matter",
        "MISSING  personal review of the documents",
        "MISSING  the specific documents",
        "MISSING  predecisional",
        "MISSING  deliberative",
    ]
