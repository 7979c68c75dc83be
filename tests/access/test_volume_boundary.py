"""A production volume is its side's: a volume the receiving side imported (a third party's
production it received, its own collection) is, to the producing side, a volume that is not
there: not listed on the productions page, not exported, not withdrawn, not named when a number
is refused, not resumed; and an import named as one of the producing side's volumes is a volume
of its own, never that one.

Before: the producing side's productions page listed the receiving side's imported volume
(name, Bates span, documents), ``volume export`` wrote its documents out, ``volume withdraw``
released them, and an import named ``VOL1`` stretched the producing side's VOL1 to its pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clawback.demo.run import reference_case
from clawback.domain.errors import NotFound
from clawback.loadfiles import write_dat
from clawback.service import Via, Workspace
from clawback.storage import tables as t
from tests.ingest.make import eml_with, text_pdf

PRODUCING = "prod@def.test"
COUNSEL = "counsel@plf.test"


def _volume(folder: Path, name: str, rows: list[tuple[str, str, str, bytes]]) -> Path:
    """A volume named ``name``: one record per row (begin, end, native file name, its bytes)."""
    (folder / "NATIVES").mkdir(parents=True)
    for _, _, native, data in rows:
        (folder / "NATIVES" / native).write_bytes(data)
    table = [[begin, end, f".\\NATIVES\\{native}"] for begin, end, native, _ in rows]
    (folder / f"{name}.dat").write_bytes(write_dat(["BEGBATES", "ENDBATES", "NATIVEPATH"], table))
    return folder / f"{name}.dat"


@pytest.fixture
def world(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.init(tmp_path / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(PRODUCING, name="P", side="producing", category="counsel")
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    for k in (1, 2):
        op.ingest.ingest(text_pdf(f"memo {k}"), title=f"memo {k}", exhibit=k)
    op.productions.produce([1], "TST-00000001", "VOL1")
    counsel = workspace.person(COUNSEL, Via.web)
    third = text_pdf("a third party's page one", "its page two")
    dat = _volume(tmp_path / "tp", "SUBPOENA", [("TP-00000001", "TP-00000002", "a.pdf", third)])
    assert len(counsel.imports.volume(tmp_path / "tp", dat).imported) == 1
    yield workspace
    workspace.close()


def _said(call: Callable[[], Any], name: str) -> tuple[str, str]:
    try:
        result = call()
    except Exception as exc:
        return type(exc).__name__, str(exc).replace(name, "<NAME>")
    return "ok", repr(result).replace(name, "<NAME>")


def _continued(record: Any, prefix: str) -> tuple[str, str]:
    return _said(
        lambda: record.productions.produce([2], None, "VOL2", continue_from=prefix), prefix
    )


def test_the_receiving_sides_imported_volume_is_absent_to_the_producing_side(
    world: Workspace, tmp_path: Path
) -> None:
    producing = world.person(PRODUCING, Via.web)
    listed = [v.volume for v in producing.volume_status.volumes()]
    assert listed == ["VOL1"], listed
    verbs: dict[str, Callable[[str], Any]] = {
        "status": producing.volume_status.volume,
        "export": lambda v: producing.volumes.export(v, tmp_path / "out"),
        "withdraw": lambda v: producing.productions.withdraw(v, "served in error"),
        "abandon": lambda v: producing.productions.abandon(v, "cannot finish"),
        "produced": producing.productions.produced,
    }
    for verb, call in verbs.items():
        hidden = _said(lambda c=call: c("SUBPOENA"), "SUBPOENA")  # type: ignore[misc]
        absent = _said(lambda c=call: c("NOSUCHVOL"), "NOSUCHVOL")  # type: ignore[misc]
        assert hidden == absent, (verb, hidden, absent)
    assert not (tmp_path / "out" / "SUBPOENA").exists()
    counsel = world.person(COUNSEL, Via.web)
    assert counsel.reads.show("RCV-000001")["bates"] == "TP-00000001-TP-00000002"


def test_a_refused_number_names_no_volume_of_another_side(world: Workspace) -> None:
    """The producing side numbering into the series of the receiving side's import is refused
    (one Bates number, one page), in words that name no volume of theirs nor its span."""
    producing = world.person(PRODUCING, Via.web)
    kind, words = _said(
        lambda: producing.productions.produce([2], "TP-00000002", "VOL2", allow_gap="x"), "\x00"
    )
    assert kind == "RuleViolation"
    assert "SUBPOENA" not in words and "TP-00000001" not in words, words
    # their volume is no earlier volume of the producing side's to number on from
    assert _continued(producing, "TP") == _continued(producing, "QQ")


def test_an_import_named_as_the_producing_sides_volume_is_a_volume_of_its_own(
    world: Workspace, tmp_path: Path
) -> None:
    counsel = world.person(COUNSEL, Via.web)
    page = text_pdf("the receiving side's own page")
    dat = _volume(tmp_path / "v1", "VOL1", [("ZZ-00000001", "ZZ-00000001", "z.pdf", page)])
    assert len(counsel.imports.volume(tmp_path / "v1", dat).imported) == 1
    producing = world.person(PRODUCING, Via.web)
    vol1 = producing.volume_status.volume("VOL1")
    assert (str(vol1.first), str(vol1.last), vol1.documents) == ("TST-00000001",) * 2 + (1,)


EMPLOYEE = "staff@plf.test"


@pytest.fixture(scope="module")
def tiers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Path]]:
    """TST-00000001 (Confidential) and TST-00000002 (AEO) produced; a receiving-side employee
    sees the first and may not know of the second."""
    where = tmp_path_factory.mktemp("tiers")
    workspace = Workspace.init(where / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    for k, tier in ((1, "Confidential"), (2, "AEO")):
        op.ingest.ingest(text_pdf(f"memo {k}"), title=f"memo {k}", exhibit=k)
        op.designations.designate(k, tier)
    op.productions.produce([1, 2], "TST-00000001", "VOL1")
    yield workspace, where
    workspace.close()


def test_an_import_citing_a_hidden_bates_number_answers_as_one_citing_an_absent_one(
    tiers: tuple[Workspace, Path],
) -> None:
    """The record's Bates numbers are one namespace per series, each series its side's: a
    receiving-side import numbered in the producing side's series is refused for the series,
    whichever number it cites (the employee's hidden AEO page, a page they see, or a number no
    page holds); before, the hidden page's number answered "already in the record" and an
    absent one imported, so a probe told which numbers the employee's tier withholds."""
    workspace, where = tiers
    employee = workspace.person(EMPLOYEE, Via.web)
    said = {}
    for n, bates in enumerate(("TST-00000002", "TST-00000009", "TST-00000001")):
        folder = where / f"probe{n}"
        data = text_pdf(f"probe {n}")
        dat = _volume(folder, "PROBE", [(bates, bates, "p.pdf", data)])
        report = employee.imports.volume(folder, dat)
        said[bates] = (len(report.imported), [p.replace(bates, "<N>") for p in report.problems])
    assert said["TST-00000002"] == said["TST-00000009"] == said["TST-00000001"], said
    assert said["TST-00000009"][0] == 0  # refused: the series is the producing side's


