"""Calendar times in sentences written the way HK, Taiwan and mainland news write them.

Every sentence here is our own; the seed articles are read from shared/seeds, and the gold
file beside them was made by hand (shared/gold/README.md).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pytest
import yaml

from summitry.measure import extract_times
from summitry.measure.times import needed_characters, needs_bits, patterns, patterns_needing, ranges_to_scan
from summitry.evaluate import occurrences
from summitry.text import build_view

SHARED = Path(__file__).parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds-mentions.json"


def times(sentence: str, date: str | None):
    return extract_times(build_view(sentence), dt.date.fromisoformat(date) if date else None)


@pytest.mark.parametrize(
    ("sentence", "date", "text", "value", "relation"),
    [
        ("2025年10月27日，特朗普在專機上回應傳媒。", "2025-10-28", "2025年10月27日", "2025-10-27", None),
        ("習近平10月30日在釜山同特朗普舉行會晤。", "2025-10-30", "10月30日", "2025-10-30", None),
        ("雙方於10月29號在首爾簽署協議。", "2025-10-30", "10月29號", "2025-10-29", None),
        ("第三次會晤發生在 2019 年 6 月。", "2025-10-30", "2019 年 6 月", "2019-06", None),
        ("2025年10月底，美中元首在APEC場邊會談。", "2025-11-09", "2025年10月底", "2025-10", None),
        ("9月末特朗普促成加沙停火。", "2025-10-28", "9月末", "2025-09", None),
        ("早在7月份，內塔尼亞胡已訪問美國。", "2025-10-28", "7月份", "2025-07", None),
        ("印巴兩國於5月達成停火協議。", "2025-10-28", "5月", "2025-05", None),
        ("普京今年8月稱讚特朗普。", "2025-10-28", "今年8月", "2025-08", None),
        ("他將於明年四月訪問中國。", "2025-10-30", "明年四月", "2026-04", None),
        ("去年12月，南韓國會通過彈劾案。", "2025-10-30", "去年12月", "2024-12", None),
        ("中國將擔任亞太經合組織東道主，明年由深圳主辦。", "2025-10-30", "明年", "2026", None),
        ("特朗普期待明年稍早訪華。", "2025-10-30", "明年稍早", "2026", None),
        ("今年前三季成長率達5.2%。", "2025-10-30", "今年前三季", "2025", None),
        ("去年同期兩國貿易額大幅下滑。", "2025-10-30", "去年", "2024", None),
        ("當前中國在年底更重視人事安排。", "2025-11-09", "年底", "2025", None),
        ("至少在明年初前還得消化四中全會的影響。", "2025-11-09", "明年初前", "2026", "before"),
        ("美方要求盟友2035年前將軍費提升至GDP的5%。", None, "2035年前", "2035", "before"),
        ("LS 集團承諾到 2030 年投資 30 億美元。", None, "到 2030 年", "2030", "before"),
        ("2018 年以來累積的和平動能就此停擺。", None, "2018 年以來", "2018", "since"),
        ("自8月底起，美軍在加勒比海集結兵力。", "2025-11-09", "自8月底起", "2025-08", "since"),
        ("新規將於11月10日起實施。", "2025-10-30", "11月10日起", "2025-11-10", "since"),
        ("這一帶都是烏克蘭2014年修築至今的工事。", "2025-08-16", "2014年", "2014", "since"),
        ("新加坡峰會(2018)首次實現美朝領導人會晤。", None, "(2018)", "2018", None),
        ("特朗普兩日前跟歐洲領袖通電。", "2025-08-16", "兩日前", "2025-08-14", None),
        ("一年後當停火協議終止時，科技戰又會如何？", "2025-10-30", "一年後", "2026", None),
        ("他預計3個月後再訪華。", "2025-10-30", "3個月後", "2026-01", None),
        ("兩國元首將在兩週後通話。", "2025-10-30", "兩週後", "2025-11-13", None),
        ("5年前他也說過同樣的話。", "2025-10-30", "5年前", "2020", None),
        ("特朗普將於下月訪問北京。", "2025-10-30", "下月", "2025-11", None),
        ("上月雙方已在吉隆坡磋商。", "2025-10-30", "上月", "2025-09", None),
        ("雙方本月初已達成框架協議。", "2025-10-30", "本月初", "2025-10", None),
        ("外交部昨天發表聲明。", "2025-10-30", "昨天", "2025-10-29", None),
        ("普京28日在莫斯科表示願意談判。", "2025-10-30", "28日", "2025-10-28", None),
        # a credit's closing bracket stands before the day of the lead
        ("【本報綜合報道】19日上午，兩國外長在首爾會談。", "2025-09-20", "19日", "2025-09-19", None),
        ("川普29日表示已與習近平通話。", "2025-11-02", "29日", "2025-10-29", None),
        ("白宮表示特朗普將於5日抵達東京。", "2025-11-02", "5日", "2025-11-05", None),
        # a day just ahead is this month's, coming; one far ahead is last month's (29日 above)
        ("東盟峰會18日在吉隆坡開幕。", "2025-10-16", "18日", "2025-10-18", None),
        ("民國114年10月30日，立法院三讀通過預算。", "2025-10-30", "民國114年10月30日", "2025-10-30", None),
        ("二〇二五年十月三十日，兩國元首在釜山會晤。", "2025-10-30", "二〇二五年十月三十日", "2025-10-30", None),
        ("路透社2025/10/30報道此事。", "2025-10-30", "2025/10/30", "2025-10-30", None),
        ("此前普京曾稱，如果2022年的美國總統是特朗普，戰爭就不會發生。", "2025-08-16", "2022年", "2022", None),
        ("川普（Donald Trump）29日晚間抵達首爾。", "2025-10-30", "29日", "2025-10-29", None),
        ("美國總統川普週三（29日）抵達慶州。", "2025-10-30", "29日", "2025-10-29", None),
        ("普京廿九日在克宮接見特使。", "2025-10-30", "廿九日", "2025-10-29", None),
        ("高市早苗二十八日在東京接待川普。", "2025-10-30", "二十八日", "2025-10-28", None),
        ("特朗普將於本週四在釜山與習近平見面。", "2025-10-29", "本週四", "2025-10-30", None),
        ("特朗普週三上午飛抵韓國。", "2025-10-29", "週三", "2025-10-29", None),
        ("澤連斯基星期一再度到訪白宮。", "2025-08-19", "星期一", "2025-08-18", None),
        ("協議將於周三在白宮簽署。", "2020-01-13", "周三", "2020-01-15", None),
        ("特朗普上周六在社交媒體發文邀請金正恩。", "2019-06-30", "上周六", "2019-06-29", None),
        ("雙方下週一再開會。", "2025-10-29", "下週一", "2025-11-03", None),
        ("兩人在7月5日晚抵達，翌日上午舉行會談。", "2025-07-10", "翌日", "2025-07-06", None),
        # a month right after an anchored year is of that year, not of the document's
        ("金正恩2019年1月訪華，習近平同年6月回訪平壤。", "2025-09-04", "同年6月", "2019-06", None),
        ("兩人2017年4月在海湖莊園首次會晤，次年3月再度通話。", "2025-10-30", "次年3月", "2018-03", None),
        ("兩國2018年建交，同年10月15日簽署自貿協定。", "2025-10-30", "同年10月15日", "2018-10-15", None),
        # ... and so is a month joined to a year by 的 (一年前的11月: last year's November)
        ("一年前的11月，兩國元首在峇里島舉行會晤。", "2023-11-16", "一年前的11月", "2022-11", None),
        ("去年的3月，兩國外長曾在北京會面。", "2025-10-30", "去年的3月", "2024-03", None),
        # ... and an anchored year alone stays a year, as does a year before a noun
        ("兩國2018年建交，同年簽署自貿協定。", "2025-10-30", "同年", "2018", None),
        ("今年的貿易額在11月創新高。", "2025-10-30", "今年", "2025", None),
        ("會談定在3月4日與5日，地點是河內。", "2025-02-20", "5日", "2025-03-05", None),
        ("今年1至9月，兩國貿易額下降。", "2025-10-30", "今年1", "2025-01", None),
        ("2018年6月至9月，雙方多次磋商。", "2025-10-30", "9月", "2018-09", None),
    ],
)
def test_time(sentence, date, text, value, relation):
    found = {time.text: time for time in times(sentence, date)}
    assert text in found, list(found)
    assert found[text].value == value
    assert found[text].relation == relation


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("2019 年 2 月的第二次河內峰會以無協議告終。", "2019 年 2 月", "2019-02"),
        ("雙方於10月29日在首爾會晤。", "10月29日", None),
        ("他將於明年四月訪問中國。", "明年四月", None),
        ("特朗普兩日前跟歐洲領袖通電。", "兩日前", None),
    ],
)
def test_a_document_without_a_date_keeps_only_explicit_values(sentence, text, value):
    found = {time.text: time.value for time in times(sentence, None)}
    assert text in found and found[text] == value


@pytest.mark.parametrize(
    "sentence",
    [
        "這是特朗普第二次訪華，他給會面打了10分滿分。",
        "美越建交30週年之際，美軍時隔33年重啟核試。",
        "70多年來，我們堅持一張藍圖繪到底。",
        "美方過去只在1950年代把核潛艇技術交給英國。",
        "中方已提前完成有關工作，雙方目前仍在磋商。",
        "俄方同意為期一年延長協議。",
        "日本承諾投資5500億日元，另購買100架客機。",
        "高市早苗就任一週後便接待了美國總統。",
        "雙方當天簽署了合作備忘錄，同年亦無新進展。",
        "次年3月，兩國正式建交。",  # no year before 次年: its month is of no known year
        "次年3月5日，两国正式建交。",
        "兩國建交30週年，周邊國家密切關注。",
    ],
)
def test_not_a_time(sentence):
    assert [time.text for time in times(sentence, "2025-10-30")] == []


def test_ranges_give_both_ends():
    found = [(time.text, time.value) for time in times("四中全會於10月20日至23日在北京舉行。", "2025-10-30")]
    assert found == [("10月20日", "2025-10-20"), ("23日", "2025-10-23")]


def test_a_weekday_after_a_date_is_that_date():
    found = [(time.text, time.value) for time in times("兩國元首將於10月30日（週四）會晤。", "2025-10-27")]
    assert found == [("10月30日", "2025-10-30"), ("週四", "2025-10-30")]


def test_a_month_still_to_come_stays_in_the_document_year():
    (found,) = times("雙方已在11月談妥細節。", "2025-10-30")
    assert found.value == "2025-11"


def test_the_date_header_is_not_a_time_of_the_article():
    assert [time.text for time in times(" date 2025-10-28 雙方10月27日會晤。", "2025-10-28")] == ["10月27日"]


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [], ids=lambda path: path.name)
def test_seed_spans_give_back_their_text(seed):
    text = seed.read_text(encoding="utf-8")
    header = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", text)
    found = extract_times(build_view(text), dt.date.fromisoformat(header.group(1)) if header else None)
    assert found
    for time in found:
        assert text[time.start : time.end] == time.text


@pytest.mark.skipif(not GOLD.is_file(), reason="shared/gold is not beside the repository")
def test_seed_gold_times_are_found():
    """Gold made by hand (shared/gold/README.md): a gold time is found when a record time
    overlaps an occurrence of its text and has the same value."""
    docs = json.loads(GOLD.read_text(encoding="utf-8"))["docs"]
    found = total = 0
    for name, gold in docs.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        date = dt.date.fromisoformat(gold["date"]) if gold.get("date") else None
        record = extract_times(build_view(text), date)
        for expected in gold["times"]:
            total += 1
            found += any(
                time.start < start + len(expected["text"]) and start < time.end and time.value == expected["value"]
                for start, _ in occurrences(text, expected["text"])
                for time in record
            )
    assert found / total >= 0.9


@pytest.mark.parametrize(
    "sentence",
    ["這是韓戰停戰協議65年後首次有在任美國總統會見北韓領導人。", "兩國建交30年後關係再度升溫。"],
)
def test_offsets_from_a_past_event_are_not_dates(sentence: str) -> None:
    assert [t.text for t in extract_times(build_view(sentence), dt.date(2018, 6, 12))] == []


@pytest.mark.parametrize(
    ("sentence", "date", "text", "value"),
    [
        ("這是二○一一年十二月以來南韓總統首次專程訪日。", dt.date(2023, 3, 17), "二○一一年十二月以來", "2011-12"),
        ("兩國領袖分別在10號抵達新加坡。", dt.date(2018, 6, 11), "10號", "2018-06-10"),
    ],
)
def test_taiwanese_year_digits_and_day_marks(sentence: str, date: dt.date, text: str, value: str) -> None:
    assert [(t.text, t.value) for t in extract_times(build_view(sentence), date)] == [(text, value)]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("农历二〇二四年六月，双方互访。", [("农历二〇二四年六月", "2024")]),
        ("農曆二〇二四年六月十五，雙方互訪。", [("農曆二〇二四年六月十五", "2024-07-20")]),
        ("二〇二四年六月，双方互访。", [("二〇二四年六月", "2024-06")]),
    ],
)
def test_a_month_after_a_lunar_year_is_lunar(sentence: str, found: list[tuple[str, str]]) -> None:
    """農曆 before a year makes its month lunar (a span of days, valued by its year), never the Gregorian month."""
    assert [(t.text, t.value) for t in extract_times(build_view(sentence), dt.date(2025, 10, 30))] == found


@pytest.mark.parametrize(
    ("sentence", "numbered"),
    [("港口作業區9號、10號泊位今年開工。", "10號"), ("核电站3号、4号机组已经投产。", "4号")],
)
def test_a_list_of_numbered_things_is_no_list_of_days(sentence: str, numbered: str) -> None:
    """After 、 a day with 號 is the next numbered berth or unit; "9月10日、11日" (dates.tsv) is a list of days."""
    assert numbered not in [t.text for t in extract_times(build_view(sentence), dt.date(2025, 10, 30))]


def _style_sentences() -> list[str]:
    path = Path(__file__).parents[1] / "data" / "style_sentences.yaml"
    return [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]


def _calendar_noise(pieces: int) -> str:
    """Pieces that times are written with, in random order and random lines: every pattern
    matches somewhere in it, many at a line's first or last character."""
    alphabet = (
        "2025 1950 2018 二〇二五 二○一一 114 10 3 09 12 31 29 7 一 二 三 十 十二 两 廿九 卅 二十八 年 月 日 号 周 星期 礼拜 "
        "今年 明年 去年 本月 上月 下个月 今天 昨天 翌日 同年 民国 年底 初 末 中旬 份 前 后 以来 之前 起 至今 至 到 与 、 - ~ / . "
        "( ) 第 每 数 多 个 天 个月 , 。 的 在 国 \u3000 "
        "2025年10月30日 2025/10/30 民国114年10月 今年8月29日 明年四月 上月3日 10月29号 (2018) 2018至2019年 "
        "2018年6月至9月 2025年1至9月 今年1至9月 10月20日至23日 上周六 两日前 3个月后 "
        "四日 九日 上午 飞抵 连续 首次 这次日本 今(29)日 昨 (3) 天 "
        "上半年 一季度 末 前5个月 上个季度 15年3月2日 91年5月 24年 113年度 立法院 1月3 6·30 09-01 20240307 "
        "同月9号 当月 这一年 春节 中秋节 农历正月十五 大年初十 农历十月 闰四月 腊月 今明两年 明后两天 2019年4月12-19日 10月20-23日 2018年2——4月 12月九号到十五号 1999.08—2002.02 2008.03-2009 未来 近 内 以内 来 上周"
    ).split(" ") + [" ", " ", "\n", "2022 11 23"]
    randomness = random.Random(2025)
    return "".join(randomness.choice(alphabet) for _ in range(pieces))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\n".join(build_view(sentence).folded for sentence in _style_sentences()), id="style-sentences"),
        *(pytest.param(build_view(seed.read_text(encoding="utf-8")).folded, id=seed.name) for seed in sorted(SEEDS.glob("*.txt"))),
        pytest.param(_calendar_noise(30_000), id="calendar-noise"),
    ],
)
def test_scanning_only_the_lines_a_pattern_needs_finds_every_match(text: str) -> None:
    """The lookahead on first characters and the lines skipped for want of 年, 月, ... change
    where the regexes run, never what they find: the same matches as each regex as written,
    run over the whole text."""
    whole_text = [(pattern.name, match.span()) for pattern in patterns() for match in re.compile(pattern.source).finditer(text)]
    scanned = [
        (pattern.name, match.span())
        for pattern, ranges in ranges_to_scan(text)
        for start, end in ranges
        for match in pattern.regex.finditer(text, start, end)
    ]
    assert scanned == whole_text


