"""Metadata a JPEG picture carries inside its own bytes, taken out of the file.

A camera, a scanner or an editor writes into a JPEG what no page shows: EXIF (the picture's
description, its author and owner, GPS position, and a thumbnail of the picture as it was
taken), XMP, IPTC captions and comments. A PDF keeps a JPEG picture as those very bytes (a
``/DCTDecode`` stream), so the scrub's removal of the file's own metadata (``/Info``,
``/Metadata``) never reached them: a produced photo still named the person its caption was
redacted from, to anyone who runs ``pdfimages`` and ``exiftool``, or ``strings``.

A JPEG 2000 picture (``/JPXDecode``) carries the same in boxes of its own (``xml ``, ``uuid``:
XMP, ``uinf``, ``jp2i``) and in comment markers of its codestream.

`without_metadata` cuts a JPEG's segments down to those that decoding needs: every segment
that is not an application segment or a comment, and of these only ``APP0`` (JFIF), ``APP2``
(an ICC profile) and ``APP14`` (Adobe: the colour transform); a JPEG 2000 file's top-level
boxes down to those decoding reads (`_JPX_KEPT`), and its codestream's main header loses its
comments (``COM``). The compressed picture itself is copied byte for byte (no re-encoding,
nothing of its look changes). `strip_pictures` does so to every ``/DCTDecode`` and
``/JPXDecode`` picture of a pikepdf document; `holds_metadata` tells, from a stream's raw
bytes, whether it has anything to cut (the scrub's cheap look before it rewrites a file).
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
#: The top-level JPEG 2000 boxes a decoder reads (signature, file type, reader requirements,
#: header, codestream, JPX's codestream and layer headers, fragment tables).
_JPX_KEPT = frozenset({b"jP  ", b"ftyp", b"rreq", b"jp2h", b"jpch", b"jplh", b"jp2c", b"ftbl"})
_JP2_SIGNATURE = b"\x00\x00\x00\x0cjP  "
_J2K_START = b"\xff\x4f\xff\x51"


def without_metadata(picture: bytes) -> bytes | None:
    """`picture` (a JPEG or JPEG 2000 file, or a bare JPEG 2000 codestream) without its
    metadata (module doc), or None when it holds none (or is not a file this can read: it is
    then left as it is)."""
    kept, dropped = _pieces(picture)
    return b"".join(kept) if dropped else None


def holds_metadata(picture: bytes) -> bool:
    """Whether `picture` holds something `without_metadata` takes out."""
    return bool(_pieces(picture)[1])


def _pieces(picture: bytes) -> tuple[list[bytes], int]:
    if picture.startswith(_JP2_SIGNATURE):
        return _boxes(picture)
    if picture.startswith(_J2K_START):
        return _codestream(picture)
    return _segments(picture)


def strip_pictures(streams: Iterable[pikepdf.Object]) -> int:
    """Take the metadata out of every JPEG and JPEG 2000 picture among `streams` (a
    ``/DCTDecode`` or ``/JPXDecode`` image, alone or after ``/FlateDecode``, which is then
    decoded and dropped); the number changed."""
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
            filter=pikepdf.Name(_filters(stream)[-1]),
            decode_parms=parms if isinstance(parms, pikepdf.Dictionary) else None,
        )
        changed += 1
    return changed


def _filters(stream: pikepdf.Stream) -> list[str]:
    filters = stream.get("/Filter")
    return [str(n) for n in filters] if isinstance(filters, pikepdf.Array) else [str(filters)]


def _jpeg(stream: pikepdf.Stream) -> bytes | None:
    """The file of a ``/DCTDecode`` or ``/JPXDecode`` picture (its filters: that one alone,
    or Flate then that one)."""
    names = _filters(stream)
    if names in (["/DCTDecode"], ["/JPXDecode"]):
        return stream.read_raw_bytes()
    if names in (["/FlateDecode", "/DCTDecode"], ["/FlateDecode", "/JPXDecode"]):
        try:
            return zlib.decompress(stream.read_raw_bytes())
        except zlib.error:
            return None
    return None


def _boxes(jp2: bytes) -> tuple[list[bytes], int]:
    """The top-level boxes of a JPEG 2000 file to keep (the codestream's comments taken out),
    and how many pieces were left out (0 for a file this cannot read: kept whole)."""
    kept: list[bytes] = []
    dropped, at = 0, 0
    while at < len(jp2):
        if at + 8 > len(jp2):
            return [jp2], 0
        length, kind, start = int.from_bytes(jp2[at : at + 4], "big"), jp2[at + 4 : at + 8], 8
        if length == 1:
            length, start = int.from_bytes(jp2[at + 8 : at + 16], "big"), 16
        end = len(jp2) if length == 0 else at + length
        if end > len(jp2) or end < at + start:
            return [jp2], 0
        if kind not in _JPX_KEPT:
            dropped += 1
        elif kind == b"jp2c":
            inner, cut = _codestream(jp2[at + start : end])
            if cut:
                body = b"".join(inner)
                kept.append((8 + len(body)).to_bytes(4, "big") + kind + body)
                dropped += cut
            else:
                kept.append(jp2[at:end])
        else:
            kept.append(jp2[at:end])
        at = end
    return kept, dropped


def _codestream(j2k: bytes) -> tuple[list[bytes], int]:
    """A JPEG 2000 codestream without the comments (``COM``) of its main header, and how many
    were left out (0 for one this cannot read: kept whole)."""
    if not j2k.startswith(_J2K_START):
        return [j2k], 0
    kept, dropped, at = [j2k[:2]], 0, 2
    while at + 4 <= len(j2k):
        if j2k[at] != 0xFF:
            return [j2k], 0
        if j2k[at + 1] == 0x90:  # the first tile-part: the main header ends
            kept.append(j2k[at:])
            return kept, dropped
        end = at + 2 + int.from_bytes(j2k[at + 2 : at + 4], "big")
        if end > len(j2k):
            return [j2k], 0
        if j2k[at + 1] == 0x64:
            dropped += 1
        else:
            kept.append(j2k[at:end])
        at = end
    return [j2k], 0


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
