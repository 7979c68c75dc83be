"""seal motions and rulings on filed papers

``seal_motion.papers`` lists the filed papers a motion to seal (or to unseal) names, by docket
entry (``118-2``), beside its exhibits; ``paper_seal_decision`` is the court's ruling on each,
as ``seal_decision`` is on each exhibit: sealed or not, the standard, the reason word for word,
the day the seal ends, the part the public version redacts (``SealPart`` as data, its items the
paper's) and a condition. A paper may be ruled on in several calls of one motion (Doc. 120
sealed whole, Doc. 118-2 in part), once each.

Revision ID: 0022
Revises: 0020 (0021, when merged beside another branch's, comes between)
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "seal_motion",
        sa.Column("papers", sa.JSON(), nullable=False, server_default=sa.text("'[]'")),
    )
    op.create_table(
        "paper_seal_decision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "motion", sa.String(length=40), sa.ForeignKey("seal_motion.docket"), nullable=False
        ),
        sa.Column("paper", sa.String(length=40), nullable=False),
        sa.Column("sealed", sa.Boolean(), nullable=False),
        sa.Column("standard", sa.String(length=30), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("unseal_on", sa.Date(), nullable=True),
        sa.Column("part", sa.JSON(), nullable=True),
        sa.Column("condition", sa.Text(), nullable=True),
        sa.UniqueConstraint("motion", "paper"),
    )
    op.create_index("ix_paper_seal_decision_paper", "paper_seal_decision", ["paper"])


def downgrade() -> None:
    op.drop_index("ix_paper_seal_decision_paper", "paper_seal_decision")
    op.drop_table("paper_seal_decision")
    with op.batch_alter_table("seal_motion") as batch:
        batch.drop_column("papers")
