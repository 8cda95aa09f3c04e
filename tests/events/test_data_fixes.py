"""Trigger, status and argument data added after a review of unseen articles, on our own
sentences written the way Taiwanese, Hong Kong and mainland news write them."""

from __future__ import annotations

import pytest

from tests.events.support import facts, only


def kinds(text: str) -> set[str]:
    return {f"{f.type}/{f.mode}" for f in facts(text)}


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # a stand of support for a party named right after the word
        ("北京表示，中方堅定支持越南維護國家穩定。", "SUPPORT/endorse", {"CHN"}, {"VNM"}),
        ("波蘭總理圖斯克發聲力挺烏克蘭。", "SUPPORT/endorse", {"Donald Tusk"}, {"UKR"}),
        # welcoming what a party does is backing it, not receiving a visitor
        ("莫迪歡迎日本積極參與印度的鐵路建設。", "SUPPORT/endorse", {"Narendra Modi"}, {"JPN"}),
        # a signing ceremony and a joint statement are agreements
        ("尹錫悅與岸田文雄共同出席合作文件簽字儀式。", "AGREE/sign", {"Yoon Suk Yeol"}, {"Fumio Kishida"}),
        ("美國與越南在河內發表聯合聲明。", "AGREE/sign", {"USA"}, {"VNM"}),
        # the countries' companies sign; the leader who looks on is no party
        ("岸田文雄出席並見證日越企業間簽署合作協議。", "AGREE/sign", {"JPN"}, {"VNM"}),
        # admission to an organisation, an invasion, a case brought against a party
        ("北約正式接納芬蘭成為第31個成員國。", "COOPERATE/diplomatic", {"NATO"}, {"FIN"}),
        ("烏克蘭2022年遭俄羅斯入侵。", "ASSAULT/attack", {"RUS"}, {"UKR"}),
        ("菲律賓就南海爭議對中國提起仲裁。", "ACCUSE/legal", {"PHL"}, {"CHN"}),
        # an import ban is a sanction; the country whose goods are taxed is the target
        ("日本宣布禁止進口俄羅斯煤炭。", "SANCTION/sanctions", {"JPN"}, {"RUS"}),
        ("中國宣布對進口美國大豆加徵關稅。", "SANCTION/tariff", {"CHN"}, {"USA"}),
        # being ready to levy is a threat
        ("川普嗆聲說，美國已準備好對墨西哥商品加徵關稅。", "THREATEN/threat", {"USA"}, {"MEX"}),
        # supply, aircraft sales and joint funds are economic commitments
        ("俄羅斯承諾向印度提供穩定的石油供應。", "COOPERATE/economic", {"RUS"}, {"IND"}),
        ("波音向越南出售五十架客機。", "COOPERATE/economic", {"Boeing"}, {"VNM"}),
        ("日本將與美國成立規模百億美元的基金。", "COOPERATE/economic", {"JPN"}, {"USA"}),
        # a call made to someone by name
        ("川普再度喊話金正恩。", "REQUEST/invite", {"Donald Trump"}, {"Kim Jong Un"}),
    ],
)
def test_new_readings_with_their_parties(text: str, kind: str, source: set[str], target: set[str]) -> None:
    event = only(text, kind)
    assert (event.source, event.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "not_kind", "twin"),
    [
        ("民調顯示，多數選民支持兩國重啟談判。", "SUPPORT/endorse", "川普表示美國支持日本重啟談判。"),  # public opinion
        ("川普的支持率在峰會後回升。", "SUPPORT/endorse", "川普表示美國支持日本重啟談判。"),
        ("美方支持一個強大且獨立的盟國。", "SUPPORT/endorse", "美方支持烏克蘭加入北約。"),  # no party after the word
        ("莫迪歡迎日本積極參與印度的鐵路建設。", "CONSULT/meeting", "莫迪在新德里會見日本首相石破茂。"),
        ("印度表示將停止購買俄羅斯原油。", "COOPERATE/economic", "印度表示將購買俄羅斯原油。"),  # buying that stops
        ("歐盟同意減少進口俄羅斯天然氣。", "COOPERATE/economic", "歐盟同意增加進口美國天然氣。"),
        ("日本宣布禁止進口俄羅斯煤炭。", "COOPERATE/economic", "日本宣布進口澳洲煤炭。"),
        ("兩國總理簽署二十份合作文件。", "COOPERATE/economic", "中韓兩國總理同意加強經濟合作。"),  # the documents are the signing
        ("川普嗆聲說，美國已準備好對墨西哥商品加徵關稅。", "SANCTION/tariff", "美國宣布對墨西哥商品加徵25%關稅。"),  # not levied yet
        ("雙方都喊話要穩定雙邊關係。", "REQUEST/invite", "川普邀請習近平訪問白宮。"),  # no one is invited
        ("南韓還要成立一筆基金。", "COOPERATE/economic", "南韓承諾向美國投資3500億美元。"),  # a fund of one's own, no partner
    ],
)
def test_readings_that_report_no_such_event(text: str, not_kind: str, twin: str) -> None:
    """Each case has a twin, a sentence of the same shape that does report the event: an
    extraction that finds nothing at all cannot pass."""
    assert not_kind not in kinds(text)
    assert not_kind in kinds(twin)


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        # something left unsaid is no denial
        ("美國總統未進一步說明美中達成的共識。", "AGREE/deal", "reported"),
        ("美國總統並未與中國達成共識。", "AGREE/deal", "negated"),
        # 原訂 is a plan, as 原定 is
        ("美國與南韓原訂在峰會上簽訂協議。", "AGREE/sign", "planned"),
        # 川習會 names a summit: its 會 is not "will"
        ("川習會達共識，雙方恢復對話。", "AGREE/deal", "reported"),
    ],
)
def test_status(text: str, kind: str, status: str) -> None:
    assert only(text, kind).status == status


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        ("莫迪昨晚在新德里與普亭會談。", "CONSULT/meeting", "2025-10-29"),
        ("習近平今晚在北京會見金正恩。", "CONSULT/meeting", "2025-10-30"),
        ("菲律賓總統昨與習近平會談。", "CONSULT/meeting", "2025-10-29"),
        ("習近平今日中午在北京會見普京。", "CONSULT/meeting", "2025-10-30"),
    ],
)
def test_evening_and_short_relative_days_date_the_event(text: str, kind: str, date: str) -> None:
    assert only(text, kind).date == date


def test_an_agreement_count_travels_with_the_signing() -> None:
    assert only("中菲兩國簽署13項合作協議。", "AGREE/sign").amounts == ("13項合作協議",)


def test_a_threat_keeps_its_amount() -> None:
    assert only("川普嗆聲說，美國已準備好對中國3000億美元商品加徵關稅。", "THREATEN").amounts == ("3000億美元",)
