"""The generated pages of benchmarks/scale.py: one workspace per backend, the same pages in each.

Rows go straight into the tables (``generated.grow``: no files, no ingest path), so a million
pages take minutes. Each page holds 250 words drawn from a vocabulary of 20,000 made-up words
by Zipf's law (a few common, most rare, as in real text), a line break in the middle; 1% carry
the rare word ``zutemi``, 2% the phrase ``nalo bakaro`` with a line break between the two
words, and 2% are near copies of an earlier page (3 words changed). Documents have a mix of
tiers, sequestered and withheld (``generated``), so a receiving-side employee's search really
filters. After the rows: each page's copy signature and LSH bands (SQLite only, where the
near-copy queries run) and the statistics a live database keeps (ANALYZE; on PostgreSQL
VACUUM ANALYZE, what autovacuum does, which also empties the GIN indexes' pending lists).
"""

from __future__ import annotations

import random
import uuid
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, create_engine, delete, func, insert, select, text

from clawback import copies
from clawback.demo.run import reference_case
from clawback.service import Record, Workspace
from clawback.storage import tables as t
from generated import STAFF, grow, setting  # benchmarks/generated.py, beside this script

SYLLABLES = "ka ro mi te su na lo vi de pa zu ri fe go ba ni tu se mo ra".split()  # noqa: SIM905
COMMON, RARE, PHRASE = "bakaro", "zutemi", ("nalo", "bakaro")
WORDS_PER_PAGE = 250


def vocabulary(size: int = 20_000, seed: int = 5) -> list[str]:
    """``size`` made-up words, the commonest first (its rank is its Zipf rank)."""
    rng = random.Random(seed)
    words: set[str] = {COMMON, RARE, *PHRASE}
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return [COMMON, *sorted(words - {COMMON})]


class Pages:
    """Makes each page's text: its words drawn by Zipf's law from a generator of its own (a
    thousand pages' words at a time, by NumPy), the rest from the caller's random stream; the
    same seeds make the same pages on every backend."""

    def __init__(self, vocab: list[str], seed: int = 13) -> None:
        self.vocab = np.array(vocab, dtype=object)
        self.cum = np.cumsum(1 / np.arange(1, len(vocab) + 1))
        self.draw = np.random.default_rng(seed)
        self.ahead: list[list[str]] = []  # pages of words drawn, not yet used
        self.earlier: list[list[str]] = []

    def _words(self) -> list[str]:
        if not self.ahead:
            wanted = self.draw.random(1000 * WORDS_PER_PAGE) * self.cum[-1]
            ranks = np.minimum(np.searchsorted(self.cum, wanted), len(self.vocab) - 1)
            self.ahead = self.vocab[ranks].reshape(1000, WORDS_PER_PAGE).tolist()
        return self.ahead.pop()

    def __call__(self, rng: random.Random) -> str:
        if self.earlier and rng.random() < 0.02:  # a near copy of an earlier page
            words = list(rng.choice(self.earlier))
            for at in rng.sample(range(WORDS_PER_PAGE), 3):
                words[at] = str(self.vocab[rng.randrange(len(self.vocab))])
        else:
            words = self._words()
            if rng.random() < 0.01:
                words[rng.randrange(WORDS_PER_PAGE)] = RARE
            if rng.random() < 0.02:
                half = WORDS_PER_PAGE // 2
                words[half - 1 : half + 1] = PHRASE  # the phrase wraps the line
            if len(self.earlier) < 5000:
                self.earlier.append(words)
        half = WORDS_PER_PAGE // 2
        return " ".join(words[:half]) + "\n" + " ".join(words[half:])


def build(root: Path, url: str | None, pages: int, per_doc: int, seed: int = 7) -> Record:
    """The operator's record of a new workspace at ``root`` (database ``url``, None for SQLite
    in the workspace) holding ``pages`` generated pages, with ``STAFF`` seated on the
    receiving side."""
    ws = Workspace.init(root, url).operator()
    ws.matter.load_case(reference_case())
    ws.people.add(
        STAFF, name="Staff", side="receiving", category="party_officers_directors_employees"
    )
    grow(ws, pages, per_doc, Pages(vocabulary()), seed)
    return ws


def analyze(ws: Record) -> None:
    """The statistics (and, on PostgreSQL, the vacuum) a live database keeps by itself."""
    engine = ws.ctx.workspace.engine
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("ANALYZE" if engine.dialect.name == "sqlite" else "VACUUM ANALYZE"))


def sign_all(ws: Record, workers: int = 2) -> None:
    """Each page's signature and bands, as the signature step keeps them (made from the
    page's text: the generated pages have no files), on SQLite, where the near-copy queries
    run. Made by ``workers`` processes, 5,000 pages at a time, a few chunks ahead at most
    (memory stays flat); the bands' bucket index is set aside meanwhile and made once after."""
    engine = ws.ctx.workspace.engine
    with engine.connect() as reader, engine.connect() as writer:
        low, high = reader.execute(select(func.min(t.Page.id), func.max(t.Page.id))).one()
        reader.commit()
        with writer.begin():
            (index,) = writer.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'ix_page_signature_band_bucket'"
            ).one()
            writer.exec_driver_sql("DROP INDEX ix_page_signature_band_bucket")
        setting(writer, "PRAGMA synchronous=OFF")
        try:
            with ProcessPoolExecutor(workers) as pool:
                ahead: deque[Future[tuple[list[dict[str, Any]], list[tuple[int, int, int]]]]]
                ahead = deque()
                for start in range(low or 0, (high or -1) + 1, 5000):
                    with reader.begin():
                        pages = reader.execute(
                            select(t.Page.id, t.Page.text).where(
                                t.Page.id.between(start, start + 4999)
                            )
                        ).all()
                    ahead.append(pool.submit(_signed, [(i, body) for i, body in pages]))
                    if len(ahead) > workers:
                        _keep(writer, *ahead.popleft().result())
                while ahead:
                    _keep(writer, *ahead.popleft().result())
        finally:
            with writer.begin():
                writer.exec_driver_sql(index)
                writer.execute(delete(t.UnsignedPage))
            setting(writer, "PRAGMA synchronous=NORMAL")


def _signed(
    pages: list[tuple[int, str]],
) -> tuple[list[dict[str, Any]], list[tuple[int, int, int]]]:
    """The signature rows and band rows of ``pages`` (in a worker process)."""
    sigs, bands = [], []
    for page_id, body in pages:
        sig = copies.signature(body)
        sigs.append(
            {"page_id": page_id, "scheme": copies.SCHEME, "made_from": "0" * 64}
            | copies.encode(sig)
        )
        if sig.minhash is not None:
            bands += [(page_id, n, b) for n, b in enumerate(copies.bands(sig.minhash))]
    return sigs, bands


def _keep(
    writer: Connection, sigs: list[dict[str, Any]], bands: list[tuple[int, int, int]]
) -> None:
    with writer.begin():
        writer.execute(insert(t.PageSignature), sigs)
        writer.exec_driver_sql(
            "INSERT INTO page_signature_band (page_id, band, bucket) VALUES (?, ?, ?)", bands
        )


@contextmanager
def postgres_schema(url: str) -> Iterator[str]:
    """A URL to an empty schema of its own in the database at ``url``, dropped afterwards."""
    schema = f"scale_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'create schema "{schema}"'))
    try:
        yield f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.connect() as conn:
            conn.execute(text(f'drop schema "{schema}" cascade'))
        engine.dispose()
