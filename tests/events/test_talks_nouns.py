"""Talks written as a noun whose parties stand right before it, their kind, level and round
between (中美經貿磋商15日在倫敦舉行, 美日外交安全2+2對話): a meeting of those sides when a verb
of holding stands in the clause (patterns with ``noun`` in triggers.yaml; arguments.yaml
``talks_modifiers``, ``talks_held_verbs``). A mechanism set up, a noun named as a topic, or a
round only planned is no meeting held."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

DAY = dt.date(2024, 11, 17)


def _talks(text: str) -> list[tuple[frozenset[str], str | None, str]]:
    return [(f.parties, f.date, f.status) for f in facts(text, DAY) if f.type == "CONSULT" and f.mode in ("meeting", "negotiate", "call")]


@pytest.mark.parametrize(
    ("text", "parties", "date"),
    [
        ("中美經貿磋商15日在日內瓦舉行。", {"CHN", "USA"}, "2024-11-15"),
        ("中美第二轮经贸磋商16日在伦敦结束。", {"CHN", "USA"}, "2024-11-16"),
        ("美日外交安全2+2對話14日在東京舉行。", {"USA", "JPN"}, "2024-11-14"),
        ("中日副外長級磋商昨天在北京舉行。", {"CHN", "JPN"}, "2024-11-16"),
        ("中美高級別對話16日在阿拉斯加舉行。", {"CHN", "USA"}, "2024-11-16"),
        ("中美元首會晤16日在巴厘島舉行。", {"Xi Jinping", "Joe Biden"}, "2024-11-16"),
        ("美日2+2會議14日在東京舉行。", {"USA", "JPN"}, "2024-11-14"),
        ("美韓外長2+2會議14日在首爾舉行。", {"USA", "KOR"}, "2024-11-14"),
        # the verb's own subject and co-party, as before: the noun reading only fills a gap
        ("中国和美国16日在华盛顿举行第三轮战略对话。", {"CHN", "USA"}, "2024-11-16"),
        ("王毅與布林肯16日在維也納舉行非正式對談。", {"Wang Yi", "Antony Blinken"}, "2024-11-16"),
    ],
)
def test_talks_named_by_their_parties_are_a_meeting(text: str, parties: set[str], date: str) -> None:
    assert _talks(text) == [(frozenset(parties), date, "reported")]


@pytest.mark.parametrize(
    ("text", "parties", "date"),
    [
        ("中美将于下月举行第二轮经贸磋商。", {"CHN", "USA"}, "2024-12"),
        # the noun is the subject of the verb that holds it: a plan before that verb is its plan
        ("中美經貿磋商預計下月在倫敦登場。", {"CHN", "USA"}, "2024-12"),
        ("川普與習近平的會談將在釜山舉行。", {"Donald Trump", "Xi Jinping"}, None),
    ],
)
def test_a_round_announced_is_planned(text: str, parties: set[str], date: str | None) -> None:
    assert _talks(text) == [(frozenset(parties), date, "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "川普與習近平會談後將簽署聯合聲明。",
        # 會見 a verb with its object: what the guest came to do is no plan of the meeting
        "国家主席习近平16日在杭州会见来华出席亚运会开幕式并访华的尼泊尔总理普拉昌达。",
    ],
)
def test_a_plan_after_talks_for_another_act_is_not_theirs(text: str) -> None:
    assert [f.status for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"] == ["reported"]


@pytest.mark.parametrize(
    "text",
    [
        # a mechanism set up, not talks held
        "中方愿同美方建立战略对话机制。",
        "中美两国建立经贸磋商机制。",
        # the talks named as a topic or a thing: no verb of holding
        "中美經貿磋商的成果來之不易。",
        "外界關注中美經貿磋商的走向。",
        # one side only: no talks between sides
        "美方的經貿磋商團隊16日抵達倫敦。",
    ],
)
def test_a_talks_noun_without_talks_held_is_no_meeting(text: str) -> None:
    assert _talks(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # 兩國元首 after the countries names their heads of state, as 美中元首 does, so the call
        # named again as a time (在兩國元首的通話中) is the same call, not a second one
        "中美兩國元首16日通話。在兩國元首的通話中，拜登強調台海和平的重要性。",
        "中美两国元首16日举行视频会晤。会晤中，习近平指出，双方要相互尊重。",
    ],
)
def test_heads_of_state_summed_up_are_the_leaders_and_their_talks_one_event(text: str) -> None:
    assert _talks(text) == [(frozenset({"Xi Jinping", "Joe Biden"}), "2024-11-16", "reported")]


def test_leaders_summed_up_stay_their_countries() -> None:
    """四國領導人 may be prime ministers; the first leader role (the president) would misname them."""
    found = _talks("意大利、西班牙、葡萄牙、希腊四国领导人16日会晤。")
    assert found == [(frozenset({"ITA", "ESP", "PRT", "GRC"}), "2024-11-16", "reported")]


def test_ministers_of_countries_named_before_their_meeting_take_part_in_it() -> None:
    found = [(f.mode, f.parties) for f in facts("中日韓三國外長會議16日在東京登場。", DAY) if f.type == "CONSULT"]
    assert found == [("multilateral", frozenset({"CHN", "JPN", "KOR"}))]


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        # a headline names the body's head by title alone: the holder on the day, one meeting
        # with the body's head the story then names, not a second one with the body
        ("李强会见欧盟委员会主席", "Ursula von der Leyen"),
        ("李强会见欧洲理事会主席", "Charles Michel"),
    ],
)
def test_a_body_named_by_its_heads_title_is_its_head(text: str, guest: str) -> None:
    assert _talks(text) == [(frozenset({"Li Qiang", guest}), None, "reported")]


def test_the_body_without_its_heads_title_stays_the_body() -> None:
    assert [f.source for f in facts("欧盟委员会16日宣布对中国电动车加征关税。", DAY)] == [frozenset({"European Commission"})]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("中方愿同美方建立战略对话机制。", "planned"),
        ("德方愿同中方推动建立应对气候变化对话机制。", "planned"),
    ],
)
def test_a_mechanism_of_talks_set_up_is_agreed_not_met(text: str, status: str) -> None:
    found = [(f.type, f.status) for f in facts(text, DAY) if f.type in ("AGREE", "CONSULT")]
    assert found == [("AGREE", status)]


@pytest.mark.parametrize(
    "text",
    [
        # a round named by its number took place; who speaks of it (王毅, asked: 應詢, no modal
        # 應) is no party of it
        "外交部長王毅16日應詢就第十二輪中美經貿高級別磋商表示，雙方進行了坦誠溝通。",
        "外交部長王毅應詢談最新一輪中美經貿高級別磋商。",
    ],
)
def test_a_round_named_by_its_number_is_talks_held_between_its_parties(text: str) -> None:
    assert [(parties, status) for parties, _, status in _talks(text)] == [(frozenset({"CHN", "USA"}), "reported")]


def test_a_round_to_come_named_alone_is_no_talks() -> None:
    assert _talks("下一輪中美經貿磋商的時間尚未確定。") == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # talk of the summit judged premature: a possibility, no meeting held
        ("學者強調，現階段談川習會尚言之過早。", "hypothetical"),
        # the judgement is of another clause's matter: the summit held stays reported
        ("川習會9日在釜山舉行，外界認為談貿易協議為時尚早。", "reported"),
    ],
)
def test_a_summit_judged_premature_to_talk_of_is_only_possible(text: str, status: str) -> None:
    assert [f.status for f in facts(text, DAY) if f.type == "CONSULT"] == [status]
