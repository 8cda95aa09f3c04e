"""Meetings and calls as mainland official readouts report them: credits, datelines, headlines.

Sentences are our own, in the register of evening-news readouts (国家主席…在…会见…).
"""

from __future__ import annotations

import datetime as dt

import pytest

from summitry import extract
from summitry.views.meetings import meetings as views_meetings
from tests.events.support import facts

DAY = dt.date(2025, 1, 11)


@pytest.mark.parametrize(
    "text",
    [
        "央视网消息（新闻联播）：1月11日，国家副主席韩正在北京会见英国财政大臣里夫斯。",
        "**央视网消息**（新闻联播）：国家副主席韩正11日在北京会见英国财政大臣里夫斯。",
        "新华社北京1月11日电 国家副主席韩正11日在北京会见英国财政大臣里夫斯。",
        # a Hong Kong desk's bracketed credit, before a subject set after a relative clause
        "【明報專訊】正在出席論壇的國家副主席韓正，11日在北京會見英國財政大臣里夫斯。",
    ],
)
def test_a_source_credit_is_never_a_party(text):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT"]
    assert [(f.parties, f.date) for f in meetings] == [(frozenset({"Han Zheng", "Rachel Reeves"}), "2025-01-11")]


@pytest.mark.parametrize(
    ("text", "counterpart", "date"),
    [
        # The object is the head of a relative clause; the time inside the clause dates it, not the meeting.
        ("国家主席习近平5日上午在人民大会堂会见来华出席2022年冬奥会开幕式的埃及总统塞西。", "Abdel Fattah el-Sisi", "2025-01-05"),
        ("国务院总理李强9日在京会见来华进行正式访问的法国总统马克龙。", "Emmanuel Macron", "2025-01-09"),
        # A date at the head of the clause, after a source credit, reaches the meeting.
        ("**央视网消息**（新闻联播）：当地时间10日上午，国家主席习近平在利马会见法国总统马克龙。", "Emmanuel Macron", "2025-01-10"),
        ("央视网消息（新闻联播）：1月8日上午，国家主席习近平在北京会见法国总统马克龙。", "Emmanuel Macron", "2025-01-08"),
    ],
)
def test_readout_meeting_has_its_counterpart_and_date(text, counterpart, date):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [(sorted(f.parties - {"Xi Jinping", "Li Qiang"}), f.date) for f in meetings] == [([counterpart], date)]


def test_a_verb_inside_the_object_clause_is_the_heads():
    visits = [f for f in facts("国务院总理李强9日在京会见来华进行正式访问的法国总统马克龙。", DAY) if f.mode == "visit"]
    assert all(f.source == {"Emmanuel Macron"} for f in visits)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("国家主席习近平10日应约同法国总统马克龙通电话。", "reported"),  # at the other side's request
        ("国家主席习近平10日同法国总统马克龙通电话。", "reported"),
        ("中方应尽快同法国总统马克龙通电话。", "hypothetical"),  # a modal 应 stays one
    ],
)
def test_a_call_at_the_other_sides_request_is_reported(text, status):
    calls = [f for f in facts(text, DAY) if f.mode == "call"]
    assert [f.status for f in calls][:1] == [status]


def test_an_undated_readout_in_a_same_day_report_takes_the_publication_date():
    record = extract("李强同埃塞俄比亚总理会谈\n央视网消息（新闻联播）：欢迎仪式后，国务院总理李强同埃塞俄比亚总理阿比举行会谈。", DAY)
    meetings = [e for e in record.events if e.type == "CONSULT"]
    assert {(e.date, e.date_from) for e in meetings} == {("2025-01-11", "publication")}
    assert [m.date for m in views_meetings([record])] == ["2025-01-11"]  # headline and body: one meeting


def test_a_dated_readout_says_its_date_came_from_the_text():
    record = extract("国务院总理李强10日在北京同埃塞俄比亚总理阿比举行会谈。", DAY)
    assert [(e.date, e.date_from) for e in record.events if e.type == "CONSULT"] == [("2025-01-10", "text")]


@pytest.mark.parametrize(
    "text",
    [
        "【有線新聞】\n國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",
        "【i-CABLE】\n國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",
        "【本台記者陳文報導】國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",
    ],
)
def test_a_bracketed_desk_credit_makes_the_lead_a_same_day_report(text):
    assert [(e.date, e.date_from) for e in extract(text, DAY).events if e.type == "CONSULT"] == [("2025-01-11", "publication")]


