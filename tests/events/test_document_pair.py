"""An article about two countries names the other side once and leaves it unnamed after: a
directed act of one of the two whose sentence names no other side is aimed at the other
(events/extractor.py ``_sides_from_document_pair``; arguments.yaml ``document_pair``)."""

from __future__ import annotations

import pytest

from tests.events.support import facts, only


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # a summit story: the visitor's later promise is made to the host
        ("印度總理莫迪4日在新德里與來訪的俄羅斯總統普丁舉行年度峰會。普丁會後表示，俄方將繼續擴大對外能源合作。",
         "COOPERATE", {"RUS"}, {"IND"}),
        ("南韓總統李在明訪問日本，與日本首相石破茂舉行會談。李在明表示，南韓願意加強經濟合作。",
         "COOPERATE", {"KOR"}, {"JPN"}),
        # a countermeasure answers the other side of the story
        ("美國政府15日宣布對中國晶片實施新的出口管制，美方稱此舉出於國家安全考量。中國商務部16日宣布，即日起採取反制措施。",
         "SANCTION/sanctions", {"Ministry of Commerce of the People's Republic of China"}, {"USA"}),
    ],
)
def test_the_unnamed_side_is_the_other_country_of_the_story(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        # aimed at many: no one side
        ("美國總統川普周三宣布，向所有貿易夥伴徵收10%關稅，中國商務部隨即回應。", "SANCTION/tariff", {"Donald Trump"}),
        ("国家主席习近平同来访的巴西总统卢拉举行会谈。卢拉表示，巴方愿同各国加强合作。", "COOPERATE", {"BRA"}),
        # the other country named once only (a place, a passing word) makes no pair
        ("北韓拒絕與美國展開對話。", "REJECT", {"PRK"}),
        # a story of three countries has no pair
        ("日本首相高市早苗與南韓總統李在明在首爾會談，美國國務卿魯比歐同日訪問北京，與中國外長王毅會面。韓方承諾擴大投資。",
         "COOPERATE", {"KOR"}),
    ],
)
def test_no_side_is_lent_without_a_pair_or_to_an_act_aimed_at_many(text: str, kind: str, source: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, frozenset())


def test_a_roundup_reads_each_item_for_its_own_pair() -> None:
    # a roundup's items under their own headings: a Malaysian item does not lend Malaysia to
    # the Chinese airlines' purchase of another item
    text = (
        "国内联播快讯\n"
        "**中马举行经贸合作会议**\n"
        "马来西亚贸工部长与中国商务部官员日前在吉隆坡举行会议，马方表示欢迎中国企业赴马投资，马来西亚将提供便利。\n"
        "**我国成功发射一颗遥感卫星**\n"
        "今天，我国在酒泉卫星发射中心成功发射一颗遥感卫星。\n"
        "**中国航空企业签署飞机采购协议**\n"
        "近日，中国航空企业签署了120架民用飞机批量采购协议。\n"
    )
    purchase = [f for f in facts(text) if f.type == "COOPERATE" and f.amounts]
    assert [(f.source, f.target) for f in purchase] == [({"CHN"}, frozenset())]
