"""The server-rendered pages: search, meetings, ledger, actors, one meeting, one document.

Each page reads the same functions as the JSON API (summitry.web.api), and every number it
shows links to the sentence it came from (or to the rows it sums).
"""

from __future__ import annotations

from typing import Any, Callable, cast

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from summitry.model import Record
from summitry.store import InvalidQuery, SearchFilter, count_hits, hit_json, search
from summitry.views.shape import view_json
from summitry.views.timeline import UnknownActor
from summitry.web.api import actor_header, corpus, readouts_of, record_of, snapshot_of, timeline_page
from summitry.views.ledger import _rules as ledger_rules
from summitry.views.source import LedgerFilter, MeetingFilter, actor_counts, count_ledger, count_meetings, meetings_by_id, walk_in_order
from summitry.web.charts import Bar, Node, TimePoint, bar_chart, event_volume, network, timeline
from summitry.web.corpus import Snapshot
from summitry.web.highlight import Annotation, highlight
from summitry.web.listing import (
    BadFilter,
    Column,
    Listing,
    UnknownName,
    choice,
    download,
    iso_date,
    paginate,
    paginate_query,
)
from summitry.web.present import Total, amount_text, evidence_url, is_money, unit_text
from summitry.web.queries import TOTALS_SHOWN, document_rows, event_counts, ledger_rows, meeting_rows, named_actors, stored_totals

router = APIRouter(include_in_schema=False)

# SCHEMA.md: the statuses and modes a meeting or a ledger row can have.
EVENT_STATUSES = ("reported", "claimed", "planned", "hypothetical", "negated")
LEDGER_STATUSES = ("claimed", "confirmed", "disputed", "fulfilled", "reversed", "demanded")
MEETING_MODES = ("meeting", "visit", "call", "multilateral")
SCRIPTS = ("Hant", "Hans")
# The kinds of commitment the ledger's rules define (views/data/ledger.yaml).
LEDGER_KINDS = tuple(kind.name for kind in ledger_rules().kinds)


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    snapshot = snapshot_of(request)
    templates = request.app.state.templates
    page: HTMLResponse = templates.TemplateResponse(request, template, {"directory": snapshot.directory, **context})
    return page


