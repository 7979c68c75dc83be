"""Find every copy of a page in a collection: same text, near text, same picture, near picture.

When a party claws back a page, each other copy of it in the collection has to go too. Copies
are rarely byte-identical: the same slide image sits in another deck, a page was re-scanned, a
picture re-compressed or trimmed, a sentence retyped. This module reduces each page to a small
:class:`PageSignature` and searches a :class:`CopyIndex` of them. Plain data in, plain data out:
no database, no files.

A signature holds

* the SHA-256 of the page's text after case folding and whitespace collapsing (``exact``),
* a MinHash of its 3-word shingles (``near_text``, Jaccard similarity estimated from it),
* for each picture the SHA-256 of its decoded RGB pixels (``same_picture``) and 256-bit
  perceptual hashes, DCT "phash" (``near_picture``, Hamming distance): one of the whole
  picture and one of each centre crop in :data:`CROPS`, so a copy trimmed by a few pixels
  still meets its original (the query's whole picture against the candidate's crops, and the
  query's crops against the candidate's whole picture).

Pages with fewer than :data:`MIN_WORDS` words have no text signature (a slide title or a Bates
stamp alone says nothing about being a copy). For pages with no text of their own,
:func:`signatures_from_pdf` also hashes a low-resolution rendering of the whole page, so a
re-scan that embeds the picture differently (another size, another codec, the page margins baked
in) still meets the original.

Signatures are worth keeping: :func:`encode` and :func:`decode` turn one into plain columns
and back, and :data:`SCHEME` names the way they are made, so a stored signature made another
way is made again.

Kept signatures are found again by locality-sensitive hashing: :func:`bands` cuts a MinHash
into :data:`BANDS` bands of :data:`ROWS` values and names each by a 64-bit bucket. Two pages
whose MinHashes agree on a share ``s`` of their values differ in at most ``NUM_PERM * (1 - s)``
of them; when that is fewer than :data:`BANDS`, some band holds none of the differences, so
the two share that band's bucket (:func:`banded` says whether a threshold is that high). An
index of buckets then hands over every near-text copy a full scan would find, and few pages
besides, without reading the rest.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import imagehash
import numpy as np
import pymupdf
from datasketch import LeanMinHash, MinHash
from PIL import Image

__all__ = [
    "BANDS",
    "CROPS",
    "IMAGE_DISTANCE",
    "MIN_WORDS",
    "NUM_PERM",
    "PHASH_BITS",
    "ROWS",
    "SCHEME",
    "SHINGLE",
    "TEXT_THRESHOLD",
    "CopyIndex",
    "ImageSignature",
    "Match",
    "MatchKind",
    "PageSignature",
    "banded",
    "bands",
    "decode",
    "encode",
    "image_signature",
    "shared_bands",
    "signature",
    "signatures_from_pdf",
]

SCHEME = "2"
"""How signatures are made; change it whenever anything below changes what a signature holds.

1: 64-bit phash of the whole picture. 2: 256-bit phashes of the whole picture and its crops."""
NUM_PERM = 128
"""MinHash permutations per page."""
SHINGLE = 3
"""Words per shingle."""
MIN_WORDS = 8
"""A page with fewer words has no text signature."""
PAGE_RENDER_DPI = 36
"""Resolution of the whole-page rendering hashed for image-only pages."""
PHASH_SIZE = 16
"""The DCT phash keeps PHASH_SIZE x PHASH_SIZE low frequencies: 256 bits."""
PHASH_BITS = PHASH_SIZE * PHASH_SIZE
CROPS = (0.02, 0.035)
"""Centre crops hashed besides the whole picture: the share trimmed off each side."""
HASH_SIDE = 512
"""Pictures larger than this (pixels, long side) are reduced before the phash, for speed."""
TEXT_THRESHOLD = 0.8
"""Estimated shingle Jaccard similarity from which two pages are near copies."""
IMAGE_DISTANCE = 40
"""Phash Hamming distance (of :data:`PHASH_BITS`) up to which two pictures are near copies.

