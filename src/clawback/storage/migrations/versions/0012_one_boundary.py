"""one boundary: whose collection a document is in, whose act a deadline is, a keyed audit
chain, the workspace bound to its database, and the files it delivered

Revision ID: 0012
Revises: 0011

Documents already in the record are taken to be the producing side's (the operator's, who
brought them in). Deadlines already recorded get no party (either party's) and no exhibits.
Audit entries already written carry no MAC: `audit verify` names them as written before the
audit key existed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "held_by",
                sa.String(length=20),
                nullable=False,
                server_default=sa.text("'producing'"),
            )
        )
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.add_column(sa.Column("party", sa.String(length=20), nullable=True))
        batch_op.add_column(
            sa.Column("exhibits", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mac", sa.String(length=64), nullable=True))
    op.create_table(
        "workspace_binding",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("workspace", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_workspace_binding_one_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "output",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("path"),
    )


def downgrade() -> None:
    op.drop_table("output")
    op.drop_table("workspace_binding")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("mac")
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.drop_column("mac")
    with op.batch_alter_table("deadline", schema=None) as batch_op:
        batch_op.drop_column("exhibits")
        batch_op.drop_column("party")
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_column("held_by")
