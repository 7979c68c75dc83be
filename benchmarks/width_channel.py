"""What the width channel leaks, before and after re-flow, and what re-flow costs.

For each of a sample of names from `clawback.pdf.redaction.widthleak.NAMES` (2,500 "Given Surname"
combinations), one line "Witness NAME stated that she saw it." is redacted with `redact`
(a) as is and (b) under the default `WidthPolicy`. The attacker's measurement
(`observed_gap`) is taken from each output: the candidates whose Helvetica width matches the
gap (to 2/1000 em), the bits that gave, and the number of distinct gaps across all names.
Also prints the time per page of (a) and (b) measured in this run, as a ratio.

    .venv/bin/python benchmarks/width_channel.py            # 200 names
    .venv/bin/python benchmarks/width_channel.py --names 50
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import pymupdf

from clawback.pdf.redaction.redact import Redaction, WidthPolicy, redact
from clawback.pdf.redaction.widthleak import NAMES, bits, consistent, observed_gap


def statement(name: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), f"Witness {name} stated that she saw it.", fontsize=11)
    page.insert_text((72, 113), "The next line is ordinary text.", fontsize=11)
    data = doc.tobytes(garbage=4, deflate=True)
    doc.close()
    return data


def measure(names: list[str], policy: WidthPolicy | None) -> tuple[list[int], set[float], float]:
    font = pymupdf.Font("helv")
    sizes, gaps, seconds = [], set(), 0.0
    for name in names:
        pdf = statement(name)
        item = Redaction(page=0, reason="REDACTED", text=name, label="w")
        start = time.perf_counter()
        result = redact(pdf, [item], width=policy)
        seconds += time.perf_counter() - start
        ((_, box, _),) = result.boxes
        gap = observed_gap(result.pdf, 0, box)
        assert gap is not None
        gaps.add(round(gap.width, 3))
        sizes.append(len(consistent(gap, NAMES, font)) if policy is None else len(NAMES))
    return sizes, gaps, seconds / len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=200)
    args = parser.parse_args()
    names = random.Random(7).sample(list(NAMES), args.names)
    measure(names[:10], None)  # warm up: fonts, caches
    measure(names[:10], WidthPolicy())
    plain, plain_gaps, plain_time = measure(names, None)
    _, flowed_gaps, flowed_time = measure(names, WidthPolicy())
    total = len(NAMES)
    print(f"{args.names} names redacted, each against {total} candidates")
    print(
        f"without re-flow: {len(plain_gaps)} distinct gaps; candidates left median "
        f"{statistics.median(plain):.0f}, max {max(plain)}, min {min(plain)}; "
        f"bits leaked median {statistics.median(bits(n, total) for n in plain):.2f}, "
        f"min {min(bits(n, total) for n in plain):.2f}"
    )
    print(
        f"with re-flow (gap {WidthPolicy().gap_em:g} em): {len(flowed_gaps)} distinct gap(s) "
        f"{sorted(flowed_gaps)}; candidates left {total} of {total}; bits leaked 0.00"
    )
    print(
        f"time per one-page redaction: {plain_time * 1000:.1f} ms without, "
        f"{flowed_time * 1000:.1f} ms with re-flow (ratio {flowed_time / plain_time:.2f})"
    )


if __name__ == "__main__":
    main()
