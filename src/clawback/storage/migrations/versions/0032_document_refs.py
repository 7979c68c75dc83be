"""references for documents, for readers their side's control numbers would tell of others

A side's control numbers (``DOC-``, ``RCV-``, ``CRT-``) count its whole collection: a receiving
employee shown RCV-000002 learnt that RCV-000001, an AEO record beyond their tier, existed. Each
document gets ``ref``, six random characters (``domain.public_refs``, never all digits, so the
name a reader is given, ``RCV-k7q2mx``, is never read as a control number), drawn here for the
documents already in the record and by the model from then on; a reader the order does not
admit to every tier names their side's documents by it (``service.control_names``).

Revision ID: 0032
Revises: 0031
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0032"
down_revision = "0031"
branch_labels = None
depends_on = None

ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # as domain.public_refs draws them


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column("document", sa.Column("ref", sa.String(length=12), nullable=True))
    table = sa.table("document", sa.column("id", sa.Integer), sa.column("ref", sa.String))
    drawn: set[str] = set()
    for (row_id,) in bind.execute(sa.select(table.c.id)).all():
        ref = ""
        while not ref or ref in drawn or ref.isdigit():
            ref = "".join(secrets.choice(ALPHABET) for _ in range(6))
        drawn.add(ref)
        bind.execute(table.update().where(table.c.id == row_id).values(ref=ref))
    op.create_index("ix_document_ref", "document", ["ref"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_document_ref", table_name="document")
    op.drop_column("document", "ref")
