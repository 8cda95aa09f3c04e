"""The events stage on the five seeds: every core meeting of the gold, few meetings beyond it.

The gold (shared/gold/seeds-meetings-ledger.json) was written by hand; this test reads it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitry.actors import load_knowledge_base
from summitry.events.lexicon import PLOVER_TYPES
from summitry.events.scoring import score_meetings
from summitry.ingest import read_documents
from summitry.model import Record
from summitry.pipeline import extract_document

SHARED = Path(__file__).resolve().parents[3] / "shared"
GOLD = json.loads((SHARED / "gold" / "seeds-meetings-ledger.json").read_text(encoding="utf-8"))["meetings"]
STATUSES = {"reported", "claimed", "planned", "hypothetical", "negated"}


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [extract_document(d) for d in read_documents([str(SHARED / "seeds")])]


@pytest.mark.parametrize("index", range(len(GOLD["core"])), ids=lambda i: " & ".join(s[0] for s in GOLD["core"][i]["participants"]))
def test_every_core_meeting_is_found(records: list[Record], index: int) -> None:
    one = {"core": [GOLD["core"][index]], "optional": GOLD["optional"]}
    assert score_meetings(records, one).recall == 1.0


def test_at_most_one_reported_meeting_in_five_lies_outside_the_gold(records: list[Record]) -> None:
    scores = score_meetings(records, GOLD)
    assert scores.precision >= 0.8, scores.misses


def test_every_event_is_well_formed(records: list[Record]) -> None:
    known = load_knowledge_base().entities
    for record in records:
        text = record.document.text
        ids = {e.id for e in record.entities} | set(known)
        for event in record.events:
            assert event.type in PLOVER_TYPES and event.status in STATUSES
            assert 0 <= event.evidence.start < event.evidence.end <= len(text)
            assert set(event.source) | set(event.target) <= ids
            assert event.claimed_by is None or event.claimed_by in ids
            assert all(text[q.start : q.end] == q.text for q in event.quantities)
            assert event.summary and "\n" not in event.summary
            assert not any("\u4e00" <= c <= "\u9fff" for c in event.summary), event.summary  # English only
