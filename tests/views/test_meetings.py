"""The meetings view on our own short articles (HK, TW and mainland wording) and on the seeds."""

from __future__ import annotations

import dataclasses

import pytest

from summitry.model import Entity
from summitry.views.meetings import meeting_reports, meetings, merge_meetings
from summitry.views.shape import view_json
from summitry.views.parties import Actors
from summitry.views.scoring import score_meeting_rows
from tests.views.conftest import articles


def _rows(*texts: str) -> list[tuple[frozenset[str], str | None, int]]:
    return [(frozenset(m.names), m.date, len(m.sources)) for m in meetings(articles(*texts))]


TRUMP_TAKAICHI = frozenset({"Donald Trump", "Sanae Takaichi"})
TRUMP_LEE = frozenset({"Donald Trump", "Lee Jae-myung"})
TRUMP_XI = frozenset({"Donald Trump", "Xi Jinping"})
TRUMP_KIM = frozenset({"Donald Trump", "Kim Jong Un"})
TRUMP_PUTIN = frozenset({"Donald Trump", "Vladimir Putin"})
XI_RAHMON = frozenset({"Emomali Rahmon", "Xi Jinping"})


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # HK: a dated report and an undated one of the same meeting in one article
        (("特朗普與日本首相高市早苗10月28日在東京會晤。兩人會晤後簽署了稀土協議。",), [(TRUMP_TAKAICHI, "2025-10-28", 2)]),
        # TW: a month in one article agrees with a day in another
        (("川普29日在慶州會見南韓總統李在明。", "川普本月在南韓與李在明會面，雙方就關稅達成協議。"), [(TRUMP_LEE, "2025-10-29", 2)]),
        # mainland: what the two leaders agreed joins their meeting
        (("国家主席习近平30日在釜山同美国总统特朗普举行会晤。两国元首就经贸问题达成共识。",), [(TRUMP_XI, "2025-10-30", 2)]),
        # an undated report in one article merges into the dated one of another
        (("特朗普與普京在阿拉斯加會面。", "8月15日，特朗普與普京在阿拉斯加安克雷奇會面。"), [(TRUMP_PUTIN, "2025-08-15", 2)]),
        # two summits of the same leaders on different dates stay two
        (("2018年6月，川普與金正恩在新加坡舉行峰會。2019年2月，兩人又在河內會晤。",), [(TRUMP_KIM, "2018-06", 1), (TRUMP_KIM, "2019-02", 1)]),
        # a planned visit is no meeting yet
        (("川普將於明年四月訪問中國。",), []),
        # an agreement alone is not a meeting (a ceasefire reached by two sides)
        (("印度與巴基斯坦5月達成停火協議。",), []),
        # the trip of the 28th, named by the undated talks of its article, is the other article's
        # talks of the 28th: one row, not two of the same id
        (("習近平同拉赫蒙總統舉行了會談。國家主席習近平28日結束對塔吉克斯坦的國事訪問。", "國家主席習近平28日在杜尚別同塔吉克斯坦總統拉赫蒙舉行會談。"),
         [(XI_RAHMON, "2025-10-28", 3)]),
        # the twin: talks two days before the trip's end are another row
        (("習近平同拉赫蒙總統舉行了會談。國家主席習近平28日結束對塔吉克斯坦的國事訪問。", "國家主席習近平26日在杜尚別同塔吉克斯坦總統拉赫蒙舉行會談。"),
         [(XI_RAHMON, "2025-10-26", 1), (XI_RAHMON, "2025-10-28", 2)]),
    ],
    ids=["hk-undated-joins-dated", "tw-month-joins-day", "mainland-agreement-joins", "undated-across-articles", "two-summits", "planned", "agreement-alone",
         "renamed-trip-is-the-talks", "talks-days-before"],
)
def test_one_row_per_real_meeting(texts: tuple[str, ...], expected: list) -> None:
    assert _rows(*texts) == expected


