"""Events of a sentence as short readable facts, so test cases read like the sentences they test."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summitry import extract
from summitry.actors import load_knowledge_base

NEWS_DAY = dt.date(2025, 10, 30)


@dataclass(frozen=True)
class Fact:
    type: str
    mode: str | None
    source: frozenset[str]  # ISO3 for countries, English names for everyone else
    target: frozenset[str]
    date: str | None
    place: str | None
    status: str
    claimed_by: str | None
    amounts: tuple[str, ...]
    summary: str

    @property
    def parties(self) -> frozenset[str]:
        return self.source | self.target


def facts(text: str, on: dt.date | None = NEWS_DAY) -> list[Fact]:
    record = extract(text, on)
    known = {**load_knowledge_base().entities, **{e.id: e for e in record.entities}}

    def label(entity_id: str | None) -> str | None:
        if entity_id is None:
            return None
        entity = known.get(entity_id)
        return entity_id if entity is None or entity.type == "country" else entity.name

    return [
        Fact(
            type=e.type,
            mode=e.mode,
            source=frozenset(label(i) for i in e.source),
            target=frozenset(label(i) for i in e.target),
            date=e.date,
            place=e.place,
            status=e.status,
            claimed_by=label(e.claimed_by),
            amounts=tuple(q.text for q in e.quantities),
            summary=e.summary,
        )
        for e in record.events
    ]


def only(text: str, kind: str, on: dt.date | None = NEWS_DAY) -> Fact:
    """The one event of ``kind`` ("CONSULT" or "CONSULT/visit") the sentence reports."""
    found = [f for f in facts(text, on) if kind in (f.type, f"{f.type}/{f.mode}")]
    assert len(found) == 1, f"{kind} in {text!r}: {found}"
    return found[0]
