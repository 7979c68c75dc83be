"""claim review record

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(sa.Column("learned_on", sa.Date(), nullable=True))
    with op.batch_alter_table("claim_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("detail", sa.JSON(), nullable=True))
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.add_column(sa.Column("claim_id", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("duty", sa.String(length=20), nullable=True))
        batch_op.create_index(batch_op.f("ix_deadline_claim_id"), ["claim_id"], unique=False)
    op.create_table(
        "claim_review",
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id"),
    )


def downgrade() -> None:
    op.drop_table("claim_review")
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_deadline_claim_id"))
        batch_op.drop_column("duty")
        batch_op.drop_column("claim_id")
    with op.batch_alter_table("claim_event", schema=None) as batch_op:
        batch_op.drop_column("detail")
        batch_op.drop_column("actor")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("learned_on")
