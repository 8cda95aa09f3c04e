"""The views kept as tables: meetings, ledger rows and actor claims, written with the documents.

Merging meetings or ledger rows across documents is what made every page rebuild the views
from every record. Here each document's share is worked out once, when it is stored
(``document_view_rows``: its meeting reports, its ledger rows before merging, its claims),
and the batch that stores it re-merges, in the same transaction, only the groups it touches:
meetings by side sets linked by subset to the batch's (``views.meetings.related_sides``),
ledger rows by kind and pledger side (``views.ledger.merge_key``). A crash leaves documents
and views in step, and a batch costs its groups, never the whole store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, and_, delete, false, func, insert, or_, select, text, tuple_, type_coerce
from sqlalchemy.engine import Connection

from summitry.model import Entity, Record
from summitry.record import UnreadableRecord, record_from_json
from summitry.store.state import advance
from summitry.store.schema import (
    claims,
    commitment_actors,
    commitment_documents,
    commitments,
    documents,
    entities,
    ledger_statements,
    meeting_actors,
    meeting_documents,
    meeting_reports,
    meetings,
    timeline,
)
from summitry.views.evidence import source_data, source_of
from summitry.views.ledger import (
    Commitment,
    commitment_data,
    ledger_statements as statements_of,
    merge_key,
    merged_groups,
    row_from_json,
    row_json,
)
from summitry.views.meetings import (
    Meeting,
    meeting_data,
    meeting_reports as reports_of,
    merge_meetings,
    related_reports,
    report_data,
    report_from_data,
    sides_of,
)
from summitry.views.parties import Actors
from summitry.views.timeline import commitment_summary, meeting_summary

# Tables a document's own view rows go to, written and deleted with its other rows.
DOCUMENT_VIEW_TABLES = (meeting_reports, ledger_statements, claims, timeline)  # timeline: a claim's rows

# PostgreSQL runs hold this advisory lock while they re-merge views, so two concurrent batches
# cannot each merge without the other's reports ("summ" + 1).
_VIEWS_LOCK = 0x73756D6E

# Joins a side set's members, and a meeting's names in the order key ("a" < "a b" as tuples do).
_SIDE_MARK = "|"
_NAME_MARK = "\x01"
ALL_UNITS = "*"


@dataclass
class Touched:
    """The groups of the views a batch changes: meeting reports' (side set, date) and ledger keys."""

    sides: set[tuple[str, str | None]] = field(default_factory=set)
    # (kind, pledger side, unit, amount): "" and None for a row without an amount, ALL_UNITS
    # for a denial without one (it may dispute a commitment of any unit).
    ledger_keys: set[tuple[str, str, str, float | None]] = field(default_factory=set)

    def add(self, other: Touched) -> None:
        self.sides |= other.sides
        self.ledger_keys |= other.ledger_keys


def sides_text(sides: Iterable[str]) -> str:
    return _SIDE_MARK.join(sorted(sides))


def actor_keys(actors: Actors, entity_id: str | None) -> set[str]:
    """The keys an actor filter finds an actor by: itself and the country it belongs to (a filter
    on a country takes its people and companies, ``Actors.matches``)."""
    if entity_id is None:
        return set()
    keys = {entity_id}
    country = actors.country_of(entity_id)
    if country is not None and actors.type_of(country) == "country":
        keys.add(country)
    return keys


