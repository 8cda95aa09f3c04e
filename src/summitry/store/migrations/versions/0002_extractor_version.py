"""Which extractor made each document's record, so a store can re-extract stale ones.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07

Records stored before this revision get NULL: made by an unknown extractor, hence stale.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("extractor", sa.String(32)))  # a plain ALTER TABLE on both backends


def downgrade() -> None:
    op.drop_column("documents", "extractor")  # SQLite 3.35+ drops a column in place
