"""The JSON API under /api: the shapes of SCHEMA.md §2, typed for the OpenAPI document.

Every page's numbers come from the same functions as these answers, so a test (or a user)
can check a page against the API.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.engine import Connection

from summitry.model import Record
from summitry.record import json_number, record_to_json
from summitry.store import InvalidQuery, hit_json, search
from summitry.views.ledger import Commitment
from summitry.views.meetings import Meeting
from summitry.views.shape import view_json, views_json
from summitry.views.readouts import Readouts, UnknownMeeting
from summitry.store.schema import documents
from summitry.views.source import (
    LedgerFilter,
    MeetingFilter,
    count_ledger,
    count_meetings,
    meetings_by_id,
    stored_ledger,
    stored_meetings,
    stored_readouts,
    count_timeline,
    stored_counterparts,
    stored_records,
    stored_timeline,
    walk_in_order,
    timeline_actor,
)
from summitry.views.timeline import TimelineEntry, UnknownActor, timeline_of
from summitry.web.corpus import Corpus, Snapshot
from summitry.web.present import Total
from summitry.web.queries import stored_totals

Number = int | float


class TotalOut(BaseModel):
    actor: str
    name: str
    unit: str
    per: str | None
    value: Number
    approx: bool
    text: str
    rows: list[str]  # the first 20 row ids summed
    count: int  # rows summed


class LedgerTotals(BaseModel):
    by_pledger: list[TotalOut]
    by_beneficiary: list[TotalOut]


class CounterpartOut(BaseModel):
    actor: str
    name: str
    meetings: int  # how many meetings /meetings?actor=..&with=.. lists


class ActorOut(BaseModel):
    actor: str
    name: str
    type: str
    ids: list[str]
    written: list[str]
    entries: list[TimelineEntry]  # one page of the timeline: ``limit`` from ``offset``
    total: int  # entries on the whole timeline
    counts: dict[str, int]  # entries of each kind on the whole timeline
    counterparts: list[CounterpartOut]  # the most met, most first
    counterparts_total: int


class DocumentSummary(BaseModel):
    id: str
    source: str
    date: str | None
    title: str | None
    script: str
    length: int


class SpanText(BaseModel):
    start: int
    end: int
    text: str


class SearchHitOut(BaseModel):
    doc: str
    source: str
    date: str | None
    title: str | None
    sentence: SpanText
    matches: list[SpanText]


# -- shared with the pages ------------------------------------------------------------------------
def corpus(request: Request) -> Corpus:
    shared: Corpus = request.app.state.corpus
    return shared


def snapshot_of(request: Request) -> Snapshot:
    """The store's state for this request: read once, however many parts of the page need it."""
    found = getattr(request.state, "snapshot", None)
    if found is None:
        found = request.state.snapshot = corpus(request).snapshot()
    return found


def total_json(total: Total) -> dict[str, Any]:
    return {
        "actor": total.actor,
        "name": total.name,
        "unit": total.unit,
        "per": total.per,
        "value": json_number(total.value),
        "approx": total.approx,
        "text": total.text,
        "rows": list(total.rows),
        "count": total.summed,
    }


def _ledger_filter(snapshot: Snapshot, pledger: str | None, beneficiary: str | None) -> LedgerFilter:
    actors = snapshot.actors
    return LedgerFilter(
        pledgers=actors.resolve(pledger) if pledger is not None else None,
        beneficiaries=actors.resolve(beneficiary) if beneficiary is not None else None,
    )


def _meeting_filter(snapshot: Snapshot, actor: str | None, since: str | None, until: str | None, with_actor: str | None) -> MeetingFilter:
    return MeetingFilter(tuple(snapshot.actors.resolve(name) for name in (actor, with_actor) if name is not None), since, until)


def filter_meetings(
    snapshot: Snapshot, actor: str | None, since: str | None, until: str | None, with_actor: str | None = None
) -> list[dict[str, Any]]:
    """Meetings of an actor (and, with ``with_actor``, of both), in a date range, filtered by the store."""
    with snapshot.engine.connect() as connection:
        return views_json(stored_meetings(connection, _meeting_filter(snapshot, actor, since, until, with_actor)))


