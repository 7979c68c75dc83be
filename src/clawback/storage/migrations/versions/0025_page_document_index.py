"""search index: each page's document by its id, without reading the page's row (SQLite)

A search checks every page the index names against the page's own document, and the count of
a common word does so for a thousand pages. On SQLite a page's row holds its text and its
redacted text (kilobytes, over several database pages), and finding its ``document_id`` by
its id read that row; ``ix_page_id_document_id`` (page id, document id) answers from an index
a hundred times denser (at 100,000 pages the count of an employee's search went from 3.6 to
1.7 ms CPU; ``benchmarks/scale.py``). PostgreSQL reads the page's row for its tsvector anyway,
so it has no such index. Not modelled in ``storage.tables``: ``SEARCH_INDEX`` names it.

Revision ID: 0025
Revises: 0024
"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE INDEX ix_page_id_document_id ON page (id, document_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP INDEX ix_page_id_document_id")
