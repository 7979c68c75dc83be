"""How a secret is looked for: text normalisation and the byte forms a PDF may store it in.

Text comparisons (extractor output, labels) are made on `normalize`d text: Unicode NFKC (so
ligatures such as "ﬁ" become "fi"), dash and quote look-alikes mapped to ASCII, soft hyphens and
zero-width characters dropped, case folded, whitespace runs collapsed. A secret is found if its
normalised form occurs in the normalised text, or its `squash`ed form (all whitespace removed) in
the squashed text, which catches words an extractor split or joined differently.

`bare` keeps only the letters and digits of a text, taken apart and case folded: the reading of
names (the gate's name check), which hold no spaces and join words any way their writer liked.

`spelled` is the most forgiving reading of text, one character at a time, for the redactor's
own check that no copy of a text is left beside its boxes (`locate.spelled_at`): what a
determined reader skips (every dash and its look-alikes, control and format characters such
as soft hyphens and zero-width spaces, U+FFFD for a glyph of unknown meaning) is dropped,
white space becomes a space, and the rest is compared taken apart (NFKD: ligatures,
full-width forms and accented letters, composed or not) and case folded.

Byte scans (raw file, decompressed streams) use `byte_forms`: the secret encoded as UTF-8,
Latin-1, UTF-16BE, UTF-16LE, hex of those, and PDF literal-string escaped, each lower-cased, to be
searched for in a haystack lower-cased with `bytes.lower` (ASCII case folding). `ByteNeedles`
holds every form of every secret; with many secrets it passes each haystack once with one
compiled pattern, and only a haystack that holds some form is searched form by form, to name the
secret and the form.
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata

#: Secrets shorter than this (whitespace removed) match random bytes in compressed streams and
#: fonts, so they cannot be verified by scanning; `check_secret` refuses them.
MIN_SECRET_CHARS = 4

_WHITESPACE = re.compile(r"\s+")
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_MAP = str.maketrans(
    {
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d", "-"),
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
    }
)


def normalize(text: str) -> str:
    """Normalise text for a case- and whitespace-insensitive comparison (see module doc)."""
    if text.isascii():  # NFKC and the mappings leave ASCII as it is; casefold is lower
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text).translate(_DROP).translate(_MAP)
    # str.split() splits on exactly the characters ``\s`` matches (str.isspace)
    return " ".join(text.casefold().split())


#: What `spelled` drops besides control and format characters (Unicode Cc, Cf: soft hyphen,
#: zero-width space, joiners, byte order mark): dashes and their look-alikes, the hyphen too,
#: and U+FFFD.
_SKIPPED = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\ufe58\ufe63\uff0d\ufffd")


@functools.lru_cache(maxsize=8192)
def spelled(char: str) -> str:
    """One character (or a few) as `locate.spelled_at` compares it (see module doc): empty for
    one a reader skips, a space for white space. A text is compared as the join of its
    characters' forms."""
    if char.isascii() and char.isalnum():
        return char.lower()
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    return "".join(" " if c.isspace() else c for c in folded if not _skipped(c))


def _skipped(char: str) -> bool:
    return char in _SKIPPED or (unicodedata.category(char) in ("Cc", "Cf") and not char.isspace())


def bare(text: str) -> str:
    """`text` taken apart (NFKD) and case folded, only its letters and digits kept: how a name,
    which cannot hold a space and joins words with ``_``, ``-`` or ``.`` or not at all, is
    compared with a secret (the gate's name check)."""
    if text.isascii():
        return "".join(c for c in text.lower() if c.isalnum())
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in folded if c.isalnum())


_NAME_ESCAPE = re.compile(r"#([0-9A-Fa-f]{2})")


def unescaped(name: str) -> str:
    """A PDF name as its writer spelled it: ``#xx`` escapes undone (the bytes read as UTF-8
    where they are), the solidus dropped."""
    raw = _NAME_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), name.removeprefix("/"))
    if not raw.isascii():
        with contextlib.suppress(UnicodeError):
            return raw.encode("latin-1").decode("utf-8")
    return raw


def squash(text: str) -> str:
    """`normalize`, then remove every whitespace character."""
    return _WHITESPACE.sub("", normalize(text))


