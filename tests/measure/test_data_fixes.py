"""Time and unit data added after a review of unseen articles, on our own sentences written
the way Taiwanese, Hong Kong and mainland news write them."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.measure import extract_quantities, extract_times
from summitry.text import build_view


def times(sentence: str, date: str = "2025-10-30"):
    return extract_times(build_view(sentence), dt.date.fromisoformat(date))


def quantities(sentence: str):
    return extract_quantities(build_view(sentence))


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("金正恩今晚搭專列抵達北京。", "今晚", "2025-10-30"),
        ("莫迪昨晚在機場迎接普亭。", "昨晚", "2025-10-29"),
        ("石破茂今晨飛抵首爾。", "今晨", "2025-10-30"),
        ("李在明今早出席歡迎儀式。", "今早", "2025-10-30"),
        ("川普昨夜在白宮發文。", "昨夜", "2025-10-29"),
        ("兩國外長今日中午共進午餐。", "今日", "2025-10-30"),
        ("雙方將於明日簽署協議。", "明日", "2025-10-31"),
        ("杜特蒂昨與習近平會談。", "昨", "2025-10-29"),
    ],
)
def test_short_and_part_of_day_relative_days(sentence: str, text: str, value: str) -> None:
    assert [(t.text, t.value) for t in times(sentence)] == [(text, value)]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("去年中國對美出口下滑。", "去年", "2024"),  # the 中 of 中國 is no mid-year
        ("10月中國海關公布數據。", "10月", "2025-10"),
    ],
)
def test_a_part_word_is_not_taken_from_the_next_name(sentence: str, text: str, value: str) -> None:
    assert [(t.text, t.value) for t in times(sentence)] == [(text, value)]


@pytest.mark.parametrize(
    "sentence",
    [
        "代表團下榻長安大街1號的飯店。",  # street numbers
        "使館位於中山北路5號。",
        "時至今日，兩國仍未簽署和約。",  # "to this day"
    ],
)
def test_not_a_time(sentence: str) -> None:
    assert [t.text for t in times(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "qualifier"),
    [
        ("新工廠年產量為5萬台。", "5萬台", 50_000, "unit", None),
        ("兩國簽署13項合作協議。", "13項合作協議", 13, "agreement", None),
        ("雙方見證28項協定的簽署。", "28項協定", 28, "agreement", None),
        ("空巴向中國出售最少120架客機。", "最少120架", 120, "aircraft", "at_least"),
        ("南韓設有年投資200億美元的上限。", "200億美元的上限", 20_000_000_000, "USD", "up_to"),
    ],
)
def test_counters_and_qualifiers(sentence: str, text: str, value: int, unit: str, qualifier: str | None) -> None:
    found = [(q.text, q.value, q.unit, q.qualifier) for q in quantities(sentence)]
    assert found == [(text, value, unit, qualifier)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("專案總值3000億台幣。", "TWD"),  # 台幣 after the number stays a currency
        ("雙方簽署十二項協定。", "agreement"),  # from the tenth on in Chinese numerals
    ],
)
def test_units_next_to_the_new_counters(sentence: str, unit: str) -> None:
    assert [q.unit for q in quantities(sentence)] == [unit]
