"""The commitments ledger on our own sentences (HK, TW and mainland wording), on a table of our
own, and on the seeds — seed 001 alone must give back the rows of its two tables."""

from __future__ import annotations

import pytest

from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.scoring import score_ledger_rows
from tests.views.conftest import articles


def _rows(*texts: str) -> list[tuple]:
    return [
        (c.kind, c.pledger_name, c.beneficiary_name, (c.amount.value, c.amount.unit, c.amount.per) if c.amount else None, c.status)
        for c in ledger(articles(*texts))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # HK: a pledge to invest, with its amount
        ("日本承諾向美國投資5500億美元。", [("pledge", "Japan", "United States", (550e9, "USD", None), "claimed")]),
        # TW: a purchase whose seller is only named in its object (美國液化天然氣)
        (
            "南韓總統李在明宣佈，南韓將在2028年前採購價值250億美元的美國液化天然氣。",
            [("pledge", "South Korea", "United States", (25e9, "USD", None), "claimed")],
        ),
        # mainland: a demand's pledger is the party asked to pay
        ("美方要求韩方每年支付50亿美元驻军费用。", [("demand", "South Korea", "United States", (5e9, "USD", "year"), "demanded")]),
        # a tariff cut is one row: the tariff-setter pledges, the new rate is the amount
        ("川普宣佈，對中國的關稅從57%降至47%。", [("tariff", "Donald Trump", "China", (47, "percent", None), "claimed")]),
        # an approval between two named parties is a stake without an amount
        ("美國批准韓國建造核動力潛艦。", [("approval", "United States", "South Korea", None, "claimed")]),
        # a delivery that happened is a fulfilled transfer
        ("美国向越南交付3艘巡逻舰。", [("aid", "United States", "Vietnam", (3, "ship", None), "fulfilled")]),
        # a sum over purchases listed one by one is no row of its own
        ("韓國購買波音飛機、GE發動機和預警系統，總額超過500億美元。", []),
        # an investment sought is not one committed
        ("川普此行的目標是爭取3500億美元的投資。", []),
        # a share of imports is no pledge
        ("越南對中國的電力進口超過10%。", []),
        # a hypothetical tariff is no commitment
        ("川普表示，如果談判破裂，將對中國加徵100%關稅。", []),
        # tallies of trade and investment are no promises
        ("美國去年從中國進口了5000億美元的商品。", []),
        ("據統計，韓國企業過去五年在美國累計投資超過1000億美元。", []),
        # figures of the economy and of projects are no promises: the comparison may stand in
        # the next clause (同比增長), or the clause names a national or project total
        ("記者從國務院國資委獲悉，今年前三季度，中央企業完成固定資產投資1.5萬億元，同比增長5%。", []),
        ("海關數據顯示，前三季度日本自中國的进口额为1200億美元。", []),
        ("中国与沙特共建的炼化项目今天开工，项目总投资约300亿元。", []),
        ("2024年，中國企業對東協直接投資達300億美元，比2023年增長12%。", []),
        # a growth rate makes the sentence a reported figure; a count of firms is no money
        ("今年以來，中國對東協投資增長20%，達到150億美元。", []),
        ("上半年，新設外商投資企業1.8萬家，增長三成。", []),
        # a commitment within one country is no commitment between sides; a foreign firm's is
        ("國家電網今年將投資1000億元，推動陝西電網全面升級。", []),
        # (invested in China: the story's other country, named by its places, receives it)
        ("德國寶馬集團宣布投資100億元，在遼寧瀋陽擴建電池工廠。", [("pledge", "BMW", "China", (10e9, "CNY", None), "claimed")]),
        # a pledge beside its hoped-for effect stays one
        ("中國將向巴基斯坦投資600億美元，帶動當地經濟增長。", [("pledge", "China", "Pakistan", (60e9, "USD", None), "claimed")]),
        # a count is a stake too, and the seller named in the object is the beneficiary
        ("印尼同意採購50架波音飛機。", [("pledge", "Indonesia", "Boeing", (50, "aircraft", None), "claimed")]),
        ("歐盟同意購買價值7500億美元的美國能源。", [("pledge", "European Union", "United States", (750e9, "USD", None), "claimed")]),
    ],
    ids=[
        "hk-pledge", "tw-purchase", "mainland-demand", "tariff-cut", "approval", "delivery", "aggregate", "sought",
        "percent-share", "hypothetical", "imports-tally", "investment-tally", "fixed-assets-tally",
        "imports-figure", "project-total", "fdi-figure", "growth-rate", "firms-count", "domestic", "foreign-firm", "pledge-and-growth", "count", "object-seller",
    ],
)
def test_rows_where_there_is_a_stake(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "南韓同意向美國投資3500億美元，並將採購1000億美元的液化天然氣。",
            [("investment in United States", 350e9), ("purchase of LNG", 100e9)],
        ),
        ("日方承诺向美国投资5500亿美元，并采购80亿美元的美国农产品。", [("investment in United States", 550e9), ("purchase of agricultural products", 8e9)]),
        # each amount of a list is a commitment with the item nearest it: a count as well as money
        ("菲律賓同意購買20架美國客機、並追加採購美國液化天然氣50億美元。", [("purchase of aircraft", 20), ("purchase of LNG", 5e9)]),
        # two amounts of money joined by 與 in one clause are two purchases, each with its item
        ("泰國承諾每年採購30億美元的美國農產品與價值100億美元的美國原油。", [("purchase of agricultural products", 3e9), ("purchase of oil", 10e9)]),
        # a count whose value the next clause gives is that row's item; a second deal stays a row
        ("大韓航空上月宣布向波音訂購40架新客機，總值200億美元，另將採購價值50億美元的發動機。",
         [("purchase of 40 aircraft", 20e9), ("purchase of aircraft engines", 5e9)]),
        # the twin: the money in the count's own clause is its value, one row
        ("菲律賓同意以50億美元採購12架美國客機。", [("purchase of 12 aircraft", 5e9)]),
        # fighters are aircraft of their own kind
        ("波兰同意以46亿美元采购32架美国F-35战斗机。", [("purchase of 32 fighter aircraft", 4.6e9)]),
        ("芬蘭國防部宣布將購買60架F-35戰機。", [("purchase of fighter aircraft", 60)]),
        # a clause with its own verb says what it commits: the next clause's goods are not its item
        ("日本答應向美國投資5500億美元，並擴大進口美國小麥等農產品。", [("investment in United States", 550e9)]),
        # a share of the sum before it is no commitment of its own
        ("韩方将向美国投资3500亿美元，其中2000亿美元为现金投资。", [("investment in United States", 350e9)]),
    ],
)
def test_each_amount_is_read_with_its_own_clause(text: str, expected: list) -> None:
    assert sorted((c.item, c.amount.value) for c in ledger(articles(text))) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yearly cap on a larger investment is one of its terms, no row of its own
        ("韓國承諾對美投資2000億美元，每年投資上限為150億美元。", [(200e9, None)]),
        # the twin: a cap that is the whole commitment stays its row
        ("韓國承諾向美國投資，每年上限為150億美元。", [(15e9, "year")]),
        # a share written after the whole with a word of containing is no row of its own
        ("越南承諾向日本採購200億美元的設備，包括50億美元的液化天然氣。", [(20e9, None)]),
        ("韓方說，2000億美元對美投資包含800億美元現金投資。", [(200e9, None)]),
        # the twin: a second purchase beside the first stays a row
        ("越南承諾向日本採購200億美元的設備，並採購50億美元的液化天然氣。", [(5e9, None), (20e9, None)]),
        # an amount converted into another currency is the one before it
        ("日本承諾向印度投資5兆日元，約合330億美元。", [(5e12, None)]),
        ("日本承諾向印度投資5兆日元，並提供330億美元貸款。", [(33e9, None), (5e12, None)]),
    ],
    ids=["cap-of-larger", "cap-alone", "share-included", "share-contained", "second-purchase", "converted", "second-currency"],
)
def test_a_cap_or_share_of_a_larger_commitment_is_no_row(text: str, expected: list) -> None:
    assert sorted((c.amount.value, c.amount.per) for c in ledger(articles(text)) if c.amount) == expected


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("美國國防部宣布，將向烏克蘭提供價值4億美元的武器裝備。", "weapons and military equipment"),
        ("中国政府决定向利比亚提供3000万元人民币的紧急人道主义援助。", "humanitarian aid"),
        ("中國同意向巴基斯坦提供20億美元貸款。", "loans"),
        ("日本宣布向菲律賓提供5億日圓援助。", "assistance"),
    ],
)
def test_aid_says_what_is_given(text: str, item: str) -> None:
    (row,) = ledger(articles(text))
    assert (row.kind, row.item) == ("aid", item)


