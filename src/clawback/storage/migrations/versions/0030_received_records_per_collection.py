"""received records: one volume's record by control number is unique per collection, checked by
the import, not by one constraint across every side and tier

The constraint on (volume, control) refused a record named as one another side imported (or one
beyond the importer's tier) with the database's words, naming what the importer may not know
of. A volume's record is imported once per collection: the import finds it (for the person,
as they may know of it) in the record's own unit of work, after taking the writers' lock
(`service.received`). An index on (volume, control) keeps that lookup fast.

Revision ID: 0030
Revises: 0029
"""

from alembic import op

revision = "0030"
down_revision = "0029"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("received_record", schema=None) as batch_op:
        batch_op.drop_constraint("uq_received_record", type_="unique")
        batch_op.create_index("ix_received_record_volume_control", ["volume", "control"])


def downgrade() -> None:
    with op.batch_alter_table("received_record", schema=None) as batch_op:
        batch_op.drop_index("ix_received_record_volume_control")
        batch_op.create_unique_constraint("uq_received_record", ["volume", "control"])
