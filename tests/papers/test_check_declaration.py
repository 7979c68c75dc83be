"""`clawback check-declaration`: a declaration written the way the reference order describes
the ones it rejected (Wagner and Heitke: generic "hostile actors", "could" and "may", the
protective order dismissed in one conclusory line) is flagged element by element; one that
meets each element of the law enforcement threshold is not. Same report from text, PDF, DOCX."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pymupdf
import pytest
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.declarations import DeclarationReport, check
from clawback.domain.errors import InvalidInput
from clawback.domain.sentences import sentences
from clawback.papers.declarations import check_declaration, load_standards

HERE = Path(__file__).parent
BAD = HERE / "bad_declaration_hypothetical_harm.txt"
GOOD = HERE / "good_declaration_specific_harm.txt"
ELEMENTS = ["official", "personal-review", "documents", "harm", "protective-order", "magnitude"]
runner = CliRunner()


def met(report: DeclarationReport) -> dict[str, bool]:
    ((standard, findings),) = report.checked
    assert standard.key == "law-enforcement"
    return {f.element.key: f.met for f in findings}


# The rejected declaration: its author is a responsible official (the order names him), and
# every other element is what the court found missing.
BAD_MET = {"official": True} | dict.fromkeys(ELEMENTS[1:], False)


@pytest.mark.parametrize("element", ELEMENTS)
def test_the_rejected_declaration_element_by_element(element: str) -> None:
    assert met(check_declaration(BAD))[element] is BAD_MET[element]


@pytest.mark.parametrize("element", ELEMENTS)
def test_the_stronger_declaration_meets_each_element(element: str) -> None:
    report = check_declaration(GOOD)
    assert met(report)[element] is True
    ((_, findings),) = report.checked
    (finding,) = [f for f in findings if f.element.key == element]
    assert finding.sentence in sentences(GOOD.read_text())  # quoted whole, as written


@pytest.mark.parametrize(
    ("flag", "quoted"),
    [
        ("hostile-actors", "allow hostile actors to tailor countermeasures"),
        ("hostile-actors", "an alien smuggler who learns"),
        ("hypothetical", "bad actors may be able to identify possible gaps"),
        ("hypothetical", "Disclosure of this information could alert other individuals"),
        ("other-people", "could alert other individuals"),
        ("categories", "reveal the types and sources of information"),
        ("conclusory-protective-order", "The Protective Order is not sufficient to prevent"),
    ],
)
def test_the_rejected_declaration_is_flagged_sentence_by_sentence(flag: str, quoted: str) -> None:
    flags = check_declaration(BAD).flags
    (sentence,) = [f.sentence for f in flags if f.rule.key == flag and quoted in f.sentence]
    assert sentence in sentences(BAD.read_text())


def test_the_stronger_declaration_raises_no_flag() -> None:
    report = check_declaration(GOOD)
    assert report.flags == ()
    assert report.ready


def test_a_reason_answers_the_protective_order_flag() -> None:
    standards = load_standards()
    claim = "I assert the law enforcement privilege. "
    bare = claim + "The Protective Order is not sufficient to prevent the harm."
    reasoned = bare[:-1] + ", because counsel must show the page to the witnesses named on it."
    flagged = [[f.rule.key for f in check(t, standards).flags] for t in (bare, reasoned)]
    assert flagged == [["conclusory-protective-order"], []]


def _pdf(text: str, path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    rect = pymupdf.Rect(54, 54, page.rect.width - 54, page.rect.height - 54)
    assert page.insert_textbox(rect, text, fontsize=8) >= 0, "the text must fit the page"
    doc.save(path)
    doc.close()
    return path


def _docx(text: str, path: Path) -> Path:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(str(path))
    return path


@pytest.mark.parametrize(("suffix", "make"), [(".pdf", _pdf), (".docx", _docx)])
@pytest.mark.parametrize("paper", [BAD, GOOD], ids=["rejected", "stronger"])
def test_pdf_and_docx_give_the_text_s_report(
    suffix: str, make: Callable[[str, Path], Path], paper: Path, tmp_path: Path
) -> None:
    as_text = check_declaration(paper)
    as_file = check_declaration(make(paper.read_text(), tmp_path / f"declaration{suffix}"))
    assert met(as_file) == met(as_text)
    assert [(f.rule.key, f.sentence) for f in as_file.flags] == [
        (f.rule.key, f.sentence) for f in as_text.flags
    ]


def test_the_command_reports_and_fails_the_rejected_declaration() -> None:
    bad = runner.invoke(app, ["check-declaration", str(BAD)])
    assert bad.exit_code == 1
    assert "MISSING  personal review of the documents" in bad.output
    assert 'FLAG unnamed wrongdoers: "The disclosure of lookouts would undermine' in bad.output
    assert "Kelly v. City of San Jose, 114 F.R.D. 653" in bad.output
    good = runner.invoke(app, ["check-declaration", str(GOOD)])
    assert good.exit_code == 0, good.output
    assert "MISSING" not in good.output and "FLAG" not in good.output


@pytest.mark.parametrize(
    ("privilege", "authority"),
    [
        ("attorney-client", "United States v. Ruehle, 583 F.3d 600"),
        ("work-product", "Fed. R. Civ. P. 26(b)(3)"),
        ("deliberative-process", "FTC v. Warner Commc'ns Inc., 742 F.2d 1156"),
    ],
)
def test_each_privilege_has_its_test_and_is_found_from_its_claim(
    privilege: str, authority: str
) -> None:
    standards = load_standards()
    name = standards.get(privilege).name
    report = check(f"Defendants withhold Ex. 4 under the {name}.", standards)
    ((standard, findings),) = report.checked
    assert standard.key == privilege and authority in standard.authority
    assert [f.element.key for f in findings if f.met] == ["documents"]


def test_no_privilege_claimed_and_none_named_is_one_line() -> None:
    with pytest.raises(InvalidInput, match="claims no privilege"):
        check("I am the Director.", load_standards())
    with pytest.raises(InvalidInput, match="no such privilege: 'spousal'"):
        check("I am the Director.", load_standards(), ["spousal"])


def test_a_lawyer_s_own_standards_file(tmp_path: Path) -> None:
    rules = tmp_path / "mine.yaml"
    rules.write_text(
        "standards:\n  trade-secret:\n    name: trade secret\n    claimed_by: [trade secret]\n"
        "    authority: Fed. R. Civ. P. 26(c)(1)(G)\n    elements:\n"
        "      - {key: value, name: its value, why: why it is worth keeping, any_of: [[value*]]}\n"
    )
    report = check_declaration(GOOD, ["trade-secret"], rules)
    assert [f.element.key for _, fs in report.checked for f in fs] == ["value"]
    rules.write_text("standards:\n  x: {name: x, elements: [{key: k}]}\n")
    with pytest.raises(InvalidInput, match="element 'k' has no 'name' text"):
        check_declaration(GOOD, ["x"], rules)
    result = runner.invoke(app, ["check-declaration", str(GOOD), "--rules", str(rules)])
    assert result.exit_code == 1 and result.output.count("\n") == 1, result.output


def test_a_document_named_with_no_harm_tied_to_it_leaves_the_harm_element_missing() -> None:
    text = GOOD.read_text()
    harm = (
        "This slide would tell anyone who reads it the one day in the quarter when the teams "
        "are short of six officers."
    )
    assert harm in text
    report = check(text.replace(harm, "The slide is two pages long."), load_standards())
    ((_, findings),) = report.checked
    (finding,) = [f for f in findings if f.element.key == "harm"]
    assert not finding.met
    assert finding.untied == ("AOL-DEF-00516617", "Ex. 19")
    assert [f.element.key for f in findings if not f.met] == ["harm"]


def _met(text: str, privilege: str) -> dict[str, str | None]:
    ((_, findings),) = check(text, load_standards(), [privilege]).checked
    return {f.element.key: f.sentence for f in findings}


def test_a_filing_stamp_or_slip_sheet_identifies_no_document() -> None:
    """The ECF header on every page (``Case ... Document 174-3 Filed ... Page 1 of 23``, with
    or without its spaces) and the slip sheet (``EXHIBIT 1``), as the real declarations in
    tests/papers/real/ carry them, are no identification of the documents withheld."""
    text = (
        "EXHIBIT 1\n"
        "Case3:10-cv-04892-RS Document39-1 Filed03/01/12 Page1 of 29\n\n"
        "I assert the deliberative process privilege.\n\n"
        "Case 2:17-cv-00094-RAJ Document 174-3 Filed 04/30/18 Page 2 of 23\n\n"
        "2. The documents at issue are drafts of the agency's guidance."
    )
    assert _met(text, "deliberative-process")["documents"] is None
    cited = text + " Exhibit 4 is the draft of March 2, 2017."
    assert _met(cited, "deliberative-process")["documents"] == (
        "Exhibit 4 is the draft of March 2, 2017."
    )


def test_the_agency_s_lawyer_or_foia_officer_is_not_the_official() -> None:
    """Titles in the real declarations: a Deputy Chief/Trial Attorney of a FOIA unit and a
    General Counsel who is Chief FOIA Officer hold no control of the matter the privilege
    protects; a Director who was delegated the claim does."""
    for title in (
        "1. I am a Deputy Chief/Trial Attorney in the Freedom of Information Act/Privacy Act Unit.",
        "1. Both in my capacity as General Counsel and Chief FOIA Officer, I provide oversight.",
    ):
        assert _met(title, "law-enforcement")["official"] is None
        assert _met(title, "deliberative-process")["official"] is None
    delegated = (
        "2. The Director of USCIS has delegated to me the authority to assert the privilege."
    )
    assert _met(delegated, "deliberative-process")["official"] == delegated[3:]


@pytest.mark.parametrize(
    "said",
    [
        "Upload: others",
        "ABDIQAFAR WAGAFE, et al., on behalf of themselves and others similarly situated, "
        "Plaintiffs, v. DONALD TRUMP, et al., Defendants.",
    ],
)
def test_others_named_with_no_harm_is_not_harm_to_other_people(said: str) -> None:
    text = "I assert the law enforcement privilege.\n\n" + said
    assert [f.rule.key for f in check(text, load_standards()).flags] == []


@pytest.mark.parametrize(
    ("said", "flag"),
    [
        ("Disclosure of these records would risk circumvention of the law.", "boilerplate"),
        ("Release would provide a roadmap to those seeking to evade detection.", "boilerplate"),
        ("Disclosure would allow criminals to avoid detection.", "hostile-actors"),
        (
            "Release of this information would enable drug trafficking organizations to adjust "
            "their routes.",
            "hostile-actors",
        ),
        ("Disclosure would aid potential law violators.", "hostile-actors"),
        (
            "Releasing the database codes would permit individuals to alter their behavior.",
            "boilerplate",
        ),
        ("Disclosure would interfere with ongoing and future investigations.", "boilerplate"),
    ],
)
def test_the_harm_any_law_enforcement_record_could_claim_is_flagged(said: str, flag: str) -> None:
    """Generic harm as agency declarations word it (the next members of the classes the real
    declarations showed): unnamed wrongdoers by another name, a risk, a roadmap."""
    text = "I assert the law enforcement privilege.\n\n" + said
    assert flag in [f.rule.key for f in check(text, load_standards()).flags]


@pytest.mark.parametrize(
    "said",
    [
        "With the number on page AOL-DEF-00516617, the two smugglers named in Ex. 14 would "
        "know who reported them.",
        "Disclosing Ex. 5 would put the two informants it names at risk of harm.",
    ],
)
def test_specific_harm_is_not_flagged(said: str) -> None:
    """Wrongdoers the documents name are no unnamed wrongdoers; a harm that would follow is
    no hypothetical one because it is a risk."""
    text = "I assert the law enforcement privilege.\n\n" + said
    assert [f.rule.key for f in check(text, load_standards()).flags] == []


def test_opinion_work_product_is_what_a_document_holds_not_the_declarant_s_job() -> None:
    """The real Hall declaration describes the declarant's duties ("supervising the development
    and execution of a strategy ... for responding to each FOIA request"): no document's mental
    impressions."""
    duties = (
        "I assert the work product protection.\n\n(b) This includes supervising the development "
        "and execution of a strategy and individualized approach for responding to each request."
    )
    assert _met(duties, "work-product")["opinion"] is None
    held = "3. The memorandum reflects counsel's mental impressions and litigation strategy."
    assert _met(duties + "\n\n" + held, "work-product")["opinion"] == held[3:]


def test_a_designated_official_is_no_protective_order_designation() -> None:
    said = (
        "2. I have been designated by the Commissioner to assert the privilege because the "
        "records belong to my office."
    )
    text = "I assert the law enforcement privilege.\n\n" + said
    assert _met(text, "law-enforcement")["protective-order"] is None
    tiered = (
        "3. Documents designated Highly Confidential would still reach the plaintiffs' experts, "
        "because the order lets counsel share them with experts."
    )
    assert _met(text + "\n\n" + tiered, "law-enforcement")["protective-order"] == tiered[3:]


@pytest.mark.parametrize(
    "said",
    [
        "A protective order would not adequately protect this information.",
        "No protective order can prevent the harm described above.",
        "The harm cannot be cured by a protective order.",
        "Designating the documents Attorneys' Eyes Only would not eliminate the risk.",
        "The Protective Order does not sufficiently mitigate the harm.",
        "A protective order is no substitute for withholding.",
    ],
)
def test_the_protective_order_dismissed_in_other_words_is_flagged(said: str) -> None:
    text = "I assert the law enforcement privilege.\n\n" + said
    flags = [f.rule.key for f in check(text, load_standards()).flags]
    assert "conclusory-protective-order" in flags
    reasoned = said[:-1] + ", because counsel must show the page to the two witnesses it names."
    assert "conclusory-protective-order" not in [
        f.rule.key for f in check(text.replace(said, reasoned), load_standards()).flags
    ]


@pytest.mark.parametrize(
    ("said", "reviewed"),
    [
        ("I have carefully reviewed the documents withheld.", True),
        ("I have examined each page of Exhibits 1 through 13.", True),
        ("I have read the documents at issue.", True),
        ("I reviewed the documents identified in the privilege log.", True),
        ("My staff reviewed the documents and briefed me on their contents.", False),
        ("The documents were reviewed by attorneys in my office.", False),
        ("I have reviewed the complaint in this action.", False),
    ],
)
def test_personal_review_in_other_words(said: str, reviewed: bool) -> None:
    text = "I assert the law enforcement privilege.\n\n" + said
    for privilege in ("law-enforcement", "deliberative-process"):
        assert (_met(text, privilege)["personal-review"] is not None) is reviewed


def test_exhibits_in_the_plural_identify_documents() -> None:
    text = "I assert the law enforcement privilege.\n\nI withhold Exhibits 1 through 13."
    assert _met(text, "law-enforcement")["documents"] is not None


def test_a_lettered_exhibit_named_with_no_harm_tied_to_it_is_said_as_a_numbered_one() -> None:
    """``Ex. C`` went unread: the harm element was missing for it and no one was told which."""
    harm = (
        "This slide would tell anyone who reads it the one day in the quarter when the teams "
        "are short of six officers."
    )
    text = GOOD.read_text().replace(harm, "The slide is two pages long.")
    lettered = text.replace("Ex. 19", "Ex. C").replace("Exs. 18 and 19", "Exs. 18 and C")
    report = check(lettered, load_standards())
    ((_, findings),) = report.checked
    (finding,) = [f for f in findings if f.element.key == "harm"]
    assert finding.untied == ("AOL-DEF-00516617", "Ex. C")
