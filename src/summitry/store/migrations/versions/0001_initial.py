"""The first store: documents, their sentences and search index, and the extract record's items.

Revision ID: 0001
Revises:
Create Date: 2025-11-25

Written out by hand rather than imported from ``schema.py``, so this migration keeps
building the same tables when the schema module moves on.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DOCUMENT_ID = sa.String(64)
ENTITY_ID = sa.String(128)


def _document_key() -> sa.Column[Any]:
    return sa.Column("doc_id", DOCUMENT_ID, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def _quantity_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("unit", sa.String(32), nullable=False),
        sa.Column("approx", sa.Boolean, nullable=False),
        sa.Column("per", sa.String(32)),
        sa.Column("qualifier", sa.String(32)),
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_table(
        "documents",
        sa.Column("id", DOCUMENT_ID, primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("script", sa.String(8), nullable=False),
        sa.Column("length", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record_json", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=False),
    )
    op.create_index("ix_documents_date", "documents", ["date"])
    op.create_table(
        "sentences",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    _create_sentence_search(dialect)
    op.create_table(
        "entities",
        sa.Column("id", ENTITY_ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("country", sa.String(8)),
    )
    op.create_table(
        "mentions",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("entity_id", ENTITY_ID, sa.ForeignKey("entities.id"), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("how", sa.String(32), nullable=False),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])
    op.create_table(
        "quantities",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        *_quantity_columns(),
    )
    op.create_index("ix_quantities_unit", "quantities", ["unit"])
    op.create_table(
        "times",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(32)),
        sa.Column("relation", sa.String(16)),
    )
    op.create_table(
        "events",
        _document_key(),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("cameo", sa.String(8)),
        sa.Column("date", sa.String(32)),
        sa.Column("place", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("claimed_by", ENTITY_ID),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_table(
        "event_participants",
        sa.Column("doc_id", DOCUMENT_ID, primary_key=True),
        sa.Column("event_ordinal", sa.Integer, primary_key=True),
        sa.Column("role", sa.String(8), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("entity_id", ENTITY_ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id", "event_ordinal"], ["events.doc_id", "events.ordinal"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_participants_entity", "event_participants", ["entity_id"])
    op.create_table(
        "event_quantities",
        sa.Column("doc_id", DOCUMENT_ID, primary_key=True),
        sa.Column("event_ordinal", sa.Integer, primary_key=True),
        sa.Column("ordinal", sa.Integer, primary_key=True),
        *_quantity_columns(),
        sa.ForeignKeyConstraint(
            ["doc_id", "event_ordinal"], ["events.doc_id", "events.ordinal"], ondelete="CASCADE"
        ),
    )


def _create_sentence_search(dialect: str) -> None:
    """The folded-sentence index, in each backend's own way of finding substrings in Chinese.

    Chinese has no spaces between words, so word tokenizers index whole clauses; trigrams
    find any substring of three or more characters instead.
    """
    if dialect == "sqlite":
        # FTS5 tables take no types or constraints; the trigram tokenizer needs SQLite 3.34.
        op.execute(
            "CREATE VIRTUAL TABLE sentence_search USING fts5("
            "doc_id UNINDEXED, ordinal UNINDEXED, folded, tokenize = 'trigram')"
        )
        return
    op.create_table(
        "sentence_search",
        sa.Column("doc_id", DOCUMENT_ID, nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("folded", sa.Text, nullable=False),
    )
    op.create_index("ix_sentence_search_doc", "sentence_search", ["doc_id", "ordinal"])
    if dialect == "postgresql":
        # pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.create_index(
            "ix_sentence_search_folded",
            "sentence_search",
            ["folded"],
            postgresql_using="gin",
            postgresql_ops={"folded": "gin_trgm_ops"},
        )


def downgrade() -> None:
    for table in (
        "event_quantities",
        "event_participants",
        "events",
        "times",
        "quantities",
        "mentions",
        "entities",
        "sentence_search",
        "sentences",
        "documents",
    ):
        op.drop_table(table)
