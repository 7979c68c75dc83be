"""Failures the command line once showed as tracebacks or garbled output: each is one line now.

Every test drives the real CLI. A failure is exit status 1 and exactly one line starting with
``error:`` (a usage error: typer's usage text and exit status 2), never a traceback, and the
runner's exception is the ``SystemExit`` of that exit status, not the failure itself.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from typer.testing import CliRunner, Result

from clawback.cli import app
from clawback.pdf.gate.findings import Finding, VerificationError
from clawback.service import delivery
from tests.ingest.make import LOOP, text_pdf
from tests.test_cli import cli, make_pdf

runner = CliRunner()
MARKUP = "[/x]"


def invoke(ws: Path | None, *args: str, env: dict[str, str] | None = None) -> Result:
    argv = [*args, "-w", str(ws)] if ws is not None else list(args)
    return runner.invoke(app, argv, env=env)


def one_error_line(result: Result) -> str:
    """The one line of a failure the user can act on (exit 1), checked and returned."""
    assert "Traceback" not in result.output, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("error: "), result.output
    return lines[0]


def succeeded(result: Result) -> str:
    assert "Traceback" not in result.output, result.output
    assert result.exception is None, repr(result.exception)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def produced_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with one document, Ex. 1 (DOC-000001), designated AEO and produced as
    AB-00000001-AB-00000002: made once through the CLI, copied for each test (``produced``)."""
    base = tmp_path_factory.mktemp("produced")
    ws = base / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    pdf = make_pdf(base / "memo.pdf", "cover page", "Tracking no.: XYZ-2020-02-654321")
    cli(ws, "ingest", str(pdf), "--exhibit", "1")
    cli(ws, "designate", "DOC-000001", "AEO")
    cli(ws, "produce", "DOC-000001", "--start", "AB-00000001", "--volume", "V1")
    return ws


@pytest.fixture
def produced(produced_once: Path, tmp_path: Path) -> Path:
    """A copy of ``produced_once`` of the test's own (the folder, its database and its id
    travel together; the audit keys, keyed by that id, stay where they are)."""
    return Path(shutil.copytree(produced_once, tmp_path / "ws"))


# -- 1. a page asked for by what is not a Bates number -------------------------------------


@pytest.mark.parametrize("ref", ["DOC-000001", "Ex. 1", "Ex. 18", "1"])
def test_text_of_a_document_reference_that_is_not_a_bates_number(produced: Path, ref: str) -> None:
    line = one_error_line(invoke(produced, "text", ref))
    assert ref.replace(" ", "") in line.replace(" ", "")


def test_image_of_a_document_reference_that_is_not_a_bates_number(
    produced: Path, tmp_path: Path
) -> None:
    one_error_line(invoke(produced, "image", "DOC-000001", "--png", str(tmp_path / "p.png")))
    assert not (tmp_path / "p.png").exists()


# -- 2. rich markup in what is typed and in what is stored ---------------------------------


def test_markup_in_a_claim_id_is_printed_as_typed(produced: Path) -> None:
    claim_id = f"c{MARKUP}"
    out = succeeded(invoke(produced, "claim", claim_id, "--exhibit", "1"))
    assert out == f"claim {claim_id}: noticed\n"  # committed, then printed as typed
    listed = succeeded(invoke(produced, "claims"))
    assert listed.startswith(f"{claim_id}  noticed")
    assert "audit trail intact" in succeeded(invoke(produced, "audit", "verify"))
    line = one_error_line(invoke(produced, "claim", claim_id, "--exhibit", "1"))
    assert claim_id in line
    line = one_error_line(invoke(produced, "advance", "[bold]nope", "preserved"))
    assert "[bold]nope" in line


def test_markup_in_a_person_name_is_printed_as_typed(produced: Path) -> None:
    name = f"A {MARKUP} B [bold]C :smile:"
    out = succeeded(
        invoke(
            produced,
            "people",
            "add",
            "pc@plf.test",
            "--name",
            name,
            "--side",
            "receiving",
            "--category",
            "counsel",
        )
    )
    assert out == "pc@plf.test: receiving counsel\n"
    listed = succeeded(invoke(produced, "people", "list"))
    assert listed.endswith(f"  {name}\n")
    line = one_error_line(invoke(produced, "--as", f"x{MARKUP}@plf.test", "text", "AB-00000001"))
    assert f"x{MARKUP}@plf.test" in line


