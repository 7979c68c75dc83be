"""`clawback file OUT` killed at each point of its work, then run again.

Each kill happens in a child process that patches one function of ``service.delivery`` to
``os._exit(9)`` at the chosen point and then files the reference case. (The children are forked
from one interpreter, `tests.faults.zygote`, so the import of clawback is paid once per module,
not once per kill.) After the kill, the next run's first act
(``delivery.finish_stages``) must leave OUT with the previous complete package, the new complete
package (when the stage was journaled), or none: never half of one. The next ``file`` must then
succeed and leave exactly one complete package, byte for byte what an uninterrupted run makes in
a workspace of its own, with no stage folder (which would hold sealed PDFs) anywhere in OUT; and
nothing OUT held that clawback did not make is ever touched.

Two flows: *first*, the first filing into an OUT that holds only the user's files; *again*, a
filing that replaces an earlier package after a re-designation changed two of its files (so the
previous package and the new one differ). The earlier package is made once, by the control run,
in a folder each *again* kill then gets back as it was (the record names its files by path).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clawback.service import Workspace, delivery
from clawback.service.filings import KINDS
from tests.faults.conftest import (
    cli,
    copy_workspace,
    database_dump,
    leftovers,
    one_line_error,
    same_database,
    sha256,
    tree,
)
from tests.faults.zygote import Zygote, running

#: The exhibit re-designated between the two filings of the *again* flow, and its new tier.
REDESIGNATED = (6, "AEO")

#: Opens the workspace, (again: re-designates), arms the kill and files: ``run(args)`` of the
#: zygote (`tests.faults.zygote`), which forks a child per kill and prints its exit status.
SCRIPT = """
import pathlib
from clawback.service import Workspace, delivery


def counted(original, nth, when=lambda *a: True):
    calls = []

    def patched(*a, **k):
        result = original(*a, **k)
        if when(*a):
            calls.append(a)
            if len(calls) == nth:
                os._exit(9)
        return result

    return patched


def run(args):
    record = Workspace.open(pathlib.Path(args["ws"])).operator()
    if args["again"]:
        record.designations.designate(*args["redesignate"], note="re-designated")
    point, nth = args["point"], args["nth"]
    if point == "write":  # after the nth staged file is written whole
        staged = lambda path, data: path.name != delivery.JOURNAL
        delivery.write_whole = counted(delivery.write_whole, nth, staged)
    elif point == "record":  # inside the unit of work: filings stored, nothing committed
        delivery.record = counted(delivery.record, nth)
    elif point == "complete":  # the unit of work committed, the journal not yet written
        delivery.complete = lambda *a: os._exit(9)
    elif point == "swap":  # the journal written, after the nth folder rename of the swap
        swap = delivery._swap

        def swapping(*a):
            pathlib.Path.rename = counted(pathlib.Path.rename, nth)
            return swap(*a)

        delivery._swap = swapping
    record.filings.file(pathlib.Path(args["out"]))