MACRON_XI = frozenset({"Emmanuel Macron", "Xi Jinping"})
MACRON_CHINA = frozenset({"Emmanuel Macron", "China"})
BLINKEN_QIN = frozenset({"Antony Blinken", "Qin Gang"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arrival on the 3rd and the talks on the 4th are one row, the talks' date
        ("法國總統馬克宏3日抵達北京，展開為期三天的國事訪問。國家主席習近平4日在人民大會堂與馬克宏舉行會談。",
         [(MACRON_XI, "2025-10-04", 2)]),
        ("法国总统马克龙3日抵达北京，开始对中国进行国事访问。4日，国家主席习近平同马克龙举行会谈。", [(MACRON_XI, "2025-10-04", 2)]),
        # the twins: a visit alone stays a row; talks days later are another trip's
        ("法國總統馬克宏3日抵達北京，展開國事訪問。", [(MACRON_CHINA, "2025-10-03", 1)]),
        ("法國總統馬克宏3日抵達北京，展開國事訪問。國家主席習近平9日在人民大會堂與馬克宏舉行會談。",
         [(MACRON_CHINA, "2025-10-03", 1), (MACRON_XI, "2025-10-09", 1)]),
        # talks on two days of the visit: the arrival joins the talks of its own day
        ("美國國務卿布林肯18日飛抵北京，開始訪華行程。布林肯18日下午同中國外長秦剛舉行會談。布林肯19日與秦剛再度會談。",
         [(BLINKEN_QIN, "2025-10-18", 2), (BLINKEN_QIN, "2025-10-19", 1)]),
        # another meeting of the visitor's country that day: the arrival joins the talks naming the visitor
        ("美國國務卿布林肯18日飛抵北京，開始訪華行程。中國外交部副部長謝鋒18日會見美國代表團。布林肯18日下午同中國外長秦剛舉行會談。",
         [(BLINKEN_QIN, "2025-10-18", 2), (frozenset({"Xie Feng", "United States"}), "2025-10-18", 1)]),
        # the twin: talks days after the arrival, on two days, are another trip's
        ("美國國務卿布林肯18日飛抵北京，開始訪華行程。布林肯23日下午同中國外長秦剛舉行會談。布林肯24日與秦剛再度會談。",
         [(frozenset({"Antony Blinken", "China"}), "2025-10-18", 1), (BLINKEN_QIN, "2025-10-23", 1), (BLINKEN_QIN, "2025-10-24", 1)]),
        # the trip told on a later day of it (its last day) is still the talks' row
        ("印度總理莫迪4日在新德里與到訪的俄羅斯總統普京舉行會談。6日，普京在孟買參觀一家工廠後結束對印度的訪問。",
         [(frozenset({"Narendra Modi", "Vladimir Putin"}), "2025-10-04", 2)]),
        # the twin: a visit nine days after the talks is another trip
        ("印度總理莫迪4日在新德里與到訪的俄羅斯總統普京舉行會談。13日，普京再度訪問印度。",
         [(frozenset({"Narendra Modi", "Vladimir Putin"}), "2025-10-04", 1), (frozenset({"India", "Vladimir Putin"}), "2025-10-13", 1)]),
        # a trip with two talks that day frames both: the first holds it, no row of the trip alone
        ("法國總統馬克宏3日抵達北京，展開國事訪問。國家主席習近平3日與馬克宏會談，國務院總理李強當天也會見了馬克宏。",
         [(frozenset({"Emmanuel Macron", "Li Qiang"}), "2025-10-03", 1), (MACRON_XI, "2025-10-03", 2)]),
    ],
    ids=["tw-arrival-then-talks", "mainland-arrival-then-talks", "visit-alone", "talks-days-later", "talks-on-two-days",
         "another-meeting-that-day", "talks-on-two-later-days", "trip-told-on-its-last-day", "another-trip-days-later",
         "trip-with-two-talks-that-day"],
)
def test_a_visit_holds_the_meeting_it_leads_to(text: str, expected: list) -> None:
    assert _rows(text) == expected


AKAZAWA_USA = frozenset({"Ryosei Akazawa", "United States"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an undated trip fits the talks with the country and the call on its president: it joins
        # the report of the very same participants rather than stay a row of no date
        ("日本經濟再生大臣赤澤亮正訪問美國，展開新一輪關稅談判。赤澤亮正2日在華府與美國舉行談判。赤澤亮正4日晚間在白宮會見川普。",
         [(AKAZAWA_USA, "2025-10-02", 2), (frozenset({"Ryosei Akazawa", "Donald Trump"}), "2025-10-04", 1)]),
        # the twin: with two talks of those very participants, neither is chosen, and the trip
        # without a date stands as no meeting of its own
        ("日本經濟再生大臣赤澤亮正訪問美國，展開新一輪關稅談判。赤澤亮正2日在華府與美國舉行談判。赤澤亮正4日再與美國舉行談判。",
         [(AKAZAWA_USA, "2025-10-02", 1), (AKAZAWA_USA, "2025-10-04", 1)]),
    ],
    ids=["joins-the-same-participants", "two-such-talks-stay-apart"],
)
def test_an_undated_trip_joins_the_talks_of_its_own_participants(text: str, expected: list) -> None:
    assert _rows(text) == expected


