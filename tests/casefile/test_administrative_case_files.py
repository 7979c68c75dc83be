"""Administrative motions to seal in a case file: an Administrative Motion to File Under Seal on
an exhibit and one to Consider Whether Another Party's Material Should Be Sealed on a filed
paper, loaded, drafted by their own names, exported, loaded on the other backend and exported to
the same text; a form the rules do not know is refused with its line."""

from __future__ import annotations

from pathlib import Path

from tests.casefile.test_case_files import CASE, case_folder, cli, init, load_and_export

ADMINISTRATIVE = CASE.replace(
    """acts:
""",
    """  - {docket: "134", form: administrative, exhibits: [2], kind: non_dispositive,
     granted: true, on: 2020-12-22}
  - {docket: "88", form: other_partys_material, movant: plaintiff, papers: ["ECF No. 52-1"],
     kind: non_dispositive, granted: false, on: 2020-12-22}
acts:
""",
)


def test_administrative_motions_load_draft_and_round_trip(
    tmp_path: Path, database_url: str
) -> None:
    case = case_folder(tmp_path / "given", ADMINISTRATIVE)
    first = tmp_path / "ws1"
    init(first)
    cli(first, "load-case", str(case))
    drafted = cli(first, "draft-order", "--producing", "Defendant", "--receiving", "Plaintiff")
    assert "Defendant's Administrative Motion to File Under Seal (Dkt. No. 134) is GRANTED." in (
        drafted
    )
    assert (
        "Plaintiff's Administrative Motion to Consider Whether Another Party's Material Should "
        "Be Sealed (Dkt. No. 88) is DENIED." in drafted
    )
    assert "Motion to Seal (Dkt. No. 45) is" in drafted  # a noticed motion keeps its name

    cli(first, "export-case", str(tmp_path / "out1" / "case.yaml"))
    exported = (tmp_path / "out1" / "case.yaml").read_text(encoding="utf-8")
    assert exported.count("form: administrative") == 1
    assert exported.count("form: other_partys_material") == 1
    assert "form: motion" not in exported  # the default is not written
    second = tmp_path / "ws2"
    load_and_export(tmp_path / "out1" / "case.yaml", second, database_url, tmp_path / "out2")
    assert (tmp_path / "out2" / "case.yaml").read_text(encoding="utf-8") == exported


def test_a_form_the_rules_do_not_know_is_refused_with_its_line(tmp_path: Path) -> None:
    case = case_folder(
        tmp_path / "given", ADMINISTRATIVE.replace("form: administrative", "form: admin")
    )
    ws = tmp_path / "ws"
    init(ws)
    said = cli(ws, "load-case", str(case), ok=False)
    line = next(
        n for n, text in enumerate(case.read_text("utf-8").splitlines(), 1) if "form: admin" in text
    )
    assert f"case.yaml:{line}: seals[4].form: not one of motion, administrative, " in said