"""

#: What a filing loads lazily, imported by the zygote once rather than by each child.
WARM = (
    "clawback.service.facade",
    "clawback.service.filings",
    "clawback.service.designations",
    "pypdf.filters",
    "sqlite3",
)


@dataclass(frozen=True)
class Kill:
    flow: str  # "first" or "again"
    point: str
    nth: int
    #: What OUT holds once the next run has finished the stages: "none", "previous", "new".
    then: str

    @property
    def id(self) -> str:
        return f"{self.flow}-{self.point}-{self.nth}"


KILLS = [
    Kill("first", "record", 10, "none"),  # ten filings stored in the file store, no commit
    Kill("first", "swap", 1, "new"),  # highlighted/ in, public/ and sealed/ still staged
    Kill("again", "write", 30, "previous"),  # 30 of 49 files staged
    Kill("again", "complete", 1, "previous"),  # committed: the record names the new files
    Kill("again", "swap", 3, "new"),  # highlighted/ new, public/ moved aside, sealed/ old
]

USER_FILES = {"notes.txt": b"my notes\n", "public-old/x.pdf": b"%PDF-1.4 not clawback's\n"}


def with_user_files(out: Path) -> dict[str, str]:
    for name, data in USER_FILES.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return {name: sha256(out / name) for name in USER_FILES}


def package(out: Path) -> dict[str, str]:
    """The filing package in ``out`` (its three folders), by relative path and SHA-256."""
    found = tree(out)
    return {name: sha for name, sha in found.items() if name.split("/")[0] in KINDS}


@dataclass
class Controls:
    first: dict[str, str]  # an uninterrupted first filing
    again: dict[str, str]  # an uninterrupted filing after the re-designation
    home: Path  # where every *again* kill runs: its record names the earlier package there
    earlier: Path  # a copy of home as the earlier filing left it


@pytest.fixture(scope="module")
def zygote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Zygote]:
    with running(tmp_path_factory.mktemp("zygote"), SCRIPT, WARM) as started:
        yield started


@pytest.fixture(scope="module")
def controls(
    zygote: Zygote, ready_to_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Controls:
    """The uninterrupted runs, each in a workspace of its own; the first also leaves the
    earlier package the *again* kills start from."""
    base = tmp_path_factory.mktemp("kills")
    home = base / "again"
    copy_workspace(ready_to_file, home / "ws")
    with_user_files(home / "out")
    workspace = Workspace.open(home / "ws")
    try:
        workspace.operator().filings.file(home / "out")
    finally:
        workspace.close()
    earlier = base / "earlier"
    shutil.copytree(home, earlier)
    workspace = Workspace.open(copy_workspace(earlier / "ws", base / "control" / "ws"))
    try:
        record = workspace.operator()
        record.designations.designate(*REDESIGNATED, note="re-designated")
        record.filings.file(base / "control" / "out")
    finally:
        workspace.close()
    found = Controls(package(home / "out"), package(base / "control" / "out"), home, earlier)
    assert len(found.first) == 49 and set(found.first) == set(found.again)
    assert found.first != found.again  # the re-designation changed the package
    return found


@pytest.mark.slow
@pytest.mark.parametrize("kill", KILLS, ids=[k.id for k in KILLS])
def test_a_killed_filing_is_finished_or_undone_and_the_next_run_files_it_whole(
    zygote: Zygote, controls: Controls, ready_to_file: Path, tmp_path: Path, kill: Kill
) -> None:
    if kill.flow == "again":
        if controls.home.exists():
            controls.home.rename(tmp_path / "the previous kill's")
        shutil.copytree(controls.earlier, controls.home)
        ws, out = controls.home / "ws", controls.home / "out"
        previous, new = controls.first, controls.again
        assert package(out) == previous
    else:
        ws, out = copy_workspace(ready_to_file, tmp_path / "ws"), tmp_path / "out"
        with_user_files(out)
        previous, new = {}, controls.first
    user = {name: sha256(out / name) for name in USER_FILES}

    status = zygote.kill(
        ws=str(ws),
        out=str(out),
        again=kill.flow == "again",
        redesignate=REDESIGNATED,
        point=kill.point,
        nth=kill.nth,
    )
    assert status == 9, f"not killed at {kill.id}: {zygote.tail()}"
    assert leftovers(out), "the kill left no stage: it came too early or too late"

    # What the next run does first: a stage without its journal goes, a journaled one is
    # swapped in. OUT then holds one whole package (or none), and the user's files.
    delivery.finish_stages(out)
    assert leftovers(out) == []
    assert package(out) == {"none": {}, "previous": previous, "new": new}[kill.then]
    assert {name: sha256(out / name) for name in USER_FILES} == user

    # The next run files the package whole, byte for byte the uninterrupted run's.
    result = cli(ws, "file", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"49 files written to {out}"
    assert tree(out) == {**new, **user}  # nothing else: no stage, no temporary file
    assert leftovers(out) == [] and leftovers(ws) == []
    # Whatever the killed run stored and never committed is now the record's own.
    checked = cli(ws, "check")
    assert checked.exit_code == 0, checked.output


def test_a_file_clawback_did_not_make_stops_the_filing_before_anything_is_touched(
    ready_to_file: Path, tmp_path: Path
) -> None:
    ws = copy_workspace(ready_to_file, tmp_path / "ws")
    out = tmp_path / "out"
    with_user_files(out)
    mine = out / "public" / "ex01_AOL-DEF-00556914.pdf"
    mine.parent.mkdir()
    mine.write_bytes(b"%PDF-1.4 the user's own file\n")
    before, record = tree(out), database_dump(ws)
    folders = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))

    line = one_line_error(cli(ws, "file", str(out)))

    assert str(mine) in line and "clawback" in line
    assert tree(out) == before
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == folders
    same_database(record, ws)


def test_a_file_of_the_earlier_package_changed_since_stops_the_filing(
    controls: Controls, tmp_path: Path
) -> None:
    """Only files clawback made, as it made them, are replaced: a filing the user edited is
    theirs now, though the record and the store know its earlier bytes."""
    if controls.home.exists():
        controls.home.rename(tmp_path / "the previous kill's")
    shutil.copytree(controls.earlier, controls.home)
    ws, out = controls.home / "ws", controls.home / "out"
    edited = out / "sealed" / "ex06_AOL-DEF-00556923.pdf"
    edited.write_bytes(edited.read_bytes() + b"% the user's note\n")
    before, record = tree(out), database_dump(ws)

    line = one_line_error(cli(ws, "file", str(out)))

    assert str(edited) in line and "changed since" in line
    assert tree(out) == before
    same_database(record, ws)
