"""A received volume's defects, each said in one line naming its record, and nothing of the
volume merged or dropped: on volumes made here (and the real Relativity sample), imported by
the receiving side."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from clawback.cli import app
from clawback.domain.bates import BatesNumber, BatesRange
from clawback.domain.errors import NotFound
from clawback.loadfiles import OptPage, defects, write_dat, write_opt
from clawback.service import Workspace
from clawback.service.received import describe
from clawback.storage import tables as t
from tests.ingest.make import scan_png, text_pdf
from tests.loadfiles.test_volume_import import FOLDER

FIELDS = ["BEGBATES", "ENDBATES", "SUBJECT", "MD5HASH", "PRIVILEGE", "CONFIDENTIALITY"]


def _volume(
    root: Path,
    rows: list[list[str]],
    images: list[str],
    natives: dict[str, bytes] | None = None,
    fields: list[str] = FIELDS,
) -> tuple[Path, Path]:
    """A volume in ``root``: a DAT of ``rows``, an OPT of one single-page document per key in
    ``images`` (a small scan each), and natives by name under NATIVES/."""
    (root / "IMAGES").mkdir(parents=True)
    picture = scan_png("Page", dpi=40)
    pages = []
    for key in images:
        (root / "IMAGES" / f"{key}.png").write_bytes(picture)
        pages.append(OptPage(key, "VOL1", f".\\IMAGES\\{key}.png", True, "", "", 1))
    for name, data in (natives or {}).items():
        (root / "NATIVES").mkdir(exist_ok=True)
        (root / "NATIVES" / name).write_bytes(data)
    dat, opt = root / "VOL1.dat", root / "VOL1.opt"
    dat.write_bytes(write_dat(fields, rows))
    opt.write_bytes(write_opt(pages))
    return dat, opt


def test_every_defect_class_is_one_line_naming_its_record(ws: Workspace, tmp_path: Path) -> None:
    h = "6F1D87ACFDB01ABE109AA5DA3F24031D"
    rows = [
        ["ABC0001", "ABC0001", "Budget", h, "", ""],
        ["ABC0002", "ABC0002", "Plans", "", "", ""],  # no hash
        ["ABC0005", "ABC0005", "(S//NF) Troop movements", h, "", ""],  # 3-4 missing; marked
        ["ABC0006", "ABC0006", "Advice", h, "Attorney-Client", "WITHHELD - PRIVILEGED"],
        ["ABC0007", "ABC0007", "Not imaged", h, "", ""],  # in no OPT line
    ]
    dat, opt = _volume(tmp_path / "vol", rows, ["ABC0001", "ABC0002", "ABC0005", "ABC0006",
                                                "ABC0009"])  # fmt: skip
    report = ws.imports.volume(tmp_path / "vol", dat, opt)
    lines = report.problems
    assert "row 2 (ABC0002): empty hash field(s): MD5HASH" in lines
    assert (
        "row 3 (ABC0005): Bates gap: ABC0003-ABC0004 (2 page(s)) missing after row 2 (ABC0002)"
        in lines
    )
    assert "row 3 (ABC0005): classification marking '(S//NF)' in SUBJECT" in lines
    assert (
        "row 4 (ABC0006): marked privileged or withheld (PRIVILEGE 'Attorney-Client', "
        "CONFIDENTIALITY 'WITHHELD - PRIVILEGED'): its pages may be a slip sheet" in lines
    )
    assert "row 5 (ABC0007): in the DAT but not in the OPT: it has no page images" in lines
    assert (
        "row 6 (ABC0009): only in the OPT (line 5), not in the DAT: its images come "
        "without fields" in lines
    )
    assert "row 6 (ABC0009): Bates gap: ABC0008 (1 page(s)) missing after row 5 (ABC0007)" in lines
    # A slip sheet's "WITHHELD" is no designation: said once, as withheld, not as a tier.
    assert not [line for line in lines if "no tier" in line]
    # Every line names one record; the sound ones are named by none.
    assert not [line for line in lines if line.startswith("row 1 ")]
    assert all(line.startswith("row ") for line in lines)
    imported = {i.theirs for i in report.imported}
    assert {"ABC0001", "ABC0002", "ABC0005", "ABC0006", "ABC0009"} <= imported


def test_a_control_number_twice_with_an_opt_keeps_the_first_row_and_its_images(
    ws: Workspace, tmp_path: Path
) -> None:
    rows = [
        ["ABC0001", "ABC0001", "First", "x", "", ""],
        ["ABC0001", "ABC0001", "Second", "x", "", ""],
    ]
    dat, opt = _volume(tmp_path / "vol", rows, ["ABC0001"])
    report = ws.imports.volume(tmp_path / "vol", dat, opt)
    [doc] = report.imported  # today neither row comes in
    assert (doc.theirs, doc.row, doc.source, doc.bates) == ("ABC0001", 1, "images", "ABC0001")
    assert report.problems == ["row 2 (ABC0001): duplicate control number (first on row 1)"]
    with ws.transaction() as s:
        kept = s.scalar(select(t.Document).where(t.Document.control == doc.control))
        assert kept is not None and kept.meta["subject"] == "First"


def test_identical_natives_are_duplicates_of_each_other_each_with_its_fields(
    ws: Workspace,
) -> None:
    """One import of the sample volume that repeats both files and a control number: every
    row a document of its own, recorded as duplicates; the repeated control number said once."""
    # load_file_07_1.dat: twelve rows, six naming EDRM-Sample7.ppt and six EDRM-Sample8.png.
    report = ws.imports.volume(FOLDER, FOLDER / "load_file_07_1.dat")
    theirs = [f"Sample_{n:07d}" for n in range(71, 83) if n != 74]  # 73 twice: first kept
    assert [i.theirs for i in report.imported] == theirs
    assert len({i.control for i in report.imported}) == 11  # today: 2, the rest merged
    by_file: dict[str, list[str]] = {}
    for i in report.imported:
        by_file.setdefault(i.file, []).append(i.control)
    assert sorted(len(group) for group in by_file.values()) == [5, 6]
    for i in report.imported:
        assert set(i.duplicates) == set(by_file[i.file]) - {i.control}
    with ws.transaction() as s:
        docs = {
            d.meta["control_number"]: d
            for d in s.scalars(select(t.Document).where(t.Document.kind == "received"))
        }
        for i in report.imported:  # each row's own fields, kept
            assert docs[i.theirs].meta["control_number"] == i.theirs
            assert set(docs[i.theirs].meta["duplicates"]) == set(i.duplicates)
        # one file, read once: its rows' pages are one PDF (not a rendering a row)
        pdfs = {i.file: {docs[j.theirs].original for j in report.imported if j.file == i.file}
                for i in report.imported}  # fmt: skip
        assert all(len(made) == 1 for made in pdfs.values())
    later = [p for p in report.problems if "byte for byte" in p]
    assert len(later) == 9
    assert later[0] == (
        f"row 3 ({theirs[2]}): its file is byte for byte row 1's ({theirs[0]}): imported as "
        f"{report.imported[2].control}, recorded as a duplicate of {report.imported[0].control}"
    )
    assert all(", duplicate of RCV-" in line for line in describe(report))
    # the same volume repeats a control number: said once, the first row kept
    assert [p for p in report.problems if "duplicate control" in p] == [
        "row 4 (Sample_0000073): duplicate control number (first on row 3)"
    ]
    named = [(p.split("(")[1].split(")")[0], p) for p in report.problems]
    # a refused row's control number, not a note on a row that is in (a duplicate native, a
    # conversion's warning)
    refused = [c for c, p in named if c not in theirs or "duplicate control" in p]
    assert sorted(theirs + refused) == sorted([*theirs, "Sample_0000073"])


def test_received_designations_are_applied_and_shown(ws: Workspace, tmp_path: Path) -> None:
    fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
    natives = {f"{n}.pdf": text_pdf(f"Document {n}") for n in range(1, 5)}
    rows = [
        ["ABC0001", "ABC0001", ".\\NATIVES\\1.pdf", "CONFIDENTIAL"],
        ["ABC0002", "ABC0002", ".\\NATIVES\\2.pdf", "HIGHLY CONFIDENTIAL - ATTORNEYS EYES ONLY"],
        ["ABC0003", "ABC0003", ".\\NATIVES\\3.pdf", "RESTRICTED"],
        ["ABC0004", "ABC0004", ".\\NATIVES\\4.pdf", ""],
    ]
    dat, _ = _volume(tmp_path / "vol", rows, [], natives, fields)
    report = ws.imports.volume(tmp_path / "vol", dat)
    assert [i.designation for i in report.imported] == ["Confidential", "AEO", "AEO", None]
    assert report.problems == [
        "row 3 (ABC0003): designation 'RESTRICTED' is no tier of the protective order: treated "
        "as Highly Confidential - Attorneys' Eyes Only until the parties settle it"
    ]
    shown = describe(report)
    assert ", designated Confidential" in shown[0] and ", designated AEO" in shown[1]
    assert "designated" not in shown[3]
    with ws.transaction() as s:
        tiers = [
            s.scalar(select(t.Document.tier).where(t.Document.control == i.control))
            for i in report.imported
        ]
        notes = s.scalars(select(t.Designation.note).order_by(t.Designation.id)).all()
    assert tiers == ["Confidential", "AEO", "AEO", None]
    assert notes[1] == (
        "as received: 'HIGHLY CONFIDENTIAL - ATTORNEYS EYES ONLY' (volume VOL1, ABC0002)"
    )
    # The designation governs at once: the receiving side's own employee, whom the AEO tier
    # does not admit, finds the AEO documents exactly as absent, by listing, number or page.
    ws.ctx.workspace.operator().people.add(
        "emp@other.test", name="E", side="receiving", category="party_officers_directors_employees"
    )
    employee = ws.ctx.workspace.person("emp@other.test")
    try:
        listed = {d.ref for d in employee.catalog.documents()}
        assert listed == {"ABC0001", "ABC0004"}
        for hidden in ("ABC0002", "ABC0003"):
            with pytest.raises(NotFound, match=f"^no page {hidden}$"):
                employee.reads.page_text(hidden)
        assert "Document 1" in employee.reads.page_text("ABC0001")
    finally:
        employee.close()


def test_the_defect_finders_on_their_own() -> None:
    assert defects.classification_markings({"Subject": "TOP SECRET//SI plans"}) == [
        "classification marking 'TOP SECRET//SI' in Subject"
    ]
    assert defects.classification_markings({"Subject": "(U) Lunch"}) == [
        "classification marking '(U)' in Subject"
    ]
    clean = {"Subject": "Trade secret (c) 2001 (C) 2002", "Custodian": "Secret Service"}
    assert defects.classification_markings(clean) == []
    assert defects.privilege_marks({"Privilege": "N", "Confidentiality": "AEO"}) == []
    assert defects.empty_hashes({"MD5 Hash": " ", "SHA1": "ab", "Subject": ""}) == [
        "empty hash field(s): MD5 Hash"
    ]
    a = BatesRange(BatesNumber.parse("X001"), BatesNumber.parse("X003"))
    b = BatesRange(BatesNumber.parse("X003"), BatesNumber.parse("X004"))
    other = BatesRange.single(BatesNumber.parse("Y010"))
    assert defects.bates_gaps([("a", a), ("b", b), ("y", other), ("none", None)]) == {
        1: "Bates numbers from X003 on overlap a (to X003)"
    }


def test_volume_check_lists_every_defect_and_imports_nothing(tmp_path: Path) -> None:
    rows = [
        ["ABC0001", "ABC0001", "Budget", "", "", ""],
        ["ABC0004", "ABC0004", "TOP SECRET//NOFORN", "x", "", ""],
        ["ABC0004", "ABC0004", "Again", "x", "", ""],
    ]
    _volume(tmp_path / "vol", rows, ["ABC0001", "ABC0004", "ABC0009"])
    result = CliRunner().invoke(app, ["volume", "check", str(tmp_path / "vol")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "row 1 (ABC0001): empty hash field(s): MD5HASH",
        "row 2 (ABC0004): Bates gap: ABC0002-ABC0003 (2 page(s)) missing after row 1 (ABC0001)",
        "row 2 (ABC0004): classification marking 'TOP SECRET//NOFORN' in SUBJECT",
        "row 3 (ABC0004): duplicate control number (first on row 2)",
        "row 4 (ABC0009): only in the OPT (line 3), not in the DAT: its images come without fields",
        "row 4 (ABC0009): Bates gap: ABC0005-ABC0008 (4 page(s)) missing after row 2 (ABC0004)",
    ]
    assert sorted(p.name for p in (tmp_path / "vol").iterdir()) == [
        "IMAGES",
        "VOL1.dat",
        "VOL1.opt",
    ]


# -- a record's stated range, and the files its rows name, as the import will find them ------


_UNREAD_SPANS = [
    ["ABC0005", "ABC0003", "Ends before it begins", "x", "", ""],
    ["ABC0006", "XYZ0012", "Ends in another series", "x", "", ""],
    ["ABC" + "9" * 19, "ABC" + "9" * 19, "Past 18 digits", "x", "", ""],
]


def test_a_stated_bates_range_that_does_not_read_is_said_not_dropped(
    sqlite_ws: Workspace, tmp_path: Path
) -> None:
    """ENDBATES before BEGBATES, in another prefix, or a number past 18 digits: the import
    took the record with no Bates range, or its OPT's, and said nothing."""
    dat, opt = _volume(tmp_path / "vol", _UNREAD_SPANS, [r[0] for r in _UNREAD_SPANS])
    report = sqlite_ws.imports.volume(tmp_path / "vol", dat, opt)
    assert report.problems == [
        "row 1 (ABC0005): its stated Bates range is not used: Bates range ends before it "
        "begins: 'ABC0005-ABC0003'",
        "row 2 (ABC0006): its stated Bates range is not used: prefixes differ in range: "
        "'ABC0006-XYZ0012'",
        f"row 3 (ABC{'9' * 19}): its stated Bates range is not used: Bates number of more "
        f"than 18 digits: 'ABC{'9' * 19}'",
    ]
    assert [i.theirs for i in report.imported] == [r[0] for r in _UNREAD_SPANS]


