"""The actor timeline: one actor found by any of its names, its rows in date order."""

from __future__ import annotations

import pytest

from summitry.views.shape import view_json
from summitry.views.timeline import UnknownActor, actor_timeline
from tests.views.conftest import articles

ARTICLES = (
    "2018年6月，川普與金正恩在新加坡舉行峰會。",
    "川普29日在慶州會見南韓總統李在明。李在明表示，南韓將在2028年前採購價值250億美元的美國液化天然氣。",
    "美方要求韩方每年支付50亿美元驻军费用。",
)


@pytest.mark.parametrize("name", ["Donald Trump", "Trump", "Q22686", "川普", "特朗普", "donald trump"])
def test_an_actor_is_found_by_name_id_or_alias(name: str) -> None:
    timeline = actor_timeline(articles(*ARTICLES), name)
    assert timeline.actor == "Q22686"
    assert [(e.kind, e.date) for e in timeline.entries if e.kind == "meeting"] == [("meeting", "2018-06"), ("meeting", "2025-10-29")]


def test_a_country_gathers_commitments_made_and_received() -> None:
    timeline = actor_timeline(articles(*ARTICLES), "南韓")
    kinds = [e.kind for e in timeline.entries]
    assert kinds.count("commitment_made") == 2  # the LNG purchase and the demanded cost-sharing
    assert "meeting" in kinds  # Lee Jae-myung's meeting counts for South Korea


def test_claims_are_the_actors_own_words() -> None:
    timeline = actor_timeline(articles(*ARTICLES), "Lee Jae-myung")
    claims = [e for e in timeline.entries if e.kind == "claim"]
    assert claims and all(s.text.startswith("李在明表示") for e in claims for s in e.sources)


def test_entries_are_in_date_order_with_undated_last() -> None:
    entries = actor_timeline(articles(*ARTICLES), "Trump").entries
    dates = [e.date for e in entries]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dates[: len(dated)] == dated
    assert view_json(actor_timeline(articles(*ARTICLES), "Trump"))["actor"] == "Q22686"


def test_an_unknown_name_is_an_error() -> None:
    with pytest.raises(UnknownActor):
        actor_timeline(articles(*ARTICLES), "Nobody Atall")
