"""The JSON shape of a Record, exactly as ../shared/SCHEMA.md §1 specifies it."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from summitry.model import SCHEMA_VERSION, Event, Quantity, Record, TimeExpr


def _quantity(quantity: Quantity) -> dict[str, Any]:
    value = quantity.value
    return {
        "start": quantity.start,
        "end": quantity.end,
        "text": quantity.text,
        "value": int(value) if float(value).is_integer() and abs(value) < 2**63 else value,
        "unit": quantity.unit,
        "approx": quantity.approx,
        "per": quantity.per,
        "qualifier": quantity.qualifier,
    }


def _time(time: TimeExpr) -> dict[str, Any]:
    return {"start": time.start, "end": time.end, "text": time.text, "value": time.value, "relation": time.relation}


def _event(event: Event) -> dict[str, Any]:
    return {
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source": list(event.source),
        "target": list(event.target),
        "date": event.date,
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
