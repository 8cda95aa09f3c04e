"""The meeting scorer on small hand-made records, each case one rule of its docstring."""

from __future__ import annotations

import datetime as dt

from summitry.events.scoring import score_meetings
from summitry.model import Document, Entity, Event, Record, Span

PEOPLE = {
    "Q22686": Entity("Q22686", "Donald Trump", "person", "USA"),
    "Q15031": Entity("Q15031", "Xi Jinping", "person", "CHN"),
    "person:sanae-takaichi": Entity("person:sanae-takaichi", "Sanae Takaichi", "person", "JPN"),
    "JPN": Entity("JPN", "Japan", "country", "JPN"),
}
GOLD = {
    "core": [
        {"participants": [["Donald Trump"], ["Xi Jinping"]], "date": "2025-10-30", "docs": ["a.txt"]},
        {"participants": [["Donald Trump"], ["Sanae Takaichi"]], "date": "2025-10-28", "docs": ["a.txt"]},
    ],
    "optional": [{"participants": [["Donald Trump"], ["Naruhito"]], "date": None}],
}


def meeting(source: str, target: str, date: str | None, status: str = "reported", kind: str = "CONSULT", mode: str = "meeting") -> Event:
    return Event(kind, mode, (source,), (target,), date, None, (), status, None, Span(0, 1), f"{source} met {target}")


def record(name: str, *events: Event) -> Record:
    document = Document(id=name, source=f"/seeds/{name}", text="x", date=dt.date(2025, 10, 30))
    return Record(document, "Hant", tuple(PEOPLE.values()), (), (), (), tuple(events))


def test_every_core_meeting_found_once_is_full_recall_and_precision() -> None:
    scores = score_meetings([record("a.txt", meeting("Q22686", "Q15031", "2025-10-30"), meeting("person:sanae-takaichi", "Q22686", "2025-10-28"))], GOLD)
    assert (scores.recall, scores.precision) == (1.0, 1.0)


def test_planned_hypothetical_and_negated_meetings_are_not_counted() -> None:
    events = [meeting("Q22686", "Q15031", "2025-10-30", status) for status in ("planned", "hypothetical", "negated")]
    scores = score_meetings([record("a.txt", *events)], GOLD)
    assert scores.recall == 0.0 and scores.precision == 1.0  # nothing counted, nothing wrong


def test_the_same_meeting_twice_in_one_document_collapses() -> None:
    events = [meeting("Q22686", "Q15031", "2025-10-30"), meeting("Q15031", "Q22686", "2025-10-30"), meeting("Q22686", "Q15031", None)]
    assert score_meetings([record("a.txt", *events)], GOLD).precision == 1.0


def test_the_same_meeting_in_two_documents_counts_once_per_document() -> None:
    scores = score_meetings([record("a.txt", meeting("Q22686", "Q15031", "2025-10-30")), record("b.txt", meeting("Q22686", "Q15031", "2025-10-30"))], GOLD)
    assert scores.precision == 1.0 and scores.recall == 0.5


def test_a_visit_to_a_country_folds_into_the_meeting_with_its_leader() -> None:
    events = [meeting("Q22686", "JPN", None, mode="visit"), meeting("person:sanae-takaichi", "Q22686", "2025-10-28")]
    assert score_meetings([record("a.txt", *events)], GOLD).precision == 1.0


def test_an_unknown_meeting_is_an_error_and_a_vague_date_is_not_unless_strict() -> None:
    unknown = score_meetings([record("a.txt", meeting("Q15031", "person:sanae-takaichi", "2025-10-31"))], GOLD)
    assert unknown.precision == 0.0 and any(m.startswith("extra in a.txt") for m in unknown.misses)
    vague = [record("a.txt", meeting("Q22686", "Q15031", "2025-10"))]
    assert score_meetings(vague, GOLD).precision == 1.0
    assert score_meetings(vague, GOLD, unspecific_is_error=True).precision == 0.0


def test_an_agreement_counts_only_as_a_core_hit() -> None:
    agreement = meeting("Q22686", "Q15031", "2025-10-30", kind="AGREE", mode="deal")
    stray = meeting("Q15031", "person:sanae-takaichi", "2025-10-31", kind="AGREE", mode="deal")
    scores = score_meetings([record("a.txt", agreement, stray)], GOLD)
    assert (scores.recall, scores.precision) == (0.5, 1.0)


def test_misses_name_what_was_missed() -> None:
    scores = score_meetings([record("a.txt", meeting("Q22686", "Q15031", "2025-10-30"))], GOLD)
    assert "missed: Donald Trump & Sanae Takaichi 2025-10-28 (in a.txt)" in scores.misses
