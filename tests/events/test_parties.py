"""Who the parties of an event are, over sentences of our own in the styles of TW, HK and
mainland news (events/arguments.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.events.support import facts, only


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # A relative clause ending in 的 between 與/同 and the co-party: its head is the co-party.
        ("國家主席習近平昨天在北京與來華進行正式訪問的南韓總統李在明舉行會談。", {"Xi Jinping", "Lee Jae-myung"}),
        ("印度總理莫迪今晚與來訪的俄羅斯總統普丁舉行會晤。", {"Narendra Modi", "Vladimir Putin"}),
        ("习近平在钓鱼台国宾馆同前来出席博览会的越南国家主席梁强举行会谈。", {"Xi Jinping", "Lương Cường"}),
        # as long as readouts write it, and a forum's name (合作論壇) inside it is no cooperation
        ("國家主席習近平3日在釣魚台國賓館同來華出席中國－阿拉伯國家合作論壇第十一屆部長級會議並進行正式訪問的突尼斯總統賽義德舉行會談。",
         {"Xi Jinping", "Kais Saied"}),
        # A comma before the light verb: the clause before names who met.
        ("石破茂與李在明昨天在首爾青瓦台，舉行會談。", {"Shigeru Ishiba", "Lee Jae-myung"}),
    ],
)
def test_meetings_whose_co_party_is_set_off(text: str, parties: set[str]) -> None:
    assert only(text, "CONSULT/meeting").parties == parties


@pytest.mark.parametrize(
    ("text", "kind", "parties", "place"),
    [
        # A day and a place between the subject and 與/同, and only a title before the co-party's
        # name: the title is the co-party's, so 與 still marks who was met.
        ("日本首相高市早苗昨天在慶州與國家主席習近平舉行首次會談。", "CONSULT/meeting", {"Sanae Takaichi", "Xi Jinping"}, "Gyeongju"),
        ("澳大利亚总理阿尔巴尼斯4日在上海与国务院总理李强举行会谈。", "CONSULT/meeting", {"Anthony Albanese", "Li Qiang"}, "Shanghai"),
        ("马来西亚总理安瓦尔26日在吉隆坡同国务院总理李强会谈。", "CONSULT/meeting", {"Anwar Ibrahim", "Li Qiang"}, "Kuala Lumpur"),
        ("美國國務卿盧比奧昨天在吉隆坡與外交部長王毅會面。", "CONSULT/meeting", {"Marco Rubio", "Wang Yi"}, "Kuala Lumpur"),
        ("美国总统特朗普29日在韩国同国家主席习近平通电话。", "CONSULT/call", {"Donald Trump", "Xi Jinping"}, "South Korea"),
        ("南韓總統李在明29日在慶州與中共總書記兼國家主席習近平會談。", "CONSULT/meeting", {"Lee Jae-myung", "Xi Jinping"}, "Gyeongju"),
        # No place, only the day: the same; 大陸 before the title qualifies it as a country would.
        ("印度總理莫迪29日與國家主席習近平會晤。", "CONSULT/meeting", {"Narendra Modi", "Xi Jinping"}, None),
        ("美國總統川普昨天在白宮與大陸國家主席習近平通電話。", "CONSULT/call", {"Donald Trump", "Xi Jinping"}, "White House"),
    ],
)
def test_a_co_party_written_with_its_title_only_after_a_day_and_a_place(text: str, kind: str, parties: set[str], place: str | None) -> None:
    meeting = only(text, kind)
    assert (meeting.parties, meeting.place) == (parties, place)


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        # An organisation and a title before a person name that person only, as a country does.
        ("中共中央總書記習近平今天在北京會見越南總理范明正。", "CONSULT/meeting", {"Xi Jinping", "Phạm Minh Chính"}),
        ("北約秘書長呂特昨日在海牙與美國總統川普會面。", "CONSULT/meeting", {"Mark Rutte", "Donald Trump"}),
        ("歐盟執委會主席范德賴恩與日本首相石破茂通話。", "CONSULT/call", {"Ursula von der Leyen", "Shigeru Ishiba"}),
        # The body's name ends inside the title (外交部 in 外交部長): still the person only.
        ("新加坡總理黃循財昨天在總統府會見中國外交部長王毅。", "CONSULT/meeting", {"Lawrence Wong", "Wang Yi"}),
        ("日本首相石破茂今日在首相官邸接見來訪的美國財政部長貝森特。", "CONSULT/meeting", {"Shigeru Ishiba", "Scott Bessent"}),
        ("澳洲外長黃英賢与美国国务卿鲁比奥在华盛顿会晤。", "CONSULT/meeting", {"Penny Wong", "Marco Rubio"}),
        # Titles held together, joined by 、; another party's 黨中央 is not the CCP's.
        ("国家主席习近平在喀山会见老挝人民革命党中央总书记、国家主席通伦。", "CONSULT/meeting", {"Xi Jinping", "Thongloun Sisoulith"}),
        ("王沪宁在京会见柬埔寨人民党主席、参议院主席洪森。", "CONSULT/meeting", {"Wang Huning", "Hun Sen"}),
        ("全國政協主席王滬寧在京會見新加坡國務資政李顯龍。", "CONSULT/meeting", {"Wang Huning", "Lee Hsien Loong"}),
    ],
)
def test_a_titled_person_is_one_party_not_also_the_body(text: str, kind: str, parties: set[str]) -> None:
    assert only(text, kind).parties == parties


@pytest.mark.parametrize(
    ("text", "visitors"),
    [
        ("美国国务卿布林肯、财长耶伦、商务部长雷蒙多等相继访华。", ["Antony Blinken", "Janet Yellen", "Gina Raimondo"]),
        ("美國國務卿布林肯與財長葉倫先後訪問北京。", ["Antony Blinken", "Janet Yellen"]),
        ("布林肯和耶伦一同访华。", ["Antony Blinken+Janet Yellen"]),  # together: one visit
    ],
)
def test_visitors_one_after_another_make_a_visit_each(text: str, visitors: list[str]) -> None:
    found = [f for f in facts(text) if (f.type, f.mode) == ("CONSULT", "visit")]
    assert sorted("+".join(sorted(f.source)) for f in found) == sorted(visitors)
    assert all(f.target == {"CHN"} for f in found)


def test_several_hosts_one_after_another_are_one_meeting_each() -> None:
    found = [f for f in facts("國務院總理李強、全國人大常委會委員長趙樂際先後與來訪的越南國家主席梁強會晤。") if f.type == "CONSULT"]
    assert {f.parties for f in found} == {frozenset({"Li Qiang", "Lương Cường"}), frozenset({"Zhao Leji", "Lương Cường"})}


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # The 對/向 phrase of an earlier clause of the sentence names the target.
        ("日本政府表示，將從明年起針對北韓船舶實施制裁，並進一步擴大出口管制。", "SANCTION/export_control", {"JPN"}, {"PRK"}),
        ("越南同意在總額50億美元的對美採購中，先行採購20億美元農產品。", "COOPERATE/economic", {"VNM"}, {"USA"}),
        # The country goods come from is the one a tariff is aimed at.
        ("中方宣布，自下月起對原產於加拿大的油菜籽油加徵100%關稅。", "SANCTION/tariff", {"CHN"}, {"CAN"}),
        ("川普表示，將對來自墨西哥的所有產品徵收25%的關稅。", "SANCTION/tariff", {"Donald Trump"}, {"MEX"}),
        # 交付…給: the one given to is the target, even after an object naming another body
        ("日本近年陸續交付5艘前日本海上保安廳巡邏艇給菲律賓。", "AID", {"JPN"}, {"PHL"}),
        ("中国商务部宣布，对产自澳大利亚的进口葡萄酒征收反倾销税。", "SANCTION/tariff", {"Ministry of Commerce of the People's Republic of China"}, {"AUS"}),
        ("歐盟執委會宣布，對中國製造的電動車課徵反補貼稅。", "SANCTION/tariff", {"European Commission"}, {"CHN"}),
        # A compound naming a relation supplies the other side.
        ("李在明表示，希望以此次訪問為契機，推動韓日關係下的經濟合作。", "COOPERATE", {"Lee Jae-myung"}, {"JPN"}),
    ],
)
def test_a_target_named_elsewhere_in_the_sentence(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


def test_a_phrase_addressing_the_speech_names_no_target() -> None:
    text = "美國國務卿魯比歐五日向美國有線電視新聞網說，希望協議本周敲定。"
    assert all(not f.target for f in facts(text) if f.type == "AGREE")


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # A quantifier between 對/向 and the party leaves the party in the phrase.
        ("美方宣布將自下月起對所有中國商品加徵50%關稅。", "SANCTION/tariff", {"USA"}, {"CHN"}),
        ("美國總統表示，將對全部墨西哥進口汽車課徵25%關稅。", "SANCTION/tariff", {"Donald Trump"}, {"MEX"}),
        # A 同/與 phrase whose clause has no verb of its own: the co-party of a later clause's verb.
        ("中方願同越方一道，加強戰略溝通，深化務實合作。", "COOPERATE/economic", {"CHN"}, {"VNM"}),
        ("中方愿同东盟、海合会加强伙伴关系，拓展能源、农业等领域合作。", "COOPERATE/economic", {"CHN"}, {"ASEAN", "Gulf Cooperation Council"}),
        # The speaker acts in a quotation naming no subject: a 向 phrase of its earlier clause is the target.
        ("王毅表示：「願向越南人民展開友誼之臂，伸出合作之手。」", "COOPERATE/economic", {"Wang Yi"}, {"VNM"}),
    ],
)
def test_a_party_set_off_from_its_verb(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        # The invitation made in another frame, and a co-party whose clause has its verb.
        "越南總理范明正將於下月訪問東京，他已接受日本首相的邀請。",
        "中方同越方簽署協議，並擴大投資。",
    ],
)
def test_no_party_lent_across_a_verb_of_its_own(text: str) -> None:
    found = facts(text)
    assert not any(f.type == "REQUEST" and "Phạm Minh Chính" in f.target for f in found)
    assert not any(f.type == "COOPERATE" and f.source == {"CHN"} and f.target == {"VNM"} for f in found)


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        # 兩國 stands for the countries of the last meeting...
        ("法國總統馬克宏4日與習近平會談。中方次日宣布，兩國簽署三項聯合聲明。", "AGREE/sign", {"CHN", "FRA"}),
        ("南韓總統李在明訪問日本。兩國企業當天簽署十項合作協議。", "AGREE/sign", {"KOR", "JPN"}),
        # ...but after the countries it sums up, it is those countries.
        ("川普與普丁在阿拉斯加會晤。美中兩國隨後簽署貿易協議。", "AGREE/sign", {"USA", "CHN"}),
    ],
)
def test_both_countries_named_as_two_countries(text: str, kind: str, parties: set[str]) -> None:
    assert only(text, kind).parties == parties


def test_the_side_named_before_both_countries_acts() -> None:
    fact = only("川普與習近平通電話。川普表示，美方希望促進兩國經貿合作。", "COOPERATE/economic")
    assert (fact.source, fact.target) == ({"USA"}, {"CHN"})


def _directions(found) -> set[tuple[str, str]]:
    """Each event as (its sources, its targets), several of a side joined by +."""
    return {("+".join(sorted(f.source)), "+".join(sorted(f.target))) for f in found}


@pytest.mark.parametrize(
    ("text", "kind", "pairs"),
    [
        # A word of reciprocity: the act goes each way.
        ("日中兩國互召大使表達抗議。", "PROTEST", {("JPN", "CHN"), ("CHN", "JPN")}),
        ("印度和巴基斯坦相互指責對方違反停火協議。", "ACCUSE", {("IND", "PAK"), ("PAK", "IND")}),
        # Without one, the two are one side acting together.
        ("印度和巴基斯坦指責阿富汗。", "ACCUSE", {("IND+PAK", "AFG")}),
    ],
)
def test_a_mutual_act_goes_each_way(text: str, kind: str, pairs: set[tuple[str, str]]) -> None:
    assert _directions(f for f in facts(text) if f.type == kind) == pairs


@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        # 我 in reported speech is whoever was last reported speaking in the paragraph.
        ("習近平強調，今年是兩國建交75週年。今天我同普京總統簽署了聯合聲明。", "AGREE/sign", {"Xi Jinping", "Vladimir Putin"}),
        # 我國 is no speaker: Taiwan's press speaking of Taiwan.
        ("習近平強調，雙方要加強合作。我國外交部今天同美方簽署協定。", "AGREE/sign", {"Ministry of Foreign Affairs (Taiwan)", "USA"}),
    ],
)
def test_i_is_the_one_speaking(text: str, kind: str, parties: set[str]) -> None:
    assert only(text, kind).parties == parties


def test_i_with_nobody_speaking_is_no_one() -> None:
    assert only("今天我同普京總統簽署了聯合聲明。", "AGREE/sign").parties == {"Vladimir Putin"}


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # An organisation, a run of titles and a person of its country: the person only.
        ("美國國家安全顧問蘇利文今天在曼谷與中共中央外事工作委員會辦公室主任、外交部長王毅舉行會談。", "CONSULT/meeting", {"Jake Sullivan"}, {"Wang Yi"}),
        ("特首李家超昨日結束訪京行程前，與國家發改委主任鄭柵潔簽署合作協議。", "AGREE/sign", {"John Lee Ka-chiu"}, {"Zheng Shanjie"}),
        # The go-between (藉/透過) and the occasion (以…為契機) are not the subject.
        ("赤澤亮正表示，美日協議已經實施，並藉盧特尼克轉交石破茂的親筆信，邀請川普訪日。", "REQUEST/invite", {"Ryosei Akazawa"}, {"Donald Trump"}),
        ("李在明表示，這次習近平以慶州APEC峰會為契機訪問韓國。", "CONSULT/visit", {"Xi Jinping"}, {"KOR"}),
        # A party after 、 starts the next item; it is no object of the verb before.
        ("雙方討論經濟合作、川普可能會晤金正恩等議題。", "CONSULT/meeting", {"Donald Trump"}, {"Kim Jong Un"}),
        # Those of a 在…陪同下 frame go along; they do not act.
        ("拜登在國務卿布林肯陪同下會見習近平。", "CONSULT/meeting", {"Joe Biden"}, {"Xi Jinping"}),
        ("拜登在國務卿布林肯等人陪同下會見習近平。", "CONSULT/meeting", {"Joe Biden"}, {"Xi Jinping"}),
        # 於 inside 關於/由於 marks no place: the party after it may be the subject.
        ("關於日本承諾投資美國5500億美元一事，白宮已發表聲明。", "COOPERATE/economic", {"JPN"}, {"USA"}),
        ("由於中國對美國加徵關稅，股市應聲下跌。", "SANCTION/tariff", {"CHN"}, {"USA"}),
        # A run of short forms before a time and its verb acts (美中昨日簽署).
        ("美中昨日簽署貿易協議。", "AGREE/sign", {"USA"}, {"CHN"}),
        ("美中達成協議。", "AGREE/deal", {"USA"}, {"CHN"}),
        # A capital opening its clause before a subject's word stands for its government...
        ("華府表示將對所有中國商品加徵關稅。", "SANCTION/tariff", {"USA"}, {"CHN"}),
        ("2.北京將對原產於美國的大豆加徵10%關稅。", "SANCTION/tariff", {"CHN"}, {"USA"}),
        # ...but after a verb it is where someone goes.
        ("川普將訪問北京。", "CONSULT/visit", {"Donald Trump"}, {"CHN"}),
        # The one protested against acts in the verb after it.
        ("外交部發言人表示，中方抗議美方對中國鋼鐵加徵關稅。", "SANCTION/tariff", {"USA"}, {"CHN"}),
        # A capital, a time, then its verb.
        ("北京4日召見美國駐華大使表達抗議。", "PROTEST/summon", {"CHN"}, {"USA"}),
        # Who met sign together; a directed act after a meeting is the first side's alone.
        ("紐西蘭總理拉克森昨日與印度總理莫迪在新德里舉行會談，簽署多項合作協議。", "AGREE/sign", {"Christopher Luxon"}, {"Narendra Modi"}),
        ("川普與習近平會晤後，宣布對墨西哥加徵關稅。", "SANCTION/tariff", {"Donald Trump"}, {"MEX"}),
        # An invitation or a demand accepted (接受X邀請): X made it, the one accepting receives it,
        # and X does not act in the visit after it; one made (石破茂邀請川普) keeps its maker.
        ("美國總統川普表示，他已接受國家主席習近平邀請，明年訪問北京。", "REQUEST/invite", {"Xi Jinping"}, {"Donald Trump"}),
        ("印度总理莫迪接受俄罗斯总统普京邀请访问莫斯科。", "REQUEST/invite", {"Vladimir Putin"}, {"Narendra Modi"}),
        ("印度总理莫迪接受俄罗斯总统普京邀请访问莫斯科。", "CONSULT/visit", {"Narendra Modi"}, {"RUS"}),
        ("南韓政府接受美方要求，擴大對美投資。", "REQUEST/demand", {"USA"}, {"KOR"}),
        # ...and the object of a refusal to accept it (不接受, 拒絕接受).
        ("中方表明不接受日方的無理指責。", "REJECT/refuse", {"CHN"}, {"JPN"}),
        ("北京拒絕接受美方的要求。", "REJECT/refuse", {"CHN"}, {"USA"}),
        # Two short forms before the goods of both (對韓日產品): both are aimed at.
        ("川普上月曾威脅對韓日產品加徵25%關稅。", "THREATEN/threat", {"Donald Trump"}, {"KOR", "JPN"}),
        ("美方宣布对中日商品加征关税。", "SANCTION/tariff", {"USA"}, {"CHN", "JPN"}),
        # Two short forms before a subject's word (將, 已, 同意) act as a subject.
        ("聯合聲明稱，中法將繼續在民用核能領域展開合作。", "COOPERATE/economic", {"CHN"}, {"FRA"}),
        ("美中已同意這項休戰安排。", "AGREE/deal", {"USA"}, {"CHN"}),  # 同意 alone: GOLD.md reads 同意 + act as the act planned
        ("日本首相石破茂昨天邀請川普訪問東京。", "REQUEST/invite", {"Shigeru Ishiba"}, {"Donald Trump"}),
        # 應X邀請 stands before its clause: X does not act in the clauses after it.
        ("應美國總統川普邀請，大陸國家主席習近平將於4月訪問美國，並與川普舉行會談。", "CONSULT/meeting", {"Xi Jinping"}, {"Donald Trump"}),
        ("外交部发言人宣布，应法国总统马克龙邀请，国家主席习近平将于5月对法国进行国事访问，并同马克龙举行会谈。", "CONSULT/meeting", {"Xi Jinping"}, {"Emmanuel Macron"}),
        # A time the time reader leaves unread opens a clause before its subject, as 今天 does.
        ("商務部發言人表示，近期中方一直主動與美方就出口管制進行磋商。", "CONSULT/negotiate", {"CHN"}, {"USA"}),
    ],
)
def test_who_acts_among_the_parties_named(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # The co-party of an earlier call takes no part in the next one...
        ("石破茂與川普通話後，隨即與南韓總統李在明通電話。", {("Shigeru Ishiba", "Donald Trump"), ("Shigeru Ishiba", "Lee Jae-myung")}),
        # ...but two that act together go on together.
        ("美國與日本發表聯合聲明後，隨即與印度通電話。", {("USA", "IND+JPN")}),
    ],
)
def test_a_subject_carried_to_a_later_call(text: str, pairs: set[tuple[str, str]]) -> None:
    assert _directions(f for f in facts(text) if (f.type, f.mode) == ("CONSULT", "call")) == pairs


def test_a_run_of_short_forms_before_a_noun_still_acts_in_nothing() -> None:
    assert not facts("美韓7月關稅爭端升溫。")



@pytest.mark.parametrize(
    ("text", "kind", "parties"),
    [
        ("兩韓國防部長昨日在板門店簽署軍事協議。", "AGREE/sign", {"KOR", "PRK"}),
        ("南北韓昨日簽署軍事協議。", "AGREE/sign", {"KOR", "PRK"}),
    ],
)
def test_a_word_naming_two_actors(text: str, kind: str, parties: set[str]) -> None:
    assert only(text, kind).parties == parties


def test_both_leaders_are_those_of_the_last_meeting_of_two() -> None:
    """兩國元首 after a leader met an organisation: the two leaders who last met, not the forum."""
    text = "習近平與拜登去年在峇里島會晤。昨日習近平與東盟舉行會談。兩國元首今天在舊金山再次會晤。"
    meetings = [f for f in facts(text) if (f.type, f.mode) == ("CONSULT", "meeting")]
    assert meetings[-1].parties == {"Xi Jinping", "Joe Biden"}


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        # The co-party of a meeting that sets the scene is the co-party of a joint act in it...
        ("川普表示，在與習近平的通話中，「我們達成了一項非常好的協議」。", "AGREE", {"Xi Jinping"}),
        ("石破茂說，在與李在明會談時，已經達成合作協議。", "AGREE", {"Lee Jae-myung"}),
        # ...not of a directed one.
        ("川普表示，在與習近平會晤後，將對墨西哥加徵關稅。", "SANCTION/tariff", {"MEX"}),
    ],
)
def test_the_co_party_of_a_scene(text: str, kind: str, target: set[str]) -> None:
    assert only(text, kind).target == target


@pytest.mark.parametrize(
    ("text", "kind", "expected", "on"),
    [
        # a title after each name (mainland papers) keeps the names one list; 分别 makes a meeting per host
        ("李克强总理、栗战书委员长将分别会见坦桑尼亚总统哈桑。", "CONSULT/meeting",
         {(frozenset({"Li Keqiang"}), frozenset({"Samia Suluhu Hassan"})), (frozenset({"Li Zhanshu"}), frozenset({"Samia Suluhu Hassan"}))},
         dt.date(2022, 10, 27)),
        ("李克強、栗戰書將分別會見坦尚尼亞總統哈桑。", "CONSULT/meeting",
         {(frozenset({"Li Keqiang"}), frozenset({"Samia Suluhu Hassan"})), (frozenset({"Li Zhanshu"}), frozenset({"Samia Suluhu Hassan"}))},
         dt.date(2022, 10, 27)),
        # leaders of two countries visiting one place make a visit each
        ("德国总统高克和尼泊尔总理奥利都是首次访华。", "CONSULT/visit",
         {(frozenset({"Joachim Gauck"}), frozenset({"CHN"})), (frozenset({"K. P. Sharma Oli"}), frozenset({"CHN"}))},
         dt.date(2016, 3, 22)),
    ],
    ids=["titles-after-names-separately", "separately-hant", "two-countries-visit"],
)
def test_one_event_per_host_or_visitor(text: str, kind: str, expected: set, on: dt.date) -> None:
    found = {(f.source, f.target) for f in facts(text, on) if kind == f"{f.type}/{f.mode}"}
    assert found == expected


def test_two_officials_of_one_country_visit_together() -> None:
    """The twin: one country's two envoys on one trip stay one visit."""
    fact = only("美国国务卿布林肯和国家安全顾问沙利文一同访问日本。", "CONSULT/visit", dt.date(2023, 3, 1))
    assert (fact.source, fact.target) == (frozenset({"Antony Blinken", "Jake Sullivan"}), frozenset({"JPN"}))


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # a forum named with the city hosting this session (中非合作論壇北京峰會) is where the
        # visitor came, no party of any act
        ("國家主席習近平5日在人民大會堂會見來華出席中非合作論壇北京峰會的肯亞總統魯托。", [{"Xi Jinping", "William Ruto"}]),
        ("李强1日在天津会见来华出席上海合作组织天津峰会的巴基斯坦总理夏巴兹。", [{"Li Qiang", "Shehbaz Sharif"}]),
        # the twin: an organisation that is no forum's name stays a party
        ("東盟6日在吉隆坡同中國簽署協議。", [{"ASEAN", "CHN"}]),
    ],
    ids=["forum-with-host-city", "forum-with-host-city-hans", "organisation-acts"],
)
def test_a_forum_with_its_host_city_is_no_party(text: str, parties: list[set[str]]) -> None:
    assert [set(f.parties) for f in facts(text)] == parties


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        # a party office, then a state office of the same country, then the name: one person
        ("中共中央政治局委员、国务院副总理刘鹤与美国总统特朗普在华盛顿共同签署协议文本。", "AGREE", {"Liu He"}, {"Donald Trump"}),
        ("中共中央政治局常委、国务院副总理丁薛祥在北京会见新加坡副总理黄循财。", "CONSULT/meeting", {"Ding Xuexiang"}, {"Lawrence Wong"}),
    ],
)
def test_titles_of_party_and_state_held_together_name_one_person(text: str, kind: str, source: set[str], target: set[str]) -> None:
    fact = only(text, kind)
    assert (fact.source, fact.target) == (source, target)


