"""The events scorer (evaluation/events.py) on a small gold of our own and records built by hand,
so the counting rules of docs/evaluation/GOLD.md are checked apart from what the extractor
does today. No test reads eval-cache/."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.actors import load_knowledge_base
from summitry.evaluation.events import EventsReport, judge_events, score_article
from summitry.evaluation.gold import GoldArticle
from summitry.evaluation.names import NameResolver
from summitry.model import Document, Entity, Event, Mention, Quantity, Record, Span

TEXT = (
    "date 2025-03-04\n"
    "外交部副部長孫衛東3日召見日本駐華大使。"
    "美國總統川普3日在白宮與日本首相石破茂會談。"
    "石破茂表示，日本將對美國投資1兆美元。"
)
# Sentence 1 is the date line (GOLD.md numbers the whole file), so the three stories are 2, 3, 4.

PEOPLE = {
    "Q22686": Entity("Q22686", "Donald Trump", "person", "USA"),
    "person:shigeru-ishiba": Entity("person:shigeru-ishiba", "Shigeru Ishiba", "person", "JPN"),
    "person:unknown:sun": Entity("person:unknown:sun", "孫衛東", "person", "CHN"),
    "CHN": Entity("CHN", "China", "country"),
    "JPN": Entity("JPN", "Japan", "country"),
    "USA": Entity("USA", "United States", "country"),
}


@pytest.fixture(scope="module")
def resolver() -> NameResolver:
    return NameResolver(load_knowledge_base())


def _event(type_: str, source: tuple, target: tuple, within: str, **fields) -> Event:
    start = TEXT.index(within)
    values = {"mode": None, "date": None, "place": None, "quantities": (), "status": "reported", "claimed_by": None}
    values.update(fields)
    return Event(type=type_, source=source, target=target, evidence=Span(start, start + len(within)), summary="", **values)


def _record(*events: Event) -> Record:
    mentions = tuple(Mention(TEXT.index(name), TEXT.index(name) + len(name), entity) for name, entity in (("川普", "Q22686"), ("石破茂", "person:shigeru-ishiba"), ("孫衛東", "person:unknown:sun")))
    return Record(
        document=Document(id="t", source="t.txt", text=TEXT, date=dt.date(2025, 3, 4)),
        script="Hant",
        entities=tuple(PEOPLE.values()),
        mentions=mentions,
        quantities=(),
        times=(),
        events=events,
    )


def _gold(**extra) -> GoldArticle:
    data = {
        "id": "t001",
        "outlet": "CNA",
        "script": "Hant",
        "date": "2025-03-04",
        "events": [
            {"at": 2, "type": "PROTEST", "source": ["China"], "target": ["Japan"], "date": "2025-03-03"},
            {"at": 3, "type": "CONSULT", "mode": "meeting", "source": ["Donald Trump"], "target": ["Shigeru Ishiba"], "date": "2025-03-03", "place": "White House"},
            {"at": 4, "type": "COOPERATE", "source": ["Japan"], "target": ["United States"], "status": ["planned", "claimed"],
             "claimed_by": "Shigeru Ishiba", "amounts": [[1.0e12, "USD"]]},
        ],
    }
    data.update(extra)
    return GoldArticle.model_validate(data)


MEETING = "美國總統川普3日在白宮與日本首相石破茂會談"
PLEDGE = "日本將對美國投資1兆美元"
PROTEST = "召見日本駐華大使"
PLEDGE_AMOUNT = Quantity(0, 1, "1兆美元", 1.0e12, "USD")


def _right_record(**overrides) -> Record:
    meeting = {"mode": "meeting", "date": "2025-03-03", "place": "White House"} | overrides.get("meeting", {})
    return _record(
        _event("PROTEST", ("person:unknown:sun",), ("JPN",), PROTEST, date="2025-03-03"),
        _event("CONSULT", ("person:shigeru-ishiba",), ("Q22686",), MEETING, **meeting),  # sides unordered for a meeting
        _event("COOPERATE", ("JPN",), ("USA",), PLEDGE, status="claimed", claimed_by="person:shigeru-ishiba", quantities=(PLEDGE_AMOUNT,)),
    )


def test_every_field_right_is_fully_right_and_a_country_stands_for_its_official(resolver: NameResolver) -> None:
    verdicts = judge_events(_gold(), _right_record(), resolver)
    assert [(v.outcome, v.fully_right) for v in verdicts] == [("right", True)] * 3


@pytest.mark.parametrize(
    ("changed", "error"),
    [
        ({"date": "2025-03-04"}, "date"),
        ({"status": "planned"}, "status"),
        ({"place": "Washington"}, "place"),
        ({"mode": "call"}, None),  # a mode other than the gold's is counted apart and spoils nothing
    ],
)
def test_a_wrong_field_is_classed_by_the_first_that_fails(resolver: NameResolver, changed: dict, error: str | None) -> None:
    verdicts = judge_events(_gold(), _right_record(meeting=changed), resolver)
    meeting = verdicts[1]
    assert meeting.error == error
    assert meeting.outcome == ("right" if error in ("place", None) else "wrong")
    assert meeting.fully_right is (error is None)
    assert meeting.mode_wrong is ("mode" in changed)


def test_an_empty_target_is_a_party_error_not_a_miss(resolver: NameResolver) -> None:
    record = _record(_event("PROTEST", ("CHN",), (), PROTEST, date="2025-03-03"))
    protest = judge_events(_gold(events=[_gold().events[0].model_dump()]), record, resolver)[0]
    assert (protest.outcome, protest.error) == ("wrong", "parties")


def test_a_reversed_directed_event_is_a_party_error(resolver: NameResolver) -> None:
    record = _record(_event("COOPERATE", ("USA",), ("JPN",), PLEDGE, status="planned", quantities=(PLEDGE_AMOUNT,)))
    pledge = judge_events(_gold(events=[_gold().events[2].model_dump()]), record, resolver)[0]
    assert (pledge.outcome, pledge.error) == ("wrong", "parties")


def test_a_claim_by_the_wrong_speaker_is_a_claimant_error(resolver: NameResolver) -> None:
    record = _record(_event("COOPERATE", ("JPN",), ("USA",), PLEDGE, status="claimed", claimed_by="Q22686", quantities=(PLEDGE_AMOUNT,)))
    pledge = judge_events(_gold(events=[_gold().events[2].model_dump()]), record, resolver)[0]
    assert (pledge.outcome, pledge.error) == ("wrong", "claimant")


def test_an_amount_off_by_more_than_one_percent_spoils_only_full_rightness(resolver: NameResolver) -> None:
    wrong_amount = Quantity(0, 1, "1兆美元", 1.02e12, "USD")
    record = _record(_event("COOPERATE", ("JPN",), ("USA",), PLEDGE, status="planned", quantities=(wrong_amount,)))
    pledge = judge_events(_gold(events=[_gold().events[2].model_dump()]), record, resolver)[0]
    assert (pledge.outcome, pledge.error, pledge.fully_right) == ("right", "amounts", False)


def test_missed_spurious_and_one_meeting_reported_twice(resolver: NameResolver) -> None:
    record = _record(
        _event("CONSULT", ("Q22686",), ("person:shigeru-ishiba",), MEETING, mode="meeting", date="2025-03-03", place="White House"),
        _event("CONSULT", ("Q22686",), ("person:shigeru-ishiba",), "會談", mode="talks", date="2025-03-03"),
    )
    verdicts = judge_events(_gold(), record, resolver)
    outcomes = sorted(v.outcome for v in verdicts)
    assert outcomes == ["missed", "missed", "right", "spurious"]
    spurious = next(v for v in verdicts if v.outcome == "spurious")
    assert spurious.sentence == 3


def test_an_event_whose_parties_all_differ_does_not_rescue_a_miss(resolver: NameResolver) -> None:
    record = _record(_event("PROTEST", ("USA",), ("Q22686",), PROTEST, date="2025-03-03"))
    verdicts = judge_events(_gold(events=[_gold().events[0].model_dump()]), record, resolver)
    assert sorted(v.outcome for v in verdicts) == ["missed", "spurious"]


def test_scores_sum_over_articles_with_views_and_officials(resolver: NameResolver) -> None:
    gold = _gold(
        meetings=[{"participants": ["Donald Trump", ["Japan", "Shigeru Ishiba"]], "date": "2025-03-03"}],
        officials=["Donald Trump", "Shigeru Ishiba", "Takeshi Iwaya"],
    )
    report = EventsReport((score_article(gold, _right_record(), resolver),), skipped=("t002",))
    summary = report.as_json()
    assert summary["events"] == {"total": 3, "right": 3, "fully_right": 3, "missed": 0, "spurious": 0}
    assert summary["officials_linked"] == {"linked": 2, "total": 3}
    assert summary["skipped"] == ["t002"]
    assert summary["meetings"]["recall"] == 1.0
    assert report.by_type()["PROTEST"].right == 1
    assert any("Takeshi Iwaya" in line for line in report.misses())


def test_a_place_or_mode_list_accepts_any_of_its_members(resolver: NameResolver) -> None:
    gold = _gold(events=[_gold().events[1].model_dump() | {"place": ["White House", "Washington"], "mode": ["meeting", "call"]}])
    record = _record(_event("CONSULT", ("Q22686",), ("person:shigeru-ishiba",), MEETING, mode="call", date="2025-03-03", place="Washington"))
    meeting = judge_events(gold, record, resolver)[0]
    assert (meeting.outcome, meeting.fully_right, meeting.mode_wrong) == ("right", True, False)