def readouts_of(snapshot: Snapshot, meeting_id: str) -> Readouts:
    try:
        with snapshot.engine.connect() as connection:
            return stored_readouts(connection, meeting_id)
    except UnknownMeeting as error:
        raise HTTPException(status_code=404, detail=str(error)) from None


# The lists of the API come a page at a time (``limit``, ``offset``), their length in a header:
# a store of 100,000 documents must not answer one request with all of them.
API_PAGE = 100
API_MAX_PAGE = 1000


# The counterparts an actor's page and answer list: the most met, so the chart stays readable
# and the page the same weight whatever the store; their number is given whole.
COUNTERPARTS_SHOWN = 30


def actor_header(snapshot: Snapshot, connection: Connection, actor: str) -> dict[str, Any]:
    """What an actor's page says above its timeline, counted by the store: who it is, how the
    texts wrote its name, how many entries of each kind its timeline holds, and whom it met
    most (each with the number of meetings ``/meetings?actor=..&with=..`` lists). Counted over
    all of the actor's rows (thousands for a busy leader), so once for each state of the store."""
    header: dict[str, Any] = snapshot.remember(("actor", actor), lambda: _actor_header(snapshot, connection, actor))
    return header


def _actor_header(snapshot: Snapshot, connection: Connection, actor: str) -> dict[str, Any]:
    actors, wanted = timeline_actor(connection, actor, snapshot.actors)
    found = view_json(timeline_of(actors, wanted, ()))
    del found["entries"]
    counts = count_timeline(connection, wanted)
    met = stored_counterparts(connection, actors, wanted)
    counterparts = [{"actor": other, "name": actors.name(other) or snapshot.directory.name(other), "meetings": n}
                    for other, n in met[:COUNTERPARTS_SHOWN]]
    written = [w for i in found["ids"] for w in snapshot.directory.written(i)]
    return {**found, "written": list(dict.fromkeys(written)), "total": sum(counts.values()), "counts": counts,
            "counterparts": counterparts, "counterparts_total": len(met)}


def timeline_page(snapshot: Snapshot, connection: Connection, actor: str, limit: int, offset: int, sort: str | None = None) -> list[dict[str, Any]]:
    """One page of an actor's timeline, sorted and paged by the store."""
    return [view_json(e) for e in stored_timeline(connection, actor, limit, offset, sort, snapshot.actors).entries]


def actor_of(snapshot: Snapshot, actor: str, limit: int = API_PAGE, offset: int = 0) -> dict[str, Any]:
    """The actor's timeline (a page of it), how the texts wrote its name, and whom it met."""
    try:
        with snapshot.engine.connect() as connection:
            header = actor_header(snapshot, connection, actor)
            return {**header, "entries": timeline_page(snapshot, connection, actor, limit, offset)}
    except UnknownActor as error:
        raise HTTPException(status_code=404, detail=str(error)) from None


def record_of(snapshot: Snapshot, doc_id: str) -> Record:
    """One stored record, read alone; a 404 when no document has this id."""
    found = stored_records(snapshot.engine, doc_ids=[doc_id])
    if not found:
        raise HTTPException(status_code=404, detail=f"{doc_id}: no stored document has this id")
    return found[0]


# -- routes ------------------------------------------------------------------------------------------
router = APIRouter(prefix="/api", tags=["summitry"])



def _limit() -> Any:
    return Query(API_PAGE, ge=1, le=API_MAX_PAGE, description="Rows in this answer")


def _offset() -> Any:
    return Query(0, ge=0, description="Rows to skip (the total is in the X-Total-Count header)")


@router.get("/documents", response_model=list[DocumentSummary], summary="Stored documents, by publication date")
def api_documents(request: Request, response: Response, limit: int = _limit(), offset: int = _offset()) -> list[dict[str, Any]]:
    snapshot = snapshot_of(request)
    response.headers["X-Total-Count"] = str(snapshot.documents)
    columns = (documents.c.id, documents.c.source, documents.c.date, documents.c.title, documents.c.script, documents.c.length)
    query = select(*columns).order_by(documents.c.date.nulls_first(), documents.c.id).limit(limit).offset(offset)
    with snapshot.engine.connect() as connection:
        return [
            {"id": r.id, "source": r.source, "date": r.date.isoformat() if r.date else None, "title": r.title, "script": r.script, "length": r.length}
            for r in connection.execute(query)
        ]


