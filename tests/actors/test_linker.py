"""The linker on sentences written in the styles of HK, Taiwan and mainland news, and on the seeds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from summitry.actors import link_actors, linker, load_knowledge_base
from summitry.text import build_view


def linked(text: str, on: dt.date | None = dt.date(2025, 10, 30)) -> set[tuple[str, str]]:
    """(surface, entity name or country id) for every mention."""
    kb = load_knowledge_base()
    result = link_actors(build_view(text), kb, on)
    names = {e.id: (e.id if e.type == "country" else e.name) for e in result.entities}
    return {(text[m.start : m.end], names[m.entity_id]) for m in result.mentions}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("南韓總統李在明29日在慶州會見川普。", {("南韓", "KOR"), ("李在明", "Lee Jae-myung"), ("川普", "Donald Trump")}),
        ("俄羅斯總統普京在阿拉斯加與特朗普會面。", {("俄羅斯", "RUS"), ("普京", "Vladimir Putin"), ("特朗普", "Donald Trump")}),
        ("俄罗斯总统普京同美国总统特朗普举行会晤。", {("普京", "Vladimir Putin"), ("特朗普", "Donald Trump"), ("美国", "USA")}),
        ("普丁稱與川普的會面富有成效。", {("普丁", "Vladimir Putin"), ("川普", "Donald Trump")}),
        ("澤倫斯基將赴白宮與川普會談。", {("澤倫斯基", "Volodymyr Zelenskyy"), ("川普", "Donald Trump")}),
        ("澤連斯基表示烏克蘭不會割地。", {("澤連斯基", "Volodymyr Zelenskyy"), ("烏克蘭", "UKR")}),
        ("以色列總理納坦雅胡致函川普。", {("納坦雅胡", "Benjamin Netanyahu"), ("以色列", "ISR")}),
        ("以色列總理內塔尼亞胡訪問美國。", {("內塔尼亞胡", "Benjamin Netanyahu"), ("美國", "USA")}),
        ("北韓領導人金正恩視察飛彈試射。", {("北韓", "PRK"), ("金正恩", "Kim Jong Un")}),
        ("朝鮮最高領導人金正恩出席閱兵。", {("朝鮮", "PRK"), ("金正恩", "Kim Jong Un")}),
    ],
)
def test_names_in_every_regional_rendering(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= linked(text)


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("美國總統當天在推特上宣布取消軍演。", dt.date(2019, 6, 30), ("美國總統", "Donald Trump")),
        ("美國總統當天在白宮會見北約秘書長。", dt.date(2022, 3, 1), ("美國總統", "Joe Biden")),
        ("南韓總統在板門店迎接對方。", dt.date(2018, 4, 27), ("南韓總統", "Moon Jae-in")),
        ("南韓總統在慶州出席APEC峰會。", dt.date(2025, 10, 29), ("南韓總統", "Lee Jae-myung")),
        ("日本天皇在皇居接見外賓。", dt.date(2025, 10, 27), ("日本天皇", "Naruhito")),
        ("日本天皇在皇居接見外賓。", dt.date(2018, 11, 6), ("日本天皇", "Akihito")),
    ],
)
def test_titles_resolve_by_document_date(text: str, on: dt.date, expected: tuple[str, str]) -> None:
    assert expected in linked(text, on)


@pytest.mark.parametrize(
    ("text", "on", "absent"),
    [
        ("時任南韓總統曾於2005年訪問東京。", dt.date(2019, 5, 1), "Moon Jae-in"),
        ("巴西總統夫人出席了開幕式。", dt.date(2024, 5, 1), "Luiz Inácio Lula da Silva"),
        ("德國總統府發言人說明了行程。", dt.date(2024, 5, 1), "Frank-Walter Steinmeier"),
    ],
)
def test_titles_inside_other_words_or_past_offices_name_no_one(text: str, on: dt.date, absent: str) -> None:
    assert absent not in {name for _, name in linked(text, on)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("紐西蘭前總理約翰‧基訪華。", ("約翰‧基", "John Key")),
        ("美國國務卿麥克・蓬佩奧抵達平壤。", ("麥克・蓬佩奧", "Mike Pompeo")),
        ("亞美尼亞總理帕希尼揚（Nikol Pashinyan）出席簽字儀式。", ("帕希尼揚", "Nikol Pashinyan")),
        ("卡達首相發言人安薩里（Majed al-Ansari）表示談判仍在進行。", ("安薩里", "Majed al-Ansari")),
    ],
)
def test_name_dots_and_bracketed_latin_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text, dt.date(2025, 8, 1))


def test_bare_title_without_date_stays_unresolved() -> None:
    assert not any(name == "Donald Trump" for _, name in linked("美國總統當天宣布取消軍演。", None))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("川普亦在東京與日本首相高適早苗會晤。", ("高適早苗", "Sanae Takaichi")),
        ("南韓總統李在明表示，李總統將出席峰會。", ("李總統", "Lee Jae-myung")),
        ("習近平表示歡迎，習主席並邀請對方訪華。", ("習主席", "Xi Jinping")),
        ("美利堅合眾國總統唐納德川普與對方簽署聲明。", ("唐納德", "Donald Trump")),
    ],
)
def test_misspellings_and_surname_titles(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("節目主持人Sean Hannity隨後追問土地交換問題。", ("Sean Hannity", "Sean Hannity")),
        ("英國外交部發言人史密斯(John Smith)表示關切。", ("史密斯", "John Smith")),
        ("議會議長阿莫斯·科恩當場起立鼓掌。", ("阿莫斯·科恩", "Amosi Keen")),
    ],
)
def test_unknown_people_marked_by_the_text(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("国家副主席韩正在北京会见英国客人。", ("韩正", "Han Zheng")),  # 韩/正在 to the segmenter
        ("国务院总理李强在上海会见外宾。", ("李强", "Li Qiang")),
    ],
)
def test_a_word_bound_alias_right_after_a_title_is_the_name(text, expected) -> None:
    assert expected in linked(text)


def test_a_word_bound_alias_inside_a_word_without_a_title_is_not_the_name() -> None:
    assert all(surface != "韩正" for surface, _ in linked("日韩正式签署协议。"))


def _person_of(text: str, surface: str, on: dt.date = dt.date(2024, 5, 6)):
    kb = load_knowledge_base()
    result = link_actors(build_view(text), kb, on)
    entities = {e.id: e for e in result.entities}
    return next(entities[m.entity_id] for m in result.mentions if text[m.start : m.end] == surface)


@pytest.mark.parametrize(
    ("text", "surface", "country", "role"),
    [
        ("国家主席习近平会见格林纳达总理米切尔。", "米切尔", "GRD", "prime_minister"),
        ("全国人大常委会委员长同萨尔瓦多议长卡斯特罗举行会谈。", "卡斯特罗", "SLV", "speaker"),
        ("国家主席同马耳他总统维拉通电话。", "维拉", "MLT", "president"),  # two characters after a country's title
        ("国家副主席会见巴西众议长里拉。", "里拉", "BRA", "speaker"),  # a chamber's presiding officer
        ("国家副主席会见斯洛伐克国民议会议长科拉尔。", "科拉尔", "SVK", "speaker"),
        ("副总理会见乌兹别克斯坦副总理兼外长赛义多夫。", "赛义多夫", "UZB", "foreign_minister"),  # back over 副总理兼
        ("总理会见来访的基里巴斯总统马茂。", "马茂", "KIR", "president"),  # not only transliteration characters
    ],
)
def test_a_new_name_after_a_countrys_title_is_a_person_of_that_country(text, surface, country, role) -> None:
    person = _person_of(text, surface)
    assert (person.type, person.country, [o.role for o in person.offices]) == ("person", country, [role])
    assert person.id.startswith(f"person:{country.lower()}:")


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        ("主席会见尼泊尔联邦院主席蒂米尔西纳。", "蒂米尔西纳", "NPL"),
        ("委员长同古巴全国人民政权代表大会主席拉索举行会谈。", "拉索", "CUB"),  # not Cuba's president
        # a person word with no office of its own (国务顾问, 记者) after the country
        ("政协主席会见哈萨克斯坦国务顾问卡林。", "卡林", "KAZ"),
        ("部长会见来访的塞尔维亚顾问武兰。", "武兰", "SRB"),
    ],
)
def test_a_new_name_after_a_body_of_a_country_is_of_that_country_with_no_office_resolved(text, surface, country) -> None:
    person = _person_of(text, surface)
    assert (person.country, person.offices) == (country, ())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("国家主席会见美国总统拜顿。", "Joe Biden"),
        ("总理会见来访的蒙古国总理奥云额尔登。", "Luvsannamsrain Oyun-Erdene"),
        ("总理会见安提瓜和巴布达总理布朗。", "Gaston Browne"),  # a bare name the base leaves out: the holder on the date
    ],
)
def test_a_new_rendering_after_a_countrys_title_is_its_office_holder(text, name) -> None:
    assert _person_of(text, text[-3:-1] if name == "Gaston Browne" else text.split("总理")[-1].split("总统")[-1][:-1]).name == name


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a firm, town, party or chamber of the country between it and the title or person word
        ("国家副主席会见荷兰阿斯麦公司首席执行官温尼克。", "温尼克", "NLD"),
        ("国务院总理会见德国萨克森州州长克雷奇默。", "克雷奇默", "DEU"),
        ("委员长会见意大利参议院常务副议长拉鲁萨。", "拉鲁萨", "ITA"),
        ("国家副主席会见美国纽约州前州长帕特森。", "帕特森", "USA"),
        ("国家副主席会见新西兰前总理基伊。", "基伊", "NZL"),  # a former holder: a person of the country, no office
    ],
)
def test_a_new_name_after_a_countrys_firm_or_town_and_a_title_is_of_that_country(text, surface, country) -> None:
    person = _person_of(text, surface)
    assert (person.country, person.offices) == (country, ())


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("国家副主席会见曾在日本任教的教授温尼克。", "温尼克"),  # 访问过…的: another phrase between them
        ("主席会见在美国留学的青年代表帕特森。", "帕特森"),
    ],
)
def test_a_country_inside_another_phrase_before_the_title_gives_no_country(text, surface) -> None:
    assert _person_of(text, surface).country is None


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a rendering shared with a known person of another country: after this country's title, its own person
        ("政协主席会见摩洛哥众议长阿拉米。", "阿拉米", "MAR"),  # not the British 拉米
        ("国家主席会见冈比亚总统巴罗。", "巴罗", "GMB"),  # not the French 巴罗
        ("委员长会见墨西哥参议长桑切斯。", "桑切斯", "MEX"),  # not the Spanish prime minister
        # a country's alias closing the name is part of it
        ("国家副主席会见塔吉克斯坦议会上院议长达夫拉特·埃莫马利。", "达夫拉特·埃莫马利", "TJK"),
    ],
)
def test_a_name_after_a_countrys_title_is_its_person_not_anothers(text, surface, country) -> None:
    assert _person_of(text, surface).country == country


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("国家副主席会见英国外交发展大臣拉米。", "拉米", "David Lammy"),  # the person's own country
        ("塞内加尔总统法耶访问马利。", "法耶", "Bassirou Diomaye Faye"),
        ("外长会见法国外长巴罗。", "巴罗", "Jean-Noël Barrot"),
    ],
)
def test_a_known_person_after_his_own_countrys_title_stays_himself(text, surface, name) -> None:
    assert _person_of(text, surface).name == name


def test_a_country_after_a_name_and_a_verb_stays_a_country() -> None:
    assert "MLI" in {m.entity_id for m in link_actors(build_view("塞内加尔总统法耶访问马利。"), load_knowledge_base(), dt.date(2025, 1, 10)).mentions}


def test_a_name_after_a_title_without_a_country_stays_a_person_of_no_country() -> None:
    assert _person_of("议会议长阿莫斯·科恩当场起立鼓掌。", "阿莫斯·科恩").country is None


def test_latin_gloss_links_a_new_rendering_to_a_known_person() -> None:
    assert ("赫格塞斯", "Pete Hegseth") in linked("美國國防部長赫格塞斯(Peter Brian Hegseth)抵達河內。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("美中元首在釜山舉行會談。", {("美", "USA"), ("中", "CHN")}),
        ("雙方同意將日美同盟提升至新的高度。", {("日", "JPN"), ("美", "USA")}),
        ("美日韓三國領袖在大衛營會面。", {("美", "USA"), ("日", "JPN"), ("韓", "KOR")}),
        ("這次川習會的成果仍待公布。", {("川", "Donald Trump"), ("習", "Xi Jinping")}),
        ("日本承諾設立一個對美投資工具。", {("美", "USA")}),
        ("俄烏戰爭進入第四年。", {("俄", "RUS"), ("烏", "UKR")}),
        # after 自 ("from"), as after 從: the seller of a purchase
        ("中方明年自美进口大豆不少于3000万吨。", {("美", "USA")}),
        # talks named by their kind, level or round after the compound
        ("美日外交安全2+2對話在東京舉行。", {("美", "USA"), ("日", "JPN")}),
        ("中日副外長級磋商在北京舉行。", {("中", "CHN"), ("日", "JPN")}),
        ("中美第二輪經貿磋商在倫敦結束。", {("中", "CHN"), ("美", "USA")}),
        # right after a day of the month a compound starts, however the segmenter cuts
        ("9日美以领导人通话。", {("美", "USA"), ("以", "ISR")}),
        ("10月29日美日首腦會談。", {("美", "USA"), ("日", "JPN")}),
        # and right after a round's number (第十二輪中美…)
        ("王毅就第十二輪中美經貿磋商表示歡迎。", {("中", "CHN"), ("美", "USA")}),
    ],
)
def test_short_forms_in_compounds(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= linked(text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("中美洲多國領袖出席會議。", {"USA", "CHN"}),
        ("他在10月29日中午抵達。", {"JPN", "CHN"}),
        ("雙方對美好的未來充滿信心。", {"USA"}),
        ("特別代表將於下週出訪。", {"Donald Trump"}),
        ("日前雙方舉行會談。", {"JPN"}),
        # after a numeral 日 is the day: 16日中美 names no Japan
        ("16日中美关系出现转机。", {"JPN"}),
        ("9日美以领导人通话。", {"JPN"}),
        # 自 before a word of its own is no "from" (自美國 is the full name anyway)
        ("這項計畫自日前起生效，各方自美好願景出發。", {"JPN", "USA"}),
    ],
)
def test_short_forms_do_not_fire_inside_other_words(text: str, not_expected: set[str]) -> None:
    assert not {name for _, name in linked(text)} & not_expected


def test_every_seed_mention_lies_inside_its_text(seed_texts: dict[str, str]) -> None:
    kb = load_knowledge_base()
    for name, text in seed_texts.items():
        result = link_actors(build_view(text), kb, dt.date(2025, 10, 30))
        assert result.mentions, name
        assert all(0 <= m.start < m.end <= len(text) for m in result.mentions), name


def _style_sentences() -> list[str]:
    path = Path(__file__).parents[1] / "data" / "style_sentences.yaml"
    return [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def test_scanning_only_where_a_short_form_or_name_can_stand_loses_no_mention(seed_texts: dict[str, str], monkeypatch) -> None:
    """The linker looks for compounds, lone short forms and names after markers only where
    they can stand; looking at every short form and marker end instead finds the same mentions."""
    kb = load_knowledge_base()
    texts = [*seed_texts.values(), "\n".join(_style_sentences()), "法國外長 Jean-Marc Dupont抵達北京，與總理帕希尼揚會面。"]

    def mentions() -> list[tuple[linker.Mention, ...]]:
        return [link_actors(build_view(text), kb, dt.date(2025, 10, 30)).mentions for text in texts]

    scanned = mentions()
    monkeypatch.setattr(linker, "_compound_starts", lambda kb: linker._any_of(linker._short_forms(kb)))
    monkeypatch.setattr(linker, "_single_short_form_candidates", lambda kb: linker._any_of(frozenset(kb.short_countries)))
    monkeypatch.setattr(linker, "_name_after_marker_end", lambda kb: linker._any_of(linker._marker_last_characters(kb)))
    assert mentions() == scanned
    assert sum(1 for found in scanned for m in found if m.how in ("compound", "short_form", "unknown_person")) > 20


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a place's alias starting inside the title runs into the name (议长沙…: not 长沙)
        ("全国人大常委会委员长昨日会见来访的吉尔吉斯斯坦议长沙基耶夫一行。", "沙基耶夫", "KGZ"),
        # a party, then titles joined by 、 and a town of the country, then the name
        ("全国政协主席会见由老挝人民革命党中央政治局委员、万象市委书记阿努帕率领的代表团。", "阿努帕", "LAO"),
        ("委员长会见由古共中央政治局委员、中央组织书记罗德里格斯率领的古巴共产党代表团。", "罗德里格斯", "CUB"),
        # a name written in Chinese characters, before 率领 or 举行
        ("书记处书记会见由越南共产党中央书记处书记、中央宣教部部长阮光明率领的代表团。", "阮光明", "VNM"),
        ("书记处书记同越共中央政治局委员、中央书记处常务书记黎明海举行会谈。", "黎明海", "VNM"),
        ("全国政协主席会见中国国民党副主席连胜文一行。", "连胜文", "TWN"),
    ],
)
def test_a_new_name_after_a_foreign_partys_titles_is_of_its_country(text, surface, country) -> None:
    assert _person_of(text, surface).country == country
    assert ("长沙", "Changsha") not in linked(text)


def test_a_new_name_after_a_mainland_bodys_titles_gets_no_country() -> None:
    text = "总理会见由中共中央政治局委员、上海市委书记陈振宁率领的考察团。"
    result = link_actors(build_view(text), load_knowledge_base(), dt.date(2024, 5, 6))
    countries = {e.id: e.country for e in result.entities}
    assert [countries[m.entity_id] for m in result.mentions if text[m.start : m.end] == "陈振宁"] in ([], [None])


@pytest.mark.parametrize(
    ("text", "party", "not_linked"),
    [
        # a body's alias right after another country's party is that party's organ
        ("国家主席会见越共中央政治局委员、胡志明市委书记阮文年。", "Communist Party of Vietnam", "Politburo of the Chinese Communist Party"),
        ("国务院总理会见古共中央第一书记、古巴国家主席迪亚斯-卡内尔。", "Communist Party of Cuba", "Politburo of the Chinese Communist Party"),
        # right after another country: that country's office, not Taiwan's 总统府
        ("国务院副总理会见巴西总统府首席部长科斯塔。", "BRA", "Office of the President (Taiwan)"),
    ],
)
def test_a_body_right_after_another_countrys_party_is_that_partys(text, party, not_linked) -> None:
    names = {name for _, name in linked(text)}
    assert party in names and not_linked not in names


def test_the_same_countrys_body_after_its_party_stays_linked() -> None:
    assert ("中央政治局", "Politburo of the Chinese Communist Party") in linked("中国共产党中央政治局今天召开会议。")


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("国家主席在北京会见来京述职的香港特别行政区行政长官李家超。", "李家超", "John Lee Ka-chiu"),
        ("国务院总理分别会见香港特别行政区行政长官和澳门特别行政区行政长官。", "澳门特别行政区行政长官", "Ho Iat Seng"),
        ("副总理会见土库曼斯坦副总理兼外长梅列多夫。", "梅列多夫", "Rashid Meredov"),
    ],
)
def test_a_special_administrative_region_and_its_chief_executive(text, surface, name) -> None:
    assert _person_of(text, surface).name == name


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("国家主席在亚太经合组织会议期间会见文莱苏丹哈桑纳尔。", "文莱苏丹", "Hassanal Bolkiah"),  # the Sultan, not Brunei and Sudan
        ("中央书记处书记会见由日本公明党党首山口那津男率领的代表团。", "山口那津男", "Natsuo Yamaguchi"),
        ("全国政协主席会见由朝鲜劳动党国际部部长金成男率领的代表团。", "金成男", "Kim Song-nam"),  # not 金成 (Sung Kim)
    ],
)
def test_names_that_hold_another_alias_are_their_own(text, surface, name) -> None:
    assert _person_of(text, surface).name == name


@pytest.mark.parametrize(
    ("text", "surface", "name", "count"),
    [
        # a name read once through its title is that person wherever the document repeats it
        ("坦桑尼亚总统哈桑将访华。李克强总理将会见哈桑总统。", "哈桑", "Samia Suluhu Hassan", 2),
        ("坦尚尼亞總統哈桑抵達北京。哈桑表示，期待深化合作。", "哈桑", "Samia Suluhu Hassan", 2),
        # ...a new person of a country too, and the clause's next word ends the name (將, 在)
        ("格林纳达总理米切尔将访华。国家主席习近平将会见米切尔。", "米切尔", "Miqieer", 2),
        ("格林納達總理米切爾在北京出席論壇。米切爾說，兩國關係良好。", "米切爾", "Miqieer", 2),
    ],
)
def test_a_name_read_through_its_title_links_again_where_repeated(text: str, surface: str, name: str, count: int) -> None:
    kb = load_knowledge_base()
    result = link_actors(build_view(text), kb, dt.date(2023, 3, 27))
    names = {e.id: e.name for e in result.entities}
    assert [names[m.entity_id] for m in result.mentions if text[m.start : m.end] == surface] == [name] * count


def test_a_repeated_name_inside_a_longer_name_is_not_the_person() -> None:
    """穆罕默德·哈桑 is someone else, not the 哈桑 of 坦桑尼亚总统哈桑."""
    assert ("穆罕默德·哈桑", "Mohamad Hasan") in linked("坦桑尼亚总统哈桑将访华。穆罕默德·哈桑在会上发言。", dt.date(2023, 3, 27))


@pytest.mark.parametrize(
    ("text", "surface", "name", "count"),
    [
        # one part of the full name of a person the headline names by title stands for that person
        ("国务院总理李强会见安提瓜和巴布达总理\n会谈前，李强为布朗举行欢迎仪式。", "布朗", "Gaston Browne", 1),
        ("李强同沙特王储兼首相举行会谈\n会谈后，李强同穆罕默德共同见证合作文件签署。", "穆罕默德", "Mohammed bin Salman", 1),
        ("王毅会见馬來西亞最高元首\n易卜拉欣表示，願同中方深化合作。", "易卜拉欣", "Ibrahim Iskandar of Johor", 1),
        # ...but only a person the text names: no one named, the bare part is no one
        ("会谈前，李强为布朗举行欢迎仪式。", "布朗", None, 0),
    ],
)
def test_a_part_of_a_named_persons_full_name_stands_for_them(text: str, surface: str, name: str | None, count: int) -> None:
    kb = load_knowledge_base()
    result = link_actors(build_view(text), kb, dt.date(2024, 6, 20))
    names = {e.id: e.name for e in result.entities}
    assert [names[m.entity_id] for m in result.mentions if text[m.start : m.end] == surface] == [name] * count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare ministry is the outlet's own: Taiwan's in a Taiwanese story, else the PRC's
        ("（中央社記者台北15日電）外交部今天召見宏都拉斯駐台大使，表達嚴正關切。", ("外交部", "Ministry of Foreign Affairs (Taiwan)")),
        ("立法院今天審查預算，國防部長出席備詢；國防部表示，演習如期舉行。", ("國防部", "Ministry of National Defense (Taiwan)")),
        ("外交部表示，中方坚决反对美方对台军售。", ("外交部", "Ministry of Foreign Affairs of the People's Republic of China")),
        ("商務部新聞發言人表示，中方將採取必要措施。", None),  # a title: the spokesman, not the body
    ],
)
def test_a_bare_ministry_is_the_outlets_own(text: str, expected: tuple[str, str] | None) -> None:
    found = {(surface, name) for surface, name in linked(text) if surface in ("外交部", "國防部", "商務部")}
    assert found == ({expected} if expected else set())


@pytest.mark.parametrize("text", ["俄羅斯外交部表示反對。", "俄外交部發表聲明。", "外交部長王毅表示歡迎。"])
def test_a_ministry_after_its_country_or_in_a_title_is_not_the_home_one(text: str) -> None:
    names = {name for _, name in linked(text)}
    assert "Ministry of Foreign Affairs (Taiwan)" not in names
    assert "Ministry of Foreign Affairs of the People's Republic of China" not in names


@pytest.mark.parametrize(
    ("text", "surface", "country"),
    [
        # a double surname joined by a hyphen is read whole: the hyphen takes no place of a character
        ("副主席在北京会见秘鲁外长冈萨雷斯-奥莱切亚一行。", "冈萨雷斯-奥莱切亚", "PER"),
        ("副主席在北京会见智利外长范克拉伦一行。", "范克拉伦", "CHL"),
        # a seat of government (总统府) before the title: the name after 首席部长 is Brazil's, not the
        # Portuguese 科斯塔 of the European Council
        ("副总理在北京会见巴西总统府首席部长科斯塔。", "科斯塔", "BRA"),
    ],
)
def test_a_name_after_a_countrys_titles_is_read_whole_and_as_its_own(text, surface, country) -> None:
    assert _person_of(text, surface).country == country


def test_a_name_of_the_european_council_stays_its_presidents() -> None:
    assert ("科斯塔", "António Costa") in linked("欧洲理事会主席科斯塔在布鲁塞尔会见巴西总统府首席部长。", dt.date(2025, 3, 1))


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # the head of an international body, by the body's name and its own title on the date
        ("总理在京会见国际货币基金组织总裁。", dt.date(2018, 3, 1), ("国际货币基金组织总裁", "Christine Lagarde")),
        ("总理在京会见国际货币基金组织总裁。", dt.date(2022, 3, 1), ("国际货币基金组织总裁", "Kristalina Georgieva")),
        ("总理在京会见世界银行行长。", dt.date(2021, 3, 1), ("世界银行行长", "David Malpass")),
        ("总理在京会见世界银行行长。", dt.date(2024, 3, 1), ("世界银行行长", "Ajay Banga")),
        ("主席会见新开发银行行长。", dt.date(2021, 9, 1), ("新开发银行行长", "Marcos Troyjo")),
        ("主席会见联合国教科文组织总干事。", dt.date(2019, 9, 1), ("联合国教科文组织总干事", "Audrey Azoulay")),
        ("部长会见世界卫生组织总干事。", dt.date(2016, 9, 1), ("世界卫生组织总干事", "Margaret Chan")),
        ("部长会见上海合作组织秘书长。", dt.date(2020, 9, 1), ("上海合作组织秘书长", "Vladimir Norov")),
        # a new name after the title is the holder on the date, under the rendering the text uses
        ("部长在亚的斯亚贝巴会见非盟委员会主席法基。", dt.date(2023, 9, 1), ("法基", "Moussa Faki")),
    ],
)
def test_the_head_of_an_international_body_by_its_title(text: str, on: dt.date, expected: tuple[str, str]) -> None:
    assert expected in linked(text, on)


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("韩国总裁出席论坛。", "韩国总裁"),  # no country has an office of 总裁 or 行长
        ("美国行长出席论坛。", "美国行长"),
        ("中国人民银行行长出席论坛。", "中国人民银行行长"),  # a central bank is no body with offices here
    ],
)
def test_a_body_head_title_after_a_country_names_no_one(text: str, surface: str) -> None:
    assert not {found for found in linked(text, dt.date(2024, 3, 1)) if found[0] == surface}


@pytest.mark.parametrize(
    ("text", "china_named"),
    [
        # 对华 inside a country's title run: the coordinator is Indonesia's, China is no party
        ("副主席在北京会见印尼对华合作牵头人、统筹部长卢胡特。", False),
        ("副主席在北京会见印尼对华合作牵头人卢胡特。", False),
        ("美国对华特使抵达北京。", False),
        # the same prefix before an act, not a title: China is the target
        ("美国对华加征关税。", True),
        ("印尼对华出口镍铁。", True),
    ],
)
def test_a_short_form_inside_a_countrys_title_is_part_of_the_title(text: str, china_named: bool) -> None:
    assert (("华", "CHN") in linked(text, dt.date(2023, 4, 4))) == china_named


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # the king's adviser is not the king: the title goes on past 国王
        ("委员长在博鳌会见柬埔寨国王顾问团主席洪森。", ("洪森", "Hun Sen"), "Norodom Sihamoni"),
        ("柬埔寨国王在金边会见外宾。", ("柬埔寨国王", "Norodom Sihamoni"), "Hun Sen"),
    ],
)
def test_a_title_that_goes_on_into_an_aides_names_the_aide(text: str, present: tuple[str, str], absent: str) -> None:
    found = linked(text, dt.date(2024, 3, 28))
    assert present in found and absent not in {name for _, name in found}
