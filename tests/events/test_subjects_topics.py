"""Who the subject of an event is, which countries are only its topic, and where it took
place, over sentences of our own in the styles of TW, HK and mainland news
(events/arguments.py, events/triggers.py)."""

from __future__ import annotations

import pytest

from tests.events.support import facts, only


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # The goods taxed are named after 進口; no purchase is reported beside the tariff.
        ("日本隨即對300億美元進口中國商品加徵關稅作為反制。", {"JPN"}, {"CHN"}),
        ("加拿大则对价值200亿美元的进口美国钢材征收报复性关税。", {"CAN"}, {"USA"}),
    ],
)
def test_a_tariff_on_imported_goods_is_no_purchase(text: str, source: set[str], target: set[str]) -> None:
    found = facts(text)
    assert not [f for f in found if f.type == "COOPERATE"]
    fact = only(text, "SANCTION/tariff")
    assert (fact.source, fact.target) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        # A country before 局勢/議題/問題/危機 is what is talked about, not a party.
        "雙方的聯合聲明還談及敘利亞局勢與氣候變遷等議題。",
        "两国领导人就伊朗核问题及能源合作等议题交换意见。",
    ],
)
def test_a_country_before_a_topic_noun_is_no_party(text: str) -> None:
    parties = {p for f in facts(text) for p in f.parties}
    assert not parties & {"AFG", "SYR", "IRN"}


@pytest.mark.parametrize(
    ("text", "kind", "place"),
    [
        # 在X方面/領域/問題上 names an aspect, not where the event happened.
        ("美國與南韓同意在北韓、造船方面密切合作。", "COOPERATE", None),
        ("美國與日本外長表示，將在烏克蘭問題上加強合作。", "COOPERATE", None),
        # A place before 的 and an event noun locates that event only.
        ("石破茂昨日宣布取消與李在明在首爾的會晤，原因是雙方談判陷入僵局。", "CONSULT/negotiate", None),
        # A place of the clause before still locates an event whose clause follows it.
        ("高市早苗與習近平在慶州，舉行會談。", "CONSULT/meeting", "Gyeongju"),
    ],
)
def test_aspects_are_no_venues(text: str, kind: str, place: str | None) -> None:
    assert only(text, kind).place == place


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # After a verb of saying or thinking, the party that follows is the subject of the
        # clauses after it, not the speaker.
        ("莫迪昨日發言，他應是指美國要求印度停止購買俄油，並因此對印度加徵關稅。", "SANCTION/tariff", {"USA"}, {"IND"}),
        # A 對 phrase whose party follows modifiers ending in 的: still the target.
        ("美國對總值300億美元的日本輸美汽車加徵關稅。", "SANCTION/tariff", {"USA"}, {"JPN"}),
        ("欧盟对价值数十亿欧元的中国电动车征收关税。", "SANCTION/tariff", {"European Union"}, {"CHN"}),
        # A country before the name of a tariff another country levies is the one taxed.
        ("自8月起，越南對等關稅已降至20%。", "CONCEDE/tariff", {"USA"}, {"VNM"}),
        # A person's own tariff stays his.
        ("川普的對等關稅也從30%降至20%。", "CONCEDE/tariff", {"Donald Trump"}, set()),
    ],
)
def test_who_acts_in_tariffs_and_embedded_clauses(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        # 合作信號, 合作意願: cooperation that might come, as commentators read it, is no event.
        "觀察人士認為，印尼此舉釋放出經濟合作信號。",
        "专家指出，两国的合作意愿依然强烈。",
        # 投資大戶, 購買量: nouns for who invests and how much, no act.
        "台積電本來就是日本投資大戶。",
        "他們的購買量將降至零。",
        # 進口關稅 is a tax on imports, no purchase.
        "美國對日本汽車進口關稅將降至15%。",
    ],
)
def test_a_signal_of_cooperation_is_no_cooperation(text: str) -> None:
    assert not [f for f in facts(text) if f.type == "COOPERATE"]
