"""A load file's bytes as text: the encodings real productions write, and their line endings.

UTF-8 with or without a byte order mark, UTF-16 with one, or Windows-1252 (where the
Concordance qualifier þ is the single byte 0xFE); CRLF, LF, CR or a mix. Nothing here raises on
bad input: what could not be read is said in the problems returned.
"""

from __future__ import annotations

import re

UTF8_BOM = b"\xef\xbb\xbf"
_ESCAPED = re.compile("[\udc80-\udcff]")


def decode(data: bytes) -> tuple[str, str, bool, list[str]]:
    """Bytes to text: (text, encoding, had a BOM, problems).

    UTF-8 with a BOM, UTF-16 with a BOM, strict UTF-8, then (when the bytes are not UTF-8)
    Windows-1252, where the Concordance qualifier þ is the single byte 0xFE. Bytes that fit
    neither are replaced by U+FFFD and reported.
    """
    problems: list[str] = []
    if data.startswith(UTF8_BOM):
        text, bad = _decode_counting(data[len(UTF8_BOM) :], "utf-8")
        if bad:
            problems.append(f"{bad} byte(s) are not valid UTF-8; replaced with U+FFFD")
        return text, "utf-8", True, problems
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        text, bad = _decode_counting(data[2:], codec)
        if bad:
            problems.append(f"{bad} undecodable {codec} sequence(s); replaced with U+FFFD")
        return text, codec, True, problems
    try:
        return data.decode("utf-8"), "utf-8", False, problems
    except UnicodeDecodeError:
        pass
    utf8_text, utf8_bad = _decode_counting(data, "utf-8")
    multibyte = sum(1 for ch in utf8_text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte and multibyte >= 2 * utf8_bad:
        # Mostly UTF-8 with a few damaged sequences: better than reading it all as cp1252.
        problems.append(f"{utf8_bad} byte(s) are not valid UTF-8; replaced with U+FFFD")
        return utf8_text, "utf-8", False, problems
    text, bad = _decode_counting(data, "cp1252")
    if bad:
        problems.append(f"{bad} byte(s) are undefined in Windows-1252; replaced with U+FFFD")
    return text, "cp1252", False, problems


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode, replacing bad bytes with U+FFFD; also return how many bytes were bad."""
    if codec.startswith("utf-16"):
        text = data.decode(codec, errors="replace")
        return text, max(0, text.count("\ufffd") - data.decode(codec, "ignore").count("\ufffd"))
    text = data.decode(codec, errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    return (_ESCAPED.sub("\ufffd", text) if bad else text), bad


def split_lines(text: str) -> tuple[list[str], str | None, bool]:
    """Physical lines without terminators, the line-ending style, and a final newline flag."""
    if not text:
        return [], None, False
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    if lf == 0 and crlf == 0 and cr:
        lines = text.split("\r")
        style: str | None = "CR"
    else:
        lines = text.split("\n")
        lines = [line[:-1] if line.endswith("\r") else line for line in lines]
        style = "CRLF" if crlf and not lf else "LF" if lf and not crlf else None
        if crlf and lf:
            style = "mixed"
    final = lines[-1] == ""
    if final:
        lines.pop()
    return lines, style, final