def _blank(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


# -- filters shared by the list pages --------------------------------------------------------------
def _actor_ids(snapshot: Snapshot, name: str, value: str | None) -> frozenset[str] | None:
    """The ids an actor filter names, or UnknownName (a 404 page) when nothing answers to it."""
    if value is None:
        return None
    wanted = snapshot.actors.resolve(value)
    if not wanted:
        raise UnknownName(name, value, "an actor's English name (Donald Trump), id (Q22686, USA) or a name as "
                          "the texts write it (川普, 特朗普); /actors lists everyone in this store")
    return wanted


def _countries(snapshot: Snapshot) -> list[str]:
    """ISO codes of the countries whose actors (or themselves) appear in the store."""
    sides = {snapshot.directory.side(i) for i in snapshot.directory.types}
    return sorted(c for c in sides if snapshot.actors.type_of(c) == "country")


def _country(snapshot: Snapshot, value: str | None) -> frozenset[str] | None:
    if value is None:
        return None
    code = value.upper()
    if snapshot.actors.type_of(code) != "country":
        raise BadFilter("country", value, "an ISO 3166 alpha-3 code; countries in this store: " + ", ".join(_countries(snapshot)))
    return frozenset({code})


def _outlets(snapshot: Snapshot) -> list[str]:
    return list(snapshot.outlets)


def _source_filter(snapshot: Snapshot, script: str | None, outlet: str | None) -> tuple[str | None, str | None]:
    """A script and an outlet to keep rows by (a source in that script, one from that outlet),
    checked against the store."""
    choice("script", script, SCRIPTS)
    outlets = _outlets(snapshot)
    if outlet is not None and outlet not in outlets:
        raise BadFilter("outlet", outlet, "one of " + ", ".join(outlets) if outlets
                        else "nothing: no document in this store records the URL it came from")
    return script, outlet


def _date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    return iso_date("since", since), iso_date("until", until)


def _listed(request: Request, template: str, listing: Listing, shape: Callable[[dict[str, Any]], dict[str, Any]], name: str,
            **context: Any) -> Response:
    """A list page, or its rows on screen as CSV or JSON when ``format`` asks for them."""
    return download(request, listing, shape, name) or _page(request, template, listing=listing, **context)


def _first_source(row: dict[str, Any]) -> str:
    sources = row.get("sources") or []
    return f"{sources[0]['doc']}:{sources[0]['evidence']['start']}-{sources[0]['evidence']['end']}" if sources else ""


def _first_source_url(row: dict[str, Any]) -> str | None:
    sources = row.get("sources") or []
    if not sources:
        return None
    source = sources[0]
    return evidence_url(source["doc"], source["evidence"]["start"], source["evidence"]["end"])


def _amount_value(row: dict[str, Any]) -> float | None:
    return row["amount"]["value"] if row.get("amount") else None


DOCUMENT_COLUMNS = (
    Column("date", "Published", lambda d: d["date"], lambda d: d["date"]),
    Column("document", "Document", lambda d: (d["title"] or d["source"]).casefold(), lambda d: d["title"]),
    Column("id", "Id", None, lambda d: d["id"]),
    Column("source", "Source", None, lambda d: d["source"]),
    Column("url", "URL", None, lambda d: d["url"]),
    Column("script", "Script", None, lambda d: d["script"]),
    Column("length", "Characters", lambda d: d["length"], lambda d: d["length"], numeric=True),
    Column("entities", "Entities", lambda d: d["entities"], lambda d: d["entities"], numeric=True),
    Column("quantities", "Amounts", lambda d: d["quantities"], lambda d: d["quantities"], numeric=True),
    Column("times", "Dates", lambda d: d["times"], lambda d: d["times"], numeric=True),
    Column("events", "Events", lambda d: d["events"], lambda d: d["events"], numeric=True),
)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> Response:
    snapshot = snapshot_of(request)
    with snapshot.engine.connect() as connection:
        listing = paginate_query(request, snapshot.documents, lambda sort, limit, offset: document_rows(connection, sort, limit, offset),
                                 DOCUMENT_COLUMNS, "document")
        # Counted over the whole store once for each state of it, not on every visit.
        volume_of, counts = snapshot.remember("event volume", lambda: event_counts(connection))
        volume = Markup(event_volume(volume_of, "Events by month and type", counts))
        meeting_count = snapshot.remember(("meetings", MeetingFilter()), lambda: count_meetings(connection))
        ledger_count = snapshot.remember(("ledger", LedgerFilter()), lambda: count_ledger(connection))
    return _listed(
        request, "index.html", listing, lambda d: d, "documents",
        meeting_count=meeting_count, ledger_count=ledger_count, volume=volume, stale=snapshot.stale,
    )


SEARCH_COLUMNS = (
    Column("doc", "Document", None, lambda h: h["doc"]),
    Column("title", "Title", None, lambda h: h["title"]),
    Column("date", "Published", None, lambda h: h["date"]),
    Column("start", "Start", None, lambda h: h["sentence"]["start"]),
    Column("end", "End", None, lambda h: h["sentence"]["end"]),
    Column("sentence", "Sentence", None, lambda h: h["sentence"]["text"]),
    Column("matches", "Matches", None, lambda h: [f"{m['start']}:{m['end']}" for m in h["matches"]]),
)


def _mentioning(snapshot: Snapshot, wanted: frozenset[str]) -> frozenset[str]:
    """Every entity id whose mention counts as one of ``wanted``'s (``Actors.matches``: a
    country takes its people and companies), for the store to test."""
    actors = snapshot.actors
    return frozenset(wanted | {i for i in actors.entities if actors.matches(i, wanted)})


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: str | None = None, since: str | None = None, until: str | None = None,
    actor: str | None = None, country: str | None = None, script: str | None = None, outlet: str | None = None,
) -> Response:
    snapshot = snapshot_of(request)
    query, actor, country, script, outlet = map(_blank, (q, actor, country, script, outlet))
    since, until = _date_range(_blank(since), _blank(until))
    wanted, code = _actor_ids(snapshot, "actor", actor), _country(snapshot, country)
    script, outlet = _source_filter(snapshot, script, outlet)
    where = SearchFilter(
        tuple(_mentioning(snapshot, found) for found in (wanted, code) if found), since, until, script, outlet)
    engine, error, total = corpus(request).engine, None, 0
    if query:
        try:
            phrase = query
            total = snapshot.remember(("search", phrase, where), lambda: count_hits(engine, phrase, where))
        except InvalidQuery as problem:
            error = str(problem)
    # A page of hits sorts every match by date (thousands for a common word): once for each
    # state of the store and query, as the count above.
    listing = paginate_query(request, total, lambda _sort, limit, offset: snapshot.remember(
        ("search page", query, where, limit, offset),
        lambda: [hit_json(h) for h in search(engine, cast(str, query), limit, offset, where)]) if total else [], SEARCH_COLUMNS, "sentence")
    shown_hits = []
    for hit in listing.rows:
        sentence = hit["sentence"]
        shown_hits.append({**hit, "html": Markup(
            highlight(
                sentence["text"],
                [
                    Annotation(m["start"] - sentence["start"], m["end"] - sentence["start"], 0, "a",
                               (("class", "match"), ("href", evidence_url(hit["doc"], m["start"], m["end"]))))
                    for m in hit["matches"]
                ],
            )
        )})
    return _listed(
        request, "search.html", listing, lambda h: h, "search", hits=shown_hits, query=query or "", error=error,
        filters={"since": since, "until": until, "actor": actor, "country": country, "script": script,
                                "outlet": outlet},
    )