def test_markup_in_a_deadline_act_and_a_stored_source(sealed: Path) -> None:
    line = one_error_line(
        invoke(sealed, "deadlines", "--order-date", "2020-06-26", "--directive", f"5:14:{MARKUP}")
    )
    assert MARKUP in line
    line = one_error_line(invoke(sealed, "deadlines", "--today", f"2020{MARKUP}"))
    assert MARKUP in line
    recorded = succeeded(
        invoke(
            sealed,
            "deadlines",
            "--order-date",
            "2020-06-26",
            "--directive",
            f"{MARKUP}:14:lodge_sealed",
            "--today",
            "2020-06-27",
        )
    )
    assert f"para. {MARKUP}]" in recorded
    listed = succeeded(invoke(sealed, "deadlines", "--today", "2020-06-27"))
    assert listed == recorded


def test_markup_in_a_title_and_a_volume_name(tmp_path: Path) -> None:
    """A title shown by ``show``, and a volume's name in the progress bar on a terminal (which
    once raised a MarkupError after the volume was committed)."""
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    title = f"T {MARKUP} :smile:"
    cli(ws, "ingest", str(make_pdf(tmp_path / "a.pdf", "alpha page")), "--title", title)
    refused = one_error_line(
        invoke(ws, "produce", "DOC-000001", "--start", "AB-00000001", "--volume", f"V{MARKUP}")
    )
    assert "not a volume name" in refused  # a name with "/" would make no folder
    volume = "V[bold]"
    result = invoke(
        ws,
        "produce",
        "DOC-000001",
        "--start",
        "AB-00000001",
        "--volume",
        volume,
        env={"TTY_COMPATIBLE": "1"},  # the progress bar is drawn
    )
    assert f"{volume}: AB-00000001 (1 page)" in succeeded(result)
    assert "\x1b[?25l" in result.output  # the bar was live (cursor hidden)
    shown = succeeded(invoke(ws, "show", "DOC-000001"))
    assert f'"title": "{title}"' in shown
    cli(ws, "ingest", str(make_pdf(tmp_path / "b.pdf", "beta page")))
    cli(ws, "produce", "DOC-000002", "--continue", "AB-", "--volume", "W[bold]")
    tty = {"TTY_COMPATIBLE": "1"}
    result = invoke(ws, "volume", "export", "W[bold]", "--out", str(tmp_path / "v"), env=tty)
    assert succeeded(result).endswith("W[bold]\n") and "\x1b[?25l" in result.output


def test_markup_in_a_usage_error(produced: Path) -> None:
    for args in ([MARKUP], ["show", "1", f"--x{MARKUP}"], ["search", "x", "--limit", MARKUP]):
        result = invoke(produced, *args)
        assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output and "Usage:" in result.output
    assert f"No such command '{MARKUP}'" in invoke(produced, MARKUP).output


# -- 3. an oversized search ----------------------------------------------------------------


def test_search_with_a_huge_query(produced: Path) -> None:
    line = one_error_line(invoke(produced, "search", "word " * 10_000))
    assert "at most" in line
    line = one_error_line(invoke(produced, "search", "x" * 50_000))
    assert len(line) < 300


# -- 4. a stored file altered in the store -------------------------------------------------


def _alter_store(ws: Path) -> None:
    for stored in (ws / "files").glob("??/*"):
        stored.write_bytes(stored.read_bytes() + b"\n% altered")


def test_export_of_an_altered_stored_file(produced: Path, tmp_path: Path) -> None:
    _alter_store(produced)
    out = tmp_path / "out"
    line = one_error_line(invoke(produced, "export", "DOC-000001", "--out", str(out)))
    assert "no longer matches its hash" in line
    assert not out.exists() or not any(out.iterdir())


def test_image_of_an_altered_stored_file(produced: Path, tmp_path: Path) -> None:
    _alter_store(produced)
    png = tmp_path / "p.png"
    line = one_error_line(invoke(produced, "image", "AB-00000001", "--png", str(png)))
    assert "no longer matches its hash" in line
    assert not png.exists()


# -- 5. a full disk ------------------------------------------------------------------------


