"""Putting extract records into the store: idempotent by document id, atomic per batch.

``refresh_records`` re-extracts, in place and with the same batching, the stored documents
whose records an older extractor made (``pipeline.extractor_version``).

Documents go through three steps, and only the last touches the database for writing: a
window of them is looked up to find which are stored already, the ones that are not are
extracted (in worker processes with ``jobs`` > 1) and turned into rows while no transaction
is open, so an interruption there loses nothing, and the records are then written
``batch_size`` to a transaction, in input order. A kill at any moment leaves whole batches
or nothing, and a rerun of the same command stores exactly what was missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Table, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, IntegrityError

from summitry.defaults import BATCH_SIZE, DEFAULT_TIME_LIMIT
from summitry.ingest import Rejection
from summitry.model import Document, Quantity, Record
from summitry.parallel import extract_stream
from summitry.pipeline import extractor_version
from summitry.record import record_to_json
from summitry.store.outlets import outlet_of
from summitry.store.materialise import DOCUMENT_VIEW_TABLES, document_view_rows, stored_groups, touched_by, update_views
from summitry.store.search import pair_rows, sentence_pairs
from summitry.store.state import advance
from summitry.store.schema import (
    documents,
    entities,
    event_participants,
    event_quantities,
    events,
    mentions,
    quantities,
    sentence_search,
    sentences,
    times,
)
from summitry.text import fold, split_sentences

T = TypeVar("T")

# Tables whose rows belong to one document, parents before children (foreign keys); the
# document's share of the views last (store/materialise.py).
_DOCUMENT_ROWS = (sentences, sentence_search, mentions, quantities, times, events, event_participants, event_quantities, *DOCUMENT_VIEW_TABLES)


@dataclass(frozen=True)
class IngestSummary:
    """What an ingest did: documents stored now, documents found stored already, inputs refused."""

    new: int = 0
    present: int = 0
    rejected: tuple[Rejection, ...] = ()
    refreshed: int = 0  # stored documents re-extracted in place (refresh_records)


@dataclass(frozen=True)
class _PreparedDocument:
    """One record as rows, built before the batch's transaction opens."""

    id: str
    source: str
    document_row: dict[str, Any]
    entity_rows: tuple[dict[str, Any], ...]
    rows: dict[str, list[dict[str, Any]]]


def ingest_records(
    engine: Engine,
    records: Iterable[Record | Document | Rejection],
    *,
    jobs: int | None = 1,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[IngestSummary], None] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> IngestSummary:
    """Store every record not stored yet, ``batch_size`` documents per transaction.

    ``records`` may hold Documents, which are extracted (by ``parallel.extract_stream``, in
    ``jobs`` worker processes; None means every core) only when their id is not in the
    store, so a rerun after an interruption redoes no finished work. Rejections, and
    documents the extractor or the database refuses, are reported in the summary; the rest
    of the batch is stored. ``on_progress`` gets the running summary after every batch and
    every rejection. A document taking more than ``time_limit`` CPU seconds is rejected.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    summary = IngestSummary()

    report = _Tally(on_progress)
    unstored = _unstored(engine, records, batch_size, report)
    # A batch's worth more in flight keeps the workers busy while this process writes one;
    # closing: an interruption while a batch is written still shuts the worker pool down.
    with closing(extract_stream(unstored, jobs, then=_prepare_or_reject, ahead=batch_size, time_limit=time_limit)) as prepared:
        for batch in _batches(prepared, batch_size, report):
            written, refused = _write(engine, batch)
            # One stored since it was looked up (a repeat in an earlier window, a concurrent
            # ingest) is present, not new.
            report(written, len(batch) - written - len(refused), refused)
    return report.summary


def refresh_records(
    engine: Engine,
    *,
    jobs: int | None = 1,
    batch_size: int = BATCH_SIZE,
    on_progress: Callable[[IngestSummary], None] | None = None,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
) -> IngestSummary:
    """Re-extract every stored document whose record another extractor made, in place.

    Each batch replaces its documents' records and rows in one transaction, so a kill leaves
    whole batches refreshed and the rest as they were, and a rerun refreshes what is left. A
    document the extractor rejects now keeps its old record and is reported.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    report = _Tally(on_progress)
    stale = _stale_documents(engine, batch_size)
    with closing(extract_stream(stale, jobs, then=_prepare_or_reject, ahead=batch_size, time_limit=time_limit)) as prepared:
        for batch in _batches(prepared, batch_size, report):
            report(refreshed=_replace(engine, batch))
    return report.summary


def count_stale(engine: Engine) -> int:
    """How many stored documents another (or an unknown) extractor made."""
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(documents).where(is_stale())) or 0)


def is_stale() -> ColumnElement[bool]:
    """The condition on ``documents`` of a record another (or an unknown) extractor made."""
    return or_(documents.c.extractor.is_(None), documents.c.extractor != extractor_version())


