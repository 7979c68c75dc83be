"""received documents and their warnings

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "received_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("volume", sa.String(length=200), nullable=False),
        sa.Column("control", sa.String(length=200), nullable=False),
        sa.Column("row", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("volume", "control", name="uq_received_record"),
    )
    op.create_index(
        op.f("ix_received_record_document_id"), "received_record", ["document_id"], unique=False
    )
    op.create_table(
        "page_warning",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page_idx", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        op.f("ix_page_warning_document_id"), "page_warning", ["document_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_page_warning_document_id"), table_name="page_warning")
    op.drop_table("page_warning")
    op.drop_index(op.f("ix_received_record_document_id"), table_name="received_record")
    op.drop_table("received_record")