def document_view_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """One record's rows of the view tables: pure, so it runs where the record is extracted."""
    actors = Actors.knowing(record.entities)
    doc_id = record.document.id
    published = record.document.date.isoformat() if record.document.date else ""
    statements = statements_of(record, actors)
    stated = [(row, False) for row in statements.rows] + [(row, True) for row in statements.denials]
    return {
        meeting_reports.name: [
            {"doc_id": doc_id, "ordinal": i, "sides": sides_text(sides_of(report, actors)), "date": report.event.date,
             "report": report_data(report)}
            for i, report in enumerate(reports_of(record, actors))
        ],
        ledger_statements.name: [
            {
                "doc_id": doc_id, "ordinal": i, "kind": merge_key(row, actors)[0], "side": merge_key(row, actors)[1],
                "unit": row.amount.unit if row.amount else "", "amount": row.amount.value if row.amount else None,
                "denial": denial, "statement": row_json(row),
            }
            for i, (row, denial) in enumerate(stated)
        ],
        claims.name: [
            {
                "doc_id": doc_id,
                "event_ordinal": i,
                "actor": key,
                "date": event.date,
                "claim": {
                    "date": event.date,
                    "summary": event.summary,
                    "status": event.status,
                    "source": source_data(source_of(record, event.evidence, event.claimed_by)),
                },
            }
            for i, event in enumerate(record.events)
            if event.claimed_by
            for key in sorted(actor_keys(actors, event.claimed_by))
        ],
        timeline.name: [
            _timeline_row(key, "claim", f"{doc_id}#{i:06d}", event.date, event.summary, event.status, 1, None,
                          (published, doc_id, float(i), "", ""), doc_id)
            for i, event in enumerate(record.events)
            if event.claimed_by
            for key in sorted(actor_keys(actors, event.claimed_by))
        ],
    }


def _timeline_row(actor: str, kind: str, row: str, date: str | None, summary: str | None, status: str, sources: int,
                  ref: str | None, order: tuple[str, str, float, str, str], doc_id: str | None = None) -> dict[str, Any]:
    """An entry of ``actor``'s timeline; ``order`` ranks it among entries of one date, kind and
    line as its own view does (meetings by names and key, commitments as the ledger, claims in
    record order)."""
    t1, t2, t3, t4, t5 = order
    return {"actor": actor, "kind": kind, "row": row, "doc_id": doc_id, "undated": date is None, "date": date, "summary": summary,
            "t1": t1, "t2": t2, "t3": t3, "t4": t4, "t5": t5, "status": status, "sources": sources, "ref": ref}


def touched_by(rows: Iterable[dict[str, list[dict[str, Any]]]]) -> Touched:
    """The groups some documents' view rows belong to."""
    touched = Touched()
    for document in rows:
        touched.sides |= {(row["sides"], row["date"]) for row in document.get(meeting_reports.name, ())}
        touched.ledger_keys |= {_ledger_key(row) for row in document.get(ledger_statements.name, ())}
    return touched


def _ledger_key(row: Any) -> tuple[str, str, str, float | None]:
    unit = ALL_UNITS if row["denial"] and row["amount"] is None else row["unit"]
    return row["kind"], row["side"], unit, row["amount"]


def stored_groups(connection: Connection, doc_ids: list[str]) -> Touched:
    """The groups stored documents' view rows belong to now (before they are replaced)."""
    if not doc_ids:
        return Touched()
    sides = connection.execute(select(meeting_reports.c.sides, meeting_reports.c.date).where(meeting_reports.c.doc_id.in_(doc_ids)).distinct())
    columns = (ledger_statements.c.kind, ledger_statements.c.side, ledger_statements.c.unit, ledger_statements.c.amount, ledger_statements.c.denial)
    keys = connection.execute(select(*columns).where(ledger_statements.c.doc_id.in_(doc_ids)))
    return Touched({(s, d) for s, d in sides}, {_ledger_key(row._mapping) for row in keys})


def stored_actors(connection: Connection) -> Actors:
    """The actors the stored views speak of: the knowledge base's and every stored entity."""
    rows = connection.execute(select(entities.c.id, entities.c.name, entities.c.type, entities.c.country))
    return Actors.knowing(Entity(id=r.id, name=r.name, type=r.type, country=r.country) for r in rows)


def update_views(connection: Connection, touched: Touched) -> None:
    """Re-merge the meetings and ledger rows of the groups ``touched``, inside the caller's
    transaction (the one that wrote or removed the documents' view rows)."""
    if not touched.sides and not touched.ledger_keys:
        return
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _VIEWS_LOCK})
    actors = stored_actors(connection)
    if touched.sides:
        _update_meetings(connection, touched.sides, actors)
    if touched.ledger_keys:
        _update_ledger(connection, touched.ledger_keys, actors)


def _in_record_order(query: Any, table: Any) -> Any:
    """The order the views read records in (``views.source.stored_records``): by publication
    date and id, then the row's place in its document."""
    return query.join(documents, documents.c.id == table.c.doc_id).order_by(documents.c.date.nulls_first(), documents.c.id, table.c.ordinal)


