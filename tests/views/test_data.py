"""The views' data files keep their own rules: known event types and modes, unique topics."""

from __future__ import annotations

from summitry.events.lexicon import PLOVER_TYPES, read_data
from summitry.views.lexicon import view_data

TRIGGER_KEYS = {(group["type"], group.get("mode")) for group in read_data("triggers.yaml")["groups"]}


def _pairs(entries) -> set[tuple[str, str]]:
    return {tuple(entry.split("/", 1)) for entry in entries}


def test_ledger_kinds_name_events_the_events_stage_reports() -> None:
    raw = view_data("ledger.yaml")
    table_kinds = {(kind["type"], kind["mode"]) for kind in read_data("tables.yaml")["kinds"]}
    for kind in raw["kinds"]:
        events = _pairs(kind["events"])
        assert events <= TRIGGER_KEYS | table_kinds, kind["name"]
        assert _pairs(kind.get("one_sided") or ()) <= events
        assert kind["needs"] in ("amount", "parties")
        assert kind["pledger"] in ("source", "target") and kind["beneficiary"] in ("source", "target")
        assert set(kind.get("fallback") or ()) <= {"place", "object", "seller", "counterpart"}


def test_ledger_items_and_verbs_have_words() -> None:
    raw = view_data("ledger.yaml")
    for section, label in (("items", "item"), ("verbs", "verb"), ("tariffs", "name")):
        for entry in raw[section]:
            assert entry["words"] and entry[label], entry


def test_meeting_events_are_known() -> None:
    raw = view_data("meetings.yaml")
    for section in ("anchors", "joiners", "dated_only"):
        for kind, modes in raw[section].items():
            assert kind in PLOVER_TYPES
            assert {(kind, mode) for mode in modes} <= TRIGGER_KEYS


def test_topics_are_unique_and_have_words() -> None:
    topics = view_data("readouts.yaml")["topics"]
    names = [entry["topic"] for entry in topics]
    assert len(names) == len(set(names))
    assert all(entry["words"] for entry in topics)
