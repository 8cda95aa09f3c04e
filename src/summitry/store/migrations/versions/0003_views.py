"""The views as tables: meeting reports and meetings, ledger rows and commitments, claims.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07

Each ingest batch keeps these in step with its documents (store/materialise.py); a store made
before this revision gets them filled from its stored records once, by ``upgrade_to_head``
after the last migration, so the view code never runs against a schema older than its own.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DOCUMENT_ID = sa.String(64)
ENTITY_ID = sa.String(128)
RECORD_JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def _document_key() -> sa.Column[Any]:
    return sa.Column("doc_id", DOCUMENT_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def upgrade() -> None:
    op.create_table(
        "meeting_reports",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("sides", sa.Text, nullable=False),
        sa.Column("report", RECORD_JSON, nullable=False),
    )
    op.create_index("ix_meeting_reports_sides", "meeting_reports", ["sides"])
    op.create_table(
        "meetings",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("sides", sa.Text, nullable=False),
        sa.Column("date", sa.String(32)),
        sa.Column("undated", sa.Boolean, nullable=False),
        sa.Column("names", sa.Text, nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("meeting", RECORD_JSON, nullable=False),
    )
    op.create_index("ix_meetings_id", "meetings", ["id"])
    op.create_index("ix_meetings_sides", "meetings", ["sides"])
    op.create_index("ix_meetings_order", "meetings", ["undated", "date", "names"])
    for name, column in (("meeting_actors", sa.Column("actor", ENTITY_ID, primary_key=True)),
                         ("meeting_documents", sa.Column("doc_id", DOCUMENT_ID, primary_key=True))):
        op.create_table(
            name,
            sa.Column("meeting", sa.Text, sa.ForeignKey("meetings.key", ondelete="CASCADE"), primary_key=True),
            column,
        )
    op.create_index("ix_meeting_actors_actor", "meeting_actors", ["actor"])
    op.create_index("ix_meeting_documents_doc", "meeting_documents", ["doc_id"])
    op.create_table(
        "ledger_statements",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("side", ENTITY_ID, nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("amount", sa.Float),
        sa.Column("denial", sa.Boolean, nullable=False),
        sa.Column("statement", RECORD_JSON, nullable=False),
    )
    op.create_index("ix_ledger_statements_key", "ledger_statements", ["kind", "side", "unit", "amount"])
    op.create_table(
        "commitments",
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("side", ENTITY_ID, nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("founded", sa.Text, nullable=False),
        sa.Column("pledger_name", sa.Text, nullable=False),
        sa.Column("amount", sa.Float),
        sa.Column("item", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("commitment", RECORD_JSON, nullable=False),
    )
    op.create_index("ix_commitments_id", "commitments", ["id"])
    op.create_index("ix_commitments_key", "commitments", ["kind", "side", "unit", "amount"])
    op.create_index("ix_commitments_order", "commitments", ["pledger_name", "kind", "amount", "item"])
    op.create_table(
        "commitment_actors",
        sa.Column("commitment", sa.Text, sa.ForeignKey("commitments.key", ondelete="CASCADE"), primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("actor", ENTITY_ID, primary_key=True),
    )
    op.create_index("ix_commitment_actors_actor", "commitment_actors", ["actor", "role"])
    op.create_table(
        "claims",
        _document_key(),
        sa.Column("event_ordinal", sa.Integer, primary_key=True),
        sa.Column("actor", ENTITY_ID, primary_key=True),
        sa.Column("date", sa.String(32)),
        sa.Column("claim", RECORD_JSON, nullable=False),
    )
    op.create_index("ix_claims_actor", "claims", ["actor"])


def downgrade() -> None:
    for table in ("claims", "commitment_actors", "commitments", "ledger_statements", "meeting_documents", "meeting_actors", "meetings", "meeting_reports"):
        op.drop_table(table)
