"""filed papers: a document on the docket, named by its docket entry, never produced

``document.docket`` is the entry as the court writes it (``ECF No. 101-33``), one document per
entry; ``filed_kind`` what the paper is (brief, declaration, ...); ``filed_under_seal`` that it
was lodged under seal (or the court sealed it since). A filed paper is served on every party:
the access rule lets each party reach it (its tier and any seal still apply) and the public
read it unless sealed. ``item.pinpoint`` keeps where an item of a filed paper is, as cited.

Revision ID: 0020
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch would rebuild ``document``, which pages and items refer to.
    op.add_column("document", sa.Column("docket", sa.String(length=40), nullable=True))
    op.add_column("document", sa.Column("filed_kind", sa.String(length=30), nullable=True))
    op.add_column(
        "document",
        sa.Column("filed_under_seal", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_document_docket", "document", ["docket"], unique=True)
    op.add_column("item", sa.Column("pinpoint", sa.String(length=40), nullable=True))


def downgrade() -> None:
    op.drop_column("item", "pinpoint")
    op.drop_index("ix_document_docket", "document")
    op.drop_column("document", "filed_under_seal")
    op.drop_column("document", "filed_kind")
    op.drop_column("document", "docket")
