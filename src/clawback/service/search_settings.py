"""PostgreSQL's settings for a search's transaction (``service.search``): each made with
``set_config(..., true)``, so it ends with the transaction, a failed statement's rollback
included, and no other statement of the connection's sees it."""

from __future__ import annotations

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session

#: PostgreSQL's cost of a page read out of order (``random_page_cost``), in a search's
#: transaction only: its default of 4 (a disk's seek) priced the GIN index's matches, each a
#: heap page read, so dear that a word on 0.3% of 300,000 pages was found by walking the pages
#: in id order, testing each, a test the planner prices at nothing though it reads the page's
#: tsvector out of TOAST: 20,000 pages, 380 ms, where the index's 900 pages take 30
#: (``benchmarks/results/scale-300k-postgresql-tail.txt``).
PAGE_READ_COST = "1.1"
#: The least memory a search's transaction has for the GIN index's bitmap of matches (kB):
#: past the server's ``work_mem`` (4 MB by default) the bitmap keeps whole heap blocks, not
#: pages, and every page of them is read and tested again; a common word at 1,000,000 pages
#: (~160,000 heap blocks) needs ~11 MB. A larger setting of the server's is kept.
BITMAP_KB = 32 * 1024


#: PostgreSQL's plans that may walk the pages testing each against the query, set aside
#: while the count first asks the GIN index (``_counted_first``).
WALKS = ("enable_seqscan", "enable_indexscan")
_BEFORE = select(*(func.current_setting(name).label(name) for name in WALKS)).offset(0)
#: A search's settings on PostgreSQL, for its transaction, returning the ``WALKS`` as they
#: were (read in a subquery first: the settings are made as its row is projected).
SEARCH = select(
    *_BEFORE.subquery("before").c,
    func.set_config("plan_cache_mode", "force_custom_plan", True),
    func.set_config("random_page_cost", PAGE_READ_COST, True),
    func.set_config("enable_seqscan", "off", True),  # till ``walks_again``
    func.set_config(
        "work_mem",
        func.concat(
            cast(
                func.greatest(
                    func.pg_size_bytes(func.current_setting("work_mem")) / 1024, BITMAP_KB
                ),
                String,
            ),
            "kB",
        ),
        True,
    ),
)


def walks_again(s: Session, before: tuple[str, ...]) -> None:
    """PostgreSQL: the ``WALKS`` as they were (``before``) for the rest of the transaction
    (the snippets, the audit). Not when a statement fails: the transaction rolls back, and
    its settings with it."""
    s.execute(select(*(func.set_config(n, v, True) for n, v in zip(WALKS, before, strict=True))))
