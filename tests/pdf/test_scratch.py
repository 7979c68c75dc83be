"""A conversion killed with its process leaves its scratch folder (copies of the documents it
was converting); the next conversion sweeps it, and only it: a folder whose process still runs
(another worker's conversion) is kept, as is an unmarked one not yet a day old."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from clawback.pdf.files import scratch
from clawback.pdf.files.convert import soffice, to_pdf

# A process that makes a scratch folder, puts a document's copy in it, says where, and waits
# to be killed inside it.
_KILLED = """
import sys, time
from clawback.pdf.files import scratch
with scratch.folder() as work:
    (work / "document.docx").write_bytes(b"privileged words")
    print(work, flush=True)
    time.sleep(600)
"""


def _rtf(words: str) -> bytes:
    return ("{\\rtf1\\ansi{\\fonttbl{\\f0 Helvetica;}}\\f0 " + words + "\\par}").encode("ascii")


@pytest.fixture
def temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    return tmp_path


def _killed_inside(temporary: Path) -> Path:
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert child.stdout is not None
    left = Path(child.stdout.readline().strip())
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert (left / "document.docx").is_file()  # what a kill -9 leaves behind
    return left


def test_the_folder_of_a_killed_conversion_is_swept_by_the_next(temporary: Path) -> None:
    left = _killed_inside(temporary)
    running = temporary / f"{scratch.PREFIX}running"
    running.mkdir()
    (running / scratch.MARK).write_text(str(os.getpid()), encoding="ascii")
    unmarked = temporary / f"{scratch.PREFIX}unmarked"
    unmarked.mkdir()
    with scratch.folder() as work:
        assert work.parent == temporary and (work / scratch.MARK).is_file()
    assert not left.exists()
    assert running.is_dir() and unmarked.is_dir()
    assert not work.exists()


def test_an_unmarked_folder_a_day_old_is_swept(temporary: Path) -> None:
    old = temporary / f"{scratch.PREFIX}old"
    old.mkdir()
    day_ago = old.stat().st_mtime - scratch.UNMARKED_AGE - 60
    os.utime(old, (day_ago, day_ago))
    assert scratch.sweep() == [old]


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (Debian's libreoffice) not installed")
def test_a_conversion_sweeps_what_a_killed_one_left(temporary: Path) -> None:
    left = _killed_inside(temporary)
    assert to_pdf(_rtf("Minutes of the meeting"), ".rtf").startswith(b"%PDF")
    assert not left.exists()
    assert not list(temporary.glob(f"{scratch.PREFIX}*"))
