"""The record's JSON shape (SCHEMA.md §1) and the way back to a typed Record."""

from __future__ import annotations

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