On the benchmark's 25,000 pictures, altered copies (re-scanned, JPEG quality 30, trimmed 2-4
pixels) lie at most 28 bits from their original, unrelated pictures at least 62 bits apart."""

BANDS = 32
"""LSH bands per MinHash: at :data:`TEXT_THRESHOLD` two near copies differ in at most 25 of
the :data:`NUM_PERM` values, fewer than the bands, so they always share one."""
ROWS = NUM_PERM // BANDS
"""MinHash values per band: unrelated pages (a shared share of 0.3, say) meet by chance in a
band of 4 about once in 120 bands."""

MatchKind = Literal["exact", "same_picture", "near_text", "near_picture"]
_RANK: dict[str, int] = {"exact": 0, "same_picture": 1, "near_text": 2, "near_picture": 3}
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_TEMPLATE = MinHash(num_perm=NUM_PERM)  # its permutations are shared: made once, not per page
_SEED = _TEMPLATE.seed
_WORDS = PHASH_BITS // 64  # 64-bit words per phash


@dataclass(frozen=True)
class ImageSignature:
    """One picture: ``sha256`` of its decoded RGB pixels (and size), and its phashes.

    ``phashes`` are :data:`PHASH_BITS`-bit integers: the whole picture's first, then one per
    centre crop of :data:`CROPS`. ``source`` is ``"embedded"`` for an image found in the page,
    ``"page"`` for the rendering of a whole image-only page.
    """

    sha256: str
    phashes: tuple[int, ...]
    source: Literal["embedded", "page"] = "embedded"

    @property
    def phash(self) -> int:
        """The whole picture's phash."""
        return self.phashes[0]


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
    shingles for ``near_text`` and ``1 - distance / PHASH_BITS`` for ``near_picture``.
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


def _phash(gray: Image.Image) -> int:
    bits = imagehash.phash(gray, hash_size=PHASH_SIZE).hash.flatten()
    return int.from_bytes(np.packbits(bits).tobytes(), "big")


def _phashes(rgb: Image.Image) -> tuple[int, ...]:
    """The phash of the whole picture, then of each centre crop of :data:`CROPS`."""
    gray = rgb.convert("L")
    factor = max(gray.size) // HASH_SIDE
    if factor > 1:
        gray = gray.reduce(factor)
    out = [_phash(gray)]
    for share in CROPS:
        dx, dy = round(gray.width * share), round(gray.height * share)
        out.append(_phash(gray.crop((dx, dy, gray.width - dx, gray.height - dy))))
    return tuple(out)


def image_signature(
    image: Image.Image, source: Literal["embedded", "page"] = "embedded"
) -> ImageSignature:
    """The exact pixel hash and perceptual hashes of one picture."""
    rgb = _rgb(image)
    digest = hashlib.sha256(f"{rgb.width}x{rgb.height}:".encode())
    digest.update(rgb.tobytes())
    return ImageSignature(sha256=digest.hexdigest(), phashes=_phashes(rgb), source=source)


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


def _decode_image(doc: pymupdf.Document, xref: int) -> Image.Image | None:
    """An embedded image as PIL, its soft mask applied; None if pymupdf cannot decode it."""
    try:
        pix = pymupdf.Pixmap(doc, xref)
        if pix.colorspace is not None and pix.colorspace.n not in (1, 3):
            pix = pymupdf.Pixmap(pymupdf.csRGB, pix)
        image: Image.Image = pix.pil_image()
        return image
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
                decoded = _decode_image(doc, xref)
                if decoded is not None:
                    images.append(decoded)
            render = None
            if len(_WORD.findall(text)) < min_words:
                pix = page.get_pixmap(dpi=render_dpi, alpha=False)
                render = pix.pil_image()
            out.append(signature(text, images, page_render=render, min_words=min_words))
    return out


# --- keeping signatures ---------------------------------------------------------------------