def _update_meetings(connection: Connection, touched: set[tuple[str, str | None]], actors: Actors) -> None:
    def as_key(sides: str, date: str | None) -> tuple[frozenset[str], str | None]:
        return frozenset(sides.split(_SIDE_MARK)), date

    stored = connection.execute(select(meeting_reports.c.sides, meeting_reports.c.date).distinct()).all()
    group = sorted(((sides_text(s), d) for s, d in related_reports({as_key(*k) for k in touched}, {as_key(*k) for k in stored})),
                   key=lambda k: (k[0], k[1] or ""))
    for part in _chunks(group, 400):
        keys = select(meetings.c.key).where(_of_part(meetings, part))
        connection.execute(delete(meeting_actors).where(meeting_actors.c.meeting.in_(keys)))
        connection.execute(delete(timeline).where(timeline.c.kind == "meeting", timeline.c.row.in_(keys)))
        connection.execute(delete(meeting_documents).where(meeting_documents.c.meeting.in_(keys)))
        connection.execute(delete(meetings).where(_of_part(meetings, part)))
    reports: list[Any] = []
    for part in _chunks(group, 400):
        query = select(documents.c.date, documents.c.id, meeting_reports.c.ordinal, type_coerce(meeting_reports.c.report, Text))
        query = query.join(documents, documents.c.id == meeting_reports.c.doc_id).where(_of_part(meeting_reports, part))
        reports.extend(connection.execute(query).all())
    # The order the views read records in (``views.source.stored_records``): by publication date
    # and id, then the report's place in its document.
    reports.sort(key=lambda r: (r[0] is not None, r[0] or dt.date.min, r[1], r[2]))
    merged = merge_meetings([report_from_data(_json(data)) for *_, data in reports], actors)
    _insert_keyed(connection, merged, lambda m: f"{sides_text({actors.side(p) for p in m.participants})}@{m.date or ''}", _insert_meeting, actors)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _of_part(table: Any, part: list[tuple[str, str | None]]) -> Any:
    """Rows of a table (meetings or reports) whose side set and date are among ``part``."""
    dated = [(sides, date) for sides, date in part if date is not None]
    undated = [sides for sides, date in part if date is None]
    return or_(
        tuple_(table.c.sides, table.c.date).in_(dated) if dated else false(),
        and_(table.c.sides.in_(undated), table.c.date.is_(None)) if undated else false(),
    )


def _insert_keyed(connection: Connection, rows: Any, group_of: Any, insert_one: Any, actors: Actors) -> None:
    """Insert merged rows under keys made of their group and their place in it: a pure
    function of the stored documents, as every other key of the store is."""
    seen: dict[str, int] = {}
    for row in rows:
        group = group_of(row)
        seen[group] = seen.get(group, -1) + 1
        insert_one(connection, row, group, f"{group}#{seen[group]:06d}", actors)


def _insert_meeting(connection: Connection, meeting: Meeting, part: str, key: str, actors: Actors) -> None:
    """One merged meeting under ``key``; ``part`` (its side set and date) is in the key already."""
    sides = sides_text({actors.side(p) for p in meeting.participants})
    connection.execute(
        insert(meetings),
        {
            "key": key,
            "id": meeting.id,
            "sides": sides,
            "date": meeting.date,
            "undated": meeting.date is None,
            "names": _NAME_MARK.join(meeting.names),
            "mode": meeting.mode,
            "status": meeting.status,
            "meeting": meeting_data(meeting),
        },
    )
    found_by = set().union(*(actor_keys(actors, p) for p in meeting.participants))
    named = set(meeting.participants)
    lines = {actor: meeting_summary(actors, frozenset({actor}), meeting) for actor in sorted(found_by)}
    connection.execute(insert(meeting_actors), [
        {"meeting": key, "actor": actor, "named": actor in named, "summary": line} for actor, line in lines.items()
    ])
    order = (_NAME_MARK.join(meeting.names), "", 0.0, "", key)
    connection.execute(insert(timeline), [
        _timeline_row(actor, "meeting", key, meeting.date, line, meeting.status, len(meeting.sources), meeting.id, order)
        for actor, line in lines.items()
    ])
    docs = sorted({s.doc for s in meeting.sources})
    connection.execute(insert(meeting_documents), [{"meeting": key, "doc_id": doc} for doc in docs])


