"""Fuzzing ``summitry.extract`` with Hypothesis: random Unicode mixed with fragments of the kinds
news articles hold (names, titles, numerals, amounts, dates, brackets, quotes, date headers).

Whatever the text, extraction raises nothing, every span points into the text and says what
is there, and the record is JSON without NaN or Infinity. Bounded so the suite stays fast;
derandomized under CI (the CI variable), so a red build always names a reproducible example.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summitry import extract
from summitry.record import record_to_json

# Our own fragments, in Traditional and Simplified, of the kinds the stages look for.
FRAGMENTS = [
    "美國總統", "美国总统", "川普", "特朗普", "習近平", "习近平", "李在明", "高市早苗", "高適早苗", "普京",
    "南韓", "北韓", "中方", "美中", "川習會", "訪美", "日美同盟", "國防部長", "主席", "總統", "首相",
    "北約", "歐盟", "(Donald Trump)", "（Donald Trump）", "赫格賽斯", "會見", "表示", "將", "如果", "沒有",
    "3500億美元", "5500亿美元", "約50枚", "超過", "逾", "最多", "左右", "每年", "GDP的5%", "百分之五",
    "兩成半", "三千五百億", "九九九九九九兆", "1e308", "-5億", "6萬7000", "1億2000萬", "3,500", "3，500",
    "0.5%", "3至5億美元", "30-40%", "新台幣1.2兆元", "人民幣", "韓元", "架", "艘", "名", "個就業機會",
    "2025年10月29日", "10月29日", "29日", "明年", "去年", "今年8月", "上月", "兩日前", "年底", "本週四",
    "2018至2019年", "2035年前", "(2018)", "民國114年", "二〇二五年", "2月30日", "13月", "0年",
    "「", "」", "『", "』", "“", "”", "（", "）", "(", ")", "《", "》", "，", "。", "、", "；", "！", "？",
    "\n", " ", "\u3000", "·", "・", "０１２３", "ＡＢＣ", "USA", "Korea",
]

fragment = st.sampled_from(FRAGMENTS)
# Any code point but lone surrogates, which no text file can hold and ingest rejects.
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6)
header = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)).map(lambda day: f"date {day.isoformat()} ")
texts = st.tuples(
    st.one_of(st.just(""), header),
    st.lists(st.one_of(fragment, fragment, noise), max_size=40).map("".join),
).map("".join)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))


@settings(
    max_examples=200,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(text=texts, date=dates)
def test_extract_never_fails_and_every_span_points_into_the_text(text: str, date: dt.date | None) -> None:
    record = extract(text, date)
    for item in (*record.quantities, *record.times):
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start : item.end] == item.text
    for quantity in record.quantities:
        assert math.isfinite(quantity.value)
    for mention in record.mentions:
        assert 0 <= mention.start < mention.end <= len(text)
    for event in record.events:
        assert 0 <= event.evidence.start <= event.evidence.end <= len(text)
    json.dumps(record_to_json(record), allow_nan=False)
