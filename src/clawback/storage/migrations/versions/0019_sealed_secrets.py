"""sealed secrets: a login's TOTP secret is kept sealed under the workspace key

``account.totp_secret`` widens to 128 characters for the sealed form (``sealed:`` and the
base64 of a 12-byte nonce and the AES-GCM box, about 87 characters). The key lives outside the
database, so a secret kept before stays as it was, read as it is, until the person is invited
again (``clawback people invite EMAIL``), which seals the new one.

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.alter_column(
            "totp_secret", existing_type=sa.String(length=64), type_=sa.String(length=128)
        )


def downgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.alter_column(
            "totp_secret", existing_type=sa.String(length=128), type_=sa.String(length=64)
        )
