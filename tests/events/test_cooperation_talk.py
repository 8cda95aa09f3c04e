"""Talk about cooperation is no event: a noun of cooperation (合作) reports a (planned) act only
when a side's will or agreement governs it (願/希望/同意…加強合作, docs/evaluation/GOLD.md), not
in an opinion, a need, a topic, a purpose or a description of relations. Our own sentences, in
the wording of mainland readouts, spokesmen's remarks and commentary."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def cooperation(text: str) -> list[tuple[frozenset[str], frozenset[str], str]]:
    """(source, target, status) of each COOPERATE event the text reports."""
    return [(f.source, f.target, f.status) for f in facts(text) if f.type == "COOPERATE"]


@pytest.mark.parametrize(
    "text",
    [
        # an opinion of what a visit will bring
        "我們相信，越南總理此訪將進一步拓展中越雙邊務實合作。",
        "中方相信，此訪將深化中國和智利的經貿合作。",
        # a need, as commentators state it
        "分析人士認為，越南與印度有必要加強經貿合作。",
        # relations described: years of it, ever more of it
        "近年來，中國與巴西政治互信不斷深化，在多邊事務中保持良好合作。",
        "越南和老撾將不斷拓展教育和旅遊領域的交流合作。",
        # a purpose named for another act
        "為促進相關合作，老撾決定在萬象設立兩個培訓中心。",
        # a topic of the talks, the meeting being the act
        "印尼總統12日會見越南總理，雙方討論了經貿合作。",
    ],
)
def test_cooperation_talked_about_is_no_event(text: str) -> None:
    assert cooperation(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # twin: a side's will or agreement makes it a planned act
        ("中方願同巴西加強經貿合作。", [(frozenset({"CHN"}), frozenset({"BRA"}), "planned")]),
        ("印尼與越南同意深化能源合作。", [(frozenset({"IDN"}), frozenset({"VNM"}), "planned")]),
        # twin: a will before a background word still governs it
        ("中方願同越方一道，不斷深化各領域務實合作。", [(frozenset({"CHN"}), frozenset({"VNM"}), "planned")]),
        ("越方願同中方探討數字經濟合作。", [(frozenset({"VNM"}), frozenset({"CHN"}), "planned")]),
        # twin: a will stated far before, across clauses, still makes it a plan
        ("老撾總理表示，願以兩國建交60周年為契機，加強高層往來，密切人文交流，深化同越南各領域務實合作。",
         [(frozenset({"Sonexay Siphandone"}), frozenset({"VNM"}), "planned")]),
    ],
)
def test_cooperation_a_side_wills_is_a_planned_act(text: str, expected: list) -> None:
    assert cooperation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an anniversary or a stretch of relations establishes no ties
        ("今年是越南與老撾建交60周年。", []),
        ("建交50年來，越南和老撾的務實合作不斷深化。", []),
        # twin: ties established
        ("宏都拉斯宣布與中國建交。", [(frozenset({"HND"}), frozenset({"CHN"}), "reported")]),
    ],
)
def test_an_anniversary_of_ties_is_no_establishment(text: str, expected: list) -> None:
    assert cooperation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a document of cooperation named in its signing: the signing is the AGREE
        ("越南與老撾簽署了兩國睦鄰友好合作條約。", []),
        ("越南與老撾簽署了科技合作路線圖。", []),
        # twin: cooperation agreed on
        ("越南與老撾同意加強科技合作。", [(frozenset({"VNM"}), frozenset({"LAO"}), "planned")]),
    ],
)
def test_a_document_of_cooperation_is_no_cooperation(text: str, expected: list) -> None:
    assert cooperation(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # buying or investing named as the means to another aim pledges nothing
        ("沙烏地也透過投資新興科技企業，試圖打造區域金融中心。", []),
        ("台灣政府希望透過持續採購美國農產品，換取更優惠的關稅待遇。", []),
        # twin: the purchase itself, planned
        ("台灣將採購美國農產品，換取更優惠的關稅待遇。", [(frozenset({"TWN"}), frozenset({"USA"}), "planned")]),
    ],
)
def test_buying_as_a_means_is_no_purchase(text: str, expected: list) -> None:
    assert cooperation(text) == expected
