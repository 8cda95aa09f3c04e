"""The SQL the list pages read: one page of rows in the order a column asks for, and the
figures above a list (totals, event volume) aggregated by the store, never from every row.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable

from sqlalchemy import Integer, String, and_, cast, func, or_, select
from sqlalchemy.engine import Connection

from summitry.store.schema import (
    commitment_actors,
    commitments,
    documents,
    events,
    meeting_actors,
    meetings,
    mentions,
    quantities,
    times,
)
from summitry.views.shape import views_json
from summitry.views.source import LedgerFilter, MeetingFilter, _text_order, sources_length, stored_ledger, stored_meetings
from summitry.web.present import NOT_ADDITIVE, Total, is_money

Expression = Callable[[Connection], Any]


def _order(expression: Any, descending: bool) -> list[Any]:
    """A column's order with rows lacking a value last, whichever way it sorts (as ``listing._sorted``)."""
    return [expression.is_(None), expression.desc() if descending else expression]


MEETING_ORDER: dict[str, Expression] = {
    "date": lambda c: _text_order(meetings.c.date, c),
    "participants": lambda c: _text_order(func.lower(meetings.c.names), c),
    "place": lambda c: _text_order(meetings.c.meeting["place"].as_string(), c),
    "mode": lambda c: _text_order(meetings.c.mode, c),
    "status": lambda c: _text_order(meetings.c.status, c),
    "sources": lambda c: sources_length(meetings.c.meeting, c),
}

LEDGER_ORDER: dict[str, Expression] = {
    "pledger": lambda c: _text_order(func.lower(commitments.c.pledger_name), c),
    "beneficiary": lambda c: _text_order(func.nullif(func.lower(commitments.c.commitment["beneficiary_name"].as_string()), ""), c),
    "kind": lambda c: _text_order(commitments.c.kind, c),
    "item": lambda c: _text_order(func.lower(commitments.c.item), c),
    "amount": lambda c: commitments.c.amount,
    "deadline": lambda c: _text_order(commitments.c.commitment["deadline"].as_string(), c),
    "made_on": lambda c: _text_order(commitments.c.commitment["made_on"].as_string(), c),
    "status": lambda c: _text_order(commitments.c.status, c),
    "sources": lambda c: sources_length(commitments.c.commitment, c),
}


def _first(order: dict[str, Expression], sort: str | None, connection: Connection) -> list[Any]:
    if not sort:
        return []
    return _order(order[sort.lstrip("-")](connection), sort.startswith("-"))


def meeting_rows(connection: Connection, where: MeetingFilter, sort: str | None, limit: int, offset: int,
                 in_order: bool = False) -> list[dict[str, Any]]:
    first = _first(MEETING_ORDER, sort, connection)
    return views_json(stored_meetings(connection, where, limit, offset, first, in_order))


