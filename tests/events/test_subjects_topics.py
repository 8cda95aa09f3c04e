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
