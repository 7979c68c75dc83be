"""Gate check (f): Free Law Project's x-ray, run in its own interpreter.

x-ray 0.4.0 pins PyMuPDF 1.24.14, so it lives in a separate virtualenv and this product never
imports it: `XrayRun` starts that environment's Python (one interpreter or several side by
side) and hands it the files one by one; `xray_inspect` does that for a list of files. Reports
come back as JSON lines. x-ray reports rectangles drawn over live text; the text it found under
them is *not* passed back (it may be the secret): a finding gives the page, the box and the
number of characters.

The interpreter is ``$CLAWBACK_XRAY_PYTHON`` if set, else ``<sys.prefix>/xray/bin/python``
(``scripts/setup`` creates the x-ray virtualenv inside the product's, at ``.venv/xray``). A
missing interpreter, a crash, a timeout or a file x-ray cannot read each yield a finding: the
check fails closed.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from clawback.pdf.gate.findings import Finding, require_clean

__all__ = ["XrayRun", "xray_inspect", "xray_pdf", "xray_python"]

#: Seconds allowed, once the last file is handed over: interpreter start-up, plus per file.
TIMEOUT_BASE = 60.0
TIMEOUT_PER_FILE = 20.0

# Runs inside the x-ray interpreter: one path per line on stdin, as the files are made; one
# JSON line per file to the report file argv[1], written as each file is done.
_SCRIPT = """
import asyncio, inspect, json, sys
from pathlib import Path
import xray
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for line in sys.stdin:
        name = line.rstrip("\\n")
        if not name:
            continue
        try:
            result = xray.inspect(Path(name))
            if inspect.isawaitable(result):
                result = asyncio.run(result)
            entry = {"pages": {
                str(page): [{"bbox": list(r["bbox"]), "chars": len(r["text"])} for r in hits]
                for page, hits in result.items()
            }}
        except Exception as exc:
            entry = {"error": type(exc).__name__}
        out.write(json.dumps({"name": name, **entry}) + "\\n")
        out.flush()
