"""Event types, parties, dates and places on sentences written in HK, Taiwan and mainland styles."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import NEWS_DAY, facts, only

TRUMP, XI, LEE, PUTIN, KIM = "Donald Trump", "Xi Jinping", "Lee Jae-myung", "Vladimir Putin", "Kim Jong Un"


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # CONSULT: meetings, summits, visits, calls
        ("韓國總統李在明29日在慶州會見美國總統川普。", "CONSULT/meeting", {LEE}, {TRUMP}),
        ("俄罗斯总统普京同美国总统特朗普在阿拉斯加举行会晤。", "CONSULT/meeting", {PUTIN}, {TRUMP}),
        ("外界關注的釜山川習會於30日登場。", "CONSULT/meeting", {TRUMP}, {XI}),
        ("特朗普昨日與澤連斯基通電話。", "CONSULT/call", {TRUMP}, {"Volodymyr Zelenskyy"}),
        ("國務卿魯比奧週三致電中國外長王毅。", "CONSULT/call", {"Marco Rubio"}, {"Wang Yi"}),
        ("特朗普將於明年四月訪問北京。", "CONSULT/visit", {TRUMP}, {"CHN"}),
        # AGREE: signed, reached, ceasefires
        ("泰國與柬埔寨26日在吉隆坡簽署停火協議。", "AGREE/ceasefire", {"THA"}, {"KHM"}),
        ("日本與美國達成關稅協議。", "AGREE/deal", {"JPN"}, {"USA"}),
        # SUPPORT: praise, awards, nominations
        ("普京稱讚特朗普為和平所作的努力。", "SUPPORT/praise", {PUTIN}, {TRUMP}),
        ("南韓政府授予特朗普無窮花大勳章。", "SUPPORT/award", {"KOR"}, {TRUMP}),
        ("巴基斯坦政府提名特朗普角逐諾貝爾和平獎。", "SUPPORT/nominate", {"PAK"}, {TRUMP}),
        # CONCEDE: approvals, lifted restrictions, tariff cuts
        ("美國批准南韓建造核動力潛艦。", "CONCEDE/approval", {"USA"}, {"KOR"}),
        ("美國解除對南韓的飛彈射程限制。", "CONCEDE/lift_restriction", {"USA"}, {"KOR"}),
        ("美國對中國商品的關稅從57%降至47%。", "CONCEDE/tariff", {"USA"}, {"CHN"}),
        # RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST
        ("川普下令取消與南韓的聯合軍演。", "RETREAT/military", {TRUMP}, {"KOR"}),
        ("美國要求南韓每年支付50億美元駐軍費用。", "REQUEST/demand", {"USA"}, {"KOR"}),
        ("菲律賓譴責中國在南海的挑釁行為。", "ACCUSE/criticize", {"PHL"}, {"CHN"}),
        ("北韓拒絕與美國展開對話。", "REJECT/refuse", {"PRK"}, set()),
        ("談判破裂後，川普直接離場。", "REJECT/walkout", {TRUMP}, set()),
        ("北韓揚言將對南韓採取軍事行動。", "THREATEN/threat", {"PRK"}, {"KOR"}),
        ("數千名南韓民眾在首爾抗議美國的關稅政策。", "PROTEST/demonstrate", {"KOR"}, {"USA"}),
        # SANCTION: tariffs, export controls, sanctions
        ("美國對印度加徵25%關稅。", "SANCTION/tariff", {"USA"}, {"IND"}),
        ("中國對美國實施稀土出口管制。", "SANCTION/export_control", {"CHN"}, {"USA"}),
        ("歐盟宣布對俄羅斯實施新一輪制裁。", "SANCTION/sanctions", {"European Union"}, {"RUS"}),
        # MOBILIZE: exercises, deployments, weapons tests
        ("美國與南韓本週舉行聯合軍演。", "MOBILIZE/exercise", {"USA", "KOR"}, set()),
        ("美國在加勒比海部署航空母艦。", "MOBILIZE/deploy", {"USA"}, set()),
        ("北韓今天試射一枚洲際彈道飛彈。", "MOBILIZE/weapons_test", {"PRK"}, set()),
        # AID, COOPERATE, COERCE, ASSAULT
        ("美國向越南交付三艘巡邏艦。", "AID/military", {"USA"}, {"VNM"}),
        ("大韓航空宣布採購103架波音客機。", "COOPERATE/economic", {"Korean Air"}, {"Boeing"}),
        ("美國移民當局逮捕了近400名南韓公民。", "COERCE/seize", {"USA"}, {"KOR"}),
        ("以色列空襲加沙。", "ASSAULT/attack", {"ISR"}, set()),
        # the accused is the one who acts next (指責X以水炮攻擊Y)
        ("菲律賓指責中國海警船隻以水炮攻擊菲方補給船。", "ASSAULT/attack", {"China Coast Guard"}, {"PHL"}),
    ],
)
def test_each_event_type_with_its_parties(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (set(fact.source), set(fact.target)) == (source, target)


@pytest.mark.parametrize(
    ("text", "kind", "amounts"),
    [
        ("美國對中國商品的關稅從57%降至47%。", "CONCEDE/tariff", ("57%", "47%")),
        ("美國要求南韓每年支付50億美元駐軍費用。", "REQUEST/demand", ("每年支付50億美元",)),
        ("美國對印度加徵25%關稅。", "SANCTION/tariff", ("25%",)),
        ("日本向美國承諾投資5500億美元。", "COOPERATE/economic", ("5500億美元",)),
    ],
)
def test_amounts_travel_with_their_event(text: str, kind: str, amounts: tuple[str, ...]) -> None:
    assert only(text, kind).amounts == amounts


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("柬埔寨和泰國簽署停火協議。", {"KHM", "THA"}),
        ("美日韓三國外長在紐約舉行會談。", {"USA", "JPN", "KOR"}),
        # a caption: both people pictured are the parties, whatever the order
        ("2025年10月29日，慶州，南韓總統李在明（右）與美國總統川普（左）在APEC峰會期間舉行雙邊會談。（路透社）", {LEE, TRUMP}),
        # the relative clause's head is a party too
        ("剛和中國國家主席習近平結束會談的美國總統川普，在返國途中的空軍一號上受訪。", {XI, TRUMP}),
    ],
)
def test_coordinated_and_pictured_parties_are_all_kept(text: str, parties: set[str]) -> None:
    assert set(facts(text)[0].parties) == parties


def test_the_party_after_xiang_is_the_target_not_the_subject() -> None:
    fact = only("日本向美國承諾投資5500億美元。", "COOPERATE/economic")
    assert (fact.source, fact.target) == ({"JPN"}, {"USA"})


def test_a_nomination_goes_to_the_nominee_not_to_the_committee() -> None:
    fact = only("柬埔寨首相洪馬內向諾貝爾委員會提名特朗普為和平獎候選人。", "SUPPORT/nominate")
    assert (fact.source, fact.target) == ({"Hun Manet"}, {TRUMP})


def test_one_sentence_reports_each_of_its_events() -> None:
    kinds = {(f.type, f.mode) for f in facts("兩國元首會晤後，美國宣布將對中國關稅減半，中國則承諾恢復購買美國大豆。")}
    assert {("CONCEDE", "tariff"), ("COOPERATE", "economic")} <= kinds


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("南韓同意向美國投資3500億美元，並將採購1000億美元的液化天然氣。", [("3500億美元",), ("1000億美元",)]),
        ("日方承诺向美国投资5500亿美元，并采购80亿美元的美国农产品。", [("5500亿美元",), ("80亿美元",)]),
        # a sum with no trigger of its own still belongs to the purchase before it
        ("韓國購買波音飛機、GE發動機和預警系統，總額超過500億美元。", [("超過500億美元",)]),
        # the same word again breaks one commitment down: one investment, all its sums
        ("日本同意在5500億美元的對美投資中，以現金投資1000億美元。", [("5500億美元", "1000億美元")]),
        ("南韓對美投資3500億美元，其中現金投資2000億美元，造船投資1500億美元。", [("3500億美元", "2000億美元", "1500億美元")]),
    ],
)
def test_a_clause_with_its_own_commitment_keeps_its_amount(text: str, amounts: list) -> None:
    found = [f.amounts for f in facts(text) if (f.type, f.mode) == ("COOPERATE", "economic")]
    assert found == amounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun for how much was bought or invested is a figure, not an act
        ("數據顯示，日本自中國的進口額為1200億美元。", 0),
        ("中國今年大豆進口量突破1億噸。", 0),
        ("中国与东盟签约项目投资规模超过4800亿元。", 0),
        ("日本自中國進口了價值1200億美元的電子產品。", 1),
    ],
)
def test_figures_of_imports_and_investment_are_no_purchases(text: str, expected: int) -> None:
    assert len([f for f in facts(text) if (f.type, f.mode) == ("COOPERATE", "economic")]) == expected


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # an envoy summoned stands for his state, named first in his title
        ("中方召见日本驻华大使，提出严正交涉。", {"CHN"}, {"JPN"}),
        ("菲律賓外交部召見中國駐菲大使館官員。", {"PHL"}, {"CHN"}),
        # Belarus's ministry is not Russia's, whose name its own holds
        ("白俄羅斯外交部當天召見波蘭駐白俄羅斯臨時代辦。", {"Ministry of Foreign Affairs (Belarus)"}, {"POL"}),
        ("韓國外交部當天召見日本駐韓大使館總務公使，表達強烈抗議。", {"Ministry of Foreign Affairs (South Korea)"}, {"JPN"}),
    ],
)
def test_a_summoned_envoy_is_his_state_and_the_protest_is_one_event(text: str, source: set, target: set) -> None:
    protests = [f for f in facts(text) if f.type == "PROTEST"]
    assert [(set(f.source), set(f.target)) for f in protests] == [(source, target)]


def test_a_counted_object_of_one_purchase_is_not_the_subject_of_the_next() -> None:
    subjects = {f.source for f in facts("越南也同意購買30架波音客機、另外再購買美國產液化天然氣40億美元。") if f.type == "COOPERATE"}
    assert subjects == {frozenset({"VNM"})}


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("俄方表示不同意美方提出的停火方案。", {("REJECT", "refuse")}),
        ("中方不接受日方的無理要求。", {("REJECT", "refuse")}),
        ("俄方表示同意美方提出的停火方案。", {("AGREE", "deal")}),
    ],
)
def test_not_agreeing_is_a_refusal_not_an_agreement(text: str, kinds: set) -> None:
    assert {(f.type, f.mode) for f in facts(text) if f.type in ("AGREE", "REJECT")} == kinds


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("川普對中國的做法表示不滿。", {"CHN"}),
        ("外交部發言人對日方的錯誤言行表達不滿。", {"JPN"}),
    ],
)
def test_displeasure_at_a_party_is_criticism_of_it(text: str, target: set) -> None:
    assert [set(f.target) for f in facts(text) if (f.type, f.mode) == ("ACCUSE", "criticize")] == [target]


def test_summoning_ones_own_minister_is_no_protest() -> None:
    assert [f for f in facts("韓國總統召見國防部長，聽取邊境局勢匯報。") if f.type == "PROTEST"] == []
    # a title that names only the host (駐台大使) does not say whose envoy it is
    assert [f for f in facts("外交部召見駐台大使會談。") if f.type == "PROTEST"] == []
    assert [f.target for f in facts("韓國總統召見日本駐韓大使。") if f.type == "PROTEST"] == [frozenset({"JPN"})]


def test_meetings_with_several_people_separately_are_separate_meetings() -> None:
    found = [f for f in facts("在APEC峰會期間，川普分別與日本首相和南韓總統舉行了雙邊會談。") if f.type == "CONSULT"]
    assert {f.parties for f in found} == {frozenset({TRUMP, "Sanae Takaichi"}), frozenset({TRUMP, LEE})}


def test_a_summit_of_countries_is_a_summit_of_their_leaders_on_the_day() -> None:
    fact = only("2018年6月，美朝領導人在新加坡舉行首次峰會。", "CONSULT/meeting", on=None)
    assert (fact.parties, fact.date, fact.place) == ({TRUMP, KIM}, "2018-06", "Singapore")


@pytest.mark.parametrize(
    ("text", "on", "date"),
    [
        ("韓國總統李在明29日在慶州會見美國總統川普。", NEWS_DAY, "2025-10-29"),
        # a historical year stays its own, whatever the publication date
        ("2018年6月，川普與金正恩在新加坡舉行首次峰會。", NEWS_DAY, "2018-06"),
        # a day in the sentence before, same paragraph
        ("10月29日，川普抵達慶州。他隨後會見了李在明。", NEWS_DAY, "2025-10-29"),
        # news of the day
        ("川普今天在白宮會見以色列總理內塔尼亞胡。", NEWS_DAY, "2025-10-30"),
        ("剛結束與習近平會晤的川普在專機上受訪。", NEWS_DAY, "2025-10-30"),
        # no time at all, and no cue that the news is of the day: no date
        ("川普在白宮會見以色列總理內塔尼亞胡。", NEWS_DAY, None),
        # an earlier meeting never takes the date of the news
        ("川普曾多次與金正恩見面。", NEWS_DAY, None),
    ],
)
def test_dates(text: str, on: dt.date, date: str | None) -> None:
    assert only(text, "CONSULT/meeting", on).date == date


def test_an_undated_report_of_a_meeting_takes_the_date_of_the_dated_one() -> None:
    text = "8月15日，特朗普與普京在阿拉斯加會晤。\n\n會面期間，特朗普在機場迎接普京。"
    # one meeting told twice is one event (test_told_once.py), dated by the dated report
    assert [f.date for f in facts(text, dt.date(2025, 8, 16)) if f.type == "CONSULT"] == ["2025-08-15"]
    undated_first = "特朗普在機場迎接普京。\n\n8月15日，特朗普與普京在阿拉斯加會晤。"
    assert [f.date for f in facts(undated_first, dt.date(2025, 8, 16)) if f.type == "CONSULT"] == ["2025-08-15"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("韓國總統李在明29日在慶州會見美國總統川普。", "Gyeongju"),
        ("2025年10月28日，東京，日本首相高市早苗（左）與美國總統特朗普（右）舉行會談。", "Tokyo"),
        ("外界關注的釜山川習會於30日登場。", "Busan"),
        ("特朗普將於明年四月訪問北京。", "Beijing"),
        # a run of places names the innermost: a city after its country's seat word or its province
        ("美國總統拜登16日在秘魯首都利馬與中國國家主席習近平會面。", "Lima"),
        ("川普13日抵達沙烏地阿拉伯首都利雅德，與王儲穆罕默德.本.薩勒曼會談。", "Riyadh"),
        ("印度總理莫迪27日抵達湖北省武漢市。", "Wuhan"),
        ("習近平在廣東深圳會見新加坡總理。", "Shenzhen"),
    ],
)
def test_places(text: str, place: str) -> None:
    assert facts(text)[0].place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a region that only names the summit is not where they met: the city after 在 is
        ("国家主席习近平18日在西安同来华出席中国－中亚峰会的哈萨克斯坦总统托卡耶夫会谈。", "Xi'an"),
        # the twin: with no other place, the summit's city is the place
        ("川普29日在慶州APEC峰會期間與李在明會談。", "Gyeongju"),
    ],
)
def test_a_summit_named_after_a_region_does_not_place_the_talks(text: str, place: str) -> None:
    assert [f.place for f in facts(text) if f.type == "CONSULT" and f.mode == "meeting"] == [place]


def test_evidence_is_the_sentence_and_summary_is_one_english_line() -> None:
    text = "新聞稿指出，韓國總統李在明29日在慶州會見美國總統川普。"
    from summitry import extract

    event = next(e for e in extract(text, dt.date(2025, 10, 30)).events if e.type == "CONSULT")
    assert text[event.evidence.start : event.evidence.end] == text
    assert event.summary == "Lee Jae-myung met Donald Trump in Gyeongju (according to reports)"
    assert event.summary.isascii() and "\n" not in event.summary


@pytest.mark.parametrize(
    ("text", "kind", "amounts"),
    [
        # a comma between digits groups them and ends no clause
        ("韓國對美國的3,500億美元投資。", "COOPERATE/economic", ("3,500億美元",)),
        # the value of a deal signed by one side travels with the signing
        ("大韓航空簽署了一份價值137億美元的協議。", "AGREE/sign", ("137億美元",)),
    ],
)
def test_amounts_of_deals_and_grouped_numbers(text: str, kind: str, amounts: tuple[str, ...]) -> None:
    assert only(text, kind).amounts == amounts


def test_a_thousands_comma_keeps_the_target_in_the_clause() -> None:
    assert only("韓國對美國的3,500億美元投資，強化了兩國關係。", "COOPERATE/economic").target == {"USA"}


def test_a_purchase_of_a_latin_named_product_is_a_purchase() -> None:
    fact = only("大韓航空用於採購最先進的 GE 航空發動機。", "COOPERATE/economic")
    assert fact.target == {"GE Aerospace"}


@pytest.mark.parametrize(
    ("text", "setter"),
    [
        # the tariff is its clause's own subject: China, who promised before, did not cut it
        ("中國承諾反毒，芬太尼關稅降為10%。", None),
        ("川普表示，他決定把芬太尼關稅降為10%。", TRUMP),
    ],
)
def test_who_cuts_a_tariff(text: str, setter: str | None) -> None:
    cuts = [f for f in facts(text) if (f.type, f.mode) == ("CONCEDE", "tariff")]
    assert {s for f in cuts for s in f.source} == ({setter} if setter else set())



@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the concession asked for in a demand or appeal has not been made
        ("美方要求歐盟解除對美國牛肉的進口禁令。", {"REQUEST"}),
        ("聯合國秘書長呼籲美國盡快解除對古巴的制裁。", {"REQUEST"}),
        ("欧盟宣布解除对叙利亚的经济制裁。", {"CONCEDE"}),  # made: one of its own
    ],
)
def test_a_concession_asked_for_is_no_concession(text: str, kinds: set) -> None:
    assert {f.type for f in facts(text)} - {"SANCTION"} == kinds


@pytest.mark.parametrize(
    ("text", "approvals"),
    [
        ("美國批准韓國建造核動力潛艦。", 1),
        # a legislature ratifying a named instrument grants no one's request
        ("全國人大常委會表決批准《中國和秘魯引渡條約》。", 0),
        ("受國務院委託，外交部副部長作了關於提請審議批准中國和智利司法協助條約的議案的說明。", 0),
    ],
)
def test_ratifying_an_instrument_is_no_approval_of_a_request(text: str, approvals: int) -> None:
    assert sum(1 for f in facts(text) if (f.type, f.mode) == ("CONCEDE", "approval")) == approvals


@pytest.mark.parametrize(
    ("text", "kinds", "source", "target"),
    [
        # a sanctions package approved is sanctions imposed on its target, no approval granted
        ("歐盟成員國今天正式批准第十輪對俄羅斯制裁方案。", {"SANCTION/sanctions"}, {"European Union"}, {"RUS"}),
        ("欧盟理事会3日批准新一轮对白俄罗斯的制裁措施。", {"SANCTION/sanctions"}, {"Council of the European Union"}, {"BLR"}),
        # easing sanctions is not also imposing them
        ("联合国安理会批准解除对伊朗的制裁。", {"CONCEDE/sanctions_relief"}, {"United Nations Security Council"}, {"IRN"}),
        # its twin: an approval of what the other side asked stays an approval
        ("美國批准波蘭購買一批彈藥。", {"CONCEDE/approval"}, {"USA"}, {"POL"}),
    ],
    ids=["sanctions-package", "sanctions-measures", "sanctions-eased", "approval"],
)
def test_approving_sanctions_imposes_them(text: str, kinds: set[str], source: set[str], target: set[str]) -> None:
    found = [f for f in facts(text) if f.type in ("SANCTION", "CONCEDE")]
    assert {f"{f.type}/{f.mode}" for f in found} == kinds
    (fact,) = found
    assert (set(fact.source), set(fact.target)) == (source, target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # the country goods are bought from (從X進口/採購) is the seller, never the buyer
        ("中國將從美國採購價值500億美元的農產品。", {"CHN"}, {"USA"}),
        ("越南计划从日本进口一批液化天然气。", {"VNM"}, {"JPN"}),
        ("印度今年從俄羅斯購買了大量石油。", {"IND"}, {"RUS"}),
        # its twin: the seller named after 向 is the target as before
        ("中國將向美國採購價值500億美元的農產品。", {"CHN"}, {"USA"}),
    ],
    ids=["cong-purchase", "cong-import", "cong-bought", "xiang"],
)
def test_the_country_bought_from_is_the_seller(text: str, source: set[str], target: set[str]) -> None:
    fact = only(text, "COOPERATE/economic")
    assert (set(fact.source), set(fact.target)) == (source, target)
