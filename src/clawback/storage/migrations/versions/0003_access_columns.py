"""access columns: what a search filters on, and each page's redacted text

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tier", sa.String(length=120), nullable=True))
        for flag in ("sequestered", "withheld", "sealed", "public_filed"):
            batch_op.add_column(
                sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
            )
        batch_op.create_index(batch_op.f("ix_document_tier"), ["tier"], unique=False)
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("redacted_text", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.drop_column("redacted_text")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_tier"))
        for flag in ("public_filed", "sealed", "withheld", "sequestered", "tier"):
            batch_op.drop_column(flag)
