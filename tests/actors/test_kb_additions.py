"""People, offices, bodies, places and aliases added after the QA pass over unseen articles.

Every sentence is our own, written in the styles of Taiwan, Hong Kong and mainland news.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.actors import link_actors, load_knowledge_base
from summitry.text import build_view


def linked(text: str, on: dt.date) -> set[tuple[str, str]]:
    """(surface, entity name or country id) for every mention."""
    result = link_actors(build_view(text), load_knowledge_base(), on)
    names = {e.id: (e.id if e.type == "country" else e.name) for e in result.entities}
    return {(text[m.start : m.end], names[m.entity_id]) for m in result.mentions}


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("南韓總統室政策室長金容範29日表示，韓美關稅談判已近尾聲。", "2025-10-29", ("金容範", "Kim Yong-beom")),
        ("韩国总统室政策室长金容范当天对记者说，投资方案仍在协商。", "2025-10-29", ("金容范", "Kim Yong-beom")),
        ("總統秘書室長姜勳植宣布新一輪人事任命。", "2025-06-10", ("姜勳植", "Kang Hoon-sik")),
        ("輝達執行長黃仁勳今日抵達台北。", "2025-05-18", ("黃仁勳", "Jensen Huang")),
        ("英伟达首席执行官黄仁勋再度访华。", "2025-07-15", ("黄仁勋", "Jensen Huang")),
        ("國務院副總理張高麗會見菲律賓客人。", "2016-10-20", ("張高麗", "Zhang Gaoli")),
        ("国务院副总理张高丽出席论坛开幕式。", "2017-05-14", ("张高丽", "Zhang Gaoli")),
        ("外交部副部長劉振民向記者介紹會談情況。", "2016-10-20", ("劉振民", "Liu Zhenmin")),
        ("中国气候变化事务特使刘振民出席大会。", "2024-11-12", ("刘振民", "Liu Zhenmin")),
        ("全國人大常委會副委員長陳竺到機場迎接。", "2018-01-08", ("陳竺", "Chen Zhu")),
        ("全国人大常委会副委员长陈竺会见代表团。", "2019-04-02", ("陈竺", "Chen Zhu")),
        ("白宮國家經濟會議主任柯德洛受訪時表示樂觀。", "2018-12-02", ("柯德洛", "Larry Kudlow")),
        ("白宫国家经济委员会主任库德洛称谈判取得进展。", "2019-05-10", ("库德洛", "Larry Kudlow")),
        ("美國國家經濟委員會主任哈塞特接受專訪。", "2025-04-10", ("哈塞特", "Kevin Hassett")),
        ("白宮發言人桑德斯在記者會上回應提問。", "2018-06-12", ("桑德斯", "Sarah Huckabee Sanders")),
        ("白宫新闻秘书萨拉·桑德斯发表声明。", "2018-03-01", ("萨拉·桑德斯", "Sarah Huckabee Sanders")),
        ("白宮新聞秘書莎琪表示，拜登將與習近平通話。", "2021-09-09", ("莎琪", "Jen Psaki")),
        ("白宫新闻秘书普萨基当天表示。", "2021-11-15", ("普萨基", "Jen Psaki")),
        ("白宮發言人尚皮耶證實峰會日期。", "2023-11-10", ("尚皮耶", "Karine Jean-Pierre")),
        ("白宮發言人麥肯內尼批評世衛。", "2020-05-01", ("麥肯內尼", "Kayleigh McEnany")),
        ("白宮發言人史派瑟辭職。", "2017-07-21", ("史派瑟", "Sean Spicer")),
        ("美國駐聯合國大使黑利要求安理會加強制裁。", "2017-09-04", ("黑利", "Nikki Haley")),
        ("白宮貿易顧問納瓦羅再批北京。", "2018-06-20", ("納瓦羅", "Peter Navarro")),
        ("菲國前總統小艾奎諾政府任內提出南海仲裁。", "2016-10-18", ("小艾奎諾", "Benigno Aquino III")),
        ("小阿基诺执政期间中菲关系紧张。", "2016-10-18", ("小阿基诺", "Benigno Aquino III")),
        ("國務院副總理孫春蘭視察疫情。", "2020-02-10", ("孫春蘭", "Sun Chunlan")),
        ("外交部发言人赵立坚回答提问。", "2020-03-12", ("赵立坚", "Zhao Lijian")),
        ("外交部發言人汪文斌表示堅決反對。", "2021-08-02", ("汪文斌", "Wang Wenbin")),
        ("中國駐美大使謝鋒出席活動。", "2023-06-01", ("謝鋒", "Xie Feng")),
        ("东盟秘书长高金洪出席峰会。", "2025-10-26", ("高金洪", "Kao Kim Hourn")),
        ("匈牙利外長西雅爾多在北京與王毅會談。", "2024-04-24", ("西雅爾多", "Péter Szijjártó")),
        ("希臘總理米佐塔基斯抵達上海。", "2019-11-04", ("米佐塔基斯", "Kyriakos Mitsotakis")),
        ("孟加拉總理哈希納辭職並離開達卡。", "2024-08-05", ("哈希納", "Sheikh Hasina")),
        ("哈萨克斯坦首任总统纳扎尔巴耶夫宣布辞职。", "2019-03-19", ("纳扎尔巴耶夫", "Nursultan Nazarbayev")),
        ("蒙古國總統呼日勒蘇赫訪問北京。", "2022-11-27", ("呼日勒蘇赫", "Ukhnaagiin Khürelsükh")),
        ("蘋果執行長庫克訪問上海供應商。", "2024-03-21", ("庫克", "Tim Cook")),
        ("聯邦參議員伯尼·桑德斯批評關稅政策。", "2025-04-05", ("伯尼·桑德斯", "Bernie Sanders")),
        ("挪威首相埃尔娜·索尔贝格一行抵达北京。", "2018-04-08", ("埃尔娜·索尔贝格", "Erna Solberg")),
        ("李克强同索爾貝格首相舉行會談。", "2017-04-08", ("索爾貝格", "Erna Solberg")),
        ("厄瓜多尔总统科雷亚在机场迎接中方代表团。", "2016-11-17", ("科雷亚", "Rafael Correa")),
        # 林太 (Mrs Lam): Hong Kong papers' name for Carrie Lam; not inside 林太太 or 太平洋
        ("林太在行政會議前會見記者。", "2018-06-12", ("林太", "Carrie Lam")),
    ],
)
def test_added_people_link(text: str, on: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text, dt.date.fromisoformat(on))


@pytest.mark.parametrize(
    ("country", "role", "on", "holder"),
    [
        ("USA", "press_secretary", "2016-09-01", "Josh Earnest"),
        ("USA", "press_secretary", "2018-06-12", "Sarah Huckabee Sanders"),
        ("USA", "press_secretary", "2019-12-01", "Stephanie Grisham"),
        ("USA", "press_secretary", "2020-06-01", "Kayleigh McEnany"),
        ("USA", "press_secretary", "2022-01-10", "Jen Psaki"),
        ("USA", "press_secretary", "2024-01-10", "Karine Jean-Pierre"),
        ("USA", "press_secretary", "2025-10-29", "Karoline Leavitt"),
        ("RUS", "press_secretary", "2022-02-24", "Dmitry Peskov"),
        ("USA", "economic_adviser", "2017-06-01", "Gary Cohn"),
        ("USA", "economic_adviser", "2018-12-01", "Larry Kudlow"),
        ("USA", "economic_adviser", "2025-10-29", "Kevin Hassett"),
        ("USA", "governor", "2024-01-01", "Sarah Huckabee Sanders"),
        ("KOR", "policy_chief", "2025-10-29", "Kim Yong-beom"),
        ("KOR", "chief_of_staff", "2025-10-29", "Kang Hoon-sik"),
        ("CHN", "deputy_speaker", "2018-01-08", "Chen Zhu"),
        ("UNO", "under_secretary_general", "2019-07-09", "Liu Zhenmin"),
        ("ASEAN", "secretary_general", "2020-06-26", "Lim Jock Hoi"),
        ("ASEAN", "secretary_general", "2025-10-26", "Kao Kim Hourn"),
        ("GRC", "prime_minister", "2024-05-01", "Kyriakos Mitsotakis"),
        ("HUN", "foreign_minister", "2024-04-24", "Péter Szijjártó"),
        ("POL", "foreign_minister", "2024-02-01", "Radosław Sikorski"),
        ("KAZ", "president", "2018-06-09", "Nursultan Nazarbayev"),
        ("KAZ", "president", "2019-03-20", "Kassym-Jomart Tokayev"),
        ("BGD", "prime_minister", "2024-07-10", "Sheikh Hasina"),
        ("MNG", "president", "2022-11-27", "Ukhnaagiin Khürelsükh"),
    ],
)
def test_added_offices_by_date(country: str, role: str, on: str, holder: str) -> None:
    holders = load_knowledge_base().holders(country, (role,), dt.date.fromisoformat(on))
    assert [person.name for person in holders] == [holder]


@pytest.mark.parametrize(
    ("country", "role", "on"),
    [
        ("GRC", "prime_minister", "2023-06-01"),  # the caretaker government between two elections
        ("USA", "press_secretary", "2017-07-24"),  # Spicer gone on 07-21, Sanders dated from 07-26
        ("BGD", "prime_minister", "2024-08-06"),
    ],
)
def test_gaps_between_tenures_name_no_one(country: str, role: str, on: str) -> None:
    assert load_knowledge_base().holders(country, (role,), dt.date.fromisoformat(on)) == ()


def test_vice_premiers_serve_together() -> None:
    names = {p.name for p in load_knowledge_base().holders("CHN", ("vice_premier",), dt.date(2016, 10, 20))}
    assert names == {"Zhang Gaoli", "Liu Yandong", "Wang Yang", "Ma Kai"}
    names = {p.name for p in load_knowledge_base().holders("CHN", ("vice_premier",), dt.date(2025, 10, 30))}
    assert names == {"Ding Xuexiang", "He Lifeng", "Zhang Guoqing", "Liu Guozhong"}


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("俄羅斯總統發言人表示，克宮尚未收到邀請。", "2023-03-01", ("俄羅斯總統發言人", "Dmitry Peskov")),
        ("白宮國家安全顧問表示，北韓必須先棄核。", "2018-06-01", ("白宮國家安全顧問", "John Bolton")),
        ("東協秘書長呼籲各方保持克制。", "2020-06-26", ("東協秘書長", "Lim Jock Hoi")),
    ],
)
def test_titles_after_new_bodies_and_roles(text: str, on: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text, dt.date.fromisoformat(on))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韓國HD現代將與美國博龍資本成立基金。", ("博龍資本", "Cerberus Capital Management")),
        ("中國銀行宣布在菲律賓設立分行。", ("中國銀行", "Bank of China")),
        ("中国国际问题研究院副院长接受采访。", ("中国国际问题研究院", "China Institute of International Studies")),
        ("新加坡尤索夫伊薩東南亞研究院的調查顯示。", ("尤索夫伊薩東南亞研究院", "ISEAS–Yusof Ishak Institute")),
        ("馬來西亞戰略與國際研究所學者指出。", ("馬來西亞戰略與國際研究所", "Institute of Strategic and International Studies Malaysia")),
        ("美方宣布制裁路克石油與俄羅斯石油公司。", ("路克石油", "Lukoil")),
        ("美方宣布制裁路克石油與俄羅斯石油公司。", ("俄羅斯石油公司", "Rosneft")),
        ("兩國總理在海德拉巴宮舉行會談。", ("海德拉巴宮", "Hyderabad House")),
        ("普亭在印度總統府出席歡迎儀式。", ("印度總統府", "Rashtrapati Bhavan")),
        ("兩國元首在故宮共進晚餐。", ("故宮", "Palace Museum")),
        ("國立故宮博物院推出新展。", ("國立故宮博物院", "National Palace Museum")),
        ("兩國領導人在國立慶州博物館舉行會談。", ("國立慶州博物館", "Gyeongju National Museum")),
        ("俄方協助興建的古丹庫蘭核電廠位於坦米爾那都。", ("古丹庫蘭", "Kudankulam")),
        ("俄方協助興建的古丹庫蘭核電廠位於坦米爾那都。", ("坦米爾那都", "Tamil Nadu")),
        ("巴解表態支持美方提出的和平方案。", ("巴解", "Palestine Liberation Organization")),
        ("中方敦促歐方停止對華制裁。", ("歐方", "European Union")),
        ("中方希望欧方同中方相向而行。", ("欧方", "European Union")),
    ],
)
def test_added_bodies_companies_and_places(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text, dt.date(2025, 10, 30))


@pytest.mark.parametrize(
    ("text", "on", "wrong"),
    [
        ("白宮發言人桑德斯表示，會談順利。", "2019-02-28", "Sangdesi"),  # no invented pinyin person
        ("普亭在印度總統府出席歡迎儀式。", "2025-12-05", "Office of the President (Taiwan)"),
        ("印度表示將停止購買俄羅斯石油。", "2025-10-23", "Rosneft"),  # "Russian oil", not the company
        ("中國銀行業監管機構發布新規。", "2025-10-30", "Bank of China"),  # the banking sector
        ("杜特蒂搭機抵達尼諾伊·艾奎諾國際機場。", "2016-10-21", "Benigno Aquino III"),  # named after his father
        ("前總統柯拉蓉·艾奎諾的紀念活動", "2016-10-21", "Benigno Aquino III"),  # his mother
        ("中巴解決邊界爭議後簽署協議。", "2025-10-30", "Palestine Liberation Organization"),  # 中巴 + 解決
    ],
)
def test_wrong_links_no_longer_happen(text: str, on: str, wrong: str) -> None:
    assert wrong not in {name for _, name in linked(text, dt.date.fromisoformat(on))}


def test_russian_oil_still_names_russia() -> None:
    assert ("俄羅斯", "RUS") in linked("印度表示將停止購買俄羅斯石油。", dt.date(2025, 10, 23))


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("高市回以「你好」，現場氣氛融洽。", "ISR"),  # 回以 = "replied with"
        ("在以美國為首的西方國家施壓下", "ISR"),  # 以…為首 = "led by"
        ("峰會將於台北時間29日晚間登場。", "Taipei"),  # a time zone, not a place
        ("美國宣布退出《巴黎協定》。", "Paris"),  # a treaty named after a city
    ],
)
def test_wrong_links_that_a_linker_rule_prevents(text: str, wrong: str) -> None:
    assert wrong not in {name for _, name in linked(text, dt.date(2025, 10, 30))}
