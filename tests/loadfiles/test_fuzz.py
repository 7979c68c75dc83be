"""Fuzzing: read_dat/read_opt on arbitrary and on damaged real bytes never raise.

Each test runs its hypothesis property through an inner function so it can print how many
examples ran and how long they took (see the captured output, or run with ``-s``). The example
budgets keep the whole module well under ~20 s.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clawback.loadfiles import DatFile, OptFile, read_dat, read_opt
from tests.loadfiles import sample_bytes

SAMPLES = sample_bytes()
FUZZ = settings(deadline=None, database=None, suppress_health_check=list(HealthCheck))
# Bytes that matter to the formats, so random text hits the interesting paths often.
ALPHABET = list(b'\x14|,\t^"\r\n;Y ab1.\\') + list("þ®é".encode()) + [0xFE, 0xAE, 0xFF, 0x00]


def check_dat(dat: object) -> None:
    assert isinstance(dat, DatFile)
    assert not any(p.startswith("internal error") for p in dat.problems), dat.problems
    assert all(isinstance(p, str) for p in dat.problems)
    assert len(dat.records) == len(dat.rows) == len(dat.lines)
    widths = {len(row) for row in dat.rows}
    assert len(widths) <= 1
    if dat.header is not None and dat.rows:
        assert widths == {len(dat.header)}
    dat.control_numbers()


def check_opt(opt: object) -> None:
    assert isinstance(opt, OptFile)
    assert not any(p.startswith("internal error") for p in opt.problems), opt.problems
    assert sum(len(d.pages) for d in opt.documents()) == len(opt.pages)
    assert all(page.key and page.path for page in opt.pages)


def mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, position, byte) edits: 0 flip a bit, 1 insert a byte, 2 delete a byte."""
    buf = bytearray(data)
    for kind, position, value in edits:
        if not buf:
            buf.append(value)
            continue
        at = position % len(buf)
        if kind == 0:
            buf[at] ^= 1 << (value % 8)
        elif kind == 1:
            buf.insert(at, value)
        else:
            del buf[at]
    return bytes(buf)


EDITS = st.lists(
    st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255)),
    min_size=1,
    max_size=12,
)


def run(name: str, property_: Callable[[], None], budget: int) -> int:
    """Run a hypothesis property, print the example count and time, return the count."""
    start = time.perf_counter()
    property_()
    elapsed = time.perf_counter() - start
    print(f"{name}: {COUNT[name]} examples in {elapsed:.2f}s (max_examples={budget})")
    assert COUNT[name] > 0
    return COUNT[name]


COUNT: dict[str, int] = {}


def _counted(name: str) -> None:
    COUNT[name] = COUNT.get(name, 0) + 1


def test_fuzz_arbitrary_bytes() -> None:
    budget = 2500

    @settings(FUZZ, max_examples=budget)
    @given(st.one_of(st.binary(max_size=600), st.lists(st.sampled_from(ALPHABET)).map(bytes)))
    def prop(data: bytes) -> None:
        _counted("arbitrary")
        check_dat(read_dat(data))
        check_opt(read_opt(data))

    run("arbitrary", prop, budget)


def test_fuzz_arbitrary_bytes_with_forced_options() -> None:
    budget = 1000

    @settings(FUZZ, max_examples=budget)
    @given(
        st.lists(st.sampled_from(ALPHABET), max_size=300).map(bytes),
        st.sampled_from([None, "\x14", "|", ",", "\t", "ab", ""]),
        st.sampled_from([None, "", "þ", "^", '"', "|", "xy"]),
        st.sampled_from([None, True, False]),
    )
    def prop(data: bytes, delimiter: str | None, quote: str | None, header: bool | None) -> None:
        _counted("forced")
        check_dat(read_dat(data, delimiter=delimiter, quote=quote, header=header))

    run("forced", prop, budget)


def test_fuzz_mutated_samples() -> None:
    budget = 2500
    assert SAMPLES

    @settings(FUZZ, max_examples=budget)
    @given(st.sampled_from(SAMPLES), EDITS)
    def prop(sample: bytes, edits: list[tuple[int, int, int]]) -> None:
        _counted("mutated")
        data = mutate(sample, edits)
        check_dat(read_dat(data))
        check_opt(read_opt(data))

    run("mutated", prop, budget)