RUBIO_CHINA = frozenset({"Marco Rubio", "China"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of past trips names no day and no one met: no row
        ("此前，美國國務卿魯比奧、財長貝森特等高官相繼訪華，兩國往來明顯增多。", []),
        # the twin: the trip with its day is a row
        ("美國國務卿魯比奧28日訪華，展開為期兩天的行程。", [(RUBIO_CHINA, "2025-10-28", 1)]),
        # TW and mainland: negotiations without a day are a process, not talks held
        ("美國與沙烏地阿拉伯近期就民用核能合作進行協商，已取得進展。", []),
        ("中德兩國政府曾舉行多輪磋商。", []),
        # the twins: the round held on a day is a row
        ("美國與沙烏地阿拉伯12日在利雅德就民用核能合作舉行協商。", [(frozenset({"Saudi Arabia", "United States"}), "2025-10-12", 1)]),
        ("中德兩國政府12日在柏林舉行第八輪磋商。", [(frozenset({"China", "Germany"}), "2025-10-12", 1)]),
    ],
    ids=["undated-trips", "dated-trip", "undated-negotiation-tw", "undated-consultations", "dated-negotiation", "dated-consultations"],
)
def test_an_undated_visit_or_negotiation_alone_is_no_meeting(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TW: an announced meeting and the talk about it (dated by the announcement) are no row
        ("白宮宣布，川普將於11月5日在白宮與日本首相高市早苗會晤。發言人並未透露會談議題，但外界普遍關注兩人會晤可能觸及關稅問題。", []),
        ("外交部發言人宣布，國家主席習近平將於11月15日至17日訪問美國，與特朗普總統舉行會晤。發言人未透露議題，外界高度關注「習特會」可能觸及貿易問題。", []),
        # a meeting called off, and the summit it names, are no row
        ("川普22日宣布取消原定與普亭在布達佩斯舉行的會談。他表示，眼下召開美俄峰會並不合適，所以作罷。", []),
        # the twin: the meeting held, and the talk about it, are one row
        ("國家主席習近平30日在釜山與特朗普總統會晤。外界關注「習特會」的成果。", [(TRUMP_XI, "2025-10-30", 1)]),
        # the arrival happened though the talks are only planned: the visit stays a row
        ("法國總統馬克宏3日抵達北京，展開國事訪問。國家主席習近平將於4日與馬克宏舉行會談。", [(MACRON_CHINA, "2025-10-03", 1)]),
    ],
    ids=["announced-tw", "announced-mainland-visit", "called-off", "held", "arrival-before-planned-talks"],
)
def test_mentions_of_an_announced_or_cancelled_meeting_are_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


LI_XI_LE = frozenset({"Li Xi", "Lê Hoài Trung"})
JOHN_LEE_XIA = frozenset({"John Lee Ka-chiu", "Xia Baolong"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # mainland: the headline names the party's delegation, the body the person leading it
        ("李希会见越南共产党代表团\n新华社北京10月30日电 中共中央政治局常委李希30日在北京会见由越共中央书记处书记黎怀忠率领的越南共产党代表团。",
         [(LI_XI_LE, "2025-10-30", 2)]),
        # HK: a call at a commission the morning of the talks is the same row, naming the person
        ("行政長官李家超昨日上午到訪國家發展和改革委員會，其後與港澳辦主任夏寶龍會面。", [(JOHN_LEE_XIA, "2025-10-29", 1)]),
        # the twin: the call at the commission two days before is a row of its own
        ("行政長官李家超27日到訪國家發展和改革委員會。李家超29日與港澳辦主任夏寶龍會面。",
         [(frozenset({"John Lee Ka-chiu", "National Development and Reform Commission"}), "2025-10-27", 1), (JOHN_LEE_XIA, "2025-10-29", 1)]),
    ],
    ids=["party-delegation-headline", "commission-then-talks", "commission-days-before"],
)
def test_a_body_of_a_side_is_the_person_of_it_met_that_day(text: str, expected: list) -> None:
    assert _rows(text) == expected


