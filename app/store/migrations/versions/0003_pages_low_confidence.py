"""pages read by OCR with low confidence say so, so every citation of them can

Revision ID: 0003
Revises: 0002

A page stored before this revision reads as not low-confidence: its OCR confidence is kept, and
re-ingesting the file marks it.
"""

from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: Union[str, Sequence[str], None] = "0002"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("low_confidence", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("low_confidence")
