"""sealing procedure and compliance: motion filing, local rule, unsealing date, acts done

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("seal_motion", schema=None) as batch_op:
        batch_op.add_column(sa.Column("filed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("local_rule", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("movant_designated", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("seal_decision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unseal_on", sa.Date(), nullable=True))
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.add_column(sa.Column("done_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_column("done_on")
    with op.batch_alter_table("seal_decision", schema=None) as batch_op:
        batch_op.drop_column("unseal_on")
    with op.batch_alter_table("seal_motion", schema=None) as batch_op:
        batch_op.drop_column("movant_designated")
        batch_op.drop_column("local_rule")
        batch_op.drop_column("filed_on")
