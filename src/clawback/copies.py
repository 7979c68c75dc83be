"""Find every copy of a page in a collection: same text, near text, same picture, near picture.

When a party claws back a page, each other copy of it in the collection has to go too. Copies
are rarely byte-identical: the same slide image sits in another deck, a page was re-scanned, a
picture re-compressed or trimmed, a sentence retyped. This module reduces each page to a small
:class:`PageSignature` and searches a :class:`CopyIndex` of them. Plain data in, plain data out:
no database, no files.

A signature holds

* the SHA-256 of the page's text after case folding and whitespace collapsing (``exact``),
* a MinHash of its 3-word shingles (``near_text``, Jaccard similarity estimated from it),
* for each picture the SHA-256 of its decoded RGB pixels (``same_picture``) and a 64-bit
  perceptual hash, DCT "phash" (``near_picture``, Hamming distance).

Pages with fewer than :data:`MIN_WORDS` words have no text signature (a slide title or a Bates
stamp alone says nothing about being a copy). For pages with no text of their own,
:func:`signatures_from_pdf` also hashes a low-resolution rendering of the whole page, so a
re-scan that embeds the picture differently (another size, another codec, the page margins baked
in) still meets the original.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import imagehash
import numpy as np
import pymupdf
from datasketch import LeanMinHash, MinHash, MinHashLSH
from PIL import Image

__all__ = [
    "MIN_WORDS",
    "NUM_PERM",
    "SHINGLE",
    "CopyIndex",
    "ImageSignature",
    "Match",
    "MatchKind",
    "PageSignature",
    "image_signature",
    "signature",
    "signatures_from_pdf",
]

NUM_PERM = 128
"""MinHash permutations per page."""
SHINGLE = 3
"""Words per shingle."""
MIN_WORDS = 8
"""A page with fewer words has no text signature."""
PAGE_RENDER_DPI = 36
"""Resolution of the whole-page rendering hashed for image-only pages."""

MatchKind = Literal["exact", "same_picture", "near_text", "near_picture"]
_RANK: dict[str, int] = {"exact": 0, "same_picture": 1, "near_text": 2, "near_picture": 3}
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_TEMPLATE = MinHash(num_perm=NUM_PERM)  # its permutations are shared: made once, not per page


@dataclass(frozen=True)
class ImageSignature:
    """One picture: ``sha256`` of its decoded RGB pixels (and size), ``phash`` as a 64-bit int.

    ``source`` is ``"embedded"`` for an image found in the page, ``"page"`` for the rendering
    of a whole image-only page.
    """

    sha256: str
    phash: int
    source: Literal["embedded", "page"] = "embedded"


@dataclass(frozen=True)
class PageSignature:
    """What :class:`CopyIndex` knows of a page; ``text_hash``/``minhash`` are None if short."""

    words: int
    text_hash: str | None
    minhash: LeanMinHash | None
    images: tuple[ImageSignature, ...] = ()


@dataclass(frozen=True)
class Match:
    """A page of the index that copies the query: the strongest ``kind`` found, its ``score``.

    ``score`` is 1.0 for ``exact``/``same_picture``, the estimated Jaccard similarity of the
    shingles for ``near_text`` and ``1 - distance / 64`` for ``near_picture``.
    """

    key: str
    kind: MatchKind
    score: float


def _normalize(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


def _minhash(words: Sequence[str]) -> LeanMinHash:
    shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    mh = MinHash(num_perm=NUM_PERM, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    mh.update_batch([s.encode("utf-8") for s in sorted(shingles)])
    return LeanMinHash(mh)


def _rgb(image: Image.Image) -> Image.Image:
    """The picture as RGB; transparent parts flattened onto white."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return image if image.mode == "RGB" else image.convert("RGB")


def _phash(image: Image.Image) -> int:
    bits = imagehash.phash(image).hash.flatten()
    return int("".join("1" if b else "0" for b in bits), 2)


def image_signature(
    image: Image.Image, source: Literal["embedded", "page"] = "embedded"
) -> ImageSignature:
    """The exact pixel hash and perceptual hash of one picture."""
    rgb = _rgb(image)
    digest = hashlib.sha256(f"{rgb.width}x{rgb.height}:".encode())
    digest.update(rgb.tobytes())
    return ImageSignature(sha256=digest.hexdigest(), phash=_phash(rgb), source=source)


def signature(
    pdf_page_text: str,
    images: Sequence[Image.Image] = (),
    *,
    page_render: Image.Image | None = None,
    min_words: int = MIN_WORDS,
) -> PageSignature:
    """The signature of a page from its text and its pictures (and optionally its rendering)."""
    normal = _normalize(pdf_page_text)
    words = _WORD.findall(normal)
    long_enough = len(words) >= max(min_words, SHINGLE)
    sigs = [image_signature(im) for im in images]
    if page_render is not None:
        sigs.append(image_signature(page_render, "page"))
    return PageSignature(
        words=len(words),
        text_hash=hashlib.sha256(normal.encode("utf-8")).hexdigest() if long_enough else None,
        minhash=_minhash(words) if long_enough else None,
        images=tuple(sigs),
    )


def _decode(doc: pymupdf.Document, xref: int) -> Image.Image | None:
    """An embedded image as PIL, its soft mask applied; None if pymupdf cannot decode it."""
    try:
        pix = pymupdf.Pixmap(doc, xref)
        if pix.colorspace is not None and pix.colorspace.n not in (1, 3):
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        return pix.pil_image()
    except (RuntimeError, ValueError):
        return None