def encode(sig: PageSignature) -> dict[str, Any]:
    """``sig`` as plain columns: ``words``, ``text_hash``, ``minhash`` (bytes), ``images``.

    The MinHash is its :data:`NUM_PERM` values as little-endian uint32 (datasketch keeps them
    below 2**32); ``images`` is JSON with the phashes in hexadecimal.
    """
    minhash = None
    if sig.minhash is not None:
        values = np.asarray(sig.minhash.hashvalues, dtype=np.uint64)
        if int(values.max()) >= 2**32:
            raise ValueError("a MinHash value does not fit in 32 bits")
        minhash = values.astype("<u4").tobytes()
    images = [
        {"sha256": im.sha256, "phashes": [f"{h:x}" for h in im.phashes], "source": im.source}
        for im in sig.images
    ]
    return {"words": sig.words, "text_hash": sig.text_hash, "minhash": minhash, "images": images}


def decode(
    words: int, text_hash: str | None, minhash: bytes | None, images: Sequence[dict[str, Any]]
) -> PageSignature:
    """The signature :func:`encode` turned into these columns."""
    mh = None
    if minhash is not None:
        values = np.frombuffer(minhash, dtype="<u4").astype(np.uint64)
        if values.size != NUM_PERM:
            raise ValueError(f"a stored MinHash has {values.size} values, not {NUM_PERM}")
        mh = LeanMinHash(seed=_SEED, hashvalues=values, scheme=_TEMPLATE.scheme)
    return PageSignature(
        words=words,
        text_hash=text_hash,
        minhash=mh,
        images=tuple(
            ImageSignature(
                sha256=str(im["sha256"]),
                phashes=tuple(int(h, 16) for h in im["phashes"]),
                source="page" if im["source"] == "page" else "embedded",
            )
            for im in images
        ),
    )


