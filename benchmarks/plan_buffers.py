"""The buffers each search read, from the output of ``benchmarks/explain_search.py --plans``:
for each search (its line: time, pages counted, seat, query), the top-level ``Buffers:`` of
every statement's plan summed (shared hit + read; planning's own buffers left out), with the
statements named; then the sum over all searches. The counts do not depend on the machine's
load, so two runs of different code on the same kept corpus compare search by search:

    PYTHONPATH=src:.:benchmarks .venv/bin/python benchmarks/explain_search.py --reuse DIR \\
        --plans --no-timing zutemi > b.txt
    .venv/bin/python benchmarks/plan_buffers.py a.txt b.txt     # A and B side by side
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SEARCH = re.compile(r"^\s*[\d.]+ ms\s+([\d,]+) (\w+)\s+(.*?)\s*\|")
NODE = re.compile(r"^(\s*)(?:->\s+)?\S.*\(cost=")
BUFFERS = re.compile(r"Buffers: shared(?: hit=(\d+))?(?: read=(\d+))?")


def searches(path: Path) -> dict[tuple[str, str], tuple[int, int, int]]:
    """(seat, query) -> (pages counted, buffers, statements planned), in the file's order."""
    found: dict[tuple[str, str], tuple[int, int, int]] = {}
    key: tuple[str, str] | None = None
    top: int | None = None  # the indent of the current plan's top node, until its buffers
    for line in path.read_text().splitlines():
        if m := SEARCH.match(line):
            key = (m.group(2), m.group(3))
            while key in found:  # asked again (a named query also drawn): kept apart
                key = (key[0], key[1] + " (again)")
            found[key] = (int(m.group(1).replace(",", "")), 0, 0)
            top = None
        elif key is None:
            continue
        elif "Query Text:" in line:
            top = -1
        elif top == -1 and (n := NODE.match(line)):
            top = len(n.group(1))
        elif (
            top is not None
            and top >= 0
            and (b := BUFFERS.search(line))
            and len(line) - len(line.lstrip()) == top + 2  # the top node's own, no other's
        ):
            pages, buffers, plans = found[key]
            read = int(b.group(1) or 0) + int(b.group(2) or 0)
            found[key] = (pages, buffers + read, plans + 1)
            top = None
    return found


def main() -> None:
    runs = [searches(Path(p)) for p in sys.argv[1:]]
    print(" | ".join(f"{p:>28}" for p in sys.argv[1:]) + " | seat     query")
    for key in runs[0]:
        cells = []
        for run in runs:
            pages, buffers, plans = run.get(key, (0, 0, 0))
            cells.append(f"{buffers:>10,} buf {plans:>2} st {pages:>6,} pg")
        print(" | ".join(cells) + f" | {key[0]:8} {key[1]}")
    print(" | ".join(f"{sum(b for _, b, _ in run.values()):>14,} buffers in all" for run in runs))


if __name__ == "__main__":
    main()