def _noise_pdf(path: Path, seed: int) -> Path:
    """A one-page PDF carrying ~120 KB that does not compress."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), f"noise {seed}", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 100, 272, 300), stream=_random_png())
    doc.save(path)
    doc.close()
    return path


def _random_png() -> bytes:
    pix = pymupdf.Pixmap(pymupdf.csRGB, 200, 200, os.urandom(200 * 200 * 3), False)
    png: bytes = pix.tobytes("png")
    return png


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("!!! NOT TESTED: a full disk needs root to mount a small tmpfs !!!")
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"!!! NOT TESTED: a full disk: mounting a tmpfs failed: {mounted.stderr} !!!")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    """The disk fills during an ingest (that file is refused in one line, as a file ingest
    cannot take is) and then during a production (one error line); nothing is left in the
    store that no record names, and no unfinished write."""
    ws = small_disk / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    failed = None
    for n in range(40):
        result = invoke(ws, "ingest", str(_noise_pdf(tmp_path / f"n{n}.pdf", n)))
        if result.exit_code != 0:
            failed = result
            break
    assert failed is not None, "the small disk never filled"
    assert "Traceback" not in failed.output and isinstance(failed.exception, SystemExit)
    assert failed.exit_code == 1
    lines = failed.output.splitlines()
    assert len(lines) == 1 and ": refused: " in lines[0], failed.output
    assert "database or disk is full" in lines[0] or "No space left" in lines[0], lines[0]
    documents = [f"DOC-{k:06d}" for k in range(1, n + 1)]  # more than the space freed
    line = one_error_line(
        invoke(ws, "produce", *documents, "--start", "AB-00000001", "--volume", "V1")
    )
    assert "full" in line or "No space left" in line, line
    subprocess.run(["mount", "-o", "remount,size=8m", str(small_disk)], check=True)
    assert "matches its hash" in succeeded(invoke(ws, "check"))
    assert "audit trail intact" in succeeded(invoke(ws, "audit", "verify"))


# -- 6. a damaged database -----------------------------------------------------------------


def test_a_truncated_database(produced: Path) -> None:
    db = produced / "clawback.db"
    _checkpoint(db)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    for args in (["show", "1"], ["text", "AB-00000001"], ["claims"], ["check"]):
        one_error_line(invoke(produced, *args))


def test_a_database_with_a_damaged_header(produced: Path) -> None:
    db = produced / "clawback.db"
    _checkpoint(db)
    with db.open("r+b") as f:
        f.write(b"\x00" * 100)
    for args in (["show", "1"], ["people", "list"]):
        one_error_line(invoke(produced, *args))


def test_a_database_that_is_not_sqlite(produced: Path) -> None:
    db = produced / "clawback.db"
    _checkpoint(db)
    db.write_bytes(b"not a database at all\n" * 500)
    one_error_line(invoke(produced, "show", "1"))


def test_a_damaged_table_read_before_any_command(produced: Path) -> None:
    """The matter (read for the protective order before the actor exists) on a damaged page:
    once a traceback from ``Workspace.protective_order``."""
    cli(
        produced,
        "people",
        "add",
        "pc@plf.test",
        "--name",
        "PC",
        "--side",
        "receiving",
        "--category",
        "counsel",
    )
    db = produced / "clawback.db"
    _checkpoint(db)
    with sqlite3.connect(db) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("select rootpage from sqlite_master where name = 'matter'").fetchone()
    with db.open("r+b") as f:
        f.seek((root[0] - 1) * size)
        f.write(b"\xff" * size)
    for args in (["show", "1"], ["people", "list"], ["--as", "pc@plf.test", "text", "AB-00000001"]):
        line = one_error_line(invoke(produced, *args))
        assert "database cannot be read" in line and "malformed" in line


def _checkpoint(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for side in (db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)


# -- 7. the verification gate refusing a filing --------------------------------------------


@pytest.fixture
def sealed(produced: Path) -> Path:
    cli(
        produced,
        "move-to-seal",
        "276",
        "--exhibit",
        "1",
        "--kind",
        "non_dispositive",
        "--filed-on",
        "2020-06-01",
    )
    cli(produced, "seal", "276", "--exhibit", "1", "--kind", "non_dispositive", "--granted")
    return produced


def _no_package(out: Path) -> None:
    left = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert not [n for n in left if n in ("sealed", "public", "highlighted")], left
    assert not [n for n in left if n.startswith(delivery.STAGE_PREFIX)], left


def test_file_when_the_gate_refuses_a_file(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clawback.service import filing

    monkeypatch.setattr(
        filing, "verify", lambda *a, **k: [Finding(0, "text", "secret 'code' extractable")]
    )
    out = tmp_path / "out"
    line = one_error_line(invoke(sealed, "file", str(out)))
    assert "finding" in line
    _no_package(out)


def test_file_when_x_ray_refuses_a_staged_file(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clawback.service import filings

    def refuse(paths: list[Path], processes: int = 1) -> dict[Path, list[Finding]]:
        return {p: [Finding(0, "x-ray", "opaque box over 3 live character(s)")] for p in paths}

    monkeypatch.setattr(filings, "xray_inspect", refuse)
    out = tmp_path / "out"
    line = one_error_line(invoke(sealed, "file", str(out)))
    assert "x-ray" in line
    _no_package(out)


def test_file_when_making_a_file_raises(
    sealed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clawback.service import filing, filings

    def refuse(*args: object, **kwargs: object) -> filing.Made:
        raise VerificationError("sealed/ex01_AB-00000001.pdf: 1 finding(s); first: page 1")

    monkeypatch.setattr(filings.filing, "make", refuse)
    out = tmp_path / "out"
    one_error_line(invoke(sealed, "file", str(out)))
    _no_package(out)


# -- 8. a workspace folder opened with another workspace's database ------------------------


def test_a_folder_opened_with_another_workspaces_database(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    cli(one, "init", str(one))
    cli(two, "init", str(two))
    ids = [(w / "workspace.id").read_text().strip() for w in (one, two)]
    env = {"CLAWBACK_DATABASE_URL": f"sqlite:///{two / 'clawback.db'}"}
    line = one_error_line(invoke(one, "show", "1", env=env))
    assert ids[0] in line and ids[1] in line


# -- 7. file names that are not plain text -----------------------------------------------------


def test_file_names_cannot_forge_report_lines_or_reverse_them(tmp_path: Path) -> None:
    """A newline in a name used to print a second, forged report line; a right-to-left override
    was printed raw (reversing what a terminal shows after it); a name that is not UTF-8 was
    refused with a codec message and left a stored file no record names. Each is now one line
    with the character escaped, ingested, and stored under the escaped name."""
    ws = tmp_path / "ws"
    cli(ws, "init", str(ws))
    cli(ws, "load-case", "--reference")
    folder = tmp_path / "in"
    folder.mkdir()
    names = {
        "forged\nDOC-999999 (ingested).pdf": "forged\\nDOC-999999 (ingested).pdf",
        "invoice\u202efdp.exe.pdf": "invoice\\u202efdp.exe.pdf",
        os.fsdecode(b"caf\xe9.pdf"): "caf\\xe9.pdf",
    }
    for n, name in enumerate(names):
        (folder / name).write_bytes(text_pdf(f"file {n}"))
    output = succeeded(invoke(ws, "ingest", str(folder)))
    lines = output.splitlines()
    assert len(lines) == len(names), output
    assert "\u202e" not in output and all(line.endswith("(ingested)") for line in lines)
    for escaped in names.values():
        assert sum(escaped in line for line in lines) == 1, (escaped, output)
    assert "matches its hash" in succeeded(invoke(ws, "check"))
    assert "orphan" not in succeeded(invoke(ws, "check"))


# -- a file path that is a folder or missing: said in clawback's words, not Python's ----------


@pytest.mark.parametrize(
    "args",
    [
        ("rule", "--from", "{folder}"),
        ("trace", "{folder}"),
        ("read-order", "{missing}"),
        ("rule", "--from", "{missing}"),
    ],
)
def test_a_path_that_is_a_folder_or_missing_is_named_with_the_problem(
    produced: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """These printed Python's own ``[Errno 21] Is a directory: '/tmp/...'``: one line, but
    with an errno and the path quoted as Python quotes it."""
    folder, missing = tmp_path / "a folder", tmp_path / "missing.pdf"
    folder.mkdir()
    argv = [a.format(folder=folder, missing=missing) for a in args]
    line = one_error_line(invoke(produced, *argv))
    assert "Errno" not in line, line
    path = folder if "{folder}" in args else missing
    problem = "is a folder" if "{folder}" in args else "no such file"
    assert line == f"error: {path}: {problem}", line


# -- a PDF a reading library fails on, given to any command that reads one ------------------


@pytest.mark.parametrize(
    "args",
    [
        ("trace", "{pdf}"),
        ("read-order", "{pdf}"),
        ("read-index", "{pdf}"),
        ("propose-redactions", "{pdf}"),
        ("file-brief", "{pdf}", "--out", "{out}"),
        ("file-paper", "{pdf}", "--docket", "ECF No. 77", "--kind", "brief"),
        ("check-declaration", "{pdf}"),
        ("check-redactions", "{pdf}"),
    ],
)
def test_a_pdf_whose_page_tree_loops_is_one_line_for_every_command(
    produced: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A page tree whose /Kids name the tree itself: MuPDF raises its own FzErrorFormat
    ("code=7: cycle in page tree"), which every command reading a PDF let out as a
    traceback. Nothing is entered (`file-paper`: no paper)."""
    pdf = tmp_path / "loop.pdf"
    pdf.write_bytes(LOOP)
    argv = [a.format(pdf=pdf, out=tmp_path / "out") for a in args]
    ws = None if args[0].startswith("check-") else produced
    before = _stored(produced)
    result = invoke(ws, *argv)
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert result.exit_code in (1, 2), result.output  # check-redactions: 2, could not check
    [line] = result.output.splitlines()
    assert "cycle in page tree" in line and "code=" not in line, line
    assert _stored(produced) == before


def _stored(ws: Path) -> tuple[int, int, list[str]]:
    """The documents and stored files the record holds, and the files in its store."""
    with sqlite3.connect(ws / "clawback.db") as db:
        documents = db.execute("SELECT count(*) FROM document").fetchone()[0]
        blobs = db.execute("SELECT count(*) FROM blob").fetchone()[0]
    return documents, blobs, sorted(str(p) for p in (ws / "files").rglob("*"))
