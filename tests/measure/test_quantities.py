"""Quantities in sentences written the way HK, Taiwan and mainland news write them.

Every sentence here is our own. The seed articles are read from shared/seeds, and the
gold file beside them was made by hand (shared/gold/README.md).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

import summitry.measure.quantities as quantities_module
from summitry.measure import extract_quantities
from summitry.evaluate import occurrences
from summitry.text import build_view

SHARED = Path(__file__).parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds-mentions.json"


def quantities(sentence: str):
    return extract_quantities(build_view(sentence))


def only(sentence: str):
    found = quantities(sentence)
    assert len(found) == 1, [quantity.text for quantity in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("日本承諾設立一個5500億美元的對美投資工具。", "5500億美元", 550_000_000_000, "USD"),
        ("大韓航空宣佈採購 103 架波音客機。", "103 架", 103, "aircraft"),
        ("總額達 362 億美元，預計創造大量職位。", "362 億美元", 36_200_000_000, "USD"),
        ("美方移交3艘巡防艦給越南海警。", "3艘", 3, "ship"),
        ("該項目預計可創造 3000 個工作機會。", "3000 個工作機會", 3000, "job"),
        ("支持13.5萬個美國就業崗位與出口。", "13.5萬個美國就業崗位", 135_000, "job"),
        ("哈馬斯釋放最後20名在世以色列人質。", "20名", 20, "person"),
        ("駐韓美軍總規模約 2.8 萬人。", "約 2.8 萬人", 28_000, "person"),
        ("北韓已擁有約50枚核彈頭。", "約50枚核彈頭", 50, "warhead"),
        ("韓國燃氣公社每年購買約 330 萬噸液化天然氣。", "每年購買約 330 萬噸", 3_300_000, "tonne"),
        ("印度每日從俄羅斯進口約170萬桶原油。", "每日從俄羅斯進口約170萬桶", 1_700_000, "barrel"),
        ("美國同意出售108輛M1A2T戰車。", "108輛", 108, "vehicle"),
        ("國防部偵獲共機27架次逾越中線。", "27架次", 27, "sortie"),
        ("北韓周四向東部海域發射2枚彈道飛彈。", "2枚彈道飛彈", 2, "missile"),
        ("歐盟將提供500億歐元援助烏克蘭。", "500億歐元", 50_000_000_000, "EUR"),
        ("英國承諾再提供30億英鎊軍援。", "30億英鎊", 3_000_000_000, "GBP"),
        ("日本企業的投資總額約合80兆日圓。", "80兆日圓", 80 * 10**12, "JPY"),
        ("三星電子計劃投資 450 萬億韓元。", "450 萬億韓元", 450 * 10**12, "KRW"),
        ("俄方同意以500億盧布結算。", "500億盧布", 50_000_000_000, "RUB"),
        ("行政院通過新台幣1.2兆元特別預算。", "新台幣1.2兆元", 1.2e12, "TWD"),
        ("中國人民銀行宣佈投放人民幣5000億元流動性。", "人民幣5000億元", 500_000_000_000, "CNY"),
        ("國務院批准1.5萬億元的基建投資。", "1.5萬億元", 1.5e12, "CNY"),
        ("他稱南韓應向美方支付美金50億。", "美金50億", 5_000_000_000, "USD"),
        ("報道指美方要價US$10億。", "US$10億", 1_000_000_000, "USD"),
        ("雙方決定把關稅從57%降至47%。", "57%", 57, "percent"),
        ("中國前三季成長率達5.2%。", "5.2%", 5.2, "percent"),
        ("全面的調查顯示百分之九十的受訪者反對。", "百分之九十", 90, "percent"),
        ("美軍集結了近一成的海空軍兵力。", "近一成", 10, "percent"),
        ("民調顯示兩成民眾支持此方案。", "兩成", 20, "percent"),
        ("已經徵收兩成半關稅的貨品不受影響。", "兩成半", 25, "percent"),
        ("央行宣佈降息0.25個百分點。", "0.25個百分點", 0.25, "percentage_point"),
        ("美方要求在2035年前將軍費提升至GDP的5%。", "GDP的5%", 5, "percent_gdp"),
        ("北約目標為國防支出達到GDP 5%。", "GDP 5%", 5, "percent_gdp"),
        ("南韓的國防支出當時約為3.5% GDP。", "約為3.5% GDP", 3.5, "percent_gdp"),
        ("盟國同意把軍費逐步逼近國內生產毛額(GDP)的 3.5%。", "逼近國內生產毛額(GDP)的 3.5%", 3.5, "percent_gdp"),
        ("台灣國防預算占GDP比重達3.32%。", "3.32%", 3.32, "percent_gdp"),
        ("中方將採購3至5億美元的美國大豆。", "3至5億美元", 300_000_000, "USD"),
        ("示威持續多日，逾萬人上街。", "逾萬人", 10_000, "person"),
        ("警方調派近千名警員戒備。", "近千名", 1000, "person"),
        ("美方會派出近百架戰機。", "近百架", 100, "aircraft"),
        ("港府宣布撥款50億港元紓困。", "50億港元", 5_000_000_000, "HKD"),
        ("美方將提供價值4億美元的軍援，包括2套愛國者防空系統。", "2套愛國者防空系統", 2, "system"),
        ("加薩衛生部門指戰事已造成逾6萬8000人死亡。", "逾6萬8000人", 68_000, "person"),
        ("協議總值約1億2000萬美元。", "約1億2000萬美元", 120_000_000, "USD"),
        ("南韓承諾對美投資三五○○億美元。", "三五○○億美元", 350_000_000_000, "USD"),
        ("該國稀土蘊藏量估計達一二八〇萬公噸。", "估計達一二八〇萬公噸", 12_800_000, "tonne"),
        ("戰火迫使約卅萬居民逃離家園。", "約卅萬居民", 300_000, "person"),
        ("星國政府為峰會撥出約1500萬新元。", "約1500萬新元", 15_000_000, "SGD"),
        ("日方將贈送300棵櫻花樹。", "300棵", 300, "tree"),
        ("3500億美元當中，現金部分為2000億。", "2000億", 200_000_000_000, "USD"),
    ],
)
def test_quantity(sentence, text, value, unit):
    found = {quantity.text: quantity for quantity in quantities(sentence)}
    assert text in found, list(found)
    assert found[text].value == pytest.approx(value)
    assert found[text].unit == unit


@pytest.mark.parametrize(
    ("sentence", "field", "expected"),
    [
        ("美方要求南韓每年支付 50 億美元。", "per", "year"),
        ("液化天然氣採購量為330萬噸/年。", "per", "year"),
        ("兩國每月貿易額約120億美元。", "per", "month"),
        ("韓國採購總額超500億美元。", "qualifier", "more_than"),
        ("這項合同將支持超過 6000 個美國就業機會。", "qualifier", "more_than"),
        ("衝突已造成逾2000人死亡。", "qualifier", "more_than"),
        ("另有300多名平民受傷。", "qualifier", "more_than"),
        ("美方派出至少12架戰機。", "qualifier", "at_least"),
        ("印度每日從俄羅斯進口約170萬桶原油。", "per", "day"),
        ("每批次最多200名士兵輪調。", "qualifier", "up_to"),
        ("每年軍售不超過10億美元。", "qualifier", "up_to"),
        ("韓方每年投資上限200億美元。", "qualifier", "up_to"),
        ("移民局逮捕了近 400 名南韓公民。", "approx", True),
        ("五角大廈研究撤出約 4500 名駐韓美軍。", "approx", True),
        ("調查指大約 75% 的美國人支持會晤。", "approx", True),
        ("平壤大約擁有 50 枚核武器。", "approx", True),
        ("相當於總兵力的一成左右。", "approx", True),
        ("最近3艘驅逐艦抵達關島。", "approx", False),
        ("大韓航空採購 103 架波音客機。", "approx", False),
    ],
)
def test_modifier(sentence, field, expected):
    assert getattr(only(sentence), field) == expected


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        ("關稅從57%降至47%，芬太尼關稅由20%降為10%。", ["percent"] * 4),
        ("美方要求將國防支出提升至接近 GDP 的 5%（當時南韓約為 3.5%）。", ["percent_gdp", "percent_gdp"]),
        ("國內生產總值同比增長5.2%，失業率為5.1%。", ["percent", "percent"]),
        ("日本投資5500億美元（約合80兆日圓），並購買100架客機。", ["USD", "JPY", "aircraft"]),
        ("共機27架次、共艦7艘及公務船1艘。", ["sortie", "ship", "ship"]),
        ("中方將採購3至5億美元的美國大豆，約佔總額的三至四成。", ["USD", "percent"]),
    ],
)
def test_every_quantity_of_a_sentence(sentence, units):
    assert [quantity.unit for quantity in quantities(sentence)] == units


@pytest.mark.parametrize(
    ("sentence", "units"),
    [
        # a 萬/億 amount before a measure of area, volume, energy, weight or goods is no money,
        # though the next clause's amount has a currency
        ("新厂房占地12万平方米，计划投资8亿元。", ["CNY"]),
        ("工程投资20亿元，建成后每年可节水3亿立方米。", ["CNY"]),
        ("电站年发电量将达5亿度，总投资45亿元。", ["CNY"]),
        ("全市新建保障性住房2万套，投入资金60亿元。", ["CNY"]),
        ("该县建成冷库后可储存果品3000万公斤，项目投资1.2亿元。", ["CNY"]),
        # the twin: a bare amount beside money, with no measure after it, stays money
        ("项目总投资30亿元，其中设备投资5亿。", ["CNY", "CNY"]),
    ],
)
def test_an_amount_before_a_measure_word_is_no_money(sentence, units):
    assert [quantity.unit for quantity in quantities(sentence)] == units


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("韓國對美國的3,500億投資，進一步深化兩國關係。", "USD"),  # the US is named: USD
        ("美方要求南韓支付50億美元，另外還有1000億的投資承諾。", "USD"),  # same sentence
        ("台積電去年營收為新台幣2.8兆元。今年資本支出的3000億投資將用於先進製程。", "TWD"),  # paragraph
        ("國務院常務會議決定斥資 3000 億用於支持新能源車。", "CNY"),  # nothing named: default
    ],
)
def test_implicit_currency_comes_from_context(sentence, unit):
    implicit = [quantity for quantity in quantities(sentence) if quantity.text.endswith("億")]
    assert implicit and all(quantity.unit == unit for quantity in implicit), quantities(sentence)


def test_a_range_is_one_quantity_whose_start_takes_the_unit_and_magnitude_of_its_end():
    found = quantities("中方將採購3至5億美元的美國大豆。")
    assert [(q.text, q.value, q.low, q.high, q.unit, q.approx) for q in found] == [
        ("3至5億美元", 300_000_000, 300_000_000, 500_000_000, "USD", True)
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "特朗普第二任期首次訪問亞洲，兩國簽署了三項協議。",
        "他給這次會面打了10分滿分，甚至說是12分。",
        "時隔33年重啟核試，美越建交30週年，70多年來首次。",
        "美軍派出B-2轟炸機與F-35戰機，越南有意採購C-130與CH-47。",
        "北韓部署火星-18洲際彈道飛彈，美方則提供T-6教練機。",
        "2025年10月30日下午3時，兩人在釜山會晤約2小時。",
        "曾經三次和特朗普見面的金正恩，兩人並未再會面。",
        "兩國元首同意加強合作，一成不變的政策無法應對挑戰。",
        "川普自稱78歲仍精力充沛，曾經排名第1名。",
        "華府可能創造的出口，亦有上千名工人受惠。",
        "美方要求南韓支付的金額是原來的5倍。",
        "中共二十屆四中全會審議通過第十五個五年規劃建議。",
        "朝鮮試射了一枚洲際彈道導彈，一架無人機墜毀。",
        "千萬不要低估百姓的力量，上千名工人受影響。",
        "雙方為期一年的協議可延長，今年前9個月的數據稍後公布。",
        "兩三名官員陪同，七八架直升機待命。",
    ],
)
def test_not_a_quantity(sentence):
    assert [quantity.text for quantity in quantities(sentence)] == []


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [], ids=lambda path: path.name)
def test_seed_spans_give_back_their_text(seed):
    text = seed.read_text(encoding="utf-8")
    found = extract_quantities(build_view(text))
    assert found
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.unit


@pytest.mark.skipif(not GOLD.is_file(), reason="shared/gold is not beside the repository")
def test_seed_gold_quantities_are_found():
    """Gold made by hand (shared/gold/README.md): a gold quantity is found when a record quantity
    overlaps an occurrence of its text with the same unit and a value within 0.5%."""
    docs = json.loads(GOLD.read_text(encoding="utf-8"))["docs"]
    found = total = 0
    for name, gold in docs.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        record = extract_quantities(build_view(text))
        for expected in gold["quantities"]:
            total += 1
            found += any(
                quantity.start < start + len(expected["text"])
                and start < quantity.end
                and quantity.unit == expected["unit"]
                and abs(quantity.value - expected["value"]) <= 0.005 * abs(expected["value"])
                for start, _ in occurrences(text, expected["text"])
                for quantity in record
            )
    assert found / total >= 0.95




def _amount_noise(pieces: int) -> str:
    """Numbers and the words around them in random order, units and cues next to numbers
    that have none, so that every rule of read_quantity gets its turn."""
    words = (
        "3 15 5500 3,500 1.2 40 100 一 兩 三千五百 十 萬 億 兆 百 千 近千 逾萬 約 近 超過 最多 大約 以上 左右 多 餘 "
        "% 百分之 個百分點 成 半 美元 億美元 日圓 元 人民幣 新台幣 US$ 架 艘 名 個 枚 就業機會 投資 斥資 GDP 的 國防開支 佔 "
        "每年 /年 至 - 第 年 月 日 F- 人口 ， 。 、 （ ） ( ) \u3000"
    ).split(" ") + [" ", "\n"]
    randomness = random.Random(11)
    return "".join(randomness.choice(words) for _ in range(pieces))


def test_passing_over_numbers_with_no_unit_word_beside_them_loses_no_quantity(monkeypatch) -> None:
    """cannot_have_unit only saves time: with it switched off the same quantities come out."""
    texts = [_amount_noise(4000), *(seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt")))]
    with_shortcut = [quantities(text) for text in texts]
    monkeypatch.setattr(quantities_module, "cannot_have_unit", lambda folded, number, lexicon: False)
    assert [quantities(text) for text in texts] == with_shortcut
    assert len(with_shortcut[0]) > 100  # the noise holds many quantities