def _names(row: dict[str, Any]) -> str:
    return " – ".join(row["names"]).casefold()


MEETING_COLUMNS = (
    Column("date", "Date", lambda r: r["date"], lambda r: r["date"]),
    Column("id", "Id", None, lambda r: r["id"]),
    Column("participants", "Participants", _names, lambda r: r["participants"]),
    Column("names", "Names", None, lambda r: r["names"]),
    Column("place", "Place", lambda r: r["place"], lambda r: r["place"]),
    Column("mode", "Mode", lambda r: r["mode"], lambda r: r["mode"]),
    Column("status", "Status", lambda r: r["status"], lambda r: r["status"]),
    Column("sources", "Sources", lambda r: len(r["sources"]), lambda r: len(r["sources"]), numeric=True),
    Column("evidence", "First source", None, _first_source),
)


@router.get("/meetings", response_class=HTMLResponse)
def meetings_page(
    request: Request, actor: str | None = None, since: str | None = None, until: str | None = None,
    with_actor: str | None = Query(None, alias="with"), country: str | None = None, status: str | None = None,
    mode: str | None = None, script: str | None = None, outlet: str | None = None,
) -> Response:
    snapshot = snapshot_of(request)
    actor, with_actor, country, status, mode, script, outlet = map(_blank, (actor, with_actor, country, status, mode, script, outlet))
    since, until = _date_range(_blank(since), _blank(until))
    wanted = [found for found in (_actor_ids(snapshot, "actor", actor), _actor_ids(snapshot, "with", with_actor),
                                  _country(snapshot, country)) if found is not None]
    choice("status", status, EVENT_STATUSES)
    modes = sorted(set(MEETING_MODES) | set(snapshot.modes))
    choice("mode", mode, modes)
    script, outlet = _source_filter(snapshot, script, outlet)
    where = MeetingFilter(tuple(wanted), since, until, status, mode, script, outlet)
    with snapshot.engine.connect() as connection:
        kept = snapshot.remember(("meetings", where), lambda: count_meetings(connection, where))
        stored = snapshot.remember(("meetings", MeetingFilter()), lambda: count_meetings(connection))
        listing = paginate_query(request, kept, lambda sort, limit, offset: meeting_rows(
            connection, where, sort, limit, offset, bool(where.actors) and walk_in_order(kept, stored, limit, offset)), MEETING_COLUMNS, "meeting")
    points = [
        TimePoint(row["date"], " – ".join(row["names"]), f"/meetings/{row['id']}",
                  f"{row['date']}: {' – '.join(row['names'])}" + (f" in {row['place']}" if row["place"] else ""))
        for row in listing.rows
        if row["date"]
    ]
    chart = Markup(timeline(points, "Meetings by date"))
    return _listed(
        request, "meetings.html", listing, lambda r: r, "meetings", rows=listing.rows, chart=chart,
        filters={"actor": actor, "with": with_actor, "since": since, "until": until, "country": country,
                 "status": status, "mode": mode, "script": script, "outlet": outlet},
        choices={"status": EVENT_STATUSES, "mode": modes, "script": SCRIPTS, "country": _countries(snapshot),
                 "outlet": _outlets(snapshot)},
        undated=sum(1 for r in listing.rows if not r["date"]), evidence_url=evidence_url,
    )