def _named(workspace: Workspace, control: str) -> str:
    """The name the employee is given for the document of ``control``: its reference, their
    side's numbers counting records beyond their tier (`service.control_names`)."""
    with workspace.sessions() as s:
        ref = s.scalar(select(t.Document.ref).where(t.Document.control == control))
    return f"{control.partition('-')[0]}-{ref}"


def _seated(tmp_path: Path) -> Workspace:
    """A workspace with the reference case, receiving counsel and a party employee seated."""
    workspace = Workspace.init(tmp_path / "ws")
    op = workspace.operator()
    op.matter.load_case(reference_case())
    op.people.add(COUNSEL, name="C", side="receiving", category="counsel")
    op.people.add(
        EMPLOYEE, name="E", side="receiving", category="party_officers_directors_employees"
    )
    return workspace


def test_a_series_refusal_says_the_prefix_only_whatever_the_reader_may_see(
    tmp_path: Path,
) -> None:
    """A series is one side's (``volume_numbers.refuse_others_series``): an import into the
    producing side's series is refused, and the refusal reads the same for a series whose every
    page the employee may not know of (an AEO volume) as for one whose pages they read; it names
    no number, volume, span or count of it, whichever number is cited (before or after its
    last). The prefix itself is told: a party's Bates prefix is the label stamped on all it
    produces, not material a tier or seal withholds, and one Bates number names one page."""
    workspace = _seated(tmp_path)
    try:
        op = workspace.operator()
        for k, tier, start in ((1, "Confidential", "SEEN-00000001"), (2, "AEO", "HID-00000001")):
            op.ingest.ingest(text_pdf(f"memo {k}"), title=f"memo {k}", exhibit=k)
            op.designations.designate(k, tier)
            op.productions.produce([k], start, f"VOL{k}")
        employee = workspace.person(EMPLOYEE, Via.web)
        said = {}
        for prefix in ("SEEN", "HID"):
            for number in ("00000001", "00000500"):
                bates = f"{prefix}-{number}"
                folder = tmp_path / f"probe-{bates}"
                dat = _volume(folder, "PROBE", [(bates, bates, "p.pdf", text_pdf("probe"))])
                report = employee.imports.volume(folder, dat)
                problems = [p.replace(prefix, "<P>") for p in report.problems]
                said[bates] = (len(report.imported), [p.replace(number, "<N>") for p in problems])
        assert len({repr(v) for v in said.values()}) == 1, said
        count, [words] = said["HID-00000001"]
        assert count == 0 and "another side's series" in words
        assert not any(c.isdigit() for c in words.replace("row 1", "")), words  # no number
        assert "VOL" not in words
    finally:
        workspace.close()


