"""The record's JSON shape (SCHEMA.md §1) and the way back to a typed Record."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry import extract
from summitry.record import UnreadableRecord, record_from_json, record_to_json
from tests.conftest import seed_paths


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_a_seed_record_round_trips(path) -> None:
    text = path.read_text(encoding="utf-8")
    record = extract(text, source=str(path))
    stored = record_to_json(record)
    back = record_from_json(stored, text)
    assert record_to_json(back) == stored
    assert back.events == record.events
    assert back.document == record.document


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda data: data.update(schema="summitry/0"), "schema"),
        (lambda data: data["doc"].update(length=3), "characters"),
        (lambda data: data["events"][0].pop("evidence"), "evidence"),
    ],
    ids=["schema", "length", "missing-field"],
)
def test_a_record_of_another_shape_is_refused_with_its_reason(change, reason: str) -> None:
    text = "川普與習近平30日在釜山會晤。"
    data = record_to_json(extract(text))
    change(data)
    with pytest.raises(UnreadableRecord, match=reason):
        record_from_json(data, text)


def test_a_range_and_a_span_of_months_round_trip_with_their_bounds() -> None:
    text = "中方將採購3至5億美元的美國大豆，今年前三季出口增長。"
    record = extract(text, dt.date(2025, 10, 30))
    data = record_to_json(record)
    assert [(q["text"], q["value"], q["low"], q["high"]) for q in data["quantities"]] == [
        ("3至5億美元", 300_000_000, 300_000_000, 500_000_000)
    ]
    assert [(t["text"], t["value"], t["first"], t["last"]) for t in data["times"]] == [("今年前三季", "2025", "2025-01", "2025-09")]
    again = record_from_json(data, text)
    assert again.quantities == record.quantities and again.times == record.times
