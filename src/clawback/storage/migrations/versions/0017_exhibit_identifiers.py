"""exhibit identifiers: an exhibit as the court writes it (A, QQ, P5, 5-A), beside the ordinal

``document.exhibit`` stays the record's integer ordinal (a plain number N is ordinal N, as
before); ``exhibit_id`` keeps the identifier as written and ``exhibit_key`` its one spelling
(``clawback.domain.exhibit_ids.ExhibitId.canonical``), unique, by which the record finds it.
Every numbered exhibit already in a record gets its number as both. ``exhibit_lead`` names a
duplicate exhibit's lead as written ("Ex. 12, a duplicate of Ex. 5").

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("document", sa.Column("exhibit_id", sa.String(24), nullable=True))
    op.add_column("document", sa.Column("exhibit_key", sa.String(32), nullable=True))
    op.add_column("document", sa.Column("exhibit_lead", sa.String(24), nullable=True))
    op.execute(
        "UPDATE document SET exhibit_id = CAST(exhibit AS VARCHAR(24)), "
        "exhibit_key = CAST(exhibit AS VARCHAR(32)) WHERE exhibit IS NOT NULL"
    )
    op.create_index("ix_document_exhibit_key", "document", ["exhibit_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_document_exhibit_key", "document")
    op.drop_column("document", "exhibit_lead")
    op.drop_column("document", "exhibit_key")
    op.drop_column("document", "exhibit_id")
