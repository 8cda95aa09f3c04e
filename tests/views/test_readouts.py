"""The readouts view: each side's account of one meeting, topic by topic."""

from __future__ import annotations

import pytest

from summitry.views.meetings import meetings
from summitry.views.shape import view_json
from summitry.views.readouts import UnknownMeeting, readouts
from tests.views.conftest import articles

# Our own article: a US account in reported speech, then the Chinese side's readout.
ARTICLE = "\n".join(
    [
        "川普與習近平30日在釜山會晤。",
        "「稀土的問題全部解決了。」川普在專機上表示，中國同意繼續供應稀土。他還說，中國將恢復購買大豆。",
        "美國財政部表示，雙方也談到了芬太尼。",
        "英國媒體認為，這次會晤對台灣問題影響有限。",
        "中國外交部發布的會晤新聞稿全文：習近平指出，兩國經貿團隊形成了共識。習近平強調，雙方應加強人工智慧和能源合作。",
    ]
)


def _topics(result) -> dict[str, set[str]]:
    return {side.name: {t.topic for t in side.topics} for side in result.sides}


@pytest.fixture(scope="module")
def result():
    records = articles(ARTICLE)
    (meeting,) = meetings(records)
    return readouts(records, meeting.id)


def test_each_side_covers_its_own_topics(result) -> None:
    assert _topics(result) == {
        "Donald Trump": {"rare earths", "soybeans", "fentanyl"},
        "Xi Jinping": {"trade", "AI", "energy"},
    }


@pytest.mark.parametrize(
    ("topic", "side", "words"),
    [
        ("rare earths", "Donald Trump", "「稀土的問題全部解決了。」"),  # a quotation before 川普表示 is his
        ("soybeans", "Donald Trump", "他還說"),  # 他 carries the speaker on
        ("fentanyl", "Donald Trump", "美國財政部表示"),  # an agency speaks for its side
        ("AI", "Xi Jinping", "習近平強調"),  # the readout is the Chinese side's account
    ],
)
def test_evidence_is_the_sentence_that_says_it(result, topic: str, side: str, words: str) -> None:
    (readout,) = [s for s in result.sides if s.name == side]
    (found,) = [t for t in readout.topics if t.topic == topic]
    assert any(source.text.startswith(words) for source in found.evidence)


def test_a_third_partys_view_is_no_sides(result) -> None:
    assert all("Taiwan" not in topics for topics in _topics(result).values())


def test_only_in_lists_what_one_side_alone_mentions(result) -> None:
    payload = view_json(result)
    assert set(payload) >= {"meeting", "sides", "only_in"}
    trump, xi = (side["actor"] for side in payload["sides"])
    assert set(payload["only_in"][trump]) == {"rare earths", "soybeans", "fentanyl"}
    assert set(payload["only_in"][xi]) == {"trade", "AI", "energy"}


def test_an_unknown_meeting_is_named() -> None:
    with pytest.raises(UnknownMeeting, match="nosuchmeeting"):
        readouts(articles(ARTICLE), "nosuchmeeting")


def test_seed_004_sets_trumps_account_against_the_chinese_readout(seed_records) -> None:
    (busan,) = [m for m in meetings(seed_records) if set(m.names) == {"Donald Trump", "Xi Jinping"}]
    result = readouts(seed_records, busan.id)
    topics = _topics(result)
    account = {"rare earths", "fentanyl", "chips", "soybeans"}
    assert account <= topics["Donald Trump"]
    assert not account & topics["Xi Jinping"]
    assert "trade" in topics["Xi Jinping"]
    assert account <= set(result.only_in["Q22686"])


@pytest.mark.parametrize(
    ("sentence", "side", "topic"),
    [
        ("白宮表示，雙方同意就芬太尼問題加強合作。", "Joe Biden", "fentanyl"),  # a seat of government speaks for its side
        ("中方強調，台灣問題是中美關係中最敏感的問題。", "Xi Jinping", "Taiwan"),  # 中方: the Chinese side
        ("新華社發表的會晤新聞稿全文：習近平指出，中美應加強人工智慧對話。", "Xi Jinping", "AI"),  # a state agency's readout
    ],
)
def test_who_speaks_for_a_side(sentence: str, side: str, topic: str) -> None:
    records = articles("拜登與習近平15日在舊金山會晤。\n" + sentence)
    (meeting,) = meetings(records)
    covered = _topics(readouts(records, meeting.id))
    assert topic in covered[side]
    assert all(topic not in topics for name, topics in covered.items() if name != side)
