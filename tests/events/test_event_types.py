"""Which PLOVER type a sentence's act takes when its words could read as another: urging is a
demand, concern voiced is criticism, a levy suspended is a concession, a levy threatened is a
threat, representations lodged are a protest. Our own sentences, in the wording of ministry
statements and wire copy."""

from __future__ import annotations

import pytest

from tests.events.support import facts


def kinds(text: str) -> set[str]:
    return {f.type for f in facts(text)}


@pytest.mark.parametrize(
    ("text", "kind", "not_kind"),
    [
        # urging a party to keep a pledge is a demand of it, not the pledge
        ("外交部發言人表示，中方敦促美方將停止售台武器的承諾落到實處。", "REQUEST", "COOPERATE"),
        ("國務院聲明說，美方促請北京約束平壤的挑釁行為。", "REQUEST", "COOPERATE"),
        # concern voiced about a party's measure criticises it; the measure is not imposed anew
        ("岸田文雄對中國的稀土出口管制表達關切。", "ACCUSE", "SANCTION"),
        ("北京還表達了對美方出口管制和加徵關稅等問題的關切。", "ACCUSE", "SANCTION"),
        # a levy or countermeasure suspended, and what the list after it names, is a concession
        ("中方將暫停實施對美國加徵的報復性關稅，包括對美國大豆徵收的關稅。", "CONCEDE", "SANCTION"),
        ("北京宣布暫停或取消對美方的反制措施，包括把美國企業列入實體清單。", "CONCEDE", "SANCTION"),
        ("中方將暫停實施上月宣布的稀土出口管制措施。", "CONCEDE", "SANCTION"),
        # a levy threatened is a threat, not a levy
        ("川普揚言對墨西哥商品加徵30%關稅。", "THREATEN", "SANCTION"),
        # representations lodged, and displeasure voiced with them, are one protest
        ("商務部副部長就造船業調查向美方提出嚴正交涉。", "PROTEST", "CONSULT"),
        ("中國外交部緊急約見日本駐華使館公使，提出嚴正交涉，表達強烈不滿。", "PROTEST", "ACCUSE"),
    ],
)
def test_the_act_takes_its_own_type(text: str, kind: str, not_kind: str) -> None:
    found = kinds(text)
    assert kind in found and not_kind not in found, found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the twins: the same words where the other reading is the act
        ("美國宣布對墨西哥商品加徵30%關稅。", "SANCTION"),
        ("日本宣布對中國實施出口管制。", "SANCTION"),
        ("拜登承諾美國會確保台海和平穩定。", "COOPERATE"),
        ("中國外交部長王毅在北京會見美國國務卿布林肯。", "CONSULT"),
        ("中方對美方的做法表示強烈不滿。", "ACCUSE"),
    ],
)
def test_the_other_reading_stays_where_it_is_the_act(text: str, kind: str) -> None:
    assert kind in kinds(text)


def test_an_appointment_with_no_envoy_is_no_summons() -> None:
    """約見 counts as a summons only when a foreign envoy is the one called in."""
    assert "PROTEST" not in kinds("習近平約見企業家代表，討論民營經濟發展。")
    assert "PROTEST" in kinds("中國外交部約見美國駐華大使。")


def test_concern_about_no_party_criticises_no_one() -> None:
    """對此表達關切 after a statistic: no party is criticised, so no event (its twin names one)."""
    assert "ACCUSE" not in kinds("去年兩國貿易順差擴大至七百億美元，美方多次對此表達關切。")
    assert "ACCUSE" in kinds("美方多次對中國的產能過剩表達關切。")


