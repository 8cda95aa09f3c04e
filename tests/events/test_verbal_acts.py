"""Statements of stance and joint statements, in the words wire copy and ministry statements
use for them: endorsing (贊同), faulting (指摘), a joint statement issued with its title between
(發表了…聯合聲明). Each positive sentence has a negative twin where the same words make no such
event. Our own sentences."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def found(text: str, kind: str) -> list[tuple[frozenset[str], frozenset[str], str]]:
    return [(f.source, f.target, f.status) for f in facts(text) if kind in (f.type, f"{f.type}/{f.mode}")]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # 贊同 + a party: that party's proposal is endorsed (同 is no "with" here)
        ("外交部發言人說，中方贊同巴西提出的和平倡議。", "SUPPORT", "CHN", "BRA"),
        ("德國贊同法國的提議，主張歐盟加快談判。", "SUPPORT", "DEU", "FRA"),
        # 指摘 faults the party after it
        ("美國財長公開指摘日本操縱匯率。", "ACCUSE", "Scott Bessent", "JPN"),
        # one side's hope addressed to the other side is a request of it
        ("外交部發言人說，中方希望日方停止在台灣問題上的挑釁。", "REQUEST", "CHN", "JPN"),
        ("南韓政府希望美國盡快調降汽車關稅。", "REQUEST", "KOR", "USA"),
    ],
)
def test_a_stance_is_taken_on_the_party_named(text: str, kind: str, source: str, target: str) -> None:
    assert any(source in s and target in t for s, t, _ in found(text, kind)), facts(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # 同 after another verb with a party: with whom, not what is endorsed
        ("中方願同巴西加強合作。", "SUPPORT"),
        # 指出 states, it does not fault
        ("美國財長指出日本經濟增長放緩。", "ACCUSE"),
        # a hope that names what is hoped for, not a side asked: no request
        ("美方將提供一份希望中方購買的商品清單。", "REQUEST"),
        ("她希望拜登提出的援烏撥款能盡快通過。", "REQUEST"),
    ],
)
def test_the_same_words_take_no_stance_here(text: str, kind: str) -> None:
    assert not found(text, kind), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # the statement's title stands between the verb and the noun
        "印度總理莫迪與俄國總統普亭會談，兩人會後發表了長達數十條的聯合聲明。",
    ],
)
def test_a_joint_statement_with_its_title_between(text: str) -> None:
    assert any({"Narendra Modi", "Vladimir Putin"} <= s | t for s, t, _ in found(text, "AGREE")), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a statement of one side about another's joint statement is no agreement of the writer
        "中國外交部發表了談話，批評美日聯合聲明干涉中國內政。",
    ],
)
def test_a_statement_about_a_joint_statement_is_none(text: str) -> None:
    assert not found(text, "AGREE"), facts(text)


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        # a speaker praising, refusing or inviting in his own words does it: reported
        ("文在寅在記者會上形容會談意義重大，他稱讚金正恩展現了對話的誠意。", "SUPPORT", "reported"),
        ("中國外交部表明，不接受菲方對中國海警的無理指責。", "REJECT", "reported"),
        ("布林肯表示溝通管道十分重要，他並邀請王毅回訪華府。", "REQUEST", "reported"),
        # the twins: the speaker tells of another side's act of speech, which stays his claim
        ("文在寅表示，金正恩稱讚了南韓的誠意。", "SUPPORT", "claimed"),
        ("川普表示，中國拒絕了美方的邀請。", "REJECT", "claimed"),
        ("布林肯表示，王毅邀請美方代表團訪華。", "REQUEST", "claimed"),
    ],
)
def test_an_act_of_speech_told_by_its_doer_is_done_by_telling(text: str, kind: str, status: str) -> None:
    assert [s for _, _, s in found(text, kind)] == [status], facts(text)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the consequence names who threatens; the condition names who is threatened
        ("外交部發言人說，如果日方執意妄為，中方將採取堅決反制措施。", "CHN", "JPN"),
        ("白宮暗示，若中國向俄羅斯輸送武器，美國可能對中國實施制裁。", "USA", "CHN"),
        # no subject in the consequence: the one warning, first in the sentence, threatens
        ("布林肯重申，若中國向俄羅斯提供軍援，將面臨嚴重後果。", "Antony Blinken", "CHN"),
    ],
)
def test_a_condition_and_its_consequence_make_a_threat(text: str, source: str, target: str) -> None:
    threats = found(text, "THREATEN")
    assert any(source in s and target in t for s, t, _ in threats), facts(text)
    # the condition's act (輸送武器, 提供軍援) and the sanction threatened are not events
    assert {f.type for f in facts(text)} == {"THREATEN"}, facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a promise on a condition: the consequence is a concession, no threat
        "如果雙方達成協議，美國將解除對伊朗的制裁。",
        # a condition with no consequence of harm
        "如果中國向俄羅斯提供軍援，美國將感到失望。",
        # a consequence with no condition: a sanction stated
        "美國對中國實施制裁，中方將採取反制措施。",
    ],
)
def test_no_threat_without_condition_and_harm(text: str) -> None:
    assert not found(text, "THREATEN"), facts(text)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a partnership established is both sides' agreement
        ("去年5月，中國與巴西兩國建立全面戰略夥伴關係。", {"CHN", "BRA"}),
        ("2019年，越南同日本確立了廣泛戰略夥伴關係。", {"VNM", "JPN"}),
    ],
)
def test_a_partnership_established_is_agreed(text: str, parties: set[str]) -> None:
    assert any(parties <= s | t for s, t, _ in found(text, "AGREE")), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a partnership named, not established: no agreement
        "中國與巴西的全面戰略夥伴關係持續深化。",
        # a working group founded together is no partnership established
        "中國與巴西宣布建立聯合工作組，研究貿易問題。",
    ],
)
def test_a_partnership_named_is_no_agreement(text: str) -> None:
    assert not found(text, "AGREE"), facts(text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a levy waived is a tariff cut for the party whose goods it spares
        ("美國將免除南韓製汽車零件的鋼鋁關稅。", "planned"),
        ("白宮宣布把越南列為對等關稅減免對象。", "reported"),
        # the twin: a waiver refused is no cut made
        ("美國拒絕免除南韓製汽車零件的鋼鋁關稅。", "negated"),
    ],
)
def test_a_levy_waived_is_a_tariff_cut(text: str, status: str) -> None:
    assert [s for _, t, s in found(text, "CONCEDE/tariff") if t & {"KOR", "VNM"}] == [status], facts(text)


def test_a_waiver_asked_for_is_no_tariff_cut() -> None:
    """要求…免除關稅: the waiver is what is asked, not granted (the demand replaces it)."""
    text = "南韓要求美國免除南韓製汽車零件的鋼鋁關稅。"
    assert not found(text, "CONCEDE") and found(text, "REQUEST"), facts(text)


@pytest.mark.parametrize(
    ("text", "backed"),
    [
        # reaffirming the one-China policy backs China
        ("白宮發言人說，美方重申奉行一個中國政策。", True),
        ("英國外相表示，英國堅持「一個中國」政策不變。", True),
        # the twins: urged to keep it, or the policy named, backs no one here
        ("中方敦促英方恪守一個中國原則。", False),
        ("美國的一個中國政策由三個聯合公報構成。", False),
    ],
)
def test_the_one_china_policy_reaffirmed_backs_china(text: str, backed: bool) -> None:
    assert any("CHN" in t for _, t, _ in found(text, "SUPPORT")) == backed, facts(text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # what happened before (此前) is no consequence of the condition: reported as told
        ("美方警告，如果北韓再度試射飛彈，將面臨後果，且此前南韓已要求北韓停止挑釁。", "reported"),
        # the twin: a consequence of the condition stays hypothetical
        ("美方警告，如果北韓再度試射飛彈，南韓將要求北韓停止挑釁。", "hypothetical"),
    ],
)
def test_a_condition_ends_where_an_earlier_fact_is_told(text: str, status: str) -> None:
    assert [s for _, _, s in found(text, "REQUEST")] == [status], facts(text)


@pytest.mark.parametrize(
    ("text", "agreed"),
    [
        # 談妥 (settled in talks) is a deal reached, as 談成 is
        ("英國與印度上月談妥自由貿易協定。", True),
        # the twin: not yet settled
        ("英國與印度仍未談妥自由貿易協定。", False),
    ],
)
def test_a_deal_settled_in_talks(text: str, agreed: bool) -> None:
    assert [s for _, _, s in found(text, "AGREE")] == (["reported"] if agreed else ["negated"]), facts(text)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the mainland register's 致电 sends a message: a congratulation is praise, a condolence no call
        ("国家主席习近平10日致电普京，祝贺他再次当选俄罗斯总统。", ["SUPPORT/praise"]),
        ("国家主席习近平致电土耳其总统埃尔多安，就地震灾害表示慰问。", []),
        # the twin: 致電 with talk after it is a call
        ("川普昨天致電習近平，討論貿易問題。", ["CONSULT/call"]),
    ],
)
def test_a_message_sent_is_no_call(text: str, kinds: list[str]) -> None:
    assert [f"{f.type}/{f.mode}" for f in facts(text)] == kinds
