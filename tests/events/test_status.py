"""Status and attribution: who says so, and whether it happened, was planned or only supposed."""

from __future__ import annotations

import pytest

from summitry.events.lexicon import event_lexicon
from summitry.events.status import CUE_LISTS, StatusCueIndex
from summitry.text import fold
from tests.events.support import facts, only

TRUMP = "Donald Trump"


@pytest.mark.parametrize(
    ("text", "kind", "status", "claimed_by"),
    [
        # stated as fact by the author
        ("韓國總統李在明29日在慶州會見美國總統川普。", "CONSULT/meeting", "reported", None),
        # 表示 / 宣稱 / 聲稱 / 說: that speaker's claim
        # agreed to buy: the purchase is still to come (planned), and Trump says so
        ("川普表示，習近平已同意購買美國大豆。", "COOPERATE/economic", "planned", TRUMP),
        ("特朗普宣稱普京同意停火。", "AGREE/ceasefire", "claimed", TRUMP),
        ("特朗普聲稱他與普京談判了領土問題。", "CONSULT/negotiate", "claimed", TRUMP),
        # 據報導: a claim with no one named
        ("據報導，五角大廈正研究撤出4500名駐韓美軍。", "RETREAT/withdraw", "claimed", None),
        # 根據X的說法: X speaks what follows
        ("根據川普的說法，美方將允許南韓取得核潛艦技術。", "CONCEDE/approval", "planned", TRUMP),
        # 將 / 計劃 / 準備 / 承諾 / 擬: planned
        ("特朗普將於明年四月訪問北京。", "CONSULT/visit", "planned", None),
        ("日本計劃向美國採購更多液化天然氣。", "COOPERATE/economic", "planned", None),
        ("南韓準備向美國提出新的投資方案。", "COOPERATE/economic", "planned", None),
        ("日本向美國承諾投資5500億美元。", "COOPERATE/economic", "planned", None),
        ("越南擬向美國採購C-130運輸機。", "COOPERATE/economic", "planned", None),
        # 要 + verb: still to do (not 要求, a demand)
        ("中方要向美國採購更多大豆。", "COOPERATE/economic", "planned", None),
        ("印尼有意向法國採購潛艦。", "COOPERATE/economic", "planned", None),
        ("美方要求韓方每年支付50億美元駐軍費用。", "REQUEST/demand", "reported", None),
        # 沒有要…: no plan, and what follows 但 is Trump's account of what he allows
        ("川普強調目前沒有要把華為從實體名單上移除，但允許華為向美國企業購買產品。", "CONCEDE/approval", "claimed", TRUMP),
        # 須 / 必須: an obligation stated, nothing done; after a verb of saying, the speaker's claim
        ("美日兩國須恢復對話。", "CONSULT/meeting", "hypothetical", None),
        ("中國必須向美國採購更多大豆。", "COOPERATE/economic", "hypothetical", None),
        # what a deal avoids would only have come without it
        ("雙方達成共識，可避免美國對中國加徵100%關稅。", "SANCTION/tariff", "hypothetical", None),
        ("川普表示，中國必須向美國採購更多大豆。", "COOPERATE/economic", "claimed", TRUMP),
        # twin: with no modal the resumption is reported
        ("美日兩國恢復對話。", "CONSULT/meeting", "reported", None),
        # a date after the publication date is planned too
        ("李在明下個月在首爾會見高市早苗。", "CONSULT/meeting", "planned", None),
        # 如果 / 若 / 一旦: hypothetical, to the end of the sentence
        ("如果金正恩願意，特朗普會與他見面。", "CONSULT/meeting", "hypothetical", None),
        ("若雙方談判破裂，美國將對中國加徵100%關稅。", "SANCTION/tariff", "hypothetical", None),
        ("一旦北韓試射洲際飛彈，美國將部署更多戰略資產。", "MOBILIZE/deploy", "hypothetical", None),
        # 沒有 / 未 / 並未 / 拒絕 / 取消: negated
        ("普京沒有與澤連斯基會面。", "CONSULT/meeting", "negated", None),
        ("北韓拒絕與美國展開對話。", "CONSULT/meeting", "negated", None),
        ("中國外交部發言人表示，中方從未同意購買美國晶片。", "COOPERATE/economic", "negated", "Ministry of Foreign Affairs of the People's Republic of China"),
        # a denied claim: negated, and the denier claims so
        ("白宮否認特朗普曾與金正恩秘密通話。", "CONSULT/call", "negated", "White House"),
        # suspended talks do not take place; the announcer claims so
        ("日本政府宣布暫停與俄羅斯的漁業談判。", "CONSULT/negotiate", "negated", "JPN"),
    ],
)
def test_status_and_claimant(text: str, kind: str, status: str, claimed_by: str | None) -> None:
    fact = only(text, kind)
    assert (fact.status, fact.claimed_by) == (status, claimed_by)


