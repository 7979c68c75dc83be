"""resumable productions: a volume is recorded open with its plan, and closed when complete

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("production", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "state", sa.String(length=20), nullable=False, server_default=sa.text("'complete'")
            )
        )
        batch_op.add_column(
            sa.Column("plan", sa.JSON(), nullable=False, server_default=sa.text("'{}'"))
        )


def downgrade() -> None:
    with op.batch_alter_table("production", schema=None) as batch_op:
        batch_op.drop_column("plan")
        batch_op.drop_column("state")
