"""Scope of dates, statuses, venues and targets: each belongs to its own clause or phrase.

The sentences are written for these tests, in the style of HK, Taiwan and mainland news.
"""

from __future__ import annotations

import datetime as dt

from tests.events.support import facts

TRUMP, XI, LEE, TAKAICHI = "Donald Trump", "Xi Jinping", "Lee Jae-myung", "Sanae Takaichi"


def test_a_since_phrase_or_another_verbs_time_does_not_date_the_meeting() -> None:
    text = (
        "南韓總統李在明二十日起訪問日本,在奈良與日本首相高市早苗舉行會談。"
        "這是二○一九年以來南韓總統首次到訪日本,也是李在明去年六月就任總統以來和高市早苗第二度會談。"
    )
    found = facts(text, dt.date(2025, 10, 21))
    meetings = [f for f in found if (f.type, f.mode) == ("CONSULT", "meeting")]
    visits = [f for f in found if (f.type, f.mode) == ("CONSULT", "visit")]
    assert meetings and all(f.parties == {LEE, TAKAICHI} for f in meetings)
    # 二十日起訪問 dates the visit; the summit clause goes on with it; the later report
    # takes the same date, never 2019 (since when) or June (when he took office)
    assert {f.date for f in meetings} == {"2025-10-20"}
    assert {f.date for f in visits} == {"2025-10-20"}


def test_a_place_after_zai_is_where_they_met_and_an_agreement_name_is_no_cooperation() -> None:
    found = facts("菲律賓總統小馬可仕在東京首相官邸與日本首相高市早苗舉行會談,雙方同意恢復情報合作協定。")
    meeting = next(f for f in found if (f.type, f.mode) == ("CONSULT", "meeting"))
    assert meeting.parties == {"Bongbong Marcos", TAKAICHI}
    assert meeting.place == "Tokyo"
    assert not [f for f in found if f.type == "COOPERATE"]
    assert all("Prime Minister's Official Residence (Japan)" not in f.parties for f in found)


def test_the_accused_is_the_object_and_unable_to_broker_is_no_mediation() -> None:
    found = facts("普京指責澤連斯基對美國總統川普的依賴讓俄方難以促成和平協議。")
    accuse = next(f for f in found if f.type == "ACCUSE")
    assert accuse.source == {"Vladimir Putin"} and accuse.target == {"Volodymyr Zelenskyy"}
    assert all(f.status == "negated" for f in found if (f.type, f.mode) == ("CONSULT", "mediate"))


def test_a_condition_ends_with_its_consequence() -> None:
    text = (
        "據本報掌握的消息,川習會的行程大致底定,將於31日上午在釜山舉行,不過川普曾說,"
        "只要聊幾分鐘,他就能知道對方有沒有誠意,所以正式會議之前,會有一段由川普與習近平兩人單獨進行的閉門會談。"
    )
    meetings = [f for f in facts(text) if f.type == "CONSULT" and f.parties == {TRUMP, XI}]
    assert meetings and all(f.status == "planned" for f in meetings)


def test_a_time_between_the_invited_and_the_visit_dates_the_visit() -> None:
    found = facts("南韓總統李在明邀請日本首相高市早苗明年3月訪問南韓。")
    invite = next(f for f in found if (f.type, f.mode) == ("REQUEST", "invite"))
    visit = next(f for f in found if (f.type, f.mode) == ("CONSULT", "visit"))
    assert invite.status == "reported" and invite.date != "2026-03"
    assert (visit.source, visit.date, visit.status) == ({TAKAICHI}, "2026-03", "planned")


def test_thanks_that_is_only_suggested_is_no_praise() -> None:
    found = facts("魯比奧批評澤連斯基的態度,并建議他公開感謝川普。")
    assert not [f for f in found if f.type == "SUPPORT"]
    # an actual thank-you still counts
    assert [f for f in facts("普京感謝特朗普為和平所作的努力。") if f.type == "SUPPORT"]


def test_cooperation_in_security_is_military() -> None:
    found = facts("中方的擴張讓美日兩國必須深化以同盟為基礎的安保合作。")
    assert [(f.type, f.mode) for f in found if f.type == "COOPERATE"] == [("COOPERATE", "military")]
    assert [f.mode for f in facts("美日兩國將加強合作。") if f.type == "COOPERATE"] == ["economic"]


def test_a_visit_asked_for_takes_neither_the_day_nor_the_place_of_the_invitation() -> None:
    found = facts("川普30日在釜山出席峰會時,已邀請中國國家主席習近平訪問美國。")
    invite = next(f for f in found if (f.type, f.mode) == ("REQUEST", "invite"))
    visit = next(f for f in found if (f.type, f.mode) == ("CONSULT", "visit"))
    assert invite.date == "2025-10-30"
    assert (visit.source, visit.date, visit.place, visit.status) == ({XI}, None, "United States", "planned")