@pytest.mark.parametrize(
    "text",
    [
        # cooperation as a slogan, a relation, a document or the subject of a comment
        "王毅表示，中方願同各方堅持相互尊重、合作共贏。",
        "兩國戰略合作關係日益成熟。",
        "中越兩國務實合作基礎深厚，成果豐碩。",
        "兩國企業簽署五十項經貿合作協議。",
        "兩國元首宣布建立全面戰略協作夥伴關係。",
    ],
)
def test_cooperation_named_as_a_noun_is_no_cooperation(text: str) -> None:
    assert "COOPERATE" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # the twins: cooperation that takes place or is agreed
        "中越兩國同意加強經貿合作。",
        "中國將與越南在能源領域深化務實合作。",
        "中國和俄羅斯同意加強在國際事務中的協作。",
    ],
)
def test_cooperation_agreed_is_cooperation(text: str) -> None:
    assert "COOPERATE" in kinds(text)


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        # countermeasures taken against a party are sanctions; 不得不 (had to) is no denial
        ("中方不得不採取反制措施，對美國船舶收取特別港務費。", "SANCTION", "reported"),
        ("外交部召見歐盟駐華代表，並通報中方有關反制措施。", "SANCTION", "reported"),
        # an invasion with the invaded party right after the word
        ("俄羅斯侵略烏克蘭，國際社會紛紛譴責。", "ASSAULT", "reported"),
    ],
)
def test_acts_of_force_and_countermeasures(text: str, kind: str, status: str) -> None:
    assert (kind, status) in {(f.type, f.status) for f in facts(text)}, facts(text)


def test_forbidden_countermeasures_stay_negated() -> None:
    """不得 alone (must not) still denies: only 不得不 is 'had to'."""
    assert ("SANCTION", "negated") in {(f.type, f.status) for f in facts("中方承諾，在協議期間不得採取反制措施。")}


@pytest.mark.parametrize(
    "text",
    [
        # a threat named as a noun is made by no one
        "王毅強調，對英國來說，北京始終是機遇而不是威脅。",
        "分析指出，北韓的核威脅與日俱增。",
        "報告稱，中國已成為全球的重大威脅。",
    ],
)
def test_a_threat_named_as_a_noun_is_no_threat(text: str) -> None:
    assert "THREATEN" not in kinds(text)


def test_a_threat_made_is_a_threat() -> None:
    assert "THREATEN" in kinds("川普威脅對中國商品加徵關稅。")


@pytest.mark.parametrize(
    "text",
    [
        # an invitation named as the reason of a visit, or as a noun, was made before
        "應國家主席習近平邀請，緬甸總統廷覺將於4月6日至11日對中國進行國事訪問。",
        "川普表示，已接受習近平的邀請，將於4月訪問中國。",
        "川普政府拒絕了邀請。",
    ],
)
def test_an_invitation_named_is_no_request(text: str) -> None:
    assert "REQUEST" not in kinds(text)


def test_an_invitation_made_is_a_request() -> None:
    assert "REQUEST" in kinds("習近平邀請川普明年訪問中國。")


@pytest.mark.parametrize(
    "text",
    [
        # an executive order, a bill or a decree signed is a domestic act, no agreement
        "白宮表示，川普已簽署行政命令，下調日本汽車關稅。",
        "川普隨後簽署一項行政命令，對進口鋼鐵課徵關稅。",
        "拜登22日簽署法案，撥款援助以色列。",
        "普京當天簽署總統令，批准與北韓的條約。",
    ],
)
def test_an_order_signed_is_no_agreement(text: str) -> None:
    assert not any(f.type == "AGREE" and f.mode == "sign" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # twins: an agreement signed between parties stays one, an order in another clause aside
        "美日兩國代表29日在華府簽署投資協議。",
        "川普與石破茂簽署貿易協議後，又簽署行政命令調降關稅。",
        "赤澤亮正與盧特尼克簽署備忘錄，隨後白宮發布行政命令。",
    ],
)
def test_an_agreement_signed_is_one(text: str) -> None:
    assert any(f.type == "AGREE" and f.mode == "sign" for f in facts(text)), facts(text)


@pytest.mark.parametrize(
    "text",
    [
        # a pledge named as one to keep, or as a noun, is no pledge made in the sentence
        "白宮表示，美方將落實拜登對日本所作承諾。",
        "南韓官員說，韓國對美國的新承諾將分十年兌現。",
        "金正恩向川普作出的承諾仍未兌現。",
        "川普表示，金正恩履行了無核化承諾。",
    ],
)
def test_a_pledge_named_is_none_made(text: str) -> None:
    assert not any(f.type == "COOPERATE" and f.mode == "pledge" for f in facts(text)), facts(text)


