"""Datelines of wire copy: relative days after one count from the day it names."""

import datetime as dt

import pytest

from summitry.measure.times import extract_times
from summitry.text import build_view

PUBLISHED = dt.date(2025, 10, 31)


def values(text: str, date: dt.date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(time.text, time.value) for time in extract_times(build_view(text), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Taipei pages carry the next day's date: 今天 is the dateline's day.
        ("（中央社記者陳大文華盛頓30日專電）美國國務卿今天表示將訪問亞洲。", [("30日", "2025-10-30"), ("今天", "2025-10-30")]),
        ("（中央社首爾30日綜合外電報導）南韓總統昨天抵達慶州。", [("30日", "2025-10-30"), ("昨天", "2025-10-29")]),
        ("【大紀元10月30日訊】日本首相明天將出席峰會。", [("10月30日", "2025-10-30"), ("明天", "2025-10-31")]),
        ("（路透東京30日電）日本政府今晨宣布新措施。", [("30日", "2025-10-30"), ("今晨", "2025-10-30")]),
        ("新華社北京10月30日電 國家主席今天會見來訪的總理。", [("10月30日", "2025-10-30"), ("今天", "2025-10-30")]),
        ("中新网10月30日电 外交部发言人今日表示。", [("10月30日", "2025-10-30"), ("今日", "2025-10-30")]),
        ("文/中央社記者張三曼谷30日專電\n泰國總理昨晚會見外長。", [("30日", "2025-10-30"), ("昨晚", "2025-10-29")]),
        ("【星島社北京卅日電】外長今日出席招待會。", [("卅日", "2025-10-30"), ("今日", "2025-10-30")]),
        # After a headline line.
        ("日相訪韓首度會晤李在明\n（中央社記者林四東京30日專電）首相今天出發。", [("30日", "2025-10-30"), ("今天", "2025-10-30")]),
        # The dateline may be a day after publication (time zones), never further ahead.
        ("（中央社記者陳大文台北1日電）總統今天出訪。", [("1日", "2025-11-01"), ("今天", "2025-11-01")]),
        ("（中央社記者陳大文台北2日電）總統今天出訪。", [("2日", "2025-10-02"), ("今天", "2025-10-02")]),
    ],
)
def test_relative_days_count_from_the_dateline(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No dateline: the publication date.
        ("美國總統今天表示將訪問亞洲。", [("今天", "2025-10-31")]),
        # A source cited mid-sentence is no dateline.
        ("路透社30日報導，川普今天表示。", [("30日", "2025-10-30"), ("今天", "2025-10-31")]),
        # Deep in the text, not after the headline: no dateline.
        ("首段" + "很長的內容" * 20 + "。\n第二段\n（中央社記者陳大文台北30日電）總統今天出訪。",
         [("30日", "2025-10-30"), ("今天", "2025-10-31")]),
    ],
)
def test_without_a_dateline_the_publication_date_counts(text, expected):
    assert values(text) == expected


def test_a_dateline_with_its_year_needs_no_document_date():
    assert values("【新唐人北京時間2025年10月30日訊】首相今天抵達。", None) == [
        ("2025年10月30日", "2025-10-30"),
        ("今天", "2025-10-30"),
    ]
