"""The store's revision and document count in one row every write updates; a two-character search index and a timeline index for re-merges.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08

The web app asked the store, on every request, how many documents it holds, the newest id and
how many are stale, to know whether what it keeps between requests still holds: a count of
every document, 0.1 s at 100,000 of them and growing. Each ingest or refresh batch now adds
one to ``revision`` (and its new documents to ``documents``) in the transaction that writes
them, so one row read says whether anything changed. A store made before gets the row here,
counted once.

On SQLite it also indexes each sentence's pairs of letters (``store.search.sentence_pairs``):
two-character queries, most Chinese words, were a scan of every sentence, which the trigram
index cannot serve. A store made before gets its pairs from its folded sentences here.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
    )
    op.execute("INSERT INTO store_state (id, revision, documents) SELECT 1, 0, count(*) FROM documents")
    # A re-merge deletes the timeline entries of the meetings and commitments it replaces, by
    # their key: without an index, a scan of every entry, once per part of the ledger re-merged
    # (8 of the 12 s of SQL of a batch of 1,000 documents at 10,000).
    op.create_index("ix_timeline_row", "timeline", ["row"])
    if op.get_bind().dialect.name == "sqlite":
        _index_pairs()


def _index_pairs() -> None:
    """The pairs' FTS5 table, filled from the stored folded sentences a page at a time."""
    from summitry.store.search import pair_rows, sentence_pairs

    connection = op.get_bind()
    op.execute(
        "CREATE VIRTUAL TABLE sentence_search_pairs USING fts5("
        "doc_id UNINDEXED, ordinal UNINDEXED, folded UNINDEXED, pairs, tokenize = 'unicode61 remove_diacritics 0')"
    )
    after = 0
    while True:
        rows = connection.execute(
            sa.text("SELECT rowid, doc_id, ordinal, folded FROM sentence_search WHERE rowid > :after ORDER BY rowid LIMIT 5000"),
            {"after": after},
        ).all()
        if not rows:
            return
        connection.execute(sentence_pairs.insert(), pair_rows([{"doc_id": r.doc_id, "ordinal": r.ordinal, "folded": r.folded} for r in rows]))
        after = rows[-1].rowid


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE sentence_search_pairs")
    op.drop_index("ix_timeline_row", "timeline")
    op.drop_table("store_state")