@pytest.mark.parametrize(
    ("text", "pledger"),
    [
        # an official who describes the deal speaks for his country
        ("對此，金容範30日表示，3500億美元對美投資當中包含1500億美元造船投資。", "South Korea"),
        # a firm or leader that is the clause's own subject, claiming nothing, pledges itself
        ("日本首相高市早苗承諾設立5500億美元的對美投資工具。", "Sanae Takaichi"),
        ("大韓航空承諾向波音採購58架廣體客機，總值214億美元。", "Korean Air"),
    ],
)
def test_a_speaker_is_the_claimant_not_the_pledger(text: str, pledger: str) -> None:
    assert [c.pledger_name for c in ledger(articles(text))] == [pledger]


def test_a_tariff_cut_keeps_the_old_rate_in_its_item() -> None:
    (row,) = ledger(articles("川普宣佈，對中國的關稅從57%降至47%。"))
    assert row.item == "tariff cut from 57% to 47%"


@pytest.mark.parametrize(
    ("text", "item"),
    [
        # the new level is the one after 降至, not a share written in brackets before it
        ("美國宣布，對中國商品的關稅從30%（其中20%為芬太尼關稅）降至15%。", "fentanyl tariff cut from 30% to 15%"),
        # the twin: with nothing in brackets the amount after the old level is the new one
        ("美國宣布，對中國商品的關稅從30%降至20%。", "tariff cut from 30% to 20%"),
        ("美國宣布，對中國商品的關稅從30%提高到45%。", "tariff raised from 30% to 45%"),
    ],
    ids=["bracketed-share", "plain-cut", "plain-rise"],
)
def test_a_tariff_change_takes_the_level_it_reaches(text: str, item: str) -> None:
    (row,) = ledger(articles(text))
    assert row.item == item


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cut on Japan that names no one making it, in a story of Japan's talks in Washington:
        # the side Japan meets makes it
        ("日本經濟再生大臣赤澤亮正第10度訪美，與美國商務部長盧特尼克舉行會談。雙方達成協議，將日本汽車關稅稅率從27.5%下調至15%。",
         [("tariff", "United States", "Japan", (15, "percent", None), "claimed")]),
        # the twin: with no meeting in the story no one is known to make it
        ("報導說，將日本汽車關稅稅率從27.5%下調至15%。", []),
    ],
    ids=["met-side-cuts", "no-meeting"],
)
def test_a_tariff_naming_no_setter_is_the_met_sides(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a supply guarantee or an export licence naming no beneficiary is given to the side
        # the giver meets in the story
        ("普丁在會見莫迪時說，俄羅斯將保證提供穩定的天然氣供應。", [("guarantee", "Russia", "India", None, "claimed")]),
        ("中美雙方在吉隆坡舉行經貿磋商。中方將頒發通用許可證，允許稀土出口，惠及美國用戶。",
         [("approval", "China", "United States", None, "claimed")]),
        # the twins: with no meeting in the story no one is known to receive it
        ("普丁說，俄羅斯將保證提供穩定的天然氣供應。", []),
        ("中方將頒發通用許可證，允許稀土出口。", []),
    ],
    ids=["guarantee-to-met-side", "licence-to-met-side", "guarantee-alone", "licence-alone"],
)
def test_a_guarantee_or_approval_goes_to_the_met_side(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("日本承诺未来五年向美国投资数十亿美元。", (1e9, 1e10)),
        ("韓國表示將向美國投資3至5億美元，建設電池工廠。", (3e8, 5e8)),
        ("日本承諾向美國投資5500億美元。", (None, None)),
    ],
)
def test_a_range_or_vague_amount_keeps_its_bounds(text: str, bounds: tuple) -> None:
    """數十億美元 is kept as the range it is, flagged, so totals can leave it out."""
    (row,) = ledger(articles(text))
    amount = view_json(row)["amount"]
    assert (amount["low"], amount["high"]) == bounds
    assert amount["approx"] is (bounds[0] is not None)


