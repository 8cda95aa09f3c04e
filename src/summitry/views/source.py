"""Records for the views, read back from the store.

The store keeps every document's whole extract record as JSON beside its text
(``documents.record_json``); the views are pure functions of records, so reading them back
is all they need from the database.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.engine import Engine

from summitry.model import Record
from summitry.record import record_from_json
from summitry.store.schema import documents


def stored_records(
    engine: Engine,
    published_since: dt.date | None = None,
    published_until: dt.date | None = None,
    doc_ids: Iterable[str] | None = None,
) -> list[Record]:
    """Every stored record (or those published in a range, or with the given ids), in order of
    publication date and id. Raises ``summitry.record.UnreadableRecord`` for a record of
    another shape."""
    query = select(documents.c.id, documents.c.text, documents.c.record_json).order_by(documents.c.date, documents.c.id)
    if published_since is not None:
        query = query.where(documents.c.date >= published_since)
    if published_until is not None:
        query = query.where(documents.c.date <= published_until)
    if doc_ids is not None:
        query = query.where(documents.c.id.in_(list(doc_ids)))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    records = []
    for _doc_id, text, stored in rows:
        data = json.loads(stored) if isinstance(stored, str) else stored
        records.append(record_from_json(data, text))
    return records
