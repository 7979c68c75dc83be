"""a hash-chained audit trail

Revision ID: 0002
Revises: 0001

Entries written before this revision are chained in the order they were written (by id), with
their stored time as the hashed stamp (read as UTC), by the same rule as every later entry. The
subject becomes Text: a notice's list of Bates ranges outgrows 300 characters (PostgreSQL
enforced the limit, SQLite did not).
"""

from datetime import UTC
from typing import Any

import sqlalchemy as sa
from alembic import op

from clawback.storage import audit

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ADDED: dict[str, sa.types.TypeEngine[Any]] = {
    "seq": sa.Integer(),
    "stamp": sa.String(length=32),
    "prev": sa.String(length=64),
    "hash": sa.String(length=64),
}


def upgrade() -> None:
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_audit_head_one_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit", schema=None) as batch_op:
        for name, type_ in ADDED.items():
            batch_op.add_column(sa.Column(name, type_, nullable=True))

    _chain_the_entries_already_written()

    with op.batch_alter_table("audit", schema=None) as batch_op:
        for name, type_ in ADDED.items():
            batch_op.alter_column(name, existing_type=type_, nullable=False)
        batch_op.create_unique_constraint("uq_audit_seq", ["seq"])
        batch_op.alter_column("subject", existing_type=sa.String(length=300), type_=sa.Text())


def _chain_the_entries_already_written() -> None:
    entries = sa.table(
        "audit",
        *(sa.column(name) for name in ("id", "actor", "path", "action", "subject")),
        sa.column("at", sa.DateTime()),
        sa.column("detail", sa.JSON()),
        *(sa.column(name) for name in ADDED),
    )
    head = sa.table("audit_head", sa.column("id"), sa.column("seq"), sa.column("hash"))
    conn = op.get_bind()
    seq, prev = 0, audit.GENESIS
    for row in conn.execute(sa.select(entries).order_by(entries.c.id)).all():
        moment = row.at if row.at.tzinfo else row.at.replace(tzinfo=UTC)
        seq += 1
        fields = {
            "seq": seq,
            "stamp": audit.stamp(moment),
            "actor": row.actor,
            "path": row.path,
            "action": row.action,
            "subject": row.subject,
            "detail": row.detail,
            "prev": prev,
        }
        prev = audit.digest(fields)
        conn.execute(
            sa.update(entries)
            .where(entries.c.id == row.id)
            .values(
                seq=seq,
                stamp=fields["stamp"],
                prev=fields["prev"],
                hash=prev,
                at=moment.astimezone(UTC).replace(tzinfo=None),
            )
        )
    conn.execute(sa.insert(head).values(id=1, seq=seq, hash=prev))


def downgrade() -> None:
    with op.batch_alter_table("audit", schema=None) as batch_op:
        batch_op.alter_column("subject", existing_type=sa.Text(), type_=sa.String(length=300))
        batch_op.drop_constraint("uq_audit_seq", type_="unique")
        for name in reversed(ADDED):
            batch_op.drop_column(name)

    op.drop_table("audit_head")