def test_the_calendar_noise_exercises_every_pattern() -> None:
    text = _calendar_noise(30_000)
    assert {pattern.name for pattern in patterns() if not re.compile(pattern.source).search(text)} == set()


@pytest.mark.parametrize(
    "line",
    [
        "兩國元首同意於明年3月舉行下一輪會談。",
        "雙方商定2026年上半年在北京簽署協議",
        "據新華社報道，訪問將持續到本週五。",
        "外長表示，合作已進入新階段",
        "峰會定於10-12日舉行 · 記者 王明",
        "",
    ],
)
def test_a_line_is_scanned_by_every_pattern_whose_needed_groups_it_meets(line: str) -> None:
    """The bits a line's characters OR to select exactly the patterns every group of whose
    needed characters shares a character with the line."""
    present = 0
    for character in set(needed_characters().findall(line)):
        present |= needs_bits().of_character[character]
    expected = tuple(index for index, pattern in enumerate(patterns()) if all(set(group) & set(line) for group in pattern.needs))
    assert patterns_needing(present) == expected


@pytest.mark.parametrize(
    ("sentence", "text", "value", "relation", "first", "last"),
    [
        # open spans ahead: up to the day that far on (a day or week window), or its eve
        ("中方願在未來5年向東盟國家提供300億元貸款。", "未來5年", "2030-10-29", "by", "2025-10-30", "2030-10-29"),
        ("今後兩個月，雙方將完成文本談判。", "今後兩個月", "2025-12-29", "by", "2025-10-30", "2025-12-29"),
        ("兩國同意在60日內重啟磋商。", "60日內", "2025-12-29", "by", "2025-10-30", "2025-12-29"),
        ("接下來7天，代表團將走訪三座城市。", "接下來7天", "2025-11-06", "by", "2025-10-30", "2025-11-06"),
        ("未來半年，歐方會密切關注。", "未來半年", "2026-04-29", "by", "2025-10-30", "2026-04-29"),
        # ... and back: since the day that far back
        ("近30天，兩國外長三次通話。", "近30天", "2025-09-30", "since", "2025-09-30", "2025-10-30"),
        ("過去的一年裡，雙邊貿易額大幅增長。", "過去的一年", "2024-10-30", "since", "2024-10-30", "2025-10-30"),
        ("三年來，兩國關係穩步發展。", "三年來", "2022-10-30", "since", "2022-10-30", "2025-10-30"),
        ("最近兩個月以來，華府多次施壓。", "最近兩個月以來", "2025-08-30", "since", "2025-08-30", "2025-10-30"),
        # a week named alone is its Monday to its Sunday (2025-10-30 is a Thursday)
        ("上週兩國外長在吉隆坡會晤。", "上週", "2025-10", None, "2025-10-20", "2025-10-26"),
        ("本星期雙方將簽署協議。", "本星期", "2025", None, "2025-10-27", "2025-11-02"),  # across two months: its year
        ("下下週總統將出訪歐洲。", "下下週", "2025-11", None, "2025-11-10", "2025-11-16"),
    ],
)
def test_open_spans_and_weeks(sentence: str, text: str, value: str, relation: str | None, first: str, last: str) -> None:
    found = [(t.text, t.value, t.relation, t.first, t.last) for t in times(sentence, "2025-10-30")]
    assert (text, value, relation, first, last) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "建交30年來，兩國合作成果豐碩。",  # counted from the founding, not from today
        "會談後一週內，雙方將公布聯合聲明。",  # from the talks
        "持續近3年的戰爭造成重大傷亡。",  # a duration
        "他三年多來首次訪華。",  # 多: no count
        "3日以來，邊境局勢趨於緩和。",  # since the 3rd, not three days
        "總統上週末在海湖莊園打高爾夫。",  # a weekend
        "兩國慶祝建交50週年。",  # an anniversary
    ],
)
def test_no_open_span_or_week(sentence: str) -> None:
    spans = [t.text for t in times(sentence, "2025-10-30") if t.first is not None]
    assert spans == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("英國首相周三起訪華四天。", "2026-01-28"),  # from Wednesday on: the coming one
        ("自周一起，雙方已舉行三輪會談。", "2026-01-26"),  # since Monday
        ("特朗普周三宣布加徵關稅。", "2026-01-21"),  # a bare weekday: the latest one
    ],
)
def test_a_weekday_opening_a_span_with_qi_is_the_coming_one(text: str, value: str) -> None:
    assert [t.value for t in times(text, "2026-01-26")] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("兩國元首11月1日在釜山會晤。", "2025-11-01"), ("外長昨天抵達東京。", "2025-10-27"), ("雙方同意擴大投資。", None)],
)
def test_a_text_compiles_only_the_time_patterns_it_needs(sentence: str, value: str | None) -> None:
    """Building the patterns compiles none (a one-file extract's start); a text compiles the
    ones its lines can match, and what they find is unchanged."""
    from summitry.measure import times as times_module

    times_module.compiled.cache_clear()
    assert len(patterns()) > 40
    assert times_module.compiled.cache_info().currsize == 0
    found = times(sentence, "2025-10-28")
    assert [time.value for time in found] == ([value] if value else [])
    assert times_module.compiled.cache_info().currsize < len(patterns()) / 2