def ledger_rows(connection: Connection, where: LedgerFilter, sort: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    first = _first(LEDGER_ORDER, sort, connection)
    return views_json(stored_ledger(connection, where, limit, offset, first))


# How many of a total's rows it links to: a total over thousands of rows says how many and
# links the first, so the page stays the same weight.
TOTAL_ROWS = 20
# How many totals a side's table on the ledger page shows: one per actor, unit and period grows
# with the actors a corpus names, and past a few dozen the tables outweighed the page.
TOTALS_SHOWN = 40


def stored_totals(connection: Connection, where: LedgerFilter, side: str, most: int | None = None) -> tuple[list[Total], int]:
    """``present.ledger_totals`` of every commitment a filter keeps (not only the page shown),
    summed by the store from the commitments' columns: one total per actor, unit and period,
    each with its first ``TOTAL_ROWS`` ids. With ``most``, only the first ``most`` totals (in
    the totals' order) read their ids and are returned; the number of totals in all comes too."""
    actor = commitments.c[side]
    per = func.coalesce(commitments.c.per, "")  # a total per period, "" for none: NULL never equals NULL
    kept = commitments.c.key.in_(where.where(select(commitments.c.key).where(
        commitments.c.amount.is_not(None), actor.is_not(None), commitments.c.unit.not_in(sorted(NOT_ADDITIVE)),
        commitments.c.ranged.is_(False),  # a range or a vague amount (數十億美元) has no value to add
    )))
    group = (actor, commitments.c.unit, per)
    name = commitments.c.pledger_name if side == "pledger" else commitments.c.beneficiary_name
    sums = select(*group, func.max(name), func.sum(commitments.c.amount), func.max(cast(commitments.c.approx, Integer)),
                  func.count()).where(kept).group_by(*group)
    totals = sorted(
        (Total(actor=found, name=named or found, unit=unit, per=period or None, value=value, approx=bool(approx), rows=(), count=int(n))
         for found, unit, period, named, value, approx, n in connection.execute(sums)),
        key=lambda t: (t.name, not is_money(t.unit), t.unit, t.per or "", -t.value),
    )
    shown = totals if most is None else totals[:most]
    if not shown:
        return [], len(totals)
    order = (_text_order(commitments.c.pledger_name, connection), _text_order(commitments.c.kind, connection),
             -func.coalesce(commitments.c.amount, 0), _text_order(commitments.c.item, connection), commitments.c.founded)
    wanted = kept if most is None else and_(kept, or_(*(
        and_(actor == t.actor, commitments.c.unit == t.unit, per == (t.per or "")) for t in shown)))
    ranked = select(*(c.label(f"g{i}") for i, c in enumerate(group)), commitments.c.id,
                    func.row_number().over(partition_by=group, order_by=order).label("place")).where(wanted).subquery()
    ids: dict[tuple[Any, ...], list[str]] = {}
    for *key, row_id in connection.execute(select(ranked.c.g0, ranked.c.g1, ranked.c.g2, ranked.c.id)
                                           .where(ranked.c.place <= TOTAL_ROWS).order_by(ranked.c.place)):
        ids.setdefault(tuple(key), []).append(row_id)
    return [replace(t, rows=tuple(ids.get((t.actor, t.unit, t.per or ""), ()))) for t in shown], len(totals)


DOCUMENT_ORDER: dict[str, Expression] = {
    "date": lambda c: documents.c.date,
    "document": lambda c: _text_order(func.lower(func.coalesce(func.nullif(documents.c.title, ""), documents.c.source)), c),
    "length": lambda c: documents.c.length,
}


def _count_of(table: Any, distinct: Any = None) -> Any:
    counted = func.count(func.distinct(distinct)) if distinct is not None else func.count()
    return select(counted).select_from(table).where(table.c.doc_id == documents.c.id).scalar_subquery()


DOCUMENT_COUNTS = {
    "entities": _count_of(mentions, mentions.c.entity_id),
    "quantities": _count_of(quantities),
    "times": _count_of(times),
    "events": _count_of(events),
}


def _constant(expression: Any) -> Expression:
    return lambda _connection: expression


def document_rows(connection: Connection, sort: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """One page of the document directory with each document's counts, counted for that page only."""
    order = {**DOCUMENT_ORDER, **{key: _constant(expression) for key, expression in DOCUMENT_COUNTS.items()}}
    columns = (documents.c.id, documents.c.source, documents.c.date, documents.c.title, documents.c.script, documents.c.length,
               documents.c.url, *(e.label(k) for k, e in DOCUMENT_COUNTS.items()))
    query = select(*columns).order_by(*_first(order, sort, connection), documents.c.date.nulls_first(), documents.c.id)
    return [
        {"id": r.id, "source": r.source, "date": r.date.isoformat() if r.date else None, "title": r.title, "script": r.script,
         "length": r.length, "url": r.url, **{k: int(getattr(r, k)) for k in DOCUMENT_COUNTS}}
        for r in connection.execute(query.limit(limit).offset(offset))
    ]


def event_counts(connection: Connection) -> tuple[list[tuple[str | None, str]], list[int]]:
    """Events by month (the document's date when the event has none; a coarser date as it is)
    and type, counted by the store: as many rows as months and types, whatever the documents."""
    date = func.substr(func.coalesce(func.nullif(events.c.date, ""), cast(documents.c.date, String)), 1, 7)
    query = select(date, events.c.type, func.count()).join(documents, documents.c.id == events.c.doc_id).group_by(date, events.c.type)
    rows = connection.execute(query).all()
    return [(d, t) for d, t, _ in rows], [int(n) for *_, n in rows]


def named_actors(connection: Connection) -> list[str]:
    """Every actor a meeting or a commitment names itself (not only through its country)."""
    query = select(meeting_actors.c.actor).where(meeting_actors.c.named).union(
        select(commitment_actors.c.actor).where(commitment_actors.c.named))
    return sorted(connection.scalars(query))