def _update_ledger(connection: Connection, touched: set[tuple[str, str, str, float | None]], actors: Actors) -> None:
    """Re-merge each touched part of the ledger: a kind and pledger side's rows without an
    amount, or its rows of one unit whose amounts a chain of 1% steps links to a touched one
    (no row outside such a span can state the same commitment: ``_Ledger.same``)."""
    by_key: dict[tuple[str, str], dict[str, list[float | None]]] = {}
    for kind, side, unit, amount in touched:
        by_key.setdefault((kind, side), {}).setdefault(unit, []).append(amount)
    for (kind, side), units in sorted(by_key.items()):
        if ALL_UNITS in units:
            _remerge(connection, actors, kind, side, None, None)
            continue
        for unit, amounts in sorted(units.items()):
            if unit == "":
                _remerge(connection, actors, kind, side, "", None)
                continue
            for span in _spans(connection, kind, side, unit, [a for a in amounts if a is not None]):
                _remerge(connection, actors, kind, side, unit, span)


def _widened(low: float, high: float) -> tuple[float, float]:
    """Every amount within 1% of one in [low, high] (a hair more, for rounding)."""
    low, high = min(low * 0.99, low / 0.99), max(high * 0.99, high / 0.99)
    return low - abs(low) * 1e-9, high + abs(high) * 1e-9


def _spans(connection: Connection, kind: str, side: str, unit: str, amounts: list[float]) -> list[tuple[float, float]]:
    """The spans of stored amounts linked to ``amounts`` by steps of 1% at most."""
    statements = ledger_statements.c
    spans: list[tuple[float, float]] = []
    for amount in sorted(amounts):
        if any(low <= amount <= high for low, high in spans):
            continue
        low = high = amount
        while True:
            reach = _widened(low, high)
            found = connection.execute(
                select(func.min(statements.amount), func.max(statements.amount)).where(
                    statements.kind == kind, statements.side == side, statements.unit == unit, statements.amount.between(*reach)
                )
            ).one()
            wider = (min(low, found[0]) if found[0] is not None else low, max(high, found[1]) if found[1] is not None else high)
            if wider == (low, high):
                break
            low, high = wider
        spans.append((low, high))
    return spans


def _remerge(connection: Connection, actors: Actors, kind: str, side: str, unit: str | None, span: tuple[float, float] | None) -> None:
    """Replace the commitments of one part of the ledger (``unit`` None: all of the kind and
    side) with those its stored rows make now."""
    def part(table: Any) -> Any:
        conditions = [table.c.kind == kind, table.c.side == side]
        if unit is not None:
            conditions.append(table.c.unit == unit)
        if span is not None:
            conditions.append(table.c.amount.between(*span))
        return and_(*conditions)

    stale = select(commitments.c.key).where(part(commitments))
    connection.execute(delete(commitment_actors).where(commitment_actors.c.commitment.in_(stale)))
    connection.execute(delete(timeline).where(timeline.c.kind.in_(_COMMITMENT_KINDS.values()), timeline.c.row.in_(stale)))
    connection.execute(delete(commitment_documents).where(commitment_documents.c.commitment.in_(stale)))
    connection.execute(delete(commitments).where(part(commitments)))
    statements = ledger_statements.c
    wanted = part(ledger_statements)
    if unit not in (None, ""):  # a denial without an amount may dispute any commitment of the kind and side
        wanted = or_(wanted, and_(statements.kind == kind, statements.side == side, statements.unit == "", statements.denial))
    columns = (statements.denial, statements.doc_id, statements.ordinal, documents.c.date, type_coerce(statements.statement, Text))
    rows: list[Any] = []
    denials: list[Any] = []
    founded: dict[Any, Any] = {}
    for denial, doc_id, ordinal, published, data in connection.execute(_in_record_order(select(*columns).where(wanted), ledger_statements)):
        row = row_from_json(_json(data))
        (denials if denial else rows).append(row)
        founded[id(row)] = f"{published.isoformat() if published else ''}|{doc_id}|{ordinal:06d}"
    for first, commitment in merged_groups(rows, denials, actors):
        _insert_commitment(connection, commitment, founded[id(first)], actors)


