"""Records for the views, read back from the store.

The store keeps every document's whole extract record as JSON beside its text
(``documents.record_json``); the views are pure functions of records, so reading them back
is all they need from the database.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable

from sqlalchemy import Text, select, type_coerce
from sqlalchemy.engine import Engine

from summitry.model import Record
from summitry.record import UnreadableRecord, record_from_json
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
    # Read as text, not through the JSON column's own decoder, so damaged JSON is reported by
    # document (``_decoded``) instead of failing the whole query.
    record = type_coerce(documents.c.record_json, Text)
    query = select(documents.c.id, documents.c.text, record).order_by(documents.c.date, documents.c.id)
    if published_since is not None:
        query = query.where(documents.c.date >= published_since)
    if published_until is not None:
        query = query.where(documents.c.date <= published_until)
    if doc_ids is not None:
        query = query.where(documents.c.id.in_(list(doc_ids)))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [_record(doc_id, text, stored) for doc_id, text, stored in rows]


def _record(doc_id: str, text: str, stored: Any) -> Record:  # JSON text, or what the driver made of it
    """The stored record: SQLite hands back JSON text, PostgreSQL an object. A record damaged on
    disk or by hand is an ``UnreadableRecord`` named by the row's id (the damage may have taken
    the id inside the JSON with it), never a JSON traceback."""
    try:
        data = json.loads(stored) if isinstance(stored, (str, bytes)) else stored
    except ValueError as error:
        raise UnreadableRecord(doc_id, f"record_json is not JSON ({error})") from None
    if not isinstance(data, dict):
        raise UnreadableRecord(doc_id, f"record_json is a JSON {type(data).__name__}, not an object")
    try:
        return record_from_json(data, text)
    except UnreadableRecord as error:
        raise UnreadableRecord(doc_id, error.reason) from None
