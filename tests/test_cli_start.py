"""The command line starts light: what each call loads, not how long it takes.

`clawback --help` loads no database layer, PDF engine or spreadsheet writer, and a read (`show`)
loads only the database layer, never Alembic (the schema's head is read from the
migration files), the PDF engine, the copy index or the spreadsheet writer.
Each check runs in a fresh interpreter, so what this test run imported does not count.
(`benchmarks/cli_start.py` gives the times.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pymupdf
from typer.testing import CliRunner

from clawback.cli import app

PDF_ENGINE = ("pymupdf", "fitz", "pikepdf", "pypdf", "fontTools", "PIL", "numpy")
OTHERS = ("datasketch", "scipy", "openpyxl", "fastapi", "uvicorn", "extract_msg", "holidays")
DATABASE = ("sqlalchemy", "cryptography")
MIGRATIONS = ("alembic",)  # only to make or migrate a workspace: a read checks the head without

# Runs the CLI (when given arguments) in a fresh interpreter, then prints on its last line the
# exit status and which of the named modules were loaded.
PROBE = """
import json, sys
names = json.loads(sys.argv[1])
from clawback.cli import app
status = 0
if sys.argv[2:]:
    try:
        app(sys.argv[2:])
    except SystemExit as exc:
        status = exc.code or 0
print(json.dumps([status, sorted(n for n in names if n in sys.modules)]))
"""


def loaded(*args: str, among: tuple[str, ...]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(among), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    status, found = json.loads(done.stdout.splitlines()[-1])
    assert status == 0, done.stdout + done.stderr
    return list(found)


def test_importing_the_cli_loads_no_heavy_library() -> None:
    names = (*PDF_ENGINE, *OTHERS, *DATABASE, *MIGRATIONS, "clawback.service.workspace", "yaml")
    assert loaded(among=names) == []


def test_help_loads_no_heavy_library() -> None:
    heavy = (*PDF_ENGINE, *OTHERS, *DATABASE, *MIGRATIONS)
    assert loaded("--help", among=heavy) == []
    assert loaded("show", "--help", among=heavy) == []


def test_making_a_workspace_runs_no_migration(tmp_path: Path) -> None:
    """A new workspace is given the newest schema at once (``storage.head_schema``): Alembic,
    and every migration with it, is loaded only to bring an older database up to date."""
    assert loaded("init", str(tmp_path / "ws"), among=MIGRATIONS) == []
    assert (tmp_path / "ws" / "clawback.db").exists()


def test_a_read_loads_the_database_and_not_the_pdf_engine(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    pdf = tmp_path / "memo.pdf"
    with pymupdf.open() as doc:
        doc.new_page().insert_text((72, 100), "a memo", fontsize=11)
        doc.save(pdf)
    runner = CliRunner()
    for args in (["init", str(ws)], ["ingest", str(pdf), "-w", str(ws)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
    heavy = (*PDF_ENGINE, *OTHERS, *DATABASE, *MIGRATIONS)
    found = loaded("show", "DOC-000001", "-w", str(ws), among=heavy)
    assert found == sorted(DATABASE)  # the read did run: it opened the database
