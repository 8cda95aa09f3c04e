"""An international body's summit written as a noun and held, opened, closed or attended is a
multilateral meeting of the body (triggers.yaml ``body_summit``; GOLD.md: FOCAC, NATO, G20)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

DAY = dt.date(2024, 11, 17)


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        ("亞太經合組織第31次領導人非正式會議15日起一連兩天在秘魯首都利馬舉行。", {"Asia-Pacific Economic Cooperation"}, "reported"),
        ("日本大阪G20峰會今天閉幕，各國領袖發表共同宣言。", {"G20"}, "reported"),
        # the body's name restated in brackets right after it
        ("亞太經合組織(APEC)第三十一次領導人非正式會議今日起一連兩日在利馬舉行。", {"Asia-Pacific Economic Cooperation"}, "reported"),
        ("二十國集團（G20）領導人峰會17日在里約熱內盧開幕。", {"G20"}, "reported"),
        ("東南亞國家協會26日在馬來西亞吉隆坡召開年度峰會。", {"ASEAN"}, "reported"),
        ("北约峰会将于明年7月在海牙举行。", {"NATO"}, "planned"),
        # a body's summit named 會晤, its ordinal between
        ("金砖国家领导人第十六次会晤23日在喀山举行。", {"BRICS"}, "reported"),
        ("金砖国家领导人第十六次会晤将在喀山举行。", {"BRICS"}, "planned"),
        ("国家主席习近平23日在喀山出席金砖国家领导人第十六次会晤。", {"Xi Jinping", "BRICS"}, "reported"),
        # a body's meeting of ministers
        ("中非合作论坛第九届部长级会议10日在北京开幕。", {"Forum on China–Africa Cooperation"}, "reported"),
        ("上海合作组织成员国外长理事会会议10日在阿斯塔纳举行。", {"Shanghai Cooperation Organisation"}, "reported"),
        # who attends it takes part: one event, not a visit to the body beside it
        ("國家主席習近平16日抵達巴西里約熱內盧，出席二十國集團領導人第十九次峰會。", {"Xi Jinping", "G20"}, "reported"),
    ],
)
def test_a_bodys_summit_is_a_multilateral_meeting(text: str, parties: set[str], status: str) -> None:
    found = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode in ("multilateral", "visit") and f.parties & {"G20", "NATO", "ASEAN", "Asia-Pacific Economic Cooperation", "Forum on China–Africa Cooperation", "Shanghai Cooperation Organisation", "BRICS"}]
    assert [(f.mode, f.parties, f.status) for f in found] == [("multilateral", parties, status)]


@pytest.mark.parametrize(
    "text",
    [
        # a time, not the summit reported
        "G20峰會期間，習近平會見美國總統拜登。",
        "兩人在七月參加東協外長會議時曾短暫交談。",
        "中非合作论坛部长级会议期间，王毅会见塞内加尔外长。",
        # the three sides' meeting named, not the body's
        "国家主席习近平同法国总统、欧盟委员会主席举行中法欧领导人三方会晤。",
        # a summit of two sides is their meeting, no body's
        "美中峰會在釜山舉行。",
    ],
)
def test_a_summit_named_as_a_time_or_between_two_sides_is_no_bodys_summit(text: str) -> None:
    assert not [f for f in facts(text, DAY) if f.mode == "multilateral"]


def test_two_reports_of_one_summit_are_one_event() -> None:
    text = "二十國集團峰會15日在里約熱內盧開幕。國家主席習近平出席二十國集團峰會並發表講話。"
    summits = [f for f in facts(text, DAY) if f.mode == "multilateral"]
    assert [f.parties for f in summits] == [{"G20", "Xi Jinping"}]
