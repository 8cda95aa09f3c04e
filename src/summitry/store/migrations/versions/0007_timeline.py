"""Each actor's timeline as a table, in its own order, with an index that serves it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

An actor's page read its timeline as a union of its meetings, commitments and claims and sorted
all of them to show one page: at 10,000 documents the busiest leader has thousands of rows.
Here each entry is a row keyed by actor, and ``ix_timeline_order`` holds them in the page's
order, so a page is a range of the index. The rows are the view code's (lines, order), so a
store made before this revision gets them by a rebuild of the views at the head revision
(``migrations.upgrade_to_head``), not here. Text compares by code point on PostgreSQL too
(collation "C"), as the index must to serve that order.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    ordered = sa.Text().with_variant(sa.Text(collation="C"), "postgresql")
    op.create_table(
        "timeline",
        sa.Column("actor", sa.String(128), primary_key=True),
        sa.Column("kind", ordered, primary_key=True),
        sa.Column("row", sa.Text, primary_key=True),
        sa.Column("doc_id", sa.String(64)),
        sa.Column("undated", sa.Boolean, nullable=False),
        sa.Column("date", ordered),
        sa.Column("summary", ordered),
        sa.Column("t1", ordered, nullable=False),
        sa.Column("t2", ordered, nullable=False),
        sa.Column("t3", sa.Float, nullable=False),
        sa.Column("t4", ordered, nullable=False),
        sa.Column("t5", ordered, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("ref", sa.String(16)),
    )
    op.create_index("ix_timeline_order", "timeline", ["actor", "undated", "date", "kind", "summary", "t1", "t2", "t3", "t4", "t5"])
    op.create_index("ix_timeline_doc", "timeline", ["doc_id"])


def downgrade() -> None:
    op.drop_index("ix_timeline_doc", "timeline")
    op.drop_index("ix_timeline_order", "timeline")
    op.drop_table("timeline")
