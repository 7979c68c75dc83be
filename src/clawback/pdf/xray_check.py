"""Gate check (f): Free Law Project's x-ray, run in its own interpreter.

x-ray 0.4.0 pins PyMuPDF 1.24.14, so it lives in a separate virtualenv and this product never
imports it: `xray_inspect` starts that environment's Python once for a whole batch of files and
reads back JSON. x-ray reports rectangles drawn over live text; the text it found under them is
*not* passed back (it may be the secret): a finding gives the page, the box and the number of
characters.

The interpreter is ``$CLAWBACK_XRAY_PYTHON`` if set, else ``<sys.prefix>/xray/bin/python``
(``scripts/setup`` creates the x-ray virtualenv inside the product's, at ``.venv/xray``). A
missing interpreter, a crash, a timeout or a file x-ray cannot read each yield a finding: the
check fails closed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from clawback.pdf.findings import Finding

__all__ = ["xray_inspect", "xray_pdf", "xray_python"]

#: Seconds allowed for interpreter start-up, plus per file.
TIMEOUT_BASE = 60.0
TIMEOUT_PER_FILE = 20.0

# Runs inside the x-ray interpreter: JSON list of paths on stdin, JSON report to argv[1].
_SCRIPT = """
import asyncio, inspect, json, sys
from pathlib import Path
import xray
report = {}
for name in json.load(sys.stdin):
    try:
        result = xray.inspect(Path(name))
        if inspect.isawaitable(result):
            result = asyncio.run(result)
        report[name] = {"pages": {
            str(page): [{"bbox": list(r["bbox"]), "chars": len(r["text"])} for r in hits]
            for page, hits in result.items()
        }}
    except Exception as exc:
        report[name] = {"error": type(exc).__name__}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(report, out)
"""


def xray_python() -> Path:
    """The interpreter of the x-ray environment (see module doc)."""
    configured = os.environ.get("CLAWBACK_XRAY_PYTHON")
    if configured:
        return Path(configured)
    return Path(sys.prefix) / "xray" / "bin" / "python"


def xray_inspect(paths: Sequence[Path], processes: int = 1) -> dict[Path, list[Finding]]:
    """Run x-ray over many files; findings per path (empty = clean). With ``processes`` > 1
    the files are dealt out to that many x-ray interpreters running side by side (each costs
    an interpreter start, so it pays for large batches on a machine with spare cores)."""
    if not paths:
        return {}
    python = xray_python()
    if not python.exists():
        detail = f"x-ray environment not found at {python}: run scripts/setup"
        return {path: [Finding(None, "x-ray", detail)] for path in paths}
    count = max(1, min(processes, len(paths)))
    batches = [list(paths[n::count]) for n in range(count)]
    if count == 1:
        return _inspect_batch(python, batches[0])
    report: dict[Path, list[Finding]] = {}
    with ThreadPoolExecutor(max_workers=count) as pool:  # each thread waits on its process
        for part in pool.map(lambda batch: _inspect_batch(python, batch), batches):
            report.update(part)
    return {path: report[path] for path in paths}


def _inspect_batch(python: Path, paths: Sequence[Path]) -> dict[Path, list[Finding]]:
    """One x-ray interpreter over `paths` (see `xray_inspect`)."""
    names = [str(Path(path).resolve()) for path in paths]
    with tempfile.TemporaryDirectory(prefix="clawback-xray-") as tmp:
        report_path = Path(tmp) / "report.json"
        try:
            completed = subprocess.run(
                [str(python), "-I", "-c", _SCRIPT, str(report_path)],
                input=json.dumps(names),
                capture_output=True,
                text=True,
                timeout=TIMEOUT_BASE + TIMEOUT_PER_FILE * len(paths),
                check=False,
            )
        except subprocess.TimeoutExpired:
            return {path: [Finding(None, "x-ray", "x-ray timed out")] for path in paths}
        except OSError as exc:
            detail = f"x-ray could not start ({type(exc).__name__})"
            return {path: [Finding(None, "x-ray", detail)] for path in paths}
        if completed.returncode != 0 or not report_path.exists():
            detail = f"x-ray exited with status {completed.returncode}"
            return {path: [Finding(None, "x-ray", detail)] for path in paths}
        report = json.loads(report_path.read_text(encoding="utf-8"))
    return {path: _findings(report.get(name)) for path, name in zip(paths, names, strict=True)}


def xray_pdf(pdf: bytes) -> list[Finding]:
    """x-ray findings for PDF bytes (one subprocess; prefer `xray_inspect` for batches)."""
    with tempfile.TemporaryDirectory(prefix="clawback-xray-") as tmp:
        path = Path(tmp) / "file.pdf"
        path.write_bytes(pdf)
        return xray_inspect([path])[path]


def _findings(entry: dict | None) -> list[Finding]:
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
