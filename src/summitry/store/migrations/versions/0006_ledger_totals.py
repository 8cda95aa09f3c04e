"""What the ledger's totals group and add, as columns of the commitments table.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

The ledger page and ``/api/ledger/totals`` sum the commitments a filter keeps by pledger (or
beneficiary), unit and period. Read out of each row's JSON, that parsed every commitment's
whole record four times a request (seconds at 10,000 documents); as indexed columns the store
groups and adds them from its indexes. A store made before this revision gets them from the
rows' own JSON here, without the view code.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_PAGE = 500


def _columns() -> tuple[sa.Column[Any], ...]:
    """Fresh columns each call: a Column belongs to the one table it is added to."""
    return (
        sa.Column("pledger", sa.String(128)),
        sa.Column("beneficiary", sa.String(128)),
        sa.Column("beneficiary_name", sa.Text),
        sa.Column("per", sa.String(32)),
        sa.Column("approx", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("ranged", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def upgrade() -> None:
    for column in _columns():
        op.add_column("commitments", column)
    _fill(op.get_bind())
    op.create_index("ix_commitments_pledger_total", "commitments", ["pledger", "unit", "per"])
    op.create_index("ix_commitments_beneficiary_total", "commitments", ["beneficiary", "unit", "per"])


def downgrade() -> None:
    op.drop_index("ix_commitments_beneficiary_total", "commitments")
    op.drop_index("ix_commitments_pledger_total", "commitments")
    for column in reversed(_columns()):
        op.drop_column("commitments", column.name)


def _json(data: Any) -> Any:
    return json.loads(data) if isinstance(data, (str, bytes)) else data


def _fill(bind: sa.engine.Connection) -> None:
    after = ""
    update = sa.text(
        "UPDATE commitments SET pledger = :pledger, beneficiary = :beneficiary, beneficiary_name = :beneficiary_name, "
        "per = :per, approx = :approx, ranged = :ranged WHERE key = :key"
    )
    while True:
        rows = bind.execute(sa.text("SELECT key, commitment FROM commitments WHERE key > :after ORDER BY key LIMIT :page"),
                            {"after": after, "page": _PAGE}).all()
        if not rows:
            return
        for key, commitment in rows:
            bind.execute(update, {"key": key, **_totals_columns(_json(commitment))})
        after = rows[-1][0]


def _totals_columns(data: dict[str, Any]) -> dict[str, Any]:
    """The columns of one commitment in its JSON shape (SCHEMA.md §2), as the view code fills them."""
    amount = data.get("amount") or {}
    return {
        "pledger": data["pledger"], "beneficiary": data.get("beneficiary"), "beneficiary_name": data.get("beneficiary_name"),
        "per": amount.get("per"), "approx": bool(amount.get("approx")),
        "ranged": amount.get("low") is not None and amount.get("high") is not None,
    }
