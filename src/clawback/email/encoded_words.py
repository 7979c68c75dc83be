"""A header's encoded words (RFC 2047, ``=?charset?Q?...?=``) read by hand where the stdlib
gave up: the stdlib puts a replacement character for each byte of a word in a charset it does
not know, and the words are lost in silence."""

from __future__ import annotations

import base64
import binascii
import quopri
import re

_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=")


def decoded(text: str, said: list[str]) -> str:
    """A header's raw ``text`` with its encoded words (RFC 2047) decoded; a word in a charset
    no one knows (or that does not hold what it declares) is read as a body's would be (UTF-8,
    else Windows-1252) and said once in ``said``; a word that does not decode (base64 that is
    not) is kept as written."""
    words: list[str] = []
    notes: list[str] = []
    at, after_word = 0, False
    for match in _ENCODED_WORD.finditer(text):
        between = text[at : match.start()]
        word = _encoded_word(match, notes)
        if not (after_word and word is not None and not between.strip()):
            words.append(between)  # blanks between two encoded words are not text
        words.append(match.group(0) if word is None else word)
        at, after_word = match.end(), word is not None
    words.append(text[at:])
    said += notes[:1]  # one line for the header
    return "".join(words)


def _encoded_word(match: re.Match[str], said: list[str]) -> str | None:
    """An encoded word's text (see `decoded`), or None if it does not decode."""
    charset, encoding, encoded = match.group(1).split("*")[0], match.group(2), match.group(3)
    try:
        if encoding in "Bb":
            data = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
        else:
            data = quopri.decodestring(encoded.replace("_", " ").encode("ascii"), header=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        why = "an unknown charset" if isinstance(exc, LookupError) else "not what it holds"
    if data.isascii():
        return data.decode("ascii")
    for fallback, called in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        said.append(f"subject declared as {charset!r} ({why}): read as {called}")
        return text
    return data.decode("utf-8", errors="replace")
