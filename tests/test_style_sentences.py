"""The whole extraction on our own sentences written in the styles of HK, Taiwan and mainland news.

tests/data/style_sentences.yaml was written by hand after reading real articles (the outlets
and constructions are listed in tests/data/STYLE_NOTES.md; no article text is copied) and
checked by hand against SCHEMA.md. A sentence marked `known_gap` names what the extractor still
gets wrong; it is expected to fail (strict), so fixing it makes the marker itself fail.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from summitry.evaluate import mentioned_entities, normalize_name, occurrences, overlaps
from summitry.pipeline import extract

CASES = yaml.safe_load((Path(__file__).parent / "data" / "style_sentences.yaml").read_text(encoding="utf-8"))


def differences(case: dict) -> list[str]:
    """Everything the record gets wrong about one sentence, in words."""
    text = case["text"]
    date = case.get("date")
    record = extract(text, dt.date.fromisoformat(str(date)) if date else None)
    problems: list[str] = []
    people = {normalize_name(e.name) for e in mentioned_entities(record) if e.type == "person"}
    wanted_people = {normalize_name(n) for n in case.get("persons") or []}
    optional_people = {normalize_name(n) for n in case.get("persons_optional") or []}
    problems += [f"missed person {p}" for p in wanted_people - people]
    problems += [f"extra person {p}" for p in people - wanted_people - optional_people]
    countries = {e.id for e in mentioned_entities(record) if e.type == "country"}
    wanted_countries = set(case.get("countries") or [])
    problems += [f"missed country {c}" for c in wanted_countries - countries]
    problems += [f"extra country {c}" for c in countries - wanted_countries - set(case.get("countries_optional") or [])]
    gold_spans = []
    for wanted in case.get("quantities") or []:
        found_at = occurrences(text, wanted["text"])
        gold_spans += found_at
        if not any(
            overlaps(o, (q.start, q.end)) and q.unit == wanted["unit"] and abs(q.value - wanted["value"]) <= 0.005 * abs(wanted["value"])
            for o in found_at
            for q in record.quantities
        ):
            problems.append(f"missed quantity {wanted['text']} = {wanted['value']} {wanted['unit']}")
    problems += [f"extra quantity {q.text} = {q.value} {q.unit}" for q in record.quantities if not any(overlaps((q.start, q.end), g) for g in gold_spans)]
    for wanted in case.get("times") or []:
        if not any(overlaps(o, (t.start, t.end)) and t.value == wanted["value"] for o in occurrences(text, wanted["text"]) for t in record.times):
            problems.append(f"missed time {wanted['text']} = {wanted['value']}")
    return problems


def _param(case: dict):
    marks = [pytest.mark.xfail(reason=case["known_gap"], strict=True)] if case.get("known_gap") else []
    return pytest.param(case, id=case["text"][:24], marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_style_sentence(case: dict) -> None:
    assert differences(case) == []
