"""Records and views, read back from the store.

The store keeps every document's whole extract record as JSON beside its text
(``documents.record_json``), and the views merged from them as tables (store/materialise.py):
the commands and the web app read the views' tables with filters, order and pages in SQL,
and read records only of the few documents a page shows.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Iterator, Sequence

from dataclasses import dataclass

from sqlalchemy import Integer, String, Text, cast, func, select, tuple_, type_coerce
from sqlalchemy.engine import Connection, Engine

from summitry.model import Record
from summitry.record import UnreadableRecord, record_from_json
from summitry.store.schema import (
    claims,
    commitment_actors,
    commitment_documents,
    commitments,
    documents,
    meeting_actors,
    meeting_documents,
    meetings,
    mentions,
    timeline,
)
from summitry.store.materialise import stored_actors as stored_actors  # re-exported: the CLI reads actors here
from summitry.store.search import within_dates
from summitry.views.evidence import Source, source_from_data
from summitry.views.ledger import Commitment, commitment_from_data
from summitry.views.meetings import Meeting, meeting_from_data
from summitry.views.parties import Actors
from summitry.views.readouts import Readouts, UnknownMeeting, readouts
from summitry.views.timeline import Timeline, TimelineEntry, build_timeline, timeline_of, wanted_actor


def stored_records(
    engine: Engine | Connection,
    published_since: dt.date | None = None,
    published_until: dt.date | None = None,
    doc_ids: Iterable[str] | None = None,
) -> list[Record]:
    """Every stored record (or those published in a range, or with the given ids), in order of
    publication date (undated first, on every backend: the views merge in this order) and id. Raises ``summitry.record.UnreadableRecord`` for a record of
    another shape."""
    # Read as text, not through the JSON column's own decoder, so damaged JSON is reported by
    # document (``_decoded``) instead of failing the whole query.
    record = type_coerce(documents.c.record_json, Text)
    query = select(documents.c.id, documents.c.text, record).order_by(documents.c.date.nulls_first(), documents.c.id)
    if published_since is not None:
        query = query.where(documents.c.date >= published_since)
    if published_until is not None:
        query = query.where(documents.c.date <= published_until)
    if doc_ids is not None:
        query = query.where(documents.c.id.in_(list(doc_ids)))
    if isinstance(engine, Connection):
        rows = engine.execute(query).all()
    else:
        with engine.connect() as connection:
            rows = connection.execute(query).all()
    return [_record(doc_id, text, stored) for doc_id, text, stored in rows]


def records_by_month(engine: Engine) -> Iterator[Record]:
    """Every stored record, a month of publication at a time (as ``stored_records``), so that a
    reader of a whole corpus holds one month in memory, not the corpus."""
    with engine.connect() as connection:
        first, last = connection.execute(select(func.min(documents.c.date), func.max(documents.c.date))).one()
    if first is None:
        return
    first, last = (day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10]) for day in (first, last))
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
        yield from stored_records(engine, month, following - dt.timedelta(days=1))
        month = following


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


# -- the views as the store keeps them (store/materialise.py) ---------------------------------------
def _decoded(data: Any) -> Any:
    return json.loads(data) if isinstance(data, (str, bytes)) else data


def _text_order(column: Any, connection: Connection) -> Any:
    """Order text by code point, as Python compares strings (PostgreSQL's collation may not)."""
    return column.collate("C") if connection.dialect.name == "postgresql" else column


def _from_documents(key: Any, link: Any, script: str | None, outlet: str | None) -> list[Any]:
    """Conditions keeping view rows with a source document in ``script``, and one from ``outlet``
    (``link``: the column of a view row's key in the table of its documents)."""
    conditions = []
    for column, value in ((documents.c.script, script), (documents.c.outlet, outlet)):
        if value is not None:
            found = select(link).join(documents, documents.c.id == link.table.c.doc_id).where(column == value)
            conditions.append(key.in_(found))
    return conditions


@dataclass(frozen=True)
class MeetingFilter:
    """Which meetings a query keeps: participants (ids as ``Actors.resolve`` gives them; each
    set must match one participant), a date range at each date's own precision, a status, a
    mode, and a source document's script or outlet."""

    actors: tuple[frozenset[str], ...] = ()
    since: str | None = None
    until: str | None = None
    status: str | None = None
    mode: str | None = None
    script: str | None = None
    outlet: str | None = None

    def where(self, query: Any, in_order: bool = False) -> Any:
        """``query`` keeping the meetings this filter keeps. ``in_order``: test each meeting's
        actors as the meetings come in the view's order (an index), for a page of an actor in
        many meetings, which then ends after a page's worth; else the actors' meetings are
        looked up and sorted, which suits an actor in few (the same rows either way)."""
        for wanted in self.actors:
            actors = meeting_actors.c.actor.in_(sorted(wanted))
            if in_order:
                query = query.where(select(meeting_actors.c.meeting).where(meeting_actors.c.meeting == meetings.c.key, actors).exists())
            else:
                query = query.where(meetings.c.key.in_(select(meeting_actors.c.meeting).where(actors)))
        query = within_dates(query, meetings.c.date, self.since, self.until)
        if self.status is not None:
            query = query.where(meetings.c.status == self.status)
        if self.mode is not None:
            query = query.where(meetings.c.mode == self.mode)
        return query.where(*_from_documents(meetings.c.key, meeting_documents.c.meeting, self.script, self.outlet))


def stored_meetings(
    connection: Connection, where: MeetingFilter = MeetingFilter(), limit: int | None = None, offset: int = 0, first: Sequence[Any] = (),
    in_order: bool = False,
) -> list[Meeting]:
    """The stored meetings a filter keeps, in the meetings view's order (after ``first``, the
    order a page's sort asks for), a page at a time; ``in_order`` as ``MeetingFilter.where``."""
    query = where.where(select(type_coerce(meetings.c.meeting, Text)), in_order and not first)
    query = query.order_by(*first, meetings.c.undated, _text_order(meetings.c.date, connection), _text_order(meetings.c.names, connection), meetings.c.key)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [meeting_from_data(_decoded(data)) for data in connection.scalars(query)]


def walk_in_order(kept: int, stored: int, limit: int, offset: int) -> bool:
    """Whether a page of ``limit`` meetings after ``offset``, of ``kept`` an actor filter keeps
    among ``stored``, is found sooner by walking the meetings in order (about
    ``(offset + limit) * stored / kept`` of them) than by sorting the ``kept`` ones. At 100,000
    documents: 1 ms instead of 133 ms for Trump's 21,761 meetings; a rare actor keeps the sort
    (0.1 ms instead of 236 ms)."""
    return kept > 0 and (offset + limit) * stored < kept * kept


def count_meetings(connection: Connection, where: MeetingFilter = MeetingFilter()) -> int:
    return int(connection.scalar(where.where(select(func.count()).select_from(meetings))) or 0)


def meetings_by_id(connection: Connection, ids: Iterable[str]) -> list[Meeting]:
    """Stored meetings with these ids."""
    query = select(type_coerce(meetings.c.meeting, Text)).where(meetings.c.id.in_(list(ids))).order_by(meetings.c.key)
    return [meeting_from_data(_decoded(data)) for data in connection.scalars(query)]


def meetings_with_prefix(connection: Connection, prefix: str, most: int = 2) -> list[Meeting]:
    query = select(type_coerce(meetings.c.meeting, Text)).where(meetings.c.id.startswith(prefix, autoescape=True)).order_by(meetings.c.id).limit(most)
    return [meeting_from_data(_decoded(data)) for data in connection.scalars(query)]


def meetings_of_documents(connection: Connection, doc_ids: Iterable[str]) -> list[Meeting]:
    """Every stored meeting one of these documents reports."""
    keys = select(meeting_documents.c.meeting).where(meeting_documents.c.doc_id.in_(list(doc_ids)))
    query = select(type_coerce(meetings.c.meeting, Text)).where(meetings.c.key.in_(keys)).order_by(meetings.c.key)
    return [meeting_from_data(_decoded(data)) for data in connection.scalars(query)]


def made_or_reported() -> Any:
    """When a commitment was made, or else when it was first reported (its earliest source's date)."""
    first = (
        select(func.min(documents.c.date))
        .join(commitment_documents, commitment_documents.c.doc_id == documents.c.id)
        .where(commitment_documents.c.commitment == commitments.c.key)
        .scalar_subquery()
    )
    return func.coalesce(func.nullif(commitments.c.commitment["made_on"].as_string(), ""), cast(first, String))


@dataclass(frozen=True)
class LedgerFilter:
    """Which commitments a query keeps: pledgers, beneficiaries, parties on either side (ids as
    ``Actors.resolve`` gives them), kind and status; for the web app also one row by id, a date
    range (made, or else first reported) and a source document's script or outlet."""

    pledgers: frozenset[str] | None = None
    beneficiaries: frozenset[str] | None = None
    parties: tuple[frozenset[str], ...] = ()
    kind: str | None = None
    status: str | None = None
    row_id: str | None = None
    since: str | None = None
    until: str | None = None
    script: str | None = None
    outlet: str | None = None

    def where(self, query: Any) -> Any:
        for role, wanted in (("pledger", self.pledgers), ("beneficiary", self.beneficiaries)):
            if wanted is not None:
                query = query.where(commitments.c.key.in_(
                    select(commitment_actors.c.commitment).where(commitment_actors.c.role == role, commitment_actors.c.actor.in_(sorted(wanted)))
                ))
        for wanted in self.parties:
            query = query.where(commitments.c.key.in_(select(commitment_actors.c.commitment).where(commitment_actors.c.actor.in_(sorted(wanted)))))
        if self.kind is not None:
            query = query.where(commitments.c.kind == self.kind)
        if self.status is not None:
            query = query.where(commitments.c.status == self.status)
        if self.row_id is not None:
            query = query.where(commitments.c.id == self.row_id)
        if self.since is not None or self.until is not None:
            query = within_dates(query, made_or_reported(), self.since, self.until)
        return query.where(*_from_documents(commitments.c.key, commitment_documents.c.commitment, self.script, self.outlet))


def stored_ledger(
    connection: Connection, where: LedgerFilter = LedgerFilter(), limit: int | None = None, offset: int = 0, first: Sequence[Any] = ()
) -> list[Commitment]:
    """The stored commitments a filter keeps, in the ledger's order (after ``first``), a page at a time."""
    query = where.where(select(type_coerce(commitments.c.commitment, Text)))
    query = query.order_by(
        *first,
        _text_order(commitments.c.pledger_name, connection),
        _text_order(commitments.c.kind, connection),
        -func.coalesce(commitments.c.amount, 0),
        _text_order(commitments.c.item, connection),
        commitments.c.founded,  # ties as the merge made them: in record order
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [commitment_from_data(_decoded(data)) for data in connection.scalars(query)]


def actor_counts(connection: Connection) -> dict[str, dict[str, int]]:
    """For every actor key, its meetings and the commitments it made and received, counted by the
    filters' rule (a country counts its people's and companies')."""
    counts: dict[str, dict[str, int]] = {"meetings": {}, "pledged": {}, "received": {}}
    query = select(meeting_actors.c.actor, func.count()).group_by(meeting_actors.c.actor)
    counts["meetings"] = {actor: int(n) for actor, n in connection.execute(query)}
    query = select(commitment_actors.c.actor, commitment_actors.c.role, func.count()).group_by(commitment_actors.c.actor, commitment_actors.c.role)
    for actor, role, n in connection.execute(query):
        counts["pledged" if role == "pledger" else "received"][actor] = int(n)
    return counts


def count_ledger(connection: Connection, where: LedgerFilter = LedgerFilter()) -> int:
    return int(connection.scalar(where.where(select(func.count()).select_from(commitments))) or 0)


def stored_claims(connection: Connection, wanted: frozenset[str]) -> list[tuple[str | None, str, str, Source]]:
    """Claims made by one of ``wanted`` (or an actor of a country in it), in record order, each
    once: (date, summary, status, source)."""
    query = (
        select(claims.c.doc_id, claims.c.event_ordinal, type_coerce(claims.c.claim, Text))
        .join(documents, documents.c.id == claims.c.doc_id)
        .where(claims.c.actor.in_(sorted(wanted)))
        .order_by(documents.c.date.nulls_first(), documents.c.id, claims.c.event_ordinal)
    )
    found: dict[tuple[str, int], tuple[str | None, str, str, Source]] = {}
    for doc_id, ordinal, data in connection.execute(query):
        claim = _decoded(data)
        found.setdefault((doc_id, ordinal), (claim["date"], claim["summary"], claim["status"], source_from_data(claim["source"])))
    return list(found.values())


def mention_counts(connection: Connection, ids: Iterable[str]) -> dict[str, int]:
    """How often the stored documents mention each of these entities."""
    query = select(mentions.c.entity_id, func.count()).where(mentions.c.entity_id.in_(list(ids))).group_by(mentions.c.entity_id)
    return {entity_id: int(n) for entity_id, n in connection.execute(query)}


def timeline_actor(connection: Connection, name: str, actors: Actors | None = None) -> tuple[Actors, frozenset[str]]:
    """The actors and the ids a timeline's name stands for (``views.timeline.wanted_actor``)."""
    actors = actors or stored_actors(connection)
    people = [i for i in actors.resolve(name) if actors.type_of(i) == "person"]
    return actors, wanted_actor(actors, name, mention_counts(connection, people) if len(people) > 1 else {})


def _timeline_order() -> list[Any]:
    """The timeline's own order, which ``ix_timeline_order`` serves after the actor: date
    (undated last), kind, line, then each view's own order (meetings', the ledger's, record
    order), as ``views.timeline.build_timeline`` sorts them; text by code point on both backends."""
    column = timeline.c
    return [column.undated, column.date, column.kind, column.summary, column.t1, column.t2, column.t3, column.t4, column.t5]


def _with_sources(connection: Connection, key: str, rows: Sequence[Any]) -> list[TimelineEntry]:
    """A page of timeline rows as entries, the sources read for those rows only."""
    sources: dict[tuple[str, str], tuple[Source, ...]] = {}
    wanted = [r.row for r in rows if r.kind == "meeting"]
    if wanted:
        query = select(meetings.c.key, type_coerce(meetings.c.meeting, Text)).where(meetings.c.key.in_(wanted))
        sources.update((("meeting", k), meeting_from_data(_decoded(d)).sources) for k, d in connection.execute(query))
    wanted = [r.row for r in rows if r.kind != "meeting" and r.kind != "claim"]
    if wanted:
        query = select(commitments.c.key, type_coerce(commitments.c.commitment, Text)).where(commitments.c.key.in_(wanted))
        sources.update((("commitment", k), commitment_from_data(_decoded(d)).sources) for k, d in connection.execute(query))
    claimed = [(doc_id, int(ordinal)) for doc_id, ordinal in (r.row.rsplit("#", 1) for r in rows if r.kind == "claim")]
    if claimed:
        query = select(claims.c.doc_id, claims.c.event_ordinal, type_coerce(claims.c.claim, Text)).where(
            claims.c.actor == key, tuple_(claims.c.doc_id, claims.c.event_ordinal).in_(claimed))
        sources.update(((("claim", f"{d}#{o:06d}"), (source_from_data(_decoded(c)["source"]),)) for d, o, c in connection.execute(query)))
    return [
        TimelineEntry(r.date, r.kind, r.ref, r.summary, r.status, sources[("commitment" if r.kind.startswith("commitment") else r.kind, r.row)])
        for r in rows
    ]


def sources_length(column: Any, connection: Connection) -> Any:
    """The length of a view row's sources (a JSON array), in each backend's own words."""
    if connection.dialect.name == "postgresql":
        return func.jsonb_array_length(column["sources"])
    return func.json_array_length(column, "$.sources")


# The columns a timeline page sorts by, as ``web.pages.TIMELINE_COLUMNS`` names them.
TIMELINE_SORTS = ("date", "kind", "summary", "status", "sources")


def _timeline_sort(entries: Any, sort: str | None, connection: Connection) -> list[Any]:
    """A column's order before the timeline's own, rows without a value last either way (as the
    web app's ``listing._sorted`` puts them)."""
    if not sort:
        return []
    key = sort.lstrip("-")
    if key not in TIMELINE_SORTS:
        raise ValueError(f"{sort}: a timeline sorts by {', '.join(TIMELINE_SORTS)}")
    column = func.lower(entries.c.summary) if key == "summary" else entries.c[key]
    column = column if key == "sources" else _text_order(column, connection)
    return [column.is_(None), column.desc() if sort.startswith("-") else column]


def stored_timeline(
    connection: Connection, name: str, limit: int | None = None, offset: int = 0, sort: str | None = None, actors: Actors | None = None
) -> Timeline:
    """``views.timeline.actor_timeline`` of the store, or one page of it (``limit``, ``offset``,
    after ``sort``, a column of ``TIMELINE_SORTS``, ``-`` first for descending): read by one SQL
    query over the view tables, which sorts and pages. A name standing for several ids (rare:
    an id that is also someone's English name) has its meetings' lines worked out for all of
    them at once, so that timeline is built whole from the actor's rows and then paged."""
    actors, wanted = timeline_actor(connection, name, actors)
    if len(wanted) > 1:
        whole = build_timeline(
            actors, wanted, stored_meetings(connection, MeetingFilter(actors=(wanted,))), stored_ledger(connection, LedgerFilter(parties=(wanted,))),
            stored_claims(connection, wanted),
        )
        entries = list(whole.entries)
        if sort:
            key, descending = sort.lstrip("-"), sort.startswith("-")

            def value(entry: TimelineEntry) -> Any:
                return len(entry.sources) if key == "sources" else entry.summary.casefold() if key == "summary" else getattr(entry, key)

            entries = sorted((e for e in entries if value(e) is not None), key=value, reverse=descending) + [e for e in entries if value(e) is None]
        end = None if limit is None else offset + limit
        return timeline_of(actors, wanted, entries[offset:end])
    (key,) = wanted
    column = timeline.c
    query = select(column.kind, column.row, column.date, column.summary, column.status, column.ref).where(column.actor == key)
    query = query.order_by(*_timeline_sort(timeline, sort, connection), *_timeline_order())
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return timeline_of(actors, wanted, _with_sources(connection, key, connection.execute(query).all()))


def count_timeline(connection: Connection, wanted: frozenset[str]) -> dict[str, int]:
    """How many entries of each kind the timeline of ``wanted`` holds, counted by the store."""
    if len(wanted) > 1:
        whole = build_timeline(
            stored_actors(connection), wanted, stored_meetings(connection, MeetingFilter(actors=(wanted,))),
            stored_ledger(connection, LedgerFilter(parties=(wanted,))), stored_claims(connection, wanted),
        )
        counted: dict[str, int] = {}
        for entry in whole.entries:
            counted[entry.kind] = counted.get(entry.kind, 0) + 1
        return counted
    (key,) = wanted
    query = select(timeline.c.kind, func.count()).where(timeline.c.actor == key).group_by(timeline.c.kind)
    return {kind: int(n) for kind, n in connection.execute(query)}


def stored_counterparts(connection: Connection, actors: Actors, wanted: frozenset[str]) -> list[tuple[str, int]]:
    """Whom the actor met, each with its number of meetings by the filters' rule (a country
    counts its people's, so the number is the length of ``/meetings?actor=..&with=..``), most
    first: counted by the store, one row per actor met. Actors of the actor's own side are not
    counterparts."""
    mine, theirs = meeting_actors.alias("mine"), meeting_actors.alias("theirs")
    query = (
        select(theirs.c.actor, func.count(func.distinct(theirs.c.meeting)))
        .join(mine, mine.c.meeting == theirs.c.meeting)
        .where(mine.c.actor.in_(sorted(wanted)))
        .group_by(theirs.c.actor)
        # met in person at least once, not only as the country of someone met
        .having(func.max(cast(theirs.c.named, Integer)) == 1)
        .order_by(func.count(func.distinct(theirs.c.meeting)).desc(), theirs.c.actor)
    )
    own_sides = {actors.side(i) for i in wanted}
    found = [(other, int(n)) for other, n in connection.execute(query) if other not in wanted and actors.side(other) not in own_sides]
    return sorted(found, key=lambda c: (-c[1], actors.name(c[0]) or c[0]))


def stored_meeting(connection: Connection, meeting_id: str) -> Meeting:
    """One stored meeting by id or by a unique prefix of four characters or more (as
    ``summitry readouts`` takes it); ``UnknownMeeting`` otherwise."""
    exact = meetings_by_id(connection, [meeting_id])
    if exact:
        return exact[0]
    prefixed = meetings_with_prefix(connection, meeting_id) if len(meeting_id) >= 4 else []
    if len(prefixed) == 1:
        return prefixed[0]
    raise UnknownMeeting(meeting_id, "no meeting has this id" if not prefixed else "several meetings start with this id")


def stored_readouts(connection: Connection, meeting_id: str) -> Readouts:
    """``views.readouts.readouts`` of one stored meeting: reads the records of its documents only."""
    meeting = stored_meeting(connection, meeting_id)
    doc_ids = sorted({s.doc for s in meeting.sources})
    return readouts(stored_records(connection, doc_ids=doc_ids), meeting.id, meetings_of_documents(connection, doc_ids))
