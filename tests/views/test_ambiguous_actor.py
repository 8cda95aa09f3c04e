"""A name several people answer to (Kim) is never one timeline: the candidates are listed with
their offices and dates, and the user names one; a full name or id still gives the timeline."""

from __future__ import annotations

import pytest

from summitry.views.timeline import AmbiguousActor, UnknownActor, actor_timeline


@pytest.mark.parametrize("name", ["Kim", "kim"])
def test_a_name_of_several_people_lists_them_and_merges_none(name: str) -> None:
    with pytest.raises(AmbiguousActor) as raised:
        actor_timeline([], name)
    line = raised.value.describe()
    assert "\n" not in line and "give one by id or full name" in line
    assert "Kim Min-seok (prime_minister of KOR 2025-07-03–)" in line
    assert len(raised.value.candidates) > 2 and isinstance(raised.value, UnknownActor)


@pytest.mark.parametrize(("name", "actor"), [("Kim Jong Un", "Q56226"), ("Q56226", "Q56226"), ("金正恩", "Q56226"), ("Trump", "Q22686")])
def test_one_person_named_gives_the_timeline(name: str, actor: str) -> None:
    assert actor_timeline([], name).actor == actor