@pytest.mark.parametrize(
    "text",
    [
        "【社論】\n國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",  # a label, no desk's credit
        "【觀點】國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",
        "〔編譯李明／綜合報導〕國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",  # compiled: printed the day after
        "【本報訊】國家主席習近平在人民大會堂同來訪的法國總統馬克龍舉行會談，並共同見證合作文件簽署。",
        "央视网消息（新闻联播）：" + "两国关系近年来稳步发展，各领域合作不断深化。" * 10 + "李强同埃塞俄比亚总理阿比举行会谈。",
        "欢迎仪式后，国务院总理李强同埃塞俄比亚总理阿比举行会谈。",  # no credit: not known to be filed that day
    ],
)
def test_an_undated_meeting_outside_a_filed_lead_stays_undated(text):
    assert [(e.date, e.date_from) for e in extract(text, DAY).events if e.type == "CONSULT"] == [(None, None)]


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        ("国家主席习近平10日在北京会见蒙古国总统呼日勒苏赫。", "Ukhnaagiin Khürelsükh"),  # 蒙古国, not 蒙古 + 国总统
        ("国家主席习近平10日在北京会见卡塔尔埃米尔塔米姆。", "Tamim bin Hamad Al Thani"),  # the emir's own title
        ("国家主席习近平10日在北京会见马来西亚最高元首易卜拉欣。", "Ibrahim Iskandar of Johor"),
        ("央视网消息（新闻联播）：欢迎仪式后，国家主席习近平同阿比会谈。", "Abiy Ahmed"),  # the short name readouts use
        ("国家主席习近平10日在北京会见荷兰副首相兼外交大臣胡克斯特拉。", "Wopke Hoekstra"),  # titles held together
        # a title read as the person, the next title held with 兼, then the name: one person, not the call lost
        ("国家主席习近平10日同沙特王储兼首相穆罕默德通电话。", "Mohammed bin Salman"),
        ("國家主席習近平10日同沙特王儲兼首相穆罕默德通電話。", "Mohammed bin Salman"),
        ("国家主席习近平10日在北京会见英国外交发展大臣克莱弗利。", "James Cleverly"),
        # a foundation's founder and a firm's former titles between the country and a new name
        ("国家主席习近平10日在北京会见美国布鲁克斯家族基金会创始人、星辰公司原董事长兼首席执行官约翰·布鲁克斯。", "Yuehan Bulukesi"),
        # a body of the country and its title between the country and a new name
        ("国家主席习近平10日在北京会见巴基斯坦参议院主席桑吉拉尼。", "Sangjilani"),
    ],
)
def test_the_counterpart_is_the_person_not_only_the_country(text, counterpart):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT"]
    assert [f.parties - {"Xi Jinping"} for f in meetings] == [{counterpart}]


def test_a_verb_between_a_country_and_a_person_keeps_them_apart():
    praise = [f for f in facts("中方高度赞赏习近平主席的倡议。", DAY) if f.type == "SUPPORT"]
    assert [(f.source, f.target) for f in praise] == [(frozenset({"CHN"}), frozenset({"Xi Jinping"}))]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # someone's envoy is not the one who sent him: 的 keeps the two apart
        ("美國總統特朗普的特使威特科夫周三在莫斯科會見俄羅斯總統普京。", {"Steve Witkoff"}),
        ("美国总统特朗普的特使威特科夫6日在莫斯科会见俄罗斯总统普京。", {"Steve Witkoff"}),
    ],
)
def test_a_title_after_de_names_another_person(text, source):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT"]
    assert [f.source for f in meetings] == [frozenset(source)]


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        # a long relative clause after 同 (attending a summit and paying a state visit): its head is the co-party
        ("国家主席习近平10日在北京同来华出席第二届中国—中亚峰会并进行国事访问的哈萨克斯坦总统托卡耶夫举行会谈。", "Kassym-Jomart Tokayev"),
        ("国务院总理李强10日在京同来华出席第三届中非经贸合作论坛并进行正式访问的肯尼亚总统鲁托举行会谈。", "William Ruto"),
        # the short twin, inside the old reach
        ("国家主席习近平10日在北京同来华进行国事访问的肯尼亚总统鲁托举行会谈。", "William Ruto"),
    ],
)
def test_the_head_of_a_long_relative_clause_after_tong_is_the_counterpart(text, counterpart):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [(f.parties - {"Xi Jinping", "Li Qiang"}, f.date) for f in meetings] == [({counterpart}, "2025-01-10")]


def test_a_marker_between_two_dates_opens_no_relative_clause():
    # 和 joins 9日 and 10日: the head of the clause after 会见 is its object, the meeting the host's
    meetings = [f for f in facts("国家主席习近平9日和10日在北京会见来华出席论坛年会的肯尼亚总统鲁托。", DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [(f.source, f.target) for f in meetings] == [(frozenset({"Xi Jinping"}), frozenset({"William Ruto"}))]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # 会 closing a body's name (理事会, 董事会) is no modal: the meeting on the sidelines happened
        ("当地时间10日，国务院总理李强在阿斯塔纳出席上海合作组织成员国政府首脑理事会会议期间会见俄罗斯总理米舒斯京。", "reported"),
        ("国家副主席韩正10日在北京出席企业董事会会议期间会见英国财政大臣里夫斯。", "reported"),
        # a modal 会 still plans the meeting
        ("国务院总理李强下周会在阿斯塔纳会见俄罗斯总理米舒斯京。", "planned"),
    ],
)
def test_a_bodys_hui_is_no_modal(text, status):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [f.status for f in meetings] == [status]


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        # a party's titles held before the person's own country and title: one person
        ("国家主席习近平10日在北京会见越共中央政治局委员、越南总理范明政。", "Phạm Minh Chính"),
        # a party's titles run to a name the knowledge base does not know: a person of its country
        ("国家主席习近平10日在北京会见由越南共产党中央政治局委员、河内市委书记丁进勇率领的代表团。", "Dingjinyong"),
        ("中央书记处书记蔡奇10日在北京同越共中央政治局委员、中央书记处常务书记黎明海举行会谈。", "Liminghai"),
        # an office of a party, or of a firm, ends the titles (领袖, 首席执行官)
        ("国务院总理李强10日在悉尼会见澳大利亚反对党领袖达顿。", "Peter Dutton"),
        ("国务院总理李强10日在京会见来华出席中国发展高层论坛的美国苹果公司首席执行官库克。", "Tim Cook"),
        # a town of the country inside the titles is no venue
        ("国家副主席韩正10日在北京会见美国加利福尼亚州州长纽森。", "Gavin Newsom"),
    ],
)
def test_the_counterpart_is_the_person_a_partys_or_towns_titles_name(text, counterpart):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [f.parties - {"Xi Jinping", "Li Qiang", "Han Zheng", "Cai Qi"} for f in meetings] == [{counterpart}]