def check_secret(label: str, secret: str) -> None:
    """Raise `ValueError` (naming the label, never the secret) if a secret is too short."""
    if len(squash(secret)) < MIN_SECRET_CHARS:
        raise ValueError(
            f"secret {label!r} is shorter than {MIN_SECRET_CHARS} characters and cannot be "
            "verified by scanning: give a longer, more specific text"
        )


def prepare(text: str) -> tuple[str, str]:
    """A text's normalised and squashed forms, computed once for many `TextMatcher`s."""
    normal = normalize(text)
    return normal, normal.replace(" ", "")  # its only whitespace: single spaces


class TextMatcher:
    """Tests many texts for one secret; build once, call `found_in` per extracted text."""

    def __init__(self, secret: str) -> None:
        self.normal = normalize(secret)
        self.squashed = squash(secret)

    def found_in(self, text: str) -> bool:
        """True if the secret occurs in `text` under the module's normalisation."""
        return self.found_in_prepared(prepare(text))

    def found_in_prepared(self, prepared: tuple[str, str]) -> bool:
        """`found_in` for a text already passed through `prepare`."""
        normal, squashed = prepared
        return self.normal in normal or self.squashed in squashed


def _escape_literal(text: str) -> str:
    """Escape a string as it would appear inside a PDF literal string ``( … )``."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def byte_forms(secret: str) -> dict[str, bytes]:
    """Lower-cased byte encodings of a secret, keyed by a name used in findings.

    Both the whitespace-collapsed and the whitespace-free spelling are encoded. Hex forms are
    made from the secret as given, upper-cased and lower-cased (hex hides the letters' case).
    """
    given = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", secret)).strip()
    forms: dict[str, bytes] = {}
    for prefix, text in (("", given), ("no-space ", _WHITESPACE.sub("", given))):
        for case in (text, text.lower(), text.upper()):
            encoded: dict[str, bytes] = {"utf-8": case.encode("utf-8")}
            with contextlib.suppress(UnicodeEncodeError):
                encoded["latin-1"] = case.encode("latin-1")
            encoded["utf-16be"] = case.encode("utf-16-be")
            encoded["utf-16le"] = case.encode("utf-16-le")
            for name, raw in encoded.items():
                forms.setdefault(f"{prefix}{name}", raw.lower())
                forms.setdefault(f"{prefix}hex {name} {_case_name(case, text)}", raw.hex().encode())
        escaped = _escape_literal(text.lower())
        if escaped != text.lower():
            forms[f"{prefix}escaped"] = escaped.encode("utf-8", "replace")
    unique: dict[bytes, str] = {}
    for name, raw in forms.items():
        unique.setdefault(raw, name)
    return {name: raw for raw, name in unique.items()}


def _case_name(case: str, text: str) -> str:
    if case == text:
        return "as given"
    return "lower-case" if case == text.lower() else "upper-case"


#: From this many distinct needles on, `ByteNeedles` passes a haystack once with one pattern
#: (measured: one secret has ~9 needles; 45 needles cost the same either way).
PATTERN_FROM = 32


class ByteNeedles:
    """The `byte_forms` of many secrets, looked for together (see module doc)."""

    def __init__(self, forms: dict[str, dict[str, bytes]]) -> None:
        self.forms = forms
        needles = sorted({raw for named in forms.values() for raw in named.values()})
        # A search for the alternation succeeds iff some needle occurs somewhere: a haystack
        # it misses holds no form of any secret.
        # Few needles: `bytes.__contains__` (a fast substring search) beats the pattern.
        pattern = b"|".join(re.escape(raw) for raw in needles)
        self._any = re.compile(pattern) if len(needles) > PATTERN_FROM else None

    def find(self, haystack: bytes) -> list[tuple[str, str]]:
        """``(label, form)`` for each secret with a form in the lower-cased `haystack` (the
        first matching form named)."""
        if self._any is not None and self._any.search(haystack) is None:
            return []
        found = []
        for label, candidates in self.forms.items():
            for form, needle in candidates.items():
                if needle in haystack:
                    found.append((label, form))
                    break
        return found

    def without(self, labels: set[str]) -> ByteNeedles:
        """The same needles less those of `labels`."""
        return ByteNeedles({k: v for k, v in self.forms.items() if k not in labels})
