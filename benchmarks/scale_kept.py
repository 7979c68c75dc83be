"""A generated corpus of benchmarks/scale.py kept in a folder, to be timed later (``--keep`` and
``--reuse``): generating a million pages takes an hour or more and is not what is timed, so it
can run at ``nice 19`` on a busy machine and the queries later on a quiet one.

The folder holds, for each backend generated into it (``sqlite``, ``postgresql``):

- ``ws-<backend>/``: the workspace folder (its id file and its empty file store);
- ``<backend>.url``: its database: on SQLite the file ``sqlite.db`` in the folder, on
  PostgreSQL the database with ``search_path`` set to a schema of its own, which is left in
  place (its name in ``postgresql.schema``; ``DROP SCHEMA <name> CASCADE`` when done with it);
- ``<backend>.json``: written last, once everything is made (pages, pages per document,
  whether the copy signatures and bands are there, seconds taken): a folder without it holds
  an unfinished generation and is refused.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

from clawback.service import Record, Workspace


@dataclass(frozen=True)
class Kept:
    backend: str
    pages: int
    per_doc: int
    signed: bool  # each page's copy signature and LSH bands made (sign_all)
    seconds: float  # generation, ANALYZE and signing


def url_for(folder: Path, backend: str, postgres: str) -> str:
    """The database a new kept corpus of ``backend`` goes in (a new schema, on PostgreSQL)."""
    folder.mkdir(parents=True, exist_ok=True)
    if (folder / f"ws-{backend}").exists() or (folder / f"{backend}.url").exists():
        raise SystemExit(f"{folder} already holds a {backend} corpus: keep into another folder")
    if backend == "sqlite":
        url = f"sqlite:///{(folder / 'sqlite.db').resolve()}"
    else:
        schema = f"scale_kept_{uuid.uuid4().hex[:12]}"
        engine = create_engine(postgres, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'create schema "{schema}"'))
        engine.dispose()
        (folder / "postgresql.schema").write_text(schema + "\n")
        url = f"{postgres}{'&' if '?' in postgres else '?'}options=-csearch_path%3D{schema}"
    (folder / f"{backend}.url").write_text(url + "\n")
    return url


def done(folder: Path, kept: Kept) -> None:
    (folder / f"{kept.backend}.json").write_text(json.dumps(asdict(kept)) + "\n")


def found(folder: Path) -> list[Kept]:
    """The finished corpora in ``folder``, SQLite first; refused if there are none."""
    out = [
        Kept(**json.loads((folder / f"{b}.json").read_text()))
        for b in ("sqlite", "postgresql")
        if (folder / f"{b}.json").exists()
    ]
    if not out:
        unfinished = sorted(p.stem for p in folder.glob("*.url"))
        raise SystemExit(
            f"{folder}: no finished corpus"
            + (f" ({', '.join(unfinished)} generation unfinished)" if unfinished else "")
        )
    return out


def opened(folder: Path, backend: str) -> Record:
    """The operator's record of the kept corpus: ``Workspace.init``, which opens it and
    brings its schema up to date if migrations came after it was made (a migration over a
    million pages may take minutes: it is said before the queries, not timed with them)."""
    url = (folder / f"{backend}.url").read_text().strip()
    return Workspace.init(folder / f"ws-{backend}", url).operator()
