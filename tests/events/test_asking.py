"""Requests: one side asking another, in the shapes wire copy, readouts and headlines give them
(要求/敦促/呼籲/促請 + the party asked; the headline register's 促, 籲, 盼; a hope addressed to
another side, 希望美方…). The party asked stands right after the verb; with none there the
words are an exhortation of no one (呼籲各方保持克制) or a noun (內在要求), and a party later in
the clause is what is asked for, not who is asked. Each shape has its negative twin. Our own
sentences."""

from __future__ import annotations

import pytest

from tests.events.support import Fact, facts


def requests(text: str) -> list[Fact]:
    return [f for f in facts(text) if f.type == "REQUEST"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the party asked right after the verb
        ("外交部發言人表示，中方敦促日方停止在台灣問題上的挑釁。", "CHN", "JPN"),
        ("聯合國秘書長呼籲美國盡快解除對古巴的封鎖。", "António Guterres", "USA"),
        # the headline register's one-character verbs
        ("歐盟籲俄羅斯立即撤軍。", "European Union", "RUS"),
        ("美國國務院促中國停止對台軍事施壓。", "United States Department of State", "CHN"),
        ("川普盼中國增購4倍美國大豆。", "Donald Trump", "CHN"),
        # a hope addressed to another side, the hoping side the speaker
        ("王毅表示，希望美方以理性態度看待中國的發展。", "Wang Yi", "USA"),
        # a seat of government after a verb of urging is its government
        ("國務院聲明說，美方促請北京約束平壤的挑釁行為。", "USA", "CHN"),
        # 包括…在內: the party named inside the phrase of those asked
        ("北約發表聲明，呼籲包括中國在內的各國停止向俄羅斯輸送武器。", "NATO", "CHN"),
    ],
)
def test_the_party_asked_stands_right_after_the_verb(text: str, source: str, target: str) -> None:
    assert any(source in f.source and target in f.target for f in requests(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # an exhortation of no one
        "聯合國秘書長呼籲各方保持最大克制。",
        "中方呼籲國際社會加大人道援助力度。",
        # a demand named as a noun
        "習近平強調，科技自主是高質量發展的內在要求。",
        # the sides' relations or firms are hoped for, no side is asked
        "美方希望美中關係保持穩定。",
        "希望中德企業家把握機遇、共謀發展。",
        # a hope naming what is hoped for
        "美方將提供一份希望中方購買的商品清單。",
        # 促 inside another word
        "兩國將共同促進區域繁榮。",
    ],
)
def test_no_party_asked_no_request(text: str) -> None:
    assert not requests(text), facts(text)


@pytest.mark.parametrize(
    ("text", "not_target"),
    [
        # a party later in the clause is what is asked for, not who is asked
        ("中方呼籲各方遵守聯合國安理會有關決議。", "United Nations Security Council"),
        ("德國總理呼籲停止向烏克蘭輸送武器。", "UKR"),
        ("中國代表呼籲為烏克蘭危機停火創造條件。", "UKR"),
        # mainland copy's 要求北京 asks the city, not China's government
        ("習近平要求北京切實提高山區防汛能力。", "CHN"),
    ],
)
def test_a_party_further_on_is_not_the_one_asked(text: str, not_target: str) -> None:
    assert not any(not_target in f.target for f in requests(text)), facts(text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the act asked for has not been done
        ("歐盟籲俄羅斯立即撤軍。", "RETREAT"),
        ("美國國務院促中國停止對台軍事施壓。", "COERCE"),
        ("南韓要求美國解除對韓國鋼鐵的進口限制。", "CONCEDE"),
    ],
)
def test_the_act_asked_for_is_not_done(text: str, absent: str) -> None:
    assert requests(text) and not [f for f in facts(text) if f.type == absent], facts(text)


def test_a_sum_asked_for_is_a_request_whoever_is_asked() -> None:
    """要求國會再撥款330億美元: 國會 is not linked, but the sum asked for is a demand the ledger
    reads (the story's pair of countries may name whom it is asked of)."""
    found = requests("美國總統拜登28日要求國會再撥款330億美元。")
    assert [f.source for f in found] == [frozenset({"Joe Biden"})], found
    assert not requests("美國總統拜登28日要求國會加快審議。")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("南韓政府要求美國調降汽車關稅。", "reported"),
        # the twin: a request not made
        ("南韓政府沒有要求美國調降汽車關稅。", "negated"),
    ],
)
def test_a_request_not_made_is_negated(text: str, status: str) -> None:
    assert [f.status for f in requests(text)] == [status], facts(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a readout's words go on past the full stop: the speaker of the sentence before asks
        ("秦剛表示，中方致力於構建穩定的中美關係。希望美方理性看待中國，與中方相向而行。", "Qin Gang"),
        ("王毅指出，台灣問題是中美關係中最重要的問題。敦促美方停止對台軍售。", "Wang Yi"),
    ],
)
def test_a_request_goes_on_with_the_last_speaker(text: str, source: str) -> None:
    found = [f for f in requests(text) if "USA" in f.target]
    assert found and all(source in f.source for f in found), facts(text)
    # the speaker's own side, named after the one asked, is its company, not asked
    assert all("CHN" not in f.target for f in found), facts(text)


def test_no_speaker_before_names_no_one_asking() -> None:
    """The twin: nobody spoke in the sentence before, so no one is made the asking side."""
    text = "中美關係正處在關鍵時刻。希望美方理性看待中國，與中方相向而行。"
    assert not any(f.source for f in requests(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a wish that something not happen asks no one
        "土耳其外長表示，一些西方國家不希望俄烏衝突結束。",
        # 要求 before 的 is a noun
        "雙方致力於構建契合新時代要求的中日關係。",
    ],
)
def test_no_request_in_a_wish_against_or_a_noun(text: str) -> None:
    assert not requests(text), facts(text)
