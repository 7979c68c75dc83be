"""PostgreSQL: finer statistics of the search columns, so a rare word or phrase is planned as rare

PostgreSQL estimates how many pages a full-text query matches from each tsvector column's most
common lexemes; a lexeme not among them is given a share derived from the rarest listed. With
the default statistics target (100) the word pairs of migration 0026 are far too many for the
list, so every rare phrase was estimated at about 500 pages in 100,000: the operator's search
then walked the pages in id order, testing each, to find the first fifty (1.15 s for a phrase
on no page at 100,000 pages; ``benchmarks/scale.py``), where the GIN index answers in a
millisecond. A target of 1,000 on the four search columns lists enough lexemes that a rare
one is estimated at tens of pages and the index is used; a common one is still planned as
common. ANALYZE of the page table takes longer in proportion (about 30 s at 100,000 pages).
SQLite (FTS5) has no such estimate: nothing changes there.

Revision ID: 0029
Revises: 0028
"""

from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

COLUMNS = ("text_search", "redacted_text_search", "text_pairs", "redacted_text_pairs")
TARGET = 1000


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in COLUMNS:
        op.execute(f"ALTER TABLE page ALTER COLUMN {column} SET STATISTICS {TARGET}")
    op.execute("ANALYZE page")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for column in COLUMNS:
        op.execute(f"ALTER TABLE page ALTER COLUMN {column} SET STATISTICS -1")