def test_a_deadline_is_read_as_its_year() -> None:
    (row,) = ledger(articles("南韓總統李在明宣佈，南韓將在2028年前採購價值250億美元的美國液化天然氣。"))
    assert row.deadline == "2028" and "LNG" in row.item


def test_equal_tariff_rates_on_different_targets_stay_apart() -> None:
    rows = ledger(articles("美國對印度商品加徵25%關稅。", "美國將對進口汽車徵收25%的關稅。"))
    assert sorted(str(c.beneficiary_name) for c in rows) == ["India", "None"]


def test_the_same_pledge_in_two_articles_is_one_row_with_both_sources() -> None:
    rows = ledger(articles("日本承諾向美國投資5500億美元。", "日本首相高市早苗承諾設立5500億美元的對美投資工具。"))
    assert len(rows) == 1
    assert rows[0].pledger_name == "Sanae Takaichi"  # the most specific pledger of the two
    assert len({s.doc for s in rows[0].sources}) == 2


OWN_TABLE = "\n".join(
    [
        "日本企業去年宣佈擴大對美投資。",
        "表3:日本企業對美投資承諾",
        "項目 | 日方投資方 | 美方受益方 | 預估金額 | 說明 |",
        "汽車工廠擴建 | 豐田汽車 | 美國 | 2030年前投資100億美元 | 在美國新增產能 |",
        "核電機組 | 三星電子 | 西屋電氣 | 80億美元 | |",
        "豐田汽車宣佈，將在2030年前向美國投資100億美元擴建汽車工廠。",
    ]
)


def test_a_table_row_and_the_prose_stating_it_merge() -> None:
    rows = {c.pledger_name: c for c in ledger(articles(OWN_TABLE))}
    toyota = rows["Toyota"]
    assert (toyota.beneficiary_name, toyota.amount.value, toyota.deadline) == ("United States", 10e9, "2030")
    assert len(toyota.sources) == 2 and any("|" in s.text for s in toyota.sources)
    assert rows["Samsung Electronics"].beneficiary_name == "Westinghouse Electric Company"


def test_filters_match_names_ids_aliases_and_countries() -> None:
    records = articles(OWN_TABLE, "美方要求韩方每年支付50亿美元驻军费用。")
    assert {c.pledger_name for c in ledger(records, pledger="JPN")} == {"Toyota"}  # Toyota is Japanese
    assert {c.pledger_name for c in ledger(records, pledger="三星電子")} == {"Samsung Electronics"}
    assert {c.kind for c in ledger(records, beneficiary="United States")} == {"pledge", "demand"}


# Seed 001's two tables, checked by hand against the report's Table 1 (bilateral commitments
# during Trump's visits to Korea) and Table 2 (US cost-sharing demands of South Korea): one
# (pledger, beneficiary, value, unit, per, deadline) per table row. The LNG row names three
# traders as beneficiaries; its prose names the United States, so any of them may stand there.
TABLE_ROWS = [
    ("company:korean-air", {"Q66"}, 36.2e9, "USD", None, None),
    ("company:korean-air", {"company:ge-aerospace"}, 13.7e9, "USD", None, None),
    ("org:rok-air-force", {"company:l3harris"}, 2.3e9, "USD", None, None),
    ("company:kogas", {"company:trafigura", "company:cheniere", "USA"}, 3.3e6, "tonne", "year", None),
    ("company:posco-international", {"company:reelement"}, None, None, None, None),
    ("company:ls-group", {"company:ls-greenlink"}, 3e9, "USD", None, "2030"),
    ("KOR", {"USA"}, 5e9, "USD", "year", None),
    ("KOR", {"USA"}, 10e9, "USD", "year", None),
    ("KOR", {"USA"}, 5, "percent_gdp", None, "2035"),
]


@pytest.mark.parametrize("expected", TABLE_ROWS, ids=[f"{row[0]}-{row[2]}" for row in TABLE_ROWS])
def test_seed_001_alone_rebuilds_its_tables(seed_records, expected) -> None:
    (report,) = [r for r in seed_records if "001_" in r.document.source]
    pledger, beneficiaries, value, unit, per, deadline = expected
    matching = [
        c for c in ledger([report])
        if c.pledger == pledger
        and ({c.beneficiary, *c.counterparts} & beneficiaries)
        and (c.amount is None if value is None else c.amount is not None and (c.amount.value, c.amount.unit, c.amount.per) == (value, unit, per))
    ]
    assert len(matching) == 1, [view_json(c) for c in ledger([report]) if c.pledger == pledger]
    row = matching[0]
    assert row.deadline == deadline
    assert any("|" in source.text for source in row.sources)  # the table row is among its sources
    if pledger == "KOR":
        assert row.status == "demanded"


def test_seeds_meet_the_targets(seed_records, gold_views) -> None:
    rows = [view_json(c) for c in ledger(seed_records)]
    scores = score_ledger_rows(rows, gold_views["ledger"])
    assert scores.recall >= 0.9, scores.misses
    assert scores.precision >= 0.7, scores.misses
    texts = {r.document.id: r.document.text for r in seed_records}
    for row in rows:
        assert row["sources"]
        for source in row["sources"]:
            assert texts[source["doc"]][source["evidence"]["start"] : source["evidence"]["end"]] == source["text"]


