"""Meetings the text names only as earlier ones: as the source of a consensus (落實兩國元首
會晤共識), inside a 自…後 frame, or a plan in a narrative whose day is set. None takes the day of
the news. Our own sentences, in the wording of ministry statements and wire copy."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

FILED = dt.date(2025, 10, 16)


def meeting_dates(text: str, on: dt.date = FILED) -> list[tuple[str | None, str]]:
    return [(f.date, f.status) for f in facts(text, on) if f.type == "CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        # a consensus of a meeting names the meeting, held before: no day from the lead
        "商務部15日表示，中方同美方就落實兩國元首通話共識進行了溝通。雙方應不折不扣落實習近平和拜登在峇里島的會晤共識。",
        "外交部發言人14日說，美方的做法嚴重違背兩國元首大阪會晤所達成的共識。",
    ],
)
def test_a_meeting_named_by_its_consensus_takes_no_day_of_the_news(text: str) -> None:
    assert all(date is None for date, _ in meeting_dates(text)), meeting_dates(text)


def test_its_twin_a_meeting_in_the_news_takes_the_day_of_its_sentence() -> None:
    assert ("2025-10-15", "reported") in meeting_dates("習近平15日在北京會見拜登，雙方同意落實會晤共識。")


def test_a_manner_of_doing_is_no_denial() -> None:
    """不折不扣落實…共識: 不 here says how fully, so the event stays reported."""
    assert [status for _, status in meeting_dates("雙方應不折不扣落實習近平和拜登在峇里島的會晤共識。")] == ["reported"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 自…後 frames the earlier meeting: its month is not the new one's
        ("這是習近平和拜登自去年11月在峇里島舉行會晤後的首次會面。", [(None, "reported")]),
        # twin: with the frame gone the month dates the meeting
        ("習近平和拜登去年11月在峇里島會晤。", [("2024-11", "reported")]),
    ],
)
def test_a_time_inside_a_since_frame_dates_the_earlier_meeting(text: str, expected: list) -> None:
    assert meeting_dates(text) == expected


def test_a_plan_takes_no_day_from_the_scene() -> None:
    """The narrative's day (15日…, a paragraph before) dates what happened that day, not a
    meeting planned then."""
    text = "拜登15日抵達北京。\n國家主席習近平將同拜登舉行會晤。"
    assert (None, "planned") in meeting_dates(text)
    twin = "拜登15日抵達北京。\n國家主席習近平同拜登舉行會晤。"
    assert ("2025-10-15", "reported") in meeting_dates(twin)


def test_a_page_time_stamp_sets_no_scene() -> None:
    """A posting time (page chrome) is when the page went up, not a day the story names."""
    text = "中美元首會晤官宣\n2025-10-15 23:30\n外界關注已久的中美元首會晤終於官宣。"
    # the headline and the sentence name one meeting, reported once (test_told_once.py)
    assert [date for date, _ in meeting_dates(text)] == [None]
    twin = "中美元首會晤官宣\n10月15日，習近平同特朗普舉行會晤。\n外界關注已久的中美元首會晤順利舉行。"
    assert meeting_dates(twin)[-1][0] == "2025-10-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call planned after a call held is not the one held
        ("習近平15日同拜登通電話。雙方約定兩週內再次通話。", (None, "planned")),
    ],
)
def test_a_plan_takes_no_day_from_the_sentence_before(text: str, expected: tuple) -> None:
    assert expected in meeting_dates(text), meeting_dates(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the twins: held, the same meetings take the day of the sentence or the lead
        # a plan may take the day it was stated in its own sentence (GOLD.md's convention)
        ("川普14日表示，預計兩週內在布達佩斯會晤普丁。", ("2025-10-14", "planned")),
        ("習近平15日同拜登通電話。雙方在通話中交換了意見。", ("2025-10-15", "reported")),
        # a plan with a time in its own clause keeps it
        ("川普表示，預計10月30日在釜山會晤習近平。", ("2025-10-30", "planned")),
    ],
)
def test_the_twins_keep_their_dates(text: str, expected: tuple) -> None:
    assert expected in meeting_dates(text), meeting_dates(text)


def meetings(text: str) -> list[tuple[str | None, str]]:
    return [(f.date, f.status) for f in facts(text, FILED) if f.type == "CONSULT" and f.mode == "meeting"]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a meeting on record, named again as the time of something else, is not a second one
        ("習近平15日在北京同拜登舉行會晤。兩人在會面前分別向媒體致意。", 1),
        ("習近平15日在北京同拜登舉行會晤。拜登在會談結束後表示，成果豐碩。", 1),
        # the twins: told first as a frame (after a plan only), or with a day of its own, it stays
        ("習近平將同拜登會面。習近平在與拜登會面時說，兩國應加強溝通。", 2),
        ("習近平15日在北京同拜登舉行會晤。兩人16日再度會晤後共進午餐。", 2),
    ],
)
def test_a_meeting_named_as_a_time_is_not_told_again(text: str, count: int) -> None:
    assert len(meetings(text)) == count, meetings(text)


def test_a_name_after_the_word_is_no_frame() -> None:
    """中 opening 中國 after the word is a party, not 'during'."""
    assert len(meetings("越南總理范明正同習近平會晤。范明正隨後再次會見中國國家主席習近平。")) == 2


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        # a level that has held since a time changed when the span opened
        ("自7月底以來，日本汽車關稅已降至15%。", "CONCEDE", "2025-07"),
        # ... but a span before a meeting says since when, not when
        ("自2018年以來，習近平和普丁多次會面。", "CONSULT", None),
    ],
)
def test_a_since_span_dates_only_a_change_of_level(text: str, kind: str, date: str | None) -> None:
    found = [f.date for f in facts(text, FILED) if f.type == kind]
    assert found == [date]


def test_a_time_read_across_a_name_dates_nothing() -> None:
    """安倍晉三日前: 三 ends the name, so there is no 三日前 (three days ago); its twin's day holds."""
    assert meeting_dates("日本首相安倍晉三日前與川普會面。") == [(None, "reported")]
    assert meeting_dates("日本首相安倍晉三14日與川普會面。") == [("2025-10-14", "reported")]