@router.get("/meetings/{meeting_id}", response_class=HTMLResponse)
def meeting_page(meeting_id: str, request: Request) -> HTMLResponse:
    snapshot = snapshot_of(request)
    with snapshot.engine.connect() as connection:
        found = meetings_by_id(connection, [meeting_id])
    if not found:
        raise HTTPException(status_code=404, detail=f"{meeting_id}: no meeting has this id")
    row = view_json(found[0])
    return _page(request, "meeting.html", meeting=row, readouts=view_json(readouts_of(snapshot, meeting_id)), evidence_url=evidence_url)


def _ledger_charts(rows: list[dict[str, Any]]) -> list[Markup]:
    """One bar chart per unit (and period): amounts in different units never share a scale."""
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for row in rows:
        if row["amount"]:
            groups.setdefault((row["amount"]["unit"], row["amount"]["per"]), []).append(row)
    charts = []
    for (unit, per), members in sorted(groups.items(), key=lambda item: (not is_money(item[0][0]), -len(item[1]), item[0][0])):
        members = sorted(members, key=lambda r: -r["amount"]["value"])
        bars = [
            Bar(
                label=f"{r['pledger_name']} → {r['beneficiary_name'] or '?'}",
                value=r["amount"]["value"],
                value_text=amount_text(**r["amount"]),
                href=_first_source_url(r),
                tooltip=f"{r['item']}: {amount_text(**r['amount'])}",
            )
            for r in members
        ]
        charts.append(Markup(bar_chart(bars, f"Pledged amounts, {unit_text(unit, per)}")))
    return charts


LEDGER_COLUMNS = (
    Column("pledger", "Pledger", lambda r: r["pledger_name"].casefold(), lambda r: r["pledger"]),
    Column("pledger_name", "Pledger name", None, lambda r: r["pledger_name"]),
    Column("beneficiary", "Beneficiary", lambda r: (r["beneficiary_name"] or "").casefold() or None, lambda r: r["beneficiary"]),
    Column("beneficiary_name", "Beneficiary name", None, lambda r: r["beneficiary_name"]),
    Column("kind", "Kind", lambda r: r["kind"], lambda r: r["kind"]),
    Column("item", "Item", lambda r: r["item"].casefold(), lambda r: r["item"]),
    Column("amount", "Amount", _amount_value, _amount_value, numeric=True),
    Column("unit", "Unit", None, lambda r: r["amount"]["unit"] if r["amount"] else None),
    Column("per", "Per", None, lambda r: r["amount"]["per"] if r["amount"] else None),
    Column("approx", "Approximate", None, lambda r: r["amount"]["approx"] if r["amount"] else None),
    Column("deadline", "Deadline", lambda r: r["deadline"], lambda r: r["deadline"]),
    Column("made_on", "Made on", lambda r: r["made_on"], lambda r: r["made_on"]),
    Column("status", "Status", lambda r: r["status"], lambda r: r["status"]),
    Column("sources", "Sources", lambda r: len(r["sources"]), lambda r: len(r["sources"]), numeric=True),
    Column("id", "Id", None, lambda r: r["id"]),
    Column("evidence", "First source", None, _first_source),
)


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(
    request: Request, pledger: str | None = None, beneficiary: str | None = None, actor: str | None = None,
    country: str | None = None, kind: str | None = None, status: str | None = None, since: str | None = None,
    until: str | None = None, script: str | None = None, outlet: str | None = None, row_id: str | None = Query(None, alias="id"),
) -> Response:
    snapshot = snapshot_of(request)
    pledger, beneficiary, actor, country, kind, status, script, outlet, row_id = map(
        _blank, (pledger, beneficiary, actor, country, kind, status, script, outlet, row_id))
    with snapshot.engine.connect() as connection:
        if row_id is not None and not count_ledger(connection, LedgerFilter(row_id=row_id)):
            raise UnknownName("id", row_id, "the id of a ledger row (the links of an actor's timeline and of the totals carry one)")
    since, until = _date_range(_blank(since), _blank(until))
    pledgers, beneficiaries = _actor_ids(snapshot, "pledger", pledger), _actor_ids(snapshot, "beneficiary", beneficiary)
    choice("kind", kind, LEDGER_KINDS)
    choice("status", status, LEDGER_STATUSES)
    parties = tuple(found for found in (_actor_ids(snapshot, "actor", actor), _country(snapshot, country)) if found is not None)
    script, outlet = _source_filter(snapshot, script, outlet)
    where = LedgerFilter(pledgers, beneficiaries, parties, kind, status, row_id, since, until, script, outlet)
    with snapshot.engine.connect() as connection:
        listing = paginate_query(request, snapshot.remember(("ledger", where), lambda: count_ledger(connection, where)),
                                 lambda sort, limit, offset: ledger_rows(connection, where, sort, limit, offset), LEDGER_COLUMNS, "commitment")
        # The totals sum every commitment the filters keep: once for each state of the store.
        def totals(side: str) -> tuple[list[Total], int]:
            return snapshot.remember(("totals", where, side, TOTALS_SHOWN), lambda: stored_totals(connection, where, side, TOTALS_SHOWN))

        (by_pledger, pledger_totals), (by_beneficiary, beneficiary_totals) = totals("pledger"), totals("beneficiary")
    return _listed(
        request,
        "ledger.html",
        listing,
        lambda r: r,
        "ledger",
        rows=listing.rows,
        charts=_ledger_charts(listing.rows),
        by_pledger=by_pledger,
        by_beneficiary=by_beneficiary,
        totals_in_all={"pledger": pledger_totals, "beneficiary": beneficiary_totals},
        filters={"pledger": pledger, "beneficiary": beneficiary, "actor": actor, "country": country, "kind": kind,
                 "status": status, "since": since, "until": until, "script": script, "outlet": outlet},
        choices={"kind": LEDGER_KINDS, "status": LEDGER_STATUSES, "script": SCRIPTS, "country": _countries(snapshot),
                 "outlet": _outlets(snapshot)},
        amount_text=amount_text,
        unit_text=unit_text,
        evidence_url=evidence_url,
    )