class _Tally:
    """The running summary of an ingest or a refresh, handed to ``on_progress`` at each step."""

    def __init__(self, on_progress: Callable[[IngestSummary], None] | None) -> None:
        self.summary = IngestSummary()
        self.on_progress = on_progress

    def __call__(self, new: int = 0, present: int = 0, rejected: Iterable[Rejection] = (), refreshed: int = 0) -> None:
        before = self.summary
        self.summary = IngestSummary(before.new + new, before.present + present, before.rejected + tuple(rejected), before.refreshed + refreshed)
        if self.on_progress is not None:
            self.on_progress(self.summary)


def _stale_documents(engine: Engine, page: int) -> Iterator[Document]:
    """The stale stored documents as they were read, a page at a time in id order (keyset
    paging: one refreshed meanwhile is simply no longer stale, and is not read twice)."""
    after = ""
    columns = (documents.c.id, documents.c.source, documents.c.text, documents.c.date, documents.c.title, documents.c.url)
    while True:
        with engine.connect() as connection:
            rows = connection.execute(select(*columns).where(is_stale(), documents.c.id > after).order_by(documents.c.id).limit(page)).all()
        if not rows:
            return
        for row in rows:
            yield Document(id=row.id, source=row.source, text=row.text, date=row.date, title=row.title, url=row.url)
        after = rows[-1].id


def _replace(engine: Engine, prepared: list[_PreparedDocument]) -> int:
    """Swap each document's record and rows for the new ones, one transaction for the batch;
    the number replaced (one deleted meanwhile is skipped)."""
    if not prepared:
        return 0
    with engine.begin() as connection:
        replaced = []
        for document in prepared:
            row = document.document_row
            changed = connection.execute(
                update(documents).where(documents.c.id == document.id).values(record_json=row["record_json"], script=row["script"], extractor=row["extractor"])
            ).rowcount
            if changed:
                replaced.append(document)
        ids = [d.id for d in replaced]
        touched = stored_groups(connection, ids)
        for table in reversed(_DOCUMENT_ROWS):
            connection.execute(delete(table).where(table.c.doc_id.in_(ids)))
        if connection.dialect.name == "sqlite":
            connection.execute(delete(sentence_pairs).where(sentence_pairs.c.doc_id.in_(ids)))
        _insert_rows(connection, replaced)
        touched.add(touched_by(d.rows for d in replaced))
        update_views(connection, touched)
        if replaced:
            advance(connection)
    return len(replaced)


def _unstored(
    engine: Engine,
    items: Iterable[Record | Document | Rejection],
    window_size: int,
    report: Callable[..., None],
) -> Iterator[Record | Document]:
    """The items whose documents are not in the store, in input order, looked up a window at
    a time before any of them is extracted; stored ones and repeats within a window count as
    present, Rejections are reported."""
    for window in cast("Iterator[list[Record | Document]]", _batches(items, window_size, report)):
        stored = _stored_ids(engine, list({_document_of(item).id for item in window}))
        sent: set[str] = set()
        for item in window:
            doc_id = _document_of(item).id
            if doc_id not in stored and doc_id not in sent:
                sent.add(doc_id)
                yield item
        report(present=len(window) - len(sent))


def _batches(items: Iterable[T | Rejection], batch_size: int, report: Callable[..., None]) -> Iterator[list[T]]:
    """Lists of ``batch_size`` items (the last one shorter); Rejections are reported on the way."""
    batch: list[T] = []
    for item in items:
        if isinstance(item, Rejection):
            report(rejected=[item])
            continue
        batch.append(item)
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _document_of(item: Record | Document) -> Document:
    return item.document if isinstance(item, Record) else item


def _prepare_or_reject(record: Record) -> _PreparedDocument | Rejection:
    """The record's rows, made where the record is (a worker, with jobs > 1); a record that
    cannot become rows must not cost the batch its other documents. Every record reaching here
    is this extractor's: extracted now, or from a shard it wrote (shards.read_shard)."""
    try:
        return _prepare(record, extractor_version())
    except Exception as error:  # noqa: BLE001
        return Rejection(record.document.source, f"cannot be stored ({type(error).__name__}: {error})")


def _stored_ids(engine: Engine, ids: list[str]) -> set[str]:
    with engine.connect() as connection:
        return set(connection.scalars(select(documents.c.id).where(documents.c.id.in_(ids))))


def _write(engine: Engine, prepared: list[_PreparedDocument]) -> tuple[int, list[Rejection]]:
    """Write the batch in one transaction; if the database refuses it, find the culprit.

    A refusal (a constraint or a value the backend cannot hold) rolls the batch back; the
    documents are then written one transaction each, so only the refused one is lost.
    """
    if not prepared:
        return 0, []
    try:
        with engine.begin() as connection:
            return _insert(connection, prepared), []
    except (IntegrityError, DataError) as error:
        if len(prepared) == 1:
            return 0, [_refusal(prepared[0], error)]
    written = 0
    refused: list[Rejection] = []
    for document in prepared:
        try:
            with engine.begin() as connection:
                written += _insert(connection, [document])
        except (IntegrityError, DataError) as error:
            refused.append(_refusal(document, error))
    return written, refused


def _refusal(document: _PreparedDocument, error: IntegrityError | DataError) -> Rejection:
    message = str(error.orig if error.orig is not None else error).strip()
    reason = message.splitlines()[0] if message else type(error).__name__
    return Rejection(document.source, f"the database refused it: {reason}")


