"""A verb of saying that performs what it announces (宣佈制裁, 揚言…並威脅): the speaker's own
act is reported, not claimed; what it announces of another party stays the speaker's claim.
Our own sentences, in wire-copy wording."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def statuses(text: str, kind: str) -> list[str]:
    return [f.status for f in facts(text) if f.type == kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("美國財政部宣布制裁俄羅斯兩家石油公司。", "SANCTION"),
        ("北京宣布對美國實施稀土出口管制。", "SANCTION"),
        # a clause after it with no subject of its own goes on with the speaker's act
        ("川普揚言取消與習近平的會面，並威脅對中國加徵關稅。", "THREATEN"),
    ],
)
def test_an_announced_act_of_the_speaker_is_reported(text: str, kind: str) -> None:
    assert statuses(text, kind) == ["reported"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the twins: a verb that only tells, and an announcement of another party's act
        ("美國財政部表示，已制裁俄羅斯兩家石油公司。", "SANCTION"),
        ("白宮宣布，中國已向美國採購大豆。", "COOPERATE"),
    ],
)
def test_what_is_only_told_stays_claimed(text: str, kind: str) -> None:
    assert statuses(text, kind) == ["claimed"]
