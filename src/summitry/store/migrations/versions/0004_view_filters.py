"""What the web app's filters and the ingest's narrower re-merge read, as columns.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07

Each document's outlet, each meeting report's date, which of a view row's actors are named
in it (not only through their country), and the documents a commitment comes from. A store
made before this revision gets them from the rows' own JSON here, without the view code.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from summitry.store.outlets import outlet_of

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_PAGE = 500


def upgrade() -> None:
    op.add_column("documents", sa.Column("outlet", sa.Text))
    op.create_index("ix_documents_outlet", "documents", ["outlet"])
    op.add_column("meeting_reports", sa.Column("date", sa.String(32)))
    op.drop_index("ix_meeting_reports_sides", "meeting_reports")
    op.create_index("ix_meeting_reports_sides", "meeting_reports", ["sides", "date"])
    for table in ("meeting_actors", "commitment_actors"):
        op.add_column(table, sa.Column("named", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "commitment_documents",
        sa.Column("commitment", sa.Text, sa.ForeignKey("commitments.key", ondelete="CASCADE"), primary_key=True),
        sa.Column("doc_id", sa.String(64), primary_key=True),
    )
    op.create_index("ix_commitment_documents_doc", "commitment_documents", ["doc_id"])
    _fill(op.get_bind())


def _json(data: Any) -> Any:
    return json.loads(data) if isinstance(data, (str, bytes)) else data


def _pages(bind: sa.engine.Connection, query: str) -> Any:
    """Rows of a query a page at a time, so a large store is never read whole."""
    offset = 0
    while True:
        rows = bind.execute(sa.text(f"{query} LIMIT {_PAGE} OFFSET {offset}")).all()
        if not rows:
            return
        yield from rows
        offset += len(rows)


def _fill(bind: sa.engine.Connection) -> None:
    for doc_id, url in list(_pages(bind, "SELECT id, url FROM documents WHERE url IS NOT NULL ORDER BY id")):
        bind.execute(sa.text("UPDATE documents SET outlet = :outlet WHERE id = :id"), {"outlet": outlet_of(url), "id": doc_id})
    for doc_id, ordinal, report in list(_pages(bind, "SELECT doc_id, ordinal, report FROM meeting_reports ORDER BY doc_id, ordinal")):
        bind.execute(sa.text("UPDATE meeting_reports SET date = :date WHERE doc_id = :doc AND ordinal = :ordinal"),
                     {"date": _json(report)["event"]["date"], "doc": doc_id, "ordinal": ordinal})
    named = sa.text("UPDATE meeting_actors SET named = :yes WHERE meeting = :key AND actor = :actor").bindparams(yes=True)
    for key, meeting in list(_pages(bind, "SELECT key, meeting FROM meetings ORDER BY key")):
        for actor in _json(meeting)["participants"]:
            bind.execute(named, {"key": key, "actor": actor})
    named = sa.text("UPDATE commitment_actors SET named = :yes WHERE commitment = :key AND role = :role AND actor = :actor").bindparams(yes=True)
    for key, commitment in list(_pages(bind, "SELECT key, commitment FROM commitments ORDER BY key")):
        data = _json(commitment)
        for role in ("pledger", "beneficiary"):
            if data[role] is not None:
                bind.execute(named, {"key": key, "role": role, "actor": data[role]})
        for doc_id in sorted({source[0] for source in data["sources"]}):
            bind.execute(sa.text("INSERT INTO commitment_documents (commitment, doc_id) VALUES (:key, :doc)"), {"key": key, "doc": doc_id})


def downgrade() -> None:
    op.drop_table("commitment_documents")
    for table in ("commitment_actors", "meeting_actors"):
        op.drop_column(table, "named")
    op.drop_index("ix_meeting_reports_sides", "meeting_reports")
    op.create_index("ix_meeting_reports_sides", "meeting_reports", ["sides"])
    op.drop_column("meeting_reports", "date")
    op.drop_index("ix_documents_outlet", "documents")
    op.drop_column("documents", "outlet")