def test_seed_tariff_cuts_are_one_row_each(seed_records) -> None:
    tariffs = [c for c in ledger(seed_records) if c.kind == "tariff"]
    assert sorted((c.pledger_name, c.beneficiary_name, c.amount.value) for c in tariffs) == [
        ("Donald Trump", "China", 10), ("Donald Trump", "China", 47)
    ]
    assert {c.item for c in tariffs} == {"reciprocal tariff cut from 57% to 47%", "fentanyl tariff cut from 20% to 10%"}


@pytest.mark.parametrize(
    ("texts", "status"),
    [
        (("川普表示，中國承諾購買250億美元的美國大豆。",), "claimed"),
        # the counterpart's side states it too
        (("川普表示，中國承諾購買250億美元的美國大豆。", "中國商務部表示，中方將購買250億美元的美國大豆。"), "confirmed"),
        # the pledger's side denies it
        (("川普表示，中國承諾購買250億美元的美國大豆。", "中國商務部否認曾承諾購買美國大豆。"), "disputed"),
        # a joint statement is both sides' word
        (("中美發表聯合聲明，中國承諾購買250億美元的美國大豆。",), "confirmed"),
        (("中美双方同意，中方将购买250亿美元的美国大豆。",), "confirmed"),
    ],
    ids=["claimed", "confirmed", "disputed", "joint-statement", "both-agree"],
)
def test_status_follows_who_states_the_commitment(texts: tuple[str, ...], status: str) -> None:
    (row,) = ledger(articles(*texts))
    assert (row.pledger_name, row.status, len(row.sources)) == ("China", status, len(texts))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sanctions approved are no approval granted to their target
        ("歐盟成員國今天正式批准第十輪對俄羅斯制裁方案。", []),
        ("欧盟理事会3日批准新一轮对白俄罗斯的制裁措施。", []),
        # its twin: an approval between two sides stays a row
        ("美國批准波蘭購買一批彈藥。", [("approval", "United States", "Poland", None, "claimed")]),
    ],
    ids=["sanctions-package", "sanctions-measures", "approval"],
)
def test_sanctions_approved_are_no_approval(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government asking its own legislature for money is no demand between sides
        ("美國政府10日要求美國國會追加130億美元撥款，用於援助烏克蘭。", []),
        # a government granting a request inside its own country is its own business
        ("以色列总理办公室15日称，当天批准一项临时措施，允许人道援助物资经以色列口岸进入加沙。", []),
        # a minister naming his own country's goal grants nothing to it
        ("伊朗外长此前曾表示，有效解除制裁是伊朗在谈判中的首要任务。", []),
        # a reply to another side's tariff threat is no tariff of the replying side on itself
        ("针对特朗普称将对来自墨西哥的所有产品征收25%的关税，墨西哥总统辛鲍姆表示，关税解决不了移民问题。", []),
        # the twins: a demand and an approval between two sides stay rows
        ("美方要求韩方每年支付50亿美元驻军费用。", [("demand", "South Korea", "United States", (5e9, "USD", "year"), "demanded")]),
        ("美國批准南韓建造核動力潛艦。", [("approval", "United States", "South Korea", None, "claimed")]),
    ],
    ids=["own-legislature", "own-crossing", "own-goal", "reply-to-threat", "demand", "approval"],
)
def test_a_side_committing_to_itself_is_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spending law or budget signed or voted at home is no promise to another side
        ("美國總統28日正式簽署1.5萬億美元的撥款法案，其中包括300億美元用於援助以色列。", []),
        ("德國聯邦議院通過了1000億歐元的國防特別基金法案，用於採購美國戰機。", []),
        ("日本内阁会议批准了总额为8万亿日元的补充预算案，用于支援东南亚国家基建。", []),
        # the twins: an agreement signed with an amount stays a pledge
        ("日本首相簽署了5500億美元的對美投資協議。", [("pledge", "Sanae Takaichi", "United States", (550e9, "USD", None), "claimed")]),
        ("大韓航空簽署價值137億美元的協議，採購美國引擎。", [("pledge", "Korean Air", None, (13.7e9, "USD", None), "claimed")]),
    ],
    ids=["spending-bill", "fund-law", "budget", "investment-deal", "firm-deal"],
)
def test_a_law_or_budget_is_no_pledge(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mark passed or a record set is a figure reached, no purchase promised
        ("去年，双边贸易额突破3000亿美元，中国从海合会国家进口原油突破2亿吨大关。", []),
        ("今年前十个月，日本从中国进口稀土突破3万吨。", []),
        ("韩国从美国进口液化天然气创历史新高，达到1200万吨。", []),
        # the twin: a purchase promised from a seller stays a pledge, the seller its beneficiary
        ("中國將從美國採購價值500億美元的農產品。", [("pledge", "China", "United States", (50e9, "USD", None), "claimed")]),
    ],
    ids=["crude-mark", "rare-earth-mark", "record", "promised-purchase"],
)
def test_a_figure_reached_is_no_pledge(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "pledged"),
    [
        # a fair's total of signed investment, a year's completed investment and a household
        # average are figures, not what one side promised another
        ("2024中国国际投资贸易洽谈会今天闭幕，本届展会签约投资金额超过500亿元。", []),
        ("水利部部长李国英说，今年我国农田水利建设全面提速，全年完成水利投资9000亿元，创下历史最高纪录。", []),
        ("中国对美投资可以帮助每个美国家庭平均每年节省1000美元的开支。", []),
        # a research institute's count of what was promised over a period is a tally too
        ("據一家智庫近日發布的數據，從2022年2月到今年5月，英國承諾向烏克蘭提供的軍事支持超過100億英鎊。", []),
        # the twins: an investment agreed with a signing, and a package announced, stay rows
        ("沙特阿拉伯与中国签约，将在中国投资100亿美元兴建炼化工厂。", [("Saudi Arabia", 10e9)]),
        ("英國宣布將向烏克蘭提供價值25億英鎊的軍事援助。", [("United Kingdom", 2.5e9)]),
    ],
    ids=["fair-signings", "year-completed", "household-average", "institute-data", "signed-investment", "aid-package"],
)
def test_a_fair_year_or_average_figure_is_no_pledge(text: str, pledged: list) -> None:
    assert [(c.pledger_name, c.amount.value) for c in ledger(articles(text)) if c.amount] == pledged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a running total of aid is no package of its own
        ("據國務院公布的數字，截至目前，美國政府已累計宣布向烏克蘭提供價值250億美元的軍事裝備。", []),
        ("自冲突爆发以来，德国已向乌克兰提供总额达50亿欧元的军事援助。", []),
        ("迄今为止，日本已向土耳其提供了价值1000万美元的紧急援助。", []),
        ("自中東局勢升級以來，美國已向以色列提供約120億美元的軍事援助。", []),
        ("自2023年以来，法国已向摩尔多瓦提供了3亿欧元援助。", []),
        # the twins: a package announced stays a row, and so does one given in the past
        ("美国国防部28日宣布，向乌克兰提供新一批价值约11亿美元的武器和物资。",
         [("aid", "United States Department of Defense", "Ukraine", (1.1e9, "USD", None), "claimed")]),
        ("日本政府已向土耳其提供了价值1000万美元的紧急援助。", [("aid", "Japan", "Türkiye", (10e6, "USD", None), "fulfilled")]),
    ],
    ids=["cumulative", "since-the-war", "so-far", "since-escalation", "since-a-year", "package", "given"],
)
def test_a_running_total_of_aid_is_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


