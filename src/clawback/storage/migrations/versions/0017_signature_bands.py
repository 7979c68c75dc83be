"""signature bands: kept copy signatures found by LSH bucket and by text hash, not by a scan

``page_signature_band`` holds each kept MinHash's bands (``clawback.copies.bands``), one row
per page and band, indexed by bucket; ``page_signature.text_hash`` gets an index for exact
copies. Signatures kept before have no bands: they are dropped here (a signature is a cache of
the page's file, made again by the next signature step or search), so no signature is ever
without its bands.

Revision ID: 0017
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM page_signature")
    op.create_index("ix_page_signature_text_hash", "page_signature", ["text_hash"])
    op.create_table(
        "page_signature_band",
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("bucket", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["page_id"], ["page_signature.page_id"]),
        sa.PrimaryKeyConstraint("page_id", "band"),
    )
    op.create_index("ix_page_signature_band_bucket", "page_signature_band", ["bucket"])


def downgrade() -> None:
    op.drop_index("ix_page_signature_band_bucket", table_name="page_signature_band")
    op.drop_table("page_signature_band")
    op.drop_index("ix_page_signature_text_hash", table_name="page_signature")
