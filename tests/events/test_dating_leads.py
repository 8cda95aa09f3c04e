"""Dating rules for how news copy opens and what it names: a bracketed credit before the day
of a lead, a month after an anchored year (同年6月), a range of days (4月6日至11日). Our own
sentences, written in the HK, TW and mainland styles we meet."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

FILED = dt.date(2025, 9, 20)


def dates(text: str, kind: str, on: dt.date = FILED) -> list[str | None]:
    return [f.date for f in facts(text, on) if kind in (f.type, f"{f.type}/{f.mode}")]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a bracketed credit (【…綜合報道】, 〔編譯…／綜合報導〕) reports nothing: the day
        # right after it opens the sentence and dates its events
        ("【環球時報綜合報道】9月19日晚，習近平主席應約同美國總統特朗普通電話，雙方談及經貿問題。", "CONSULT/call", ["2025-09-19"]),
        ("【本報綜合報道】19日上午，李在明在首爾會見日本首相石破茂。", "CONSULT/meeting", ["2025-09-19"]),
        ("〔編譯魏國金／綜合報導〕十九日，美國國務卿魯比歐與中國外長王毅通電話。", "CONSULT/call", ["2025-09-19"]),
        # ... but it makes no day in a later clause of its own verb the scene of the sentence
        ("【環球時報綜合報道】國家主席習近平同美國總統特朗普通電話，雙方同意自9月25日起恢復經貿磋商。", "CONSULT/call", [None]),
        ("【本報綜合報道】國家主席習近平同美國總統特朗普通電話。", "CONSULT/call", [None]),
    ],
)
def test_a_bracketed_credit_does_not_hide_the_day_of_the_lead(text: str, kind: str, expected: list[str | None]) -> None:
    assert dates(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 同年6月, 次年3月: a month after an anchored year is of the year named before
        ("金正恩於2019年1月訪問中國，習近平同年6月訪問朝鮮。", ["2019-01", "2019-06"]),
        ("2018年4月文在寅在板門店會見金正恩，次年6月川普在板門店會見金正恩。", ["2018-04", "2019-06"]),
        # a month with no anchored year before it is still this year's
        ("金正恩於2019年1月訪問中國，習近平6月訪問朝鮮。", ["2019-01", "2025-06"]),
    ],
)
def test_a_month_after_an_anchored_year_is_of_that_year(text: str, expected: list[str | None]) -> None:
    assert [f.date for f in facts(text, FILED) if f.type == "CONSULT"] == expected


@pytest.mark.parametrize(
    ("text", "kind", "on", "expected"),
    [
        # a visit told with a range of days is dated by the day it opens on, not the nearer end
        ("應國家主席習近平邀請，緬甸總統將於4月6日至11日對中國進行國事訪問。", "CONSULT/visit", dt.date(2025, 3, 31), ["2025-04-06"]),
        ("美國國務卿於27日至28日在北京會晤中國外長王毅。", "CONSULT/meeting", dt.date(2025, 8, 29), ["2025-08-27"]),
        ("习近平将于4月6日到7日在海湖庄园同美国总统特朗普会晤。", "CONSULT/meeting", dt.date(2025, 3, 31), ["2025-04-06"]),
        # one day alone stays that day
        ("美國國務卿於28日在北京會晤中國外長王毅。", "CONSULT/meeting", dt.date(2025, 8, 29), ["2025-08-28"]),
    ],
)
def test_a_range_of_days_dates_by_its_first(text: str, kind: str, on: dt.date, expected: list[str | None]) -> None:
    assert dates(text, kind, on) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 剛 ("just now") makes the news of the day; inside a name (秦剛, 李剛) it is no word of its own
        ("布林肯在北京與秦剛舉行會談，秦剛也表示，雙方同意保持溝通。", [None]),
        ("布林肯在北京與秦剛舉行會談，王毅剛表示，雙方同意保持溝通。", ["2023-06-19"]),
    ],
)
def test_a_cue_inside_a_name_is_no_cue(text: str, expected: list) -> None:
    assert dates(text, "CONSULT/meeting", dt.date(2023, 6, 19)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day right after the opening subject's name (and its Latin gloss) sets the scene of
        # the sentence, however long the titles before the name
        ("美國國務卿魯比歐(Marco Rubio)18日在國務院副國務卿藍道(Christopher Landau)陪同下,與中國外交部長王毅在吉隆坡會晤。", ["2025-09-18"]),
        ("中共中央政治局委员、中央外事工作委员会办公室主任王毅18日在北京会见日本首相石破茂。", ["2025-09-18"]),
        # the twin: in a clause with a verb of its own the day is that verb's (the arrival), and a
        # meeting hoped for next month keeps its own time
        ("美國國務卿魯比歐(Marco Rubio)18日抵達吉隆坡，他表示希望下月與中國外交部長王毅會晤。", ["2025-09-18", "2025-10"]),
        # a day after a speaker's name dates the saying, not what is said
        ("外交部發言人郭嘉昆(Guo Jiakun)18日說，中美雙方近期沒有就經貿問題舉行會晤。", [None]),
    ],
    ids=["gloss-and-companion-frame", "long-titles", "opening-clause-with-its-own-verb", "the-saying's-day"],
)
def test_a_day_after_the_opening_subject_dates_the_sentence(text: str, expected: list[str | None]) -> None:
    assert [f.date for f in facts(text, FILED) if f.type == "CONSULT"] == expected


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # a week within one month dates what happened in it by that month ...
        ("上週美國國務卿與中國外長在吉隆坡會晤。", dt.date(2025, 10, 30), ["2025-10"]),
        # ... a week across two months, or a span back to today (三年來), does not date it
        ("上週美國國務卿與中國外長在吉隆坡會晤。", dt.date(2025, 10, 6), [None]),  # Sep 29 - Oct 5
        ("三年來美國國務卿與中國外長在吉隆坡多次會晤。", dt.date(2025, 10, 30), [None]),
        ("近30天，美國國務卿與中國外長在吉隆坡會晤。", dt.date(2025, 10, 30), [None]),
    ],
)
def test_weeks_and_open_spans_date_events_only_as_a_month(text: str, on: dt.date, expected: list[str | None]) -> None:
    assert dates(text, "CONSULT", on) == expected
