"""references for deadlines, challenges and API tokens, in place of their row numbers

A deadline, a designation challenge and an API token were named by their row's id, a counter
every side shares: a person shown deadlines 1 and 4 learned of two withheld from them. Each row
gets ``ref``, six random characters (``domain.public_refs``), drawn here for the rows already
in the record and by the model from then on; the id is never shown again.

Revision ID: 0027
Revises: 0026
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

TABLES = ("deadline", "challenge", "api_token")
ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # as domain.public_refs draws them


def upgrade() -> None:
    bind = op.get_bind()
    for name in TABLES:
        op.add_column(name, sa.Column("ref", sa.String(length=12), nullable=True))
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("ref", sa.String))
        drawn: set[str] = set()
        for (row_id,) in bind.execute(sa.select(table.c.id)).all():
            ref = ""
            while not ref or ref in drawn:
                ref = "".join(secrets.choice(ALPHABET) for _ in range(6))
            drawn.add(ref)
            bind.execute(table.update().where(table.c.id == row_id).values(ref=ref))
        with op.batch_alter_table(name) as batch:
            batch.alter_column("ref", existing_type=sa.String(length=12), nullable=False)
            batch.create_unique_constraint(f"uq_{name}_ref", ["ref"])


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_constraint(f"uq_{name}_ref", type_="unique")
            batch.drop_column("ref")
