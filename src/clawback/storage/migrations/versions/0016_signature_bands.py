"""signature bands: kept copy signatures found by LSH bucket and by text hash, not by a scan,
and the pages not signed yet listed

``page_signature_band`` holds each kept MinHash's bands (``clawback.copies.bands``), one row
per page and band, indexed by bucket; ``page_signature.text_hash`` gets an index for exact
copies. Signatures kept before have no bands: they are dropped here (a signature is a cache of
the page's file, made again by the next signature step or search), so no signature is ever
without its bands.

``page_unsigned`` lists the pages whose signature is not made yet: a trigger on ``page`` puts
every page inserted there (triggers, as in 0014: every path that inserts pages, including ones
added later), and keeping a page's signature takes it out. It starts with every page.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
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
    op.create_table(
        "page_unsigned",
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"]),
        sa.PrimaryKeyConstraint("page_id"),
    )
    op.execute("INSERT INTO page_unsigned (page_id) SELECT id FROM page")
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER page_unsigned_insert AFTER INSERT ON page BEGIN "
            "INSERT INTO page_unsigned (page_id) VALUES (new.id); END"
        )
    else:
        op.execute(
            "CREATE FUNCTION page_unsigned_insert() RETURNS trigger AS $$ BEGIN "
            "INSERT INTO page_unsigned (page_id) VALUES (NEW.id); RETURN NEW; END "
            "$$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER page_unsigned_insert AFTER INSERT ON page "
            "FOR EACH ROW EXECUTE FUNCTION page_unsigned_insert()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER page_unsigned_insert")
    else:
        op.execute("DROP TRIGGER page_unsigned_insert ON page")
        op.execute("DROP FUNCTION page_unsigned_insert()")
    op.drop_table("page_unsigned")
    op.drop_index("ix_page_signature_band_bucket", table_name="page_signature_band")
    op.drop_table("page_signature_band")
    op.drop_index("ix_page_signature_text_hash", table_name="page_signature")
