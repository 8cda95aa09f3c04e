"""The date header and the title, as the first lines of our own test texts state them."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.ingest.header import InvalidDate, date_header, parse_iso_date, title_of


@pytest.mark.parametrize(
    "text, expected",
    [
        (" date 2025-10-28 美國總統第二任期首次訪問亞洲。", dt.date(2025, 10, 28)),
        ("date 2025-10-30\n兩國元首會談。", dt.date(2025, 10, 30)),
        ("\tdate 2025-08-16\r\n峰會落幕。", dt.date(2025, 8, 16)),
        ("date 2025-01-05峰會前夕。", dt.date(2025, 1, 5)),
        ("兩國元首會談。 date 2025-10-28", None),
        ("update 2025-10-28 兩國元首會談。", None),
        ("date 2025-10-281 兩國元首會談。", None),
        ("date: 2025-10-28 兩國元首會談。", None),
        ("\ndate 2025-10-28 header on the second line", None),
    ],
)
def test_date_header(text, expected):
    assert date_header(text)[0] == expected


@pytest.mark.parametrize(
    "text, header",
    [
        (" date 2025-10-28 美國總統訪問亞洲。", " date 2025-10-28"),
        # the same header stated again right after it (a cached excerpt under the file's own
        # header) is header too: read as text it would be a day the story names
        ("date 2025-10-28\n date 2025-10-28 美國總統訪問亞洲。", "date 2025-10-28\n date 2025-10-28"),
        ("date 2025-10-28 date 2025-10-28 美國總統訪問亞洲。", "date 2025-10-28 date 2025-10-28"),
        # ... or the same date to the month only
        ("date 2018-09-19\n date 2018-09 南北韓領袖會談。", "date 2018-09-19\n date 2018-09"),
        # ... but not another date, nor one a blank line or the text sets apart
        ("date 2018-09-19\n date 2018-08 南北韓領袖會談。", "date 2018-09-19"),
        ("date 2025-10-28\n date 2025-10-27 美國總統訪問亞洲。", "date 2025-10-28"),
        ("date 2025-10-28\n\n date 2025-10-28 美國總統訪問亞洲。", "date 2025-10-28"),
        ("date 2025-10-28 美國總統 date 2025-10-28 訪問亞洲。", "date 2025-10-28"),
    ],
)
def test_header_end_points_past_the_date(text, header):
    _, end = date_header(text)
    assert text[:end] == header


@pytest.mark.parametrize("bad", ["2025-13-40", "2025-02-30", "2025-00-10"])
def test_an_impossible_header_date_raises(bad):
    with pytest.raises(InvalidDate, match=bad):
        date_header(f"date {bad} 兩國元首會談。")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-10-30", dt.date(2025, 10, 30)),
        ("2025-10-30T23:30:00+08:00", dt.date(2025, 10, 30)),
        ("2025-10-30T16:00:00Z", dt.date(2025, 10, 30)),
        ("2025-10-30 08:15", dt.date(2025, 10, 30)),
    ],
)
def test_iso_dates_and_datetimes_give_the_day_as_written(value, expected):
    assert parse_iso_date(value) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("《川普對朝鮮半島戰略參與評估》總結\n一、總體概述\n", "《川普對朝鮮半島戰略參與評估》總結"),
        ("# 釜山會晤紀要\n\n兩國元首會談。", "釜山會晤紀要"),
        ("# 釜山會晤紀要 #\n正文。", "釜山會晤紀要"),
        ("前言一句。\n\n# 釜山會晤紀要\n正文。", "釜山會晤紀要"),
        ("## 會後記者會\n正文。", "會後記者會"),
        ("\n\n習近平與川普釜山會晤\n正文。", "習近平與川普釜山會晤"),
        ("Trump and Xi meet in Busan\nBody text.", "Trump and Xi meet in Busan"),
        ("兩國元首在釜山舉行會談。\n正文。", None),
        ("美國為何重返亞洲？\n正文。", None),
        ("The leaders met.\nBody text.", None),
        ("只有一行，沒有換行", None),
        ("長" * 41 + "\n正文。", None),
        ("#川普 訪問亞洲。\n", None),
    ],
)
def test_title(text, expected):
    assert title_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("date 2025-10-30\n釜山會晤紀要\n正文。", "釜山會晤紀要"),
        (" date 2025-10-28 美國總統第二任期首次訪問亞洲，並出席停火協議簽署儀式。\n第二段。", None),
        (" date 2025-10-28 釜山會晤紀要\n正文。", "釜山會晤紀要"),
    ],
)
def test_title_is_looked_for_after_the_date_header(text, expected):
    _, body_start = date_header(text)
    assert title_of(text, body_start) == expected
