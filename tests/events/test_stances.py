"""Backing stated at the end of a clause on the party of its 對 phrase (對中國的立場文件表示歡迎,
均對中國表示支持), and backing that is only asked for (呼籲各國不支持俄羅斯). Each shape has its
negative twin: a welcome of a visit is a reception, a stance on no party or on one's own side
backs no one. Our own sentences."""

from __future__ import annotations

import pytest

from tests.events.support import Fact, facts


def supports(text: str) -> list[Fact]:
    return [f for f in facts(text) if f.type == "SUPPORT"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("哈薩克外交部發表聲明，對中國提出的立場文件表示歡迎。", "KAZ", "CHN"),
        ("多國代表作共同發言，委內瑞拉對中國表示支持。", "VEN", "CHN"),
        ("日本外務省對美方重申協防承諾表示肯定。", "Ministry of Foreign Affairs (Japan)", "USA"),
    ],
)
def test_a_stance_on_the_party_of_its_phrase(text: str, source: str, target: str) -> None:
    assert any(source in f.source and target in f.target for f in supports(text)), facts(text)
    assert not [f for f in facts(text) if f.type == "CONSULT"], facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # no party in the phrase
        "巴勒斯坦總統府對停火決議獲得通過表示歡迎。",
        # one's own side
        "人大代表們對國務院的機構改革方案表示贊同。",
        # backing asked for, not given
        "北約發表聲明，呼籲各國不以任何方式支持俄羅斯。",
    ],
)
def test_no_stance_between_sides(text: str) -> None:
    assert not supports(text), facts(text)


def test_a_visit_welcomed_is_a_reception() -> None:
    """對普京來華訪問表示熱烈歡迎: the host receives a guest; no backing of him."""
    text = "習近平對普京總統來華進行國事訪問表示熱烈歡迎。"
    assert not supports(text), facts(text)
