"""The server-rendered pages: search, meetings, ledger, actors, one meeting, one document.

Each page reads the same functions as the JSON API (summitry.web.api), and every number it
shows links to the sentence it came from (or to the rows it sums).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from summitry.store import InvalidQuery, search
from summitry.web.api import (
    actor_of,
    corpus,
    snapshot_of,
    document_summary,
    filter_ledger,
    filter_meetings,
    hit_json,
    readouts_of,
)
from summitry.web.charts import Bar, Node, TimePoint, bar_chart, network, timeline
from summitry.web.highlight import Annotation, highlight
from summitry.web.present import amount_text, evidence_url, is_money, ledger_totals, unit_text

router = APIRouter(include_in_schema=False)


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    snapshot = snapshot_of(request)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {"directory": snapshot.directory, **context})


def _blank(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


def _first_source_url(row: dict[str, Any]) -> str | None:
    sources = row.get("sources") or []
    if not sources:
        return None
    source = sources[0]
    return evidence_url(source["doc"], source["evidence"]["start"], source["evidence"]["end"])


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    snapshot = snapshot_of(request)
    counts = {
        r.document.id: {
            "entities": len(r.entities),
            "quantities": len(r.quantities),
            "times": len(r.times),
            "events": len(r.events),
        }
        for r in snapshot.records
    }
    return _page(
        request,
        "index.html",
        documents=document_summary(snapshot),
        counts=counts,
        meeting_count=len(snapshot.meetings),
        ledger_count=len(snapshot.ledger),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str | None = None, limit: int = Query(50, ge=1, le=500)) -> HTMLResponse:
    query = _blank(q)
    hits, error = [], None
    if query:
        try:
            hits = [hit_json(h) for h in search(corpus(request).engine, query, limit)]
        except InvalidQuery as problem:
            error = str(problem)
    for hit in hits:
        sentence = hit["sentence"]
        hit["html"] = Markup(
            highlight(
                sentence["text"],
                [
                    Annotation(m["start"] - sentence["start"], m["end"] - sentence["start"], 0, "a",
                               (("class", "match"), ("href", evidence_url(hit["doc"], m["start"], m["end"]))))
                    for m in hit["matches"]
                ],
            )
        )
    return _page(request, "search.html", query=query or "", hits=hits, error=error, limit=limit)


@router.get("/meetings", response_class=HTMLResponse)
def meetings_page(
    request: Request, actor: str | None = None, since: str | None = None, until: str | None = None,
    with_actor: str | None = Query(None, alias="with"),
) -> HTMLResponse:
    actor, since, until, with_actor = map(_blank, (actor, since, until, with_actor))
    rows = filter_meetings(snapshot_of(request), actor, since, until, with_actor)
    points = [
        TimePoint(row["date"], " – ".join(row["names"]), f"/meetings/{row['id']}",
                  f"{row['date']}: {' – '.join(row['names'])}" + (f" in {row['place']}" if row["place"] else ""))
        for row in rows
        if row["date"]
    ]
    chart = Markup(timeline(points, "Meetings by date"))
    return _page(
        request, "meetings.html", rows=rows, chart=chart, actor=actor or "", since=since or "", until=until or "",
        with_actor=with_actor or "", undated=sum(1 for r in rows if not r["date"]), evidence_url=evidence_url,
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


@router.get("/ledger", response_class=HTMLResponse)
def ledger_page(request: Request, pledger: str | None = None, beneficiary: str | None = None) -> HTMLResponse:
    pledger, beneficiary = _blank(pledger), _blank(beneficiary)
    rows = filter_ledger(snapshot_of(request), pledger, beneficiary)
    return _page(
        request,
        "ledger.html",
        rows=rows,
        charts=_ledger_charts(rows),
        by_pledger=ledger_totals(rows, "pledger"),
        by_beneficiary=ledger_totals(rows, "beneficiary"),
        pledger=pledger or "",
        beneficiary=beneficiary or "",
        amount_text=amount_text,
        evidence_url=evidence_url,
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request) -> HTMLResponse:
    snapshot = snapshot_of(request)
    actors: dict[str, dict[str, Any]] = {}

    def entry(actor: str, name: str) -> dict[str, Any]:
        return actors.setdefault(actor, {"actor": actor, "name": name, "meetings": 0, "pledged": 0, "received": 0})

    for meeting in snapshot.meetings:
        for participant, name in zip(meeting.participants, meeting.names):
            entry(participant, name)["meetings"] += 1
    for row in snapshot.ledger:
        entry(row.pledger, row.pledger_name)["pledged"] += 1
        if row.beneficiary:
            entry(row.beneficiary, row.beneficiary_name or row.beneficiary)["received"] += 1
    listed = sorted(actors.values(), key=lambda a: (-(a["meetings"] + a["pledged"] + a["received"]), a["name"]))
    return _page(request, "actors.html", actors=listed)


@router.get("/actors/{actor}", response_class=HTMLResponse)
def actor_page(actor: str, request: Request) -> HTMLResponse:
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
    points = [
        TimePoint(e["date"], e["summary"], _first_source_url(e), f"{e['date']}: {e['summary']}")
        for e in found["entries"]
        if e["date"]
    ]
    return _page(
        request, "actor.html", actor=found, network=chart, chart=Markup(timeline(points, f"{found['name']}: timeline")),
        evidence_url=evidence_url,
    )


def _annotations(record, focus: tuple[int, int] | None) -> list[Annotation]:
    """Every entity mention, amount, date and event of a record, and the span asked for."""
    names = {e.id: e for e in record.entities}
    found: list[Annotation] = []
    if focus is not None:
        found.append(Annotation(focus[0], focus[1], 0, "mark", (("id", "evidence"), ("class", "focus"))))
    events_at: dict[tuple[int, int], list] = {}
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
    mentions: dict[str, list] = {}
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