def test_the_largest_ever_is_no_running_total() -> None:
    text = "大韓航空承諾向波音採購58架廣體客機，總值214億美元，為該航空公司成立以來金額最高的訂單。"
    assert [(c.pledger_name, c.amount.value) for c in ledger(articles(text))] == [("Korean Air", 21.4e9)]


@pytest.mark.parametrize(
    ("texts", "rows"),
    [
        # equal packages announced on different days, each a new one, are two rows
        (("美國政府7日宣布向烏克蘭提供新一批價值8億美元的武器裝備。", "美國16日宣布，再向烏克蘭提供價值8億美元的武器裝備。"), 2),
        (("德国国防部3日称，将向乌克兰提供新一轮5亿欧元的军事援助。", "德国国防部20日称，将向乌克兰追加提供5亿欧元的军事援助。"), 2),
        # the twins: one package told twice, on one day or without a new-one word, stays one row
        (("美國政府7日宣布向烏克蘭提供新一批價值8億美元的武器裝備。", "美國7日宣布，向烏克蘭提供價值8億美元的武器裝備。"), 1),
        (("日本承諾向美國投資5500億美元。", "日本首相高市早苗28日承諾設立5500億美元的對美投資工具。"), 1),
    ],
    ids=["new-batch-and-again", "new-round-and-more", "same-day", "restated-pledge"],
)
def test_new_instalments_on_other_days_stay_apart(texts: tuple[str, ...], rows: int) -> None:
    assert len(ledger(articles(*texts))) == rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid whose use is a purchase is one row, the aid, not also a pledge to buy
        ("美國國防部宣布，將額外提供15億美元用於從軍工企業採購武器裝備提供給烏克蘭。",
         [("aid", "United States Department of Defense", "Ukraine", (1.5e9, "USD", None), "claimed")]),
        ("中国将向巴基斯坦提供20亿美元贷款，用于购买发电设备。", [("aid", "China", "Pakistan", (2e9, "USD", None), "claimed")]),
        # the twin: a purchase with an amount of its own beside the aid stays a pledge
        ("中國將向巴基斯坦提供20億美元貸款。中國將從巴基斯坦採購價值5億美元的農產品。",
         [("aid", "China", "Pakistan", (2e9, "USD", None), "claimed"), ("pledge", "China", "Pakistan", (5e8, "USD", None), "claimed")]),
    ],
    ids=["aid-to-buy-arms", "loan-to-buy", "aid-and-purchase"],
)
def test_one_amount_is_one_commitment(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government announcing a firm's deal is not the buyer (the firm is unknown: no row)
        ("隨後，瑞士政府宣布瑞銀集團以30億瑞士法郎收購瑞信。", []),
        ("日本政府宣布，该国一家汽车公司将向美国投资100亿美元。", []),
        # the twins: a government announcing its own pledge, and a firm announcing its own
        # purchase from a known firm, stay the pledgers
        ("韓國政府宣布，將向美國投資3500億美元。", [("pledge", "South Korea", "United States", (350e9, "USD", None), "claimed")]),
        ("大韓航空宣布向美國波音公司採購58架廣體客機，總值214億美元。", [("pledge", "Korean Air", "Boeing", (21.4e9, "USD", None), "claimed")]),
    ],
    ids=["swiss-bank", "unnamed-carmaker", "own-pledge", "firm-from-firm"],
)
def test_a_government_announcing_a_firms_deal_is_not_its_pledger(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trade fair's tally of buyers' intentions is no promise of any party
        ("进博会期间，斯里兰卡的红茶在这个展位上收获了200吨的采购意向。", []),
        ("來自法國的採購商在廣交會上達成了近3000萬美元的意向合作。", []),
        ("本届展会上，巴西展商的意向成交额超过1亿美元。", []),
        # the twin: a purchase agreed between two sides stays a pledge
        ("中國將從巴西採購價值5億美元的大豆。", [("pledge", "China", "Brazil", (5e8, "USD", None), "claimed")]),
    ],
    ids=["fair-tonnes", "fair-dollars", "fair-deals", "agreed-purchase"],
)
def test_buyers_intentions_at_a_fair_are_no_pledge(text: str, expected: list) -> None:
    assert _rows(text) == expected


