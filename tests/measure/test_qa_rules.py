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


# --- numerals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("雙邊貿易額約新台幣二點五兆元。", "約新台幣二點五兆元", 2_500_000_000_000, "TWD"),
        ("兩國貿易去年達一點二萬億美元。", "一點二萬億美元", 1_200_000_000_000, "USD"),
        ("新廠可帶來3萬5,000個就業機會。", "3萬5,000個就業機會", 35_000, "job"),
        ("新廠可帶來1萬2千個工作崗位。", "1萬2千個工作崗位", 12_000, "job"),
        ("日方另承諾提供1億5千萬美元援助。", "1億5千萬美元", 150_000_000, "USD"),
    ],
)
def test_chinese_decimals_and_mixed_numerals(sentence, text, value, unit):
    found = {q[0]: q for q in quantities(sentence)}
    assert text in found, list(found)
    assert found[text][1:3] == (value, unit)


def test_a_clock_time_with_a_chinese_point_is_no_quantity():
    assert quantities("記者會於下午三點半舉行，歷時一點五小時。") == []


# --- units and currencies stay in their own list item ----------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("該國人口約300萬、國內生產總值僅約50億美元。", "約300萬", "person"),
        ("中國人口約14億，印度人口也超過14億。", "約14億", "person"),
        ("東協6.8億人口、3.8兆美元的市場。", "6.8億人口", "person"),
        ("新廠投資50億美元，年產量為20萬台。", "20萬台", "unit"),
    ],
)
def test_a_list_item_with_its_own_noun_keeps_its_unit(sentence, text, unit):
    found = {q[0]: q[2] for q in quantities(sentence)}
    assert found.get(text) == unit, found


def test_vague_amounts_are_approximate_ranges_and_a_bare_magnitude_stays_unrecorded():
    found = extract_quantities(build_view("兩國將成立規模數十億美元的基金，另有上千名工人受惠。"))
    assert [(q.text, q.value, q.low, q.high, q.unit, q.approx) for q in found] == [
        ("數十億美元", 1_000_000_000, 1_000_000_000, 10_000_000_000, "USD", True)
    ]


# --- 元 in a document that names no local currency ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("美國揚言對中國5000億元商品課徵關稅。", "USD"),
        ("華府宣布對約2000億元的中國進口商品加稅。", "USD"),
        ("市政府將撥款1億元興建公園。", "CNY"),
        ("美國總統稱，政府補助10億元新台幣給業者，另對3000億元商品加稅。", "TWD"),
    ],
)
def test_yuan_before_traded_goods(sentence, unit):
    assert {q[2] for q in quantities(sentence) if q[0].endswith("元")} == {unit}