def signatures_from_pdf(
    pdf: bytes, *, min_words: int = MIN_WORDS, render_dpi: int = PAGE_RENDER_DPI
) -> list[PageSignature]:
    """One signature per page of ``pdf``, images decoded (and image-only pages rendered)."""
    out = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        for page in doc:
            text = page.get_text()
            images = []
            seen: set[int] = set()
            for info in page.get_images(full=True):
                xref = info[0]
                if xref in seen:
                    continue
                seen.add(xref)
                decoded = _decode(doc, xref)
                if decoded is not None:
                    images.append(decoded)
            render = None
            if len(_WORD.findall(text)) < min_words:
                pix = page.get_pixmap(dpi=render_dpi, alpha=False)
                render = pix.pil_image()
            out.append(signature(text, images, page_render=render, min_words=min_words))
    return out


def _popcount(values: np.ndarray) -> np.ndarray:
    return np.bitwise_count(values)


@dataclass
class CopyIndex:
    """Pages by key, searchable for copies of a given page.

    Text goes through a MinHash LSH built for ``lsh_threshold`` (a lower bound for the
    ``text_threshold`` of :meth:`find`; below it the search scans all MinHashes). Pictures are
    looked up by pixel hash, and by a linear XOR + popcount over all 64-bit phashes.
    """

    lsh_threshold: float = 0.5
    _sigs: dict[str, PageSignature] = field(default_factory=dict)
    _by_text: dict[str, list[str]] = field(default_factory=dict)
    _by_pixels: dict[str, list[str]] = field(default_factory=dict)
    _hash_list: list[int] = field(default_factory=list)
    _hash_owner: list[str] = field(default_factory=list)
    _hashes: np.ndarray | None = None
    _lsh: MinHashLSH = field(init=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.lsh_threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, key: object) -> bool:
        return key in self._sigs

    def get(self, key: str) -> PageSignature:
        return self._sigs[key]

    def add(self, key: str, sig: PageSignature) -> None:
        """Index ``sig`` under ``key``; a key may be added only once."""
        if key in self._sigs:
            raise ValueError(f"key already indexed: {key!r}")
        self._sigs[key] = sig
        if sig.text_hash is not None:
            self._by_text.setdefault(sig.text_hash, []).append(key)
        if sig.minhash is not None:
            self._lsh.insert(key, sig.minhash, check_duplication=False)
        for im in sig.images:
            self._by_pixels.setdefault(im.sha256, []).append(key)
            self._hash_list.append(im.phash)
            self._hash_owner.append(key)
        if sig.images:
            self._hashes = None

    def add_all(self, items: Iterable[tuple[str, PageSignature]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def _phash_array(self) -> np.ndarray:
        if self._hashes is None:
            self._hashes = np.array(self._hash_list, dtype=np.uint64)
        return self._hashes

    def _text_candidates(self, mh: LeanMinHash, threshold: float) -> Iterable[str]:
        if threshold >= self.lsh_threshold:
            return self._lsh.query(mh)
        return (k for k, s in self._sigs.items() if s.minhash is not None)

    def find(
        self,
        sig: PageSignature,
        *,
        text_threshold: float = 0.8,
        image_distance: int = 8,
        key: str | None = None,
    ) -> list[Match]:
        """Pages that copy ``sig``, strongest first; ``key`` (the query's own) is left out.

        ``near_text`` needs an estimated shingle Jaccard of at least ``text_threshold``;
        ``near_picture`` a phash Hamming distance of at most ``image_distance`` bits between
        any picture (or page rendering) of the query and any of the candidate.
        """
        best: dict[str, Match] = {}

        def offer(k: str, kind: MatchKind, score: float) -> None:
            if k == key:
                return
            old = best.get(k)
            if old is None or (_RANK[kind], -score) < (_RANK[old.kind], -old.score):
                best[k] = Match(k, kind, score)

        if sig.text_hash is not None:
            for k in self._by_text.get(sig.text_hash, ()):
                offer(k, "exact", 1.0)
        if sig.minhash is not None:
            for k in self._text_candidates(sig.minhash, text_threshold):
                other = self._sigs[k].minhash
                if other is None:
                    continue
                score = float(sig.minhash.jaccard(other))
                if score >= text_threshold:
                    offer(k, "near_text", score)
        if sig.images:
            for im in sig.images:
                for k in self._by_pixels.get(im.sha256, ()):
                    offer(k, "same_picture", 1.0)
            hashes = self._phash_array()
            if hashes.size:
                query = np.array([im.phash for im in sig.images], dtype=np.uint64)
                dist = _popcount(hashes[None, :] ^ query[:, None]).min(axis=0)
                for i in np.flatnonzero(dist <= image_distance):
                    d = int(dist[i])
                    offer(self._hash_owner[i], "near_picture", 1.0 - d / 64)
        return sorted(best.values(), key=lambda m: (_RANK[m.kind], -m.score, m.key))

    def find_key(
        self, key: str, *, text_threshold: float = 0.8, image_distance: int = 8
    ) -> list[Match]:
        """Copies of the page already indexed under ``key``, itself left out."""
        return self.find(
            self._sigs[key], text_threshold=text_threshold, image_distance=image_distance, key=key
        )
