"""Whole case files: loaded in one go through the CLI, loaded again without change, refused
with the line and the key, and exported back to the same file and the same record."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clawback.casefile.read import CaseFileError, parse_case_file
from clawback.casefile.write import case_file_text
from clawback.cli import app
from clawback.domain.errors import NotFound, NotPermitted
from clawback.domain.pinpoints import FiledKind, FiledPaper
from clawback.service import Workspace
from clawback.storage import tables as t
from tests.ingest.make import LOOP
from tests.test_cli import make_pdf

runner = CliRunner()

CASE = """\
case:
  number: "No. 1:20-cv-00001"
  court: "United States District Court, Northern District of California"
  caption: "Doe v. Roe"
  state: CA
protective_order: ndcal-model
producing_party: defendant
receiving_party: plaintiff
documents:
  - {file: exhibits/memo.pdf, exhibit: 1, title: "Memo to counsel", designation: Confidential}
  - {file: exhibits/list.pdf, exhibit: 2, designation: Confidential}
  - {file: exhibits/post.pdf, exhibit: 3, public: true}
productions:
  - {volume: VOL001, start: DEF-000001, exhibits: [1, 2, 3], on: 2020-11-02}
items:
  - id: advice
    exhibit: 1
    page: DEF-000001
    what: "counsel's advice"
    text: ["Keep the B-7 notes"]
claims:
  - {id: c1, privilege: attorney_client, exhibits: [1], items: [advice], on: 2020-12-01}
  - {id: c2, privilege: work_product, exhibits: [2], request: compel, on: 2020-12-01}
rulings:
  - {claim: c1, result: granted, on: 2020-12-10}
  - {claim: c2, result: moot, on: 2020-12-10, reason: "MOOT in light of the stipulation."}
  - {claim: c2, result: waived, on: 2021-01-05, reason: "Not prompt: FRE 502(b)(3)."}
seals:
  - {docket: "45", exhibits: [2, 3], kind: non_dispositive, granted: true, on: 2020-12-10}
  - {docket: "46", movant: plaintiff, unseal: true, exhibits: [2], kind: non_dispositive,
     granted: false, on: 2020-12-20, reason: "The names remain confidential."}
  - docket: "order-1"
    movant: court
    exhibits: [1]
    kind: non_dispositive
    granted: true
    on: 2020-12-21
    in_part: {items: [advice], privacy: [ssn], what: "counsel's advice"}
    condition: "file a redacted version of Exhibit 1"
    condition_days: 7
acts:
  - what: "file a public version of Exhibit 3"
    party: defendant
    order_date: 2020-12-10
    within: 14
  - what: "file a joint status report"
    party: joint
    kind: joint_status_report
    order_date: 2020-12-10
    by: 2021-01-15
closures:
  - {day: 2020-12-24, reason: "federal offices closed by executive order"}
filed_papers:
  - file: papers/opposition.pdf
    docket: "ECF No. 52-1"
    kind: declaration
    title: "Declaration of Hanna Ruiz"
    under_seal: true
    items:
      - {id: quoted, at: "page 2", what: "the advice quoted", text: ["counsel said settle now"]}
      - {id: para2, at: "¶ 2", what: "the advice restated"}