def _insert(connection: Connection, prepared: list[_PreparedDocument]) -> int:
    """Insert documents not stored yet and their rows; the number of documents inserted.

    The document rows go first and report which ids were really new, so two ingests
    racing on the same text cannot both write its rows.
    """
    new_ids = set(_insert_new(connection, documents, [d.document_row for d in prepared], "id"))
    fresh = [d for d in prepared if d.id in new_ids]
    _insert_rows(connection, fresh)
    update_views(connection, touched_by(d.rows for d in fresh))
    if fresh:
        advance(connection, len(fresh))
    return len(fresh)


def _insert_rows(connection: Connection, prepared: list[_PreparedDocument]) -> None:
    """The documents' entities (those not stored yet) and every row below them."""
    entity_rows = {row["id"]: row for d in prepared for row in d.entity_rows}
    _insert_new(connection, entities, list(entity_rows.values()), "id")
    for table in _DOCUMENT_ROWS:
        rows = [row for d in prepared for row in d.rows.get(table.name, ())]
        if rows:
            connection.execute(table.insert(), rows)
            if table is sentence_search and connection.dialect.name == "sqlite":
                connection.execute(sentence_pairs.insert(), pair_rows(rows))


def _insert_new(connection: Connection, table: Table, rows: list[dict[str, Any]], key: str) -> list[str]:
    """Insert the rows whose ``key`` is not in ``table`` yet; the keys inserted."""
    if not rows:
        return []
    dialect = connection.dialect.name
    if dialect in ("sqlite", "postgresql"):
        insert = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(table)
        statement = insert.on_conflict_do_nothing(index_elements=[key]).returning(table.c[key])
        return list(connection.scalars(statement, rows))
    present = set(connection.scalars(select(table.c[key]).where(table.c[key].in_([r[key] for r in rows]))))
    missing = [row for row in rows if row[key] not in present]
    if missing:
        connection.execute(table.insert(), missing)
    return [row[key] for row in missing]


def _prepare(record: Record, extractor: str | None) -> _PreparedDocument:
    """The record as one row per table; ordinals are positions in the record, hence stable."""
    document = record.document
    doc_id = document.id
    text = document.text
    folded = fold(text)
    split = split_sentences(text)
    rows: dict[str, list[dict[str, Any]]] = {
        "sentences": [
            {"doc_id": doc_id, "ordinal": i, "start": s.start, "end": s.end} for i, s in enumerate(split)
        ],
        "sentence_search": [
            {"doc_id": doc_id, "ordinal": i, "folded": folded[s.start : s.end]} for i, s in enumerate(split)
        ],
        "mentions": [
            {"doc_id": doc_id, "ordinal": i, "entity_id": m.entity_id, "start": m.start, "end": m.end, "how": m.how}
            for i, m in enumerate(record.mentions)
        ],
        "quantities": [{"doc_id": doc_id, "ordinal": i, **_quantity(q)} for i, q in enumerate(record.quantities)],
        "times": [
            {"doc_id": doc_id, "ordinal": i, "start": t.start, "end": t.end, "text": t.text, "value": t.value, "relation": t.relation}
            for i, t in enumerate(record.times)
        ],
        "events": [],
        "event_participants": [],
        "event_quantities": [],
        **document_view_rows(record),
    }
    for i, event in enumerate(record.events):
        rows["events"].append(
            {
                "doc_id": doc_id,
                "ordinal": i,
                "type": event.type,
                "mode": event.mode,
                "cameo": event.cameo,
                "date": event.date,
                "place": event.place,
                "status": event.status,
                "claimed_by": event.claimed_by,
                "evidence_start": event.evidence.start,
                "evidence_end": event.evidence.end,
                "summary": event.summary,
            }
        )
        for role, actors in (("source", event.source), ("target", event.target)):
            rows["event_participants"].extend(
                {"doc_id": doc_id, "event_ordinal": i, "role": role, "position": p, "entity_id": actor}
                for p, actor in enumerate(actors)
            )
        rows["event_quantities"].extend(
            {"doc_id": doc_id, "event_ordinal": i, "ordinal": q, **_quantity(quantity)}
            for q, quantity in enumerate(event.quantities)
        )
    return _PreparedDocument(
        id=doc_id,
        source=document.source,
        document_row={
            "id": doc_id,
            "source": document.source,
            "date": document.date,
            "title": document.title,
            "url": document.url,
            "outlet": outlet_of(document.url),
            "script": record.script,
            "length": len(text),
            "text": text,
            "record_json": record_to_json(record),
            "extractor": extractor,
        },
        entity_rows=tuple(
            {"id": e.id, "name": e.name, "type": e.type, "country": e.country} for e in record.entities
        ),
        rows=rows,
    )


def _quantity(quantity: Quantity) -> dict[str, Any]:
    return {
        "start": quantity.start,
        "end": quantity.end,
        "text": quantity.text,
        "value": float(quantity.value),
        "unit": quantity.unit,
        "approx": quantity.approx,
        "per": quantity.per,
        "qualifier": quantity.qualifier,
    }
