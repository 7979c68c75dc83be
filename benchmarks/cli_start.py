"""What a command line call costs to start: `clawback --help` and two simple reads.

Runs, each in a fresh process, `clawback --help`, `clawback show DOC` and `clawback text BATES`
on a demo workspace, and the baseline `python -c pass` in the same interpreter, ROUNDS times
each (interleaved), and prints the median wall time and the median peak memory (max RSS of the
process) of each, absolute and as a ratio to the baseline. The workspace is the reference case
built by `clawback demo` into a temporary folder (about a minute), or the one given.

    .venv/bin/python benchmarks/cli_start.py [--workspace DIR.workspace] [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = Path(sys.executable).parent / "clawback"  # the console script, as a user runs it
CLAWBACK = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "clawback"]


def run(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes) of one process, which must succeed."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {stderr.strip()}")
    return wall, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def first_bates(workspace: Path, document: str) -> str:
    shown = subprocess.run(
        [*CLAWBACK, "show", document, "-w", str(workspace)],
        check=True,
        capture_output=True,
        text=True,
    )
    found = re.match(r"\D*\d+", json.loads(shown.stdout)["bates"] or "")
    if found is None:
        raise SystemExit(f"document {document} has no Bates number in {workspace}")
    return found.group(0)


def measure(workspace: Path, document: str, rounds: int) -> None:
    bates = first_bates(workspace, document)
    w = ["-w", str(workspace)]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "clawback --help": [*CLAWBACK, "--help"],
        f"clawback show {document}": [*CLAWBACK, "show", document, *w],
        f"clawback text {bates}": [*CLAWBACK, "text", bates, *w],
    }
    for argv in cases.values():  # warm the file cache and the bytecode
        run(argv)
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, list[int]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, argv in cases.items():
            wall, peak = run(argv)
            times[name].append(wall)
            peaks[name].append(peak)
    base_t = statistics.median(times["python -c pass"])
    base_m = statistics.median(peaks["python -c pass"])
    print(f"median of {rounds} runs each; ratio to `python -c pass` in the same interpreter")
    print(f"{'command':<34} {'wall':>9} {'ratio':>7} {'max RSS':>10} {'ratio':>7}")
    for name in cases:
        t, m = statistics.median(times[name]), statistics.median(peaks[name])
        print(
            f"{name:<34} {t * 1000:7.0f}ms {t / base_t:6.1f}x {m / 2**20:8.1f}MB {m / base_m:6.1f}x"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workspace", type=Path, help="an existing workspace (else a demo)")
    parser.add_argument("--document", default="1", help="the document `show` reads")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if args.workspace is not None:
        measure(args.workspace, args.document, args.rounds)
        return
    with tempfile.TemporaryDirectory(prefix="clawback-cli-start-") as tmp:
        out = Path(tmp) / "demo"
        print("building the demo workspace (clawback demo) ...", flush=True)
        subprocess.run([*CLAWBACK, "demo", "--out", str(out)], check=True, capture_output=True)
        measure(Path(tmp) / "demo.workspace", args.document, args.rounds)


if __name__ == "__main__":
    main()