"""


def cli(ws: Path, *args: str, ok: bool = True) -> str:
    result = runner.invoke(app, [*args, "-w", str(ws)])
    assert (result.exit_code == 0) is ok, result.output
    return result.output


def init(ws: Path, url: str | None = None) -> None:
    Workspace.init(ws, url).close()


def case_folder(root: Path, text: str = CASE) -> Path:
    (root / "exhibits").mkdir(parents=True)
    make_pdf(root / "exhibits" / "memo.pdf", "Keep the B-7 notes", "page two")
    make_pdf(root / "exhibits" / "list.pdf", "A list of names")
    make_pdf(root / "exhibits" / "post.pdf", "A public post")
    (root / "papers").mkdir()
    make_pdf(root / "papers" / "opposition.pdf", "1. I am counsel.", "2. counsel said settle now")
    (root / "case.yaml").write_text(text, encoding="utf-8")
    return root / "case.yaml"


def seen(ws: Path, url: str | None = None) -> dict[str, object]:
    """The record as the operator reads it: claims and rulings, deadlines, documents, the filed
    paper (its items and where they are)."""
    workspace = Workspace.open(ws, url)
    try:
        record = workspace.operator()
        claims = [
            (c["claim"], c["state"], [(r["result"], r["on"], r["reason"]) for r in c["rulings"]])
            for c in record.claims.status()
        ]
        deadlines = [(d.due, d.says, d.status(d.trigger)) for d in record.deadlines.list()]
        documents = [
            (d.exhibit, d.title, d.designation, str(d.first), d.sealed)
            for d in record.catalog.documents()
        ]
        try:
            paper: object = record.filed_papers.paper("ECF No. 52-1")
        except NotFound:
            paper = None
    finally:
        workspace.close()
    return {"claims": claims, "deadlines": deadlines, "documents": documents, "paper": paper}


def test_a_case_file_loads_whole_then_again_unchanged_and_round_trips(
    tmp_path: Path, database_url: str
) -> None:
    case = case_folder(tmp_path / "given")
    first = tmp_path / "ws1"
    init(first)
    out = cli(first, "load-case", str(case))
    assert "claim c2: waived (amended)" in out and "VOL001: DEF-000001-DEF-000004" in out
    record = seen(first)
    assert record["claims"] == [
        ("c1", "ruled", [("granted", "2020-12-10", "")]),
        (
            "c2",
            "ruled",
            [
                ("moot", "2020-12-10", "MOOT in light of the stipulation."),
                ("waived", "2021-01-05", "Not prompt: FRE 502(b)(3)."),
            ],
        ),
    ]
    # 14 days from 2020-12-10 is 2020-12-24, the court's closure: the act runs to Monday 12-28.
    assert ("2020-12-28", "producing side: file a public version of Exhibit 3") in [
        (str(due), says) for due, says, _ in record["deadlines"]
    ]
    assert [(e, s) for e, _, _, _, s in record["documents"]] == [
        (1, True),
        (2, True),
        (3, False),
        (None, True),  # the declaration, lodged under seal
    ]
    paper = record["paper"]
    assert isinstance(paper, FiledPaper) and paper.kind is FiledKind.declaration
    assert [(i.id, str(i.at), i.texts) for i in paper.items] == [
        ("para2", "¶ 2", ("2. counsel said settle now",)),
        ("quoted", "page 2", ("counsel said settle now",)),
    ]
    assert ("2020-12-28", "producing side: file a redacted version of Exhibit 1") in [
        (str(due), says) for due, says, _ in record["deadlines"]
    ]

    again = cli(first, "load-case", str(case))
    assert again.splitlines() == ["case No. 1:20-cv-00001 loaded"]
    assert seen(first) == record

    cli(first, "export-case", str(tmp_path / "out1" / "case.yaml"))
    # Into a fresh workspace on the other backend, through the service the CLI calls (the CLI
    # leaves its PostgreSQL connection to the collector: see tests/service/test_search.py).
    second = tmp_path / "ws2"
    load_and_export(tmp_path / "out1" / "case.yaml", second, database_url, tmp_path / "out2")
    exported = (tmp_path / "out1" / "case.yaml").read_text(encoding="utf-8")
    assert (tmp_path / "out2" / "case.yaml").read_text(encoding="utf-8") == exported
    assert "designation: Confidential" in exported and "public: true" in exported
    for said in ("movant: court", "in_part:", "condition_days: 7", "unseal: true"):
        assert said in exported
    # The paper beside the case file, its file as filed; its items by pinpoint, the words
    # written only where the pinpoint alone does not find them again.
    given = (tmp_path / "given" / "papers" / "opposition.pdf").read_bytes()
    assert (tmp_path / "out1" / "documents" / "ecf-52-1.pdf").read_bytes() == given
    assert "under_seal: true" in exported and exported.count("counsel said settle now") == 1
    assert seen(second, database_url) == record


def load_and_export(case: Path, ws: Path, url: str, out: Path) -> None:
    workspace = Workspace.init(ws, url)
    try:
        record = workspace.operator()
        parsed = parse_case_file(case.read_text(encoding="utf-8"), str(case))
        record.case_files.load(parsed, case.parent)
        text = case_file_text(record.case_files.export(out))
        (out / "case.yaml").write_text(text, encoding="utf-8")
    finally:
        workspace.close()


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("change", "needle", "says"),
    [
        (
            ("designation: Confidential}", "designaton: Confidential}"),
            "designaton",
            "documents[1].designaton: unknown key",
        ),
        (("exhibit: 2,", "exhibit: 0,"), "exhibit: 0", "documents[2].exhibit: not an exhibit"),
        (("2020-12-01}", "2020-13-01}"), "2020-13-01", "claims[1].on: not a date"),
        (("result: granted,", "result: allowed,"), "allowed", "rulings[1].result: not one of"),
        (("closures:", "closure:"), "closure:", "closure: unknown key"),
        (("party: joint", "party: clerk"), "clerk", "acts[2].party: not one of"),
        (("under_seal:", "sealed:"), "sealed:", "filed_papers[1].sealed: unknown key"),
        (("ECF No. 52-1", "ECF No. 52-x"), "52-x", "filed_papers[1].docket: not a docket"),
        (('at: "page 2"', 'at: "pg 2"'), "pg 2", "filed_papers[1].items[1].at: not a place"),
        (
            ('restated"}', 'restated", text: [x]}'),
            "text: [x]",
            "filed_papers[1].items[2].text: ¶ 2 is found by its number",
        ),
    ],
)
def test_a_bad_key_or_value_is_refused_with_its_line_and_nothing_is_entered(
    tmp_path: Path, change: tuple[str, str], needle: str, says: str
) -> None:
    text = CASE.replace(*change, 1)
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    out = cli(ws, "load-case", str(case), ok=False)
    assert f"case.yaml:{_line_of(text, needle)}: {says}" in out, out
    assert len(out.strip().splitlines()) == 1
    workspace = Workspace.open(ws)
    try:
        with workspace.operator().transaction() as s:
            assert s.get(t.Matter, 1) is None
    finally:
        workspace.close()


def test_a_file_that_names_what_it_does_not_define_enters_nothing(tmp_path: Path) -> None:
    text = CASE.replace("{claim: c1, result: granted", "{claim: c9, result: granted")
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    out = cli(ws, "load-case", str(case), ok=False)
    assert "rulings[1]: no claim c9 among the case file's claims" in out
    assert "loaded" not in out


def test_a_case_needs_no_caption_keys_it_does_not_use_but_every_required_one(
    tmp_path: Path,
) -> None:
    text = CASE.replace('  caption: "Doe v. Roe"\n', "")
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    out = cli(ws, "load-case", str(case), ok=False)
    assert f"case.yaml:{_line_of(text, 'number:')}: case: lacks caption" in out


def test_an_unquoted_on_key_is_the_word_not_yaml_true(tmp_path: Path) -> None:
    # YAML 1.1 reads a bare `on` as true; the case file's keys are taken as written.
    case = case_folder(tmp_path / "given", textwrap.dedent(CASE))
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case))
    cli(ws, "export-case", str(tmp_path / "out" / "case.yaml"))
    assert "'on': 2020-11-02" in (tmp_path / "out" / "case.yaml").read_text(encoding="utf-8")


def test_a_case_with_no_protective_order_loads_and_round_trips_without_one(
    tmp_path: Path,
) -> None:
    text = CASE.replace("protective_order: ndcal-model\n", "").replace(
        ", designation: Confidential}", "}"
    )
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    assert "claim c2: waived (amended)" in cli(ws, "load-case", str(case))
    out = tmp_path / "out" / "case.yaml"
    cli(ws, "export-case", str(out))
    exported = out.read_text(encoding="utf-8")
    assert "protective_order" not in exported and "designation" not in exported
    assert "no tier 'Confidential': the case has no protective order" in cli(
        ws, "designate", "Ex. 2", "Confidential", ok=False
    )


def test_a_designation_without_a_protective_order_is_refused_at_its_line(tmp_path: Path) -> None:
    text = CASE.replace("protective_order: ndcal-model\n", "")
    case = case_folder(tmp_path / "given", text)
    ws = tmp_path / "ws"
    init(ws)
    out = cli(ws, "load-case", str(case), ok=False)
    line = _line_of(text, "memo.pdf")
    assert f"case.yaml:{line}: documents[1].designation: the case file gives no protective" in out


def test_only_the_operator_exports_the_whole_record(tmp_path: Path) -> None:
    case = case_folder(tmp_path / "given")
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case))
    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add(
            "defense@example.com", name="Defense", side="producing", category="outside_counsel"
        )
        operator.people.add("clerk@example.com", name="Clerk", side="court", category="court")
        for email in ("defense@example.com", "clerk@example.com"):
            seat = workspace.person(email)
            with pytest.raises(NotPermitted, match="may not export the whole record"):
                seat.case_files.export(tmp_path / "out")
    finally:
        workspace.close()
    assert not (tmp_path / "out").exists()
    refused = runner.invoke(
        app,
        [
            "--as",
            "defense@example.com",
            "export-case",
            str(tmp_path / "o" / "c.yaml"),
            "-w",
            str(ws),
        ],
    )
    assert refused.exit_code == 1 and "may not export the whole record" in refused.output
    assert not (tmp_path / "o").exists()


def test_only_the_operator_loads_a_whole_case_file(tmp_path: Path) -> None:
    """A case file carries every side's acts (the producing side's claims, the court's rulings)
    and loading it checks names against the whole record: a seat could learn from "already
    entered" what it may not see. The producing side and the court are refused, nothing entered."""
    case = case_folder(tmp_path / "given")
    matter_only = case.with_name("matter.yaml")
    matter_only.write_text(CASE.split("documents:")[0], encoding="utf-8")
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(matter_only))
    workspace = Workspace.open(ws)
    try:
        operator = workspace.operator()
        operator.people.add(
            "defense@example.com", name="Defense", side="producing", category="outside_counsel"
        )
        operator.people.add("clerk@example.com", name="Clerk", side="court", category="court")
    finally:
        workspace.close()
    before = seen(ws)
    for email in ("defense@example.com", "clerk@example.com"):
        refused = runner.invoke(app, ["--as", email, "load-case", str(case), "-w", str(ws)])
        assert refused.exit_code == 1, refused.output
        assert "may not load a whole case file" in refused.output
        assert refused.output.count("\n") == 1, refused.output
    assert seen(ws) == before
    cli(ws, "load-case", str(case))
    assert seen(ws) != before


