"""The JSON shape of a Record, exactly as ../shared/SCHEMA.md §1 specifies it, and the way back."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from typing import Any

from summitry.errors import SummitryError
from summitry.model import SCHEMA_VERSION, Document, Entity, Event, Mention, Quantity, Record, Span, TimeExpr


def json_number(value: float) -> float | int:
    """A whole number as an integer (5500億 -> 550000000000, not 5.5e11); fractions and values
    beyond a 64-bit integer stay floats."""
    return int(value) if float(value).is_integer() and abs(value) < 2**63 else value


def _quantity(quantity: Quantity) -> dict[str, Any]:
    return {
        "start": quantity.start,
        "end": quantity.end,
        "text": quantity.text,
        "value": json_number(quantity.value),
        "unit": quantity.unit,
        "approx": quantity.approx,
        "per": quantity.per,
        "qualifier": quantity.qualifier,
        "low": None if quantity.low is None else json_number(quantity.low),
        "high": None if quantity.high is None else json_number(quantity.high),
    }


def _time(time: TimeExpr) -> dict[str, Any]:
    return {
        "start": time.start,
        "end": time.end,
        "text": time.text,
        "value": time.value,
        "relation": time.relation,
        "first": time.first,
        "last": time.last,
    }


def _event(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source": list(event.source),
        "target": list(event.target),
        "date": event.date,
        "date_from": event.date_from,
        "place": event.place,
        "quantities": [_quantity(q) for q in event.quantities],
        "status": event.status,
        "claimed_by": event.claimed_by,
        "evidence": asdict(event.evidence),
        "summary": event.summary,
    }


def record_to_json(record: Record) -> dict[str, Any]:
    """The schema's object for one document; entities in order of first mention."""
    document = record.document
    mentions_by_entity: dict[str, list[list[int]]] = {}
    for mention in record.mentions:
        mentions_by_entity.setdefault(mention.entity_id, []).append([mention.start, mention.end])
    return {
        "schema": SCHEMA_VERSION,
        "doc": {
            "id": document.id,
            "source": document.source,
            "date": document.date.isoformat() if document.date else None,
            "title": document.title,
            "url": document.url,
            "script": record.script,
            "length": len(document.text),
        },
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "country": entity.country,
                "mentions": mentions_by_entity.get(entity.id, []),
            }
            for entity in record.entities
        ],
        "quantities": [_quantity(q) for q in record.quantities],
        "times": [_time(t) for t in record.times],
        "events": [_event(e) for e in record.events],
    }


def record_json(record: Record) -> str:
    """The record as strict JSON text (no NaN or Infinity), as ``extract`` prints and shards keep it."""
    return json.dumps(record_to_json(record), ensure_ascii=False, allow_nan=False)


class UnreadableRecord(SummitryError, ValueError):
    """A stored JSON record that is not of the shape ``record_to_json`` writes."""

    lead = "the store holds an unreadable"

    def __init__(self, doc_id: str, reason: str) -> None:
        super().__init__(f"record {doc_id}: {reason}")
        self.doc_id = doc_id
        self.reason = reason


def _quantity_from(data: dict[str, Any]) -> Quantity:
    return Quantity(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        value=data["value"],
        unit=data["unit"],
        approx=bool(data.get("approx", False)),
        per=data.get("per"),
        qualifier=data.get("qualifier"),
        low=data.get("low"),
        high=data.get("high"),
    )


def _event_from(data: dict[str, Any]) -> Event:
    evidence = data["evidence"]
    return Event(
        type=data["type"],
        mode=data.get("mode"),
        source=tuple(data.get("source") or ()),
        target=tuple(data.get("target") or ()),
        date=data.get("date"),
        date_from=data.get("date_from"),
        place=data.get("place"),
        quantities=tuple(_quantity_from(q) for q in data.get("quantities") or ()),
        status=data["status"],
        claimed_by=data.get("claimed_by"),
        evidence=Span(evidence["start"], evidence["end"]),
        summary=data.get("summary") or "",
        cameo=data.get("cameo"),
    )


def record_from_json(data: dict[str, Any], text: str) -> Record:
    """The typed Record back from ``record_to_json``'s object and the document's text.

    The JSON keeps no aliases or offices of entities, nor how a mention was linked; a
    record read back has none (mentions say ``how="stored"``). Everything else round-trips.
    """
    doc = data.get("doc") or {}
    doc_id = str(doc.get("id", "?"))
    if data.get("schema") != SCHEMA_VERSION:
        raise UnreadableRecord(doc_id, f"schema is {data.get('schema')!r}, not {SCHEMA_VERSION!r}")
    if doc.get("length") is not None and doc["length"] != len(text):
        raise UnreadableRecord(doc_id, f"the record is of a text of {doc['length']} characters, not {len(text)}")
    try:
        date = dt.date.fromisoformat(doc["date"]) if doc.get("date") else None
        document = Document(
            id=doc_id, source=doc.get("source") or "", text=text, date=date, title=doc.get("title"), url=doc.get("url")
        )
        entities = tuple(
            Entity(id=e["id"], name=e["name"], type=e["type"], country=e.get("country")) for e in data.get("entities") or ()
        )
        mentions = tuple(
            sorted(
                (Mention(start, end, e["id"], how="stored") for e in data.get("entities") or () for start, end in e.get("mentions") or ()),
                key=lambda m: (m.start, m.end),
            )
        )
        return Record(
            document=document,
            script=doc.get("script") or "Zyyy",
            entities=entities,
            mentions=mentions,
            quantities=tuple(_quantity_from(q) for q in data.get("quantities") or ()),
            times=tuple(
                TimeExpr(t["start"], t["end"], t["text"], t.get("value"), t.get("relation"), t.get("first"), t.get("last")) for t in data.get("times") or ()
            ),
            events=tuple(_event_from(e) for e in data.get("events") or ()),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise UnreadableRecord(doc_id, f"{type(error).__name__}: {error}") from None
