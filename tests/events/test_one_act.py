"""One act, one event: a sentence that names one pledge or purchase with two trigger words (a
pledge and the investment it frames, a purchase read with and without its seller, two verbs of
one sum) reports it once; two sums of money, two acts in two clauses or two parties stay two.
Our own sentences, in the wording of Taiwan, Hong Kong and mainland economic reports."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def cooperation(text: str) -> list[tuple[str | None, frozenset[str], frozenset[str], str, tuple[str, ...]]]:
    """(mode, source, target, status, amounts) of each COOPERATE event the text reports."""
    return [(f.mode, f.source, f.target, f.status, f.amounts) for f in facts(text) if f.type == "COOPERATE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge, then the investment it promises in the next clause: the investment
        ("台灣廠商承諾，未來四年將在美國投資600億美元。",
         [("economic", frozenset({"TWN"}), frozenset(), "planned", ("600億美元",))]),
        ("越南承諾，明年起將從美國進口更多液化天然氣。",
         [("economic", frozenset({"VNM"}), frozenset({"USA"}), "planned", ())]),
        # a purchase read once with the seller and once without it, in one clause
        ("菲律宾同意购买20架波音飞机 小麦采购量增30%",
         [("economic", frozenset({"PHL"}), frozenset({"Boeing"}), "planned", ("20架", "30%"))]),
        # two verbs (採購和進口) of one breakdown whose sums both readings hold: one event with both
        ("墨西哥2026年自美採購和進口規模不少於210億美元，2027年自美採購和進口規模不少於260億美元。",
         [("economic", frozenset({"MEX"}), frozenset(), "planned", ("不少於210億美元", "不少於260億美元"))]),
    ],
)
def test_one_act_named_twice_is_one_event(text: str, expected: list) -> None:
    assert cooperation(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # twin: two sums of money are two commitments (two ledger rows)
        ("澳洲總理表示，澳洲承諾向美國投資500億美元，並將購買100億美元的美國軍備。", 2),
        # twin: two purchases in two clauses, no sum shared
        ("印尼同意購買美國波音飛機，並採購美國小麥。", 2),
        # twin: two buyers
        ("沙特將購買美國戰機，卡塔爾也將採購美國客機。", 2),
    ],
)
def test_two_acts_stay_two_events(text: str, count: int) -> None:
    assert len(cooperation(text)) == count


def kinds(text: str) -> list[tuple[str, str | None, frozenset[str]]]:
    return [(f.type, f.mode, f.parties) for f in facts(text) if f.type in ("AGREE", "CONSULT")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing by two leaders and their countries' agreement in it: one act, the signing
        ("印尼總統與越南總理簽署了漁業協議，印越兩國同意共同打擊非法捕撈。",
         [("AGREE", "sign", frozenset({"Prabowo Subianto", "Phạm Minh Chính"}))]),
        # twin: another pair's agreement in the same sentence stays
        ("印尼總統與越南總理簽署了漁業協議，泰國與柬埔寨則達成停火協議。",
         [("AGREE", "sign", frozenset({"Prabowo Subianto", "Phạm Minh Chính"})), ("AGREE", "ceasefire", frozenset({"THA", "KHM"}))]),
        # twin: two leaders of one country meeting one guest are two meetings
        ("中國國家主席習近平和國務院總理李強分別會見了越南總理。",
         [("CONSULT", "meeting", frozenset({"Xi Jinping", "Phạm Minh Chính"})), ("CONSULT", "meeting", frozenset({"Li Qiang", "Phạm Minh Chính"}))]),
    ],
)
def test_a_leader_and_his_country_name_one_side_of_one_act(text: str, expected: list) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge, then the act pledged, of another type, in the next clause: the act, by the pledger
        ("美方承諾，將從下月起把對越南商品加徵的關稅從20%降至10%。", {("CONCEDE", "tariff", frozenset({"USA"}))}),
        ("日本承諾，將向烏克蘭提供45億美元援助。", {("AID", "economic", frozenset({"JPN"}))}),
        # twin: another side's act after the pledge leaves the pledge in place
        ("美方承諾降低關稅，中方則同意購買美國大豆。",
         {("COOPERATE", "pledge", frozenset({"USA"})), ("COOPERATE", "economic", frozenset({"CHN"}))}),
    ],
)
def test_a_pledge_is_the_act_it_pledges(text: str, expected: set) -> None:
    found = {(f.type, f.mode, f.source) for f in facts(text) if f.type in ("CONCEDE", "AID", "COOPERATE")}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one refusal told twice, by the leader and by his side, across clauses
        ("川普表示，不會對越南加徵新關稅，美方也不會提高對越南的關稅。", [("SANCTION", "tariff", "negated")]),
        # the tariff named as the one cut is no new tariff
        ("美國將把對越南商品加徵的關稅從20%降至10%。", [("CONCEDE", "tariff", "planned")]),
        # twin: a tariff on one country, a cut for another
        ("美國對越南加徵20%關稅，對泰國的關稅則降至10%。", [("SANCTION", "tariff", "reported"), ("CONCEDE", "tariff", "reported")]),
        # the meeting of the two people stays, not the two countries' talk in it
        ("王毅26日訪問美國，會見國務卿布林肯，稱兩國須恢復對話。", [("CONSULT", "visit", "reported"), ("CONSULT", "meeting", "reported")]),
    ],
)
def test_one_act_told_twice_by_a_side_and_its_leader(text: str, expected: list) -> None:
    assert [(f.type, f.mode, f.status) for f in facts(text) if f.type in ("SANCTION", "CONCEDE", "CONSULT")] == expected
