"""a document's Bates numbers kept on its row

``document.first_bates`` and ``last_bates`` are its first and last stamped pages' numbers (by
page order), ``first_series`` and ``first_number`` the first's series and number as
``BatesNumber`` orders them; ``ix_document_listing`` lists documents by them. A listing then
orders and filters documents without reading each one's pages. The columns are filled here for
the documents already numbered; ``service.stamps`` keeps them from then on.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

from clawback.storage.types import bates_counter, bates_series

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document", sa.Column("first_bates", sa.String(length=60), nullable=True))
    op.add_column("document", sa.Column("last_bates", sa.String(length=60), nullable=True))
    op.add_column("document", sa.Column("first_series", sa.String(length=60), nullable=True))
    op.add_column("document", sa.Column("first_number", sa.BigInteger(), nullable=True))
    document = sa.table(
        "document",
        sa.column("id", sa.Integer),
        sa.column("first_bates", sa.String),
        sa.column("last_bates", sa.String),
        sa.column("first_series", sa.String),
        sa.column("first_number", sa.BigInteger),
    )
    page = sa.table(
        "page",
        sa.column("document_id", sa.Integer),
        sa.column("idx", sa.Integer),
        sa.column("bates", sa.String),
    )

    def stamped(order: sa.ColumnElement[int]) -> sa.ScalarSelect[str]:
        return (
            sa.select(page.c.bates)
            .where(page.c.document_id == document.c.id, page.c.bates.is_not(None))
            .order_by(order)
            .limit(1)
            .scalar_subquery()
        )

    op.execute(
        document.update().values(
            first_bates=stamped(page.c.idx), last_bates=stamped(page.c.idx.desc())
        )
    )
    dialect = op.get_bind().dialect.name
    first = document.c.first_bates
    op.execute(
        document.update()
        .where(first.is_not(None))
        .values(first_series=bates_series(first, dialect), first_number=bates_counter(first))
    )
    op.create_index(
        "ix_document_listing", "document", ["first_series", "first_number", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_document_listing", table_name="document")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later): a batch copy of ``document``
    # would drop the table that every other table's foreign keys point at.
    for column in ("first_number", "first_series", "last_bates", "first_bates"):
        op.drop_column("document", column)
