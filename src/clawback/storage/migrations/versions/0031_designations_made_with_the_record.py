"""designations: whether one was made with the received record a document was taken out of is
a column, not the wording of its note; a note holds up to 2,000 characters on every backend

A file taken out of a received record's native takes the record's designations until it is
designated apart (`service.received_names.follows_record`). Which was which was read from the
note's words, and a note is what a person writes: one designating the file apart in words that
happened to be the record's put it back under the record's tier at the record's next
designation (an attachment held back as AEO taken back to Confidential). Rows written before
hold no other trace, so they are marked by those words, once, here.

The note was VARCHAR(300) while the service kept up to 500 characters of it and the web form
sends up to 2,000: PostgreSQL refused a longer note and SQLite kept it whole. Now TEXT, with the
limit said in one line by the service (`Designations.designate`).

Revision ID: 0031
Revises: 0030
"""

import sqlalchemy as sa
from alembic import op

revision = "0031"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("designation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("with_record", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.alter_column(
            "note", existing_type=sa.String(length=300), type_=sa.Text(), existing_nullable=False
        )
    op.execute(
        "UPDATE designation SET with_record = true "
        "WHERE note LIKE 'as received with its family:%' "
        "OR note LIKE 'with the record from whose native it came%' "
        "OR note LIKE '%, from whose native it came%'"
    )


def downgrade() -> None:
    with op.batch_alter_table("designation", schema=None) as batch_op:
        batch_op.alter_column(
            "note", existing_type=sa.Text(), type_=sa.String(length=300), existing_nullable=False
        )
        batch_op.drop_column("with_record")
