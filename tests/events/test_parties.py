"""Who the parties of an event are, over sentences of our own in the styles of TW, HK and
mainland news (events/arguments.py)."""

from __future__ import annotations

import pytest

from tests.events.support import facts, only


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # A relative clause ending in 的 between 與/同 and the co-party: its head is the co-party.
        ("國家主席習近平昨天在北京與來華進行正式訪問的南韓總統李在明舉行會談。", {"Xi Jinping", "Lee Jae-myung"}),
        ("印度總理莫迪今晚與來訪的俄羅斯總統普丁舉行會晤。", {"Narendra Modi", "Vladimir Putin"}),
        ("习近平在钓鱼台国宾馆同前来出席博览会的越南国家主席梁强举行会谈。", {"Xi Jinping", "Lương Cường"}),
        # A comma before the light verb: the clause before names who met.
        ("石破茂與李在明昨天在首爾青瓦台，舉行會談。", {"Shigeru Ishiba", "Lee Jae-myung"}),
    ],
)
def test_meetings_whose_co_party_is_set_off(text: str, parties: set[str]) -> None:
    assert only(text, "CONSULT/meeting").parties == parties


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        # An organisation and a title before a person name that person only, as a country does.
        ("中共中央總書記習近平今天在北京會見越南總理范明正。", "CONSULT/meeting", {"Xi Jinping", "Phạm Minh Chính"}),
        ("北約秘書長呂特昨日在海牙與美國總統川普會面。", "CONSULT/meeting", {"Mark Rutte", "Donald Trump"}),
        ("歐盟執委會主席范德賴恩與日本首相石破茂通話。", "CONSULT/call", {"Ursula von der Leyen", "Shigeru Ishiba"}),
    ],
)
def test_a_titled_person_is_one_party_not_also_the_body(text: str, kind: str, parties: set[str]) -> None:
    assert only(text, kind).parties == parties


def test_several_hosts_one_after_another_are_one_meeting_each() -> None:
    found = [f for f in facts("國務院總理李強、全國人大常委會委員長趙樂際先後與來訪的越南國家主席梁強會晤。") if f.type == "CONSULT"]
    assert {f.parties for f in found} == {frozenset({"Li Qiang", "Lương Cường"}), frozenset({"Zhao Leji", "Lương Cường"})}
