"""The server-rendered pages: search, meetings, ledger, actors, one meeting, one document.

Each page reads the same functions as the JSON API (summitry.web.api), and every number it
shows links to the sentence it came from (or to the rows it sums).
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from summitry.model import Record
from summitry.store import InvalidQuery, hit_json, search
from summitry.web.api import (
    actor_of,
    corpus,
    snapshot_of,
    document_summary,
    filter_ledger,
    filter_meetings,
    readouts_of,
)
from summitry.views.ledger import _rules as ledger_rules
from summitry.views.meetings import _within as within  # the CLI's date-range rule, at each date's precision
from summitry.views.source import LedgerFilter, MeetingFilter, actor_counts, count_ledger, count_meetings
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
)
from summitry.web.present import amount_text, evidence_url, is_money, ledger_totals, outlet_of, unit_text

router = APIRouter(include_in_schema=False)

# SCHEMA.md: the statuses and modes a meeting or a ledger row can have.
EVENT_STATUSES = ("reported", "claimed", "planned", "hypothetical", "negated")
LEDGER_STATUSES = ("claimed", "confirmed", "disputed", "fulfilled", "reversed", "demanded")
MEETING_MODES = ("meeting", "visit", "call", "multilateral")
SCRIPTS = ("Hant", "Hans")
# The kinds of commitment the ledger's rules define (views/data/ledger.yaml).
LEDGER_KINDS = tuple(kind.name for kind in ledger_rules().kinds)
# The search page reads every matching sentence to count them truly; beyond this it says "at least".
SEARCH_CAP = 10_000


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
    return sorted({o for o in (outlet_of(r.document.url) for r in snapshot.records) if o})


def _document_ids(row: dict[str, Any]) -> list[str]:
    """The documents a row comes from: its sources' (a meeting, a commitment) or its own (a search hit)."""
    return [s["doc"] for s in row.get("sources", [])] or ([row["doc"]] if "doc" in row else [])


def _documents_of(snapshot: Snapshot, row: dict[str, Any]) -> list[Any]:
    return [snapshot.by_id[d].document for d in _document_ids(row) if d in snapshot.by_id]


def _source_filters(snapshot: Snapshot, script: str | None, outlet: str | None) -> list[Callable[[dict[str, Any]], bool]]:
    """Keep rows with a source in that script or from that outlet (checked against the store)."""
    keep: list[Callable[[dict[str, Any]], bool]] = []
    choice("script", script, SCRIPTS)
    outlets = _outlets(snapshot)
    if outlet is not None and outlet not in outlets:
        raise BadFilter("outlet", outlet, "one of " + ", ".join(outlets) if outlets
                        else "nothing: no document in this store records the URL it came from")
    scripts = {r.document.id: r.script for r in snapshot.records}
    if script is not None:
        keep.append(lambda row: any(scripts.get(d) == script for d in _document_ids(row)))
    if outlet is not None:
        keep.append(lambda row: any(outlet_of(d.url) == outlet for d in _documents_of(snapshot, row)))
    return keep


def _parties_match(
    snapshot: Snapshot, wanted: frozenset[str] | None, parties: Callable[[dict[str, Any]], Iterable[str | None]]
) -> Callable[[dict[str, Any]], bool] | None:
    return None if wanted is None else (lambda row: any(snapshot.actors.matches(p, wanted) for p in parties(row)))