@router.get("/documents/{doc_id}", summary="One document: its extract record (SCHEMA.md §1) and its text")
def api_document(doc_id: str, request: Request) -> dict[str, Any]:
    record = record_of(snapshot_of(request), doc_id)
    return {**record_to_json(record), "text": record.document.text}


@router.get("/search", response_model=list[SearchHitOut], summary="Sentences containing a phrase, in either Chinese script")
def api_search(request: Request, q: str = Query(..., description="The phrase"), limit: int = Query(20, ge=1, le=500)) -> list[dict[str, Any]]:
    try:
        return [hit_json(h) for h in search(corpus(request).engine, q, limit)]
    except InvalidQuery as error:
        raise HTTPException(status_code=422, detail=str(error)) from None


@router.get("/meetings", response_model=list[Meeting], summary="Distinct meetings (summitry meetings --json)")
def api_meetings(
    request: Request,
    response: Response,
    actor: str | None = Query(None, description="A participant: id, English name or alias; a country takes its people"),
    since: str | None = Query(None, description="ISO date, any precision"),
    until: str | None = Query(None, description="ISO date, any precision"),
    with_actor: str | None = Query(None, alias="with", description="A second participant"),
    limit: int = _limit(),
    offset: int = _offset(),
) -> list[Meeting]:
    snapshot = snapshot_of(request)
    where = _meeting_filter(snapshot, actor, since, until, with_actor)
    with snapshot.engine.connect() as connection:
        kept = snapshot.remember(("meetings", where), lambda: count_meetings(connection, where))
        stored = snapshot.remember(("meetings", MeetingFilter()), lambda: count_meetings(connection))
        response.headers["X-Total-Count"] = str(kept)
        in_order = bool(where.actors) and walk_in_order(kept, stored, limit, offset)
        return stored_meetings(connection, where, limit, offset, in_order=in_order)


@router.get("/meetings/{meeting_id}", response_model=Meeting, summary="One meeting")
def api_meeting(meeting_id: str, request: Request) -> Meeting:
    with corpus(request).engine.connect() as connection:
        found = meetings_by_id(connection, [meeting_id])
    if found:
        return found[0]
    raise HTTPException(status_code=404, detail=f"{meeting_id}: no meeting has this id")


@router.get("/meetings/{meeting_id}/readouts", response_model=Readouts, summary="Each side's readout of one meeting")
def api_readouts(meeting_id: str, request: Request) -> Readouts:
    return readouts_of(snapshot_of(request), meeting_id)


@router.get("/ledger", response_model=list[Commitment], summary="The commitments ledger (summitry ledger --json)")
def api_ledger(
    request: Request,
    response: Response,
    pledger: str | None = Query(None, description="id, English name or alias"),
    beneficiary: str | None = Query(None, description="id, English name or alias"),
    limit: int = _limit(),
    offset: int = _offset(),
) -> list[Commitment]:
    snapshot = snapshot_of(request)
    where = _ledger_filter(snapshot, pledger, beneficiary)
    with snapshot.engine.connect() as connection:
        response.headers["X-Total-Count"] = str(snapshot.remember(("ledger", where), lambda: count_ledger(connection, where)))
        return stored_ledger(connection, where, limit, offset)


@router.get("/ledger/totals", response_model=LedgerTotals, summary="Ledger totals by pledger and by beneficiary, one per unit")
def api_ledger_totals(
    request: Request, pledger: str | None = Query(None), beneficiary: str | None = Query(None)
) -> dict[str, Any]:
    snapshot = snapshot_of(request)
    where = _ledger_filter(snapshot, pledger, beneficiary)
    with snapshot.engine.connect() as connection:
        return {side: [total_json(t) for t in stored_totals(connection, where, side.removeprefix("by_"))[0]] for side in ("by_pledger", "by_beneficiary")}


@router.get("/actors/{actor}", response_model=ActorOut, summary="One actor's timeline (a page of it) and counterparts")
def api_actor(actor: str, request: Request, response: Response, limit: int = _limit(), offset: int = _offset()) -> dict[str, Any]:
    found = actor_of(snapshot_of(request), actor, limit, offset)
    response.headers["X-Total-Count"] = str(found["total"])
    return found