def _naive_merge(merger, rows):
    """The merge rule as first written: each row joins the first group holding a row that states
    the same commitment, trying every group."""
    groups = []
    for row in rows:
        home = next((g for g in groups if any(merger.same(row, other) for other in g)), None)
        if home is None:
            groups.append([row])
        else:
            home.append(row)
    return groups


@pytest.mark.parametrize("seed", range(6))
def test_the_merge_tries_only_groups_that_can_hold_the_row_and_groups_as_trying_all_would(seed: int) -> None:
    """Amounts 1% apart chain into one group through the row between them; rows without an
    amount meet only each other: the indexed merge must agree with trying every group."""
    import dataclasses
    import datetime as dt
    import random

    from summitry.pipeline import extract
    from summitry.views.ledger import _Ledger, ledger_statements
    from summitry.views.parties import Actors

    record = extract("日本答應向美國投資5500億美元，也同意多買美國玉米。", dt.date(2025, 10, 28))
    actors = Actors([record])
    (template, *_) = ledger_statements(record, actors).rows
    chance = random.Random(seed)
    rows = []
    for _ in range(300):
        value = chance.choice([100.0, 100.5, 101.0, 101.9, 103.0, 250.0, 0.0, -50.0]) * chance.choice([1, 1e8])
        amount = None if chance.random() < 0.2 else dataclasses.replace(template.amount, value=value, unit=chance.choice(["USD", "JPY"]))
        rows.append(dataclasses.replace(template, amount=amount, object=chance.choice([None, "rice", "soybeans"])))
    merger = _Ledger(actors)
    indexed = merger.merge(rows)
    assert [[id(r) for r in g] for g in indexed] == [[id(r) for r in g] for g in _naive_merge(merger, rows)]
    assert len(indexed) < len(rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount in brackets right after one in another currency is that amount converted
        ("日本承諾向美國投資5500億美元（約新台幣16.5兆元）。", [("Japan", 550e9, "USD")]),
        ("馬來西亞將向中國採購價值50億令吉（約11億美元）的設備。", [("Malaysia", 5e9, "MYR")]),
        # the same after the first amount's currency written out after it (億元人民幣)
        ("中方宣布向东盟国家提供20亿元人民币(约12亿令吉)无偿援助。", [("China", 2e9, "CNY")]),
        # the twin: two amounts of one currency, or not in brackets, stay two commitments
        ("日本承諾向美國投資5500億美元，韓國承諾3500億美元。", [("Japan", 550e9, "USD"), ("South Korea", 350e9, "USD")]),
    ],
    ids=["twd-in-brackets", "usd-in-brackets", "cny-written-out", "two-pledges"],
)
def test_an_amount_converted_in_brackets_is_no_row(text: str, expected: list) -> None:
    assert [(c.pledger_name, c.amount.value, c.amount.unit) for c in ledger(articles(text))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quota per calendar year (日曆年 holds 歷年 but is no figure over the years); the
        # seller is written after 自 as a short form
        (
            "根据协议，中方2026日历年自美采购农产品不少于200亿美元，2027日历年自美采购农产品不少于260亿美元。",
            [("pledge", "China", "United States", (26e9, "USD", None), "claimed"),
             ("pledge", "China", "United States", (20e9, "USD", None), "claimed")],
        ),
        # the twin: a figure over the years stays a tally, no pledge
        ("日本歷年從美國採購的防衛裝備超過300億美元。", []),
    ],
    ids=["calendar-year-quota", "over-the-years"],
)
def test_a_calendar_year_quota_is_a_pledge_not_a_tally(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the president who approved a deal named as a noun (投資案) pledges nothing
        ("美國商務部長週二受訪時說：「本週將公布的韓方協議，是川普親手拍板的3000億美元投資案。」", []),
        # the twin: the side that invests does
        ("美國商務部長表示，南韓將對美投資3000億美元。", [("South Korea", 300e9)]),
    ],
    ids=["approved-deal", "investor"],
)
def test_who_approves_an_investment_deal_is_not_its_pledger(text: str, expected: list) -> None:
    assert [(c.pledger_name, c.amount.value) for c in ledger(articles(text)) if c.amount] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rate kept (維持…關稅) is a tariff its imposer goes on charging
        ("根據協議，美國維持對日本商品15%的全面關稅。", [("tariff", "United States", "Japan", (15, "percent", None), "claimed")]),
        # the twin: something else kept at a rate is no tariff
        ("根據協議，美國維持對日本投資收益15%的分成比例。", []),
    ],
    ids=["rate-kept", "share-kept"],
)
def test_a_tariff_rate_kept_is_a_row_of_its_imposer(text: str, expected: list) -> None:
    assert [r for r in _rows(text) if r[0] == "tariff"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money added to a fund (新增…資金) is money put in
        ("中方宣布向亚洲基础设施投资银行新增50亿美元资金。", [("pledge", "China", 5e9)]),
        # the twins: new credit counted over a year is a figure, not a pledge
        ("今年前三季度，全国新增信贷资金超过15万亿元。", []),
        ("中国人民银行表示，今年前三季度新增信贷资金超过15万亿元。", []),
    ],
    ids=["added-to-a-fund", "new-credit", "new-credit-told"],
)
def test_money_added_to_a_fund_is_a_pledge(text: str, expected: list) -> None:
    assert [(c.kind, c.pledger_name, c.amount.value) for c in ledger(articles(text)) if c.amount] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a yearly sum named as needed from the other side is a demand of it
        ("美國政府向韓國提出每年需要50億美元的駐軍費用。", [("demand", "South Korea", "United States", (5e9, "USD", "year"), "demanded")]),
        # the twin: a plan proposed that needs a budget asks nothing of another side
        ("韓國政府提出了需要50億美元預算的國防計畫。", []),
    ],
    ids=["yearly-demand", "plan-proposed"],
)
def test_a_sum_named_as_needed_from_the_other_side_is_a_demand(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tariff a deal avoids was never levied: no row
        ("兩國談判取得進展，可望避免美國對中國貨品加徵100%關稅。", []),
        ("日本同意擴大投資，以免美國對日本汽車加徵25%關稅。", []),
        # the twin: the tariff levied is a row
        ("美國宣布對中國商品加徵100%關稅。", [("tariff", "United States", "China", (100, "percent", None), "claimed")]),
    ],
    ids=["avoided", "lest", "levied"],
)
def test_a_tariff_a_deal_avoids_is_no_row(text: str, expected: list) -> None:
    assert [r for r in _rows(text) if r[0] == "tariff"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each amount's beneficiary is the party named in its own part of the list: the LNG is
        # bought from the United States, the aircraft from Boeing
        (
            "日本同意採購80架美國波音客機、另購美國液化天然氣60億美元。",
            [("pledge", "Japan", "United States", (6e9, "USD", None), "claimed"),
             ("pledge", "Japan", "Boeing", (80, "aircraft", None), "claimed")],
        ),
        # the twin: an amount whose own part names the firm stays the firm's
        ("日本同意購買100架美國波音飛機，總值200億美元。", [("pledge", "Japan", "Boeing", (20e9, "USD", None), "claimed")]),
    ],
    ids=["listed-items", "one-item"],
)
def test_each_amount_goes_to_the_party_named_in_its_own_part(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deal's worth written in a clause after its signing is the signer's commitment
        ("沙烏地阿拉伯簽署史上最大規模的對美軍售協議，總值達1200億美元。", [("pledge", "Saudi Arabia", None, (120e9, "USD", None), "claimed")]),
        # the twin: an amount a later clause's own act commits stays that act's
        ("南韓簽署合作協議，日本將向南韓投資200億美元。", [("pledge", "Japan", "South Korea", (20e9, "USD", None), "claimed")]),
    ],
    ids=["worth-after-signing", "later-act"],
)
def test_a_signed_deals_worth_in_the_next_clause_is_its_amount(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a signing between two bodies of one country (a bank's name holds the country's) is
        # that country's own business, no pledge to another side
        ("国家发展改革委与中国建设银行签署合作协议，五年内为基础设施建设提供500亿元融资。", []),
        # the twin: a foreign signer's deal in the country is one
        ("沙烏地阿拉伯在北京簽署採購協議，總值達500億元。", [("pledge", "Saudi Arabia", "China", (50e9, "CNY", None), "claimed")]),
    ],
    ids=["two-home-bodies", "foreign-signer"],
)
def test_a_signing_between_bodies_of_one_country_is_no_pledge(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # takings, expected sales and deal totals are figures of business, not promises
        ("十年来，中国企业在非洲签订承包工程合同额超过8000亿美元，完成营业额超过5000亿美元。", []),
        ("本届进博会上，来自美国的采购商成交额超过10亿美元。", []),
        # the twins: an investment promised beside its expected sales or output stays a pledge,
        # the sales and output go; so does a purchase beside a sales figure
        ("卡塔尔承诺在华投资50亿美元建设化工园区，建成后年产值预计超过120亿美元。",
         [("pledge", "Qatar", "China", (5e9, "USD", None), "claimed")]),
        ("沙特阿拉伯將在中國投資100億美元興建煉化工廠，投產後年銷售收入可達200億美元。",
         [("pledge", "Saudi Arabia", "China", (10e9, "USD", None), "claimed")]),
        ("中國將從巴西採購價值5億美元的大豆，巴西企業去年對華銷售額達到30億美元。",
         [("pledge", "China", "Brazil", (5e8, "USD", None), "claimed")]),
    ],
    ids=["contracts-and-turnover", "fair-deals-total", "output-beside-investment", "sales-beside-investment", "purchase-beside-sales"],
)
def test_takings_and_expected_sales_are_no_pledge(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a firm of a country, unnamed, invests: not its country
        ("德国一家化工集团在广东湛江投资100亿欧元建设一体化基地。", []),
        ("来自德国的一家化工企业在上海投资5亿元建设研发中心。", []),
        ("在苏州，一家來自日本的零部件供應商宣布追加投資3億元擴建工廠。", []),
        ("泰國一家飲料集團總投資20億元人民幣的生產基地在四川開工，另一家車企50億元的整車項目同日啟動。", []),
        ("中国石油某石化公司年产100万吨乙烯项目在吉林开工建设，建设投资30亿元。", []),
        # the twins: a country investing in another's firms, and a known firm, stay rows
        ("日本将向美国企业投资5000亿美元。", [("pledge", "Japan", "United States", (500e9, "USD", None), "claimed")]),
        ("德國寶馬集團宣布投資100億元，在遼寧瀋陽擴建電池工廠。", [("pledge", "BMW", "China", (10e9, "CNY", None), "claimed")]),
        # a known state body whose name holds a firm word is no unnamed firm
        ("美國國際開發金融公司宣布，將向肯尼亞的鐵路項目投資5億美元。",
         [("pledge", "United States International Development Finance Corporation", "Kenya", (5e8, "USD", None), "claimed")]),
        # a country's firms as a body are its side's package
        ("南韓企業將在美國投資1500億美元，擴大半導體與電池產能。", [("pledge", "South Korea", "United States", (150e9, "USD", None), "claimed")]),
        # and a state that pushes its firms pledges what they will do
        ("中方将推动中国企业未来五年对东盟投资不少于200亿美元。", [("pledge", "China", "ASEAN", (20e9, "USD", None), "claimed")]),
    ],
    ids=["german-group", "firm-from-germany", "supplier-from-japan", "thai-group-and-next-clause", "home-firm", "into-firms", "known-firm", "known-state-body", "firms-as-a-body", "state-drives-firms"],
)
def test_an_unnamed_firm_of_a_country_is_not_the_country(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's own spending, given to no one abroad, is no commitment between sides
        ("据中国一家研究机构测算，到2027年，全国算力基础设施建设投资将达8000亿元。", []),
        ("挪威政府9日宣布，将向该国航运企业提供50亿挪威克朗的贷款担保。", []),
        ("意大利政府宣布将向本国电力公司提供80亿欧元贷款，以稳定电价。", []),
        # the twins: aid to someone summitry cannot name, and a purchase, still go abroad
        ("日本将向东南亚国家提供500亿日元的援助。", [("aid", "Japan", None, (50e9, "JPY", None), "claimed")]),
        ("芬兰国防部宣布将购买60架F-35战机。", [("pledge", "Finland", None, (60, "aircraft", None), "claimed")]),
        ("中方宣布，600亿美元将以政府援助和企业投资等方式提供。", [("aid", "China", None, (60e9, "USD", None), "claimed")]),
    ],
    ids=["projected-home-investment", "loans-to-own-firms", "loans-to-own-utility", "aid-to-unnamed", "purchase", "aid-by-ways"],
)
def test_a_countrys_own_spending_is_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # in a story of talks or a deal with another side, a pledge naming only its pledger is
        # still made to that side
        (("美国与日本达成贸易协议。日本承诺投资5500亿美元。",), [("pledge", "Japan", None, (550e9, "USD", None), "claimed")]),
        (("日本首相与美国总统举行会谈。日方承诺投资5500亿美元。",), [("pledge", "Japan", None, (550e9, "USD", None), "claimed")]),
        # a promise is made to someone, though the story names no one
        (("日本承诺投资5500亿美元。",), [("pledge", "Japan", None, (550e9, "USD", None), "claimed")]),
        # the twin: spending neither promised nor dealt over is the country's own
        (("日本将投资5500亿美元建设国内半导体工厂。",), []),
    ],
    ids=["after-a-deal", "after-talks", "promised", "own-spending"],
)
def test_a_pledge_in_a_story_of_talks_is_not_own_spending(texts: tuple[str, ...], expected: list) -> None:
    assert _rows(*texts) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a total already reached and a monthly or daily average are running figures
        ("英国政府向乌克兰提供的军事装备总计已超过50亿英镑。", []),
        ("欧盟近期向乌克兰提供和承诺提供的各类援助已达30亿欧元。", []),
        ("美国从俄罗斯进口化肥月均仍超2亿美元。", []),
        ("日本从俄罗斯进口液化天然气日均超过3000万美元。", []),
        # the twins: a package given, and a purchase agreed (已達成 reaches no total), stay rows
        ("日本政府已向土耳其提供了价值1000万美元的紧急援助。", [("aid", "Japan", "Türkiye", (10e6, "USD", None), "fulfilled")]),
        ("两国已达成协议，中国将从巴西采购价值5亿美元的大豆。", [("pledge", "China", "Brazil", (5e8, "USD", None), "claimed")]),
    ],
    ids=["total-already-over", "already-reached", "monthly-average", "daily-average", "package-given", "agreement-reached"],
)
def test_a_total_reached_or_an_average_is_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # an announced or approved package is promised, not yet delivered
        ("美国国防部10日宣布再向乌克兰提供4亿美元武器装备。", "claimed"),
        ("德国国防部7日宣布再向乌克兰提供2亿欧元军事装备。", "claimed"),
        ("美国总统拜登已初步批准向波兰出售价值5亿美元的武器。", "claimed"),
        # the twin: aid stated as given is delivered
        ("日本政府已向土耳其提供了价值1000万美元的紧急援助。", "fulfilled"),
    ],
    ids=["announced", "announced-again", "sale-approved", "given"],
)
def test_an_announced_or_approved_package_is_claimed_not_fulfilled(text: str, status: str) -> None:
    assert [c.status for c in ledger(articles(text))] == [status]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # givers summitry cannot name: the leaders who speak and the critic are no pledgers
        ("巴西和南非领导人在发言中强调，发达国家应兑现承诺，每年向发展中国家提供1000亿美元气候资金。", []),
        ("针对美西方决定向乌克兰提供300亿美元贷款一事，俄外交部发言人表示强烈反对。", []),
        ("针对美西方决定用俄罗斯被冻结资产的收益向乌克兰提供300亿美元贷款一事，扎哈罗娃表示强烈反对。", []),
        # the twins: a group as the recipient, and a named giver after the group, stay rows
        ("中方将向有需要的发展中国家提供价值10亿元人民币的紧急援助。", [("aid", "China", None, (1e9, "CNY", None), "claimed")]),
        ("应对西方国家的制裁，中国将向俄罗斯提供50亿美元贷款。", [("aid", "China", "Russia", (5e9, "USD", None), "claimed")]),
    ],
    ids=["developed-countries", "the-west", "the-west-and-frozen-assets", "group-receives", "named-giver-after"],
)
def test_a_group_summitry_cannot_name_gives_no_row(text: str, expected: list) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leader asking his own legislature for money to give promises that aid, not yet voted
        ("美国总统拜登要求国会批准向乌克兰提供200亿美元的紧急补充资金。", [("aid", "Joe Biden", "Ukraine", (20e9, "USD", None), "claimed")]),
        ("美國總統拜登28日發表演說時，要求國會授權再撥款200億美元，提供烏克蘭武器及人道主義援助。",
         [("aid", "Joe Biden", "Ukraine", (20e9, "USD", None), "claimed")]),
        # the twins: money asked for the side itself is no row, and a demand on another side stays one
        ("美國政府要求國會追加撥款100億美元。", []),
        ("美方要求韩方每年支付50亿美元驻军费用。", [("demand", "South Korea", "United States", (5e9, "USD", "year"), "demanded")]),
    ],
    ids=["asks-congress-to-give", "asks-congress-to-fund", "asks-for-itself", "demand-on-another"],
)
def test_asking_ones_own_legislature_to_fund_aid_is_that_aid(text: str, expected: list) -> None:
    assert _rows(text) == expected