def test_an_import_duplicating_a_record_the_importer_may_not_see_names_nothing_of_it(
    tmp_path: Path,
) -> None:
    """Receiving counsel imports a third party's volume, its record designated AEO; the party
    employee beside them later imports a volume holding the same file byte for byte. To the
    employee that earlier record is not there (its tier does not admit them): the import's
    report names no control number, volume or Bates number of it, and says no duplicate, as
    for a file no record holds; counsel, who reads it, is told."""
    workspace = _seated(tmp_path)
    try:
        counsel = workspace.person(COUNSEL, Via.web)
        secret = text_pdf("a third party's AEO page")
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        (folder / "NATIVES" / "a.pdf").write_bytes(secret)
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        row = ["TP-00000001", "TP-00000001", ".\\NATIVES\\a.pdf", "HIGHLY CONFIDENTIAL - AEO"]
        (folder / "TP.dat").write_bytes(write_dat(fields, [row]))
        assert len(counsel.imports.volume(folder, folder / "TP.dat").imported) == 1
        employee = workspace.person(EMPLOYEE, Via.web)
        assert employee.catalog.documents().total == 0  # the AEO record is beyond their tier

        said = {}
        new = text_pdf("a page no record holds")
        for n, (name, data) in enumerate((("new", new), ("dup", secret))):
            bates = f"ZZ-0000000{n + 1}"
            dat = _volume(tmp_path / name, "MINE", [(bates, bates, "m.pdf", data)])
            report = employee.imports.volume(tmp_path / name, dat)
            problems = [p.replace(bates, "<N>") for p in report.problems]
            said[name] = ([i.duplicates for i in report.imported], problems)
        assert said["dup"] == said["new"], said
        assert "RCV-000001" not in repr(said) and "TP-00000001" not in repr(said)
    finally:
        workspace.close()


def test_an_import_citing_a_number_on_a_page_the_importer_may_not_see_tells_nothing(
    tmp_path: Path,
) -> None:
    """The same AEO record of the receiving side's own collection (TP-00000001, imported by
    counsel): the employee's import citing its number, a number of its series no page holds, or
    the same volume and control number again, answers alike (the series refused, as another
    side's is), never "already in the record" or "imported before ... as RCV-000001"."""
    workspace = _seated(tmp_path)
    try:
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]

        def volume(where: Path, bates: str, data: bytes) -> Path:
            (where / "NATIVES").mkdir(parents=True)
            (where / "NATIVES" / "a.pdf").write_bytes(data)
            row = [bates, bates, ".\\NATIVES\\a.pdf", "HIGHLY CONFIDENTIAL - AEO"]
            (where / "TP.dat").write_bytes(write_dat(fields, [row]))
            return where / "TP.dat"

        counsel = workspace.person(COUNSEL, Via.web)
        dat = volume(tmp_path / "tp", "TP-00000001", text_pdf("a third party's AEO page"))
        assert len(counsel.imports.volume(tmp_path / "tp", dat).imported) == 1
        employee = workspace.person(EMPLOYEE, Via.web)
        said = {}
        for bates in ("TP-00000001", "TP-00000007"):
            folder = tmp_path / bates
            report = employee.imports.volume(folder, volume(folder, bates, text_pdf("probe")))
            said[bates] = (len(report.imported), [p.replace(bates, "<N>") for p in report.problems])
        assert said["TP-00000001"] == said["TP-00000007"], said
        assert said["TP-00000001"][0] == 0 and "RCV-" not in repr(said)
    finally:
        workspace.close()


