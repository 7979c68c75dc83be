"""``move-to-seal --form`` and ``seal --form``: an Administrative Motion to Consider Whether Another
Party's Material Should Be Sealed (N.D. Cal. Civil L.R. 79-5(f)) is brought by a party that did
not designate, so the designating party's 7-day statement is due without being asked for; a
ruling keeps the form the motion was recorded in; the drafted order names the motion by it."""

from __future__ import annotations

from pathlib import Path

from tests.casefile.test_case_files import case_folder, cli, init

ADMIN_79_5_F = "other_partys_material"


def test_a_motion_for_another_partys_material_sets_the_designating_partys_statement(
    tmp_path: Path,
) -> None:
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case_folder(tmp_path / "given")))
    common = ["--exhibit", "2", "--kind", "non_dispositive", "--filed-on", "2021-02-01"]
    refused = cli(ws, "move-to-seal", "88", *common, "--form", ADMIN_79_5_F,
                  "--by-designating-party", ok=False)  # fmt: skip
    assert refused == (
        "error: motion Dkt. 88: an Administrative Motion to Consider Whether Another Party's "
        "Material Should Be Sealed is brought by a party that did not designate the material\n"
    )
    said = cli(ws, "move-to-seal", "88", *common, "--form", ADMIN_79_5_F, "--movant",
               "receiving", "--local-rule", "ndcal-79-5").splitlines()  # fmt: skip
    assert said[0] == (
        "administrative motion to consider whether another party's material should be sealed "
        "Dkt. 88 recorded"
    )
    assert said[1].startswith("  due 2021-02-08: ")  # 7 days, L.R. 79-5(f)(3)
    assert said[1].endswith(
        "producing side: file a statement supporting the sealing of Ex. 2 (administrative motion "
        "to consider whether another party's material should be sealed, Dkt. 88)"
    )

    wrong = cli(ws, "seal", "88", "--exhibit", "2", "--kind", "non_dispositive", "--denied",
                "--on", "2021-02-10", "--form", "administrative", ok=False)  # fmt: skip
    assert wrong.startswith("error: motion Dkt. 88 is on record as 'other_partys_material' (")
    cli(ws, "seal", "88", "--exhibit", "2", "--kind", "non_dispositive", "--denied",
        "--on", "2021-02-10")  # fmt: skip
    drafted = cli(ws, "draft-order", "--producing", "Defendant", "--receiving", "Plaintiff")
    assert (
        "Plaintiff's Administrative Motion to Consider Whether Another Party's Material Should "
        "Be Sealed (Dkt. No. 88) is DENIED as to " in drafted
    )


def test_an_administrative_motion_is_named_so_and_an_unknown_form_refused(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    init(ws)
    cli(ws, "load-case", str(case_folder(tmp_path / "given")))
    common = ["--exhibit", "2", "--kind", "non_dispositive"]
    refused = cli(ws, "move-to-seal", "134", *common, "--filed-on", "2021-02-01",
                  "--form", "admin", ok=False)  # fmt: skip
    assert refused == (
        "error: no form of motion 'admin': one of motion, administrative, other_partys_material\n"
    )
    said = cli(ws, "move-to-seal", "134", *common, "--filed-on", "2021-02-01",
               "--form", "administrative", "--movant", "producing")  # fmt: skip
    assert said == "administrative motion to file under seal Dkt. 134 recorded\n"
    cli(ws, "seal", "134", *common, "--on", "2021-02-10")  # the form as recorded
    drafted = cli(ws, "draft-order", "--producing", "Defendant", "--receiving", "Plaintiff")
    assert "Defendant's Administrative Motion to File Under Seal (Dkt. No. 134) is GRANTED." in (
        drafted
    )