# A commitment's entry on the timeline of each of its sides.
_COMMITMENT_KINDS = {"pledger": "commitment_made", "beneficiary": "commitment_received"}


def _insert_commitment(connection: Connection, commitment: Commitment, founded: str, actors: Actors) -> None:
    """Keyed by its kind, side and first row: a pure function of the stored documents that a
    re-merge of another part of the ledger leaves alone."""
    side = actors.side(commitment.pledger)
    key = f"{commitment.kind}{_SIDE_MARK}{side}{_SIDE_MARK}{founded}"
    summary = commitment_summary(commitment)
    connection.execute(
        insert(commitments),
        {
            "key": key,
            "id": commitment.id,
            "kind": commitment.kind,
            "side": side,
            "unit": commitment.amount.unit if commitment.amount else "",
            "founded": founded,
            "pledger_name": commitment.pledger_name,
            "amount": commitment.amount.value if commitment.amount else None,
            "item": commitment.item,
            "status": commitment.status,
            "summary": summary,
            "commitment": commitment_data(commitment),
            "pledger": commitment.pledger,
            "beneficiary": commitment.beneficiary,
            "beneficiary_name": commitment.beneficiary_name,
            "per": commitment.amount.per if commitment.amount else None,
            "approx": bool(commitment.amount and commitment.amount.approx),
            "ranged": bool(commitment.amount and commitment.amount.ranged),
        },
    )
    parties = {
        (role, found_by, found_by == party)
        for role, party in (("pledger", commitment.pledger), ("beneficiary", commitment.beneficiary))
        for found_by in actor_keys(actors, party)
    }
    if parties:
        connection.execute(insert(commitment_actors), [
            {"commitment": key, "role": role, "actor": actor, "named": named} for role, actor, named in sorted(parties)
        ])
        order = (commitment.pledger_name, commitment.kind, -(commitment.amount.value if commitment.amount else 0.0), commitment.item, founded)
        connection.execute(insert(timeline), [
            _timeline_row(actor, _COMMITMENT_KINDS[role], key, commitment.made_on, summary, commitment.status,
                          len(commitment.sources), commitment.id, order)
            for role, actor, _ in sorted(parties)
        ])
    docs = sorted({s.doc for s in commitment.sources})
    if docs:
        connection.execute(insert(commitment_documents), [{"commitment": key, "doc_id": doc} for doc in docs])


def _json(data: Any) -> Any:
    """SQLite hands back JSON text, PostgreSQL (read as text here too) the same."""
    return json.loads(data) if isinstance(data, (str, bytes)) else data


def rebuild_views(connection: Connection, page: int = 200) -> int:
    """Fill the view tables from the stored records, all of them: how a store made before the
    tables existed gets them (migration 0003). The number of documents read."""
    for table in (meeting_actors, meeting_documents, meetings, commitment_actors, commitment_documents, commitments, *DOCUMENT_VIEW_TABLES):
        connection.execute(delete(table))
    touched = Touched()
    count = 0
    for records in _stored_pages(connection, page):
        for record in records:
            rows = document_view_rows(record)
            for table in DOCUMENT_VIEW_TABLES:
                if rows[table.name]:
                    connection.execute(insert(table), rows[table.name])
            touched.add(touched_by([rows]))
            count += 1
    update_views(connection, touched)
    advance(connection)
    return count


def _stored_pages(connection: Connection, page: int) -> Iterator[list[Record]]:
    """Stored records a page at a time in id order; a record of another shape is skipped (the
    views of the record readers skip it too, by failing on it where it is read)."""
    after = ""
    record_text = type_coerce(documents.c.record_json, Text)
    while True:
        rows = connection.execute(
            select(documents.c.id, documents.c.text, record_text).where(documents.c.id > after).order_by(documents.c.id).limit(page)
        ).all()
        if not rows:
            return
        records = []
        for doc_id, body, stored in rows:
            try:
                records.append(record_from_json(_json(stored), body))
            except (UnreadableRecord, ValueError, TypeError):
                continue
        yield records
        after = rows[-1].id
