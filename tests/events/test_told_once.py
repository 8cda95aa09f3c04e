"""One meeting, one event: a meeting the headline, the lead and later sentences each name is
reported once, from the first sentence of the story's prose; a second meeting of the same
leaders on another day, or one the text names as earlier, stays apart. Our own sentences, in
the wording of Taiwan and Hong Kong wire copy and mainland readouts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts

FILED = dt.date(2025, 10, 16)


def meetings(text: str) -> list[tuple[str | None, str | None]]:
    """(date, place) of each CONSULT meeting the text reports."""
    return [(f.date, f.place) for f in facts(text, FILED) if f.type == "CONSULT" and f.mode == "meeting" and f.status == "reported"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline, then the lead: the lead's report is kept (it ends with a full stop)
        ("川習會登場 雙方談貿易\n美國總統川普與中國國家主席習近平15日在釜山會晤。", [("2025-10-15", "Busan")]),
        # the lead, then a later sentence back on the same meeting
        ("習近平15日在北京會見拜登。習近平與拜登的會晤持續兩小時。", [("2025-10-15", "Beijing")]),
        ("習近平15日在北京會見拜登。習近平在會見拜登時說，中美應相互尊重。", [("2025-10-15", "Beijing")]),
        ("石破茂15日在東京與李在明舉行會談。李在明與石破茂會談後共同會見記者。", [("2025-10-15", "Tokyo")]),
        # an undated first report takes the day a later report of the same meeting gives
        ("普京與莫迪舉行會談，雙方同意擴大貿易。普京與莫迪15日的會談持續三小時。", [("2025-10-15", None)]),
    ],
)
def test_a_meeting_told_again_is_one_event(text: str, expected: list) -> None:
    assert meetings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # twin: two meetings of the same leaders on two days are two events
        ("莫迪14日以私人晚宴款待普京。莫迪與普京15日在新德里舉行會談。", [("2025-10-14", None), ("2025-10-15", "New Delhi")]),
        # twin: 再次 makes the second report another meeting, and a later mention goes with it
        ("拜登15日在白宮會見石破茂。拜登隨後再次會見石破茂。拜登與石破茂的會見持續一小時。", [("2025-10-15", "White House"), ("2025-10-15", None)]),
        # twin: a meeting of other leaders in the same story is its own event
        ("習近平15日在北京會見拜登。拜登16日在東京與石破茂會晤。", [("2025-10-15", "Beijing"), ("2025-10-16", "Tokyo")]),
    ],
)
def test_other_meetings_stay_apart(text: str, expected: list) -> None:
    assert meetings(text) == expected


def test_an_earlier_meeting_of_the_same_leaders_stays_apart() -> None:
    """雙方曾多次會面 names earlier meetings: not the one in the news, even undated."""
    found = [f for f in facts("金正恩15日在北京與習近平會晤。雙方2018至19年間曾多次會面。", FILED) if f.type == "CONSULT"]
    assert len(found) == 2, found


def protests(text: str) -> list[tuple[str | None, str | None, frozenset[str], frozenset[str]]]:
    return [(f.mode, f.date, f.source, f.target) for f in facts(text, FILED) if f.type == "PROTEST"]


MFA = "Ministry of Foreign Affairs of the People's Republic of China"


def test_a_summons_told_in_the_headline_and_the_lead_is_one_protest() -> None:
    text = "中國外交部召見日本駐華大使 提出嚴正抗議\n中國外交部15日召見日本駐華大使，提出嚴正交涉。"
    assert protests(text) == [("summon", "2025-10-15", frozenset({MFA}), frozenset({"JPN"}))]


@pytest.mark.parametrize(
    "text",
    [
        # twins: summonses in both directions are two protests, and so is one made again
        "中國外交部15日召見日本駐華大使，提出嚴正交涉。日本外務省同日召見中國駐日大使，表達抗議。",
        "中國外交部15日召見日本駐華大使。中國外交部隨後再次召見日本駐華大使。",
    ],
)
def test_summonses_of_two_directions_or_again_stay_two(text: str) -> None:
    assert len(protests(text)) == 2, protests(text)


def statuses(text: str) -> list[str]:
    return [f.status for f in facts(text, FILED) if f.type == "CONSULT"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan named again is one plan
        ("習近平將同拜登舉行會晤。雙方將就中美關係交換意見。", ["planned"]),
        # twins: a plan is never the meeting held, before or after it
        ("習近平5日同拜登舉行會晤。習近平將同拜登再舉行會晤。", ["reported", "planned"]),
        ("習近平上月同拜登舉行會晤。雙方同意明年再次會晤。", ["reported", "planned"]),
    ],
)
def test_a_plan_told_again_is_one_plan(text: str, expected: list[str]) -> None:
    assert statuses(text) == expected


def agreements(text: str) -> list[tuple[str | None, str | None]]:
    return [(f.mode, f.date) for f in facts(text, FILED) if f.type == "AGREE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing told again is one agreement
        ("美日兩國15日簽署貿易協議。美日兩國簽署貿易協議後，日圓走強。", [("sign", "2025-10-15")]),
        # twins: an agreement made again is another; a deal and a signing are two acts
        ("美國與日本15日達成協議。美國與日本隨後再次達成協議。", [("deal", "2025-10-15"), ("deal", "2025-10-15")]),
        ("美國與日本13日達成協議。美國與日本15日簽署協議。", [("deal", "2025-10-13"), ("sign", "2025-10-15")]),
    ],
)
def test_an_agreement_told_again_is_one(text: str, expected: list) -> None:
    assert agreements(text) == expected


def test_a_headline_naming_a_country_is_the_visit_its_lead_names_by_person() -> None:
    text = "老撾外長將訪華\n外交部發言人1日宣布，應外交部長王毅邀請，老撾副總理兼外長沙倫賽將於4月2日至4日訪華。"
    visits = [f for f in facts(text, dt.date(2024, 4, 1)) if f.mode == "visit"]
    assert [(f.source, f.date) for f in visits] == [({"Saleumxay Kommasith"}, "2024-04-02")]


def test_in_prose_a_country_and_a_person_of_it_are_two_meetings() -> None:
    text = "國家主席習近平會見美國國務卿布林肯。中美兩國外長隨後舉行會談。"
    meetings = [f for f in facts(text) if f.mode == "meeting"]
    assert len(meetings) == 2
