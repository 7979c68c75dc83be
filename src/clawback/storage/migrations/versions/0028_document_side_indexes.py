"""indexes for what each write reads: a side's last control number, a file already in its
collection, the files made from a file, the exhibits and the filed papers

Each new document took its control number from a count of its side's documents, and each file
ingested was looked up among them by its hash: both read every document (a scan), so ingesting
a folder grew with the square of its size (6 ms a document at 10,000 documents).
``ix_document_held_by`` (side, id) gives the side's last document at once (its number plus one
is the next: ``service.ingest_store.next_control``); ``ix_document_original`` (file, side) finds
a file already ingested; ``ix_blob_made_from`` the PDF made from an Office file before (each
ingest asked, reading every file's row). The exhibits and the filed papers (``exhibit IS NOT
NULL``, ``docket IS NOT NULL``: read by every listing of the dispute and access check of a
claim) were a scan of every document too: SQLite reads IS NOT NULL along no ordinary index,
only along a partial one whose WHERE is the same (``ix_document_exhibits``,
``ix_document_papers``).

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_document_held_by", "document", ["held_by", "id"])
    op.create_index("ix_document_original", "document", ["original", "held_by"])
    op.create_index("ix_blob_made_from", "blob", ["made_from"])
    for name, column, where in (
        ("ix_document_exhibits", "exhibit", "exhibit IS NOT NULL"),
        ("ix_document_papers", "id", "docket IS NOT NULL"),
    ):
        op.create_index(
            name,
            "document",
            [column],
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )


def downgrade() -> None:
    op.drop_index("ix_document_papers", table_name="document")
    op.drop_index("ix_document_exhibits", table_name="document")
    op.drop_index("ix_blob_made_from", table_name="blob")
    op.drop_index("ix_document_original", table_name="document")
    op.drop_index("ix_document_held_by", table_name="document")