def test_a_later_load_seals_a_filed_paper_but_never_unseals_it(tmp_path: Path) -> None:
    served = CASE.replace("    under_seal: true\n", "")
    case = case_folder(tmp_path / "given", served)
    ws = tmp_path / "ws"
    init(ws)
    assert "ECF No. 52-1: DOC-" in cli(ws, "load-case", str(case))
    assert seen(ws)["documents"][-1][-1] is False  # type: ignore[index]
    case.write_text(CASE, encoding="utf-8")  # the court has since sealed it
    assert [x.strip() for x in cli(ws, "load-case", str(case)).splitlines()] == [
        "ECF No. 52-1: sealed",
        "case No. 1:20-cv-00001 loaded",
    ]
    assert seen(ws)["documents"][-1][-1] is True  # type: ignore[index]
    case.write_text(served, encoding="utf-8")
    out = cli(ws, "load-case", str(case), ok=False)
    assert "ECF No. 52-1 is under seal in the record; a case file does not unseal it" in out
    assert seen(ws)["documents"][-1][-1] is True  # type: ignore[index]


def test_a_damaged_document_is_one_line_saying_what_is_entered_and_a_second_load_ends_it(
    tmp_path: Path,
) -> None:
    """A document found damaged only as it is read: the case file was valid, so the matter
    and the documents before it are in the record. The line says so (it said only that the
    file was refused), and once the file is replaced, loading again enters the rest, nothing
    twice, the record as a load that never failed leaves it."""
    case = case_folder(tmp_path / "given")
    good = (tmp_path / "given" / "exhibits" / "list.pdf").read_bytes()
    (tmp_path / "given" / "exhibits" / "list.pdf").write_bytes(LOOP)
    ws = tmp_path / "ws"
    init(ws)
    out = cli(ws, "load-case", str(case), ok=False)
    assert out.strip() == (
        "error: documents: exhibits/list.pdf: refused: damaged PDF: cycle in page tree "
        "(the matter and the documents before it are entered: replace the file and load "
        "again, which enters only what is new)"
    ), out
    (tmp_path / "given" / "exhibits" / "list.pdf").write_bytes(good)
    cli(ws, "load-case", str(case))
    clean = tmp_path / "clean"
    init(clean)
    cli(clean, "load-case", str(case))
    assert seen(ws) == seen(clean)


