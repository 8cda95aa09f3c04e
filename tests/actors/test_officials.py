"""Officials below the leaders (people/officials.yaml), names whose parts are joined by a dot or
a dash, and a country's name in a language edition. Every sentence is our own, written in the
styles of Taiwan, Hong Kong and mainland news.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summitry.actors import load_knowledge_base
from summitry.actors.kb import joiner_variants
from tests.actors.test_linker import linked

ON = dt.date(2023, 6, 20)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("國家發展改革委主任鄭柵潔陪同出席。", ("鄭柵潔", "Zheng Shanjie")),
        ("国家发展改革委主任郑栅洁出席发布会。", ("郑栅洁", "Zheng Shanjie")),
        ("日本外務事務次官船越健裕召見中國駐日大使吳江浩。", ("船越健裕", "Takehiro Funakoshi")),
        ("日本外務事務次官船越健裕召見中國駐日大使吳江浩。", ("吳江浩", "Wu Jianghao")),
        ("中国驻日本大使吴江浩向日方提出严正交涉。", ("吴江浩", "Wu Jianghao")),
        ("中國駐大阪總領事薛劍的貼文引發爭議。", ("薛劍", "Xue Jian")),
        ("外交部亞洲司司長劉勁松約見日本駐華使館首席公使。", ("劉勁松", "Liu Jinsong")),
        ("欧盟驻华代表团团长郁白当天被外交部副部长秦刚召见。", ("郁白", "Nicolas Chapuis")),
        ("行政長官李家超今日與印尼總統會面，商經局局長丘應樺陪同。", ("李家超", "John Lee Ka-chiu")),
        ("行政長官李家超今日與印尼總統會面，商經局局長丘應樺陪同。", ("丘應樺", "Algernon Yau")),
        ("特首林鄭月娥昨日在北京簽署合作安排。", ("林鄭月娥", "Carrie Lam")),
        ("林鄭簽一帶一路合作 晤張曉明", ("林鄭", "Carrie Lam")),
        ("林鄭簽一帶一路合作 晤張曉明", ("張曉明", "Zhang Xiaoming")),
        ("政制及內地事務局長聶德權陪同出席。", ("聶德權", "Patrick Nip")),
        ("外交部次長俞大㵢表達嚴正關切。", ("俞大㵢", "Alexander Yui")),
        ("國務卿蓬佩奧、貿易代表萊特海澤出席會談。", ("萊特海澤", "Robert Lighthizer")),
        ("秘鲁国会主席萨尔加多授予习近平勋章。", ("萨尔加多", "Luz Salgado")),
        ("美国驻华大使布兰斯塔德出席活动。", ("布兰斯塔德", "Terry Branstad")),
        ("俄罗斯副外长里亚布科夫表示，俄方愿意对话。", ("里亚布科夫", "Sergei Ryabkov")),
        ("國台辦發言人陳斌華今天在記者會上回應。", ("陳斌華", "Chen Binhua")),
        ("国台办发言人朱凤莲在例行新闻发布会上表示反对。", ("朱凤莲", "Zhu Fenglian")),
        ("美國在台協會處長谷立言今天拜會外交部。", ("谷立言", "Raymond Greene")),
        ("AIT處長孫曉雅出席記者會。", ("孫曉雅", "Sandra Oudkirk")),
        ("美國駐印度大使賈西迪陪同莫迪參觀。", ("賈西迪", "Eric Garcetti")),
        ("美國駐日大使易曼紐在社群平台發文。", ("易曼紐", "Rahm Emanuel")),
        ("澳洲駐美大使陸克文出席晚宴。", ("陸克文", "Kevin Rudd")),
        ("俄罗斯常驻联合国代表涅边贾在安理会发言。", ("涅边贾", "Vasily Nebenzya")),
        ("印度外交秘書米斯里抵達北京。", ("米斯里", "Vikram Misri")),
        ("日本駐美大使山田重夫出席簽字儀式。", ("山田重夫", "Shigeo Yamada")),
        ("中國駐菲律賓大使黃溪連約見菲方官員。", ("黃溪連", "Huang Xilian")),
    ],
)
def test_recurring_officials_link(text: str, expected: tuple[str, str]) -> None:
    assert expected in linked(text, ON)


def test_a_chief_executive_is_found_by_tenure() -> None:
    kb = load_knowledge_base()
    assert [p.name for p in kb.holders("HKG", ("chief_executive",), dt.date(2019, 1, 1))] == ["Carrie Lam"]
    assert [p.name for p in kb.holders("HKG", ("chief_executive",), dt.date(2023, 1, 1))] == ["John Lee Ka-chiu"]


@pytest.mark.parametrize(
    "name",
    ["穆罕默德·本·萨勒曼", "穆罕默德.本.薩勒曼", "穆罕默德．本．薩勒曼", "穆罕默德-本-萨勒曼", "穆罕默德－本－萨勒曼", "穆罕默德—本—薩勒曼", "穆罕默德‧本‧薩勒曼"],
)
def test_a_name_joined_by_a_dot_or_a_dash_links_as_one_name(name: str) -> None:
    text = f"沙烏地王儲{name}會見川普。"
    assert (name, "Mohammed bin Salman") in linked(text, dt.date(2025, 5, 13))


@pytest.mark.parametrize(
    ("alias", "variants"),
    [
        ("穆罕默德·本·萨勒曼", {"穆罕默德.本.萨勒曼", "穆罕默德-本-萨勒曼", "穆罕默德—本—萨勒曼"}),
        ("迪亚斯-卡内尔", {"迪亚斯·卡内尔", "迪亚斯.卡内尔", "迪亚斯—卡内尔"}),
    ],
)
def test_joiner_variants_between_chinese_name_parts(alias: str, variants: set[str]) -> None:
    assert variants <= set(joiner_variants(alias))


@pytest.mark.parametrize("alias", ["Lee Jae-myung", "川普", "G-7"])
def test_no_joiner_variants_outside_chinese_names(alias: str) -> None:
    assert joiner_variants(alias) == []


@pytest.mark.parametrize(
    ("text", "country_named"),
    [
        ("日本語版的報導指出，川普將訪問東京。", False),
        ("本文另有日本語言版本。", False),
        ("日本語帶保留地回應美方要求。", True),
        ("日本將於明年主辦峰會。", True),
    ],
)
def test_a_language_edition_names_no_country(text: str, country_named: bool) -> None:
    assert (("日本", "JPN") in linked(text, dt.date(2025, 10, 30))) is country_named