def test_a_meeting_of_days_ago_takes_no_day_of_the_news() -> None:
    """日前 (a few days ago) marks an earlier meeting: no day from the sentence before."""
    calls = [f.date for f in facts("拜登15日抵達東京。岸田文雄日前與拜登通電話。", FILED) if f.mode == "call"]
    assert calls == [None]
    twin = [f.date for f in facts("拜登15日抵達東京。岸田文雄當天與拜登通電話。", FILED) if f.mode == "call"]
    assert twin == ["2025-10-15"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting cited only as the source of a consensus or of results: no meeting reported
        ("中方願同美方落實兩國元首通話共識，推動經貿關係穩定發展。", []),
        ("習近平表示，雙方要落實好兩國元首會晤成果。", []),
        ("商務部發言人稱，中方按照中美元首通話精神，與美方保持溝通。", []),
        # twin: a place of its own names one meeting (the San Francisco summit), kept undated
        ("雙方應落實習近平主席和拜登總統舊金山會晤共識。", [(None, "meeting")]),
        # twin: a day of its own dates it
        ("中方願同美方落實兩國元首10月3日會晤共識。", [("2025-10-03", "meeting")]),
        # twin: the call reported as news
        ("中美兩國元首15日通話，達成重要共識。", [("2025-10-15", "call")]),
    ],
)
def test_a_meeting_cited_as_a_consensus_source_is_no_meeting(text: str, expected: list) -> None:
    assert [(f.date, f.mode) for f in facts(text, FILED) if f.type == "CONSULT" and f.mode in ("meeting", "call")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agreement reached before, cited as what is kept or broken now: none reached here
        ("中方願同越方一道，落實好兩國領導人達成的重要共識。", []),
        ("外交部發言人說，美方的做法違背兩國元首達成的共識。", []),
        # twin: an agreement reached, reported as news
        ("越南與老撾領導人15日達成重要共識，同意加強互聯互通。", [("2025-10-15", "deal")]),
    ],
)
def test_an_agreement_cited_as_kept_or_broken_is_no_agreement(text: str, expected: list) -> None:
    assert [(f.date, f.mode) for f in facts(text, FILED) if f.type == "AGREE"] == expected
