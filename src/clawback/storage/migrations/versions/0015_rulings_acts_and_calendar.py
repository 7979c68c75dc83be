"""rulings, acts and the calendar: a claim's rulings as a dated history (an amendment is a new
ruling) and how the dispute came to court (a claw-back or a motion to compel), acts with a
fixed date or a day count, duties lifted, a court's own closures

Revision ID: 0015
Revises: 0014

Rulings already in the record become the first (and only) ruling of their claim; claims
already in the record are claw-backs. Deadlines
already recorded keep their day count; none is lifted.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ruling_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("result", sa.String(length=40), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute(
        'insert into ruling_history (claim_id, result, items, reason, "on") '
        'select claim_id, result, items, reason, "on" from ruling order by claim_id'
    )
    op.drop_table("ruling")
    op.rename_table("ruling_history", "ruling")
    with op.batch_alter_table("ruling", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ruling_claim_id"), ["claim_id"], unique=False)
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.alter_column("days", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("kind", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("lifted", sa.Text(), nullable=True))
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "request",
                sa.String(length=20),
                nullable=False,
                server_default=sa.text("'clawback'"),
            )
        )
    op.create_table(
        "court_closure",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("day"),
    )


def downgrade() -> None:
    op.drop_table("court_closure")
    with op.batch_alter_table("claim", schema=None) as batch_op:
        batch_op.drop_column("request")
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_column("lifted")
        batch_op.drop_column("kind")
        batch_op.alter_column("days", existing_type=sa.Integer(), nullable=False)
    op.create_table(
        "ruling_latest",
        sa.Column("claim_id", sa.String(length=80), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"]),
        sa.PrimaryKeyConstraint("claim_id"),
    )
    op.execute(  # the ruling in force per claim; its history is lost
        'insert into ruling_latest (claim_id, result, items, reason, "on") '
        'select r.claim_id, r.result, r.items, r.reason, r."on" from ruling r '
        "where r.id = (select max(l.id) from ruling l where l.claim_id = r.claim_id)"
    )
    op.drop_table("ruling")
    op.rename_table("ruling_latest", "ruling")
