"""claims on filed papers: a claim names filed papers (and their items) beside or instead of
exhibits, and a filed paper keeps the day it was filed

``claim.papers`` lists the docket entries a claim names (``101-33``), ``[]`` for a claim over
exhibits only, as every claim already in the record is. ``document.filed_on`` is the day a
filed paper was filed (entered on the docket): FRE 502(b)'s promptness runs from it for a
claim over the paper, as it runs from production for an exhibit; None where not given.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch would rebuild ``document``, which pages and items refer to.
    op.add_column(
        "claim", sa.Column("papers", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
    )
    op.add_column("document", sa.Column("filed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column("document", "filed_on")
    op.drop_column("claim", "papers")