"""


def xray_python() -> Path:
    """The interpreter of the x-ray environment (see module doc)."""
    configured = os.environ.get("CLAWBACK_XRAY_PYTHON")
    if configured:
        return Path(configured)
    return Path(sys.prefix) / "xray" / "bin" / "python"


class XrayRun:
    """x-ray over files handed over one by one, as they come or when they are all there.

    `add` collects each file; `finish` deals the files out to the interpreters in turn and
    waits for the reports (`require_clean` raises on them). `start` starts the interpreters
    at once (else `finish` does): their start-up (about 0.2 s: an interpreter, PyMuPDF and
    x-ray imported) then overlaps the caller's work, and they wait, idle, for files.

    * ``stream=False``: ``processes`` interpreters read the files once `finish` is called,
      side by side (a production whose workers take every core: x-ray after them, in as
      many processes);
    * ``stream=True``: one interpreter reads each file as soon as it is added (a production
      with a core to spare: x-ray reads a document while the next is made).

    Use it as a context manager: leaving the block stops any interpreter still running.
    Fails closed like `xray_inspect`.
    """

    def __init__(self, processes: int = 1, stream: bool = False) -> None:
        self._paths: list[Path] = []
        self._names: dict[Path, str] = {}
        self._procs: list[tuple[subprocess.Popen[str], Path, list[Path]]] = []
        self._failure: str | None = None
        self._count = 1 if stream else max(1, processes)
        self._stream = stream
        self._fed = 0
        self._tmp = tempfile.TemporaryDirectory(prefix="clawback-xray-")

    def start(self) -> None:
        """Start the interpreters now; they wait for their files."""
        if not self._procs and self._failure is None:
            self._start()

    def _start(self) -> None:
        python = xray_python()
        if not python.exists():
            self._failure = f"x-ray environment not found at {python}: run scripts/setup"
            return
        for n in range(self._count):
            report = Path(self._tmp.name) / f"report-{n}.jsonl"
            try:
                proc = subprocess.Popen(
                    [str(python), "-I", "-c", _SCRIPT, str(report)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    text=True,
                )
            except OSError as exc:
                self._failure = f"x-ray could not start ({type(exc).__name__})"
                return
            self._procs.append((proc, report, []))

    def __enter__(self) -> XrayRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, path: Path, name: str | None = None) -> None:
        """Have `path` read; `name` is what `require_clean` calls it (the path by default)."""
        self._paths.append(path)
        self._names[path] = name or str(path)
        if self._stream and self._procs:
            self._feed_all()

    def _feed_all(self) -> None:
        """Hand every file not yet handed over to the interpreters, in turn."""
        while self._fed < len(self._paths):
            self._feed(self._fed)
            self._fed += 1

    def _feed(self, index: int) -> None:
        proc, _, given = self._procs[index % len(self._procs)]
        path = self._paths[index]
        given.append(path)
        try:
            assert proc.stdin is not None
            proc.stdin.write(str(Path(path).resolve()) + "\n")
            proc.stdin.flush()
        except (OSError, ValueError):
            pass  # the interpreter died: its files get no report, which `finish` reports

    def finish(self) -> dict[Path, list[Finding]]:
        """Wait for every report; findings per path added (empty = clean)."""
        if not self._procs and self._failure is None and self._paths:
            self._count = min(self._count, len(self._paths))
            self._start()
        if self._procs:
            self._feed_all()
        if self._failure is not None:
            return {path: [Finding(None, "x-ray", self._failure)] for path in self._paths}
        report: dict[Path, list[Finding]] = {}
        for proc, report_path, given in self._procs:
            report.update(_reports(proc, report_path, given))
        return {path: report[path] for path in self._paths}

    def require_clean(self) -> None:
        """`finish`, then `VerificationError` naming the first file with a finding, with its
        page and what x-ray saw."""
        reports = self.finish()
        for path in self._paths:
            require_clean(reports[path], self._names[path])

    def close(self) -> None:
        """Stop any interpreter still running and remove the reports."""
        for proc, _, _ in self._procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdin is not None and not proc.stdin.closed:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
        self._tmp.cleanup()


def _reports(
    proc: subprocess.Popen[str], report_path: Path, given: list[Path]
) -> dict[Path, list[Finding]]:
    """Close one interpreter's input, wait for it, and read its reports on `given`."""
    if proc.stdin is not None:
        with contextlib.suppress(OSError):
            proc.stdin.close()
    try:
        proc.wait(timeout=TIMEOUT_BASE + TIMEOUT_PER_FILE * len(given))
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return {path: [Finding(None, "x-ray", "x-ray timed out")] for path in given}
    if proc.returncode != 0 or not report_path.exists():
        detail = f"x-ray exited with status {proc.returncode}"
        return {path: [Finding(None, "x-ray", detail)] for path in given}
    entries: dict[str, dict[str, Any]] = {}
    for line in report_path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        entries[entry.pop("name")] = entry
    return {path: _findings(entries.get(str(Path(path).resolve()))) for path in given}


def xray_inspect(paths: Sequence[Path], processes: int = 1) -> dict[Path, list[Finding]]:
    """Run x-ray over many files; findings per path (empty = clean). With ``processes`` > 1
    the files are dealt out to that many x-ray interpreters running side by side (each costs
    an interpreter start, so it pays for large batches on a machine with spare cores)."""
    if not paths:
        return {}
    with XrayRun(processes) as run:
        for path in paths:
            run.add(path)
        return run.finish()


def xray_pdf(pdf: bytes) -> list[Finding]:
    """x-ray findings for PDF bytes (one subprocess; prefer `xray_inspect` for batches)."""
    with tempfile.TemporaryDirectory(prefix="clawback-xray-") as tmp:
        path = Path(tmp) / "file.pdf"
        path.write_bytes(pdf)
        return xray_inspect([path])[path]


def _findings(entry: dict[str, Any] | None) -> list[Finding]:
    if entry is None:
        return [Finding(None, "x-ray", "x-ray returned no result for the file")]
    if "error" in entry:
        return [Finding(None, "x-ray", f"x-ray could not inspect the file ({entry['error']})")]
    findings = []
    for page, hits in sorted(entry["pages"].items(), key=lambda item: int(item[0])):
        for hit in hits:
            box = ", ".join(f"{v:.1f}" for v in hit["bbox"])
            detail = f"opaque box over {hit['chars']} live character(s) at ({box})"
            findings.append(Finding(int(page) - 1, "x-ray", detail))
    return findings