def test_a_subject_carried_from_a_title_chain_is_the_person() -> None:
    text = "中共中央政治局常委、国务院副总理丁薛祥访问哈萨克斯坦，分别会见哈萨克斯坦总统托卡耶夫、总理斯迈洛夫。"
    meetings = [f for f in facts(text) if f.mode == "meeting"]
    assert [f.source for f in meetings] == [{"Ding Xuexiang"}, {"Ding Xuexiang"}]
    assert meetings[0].target == {"Kassym-Jomart Tokayev"}


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        # an announcement of a visit: each host after the first meets 他, the guest
        ("应国务院总理李克强邀请，法国总理菲利普将于下周访华。访问期间，习近平主席将会见菲利普总理，李克强总理将同他举行会谈，栗战书委员长将同他会见。",
         ["Xi Jinping", "Li Keqiang", "Li Zhanshu"]),
        ("法國總理菲利普將於下周訪華。訪問期間，習近平主席將會見菲利普總理，李克強總理也將會見他。", ["Xi Jinping", "Li Keqiang"]),
    ],
)
def test_him_after_a_host_of_the_same_side_is_the_guest(text: str, hosts: list[str]) -> None:
    meetings = [f for f in facts(text, dt.date(2018, 6, 20)) if f.mode == "meeting"]
    assert [next(iter(f.source)) for f in meetings] == hosts
    assert all(f.target == {"Édouard Philippe"} for f in meetings)
