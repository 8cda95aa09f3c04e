"""Concessions in the trade-war register: a party let buy again (允許華為…購買), taken off a
list of restricted buyers (從實體清單上移除), a levy put off (暫緩/推遲加徵關稅) or a truce on
levies prolonged (延長關稅休戰). The restriction named is the one lifted, not a new one; each
shape has its negative twin (a concession refused or only asked for). Our own sentences."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def kinds(text: str) -> set[str]:
    return {f.type for f in facts(text)}


@pytest.mark.parametrize(
    ("text", "source", "target", "status"),
    [
        ("白宮宣布將華為從實體清單上移除。", "White House", "Huawei", "reported"),
        ("川普表示，目前沒有要把華為從實體清單上移除。", "Donald Trump", "Huawei", "negated"),
        ("美方宣布暫緩對中國商品加徵關稅。", "USA", "CHN", "reported"),
        ("川普宣布推遲對歐盟加徵50%關稅。", "Donald Trump", "European Union", "reported"),
    ],
)
def test_a_restriction_lifted_or_put_off(text: str, source: str, target: str, status: str) -> None:
    found = [f for f in facts(text) if f.type == "CONCEDE"]
    assert any(source in f.source and target in f.target and f.status == status for f in found), facts(text)
    assert "SANCTION" not in kinds(text), facts(text)


def test_a_truce_on_levies_prolonged() -> None:
    assert "CONCEDE" in kinds("美國與中國同意延長關稅休戰90天。")


def test_a_purchase_allowed_is_the_permission() -> None:
    """允許華為再向美國企業購買產品: the purchase is Huawei's, let by the US, no pledge."""
    found = facts("川普表示，將允許華為再向美國企業購買產品。")
    assert [f.type for f in found] == ["CONCEDE"], found


@pytest.mark.parametrize(
    "text",
    [
        # asked for, not made
        "中方要求美方暫緩加徵關稅。",
        # a delay of something else
        "美方推遲了原定的部長級會談。",
    ],
)
def test_no_concession_made(text: str) -> None:
    assert "CONCEDE" not in kinds(text), facts(text)


@pytest.mark.parametrize(
    ("text", "granted"),
    [
        # a grant to another side, or a licence to a firm
        ("美國政府批准向烏克蘭提供主戰坦克。", True),
        ("美國商務部批准輝達向中國出口晶片。", True),
        # the twins: one's own side's plans, bodies or people approved concede nothing
        ("經中共中央批准，中央紀委對一名官員立案審查。", False),
        ("全國人大批准國務院提出的預算報告。", False),
        ("泰國國王批准新總理就職。", False),
    ],
)
def test_a_grant_goes_to_another_side_or_a_firm(text: str, granted: bool) -> None:
    assert ("CONCEDE" in kinds(text)) is granted, facts(text)