def bands(minhash: LeanMinHash) -> list[int]:
    """The bucket of each of the :data:`BANDS` bands of ``minhash``: a signed 64-bit integer
    (a database's BIGINT) hashed from the band's number and its :data:`ROWS` values, so one
    bucket never stands for two bands."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint64).astype("<u4")
    return [
        int.from_bytes(
            hashlib.blake2b(
                bytes([band]) + values[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8
            ).digest(),
            "big",
            signed=True,
        )
        for band in range(BANDS)
    ]


def banded(text_threshold: float) -> bool:
    """Whether every page at least ``text_threshold`` like another shares one of its bands
    (the values two such MinHashes may differ in are fewer than the bands)."""
    return shared_bands(text_threshold) > 0


def shared_bands(text_threshold: float = TEXT_THRESHOLD) -> int:
    """The fewest bands two MinHashes at least ``text_threshold`` alike always share: each
    value they differ in spoils one band at most (7 of the 32 at 0.8). A page sharing fewer
    with the one asked about is no near copy of it, however common the buckets it shares: a
    bucket that thousands of pages fall in (their commonest words) names them all, and they
    need not be read."""
    return BANDS - int(NUM_PERM * (1 - text_threshold))


# --- searching -------------------------------------------------------------------------------


def _words(phash: int) -> np.ndarray:
    return np.frombuffer(phash.to_bytes(PHASH_BITS // 8, "big"), dtype=">u8").astype(np.uint64)


@dataclass
class CopyIndex:
    """Pages by key, searchable for copies of a given page.

    Exact text and exact pictures are dictionary lookups. Near text compares the query's
    MinHash with every page's at once (a matrix of MinHash values as uint32, which datasketch
    keeps them below, one row a page); near
    pictures XOR the query's phashes with every picture's and count the bits (a numpy array
    of 64-bit words). Both scans are linear but vectorised: a few milliseconds for 50,000
    pages, and nothing to build beyond stacking the arrays on the first query after an add.
    """

    _sigs: dict[str, PageSignature] = field(default_factory=dict)
    _by_text: dict[str, list[str]] = field(default_factory=dict)
    _by_pixels: dict[str, list[str]] = field(default_factory=dict)
    _mh_list: list[np.ndarray] = field(default_factory=list)
    _mh_owner: list[str] = field(default_factory=list)
    _hash_list: list[tuple[int, ...]] = field(default_factory=list)
    _hash_owner: list[str] = field(default_factory=list)
    _minhashes: np.ndarray | None = None
    _hashes: np.ndarray | None = None

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
            self._mh_list.append(np.asarray(sig.minhash.hashvalues, dtype=np.uint32))
            self._mh_owner.append(key)
            self._minhashes = None
        for im in sig.images:
            self._by_pixels.setdefault(im.sha256, []).append(key)
            self._hash_list.append(im.phashes)
            self._hash_owner.append(key)
        if sig.images:
            self._hashes = None

    def add_all(self, items: Iterable[tuple[str, PageSignature]]) -> None:
        for key, sig in items:
            self.add(key, sig)

    def _minhash_matrix(self) -> np.ndarray:
        if self._minhashes is None:
            self._minhashes = (
                np.stack(self._mh_list) if self._mh_list else np.zeros((0, NUM_PERM), np.uint32)
            )
        return self._minhashes

    def _hash_array(self) -> np.ndarray:
        """Pictures x (whole + crops) x 64-bit words."""
        if self._hashes is None:
            per = 1 + len(CROPS)
            size = PHASH_BITS // 8
            raw = b"".join(  # a picture hashed without crops counts its whole for them
                h.to_bytes(size, "big")
                for phashes in self._hash_list
                for h in (*phashes, *(phashes[:1] * per))[:per]
            )
            array = np.frombuffer(raw, dtype=">u8").astype(np.uint64)
            self._hashes = array.reshape(len(self._hash_list), per, _WORDS)
        return self._hashes

    def _distances(self, im: ImageSignature) -> np.ndarray:
        """Per indexed picture: the least distance, whole against crops and crops against whole."""
        hashes = self._hash_array()
        query = np.stack([_words(h) for h in im.phashes])
        least: np.ndarray = (
            np.bitwise_count(hashes ^ query[0]).sum(axis=2, dtype=np.int32).min(axis=1)
        )
        if len(query) > 1:
            crops = np.bitwise_count(hashes[:, :1, :] ^ query[None, 1:, :])
            least = np.minimum(least, crops.sum(axis=2, dtype=np.int32).min(axis=1))
        return least

    def find(
        self,
        sig: PageSignature,
        *,
        text_threshold: float = TEXT_THRESHOLD,
        image_distance: int = IMAGE_DISTANCE,
        key: str | None = None,
        near: bool = True,
    ) -> list[Match]:
        """Pages that copy ``sig``, strongest first; ``key`` (the query's own) is left out.

        ``near_text`` needs an estimated shingle Jaccard of at least ``text_threshold``;
        ``near_picture`` a phash Hamming distance of at most ``image_distance`` bits between
        any picture (or page rendering) of the query and any of the candidate, counting a
        centre crop of either side against the other's whole picture. With ``near=False`` only
        ``exact`` and ``same_picture`` are looked for (dictionary lookups, no scan).
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
        if near and sig.minhash is not None:
            matrix = self._minhash_matrix()
            if matrix.size:
                query = np.asarray(sig.minhash.hashvalues, dtype=np.uint32)
                share = (matrix == query).sum(axis=1) / NUM_PERM
                for i in np.flatnonzero(share >= text_threshold):
                    offer(self._mh_owner[i], "near_text", float(share[i]))
        if sig.images:
            for im in sig.images:
                for k in self._by_pixels.get(im.sha256, ()):
                    offer(k, "same_picture", 1.0)
            if near and self._hash_list:
                dist = np.min([self._distances(im) for im in sig.images], axis=0)
                for i in np.flatnonzero(dist <= image_distance):
                    offer(self._hash_owner[i], "near_picture", 1.0 - int(dist[i]) / PHASH_BITS)
        return sorted(best.values(), key=lambda m: (_RANK[m.kind], -m.score, m.key))

    def find_key(
        self,
        key: str,
        *,
        text_threshold: float = TEXT_THRESHOLD,
        image_distance: int = IMAGE_DISTANCE,
        near: bool = True,
    ) -> list[Match]:
        """Copies of the page already indexed under ``key``, itself left out."""
        return self.find(
            self._sigs[key],
            text_threshold=text_threshold,
            image_distance=image_distance,
            key=key,
            near=near,
        )
