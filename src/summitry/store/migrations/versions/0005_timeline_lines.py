"""Each meeting's and commitment's line on an actor's timeline, as columns.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

An actor's timeline is read a page at a time in its own order (date, kind, line), so the line
must be in the store: a commitment's is the same on every timeline, a meeting's names whom it
met and so depends on the actor the timeline is of (one per row of ``meeting_actors``). The
lines are the view code's, so a store made before this revision gets them by a rebuild of the
views at the head revision (``migrations.upgrade_to_head``), not here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meeting_actors", sa.Column("summary", sa.Text))
    op.add_column("commitments", sa.Column("summary", sa.Text))


def downgrade() -> None:
    op.drop_column("commitments", "summary")
    op.drop_column("meeting_actors", "summary")
