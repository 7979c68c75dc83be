"""Metadata a JPEG picture carries inside its own bytes, taken out of the file.

A camera, a scanner or an editor writes into a JPEG what no page shows: EXIF (the picture's
description, its author and owner, GPS position, and a thumbnail of the picture as it was
taken), XMP, IPTC captions and comments. A PDF keeps a JPEG picture as those very bytes (a
``/DCTDecode`` stream), so the scrub's removal of the file's own metadata (``/Info``,
``/Metadata``) never reached them: a produced photo still named the person its caption was
redacted from, to anyone who runs ``pdfimages`` and ``exiftool``, or ``strings``.

`without_metadata` cuts a JPEG's segments down to those that decoding needs: every segment
that is not an application segment or a comment, and of these only ``APP0`` (JFIF), ``APP2``
(an ICC profile) and ``APP14`` (Adobe: the colour transform). The compressed picture itself is
copied byte for byte (no re-encoding, nothing of its look changes). `strip_pictures` does so to
every ``/DCTDecode`` picture of a pikepdf document; `holds_metadata` tells, from a stream's
raw bytes, whether it has anything to cut (the scrub's cheap look before it rewrites a file).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

import pikepdf

__all__ = ["holds_metadata", "strip_pictures", "without_metadata"]

#: Application segments decoding needs, each told by the name its data starts with.
_KEPT = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}
_COMMENT = 0xFE
_START_OF_SCAN = 0xDA
#: Markers that stand alone, with no length after them.
_ALONE = frozenset({0x01, *range(0xD0, 0xD9)})


def without_metadata(jpeg: bytes) -> bytes | None:
    """`jpeg` without its metadata segments (module doc), or None when it holds none (or is
    not a JPEG this can read: it is then left as it is)."""
    kept, dropped = _segments(jpeg)
    return b"".join(kept) if dropped else None


def holds_metadata(jpeg: bytes) -> bool:
    """Whether `jpeg` holds a segment `without_metadata` takes out."""
    return bool(_segments(jpeg)[1])


def strip_pictures(streams: Iterable[pikepdf.Object]) -> int:
    """Take the metadata out of every JPEG picture among `streams` (a ``/DCTDecode`` image,
    alone or after ``/FlateDecode``, which is then decoded and dropped); the number
    changed."""
    changed = 0
    for stream in streams:
        if not isinstance(stream, pikepdf.Stream) or stream.get("/Subtype") != "/Image":
            continue
        jpeg = _jpeg(stream)
        if jpeg is None:
            continue
        stripped = without_metadata(jpeg)
        if stripped is None:
            continue
        parms = stream.get("/DecodeParms")
        if isinstance(parms, pikepdf.Array):
            parms = parms[-1] if len(parms) else None
        stream.write(
            stripped,
            filter=pikepdf.Name.DCTDecode,
            decode_parms=parms if isinstance(parms, pikepdf.Dictionary) else None,
        )
        changed += 1
    return changed


def _jpeg(stream: pikepdf.Stream) -> bytes | None:
    """The JPEG bytes of a ``/DCTDecode`` picture (its filters: DCT, or Flate then DCT)."""
    filters = stream.get("/Filter")
    names = [str(n) for n in filters] if isinstance(filters, pikepdf.Array) else [str(filters)]
    if names == ["/DCTDecode"]:
        return stream.read_raw_bytes()
    if names == ["/FlateDecode", "/DCTDecode"]:
        try:
            return zlib.decompress(stream.read_raw_bytes())
        except zlib.error:
            return None
    return None


def _segments(jpeg: bytes) -> tuple[list[bytes], int]:
    """The pieces of `jpeg` to keep, and how many segments were left out (0 for a file this
    cannot read: it is then kept whole)."""
    if not jpeg.startswith(b"\xff\xd8"):
        return [jpeg], 0
    kept, dropped, at = [jpeg[:2]], 0, 2
    while at + 4 <= len(jpeg):
        if jpeg[at] != 0xFF:
            return [jpeg], 0
        marker = jpeg[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            kept.append(jpeg[at : at + 1])
            at += 1
            continue
        if marker in _ALONE:
            kept.append(jpeg[at : at + 2])
            at += 2
            continue
        if marker == _START_OF_SCAN:
            kept.append(jpeg[at:])  # the compressed picture and all after it, as it is
            return kept, dropped
        end = at + 2 + int.from_bytes(jpeg[at + 2 : at + 4], "big")
        if end > len(jpeg):
            return [jpeg], 0
        data = jpeg[at + 4 : end]
        if marker == _COMMENT or (
            0xE0 <= marker <= 0xEF and not data.startswith(_KEPT.get(marker, b"\x00\x00"))
        ):
            dropped += 1
        else:
            kept.append(jpeg[at:end])
        at = end
    return [jpeg], 0