ACTOR_COLUMNS = (
    Column("actor", "Actor", lambda a: a["name"].casefold(), lambda a: a["actor"]),
    Column("name", "Name", None, lambda a: a["name"]),
    Column("meetings", "Meetings", lambda a: a["meetings"], lambda a: a["meetings"], numeric=True),
    Column("pledged", "Commitments made", lambda a: a["pledged"], lambda a: a["pledged"], numeric=True),
    Column("received", "Commitments received", lambda a: a["received"], lambda a: a["received"], numeric=True),
)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> Response:
    """Every actor in a meeting or a commitment, each count the length of the list it links to:
    counted with the filters' own rule (a country counts its people's meetings and its
    companies' commitments), not by the actor's id alone."""
    snapshot = snapshot_of(request)
    listed = snapshot.remember("actors", lambda: _actor_list(snapshot))
    listing = paginate(request, listed, ACTOR_COLUMNS, "actor")
    return _listed(request, "actors.html", listing, lambda a: a, "actors", actors=listing.rows)


def _actor_list(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Every named actor with its counts, busiest first: counted over the whole store, so
    once for each state of it."""
    listed: list[dict[str, Any]] = []
    with snapshot.engine.connect() as connection:
        counted = actor_counts(connection)
        for actor in named_actors(connection):
            name = snapshot.actors.name(actor)
            wanted = snapshot.actors.resolve(actor)
            if len(wanted) == 1:  # an id answers for itself alone: the store counted it already
                (only,) = wanted
                numbers = {kind: counted[kind].get(only, 0) for kind in ("meetings", "pledged", "received")}
            else:
                numbers = {
                    "meetings": count_meetings(connection, MeetingFilter((wanted,))),
                    "pledged": count_ledger(connection, LedgerFilter(pledgers=wanted)),
                    "received": count_ledger(connection, LedgerFilter(beneficiaries=wanted)),
                }
            listed.append({"actor": actor, "name": name, **numbers})
    listed.sort(key=lambda a: (-(a["meetings"] + a["pledged"] + a["received"]), a["name"]))
    return listed


TIMELINE_COLUMNS = (
    Column("date", "Date", lambda e: e["date"], lambda e: e["date"]),
    Column("kind", "Kind", lambda e: e["kind"], lambda e: e["kind"]),
    Column("summary", "What", lambda e: e["summary"].casefold(), lambda e: e["summary"]),
    Column("status", "Status", lambda e: e["status"], lambda e: e["status"]),
    Column("sources", "Sources", lambda e: len(e["sources"]), lambda e: len(e["sources"]), numeric=True),
    Column("id", "Id", None, lambda e: e["id"]),
    Column("evidence", "First source", None, _first_source),
)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(actor: str, request: Request) -> Response:
    """An actor's timeline a page at a time, sorted and paged by the store, under what it is and
    whom it met most (counted by the store too)."""
    snapshot = snapshot_of(request)
    try:
        with snapshot.engine.connect() as connection:
            found = actor_header(snapshot, connection, actor)
            listing = paginate_query(
                request, found["total"], lambda sort, limit, offset: timeline_page(snapshot, connection, actor, limit, offset, sort),
                TIMELINE_COLUMNS, "entry",
            )
    except UnknownActor as error:
        raise HTTPException(status_code=404, detail=str(error)) from None
    nodes = [
        Node(
            label=c["name"],
            count=c["meetings"],
            href=f"/actors/{c['actor']}",
            count_href=f"/meetings?actor={found['actor']}&with={c['actor']}",
        )
        for c in found["counterparts"]
    ]
    chart = Markup(network(found["name"], nodes, f"Whom {found['name']} met"))
    points = [
        TimePoint(e["date"], e["summary"], _first_source_url(e), f"{e['date']}: {e['summary']}")
        for e in listing.rows
        if e["date"]
    ]
    return _listed(
        request, "actor.html", listing, lambda e: e, f"timeline-{found['actor']}", actor=found, network=chart,
        chart=Markup(timeline(points, f"{found['name']}: timeline")), evidence_url=evidence_url,
    )


def _annotations(record: Record, focus: tuple[int, int] | None) -> list[Annotation]:
    """Every entity mention, amount, date and event of a record, and the span asked for."""
    names = {e.id: e for e in record.entities}
    found: list[Annotation] = []
    if focus is not None:
        found.append(Annotation(focus[0], focus[1], 0, "mark", (("id", "evidence"), ("class", "focus"))))
    events_at: dict[tuple[int, int], list[Any]] = {}
    for index, event in enumerate(record.events):
        events_at.setdefault((event.evidence.start, event.evidence.end), []).append((index, event))
    for (start, end), events in events_at.items():
        tip = "\n".join(f"{e.type}/{e.mode or '-'} · {e.status} · {e.summary} [{start}:{end}]" for _, e in events)
        found.append(Annotation(start, end, 1, "span", (("class", "event"), ("id", f"event-{events[0][0]}"), ("title", tip))))
    for index, mention in enumerate(record.mentions):
        entity = names.get(mention.entity_id)
        label = f"{entity.name} ({entity.type}, {entity.id})" if entity else mention.entity_id
        kind = entity.type if entity else "unknown"
        found.append(Annotation(mention.start, mention.end, 2, "span", (
            ("class", f"entity entity-{kind}"), ("id", f"mention-{index}"), ("data-entity", mention.entity_id),
            ("title", f"{label} [{mention.start}:{mention.end}]"),
        )))
    for index, quantity in enumerate(record.quantities):
        value = amount_text(quantity.value, quantity.unit, quantity.per, quantity.approx)
        found.append(Annotation(quantity.start, quantity.end, 2, "span", (
            ("class", "quantity"), ("id", f"quantity-{index}"),
            ("title", f"{value} (value {quantity.value:g}, unit {quantity.unit}) [{quantity.start}:{quantity.end}]"),
        )))
    for index, time in enumerate(record.times):
        found.append(Annotation(time.start, time.end, 2, "span", (
            ("class", "time"), ("id", f"time-{index}"),
            ("title", f"{time.value or 'unresolved'}{' (' + time.relation + ')' if time.relation else ''} [{time.start}:{time.end}]"),
        )))
    return found


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, request: Request, start: int | None = None, end: int | None = None) -> HTMLResponse:
    record = record_of(snapshot_of(request), doc_id)
    text = record.document.text
    focus = (start, end) if start is not None and end is not None and 0 <= start < end <= len(text) else None
    body = Markup(highlight(text, _annotations(record, focus)))
    mentions: dict[str, list[Any]] = {}
    for mention in record.mentions:
        mentions.setdefault(mention.entity_id, []).append(mention)
    return _page(
        request,
        "document.html",
        record=record,
        body=body,
        focus=focus,
        focus_text=text[focus[0] : focus[1]] if focus else None,
        mentions=mentions,
        amount_text=amount_text,
        evidence_url=evidence_url,
    )


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    """The API's endpoints as a page of links (the OpenAPI document is /api/openapi.json)."""
    schema = request.app.openapi()
    endpoints = [
        {"path": path, "method": method.upper(), "summary": operation.get("summary", ""),
         "parameters": [p["name"] for p in operation.get("parameters", [])]}
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]
    return _page(request, "api.html", endpoints=endpoints)