def _alias_bomb(levels: int) -> str:
    """A case file whose one value is a list of lists ten wide, ``levels`` deep, each level
    naming the one below by an alias: ten to the ``levels`` values from a few lines."""
    lines = ["declarations:", '  - &l0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"  - &l{n} [{','.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join([*lines, f"case: {{number: *l{levels - 1}, court: x, caption: y}}", ""])


def test_a_case_file_whose_aliases_expand_past_the_most_is_refused_unread() -> None:
    """Eight lines of anchors and aliases, a hundred million values: load-case read them into
    memory for 48 s and ended in a MemoryError traceback (under a 3 GB limit; the machine's
    memory without one)."""
    with pytest.raises(CaseFileError) as refused:
        parse_case_file(_alias_bomb(8), "bomb.yaml")
    assert str(refused.value) == (
        "bomb.yaml: its aliases make it more than 1,000,000 values (a YAML bomb?)"
    )


def test_a_case_file_naming_one_anchor_a_few_times_is_read_and_quoted_cut_short() -> None:
    """Read on, to the value's own refusal, which quoted the whole value (a thousand values
    here; the bomb's hundred million made the MemoryError)."""
    with pytest.raises(CaseFileError) as refused:
        parse_case_file(_alias_bomb(3), "bomb.yaml")
    assert str(refused.value) == (
        "bomb.yaml:4: case.number: not a text: [[[...], [...], [...], [...], ...], "
        "[[...], [...], [...], [...], ...], [[...], [...], [...], [...], ...], "
        "[[...], [...], [...], [...], ...], ...]"
    )


def test_a_case_file_nested_past_what_can_be_read_is_named() -> None:
    """3,000 lists in each other: 'a damaged file could not be read (maximum recursion depth
    exceeded)', naming no file."""
    deep = "case: " + "[" * 3000 + "]" * 3000 + "\n"
    with pytest.raises(CaseFileError) as refused:
        parse_case_file(deep, "deep.yaml")
    assert str(refused.value) == "deep.yaml: lists or mappings nested too deep to read"