def test_a_country_before_its_city_and_no_title_stays_the_venue():
    meetings = [f for f in facts("国家主席习近平10日在日本东京会见日本首相石破茂。", DAY) if f.type == "CONSULT"]
    assert [(f.parties, f.place) for f in meetings] == [(frozenset({"Xi Jinping", "Shigeru Ishiba"}), "Tokyo")]


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        # 由…率领的…代表团: the one who leads is the counterpart, not the party the delegation is of
        ("国务院总理李强10日在京会见由古共中央政治局委员、中央组织书记罗德里格斯率领的古巴共产党代表团。", "Luodeligesi"),
        ("中央书记处书记蔡奇10日在北京会见由新加坡人民行动党中央外事委员会主席、政府外长维文率领的人民行动党代表团。", "Vivian Balakrishnan"),
        # no person leads: the delegation's party stays the counterpart
        ("国务院总理李强10日在京会见由古巴共产党代表团团长率领的古巴共产党代表团。", "Communist Party of Cuba"),
    ],
)
def test_a_delegation_is_met_in_the_one_who_leads_it(text, counterpart):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [f.parties - {"Li Qiang", "Cai Qi"} for f in meetings] == [{counterpart}]


@pytest.mark.parametrize(
    ("text", "counterparts"),
    [
        # a body of no country, its head's title, then a person of any country: the head
        ("国务院总理李强9日在京会见世界银行行长彭安杰。", [{"Ajay Banga"}]),
        ("国务院总理李强9日在京分别会见世界银行行长彭安杰和国际货币基金组织总裁格奥尔基耶娃。", [{"Ajay Banga"}, {"Kristalina Georgieva"}]),
    ],
)
def test_an_international_bodys_head_is_the_counterpart(text, counterparts):
    meetings = [f for f in facts(text, DAY) if f.type == "CONSULT" and f.mode == "meeting"]
    assert [f.parties - {"Li Qiang"} for f in meetings] == counterparts


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # to co-chair a meeting with someone is to meet them; the meeting's name is no act of its own
        ("国务院总理李强10日在北京同德国总理朔尔茨共同主持中德政府磋商。", {"Li Qiang", "Olaf Scholz"}),
        ("国务院副总理丁薛祥10日在莫斯科同俄罗斯副总理诺瓦克共同主持中俄能源合作委员会会议。", {"Ding Xuexiang", "Alexander Novak"}),
        ("國務院總理李強10日在北京同歐洲理事會主席米歇爾、歐盟委員會主席馮德萊恩共同主持中歐領導人會晤。",
         {"Li Qiang", "Charles Michel", "Ursula von der Leyen"}),
        # ...chairing alone is meeting no one
        ("国务院总理李强10日主持召开国务院常务会议。", None),
    ],
)
def test_co_chairing_a_meeting_with_someone_is_meeting_them(text, parties):
    found = facts(text, DAY)
    meetings = [f.parties for f in found if f.type == "CONSULT"]
    if parties is None:
        assert meetings == []
    else:
        assert parties in meetings
        # 政府磋商, 能源合作委员会: the name of what is co-chaired is neither a negotiation nor a cooperation
        assert [(f.type, f.mode) for f in found if f.type == "COOPERATE" or f.mode == "negotiate"] == []


@pytest.mark.parametrize(
    ("text", "counterpart"),
    [
        # the name of the meeting the delegation came for stands between the verb and its object
        ("国家副主席韩正10日在北京会见第三届中德青年创新对话会议德方代表团。", "DEU"),
        ("国家副主席韩正10日在北京会见第二届中英智库高级别论坛年度会议英方代表团。", "GBR"),
    ],
)
def test_a_delegation_after_the_name_of_its_meeting_is_the_object(text, counterpart):
    meetings = [f.parties - {"Han Zheng"} for f in facts(text, DAY) if f.type == "CONSULT" and "Han Zheng" in f.parties]
    assert meetings == [{counterpart}]