def test_volume_check_says_each_file_a_row_names_that_import_would_not_find(
    tmp_path: Path,
) -> None:
    """A page image missing or named outside the volume, a PDF or a text file missing: the
    import refused the record (or took it without its text) while ``volume check`` said 'no
    defect found'."""
    rows = [[f"ABC000{n}", f"ABC000{n}", "S", "x", "", "", "", ""] for n in range(1, 6)]
    rows[3][6] = ".\\TEXT\\ABC0004.txt"
    rows[4][7] = ".\\PDF\\ABC0005.pdf"
    fields = [*FIELDS, "TEXTPATH", "PDFPATH"]
    root = tmp_path / "vol"
    _, opt = _volume(root, rows, ["ABC0001", "ABC0002", "ABC0003", "ABC0004"], fields=fields)
    (root / "IMAGES" / "ABC0002.png").unlink()
    (tmp_path / "outside.png").write_bytes((root / "IMAGES" / "ABC0001.png").read_bytes())
    opt.write_bytes(opt.read_bytes().replace(b".\\IMAGES\\ABC0003.png", b"..\\outside.png"))
    result = CliRunner().invoke(app, ["volume", "check", str(root)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines() == [
        "row 2 (ABC0002): image .\\IMAGES\\ABC0002.png (page ABC0002) is not in the volume",
        "row 3 (ABC0003): path '..\\\\outside.png' climbs out of the volume folder",
        "row 4 (ABC0004): text file .\\TEXT\\ABC0004.txt is not in the volume",
        "row 5 (ABC0005): in the DAT but not in the OPT: it has no page images",
        "row 5 (ABC0005): PDF .\\PDF\\ABC0005.pdf is not in the volume",
    ]
