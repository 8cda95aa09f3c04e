"""Status, claimant and date rules that reach across a sentence: an intention shared by a
clause group, a speaker's position, an undone plan, a joint statement, a speaker beside a
scene phrase. Our own sentences, written in the TW/HK and mainland styles we meet."""

from __future__ import annotations

import pytest

from tests.events.support import facts

TRUMP = "Donald Trump"
MACRON = "Emmanuel Macron"


def statuses(text: str, kind: str) -> list[tuple[str, str | None]]:
    return sorted((f.status, f.claimed_by) for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}"))


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # 承諾/願/將 reach every trigger of the clause group that has no subject of its own
        ("日方承諾擴大對美投資，並在半導體、能源等領域深化合作。", "COOPERATE", [("planned", None), ("planned", None)]),
        ("南韓将向美国采购液化天然气，并扩大对美投资。", "COOPERATE", [("planned", None)]),
        # ... but not past a contrast or into a trigger that says it is done
        ("大韓航空承諾向波音採購客機，並與奇異航太敲定引擎協議。", "AGREE", [("reported", None)]),
        # 願 governs the verb after it, not the meeting reported before it
        ("習近平與川普會晤時表示願深化雙方合作。", "CONSULT/meeting", [("reported", None)]),
        # a relative clause on the subject (即將卸任的) does not make the visit planned
        ("即將卸任的日本首相岸田文雄今天訪問南韓。", "CONSULT/visit", [("reported", None)]),
        # ... while a party that only modifies the trigger's noun leaves the cue its reach
        ("川普此行的目標是爭取3500億美元的日本投資。", "COOPERATE", [("planned", None)]),
        # 應該 after a verb of saying: the speaker's position, a claim, not a condition
        ("馬克龍稱中法應該在氣候議題上加強合作。", "COOPERATE", [("claimed", MACRON)]),
        # 可能 stays a possibility
        ("川普表示可能與金正恩會面。", "CONSULT/meeting", [("hypothetical", TRUMP)]),
        # 原訂…但: the plan did not happen
        ("兩國原訂今日簽署協議，但美方臨時取消行程。", "AGREE/sign", [("negated", None)]),
        # 不是…的時機: not done
        ("川普表示現在不是與北韓簽署協議的時候。", "AGREE/sign", [("negated", TRUMP)]),
        # a 計畫 named as a noun is no intention
        ("莫迪表示，兩國已就一項能源合作計畫達成共識。", "AGREE", [("claimed", "Narendra Modi")]),
        # 已 shortly before the trigger: done, whatever intention came earlier
        ("中方承諾擴大進口美國大豆，並已與美方簽署協議。", "AGREE/sign", [("reported", None)]),
        ("中方承諾擴大進口美國大豆，並與美方簽署協議。", "AGREE/sign", [("planned", None)]),
    ],
)
def test_status_reaches_its_clause_group(text: str, kind: str, expected: list[tuple[str, str | None]]) -> None:
    assert statuses(text, kind) == expected


@pytest.mark.parametrize(
    ("text", "kind", "claimed_by"),
    [
        # a party inside a relative clause (李在明主持的晚宴) is not the speaker
        ("川普30日在出席南韓總統李在明主持的國宴上宣布，美韓已達成貿易協議。", "AGREE", TRUMP),
        # nor one inside a scene phrase (在…會談後)
        ("中國外交部副部長劉振民在中菲元首會談後表示，雙方已同意這項安排。", "AGREE", "Liu Zhenmin"),
        # a possessive (總統府的發言人) keeps its party as the speaker's side
        ("菲律賓總統府的發言人表示，菲方同意與中國恢復談判。", "CONSULT/negotiate", "PHL"),
    ],
)
def test_the_speaker_stands_outside_modifiers(text: str, kind: str, claimed_by: str) -> None:
    found = [f for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}")]
    assert found and all(f.claimed_by == claimed_by for f in found), found


def test_a_joint_statement_is_no_one_partys_claim() -> None:
    found = [f for f in facts("兩國領袖會後發表聯合聲明，提到日本與南韓同意這項協議。") if f.type == "AGREE"]
    assert found and all((f.status, f.claimed_by) == ("reported", None) for f in found), found


def dates(text: str, kind: str) -> list[str | None]:
    return sorted((f.date for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}")), key=str)


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # a time opening a clause dates the triggers of the clauses after it in the sentence
        ("今年3月日美達成關稅協議架構，日本隨即擴大對美投資。", "COOPERATE", ["2025-03"]),
        # ... but not a plan (同意投資: agreed, still to come), nor a clause that turns (但) or opens a new step (目前)
        ("今年3月日美達成關稅協議架構，日本同意投資美國5500億美元。", "COOPERATE", [None]),
        ("今年5月兩國達成協議，日本將在年底前向美國採購大豆。", "COOPERATE", [None]),
        ("川普去年7月與日本達成協議，但日本目前仍未兌現投資承諾。", "COOPERATE", [None]),
        # nor across a since-phrase (自…以來): the time is of the invasion
        ("這是自2022年2月俄國入侵烏克蘭以來，普京首次訪問印度。", "CONSULT/visit", [None]),
        # an agreement named as a noun is older than the saying that mentions it
        ("南韓官員28日表示，這項方案類似越南與美國達成的協議。", "AGREE", [None]),
        # 繼…後 names an earlier summit: its month dates neither this meeting nor later reports
        # (told twice, the meeting is one event: test_told_once.py)
        ("李在明23日抵達東京。這是繼六月G7峰會後，他再度和石破茂會談。雙方先進行小範圍會談，接著進行擴大會談。", "CONSULT/meeting", ["2025-10-23"]),
        # 當天 after a dated clause is that day; alone it is the day of the news
        ("普京4日抵達新德里，莫迪當天親赴機場迎接普京。", "CONSULT/meeting", ["2025-10-04"]),
        ("莫迪當天親赴機場迎接普京。", "CONSULT/meeting", ["2025-10-30"]),
    ],
)
def test_event_dates_across_a_sentence(text: str, kind: str, expected: list[str | None]) -> None:
    assert dates(text, kind) == expected
