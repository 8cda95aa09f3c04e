"""Scores extraction records against hand-made gold, as ../shared/gold/README.md defines them.

Kept apart from the pipeline so the same numbers can be computed on any gold file of
this shape, not only the seeds'.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from summitry.model import Entity, Quantity, Record, TimeExpr


@dataclass(frozen=True)
class SetScore:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Ratio:
    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 1.0


@dataclass(frozen=True)
class MentionScores:
    persons: SetScore
    countries: SetScore
    surface_recall: Ratio
    quantity_accuracy: Ratio
    quantity_precision: Ratio
    time_accuracy: Ratio
    organization_recall: Ratio
    place_recall: Ratio
    span_errors: int
    misses: tuple[str, ...] = field(default=())


def normalize_name(name: str) -> str:
    """Names compare case-, accent-, space- and hyphen-insensitively."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–—]+", "", stripped).casefold()


def occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Every span where ``surface`` stands in ``text``, overlapping ones included."""
    spans, start = [], text.find(surface) if surface else -1
    while start >= 0:
        spans.append((start, start + len(surface)))
        start = text.find(surface, start + 1)
    return spans


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _set_score(found: set[str], gold: set[str], optional: set[str]) -> SetScore:
    return SetScore(len(found & gold), len(found - gold - optional), len(gold - found))


def _add(a: SetScore, b: SetScore) -> SetScore:
    return SetScore(a.true_positives + b.true_positives, a.false_positives + b.false_positives, a.false_negatives + b.false_negatives)


def mentioned_entities(record: Record) -> list[Entity]:
    """Entities the text names; a party an event only implies (美中元首 -> both leaders) is not one."""
    mentioned = {mention.entity_id for mention in record.mentions}
    return [entity for entity in record.entities if entity.id in mentioned]


def _document_scores(record: Record, gold: dict[str, Any]) -> dict[str, Any]:
    text = record.document.text
    entities = {entity.id: entity for entity in record.entities}
    person_names = {normalize_name(e.name) for e in mentioned_entities(record) if e.type == "person"}
    country_ids = {e.id for e in mentioned_entities(record) if e.type == "country"}
    gold_people = {normalize_name(p["name"]) for p in gold.get("persons", [])}
    optional_people = {normalize_name(n) for n in gold.get("persons_optional", [])}
    gold_countries = {c["id"] for c in gold.get("countries", [])}
    misses: list[str] = []
    mention_spans: dict[str, list[tuple[int, int]]] = {}
    for mention in record.mentions:
        entity = entities[mention.entity_id]
        key = normalize_name(entity.name) if entity.type == "person" else entity.id
        mention_spans.setdefault(key, []).append((mention.start, mention.end))
    surface_hits = surface_total = 0
    for key, surfaces in [(normalize_name(p["name"]), p["surfaces"]) for p in gold.get("persons", [])] + [
        (c["id"], c["surfaces"]) for c in gold.get("countries", [])
    ]:
        for surface in surfaces:
            surface_total += 1
            spans = mention_spans.get(key, [])
            if any(overlaps(o, s) for o in occurrences(text, surface) for s in spans):
                surface_hits += 1
            else:
                misses.append(f"surface {surface!r} of {key}")
    quantity_hits, gold_quantity_spans = 0, []
    for wanted in gold.get("quantities", []):
        found_at = occurrences(text, wanted["text"])
        gold_quantity_spans.extend(found_at)
        if any(
            overlaps(o, (q.start, q.end)) and q.unit == wanted["unit"] and abs(q.value - wanted["value"]) <= 0.005 * abs(wanted["value"])
            for o in found_at
            for q in record.quantities
        ):
            quantity_hits += 1
        else:
            misses.append(f"quantity {wanted['text']!r} = {wanted['value']} {wanted['unit']}")
    stray = [q for q in record.quantities if not any(overlaps((q.start, q.end), g) for g in gold_quantity_spans)]
    misses.extend(f"extra quantity {q.text!r} = {q.value} {q.unit}" for q in stray)
    time_hits = 0
    for wanted in gold.get("times", []):
        found_at = occurrences(text, wanted["text"])
        if any(overlaps(o, (t.start, t.end)) and t.value == wanted["value"] for o in found_at for t in record.times):
            time_hits += 1
        else:
            misses.append(f"time {wanted['text']!r} = {wanted['value']}")
    organization_hits, organization_total = _named_recall(record, gold.get("organizations", []), {"organization", "company"}, misses)
    place_hits, place_total = _named_recall(record, gold.get("places", []), {"place"}, misses)
    misses.extend(f"extra person {n}" for n in sorted(person_names - gold_people - optional_people))
    misses.extend(f"missed person {n}" for n in sorted(gold_people - person_names))
    misses.extend(f"extra country {c}" for c in sorted(country_ids - gold_countries - set(gold.get("countries_optional", []))))
    misses.extend(f"missed country {c}" for c in sorted(gold_countries - country_ids))
    return {
        "persons": _set_score(person_names, gold_people, optional_people),
        "countries": _set_score(country_ids, gold_countries, set(gold.get("countries_optional", []))),
        "surface": (surface_hits, surface_total),
        "quantities": (quantity_hits, len(gold.get("quantities", []))),
        "quantity_precision": (len(record.quantities) - len(stray), len(record.quantities)),
        "times": (time_hits, len(gold.get("times", []))),
        "organizations": (organization_hits, organization_total),
        "places": (place_hits, place_total),
        "span_errors": span_errors(record),
        "misses": [f"{Path(record.document.source).name}: {m}" for m in misses],
    }


def _named_recall(record: Record, wanted: list[dict[str, Any]], types: set[str], misses: list[str]) -> tuple[int, int]:
    """Recall-only lists (organisations, places): a gold name found when an entity of that name, or
    an entity of the right kind mentioned at one of the gold surfaces, is in the record."""
    text = record.document.text
    names = {normalize_name(e.name) for e in record.entities if e.type in types}
    kinds = {e.id for e in record.entities if e.type in types}
    spans = [(m.start, m.end) for m in record.mentions if m.entity_id in kinds]
    hits = 0
    for item in wanted:
        at_surface = any(overlaps(o, s) for surface in item.get("surfaces", []) for o in occurrences(text, surface) for s in spans)
        if normalize_name(item["name"]) in names or at_surface:
            hits += 1
        else:
            misses.append(f"{'/'.join(sorted(types))} {item['name']!r}")
    return hits, len(wanted)


def span_errors(record: Record) -> int:
    """Spans whose offsets do not give back their text (mentions have no text, so only bounds)."""
    text = record.document.text
    bad = sum(1 for m in record.mentions if not (0 <= m.start < m.end <= len(text)))
    spans: tuple[Quantity | TimeExpr, ...] = (*record.quantities, *record.times)
    bad += sum(1 for item in spans if text[item.start : item.end] != item.text)
    return bad


def score_mentions(records: Iterable[Record], gold: dict[str, Any]) -> MentionScores:
    """Micro-averaged scores over the documents the gold file names (matched by file name)."""
    docs = gold["docs"]
    totals: dict[str, Any] = {
        "persons": SetScore(0, 0, 0),
        "countries": SetScore(0, 0, 0),
        "surface": (0, 0),
        "quantities": (0, 0),
        "quantity_precision": (0, 0),
        "times": (0, 0),
        "organizations": (0, 0),
        "places": (0, 0),
        "span_errors": 0,
        "misses": [],
    }
    for record in records:
        name = Path(record.document.source).name
        if name not in docs:
            continue
        scores = _document_scores(record, docs[name])
        for key in ("persons", "countries"):
            totals[key] = _add(totals[key], scores[key])
        for key in ("surface", "quantities", "quantity_precision", "times", "organizations", "places"):
            totals[key] = (totals[key][0] + scores[key][0], totals[key][1] + scores[key][1])
        totals["span_errors"] += scores["span_errors"]
        totals["misses"].extend(scores["misses"])
    return MentionScores(
        persons=totals["persons"],
        countries=totals["countries"],
        surface_recall=Ratio(*totals["surface"]),
        quantity_accuracy=Ratio(*totals["quantities"]),
        quantity_precision=Ratio(*totals["quantity_precision"]),
        time_accuracy=Ratio(*totals["times"]),
        organization_recall=Ratio(*totals["organizations"]),
        place_recall=Ratio(*totals["places"]),
        span_errors=totals["span_errors"],
        misses=tuple(totals["misses"]),
    )
