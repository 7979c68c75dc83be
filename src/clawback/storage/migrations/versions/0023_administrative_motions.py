"""a motion to seal's form: noticed or administrative

``seal_motion.form`` says how the motion was brought: ``motion`` (a noticed motion, as every
motion recorded before this revision was), ``administrative`` (an Administrative Motion to File
Under Seal, N.D. Cal. Civil L.R. 7-11 and 79-5) or ``other_partys_material`` (an Administrative
Motion to Consider Whether Another Party's Material Should Be Sealed, L.R. 79-5(f)). The order
names the motion by it.

Revision ID: 0023
Revises: 0022
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "seal_motion",
        sa.Column("form", sa.String(length=30), nullable=False, server_default="motion"),
    )


def downgrade() -> None:
    with op.batch_alter_table("seal_motion") as batch:
        batch.drop_column("form")
