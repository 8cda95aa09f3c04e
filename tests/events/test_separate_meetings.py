"""分别会见 A、B: one meeting per guest, however the list of guests is written.

Sentences are our own, in the register of mainland evening-news readouts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

DAY = dt.date(2024, 5, 20)
HOSTS = {"Zhao Leji", "Han Zheng", "Ding Xuexiang", "Li Qiang"}


def guests(text: str) -> list[frozenset[str]]:
    """The guests of each meeting the sentence reports, in order."""
    return [f.parties - HOSTS for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A guest named by a title the knowledge base has no holder for, then the next guest.
        ("赵乐际分别会见古巴总理、澳大利亚总理", [{"CUB"}, {"Anthony Albanese"}]),
        ("韩正分别会见秘鲁外长、阿根廷外长", [{"PER"}, {"Diana Mondino"}]),
        ("丁薛祥分别会见巴西总统府首席部长、英国外交发展大臣", [{"BRA"}, {"David Cameron"}]),
        # Guests after a comma, each alone in its clause, are still on the list.
        ("委员长赵乐际20日在北京分别会见古巴总理马雷罗，澳大利亚总理阿尔巴尼斯。", [{"Maleiluo"}, {"Anthony Albanese"}]),
    ],
)
def test_each_listed_guest_is_met_separately(text, expected):
    assert guests(text) == [frozenset(g) for g in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Without 分别 a list is one meeting with every guest.
        ("韩正会见古巴总理和澳大利亚总理", [{"CUB", "Anthony Albanese"}]),
        # A clause that says something of the second guest is no item of the list.
        ("委员长赵乐际20日在北京分别会见古巴总理马雷罗，阿尔巴尼斯表示欢迎。", [{"Maleiluo"}]),
    ],
)
def test_what_is_no_list_of_separate_guests_stays_as_it_was(text, expected):
    assert guests(text) == [frozenset(g) for g in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 负责人 after international bodies: each body stands for its head on the date
        ("李强分别会见新开发银行、世界银行、国际货币基金组织负责人", [{"Dilma Rousseff"}, {"Ajay Banga"}, {"Kristalina Georgieva"}]),
        ("李强会见世界银行负责人", [{"Ajay Banga"}]),
        # the body's own head titles, then the next body's
        ("李强分别会见世界银行行长、国际货币基金组织总裁和世界贸易组织总干事", [{"Ajay Banga"}, {"Kristalina Georgieva"}, {"Ngozi Okonjo-Iweala"}]),
        # after a country or a seat of government 负责人 names no one office
        ("李强会见美国负责人", [{"USA"}]),
        # the leaders of an alliance are its members' leaders, not its secretary general
        ("李强会见北约领导人", [{"NATO"}]),
    ],
)
def test_a_body_named_for_its_head_is_met_as_the_head(text, expected):
    assert guests(text) == [frozenset(g) for g in expected]


def test_guests_met_one_by_one_do_not_meet_one_another_in_the_clause_that_says_why_they_came():
    text = "总理李强20日在北京分别会见来华出席圆桌对话会的世界银行行长彭安杰、国际货币基金组织总裁格奥尔基耶娃。"
    assert guests(text) == [frozenset({"Ajay Banga"}), frozenset({"Kristalina Georgieva"})]


def test_without_separately_the_guests_attending_together_still_meet():
    text = "总理李强20日在北京会见来华出席圆桌对话会的世界银行行长彭安杰、国际货币基金组织总裁格奥尔基耶娃。"
    assert frozenset({"Ajay Banga", "Kristalina Georgieva"}) in guests(text)