def test_a_quotation_is_its_speakers_claim_and_i_is_the_speaker() -> None:
    fact = only("特朗普說：「我下個月會見習近平，我們一定會達成協議。」", "CONSULT/meeting")
    assert (fact.parties, fact.status, fact.claimed_by) == ({TRUMP, "Xi Jinping"}, "planned", TRUMP)


def test_a_quoted_denial_inside_a_claim() -> None:
    fact = only("川普卻說「事實上，我們根本沒和中國討論這個話題」。", "CONSULT/meeting")
    assert (fact.status, fact.claimed_by) == ("negated", TRUMP)


def test_a_name_in_brackets_quotes_is_not_a_quotation() -> None:
    fact = only("日本首相承諾設立一個對美「投資工具」。", "COOPERATE/economic")
    assert fact.claimed_by is None


def test_a_joint_announcement_is_no_one_partys_claim() -> None:
    text = "10月29日，川普在慶州會見李在明，雙方宣佈已就關稅爭端達成協議。"
    fact = only(text, "AGREE/deal")
    assert (fact.parties, fact.status, fact.claimed_by) == ({TRUMP, "Lee Jae-myung"}, "reported", None)


def test_ba_is_not_the_future() -> None:
    """將 before a party, or before a verb with a result (提升為), marks the object."""
    assert only("柬埔寨和泰國將特朗普奉為上賓，並在吉隆坡簽署停火協議。", "AGREE/ceasefire").status == "reported"
    assert only("美國與日本一致同意將美日同盟提升至新的高度。", "COOPERATE/diplomatic").status == "reported"


class TestNegativeCases:
    def test_a_hypothetical_meeting_is_not_reported_as_held(self) -> None:
        meetings = [f for f in facts("如果金正恩願意見面，川普說他會見金正恩。") if f.type == "CONSULT"]
        assert meetings and all(f.status == "hypothetical" for f in meetings)

    def test_a_cancelled_exercise_is_a_cancellation_not_an_exercise(self) -> None:
        found = facts("美國與南韓宣布取消原定下月舉行的聯合軍演。")
        assert [(f.type, f.status) for f in found if f.type in ("RETREAT", "MOBILIZE")] == [("RETREAT", "reported")]
        assert found[0].date is None  # 下月 dates the exercise that will not happen

    def test_a_denied_meeting_is_negated(self) -> None:
        fact = only("克里姆林宮否認普京曾與澤連斯基會面。", "CONSULT/meeting")
        assert fact.status == "negated"

    def test_an_invitation_is_made_but_the_visit_is_only_planned(self) -> None:
        found = {(f.type, f.mode): f.status for f in facts("特朗普邀請習近平主席訪問美國。")}
        assert found == {("REQUEST", "invite"): "reported", ("CONSULT", "visit"): "planned"}

    def test_a_nominal_use_reports_nothing(self) -> None:
        assert not [f for f in facts("北京握有解除制裁的籌碼。") if f.type == "CONCEDE"]


@pytest.mark.parametrize(
    "text",
    [
        "川普表示，習近平已同意購買美國大豆，但他沒有說明何時將會見面。",
        "據報導，如果雙方無法達成協議，美方可能不會取消關稅，白宮否認此說。",
        "根據川普的說法，美方將允許南韓取得核潛艦技術。",
    ],
)
def test_one_pass_finds_every_cue_a_search_per_word_finds(text: str) -> None:
    """The cue index reads a sentence once for all lists: it must find what str.find finds."""
    lexicon = event_lexicon().status
    text = fold(text)  # as the cue words are
    written = StatusCueIndex(lexicon).written(text, 0, len(text))
    for kind in CUE_LISTS:
        expected = [
            (cue, position)
            for cue in getattr(lexicon, kind)
            for position in range(len(text))
            if text.startswith(cue.word, position)
        ]
        assert written.get(kind, []) == expected
