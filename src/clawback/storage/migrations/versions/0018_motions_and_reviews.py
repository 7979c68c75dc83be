"""motions and reviews: who moved to seal (a side, both, the court on its own motion) and
whether to seal or to unseal; a seal ruling in part (what the public version removes) and on a
condition

Revision ID: 0018
Revises: 0017

Motions already recorded ask to seal, their movant as ``joint`` says; decisions already recorded
seal whole exhibits, on no condition.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("seal_motion", schema=None) as batch_op:
        batch_op.add_column(sa.Column("movant", sa.String(length=20), nullable=True))
        batch_op.add_column(
            sa.Column("request", sa.String(length=10), server_default="seal", nullable=False)
        )
    with op.batch_alter_table("seal_decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("part", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("condition", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("seal_decision", schema=None) as batch_op:
        batch_op.drop_column("condition")
        batch_op.drop_column("part")
    with op.batch_alter_table("seal_motion", schema=None) as batch_op:
        batch_op.drop_column("request")
        batch_op.drop_column("movant")