HAN_MARTIN = frozenset({"Han Zheng", "Mading"})
WANG_FELDKAMP = frozenset({"Feierdekanpu", "Wang Yi"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline naming only the counterpart's country and office, dated by publication (the
        # 30th), is the meeting the body dates the day before
        ("韩正会见爱尔兰副总理兼外交部长\n新华社北京10月29日电 国家副主席韩正29日在北京会见爱尔兰副总理兼外交部长马丁。",
         [(HAN_MARTIN, "2025-10-29", 2)]),
        # the same day: the person named in the body is the country of the headline (the events
        # stage already tells the two reports as one event, so one source)
        ("王毅會見荷蘭外交大臣\n新華社北京10月30日電 外交部長王毅30日在北京會見荷蘭外交大臣費爾德坎普。", [(WANG_FELDKAMP, "2025-10-30", 1)]),
        # the twin: a body meeting with another country's minister is another row
        ("王毅会见荷兰外交大臣\n新华社北京10月30日电 外交部长王毅29日在北京会见比利时外交大臣普雷沃。",
         [(frozenset({"Puleiwo", "Wang Yi"}), "2025-10-29", 1), (frozenset({"Wang Yi", "Netherlands"}), "2025-10-30", 1)]),
    ],
    ids=["headline-dated-by-publication", "country-then-person-same-day", "another-country-stays-apart"],
)
def test_a_headline_and_its_body_are_one_meeting(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_every_source_gives_back_its_sentence() -> None:
    records = articles("川普29日在慶州會見南韓總統李在明。", "川普本月在南韓與李在明會面。")
    texts = {r.document.id: r.document.text for r in records}
    for meeting in meetings(records):
        for source in meeting.sources:
            assert texts[source.doc][source.start : source.end] == source.text


def test_ids_are_stable_and_distinct() -> None:
    texts = ("2018年6月，川普與金正恩在新加坡舉行峰會。2019年2月，兩人又在河內會晤。",)
    first, second = meetings(articles(*texts)), meetings(articles(*texts))
    assert [m.id for m in first] == [m.id for m in second]
    assert len({m.id for m in first}) == len(first) == 2


@pytest.mark.parametrize(
    ("actor", "since", "until", "expected"),
    [
        ("川普", None, None, {"2018-06", "2019-02"}),
        ("Kim Jong Un", "2019", None, {"2019-02"}),
        ("PRK", None, "2018-12-31", {"2018-06"}),  # a country finds the meetings of its leader
        ("Xi Jinping", None, None, set()),
    ],
)
def test_filters(actor: str, since: str | None, until: str | None, expected: set[str]) -> None:
    records = articles("2018年6月，川普與金正恩在新加坡舉行峰會。2019年2月，兩人又在河內會晤。")
    assert {m.date for m in meetings(records, actor=actor, since=since, until=until)} == expected


def test_json_shape_is_the_schemas() -> None:
    row = view_json(meetings(articles("川普29日在慶州會見南韓總統李在明。"))[0])
    assert set(row) >= {"id", "participants", "names", "date", "place", "mode", "status", "sources"}
    assert set(row["sources"][0]) >= {"doc", "evidence", "text"}
    assert set(row["sources"][0]["evidence"]) == {"start", "end"}


def test_seeds_meet_the_targets(seed_records, gold_views) -> None:
    rows = [view_json(m) for m in meetings(seed_records)]
    scores = score_meeting_rows(rows, gold_views["meetings"])
    assert scores.recall >= 0.9, scores.misses
    assert scores.precision >= 0.8, scores.misses
    assert all(row["sources"] for row in rows)


def test_seed_meetings_reported_by_two_articles_are_one_row(seed_records) -> None:
    busan = [m for m in meetings(seed_records) if set(m.names) == {"Donald Trump", "Xi Jinping"}]
    assert len(busan) == 1 and busan[0].date == "2025-10-30"
    assert {source.path.rsplit("/", 1)[-1][:3] for source in busan[0].sources} == {"002", "004"}


@pytest.mark.parametrize(
    "text",
    [
        # two CONSULT events on one span, one claimed by the speaker and one not
        "南韓總統李在明29日在慶州與美國總統川普會談後共同會見記者時說，雙方達成協議。",
        # the same shape in the mainland register, with a quotation left unclosed
        "国家主席习近平在北京同法国总统马克龙会谈后共同会见记者时表示：「中法两国",
    ],
    ids=["claimed-and-unclaimed-on-one-span", "unclosed-quotation"],
)
def test_a_span_reported_claimed_and_unclaimed_gives_one_source(text: str) -> None:
    rows = meetings(articles(text))
    assert rows, "the meeting is found"
    for row in rows:
        spans = [(s.doc, s.start, s.end) for s in row.sources]
        assert len(spans) == len(set(spans))
        assert view_json(row)["sources"]


def test_a_report_whose_sides_became_one_is_no_meeting() -> None:
    """A record saw a meeting of the United States and a new person of no known country; the
    store, knowing more now, finds him American: one side, no meeting between sides, and no
    crash when the two reports of it are merged (hypothesis found the crash in the web app)."""
    record = articles("美國總統川普29日在慶州會見中國國家主席習近平。")[0]
    newcomer = Entity(id="person:x", name="X", type="person", country=None, aliases=("X",), offices=())
    event = dataclasses.replace(record.events[0], source=("USA",), target=(newcomer.id,))
    record = dataclasses.replace(record, events=(event,), entities=record.entities + (newcomer,))
    reports = meeting_reports(record, Actors([record]))
    assert len(reports) == 1  # two sides as the record saw them
    assert merge_meetings(reports + reports, Actors.knowing([dataclasses.replace(newcomer, country="USA")])) == []
