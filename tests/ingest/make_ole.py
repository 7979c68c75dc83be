"""Compound (OLE2) files made here, as Word 97-2003 keeps the objects embedded in a document
(``ObjectPool/_NNNN/``) and Excel in a workbook (``MBD0000NNNN/``): a packaged file in an OLE 1.0
native stream (``\\x01Ole10Native``, as Windows' Object Packager writes it), an Office Open XML
file in a ``Package`` stream. Written by the Compound File Binary format's own rules (version 3,
512-byte sectors); every stream is kept at 4,096 bytes or more, so none goes in the mini stream
and one FAT describes the lot."""

from __future__ import annotations

import itertools
import struct

_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
_NONE = 0xFFFFFFFF
_SECTOR = 512
_CUTOFF = 4096

#: A tree of the file: a name to bytes (a stream) or to a tree (a storage).
Tree = dict[str, "bytes | Tree"]


def ole10_native(name: str, data: bytes) -> bytes:
    """An OLE 1.0 native stream packaging the file ``name`` (label, source path, temp path,
    then its bytes), the total size first."""
    label = name.encode("latin-1") + b"\x00"
    path = f"C:\\Users\\kim\\Desktop\\{name}".encode("latin-1") + b"\x00"
    temp = f"C:\\Users\\kim\\AppData\\Local\\Temp\\{name}".encode("latin-1") + b"\x00"
    body = (
        struct.pack("<H", 2)
        + label
        + path
        + struct.pack("<I", 0x00030000)
        + struct.pack("<I", len(temp))
        + temp
        + struct.pack("<I", len(data))
        + data
    )
    return struct.pack("<I", len(body)) + body


def compound(tree: Tree) -> bytes:
    """The compound file holding ``tree`` (streams padded with zeros to the cutoff)."""
    entries: list[dict[str, object]] = [{"name": "Root Entry", "type": 5, "kids": []}]
    streams: list[tuple[int, bytes]] = []

    def add(parent: int, branch: Tree) -> None:
        for name, value in branch.items():
            at = len(entries)
            entry: dict[str, object] = {"name": name, "kids": []}
            entries.append(entry)
            kids = entries[parent]["kids"]
            assert isinstance(kids, list)
            kids.append(at)
            if isinstance(value, dict):
                entry["type"] = 1
                add(at, value)
            else:
                entry["type"] = 2
                padded = value.ljust(_CUTOFF, b"\x00")
                entry["size"] = len(padded)
                streams.append((at, padded))

    add(0, tree)
    sectors: list[bytes] = []
    fat: list[int] = []
    for at, data in streams:
        count = -(-len(data) // _SECTOR)
        entries[at]["start"] = len(sectors)
        for n in range(count):
            sectors.append(data[n * _SECTOR : (n + 1) * _SECTOR].ljust(_SECTOR, b"\x00"))
            fat.append(len(fat) + 1 if n < count - 1 else _END)
    directory = b"".join(_entry(entries, n) for n in range(len(entries)))
    directory = directory.ljust(-(-len(directory) // _SECTOR) * _SECTOR, b"\x00")
    first_dir = len(sectors)
    for n in range(len(directory) // _SECTOR):
        sectors.append(directory[n * _SECTOR : (n + 1) * _SECTOR])
        fat.append(len(fat) + 1 if n < len(directory) // _SECTOR - 1 else _END)
    fat_sectors = 1
    while (len(fat) + fat_sectors) > fat_sectors * (_SECTOR // 4):
        fat_sectors += 1
    first_fat = len(sectors)
    fat += [_FAT] * fat_sectors
    fat += [_FREE] * (fat_sectors * (_SECTOR // 4) - len(fat))
    table = struct.pack(f"<{len(fat)}I", *fat)
    sectors += [table[n * _SECTOR : (n + 1) * _SECTOR] for n in range(fat_sectors)]
    difat = [first_fat + n for n in range(fat_sectors)] + [_FREE] * (109 - fat_sectors)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<IIIIIIIII", 0, fat_sectors, first_dir, 0, _CUTOFF, _END, 0, _END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == _SECTOR
    return header + b"".join(sectors)


def _entry(entries: list[dict[str, object]], n: int) -> bytes:
    """Directory entry ``n``: its children chained as right siblings in the format's order
    (shorter names first, then by upper case), every node black."""
    entry = entries[n]
    name = str(entry["name"])
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    kids = entry["kids"]
    assert isinstance(kids, list)
    ordered = sorted(
        kids, key=lambda k: (len(str(entries[k]["name"])), str(entries[k]["name"]).upper())
    )
    child = ordered[0] if ordered else _NONE
    for a, b in itertools.pairwise(ordered):
        entries[a]["right"] = b
    right = int(str(entry.get("right", _NONE)))
    start = int(str(entry.get("start", _END if entry["type"] != 2 else 0)))
    size = int(str(entry.get("size", 0)))
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), int(str(entry["type"])), 1)
        + struct.pack("<III", _NONE, right, child)
        + bytes(16)
        + struct.pack("<I", 0)
        + bytes(16)
        + struct.pack("<IQ", start, size)
    )