def test_ingesting_the_file_of_a_record_the_employee_may_not_see_answers_as_a_new_file(
    tmp_path: Path,
) -> None:
    """The employee ingests a file byte for byte the AEO record counsel imported: before, the
    answer was that record's control number (RCV-000001: the file is in the record, and which
    one), where a file no record holds got a new one. Now both are new documents of the
    employee's own, and the AEO record stays beyond their tier; counsel is still told the file
    is in."""
    workspace = _seated(tmp_path)
    try:
        secret = text_pdf("a third party's AEO page")
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        (folder / "NATIVES" / "a.pdf").write_bytes(secret)
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        row = ["TP-00000001", "TP-00000001", ".\\NATIVES\\a.pdf", "HIGHLY CONFIDENTIAL - AEO"]
        (folder / "TP.dat").write_bytes(write_dat(fields, [row]))
        counsel = workspace.person(COUNSEL, Via.web)
        [record] = counsel.imports.volume(folder, folder / "TP.dat").imported
        employee = workspace.person(EMPLOYEE, Via.web)
        assert not employee.ingest.in_record(secret)
        got = employee.ingest.ingest(secret, title="mine")
        fresh = employee.ingest.ingest(text_pdf("a page no record holds"), title="fresh")
        assert record.control not in (got, fresh)
        assert employee.reads.show(got)["control"] == got
        assert counsel.ingest.in_record(secret)
    finally:
        workspace.close()


def test_a_received_designations_note_counts_no_rows_beyond_the_readers_tier(
    tmp_path: Path,
) -> None:
    """A record's designation as received is noted with where it came from: by its row, the
    employee reading row 2's note learned of a row 1 beyond their tier. The note names the
    record by its own number in the volume instead."""
    workspace = _seated(tmp_path)
    try:
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        rows = []
        for n, tier in ((1, "HIGHLY CONFIDENTIAL - AEO"), (2, "CONFIDENTIAL")):
            (folder / "NATIVES" / f"{n}.pdf").write_bytes(text_pdf(f"third party page {n}"))
            rows.append([f"TP-0000000{n}", f"TP-0000000{n}", f".\\NATIVES\\{n}.pdf", tier])
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        (folder / "TP.dat").write_bytes(write_dat(fields, rows))
        counsel = workspace.person(COUNSEL, Via.web)
        assert len(counsel.imports.volume(folder, folder / "TP.dat").imported) == 2
        shown = workspace.person(EMPLOYEE, Via.web).reads.show("TP-00000002")
        [note] = [d["note"] for d in shown["designations"]]
        assert "row" not in note and "TP-00000002" in note, note
    finally:
        workspace.close()


def test_a_received_family_is_not_named_by_a_record_beyond_the_readers_tier(
    tmp_path: Path,
) -> None:
    """A load file's family is keyed by its parent's begin Bates (``TP:TP-00000001``): shown
    on the employee's attachment, it named the AEO parent they may not know of. A family is
    kept under a name keyed by the audit key (the import's report, the importer's own load
    file read back, still says it as written)."""
    workspace = _seated(tmp_path)
    try:
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        rows = []
        for n, tier in ((1, "HIGHLY CONFIDENTIAL - AEO"), (2, "CONFIDENTIAL")):
            (folder / "NATIVES" / f"{n}.pdf").write_bytes(text_pdf(f"third party page {n}"))
            bates = f"TP-0000000{n}"
            rows.append([bates, bates, "TP-00000001", "TP-00000002", f".\\NATIVES\\{n}.pdf", tier])
        fields = ["BEGBATES", "ENDBATES", "BEGATTACH", "ENDATTACH", "NATIVEPATH", "CONFIDENTIALITY"]
        (folder / "TP.dat").write_bytes(write_dat(fields, rows))
        counsel = workspace.person(COUNSEL, Via.web)
        report = counsel.imports.volume(folder, folder / "TP.dat")
        assert [i.family for i in report.imported] == ["TP:TP-00000001"] * 2
        employee = workspace.person(EMPLOYEE, Via.web)
        family = counsel.reads.show("TP-00000001")["family"]
        assert family and "TP-00000001" not in family, family
        assert counsel.reads.show("TP-00000002")["family"] == family  # one family still
        # the employee, who sees no other member of it, is shown no family at all
        # (`access.shared_families`)
        assert employee.reads.show("TP-00000002")["family"] is None
        assert [d.family for d in employee.catalog.documents()] == [None]
    finally:
        workspace.close()


RECEIVED = "as received with its family: 'AEO'"


