"""Who the parties of an event are, over sentences of our own in the styles of TW, HK and
mainland news (events/arguments.py)."""

from __future__ import annotations

import pytest

from tests.events.support import only


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