def test_its_twin_a_pledge_made_is_one() -> None:
    assert ("COOPERATE", "pledge") in {(f.type, f.mode) for f in facts("金正恩向川普承諾實現完全無核化。")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # investment named as a topic, a plan's name, a cap or an agreement's subject: no act of investing
        ("南韓政府在投資計畫中設有多重保障。", 0),
        ("南韓每年對美國投資上限為200億美元。", 0),
        ("日本與美國簽署投資協議文件。", 0),
        # a deal named (一項總統拍板的投資案): the one who approved it is no investor
        ("商務部長說，這是川普親手拍板的3000億美元投資案。", 0),
        # ... and after 投資方面 only the investment the sentence reports
        ("投資方面，南韓對美投資將分十年到位。", 1),
        # twin: an investment pledged is one
        ("南韓同意投資美國3500億美元。", 1),
    ],
)
def test_investment_as_a_noun_is_no_investment(text: str, expected: int) -> None:
    found = [f for f in facts(text) if (f.type, f.mode) == ("COOPERATE", "economic")]
    assert len(found) == expected, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 同意 before an act the sentence reports makes that act planned, no agreement of its own
        ("日本同意向美國購買100架波音飛機。", {("COOPERATE", "planned")}),
        ("南韓同意在三年內向美國投資2000億美元。", {("COOPERATE", "planned")}),
        # twins: 同意 with no act of its own clause is the agreement
        ("美國與南韓同意這項貿易方案。", {("AGREE", "reported")}),
        ("北韓同意拆除東倉里導彈發射場。", {("AGREE", "reported")}),
    ],
)
def test_agreeing_to_an_act_is_the_act_planned(text: str, expected: set) -> None:
    assert {(f.type, f.status) for f in facts(text)} == expected, facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demand named as a noun, closing its clause, is none made
        ("南韓成功抵禦美國在稻米市場的進一步開放要求。", 0),
        ("習近平闡述了中國式現代化的本質要求，強調中國將促進共同發展。", 0),
        # twins: 要求 with its object is the demand
        ("美方要求韓方每年支付50億美元駐軍費用。", 1),
        ("川普要求日本開放稻米市場。", 1),
    ],
)
def test_a_demand_named_as_a_noun_is_none_made(text: str, expected: int) -> None:
    assert len([f for f in facts(text) if (f.type, f.mode) == ("REQUEST", "demand")]) == expected, facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sum named as needed from the other side each year is a demand
        ("美國政府在談判中提出每年需要50億美元的駐軍費用。", True),
        ("美方向韓方提出須支付全部駐軍費用。", True),
        # the twin: a topic proposed that needs discussing is none
        ("韓方提出了需要進一步討論的議題。", False),
    ],
)
def test_a_sum_named_as_needed_is_a_demand(text: str, expected: bool) -> None:
    assert (("REQUEST", "demand") in {(f.type, f.mode) for f in facts(text)}) is expected, facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duty visit (述職) is a meeting with each leader it is made to
        ("特首李家超前日到北京向習近平主席述職，匯報施政情況。", [({"John Lee Ka-chiu"}, {"Xi Jinping"})]),
        ("澳門特首岑浩輝在北京向國家主席習近平及國務院總理李強述職。",
         [({"Sam Hou Fai"}, {"Xi Jinping"}), ({"Sam Hou Fai"}, {"Li Qiang"})]),
        # ... and names no one when it is not said to whom
        ("特首今年年底將赴京述職。", []),
        ("李家超在述職時表示，香港經濟穩步復甦。", []),
    ],
)
def test_a_duty_visit_is_a_meeting_with_each_leader_reported_to(text: str, expected: list[tuple[set[str], set[str]]]) -> None:
    assert [(set(f.source), set(f.target)) for f in facts(text) if f.type == "CONSULT"] == expected