def test_a_file_taken_out_of_a_native_names_no_parent_beyond_the_readers_tier(
    tmp_path: Path,
) -> None:
    """An AEO e-mail record (TP-00000001) and the attachment taken out of its native
    (``TP-00000001.0001``), designated with it; the operator later designates the attachment
    alone Confidential. The employee now reads the attachment, and nothing shown of it names
    the AEO record: before, its designation notes said "TP-00000001.0001 inside TP-00000001's
    native" and "with RCV-000001, from whose native it came". Notes kept in those words before
    are shown to the employee without the record's names, and as kept to counsel, who reads
    the record."""
    workspace = _seated(tmp_path)
    try:
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        mail = eml_with("quarterly figures", [("kid.pdf", text_pdf("the attachment's page"))])
        (folder / "NATIVES" / "m.eml").write_bytes(mail)
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        row = ["TP-00000001", "TP-00000001", ".\\NATIVES\\m.eml", "HIGHLY CONFIDENTIAL - AEO"]
        (folder / "TP.dat").write_bytes(write_dat(fields, [row]))
        counsel = workspace.person(COUNSEL, Via.web)
        record, kid = counsel.imports.volume(folder, folder / "TP.dat").imported
        op = workspace.operator()
        op.designations.designate(record.control, "AEO")  # the record again, with its files
        op.designations.designate(kid.control, "Confidential")  # the attachment alone
        employee = workspace.person(EMPLOYEE, Via.web)
        names = ("TP-00000001", record.control)

        def shown_to(person: str) -> str:
            named = kid.control if person == COUNSEL else _named(workspace, kid.control)
            shown = workspace.person(person, Via.web).reads.show(named)
            assert [d["tier"] for d in shown["designations"]][-1] == "Confidential"
            return repr(shown)

        assert not any(n in shown_to(EMPLOYEE) for n in names), shown_to(EMPLOYEE)
        with workspace.sessions() as s:  # the notes as earlier versions wrote them
            first, second, _ = s.scalars(
                select(t.Designation)
                .join(t.Document, t.Document.id == t.Designation.document_id)
                .where(t.Document.control == kid.control)
                .order_by(t.Designation.id)
            ).all()
            first.note = f"{RECEIVED} (volume TP, TP-00000001.0001 inside TP-00000001's native)"
            second.note = f"with {record.control}, from whose native it came"
            s.commit()
        assert employee.reads.show(_named(workspace, kid.control))["designations"][:2] == [
            {"tier": "AEO", "note": f"{RECEIVED} (volume TP, inside its record's native)"},
            {"tier": "AEO", "note": "with the record from whose native it came"},
        ]
        assert all(n in shown_to(COUNSEL) for n in names)
    finally:
        workspace.close()


def test_a_file_designated_apart_keeps_its_tier_when_its_record_is_designated_again(
    tmp_path: Path,
) -> None:
    """A received e-mail record designated Confidential with its attachment; the operator then
    holds the attachment alone back as AEO. Designating the record again (a new note, the same
    tier) designated every file taken out of its native with it: the attachment went back to
    Confidential and the employee read it. A file follows its record until it is designated
    apart; then it keeps its own, whatever the record is designated after."""
    workspace = _seated(tmp_path)
    try:
        folder = tmp_path / "tp"
        (folder / "NATIVES").mkdir(parents=True)
        mail = eml_with("quarterly figures", [("kid.pdf", text_pdf("the attachment's page"))])
        (folder / "NATIVES" / "m.eml").write_bytes(mail)
        fields = ["BEGBATES", "ENDBATES", "NATIVEPATH", "CONFIDENTIALITY"]
        row = ["TP-00000001", "TP-00000001", ".\\NATIVES\\m.eml", "CONFIDENTIAL"]
        (folder / "TP.dat").write_bytes(write_dat(fields, [row]))
        counsel = workspace.person(COUNSEL, Via.web)
        record, kid = counsel.imports.volume(folder, folder / "TP.dat").imported
        employee = workspace.person(EMPLOYEE, Via.web)
        assert employee.reads.show(_named(workspace, kid.control))["title"] == "kid.pdf"
        op = workspace.operator()
        op.designations.designate(kid.control, "AEO")  # the attachment alone held back
        op.designations.designate(record.control, "Confidential", note="re-reviewed")
        with pytest.raises(NotFound):
            employee.reads.show(_named(workspace, kid.control))
        assert (
            employee.reads.show(_named(workspace, record.control))["designations"][-1]["note"]
            == "re-reviewed"
        )
        op.designations.designate(record.control, "AEO")
        op.designations.designate(record.control, "Confidential")
        with pytest.raises(NotFound):
            employee.reads.show(_named(workspace, kid.control))
        kept = counsel.reads.show(kid.control)["designations"]
        assert [d["tier"] for d in kept] == ["Confidential", "AEO"], kept
    finally:
        workspace.close()
