"""A disk that fills up under every output, and under the workspace during an ingest.

Each output command writes onto a small tmpfs (the workspace is elsewhere) that holds the
user's files, an earlier output of the same command, and a ballast leaving room for about half
of what the command writes. The command must fail in one line, leave no truncated file, no
temporary file and no stage folder, and keep everything that was there (an earlier output may
only be replaced by a whole new one); once space is freed, the same command must succeed.

Then the workspace itself on a tmpfs that fills while a batch is ingested: one line per file
refused, no file in the store that no record names, no unfinished write, and a database that
still opens and verifies.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from clawback.demo.run import reference_case
from clawback.service import Workspace
from clawback.storage.audit_export import verify_export
from tests.faults.conftest import (
    Mount,
    cli,
    copy_workspace,
    database_dump,
    free_bytes,
    grow,
    leave_free,
    leftovers,
    one_line_error,
    sha256,
    tree,
)

CODE = "FIR-2018-12-004417"  # the reference case's database code on AOL-DEF-00528703 (AEO)


def brief_pdf(path: Path) -> Path:
    """A brief of several pages, each quoting the code: its three versions are each some
    tens of KiB, so a disk can fill between them."""
    doc = pymupdf.open()
    for n in range(12):
        page = doc.new_page()
        page.insert_text((72, 60), f"PLAINTIFFS' MOTION TO COMPEL - page {n + 1}", fontsize=12)
        body = (
            f'The field report lists the tracking number "{CODE}" (AOL-DEF-00528703). '
            + " ".join(f"Argument {n}.{k} rests on the record as produced." for k in range(30))
        )
        assert page.insert_textbox(pymupdf.Rect(72, 90, 520, 760), body, fontsize=10) >= 0
    doc.save(path, deflate=False)
    doc.close()
    return path


@dataclass(frozen=True)
class Output:
    name: str
    #: The command's arguments, given the folder it writes in and the test's own folder.
    args: Callable[[Path, Path], list[str]]
    #: Whether the command writes a whole folder at once (nothing of it may appear on failure).
    whole: bool = False
    #: Whether an earlier output can sit where this one goes (a folder it made cannot).
    again: bool = True
    #: The room left on the disk, as a share of what the command writes. An earlier output
    #: it replaces frees its own room as it goes, so several small files need less.
    room: float = 1 / 3
    #: What it writes, in bytes, where measuring it would cost a run of its own.
    size: int | None = None


OUTPUTS = [
    Output("file", lambda d, _: ["file", str(d / "out")], whole=True, again=False, size=1_600_000),
    Output("export", lambda d, _: ["export", "1", "18", "19", "--out", str(d / "exports")]),
    Output(
        "volume-export",
        lambda d, _: ["volume", "export", "AOL-DEF-VOL003", "--out", str(d / "volumes")],
        whole=True,
        again=False,
    ),
    Output(
        "privilege-log",
        lambda d, _: ["privilege-log", "--csv", str(d / "log.csv"), "--xlsx", str(d / "log.xlsx")],
        room=1 / 4,
    ),
    Output("bench-memo", lambda d, _: ["bench-memo", "c-fir-code", "--out", str(d / "memo.pdf")]),
    Output(
        "image",
        lambda d, _: ["image", "AOL-DEF-00528703", "--png", str(d / "p.png"), "--dpi", "100"],
    ),
    Output("audit-export", lambda d, _: ["audit", "export", str(d / "trail.jsonl")]),
    Output(
        "file-brief",
        lambda d, t: ["file-brief", str(brief_pdf(t / "brief.pdf")), "--out", str(d / "briefs")],
        room=1 / 4,
    ),
]


def whole(path: Path) -> bool:
    """Whether a file an output command wrote is complete, by what it is."""
    data = path.read_bytes()
    if path.suffix == ".pdf":
        if not data.rstrip().endswith(b"%%EOF"):
            return False
        with pymupdf.open(stream=data, filetype="pdf") as doc:
            return not doc.is_repaired and doc.page_count > 0
    if path.suffix == ".png":
        return data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82")
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as book:
            return book.testzip() is None
    if path.suffix == ".csv":
        return data.endswith(b"\n") and len(data.splitlines()) > 1
    if path.suffix == ".jsonl":
        return verify_export(path) == []
    return False


@pytest.mark.parametrize("output", OUTPUTS, ids=[o.name for o in OUTPUTS])
def test_an_output_that_fills_the_disk_fails_in_one_line_and_leaves_no_part_of_itself(
    ready_to_file: Path, tmp_path: Path, tmpfs: Mount, output: Output
) -> None:
    ws = copy_workspace(ready_to_file, tmp_path / "ws")
    disk = tmpfs(tmp_path / "disk", 4096)
    (disk / "keep.txt").write_bytes(b"the user's own file\n")
    (disk / "out").mkdir()
    (disk / "out" / "notes.txt").write_bytes(b"notes\n")

    # What the command writes, measured on a disk with room: its earlier output on the disk
    # (where it can be), or a run beside.
    mine = tree(disk)
    size = output.size
    if size is None:
        measure = disk if output.again else tmp_path / "measure"
        done = cli(ws, *output.args(measure, tmp_path))
        assert done.exit_code == 0, done.output
        made = set(tree(measure)) - set(mine)
        size = sum((measure / name).stat().st_size for name in made)
    assert size > 8192, f"{output.name} writes too little to fill a disk midway: {size}"
    ballast = leave_free(disk, int(size * output.room))
    before = tree(disk)

    line = one_line_error(cli(ws, *output.args(disk, tmp_path)))

    assert "No space left on device" in line, line
    assert leftovers(disk) == []
    after = tree(disk)
    for name, sha in before.items():  # nothing that was there is gone; only whole replacements
        assert name in after, f"{name} was deleted"
        assert after[name] == sha or whole(disk / name), f"{name} was left half written"
    new = sorted(set(after) - set(before))
    if output.whole:
        assert new == [], f"part of the output was left: {new}"
    for name in new:
        assert whole(disk / name), f"{name} was left half written"
    assert after[ballast.name] == before[ballast.name]

    # With room again, the same command goes through (the failure left nothing in its way).
    ballast.unlink()
    done = cli(ws, *output.args(disk, tmp_path))
    assert done.exit_code == 0, done.output
    assert leftovers(disk) == []
    assert {name: sha256(disk / name) for name in mine} == mine


# -- the workspace's own disk ------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed workspace with the reference case's matter and nothing else."""
    root = tmp_path_factory.mktemp("fresh") / "ws"
    workspace = Workspace.init(root)
    try:
        workspace.operator().matter.load_case(reference_case())
    finally:
        workspace.close()
    return root


