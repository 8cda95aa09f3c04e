"""Rules that came out of QA on unseen articles, each tested on both sides with sentences of
our own in the styles of Taiwan, Hong Kong and mainland copy."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.measure import extract_quantities, extract_times
from summitry.text import build_view


def times(sentence: str, date: str = "2025-10-30") -> dict[str, str | None]:
    return {time.text: time.value for time in extract_times(build_view(sentence), dt.date.fromisoformat(date))}


def quantities(sentence: str) -> list[tuple[str, float, str, bool]]:
    return [(q.text, q.value, q.unit, q.approx) for q in extract_quantities(build_view(sentence))]


# --- Chinese-numeral days below the 10th ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("俄國總統三日飛抵河內，展開國事訪問。", "三日", "2025-10-03"),
        ("兩國外長預定五日上午在首爾會面。", "五日", "2025-10-05"),
        ("白宮發言人七日表示，總統不會出席。", "七日", "2025-10-07"),
        ("越南總理二日與日本首相舉行會談。", "二日", "2025-10-02"),
        ("新制自一日起實施。", "自一日起", "2025-10-01"),
    ],
)
def test_a_small_chinese_day_before_an_event_word_is_a_day(sentence, text, value):
    assert times(sentence).get(text) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "代表團在當地停留三日，隨後返國。",
        "雙方展開為期三日在曼谷的談判。",
        "兩軍連續五日在邊境對峙。",
        "首相結束四日訪問後返回東京。",
        "前三日表示樂觀的官員轉趨保守。",
        "他說同一日在兩地出席活動並不可能。",
    ],
)
def test_a_small_chinese_day_as_a_count_is_no_time(sentence):
    assert not any(text.endswith("日") and len(text) == 2 for text in times(sentence))


# --- anchored days ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "10月20日，兩國領袖舉行首次日中峰會。",
        "10月20日出發，外相表示這次日本行收穫豐碩。",
        "10月20日抵達，外長陪同日本首相出席晚宴。",
        "10月20日，兩國在不同日期分批撤僑。",
        "10月20日的會談中，每當日本代表發言，會場都很安靜。",
    ],
)
def test_anchored_words_inside_other_words_are_no_time(sentence):
    assert list(times(sentence)) == ["10月20日"]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("總統10月20日抵達漢城，次日上午會晤總理。", "次日", "2025-10-21"),
        ("首相10月20日發表談話，日本同日宣布解除限制。", "同日", "2025-10-20"),
    ],
)
def test_anchored_words_still_count_from_the_day_before_them(sentence, text, value):
    assert times(sentence).get(text) == value


# --- a day in brackets after 今, 昨, 明 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("美國總統今（29）日抵達釜山。", "今（29）日", "2025-10-29"),
        ("峰會今 (30) 天閉幕。", "今 (30) 天", "2025-10-30"),
        ("外交部昨(29)日表示歡迎。", "昨(29)日", "2025-10-29"),
        ("兩國領袖明（31）日會談。", "明（31）日", "2025-10-31"),
        ("峰會今（1）日開幕。", "今（1）日", "2025-11-01"),
    ],
)
def test_a_bracketed_day_after_today_or_yesterday(sentence, text, value):
    assert times(sentence).get(text) == value