def _keep(rows: list[dict[str, Any]], tests: Iterable[Callable[[dict[str, Any]], bool] | None]) -> list[dict[str, Any]]:
    checks = [t for t in tests if t is not None]
    return [row for row in rows if all(t(row) for t in checks)]


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
    counts = {
        r.document.id: {
            "url": r.document.url,
            "entities": len(r.entities),
            "quantities": len(r.quantities),
            "times": len(r.times),
            "events": len(r.events),
        }
        for r in snapshot.records
    }
    documents = [{**d, **counts[d["id"]]} for d in document_summary(snapshot)]
    listing = paginate(request, documents, DOCUMENT_COLUMNS, "document")
    volume = Markup(event_volume([(e.date or (r.document.date.isoformat() if r.document.date else None), e.type)
                                  for r in snapshot.records for e in r.events], "Events by month and type"))
    return _listed(
        request, "index.html", listing, lambda d: d, "documents",
        meeting_count=len(snapshot.meetings), ledger_count=len(snapshot.ledger), volume=volume, stale=snapshot.stale,
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


def _mentions_in(snapshot: Snapshot, wanted: frozenset[str]) -> Callable[[dict[str, Any]], bool]:
    """Whether a hit's sentence mentions one of the actors wanted (the record's own mentions)."""

    def test(hit: dict[str, Any]) -> bool:
        record = snapshot.by_id.get(hit["doc"])
        start, end = hit["sentence"]["start"], hit["sentence"]["end"]
        return record is not None and any(
            start <= m.start and m.end <= end and snapshot.actors.matches(m.entity_id, wanted) for m in record.mentions
        )

    return test


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, q: str | None = None, since: str | None = None, until: str | None = None,
    actor: str | None = None, country: str | None = None, script: str | None = None, outlet: str | None = None,
) -> Response:
    snapshot = snapshot_of(request)
    query, actor, country, script, outlet = map(_blank, (q, actor, country, script, outlet))
    since, until = _date_range(_blank(since), _blank(until))
    tests = [
        _mentions_in(snapshot, wanted) if (wanted := _actor_ids(snapshot, "actor", actor)) else None,
        _mentions_in(snapshot, code) if (code := _country(snapshot, country)) else None,
        (lambda h: within(h["date"], since, until)) if since or until else None,
        *_source_filters(snapshot, script, outlet),
    ]
    hits, error, capped = [], None, False
    if query:
        try:
            found = search(corpus(request).engine, query, SEARCH_CAP)
        except InvalidQuery as problem:
            error = str(problem)
        else:
            capped = len(found) == SEARCH_CAP
            hits = _keep([hit_json(h) for h in found], tests)
    listing = paginate(request, hits, SEARCH_COLUMNS, "sentence")
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
        capped=capped, filters={"since": since, "until": until, "actor": actor, "country": country, "script": script,
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
    _actor_ids(snapshot, "actor", actor)
    _actor_ids(snapshot, "with", with_actor)
    choice("status", status, EVENT_STATUSES)
    modes = sorted(set(MEETING_MODES) | {m.mode for m in snapshot.meetings if m.mode})
    choice("mode", mode, modes)
    rows = _keep(filter_meetings(snapshot, actor, since, until, with_actor), [
        _parties_match(snapshot, _country(snapshot, country), lambda r: r["participants"]),
        (lambda r: r["status"] == status) if status else None,
        (lambda r: r["mode"] == mode) if mode else None,
        *_source_filters(snapshot, script, outlet),
    ])
    listing = paginate(request, rows, MEETING_COLUMNS, "meeting")
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
    row = next((m for m in snapshot.meeting_rows() if m["id"] == meeting_id), None)
    if row is None:
        raise HTTPException(status_code=404, detail=f"{meeting_id}: no meeting has this id")
    return _page(request, "meeting.html", meeting=row, readouts=readouts_of(snapshot, meeting_id), evidence_url=evidence_url)


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
    if row_id is not None and not any(c.id == row_id for c in snapshot.ledger):
        raise UnknownName("id", row_id, "the id of a ledger row (the links of an actor's timeline and of the totals carry one)")
    since, until = _date_range(_blank(since), _blank(until))
    _actor_ids(snapshot, "pledger", pledger)
    _actor_ids(snapshot, "beneficiary", beneficiary)
    choice("kind", kind, LEDGER_KINDS)
    choice("status", status, LEDGER_STATUSES)
    rows = _keep(filter_ledger(snapshot, pledger, beneficiary), [
        _parties_match(snapshot, _actor_ids(snapshot, "actor", actor), lambda r: (r["pledger"], r["beneficiary"])),
        _parties_match(snapshot, _country(snapshot, country), lambda r: (r["pledger"], r["beneficiary"])),
        (lambda r: r["kind"] == kind) if kind else None,
        (lambda r: r["id"] == row_id) if row_id else None,
        (lambda r: r["status"] == status) if status else None,
        (lambda r: within(_made_or_reported(snapshot, r), since, until)) if since or until else None,
        *_source_filters(snapshot, script, outlet),
    ])
    listing = paginate(request, rows, LEDGER_COLUMNS, "commitment")
    return _listed(
        request,
        "ledger.html",
        listing,
        lambda r: r,
        "ledger",
        rows=listing.rows,
        charts=_ledger_charts(listing.rows),
        by_pledger=ledger_totals(rows, "pledger"),
        by_beneficiary=ledger_totals(rows, "beneficiary"),
        filters={"pledger": pledger, "beneficiary": beneficiary, "actor": actor, "country": country, "kind": kind,
                 "status": status, "since": since, "until": until, "script": script, "outlet": outlet},
        choices={"kind": LEDGER_KINDS, "status": LEDGER_STATUSES, "script": SCRIPTS, "country": _countries(snapshot),
                 "outlet": _outlets(snapshot)},
        amount_text=amount_text,
        unit_text=unit_text,
        evidence_url=evidence_url,
    )


def _made_or_reported(snapshot: Snapshot, row: dict[str, Any]) -> str | None:
    """When a commitment was made, or else when it was first reported (its earliest source's date)."""
    made: str | None = row["made_on"]
    if made:
        return made
    dates = [d.date.isoformat() for d in _documents_of(snapshot, row) if d.date]
    return min(dates) if dates else None


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
    names: dict[str, str] = {}
    for meeting in snapshot.meetings:
        names.update(zip(meeting.participants, meeting.names))
    for row in snapshot.ledger:
        names.setdefault(row.pledger, row.pledger_name)
        if row.beneficiary:
            names.setdefault(row.beneficiary, row.beneficiary_name or row.beneficiary)
    listed: list[dict[str, Any]] = []
    with snapshot.engine.connect() as connection:
        counted = actor_counts(connection)
        for actor, name in names.items():
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
    listing = paginate(request, listed, ACTOR_COLUMNS, "actor")
    return _listed(request, "actors.html", listing, lambda a: a, "actors", actors=listing.rows)


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
    snapshot = snapshot_of(request)
    found = actor_of(snapshot, actor)
    nodes = [
        Node(
            label=c["name"],
            count=len(c["meetings"]),
            href=f"/actors/{c['actor']}",
            count_href=f"/meetings?actor={found['actor']}&with={c['actor']}",
        )
        for c in found["counterparts"]
    ]
    chart = Markup(network(found["name"], nodes, f"Whom {found['name']} met"))
    listing = paginate(request, found["entries"], TIMELINE_COLUMNS, "entry")
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
    snapshot = snapshot_of(request)
    record = snapshot.by_id.get(doc_id)
    if record is None:
        raise HTTPException(status_code=404, detail=f"{doc_id}: no stored document has this id")
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
