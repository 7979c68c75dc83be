"""Colour profiles (``ICCBased`` colour spaces) that show other viewers what MuPDF does not.

MuPDF and pdfium (Chrome, Edge) both draw an ``ICCBased`` space through its profile, but not
alike: MuPDF's colour engine works from tables it computes at fewer points, so a tone curve
that turns back and forth from one sample value to the next is smoothed away, where pdfium
applies it value by value. A grey profile whose curve (``kTRC``) maps odd samples to black and
even ones to white turns a picture of noise, whose samples' lowest bit spells ``DB-40981``,
into the item in plain sight in Chrome, while ingest's OCR, the pattern search and every check
of the gate see noise: it went out through ``produce --redact-pattern``. The next member of
the class `transfer` closed (a colour mapping other viewers apply as MuPDF does not).

A profile is taken at its word unless one of its one-dimensional tables swings back by more
than an eighth of its range more than twice (`plain_profile`): a tone curve (``curv``), the
input and output tables of a lookup-table tag (``mft1``, ``mft2``), the curves inside a
version 4 lookup (``mAB``, ``mBA``). Measured curves that wobble, gammas, parametric curves and
the grids of print profiles are plain. A profile that is not (or cannot be read) is replaced,
wherever a colour space names it, by the device space of as many components
(`strip_profiles`, in `scrub`, on every output): every viewer then draws the same samples the
same way. The gate refuses a file still holding one (`odd_profiles`).
"""

from __future__ import annotations

import struct

import pikepdf

from clawback.pdf.files.pdfwalk import Walk

__all__ = ["odd_profiles", "plain_profile", "strip_profiles"]

_DEVICE = {1: pikepdf.Name.DeviceGray, 3: pikepdf.Name.DeviceRGB, 4: pikepdf.Name.DeviceCMYK}
#: A swing back larger than this share of a table's range counts as a turn.
_SWING = 1 / 8
#: More turns than this in one table: the profile is not plain.
_TURNS = 2


def plain_profile(data: bytes) -> bool:
    """Whether every one-dimensional table of the ICC profile `data` runs one way, give or
    take two turns (see module doc); False for anything it cannot read."""
    try:
        (count,) = struct.unpack_from(">I", data, 128)
        if count > 200:
            return False
        for index in range(count):
            _, offset, size = struct.unpack_from(">4sII", data, 132 + 12 * index)
            if not all(
                _turns(table, full) <= _TURNS
                for table, full in _tables(data[offset : offset + size])
            ):
                return False
    except (struct.error, ValueError):
        return False
    return True


def _tables(tag: bytes) -> list[tuple[tuple[int, ...], int]]:
    """The one-dimensional tables of one tag, each with its full range."""
    kind = tag[:4]
    if kind == b"curv":
        (count,) = struct.unpack_from(">I", tag, 8)
        return [(struct.unpack_from(f">{count}H", tag, 12), 65535)] if count > 1 else []
    if kind in (b"mft1", b"mft2"):
        inputs, outputs, grid = tag[8], tag[9], tag[10]
        if kind == b"mft1":
            size, width, start, full = 256, 1, 48, 255
        else:
            size, outs = struct.unpack_from(">HH", tag, 48)
            width, start, full = 2, 52, 65535
        code = "B" if width == 1 else "H"
        tables = []
        for n in range(inputs):
            tables.append(
                (struct.unpack_from(f">{size}{code}", tag, start + n * size * width), full)
            )
        after = start + inputs * size * width + grid**inputs * outputs * width
        size = 256 if kind == b"mft1" else outs
        for n in range(outputs):
            tables.append(
                (struct.unpack_from(f">{size}{code}", tag, after + n * size * width), full)
            )
        return tables
    if kind in (b"mAB ", b"mBA "):
        return [
            table
            for at in range(8, len(tag) - 12, 4)
            if tag[at : at + 4] == b"curv"
            for table in _tables(tag[at:])
        ]
    return []


def _turns(values: tuple[int, ...], full: int) -> int:
    """How many times `values` swing back by more than `_SWING` of `full` from the furthest
    they went the other way."""
    least = _SWING * full
    turns, direction, furthest = 0, 0, values[0] if values else 0
    for value in values:
        if direction == 0:
            if abs(value - furthest) > least:
                direction, furthest = (1 if value > furthest else -1), value
        elif (value - furthest) * direction > 0:
            furthest = value
        elif abs(value - furthest) > least:
            turns, direction, furthest = turns + 1, -direction, value
    return turns


def _odd(space: object) -> pikepdf.Name | None:
    """The device space to draw `space` in, when it is an ICCBased space whose profile is
    not plain; else None."""
    if not (
        isinstance(space, pikepdf.Array)
        and len(space) == 2
        and space[0] == pikepdf.Name.ICCBased
        and isinstance(profile := space[1], pikepdf.Stream)
    ):
        return None
    try:
        data = profile.read_bytes()
    except pikepdf.PdfError:
        data = b""
    if plain_profile(data):
        return None
    count = profile.get("/N")
    return _DEVICE.get(int(count) if isinstance(count, int) else 0, pikepdf.Name.DeviceRGB)


def odd_profiles(found: Walk) -> int:
    """How many colour spaces among `found` draw through a profile that is not plain."""
    return sum(1 for obj in found.containers if _odd(obj) is not None)


def strip_profiles(found: Walk) -> int:
    """Name the device space, in every dictionary and array among `found`, where it named
    an ICCBased space whose profile is not plain; how many such places."""
    changed = 0
    for obj in found.containers:
        if isinstance(obj, pikepdf.Array):
            for index, value in enumerate(list(obj)):
                if (device := _odd(value)) is not None:
                    obj[index] = device
                    changed += 1
        elif isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for key, value in list(obj.items()):
                if (device := _odd(value)) is not None:
                    obj[key] = device
                    changed += 1
    return changed