def batch(folder: Path, count: int) -> list[Path]:
    """``count`` different text PDFs of about 40 KiB each (random text, stored uncompressed)."""
    folder.mkdir()
    made = []
    for n in range(count):
        doc = pymupdf.open()
        for p in range(3):
            page = doc.new_page()
            for line in range(60):
                words = os.urandom(24).hex()
                page.insert_text((36, 40 + 12 * line), f"{n}.{p}.{line} {words}", fontsize=8)
        path = folder / f"doc{n:02}.pdf"
        doc.save(path, deflate=False)
        doc.close()
        made.append(path)
    return made


def test_a_workspace_disk_that_fills_during_an_ingest_refuses_file_by_file_and_stays_sound(
    fresh: Path, tmp_path: Path, tmpfs: Mount
) -> None:
    used = sum(p.stat().st_size for p in fresh.rglob("*") if p.is_file())
    disk = tmpfs(tmp_path / "disk", (used + 350_000) // 1024)
    ws = copy_workspace(fresh, disk / "ws")
    files = batch(tmp_path / "batch", 20)
    assert sum(p.stat().st_size for p in files) > 2 * free_bytes(disk)

    result = cli(ws, "ingest", str(tmp_path / "batch"))

    lines = result.output.strip().splitlines()
    assert result.exit_code == 1, result.output
    assert len(lines) == len(files), result.output  # one line per file, nothing else
    refused = [line for line in lines if "refused:" in line]
    ingested = [line for line in lines if line.endswith("(ingested)")]
    assert refused and ingested, result.output
    assert len(refused) + len(ingested) == len(files), result.output
    for path, line in zip(files, lines, strict=True):
        assert path.name in line

    # On the full disk a read may have no room for its audit entry: it is then refused in one
    # line saying so, never served unaudited; once the operator makes room, the workspace is
    # found sound.
    on_full = cli(ws, "check")
    if on_full.exit_code != 0:
        assert one_line_error(on_full).endswith("database or disk is full"), on_full.output
    grow(disk, (used + 4_000_000) // 1024)
    checked = cli(ws, "check")
    assert "belongs to no record" not in checked.output, checked.output
    assert "unfinished write" not in checked.output, checked.output
    assert checked.exit_code == 0, checked.output
    assert leftovers(ws) == []
    database_dump(ws)  # the database still reads
    verified = cli(ws, "audit", "verify")
    assert verified.exit_code == 0, verified.output
    shown = cli(ws, "show", ingested[0].split(": ")[1].split(" ")[0])
    assert shown.exit_code == 0, shown.output
