"""Calendar times: explicit dates, months and years, and the relative ones news writes
(今年8月, 明年四月, 上月, 兩日前, 年底), resolved against the publication date.

Values are ISO strings at the precision the text gives: ``YYYY-MM-DD``, ``YYYY-MM`` or
``YYYY``. A relative time in a document without a date keeps its span with value None.
Durations (33年, 30週年, 70多年來), ordinals (第二次), scores (10分) and decades
(1950年代) are not times. Matching runs on ``view.folded``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Callable, Iterable, cast

from summitry.ingest.header import date_header
from summitry.measure.lexicon import TimeLexicon, time_lexicon
from summitry.measure.numerals import NotANumber, chinese_value
from summitry.model import TextView, TimeExpr

SPACE = r"[ \t\u3000]*"
CHINESE_YEAR_DIGITS = "〇○零一二三四五六七八九"  # ○ (U+25CB) stands for 〇 in Taiwanese digit-by-digit years
CHINESE_DIGIT_VALUES = {character: value for value, character in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}
YEAR = rf"(?P<year>(?<![\d.])\d{{4}}(?!\d)|(?<![{CHINESE_YEAR_DIGITS}])[{CHINESE_YEAR_DIGITS}]{{4}})"
MONTH = r"(?P<month>(?<![\d.])(?:1[0-2]|0?[1-9])(?!\d)|(?<![一二三四五六七八九十两〇零])(?:十[一二]?|[一二三四五六七八九]))"
DAY = (
    r"(?P<day>(?<![\d.])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
    r"|(?<![一二三四五六七八九十两〇零廿卅])"
    r"(?:三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]))"
)
class NotATime(ValueError):
    """A match that looks like a time but is not one (1950年代, 提前年底, 就任一週後)."""


CHINESE_DAY_FROM_TENTH = r"三十一?|卅一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|十[一二三四五六七八九]?"
# The characters a year, a month, a count and a Chinese day from the 10th on can start with.
YEAR_STARTS = rf"\d{CHINESE_YEAR_DIGITS}"
MONTH_STARTS = r"\d一二三四五六七八九十"
COUNT_STARTS = r"\d一二三四五六七八九十两"
CHINESE_DAY_FROM_TENTH_STARTS = "三卅二廿十"
CLAUSE_BREAKS = frozenset("，。、；：,.;:!?！？「」『』()（）|\n《》“”\"")


@dataclass(frozen=True)
class Reading:
    """A time while it is being read: its span in the folded text and its resolved value."""

    start: int
    end: int
    value: str | None
    relation: str | None = None
    kind: str = ""  # the pattern that read it
    # A span's first and last month or day ("上半年": 2025-01 .. 2025-06; "農曆正月": 2026-02-17 ..
    # 2026-03-18); the value is then the month or year the span lies in (see span_value).
    first: str | None = None
    until: str | None = None
    match: re.Match[str] | None = None


# A value, or the first and last of a span (see Reading.first).
Resolver = Callable[[re.Match[str], dt.date | None, TimeLexicon], "str | None | tuple[str | None, str | None]"]


@dataclass(frozen=True)
class Pattern:
    """One way of writing a time, and how to turn a match of it into a value.

    ``needs`` are groups of characters a line must hold one of each for the pattern to match
    in it; lines without them are never scanned. ``source`` is the regex as written; ``regex``
    finds the same matches, but may first look ahead for a character a match can start with,
    which lets the regex engine pass over all other characters at C speed. It is compiled
    when a text first needs it: compiling all 49 took a tenth of a one-file extract's start,
    and a short text needs few of them (issue 13).
    """

    name: str
    source: str
    expression: str  # what ``regex`` compiles
    resolve: Resolver
    needs: tuple[str, ...]

    @property
    def regex(self) -> re.Pattern[str]:
        return compiled(self.expression)


@cache
def compiled(expression: str) -> re.Pattern[str]:
    """The regex of a time pattern, compiled once per process (re's own cache may drop it)."""
    return re.compile(expression)


def extract_times(view: TextView, document_date: dt.date | None) -> tuple[TimeExpr, ...]:
    """Every calendar time in the document, in text order, with spans into the original."""
    lexicon = time_lexicon()
    folded = view.folded
    _, header_end = date_header(view.original)
    dateline = find_dateline(folded, header_end, document_date)
    taiwanese = names_roc_institutions(folded, lexicon.roc_context)
    candidates = [
        reading
        for pattern, ranges in ranges_to_scan(folded)
        if taiwanese or pattern.name != "roc_year"  # bare ROC years count only in Taiwanese documents
        for reading in readings_of(pattern, folded, ranges, document_date, lexicon, dateline)
        if reading.start >= header_end
    ]
    if dateline is not None:
        candidates = with_dateline_reading(candidates, dateline)
    chosen = complete_range_ends(folded, choose_longest(candidates), lexicon)
    chosen = resolve_anchored_readings(chosen, lexicon)
    chosen = [with_relation(folded, reading, lexicon) for reading in chosen]
    return tuple(
        TimeExpr(
            start=reading.start,
            end=reading.end,
            text=view.original[reading.start : reading.end],
            value=reading.value,
            relation=reading.relation,
            first=reading.first,
            last=reading.until,
        )
        for reading in chosen
    )


def readings_of(
    pattern: Pattern,
    folded: str,
    ranges: list[tuple[int, int]],
    document_date: dt.date | None,
    lexicon: TimeLexicon,
    dateline: Dateline | None = None,
) -> list[Reading]:
    """Matches of one pattern in ``ranges`` that are times; one naming no real day (2月30日) is dropped too.
    Relative words after a dateline count from its day."""
    readings = []
    filed_after = dateline.end if dateline is not None and pattern.name in COUNTED_FROM_DATELINE else None
    for start, end in ranges:
        for match in pattern.regex.finditer(folded, start, end):
            date = cast(Dateline, dateline).date if filed_after is not None and match.start() >= filed_after else document_date
            try:
                value = pattern.resolve(match, date, lexicon)
            except (ValueError, NotANumber):
                continue
            first = until = None
            if isinstance(value, tuple):
                first, until = value
                value = first if until is None else span_value(cast(str, first), until)
                if until is None:
                    first = None
            elif value is not None and len(value) == 7 and match.group().endswith(MONTH_THIRD_ENDINGS):
                first, until = days_of_month_part(value, match.group(), lexicon)
            if match.groupdict().get("month") and follows_lunar_sign(folded, match.start(), lexicon):
                continue  # "農曆十月", "閏四月": a lunar month, never the Gregorian one
            relation = None
            if pattern.name in WINDOWS and first is not None:  # an open span's value is its far end
                relation = window_relation(match, lexicon)
                value = until if relation == "by" else first
            readings.append(Reading(match.start(), match.end(), value, relation, pattern.name, first, until, match))
    return readings


MONTH_THIRD_ENDINGS = ("旬",)
WINDOWS = frozenset({"window", "window_end"})


def days_of_month_part(month: str, text: str, lexicon: TimeLexicon) -> tuple[str | None, str | None]:
    """"6月上旬", "去年9月下旬": the days of that part of the month (the value stays the month)."""
    for part, (first, last) in lexicon.month_part_days.items():
        if text.endswith(part):
            year, number = int(month[:4]), int(month[5:7])
            last = min(last, calendar.monthrange(year, number)[1])
            return iso_day(year, number, first), iso_day(year, number, last)
    return None, None


def span_value(first: str, last: str) -> str:
    """The value of a span from ``first`` to ``last``: the month both days lie in, else the
    first's year (a quarter is its year; 臘月, which runs into January, the year it opens in)."""
    if len(first) == len(last) == 10 and first[:7] == last[:7]:
        return first[:7]
    return first[:4]


LINE = re.compile(r"[^\n]+")


def follows_lunar_sign(folded: str, position: int, lexicon: TimeLexicon) -> bool:
    """True right after 農曆 (or another lunar marker), a year it opens ("農曆二〇二一年"), or
    閏: the month that follows is lunar."""
    return lunar_sign_before().search(folded, max(0, position - 16), position) is not None


@cache
def lunar_sign_before() -> re.Pattern[str]:
    markers = alternatives(time_lexicon().lunar_markers)
    year = rf"(?:\d{{2,4}}|[{CHINESE_YEAR_DIGITS}]{{2,4}}){SPACE}年"
    return re.compile(rf"(?:闰|(?:{markers}){SPACE}(?:{year})?){SPACE}$")


# --- datelines ---------------------------------------------------------------------------

# Patterns whose value counts from the day of writing: after a dateline, from its day.
# Bare days and month-days keep the publication date: their reading already allows for a
# page dated a day after the story. So do weekdays: wire copy names them in the local time
# of the event ("北京时间8日讯 … 将在周五会谈" is the Friday of the 7th in Washington).
COUNTED_FROM_DATELINE = frozenset(
    {"relday", "bracketed_day", "offset", "relyear", "relyear_md", "relyear_m", "relmonth",
     "relmonth_d", "bare_year_part", "relyear_m_range_start"}
)


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: the span of the whole line head, the span of its date, the day it names."""

    start: int
    end: int
    date_start: int
    date_end: int
    date: dt.date


@cache
def dateline_settings() -> tuple[re.Pattern[str], int]:
    """The dateline regex (on the folded text) and how far into a document one may start."""
    lexicon = time_lexicon()
    endings = alternatives(lexicon.dateline_endings)
    chinese_month = "十[一二]?|[一二三四五六七八九]"
    chinese_day = rf"{CHINESE_DAY_FROM_TENTH}|[一二三四五六七八九]"
    regex = re.compile(
        r"(?<![^\s(【\[/。])[(【\[]?"  # at the start, or after a space, a bracket, a slash or a full stop
        r"[^\s\d,，。、;；:：!?！？「」()【】\[\]/]{1,30}?"  # agency, reporter, place: no digits, no breaks
        rf"(?P<date>(?:(?P<year>\d{{4}})年)?(?:(?P<month>\d{{1,2}}|{chinese_month})月)?"
        rf"(?P<day>\d{{1,2}}|{chinese_day})日)"
        rf"(?:{endings})(?=[)】\]\s/(]|$)"
    )
    return regex, lexicon.dateline_reach


def find_dateline(folded: str, body_start: int, document_date: dt.date | None) -> Dateline | None:
    """The dateline that opens the text or the line after its headline, if any, with the day
    it names: the latest such day not after the day after publication."""
    regex, reach = dateline_settings()
    text_start = body_start + len(folded[body_start : body_start + reach]) - len(folded[body_start : body_start + reach].lstrip())
    headline_end = folded.find("\n", text_start, text_start + 400)
    second_line = -1
    if headline_end != -1:
        rest = folded[headline_end : headline_end + 400]
        second_line = headline_end + len(rest) - len(rest.lstrip())
    window_end = max(text_start + reach, second_line + reach)
    for match in regex.finditer(folded, text_start, window_end):
        if match.start() - text_start > reach and match.start() != second_line:
            continue
        try:
            date = dateline_day(match, document_date)
        except (ValueError, NotANumber):
            continue
        if date is not None:
            return Dateline(match.start(), match.end(), match.start("date"), match.end("date"), date)
    return None


def dateline_day(match: re.Match[str], document_date: dt.date | None) -> dt.date | None:
    """The day a dateline names; without a year, the latest such day up to a day after publication."""
    day = number_of(match["day"])
    month = number_of(match["month"]) if match["month"] else None
    if match["year"]:
        return dt.date(int(match["year"]), month, day) if month else None
    if document_date is None:
        return None
    limit = document_date + dt.timedelta(days=1)
    for back in range(13 if month is None else 25):
        year, month_back = shift_month(limit.year, limit.month, -back)
        if month is not None and month_back != month:
            continue
        try:
            candidate = dt.date(year, month_back, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def with_dateline_reading(candidates: list[Reading], dateline: Dateline) -> list[Reading]:
    """The dateline's date as one reading with its day, in place of what read parts of it."""
    kept = [reading for reading in candidates if reading.end <= dateline.date_start or reading.start >= dateline.date_end]
    return kept + [Reading(dateline.date_start, dateline.date_end, dateline.date.isoformat(), kind="dateline")]


def ranges_to_scan(folded: str) -> list[tuple[Pattern, list[tuple[int, int]]]]:
    """The patterns worth running, in their order, each with the runs of lines that hold what
    it needs. No time is written across a line break, and a lookahead stopped at one sees no
    more than at the end of the text, so scanning these runs finds exactly the matches a scan
    of the whole text finds."""
    ranges: dict[int, list[tuple[int, int]]] = {}
    ran_on: dict[int, int] = {}  # pattern index -> end of the last line it is to scan
    needed = needed_characters()
    group_bits = needs_bits().of_character
    previous_end = -1
    for line in LINE.finditer(folded):
        start, end = line.span()
        present = 0
        for character in set(needed.findall(folded, start, end)):
            present |= group_bits[character]
        for index in patterns_needing(present):
            if ran_on.get(index) == previous_end:  # the line before was scanned too: one run
                runs = ranges[index]
                runs[-1] = (runs[-1][0], end)
            else:
                ranges.setdefault(index, []).append((start, end))
            ran_on[index] = end
        previous_end = end
    return [(patterns()[index], ranges[index]) for index in sorted(ranges)]


@cache
def needed_characters() -> re.Pattern[str]:
    """Any character some pattern needs: a line is looked up by the ones it holds."""
    characters = {character for pattern in patterns() for group in pattern.needs for character in group}
    return re.compile("[" + "".join(re.escape(character) for character in sorted(characters)) + "]")


@dataclass(frozen=True)
class NeedsBits:
    """The patterns' groups of needed characters as bits: each distinct group one bit, each
    character the bits of the groups that hold it, each pattern the bits of all its groups.
    A line's characters OR to the groups it meets, and a pattern may match in it when that
    holds all of its bits. The few such ORs a corpus has are what ``patterns_needing`` caches
    by: a line's own set of characters, the earlier key, almost never came twice."""

    of_character: dict[str, int]
    of_pattern: tuple[int, ...]


@cache
def needs_bits() -> NeedsBits:
    groups = list(dict.fromkeys(group for pattern in patterns() for group in pattern.needs))
    bit = {group: 1 << number for number, group in enumerate(groups)}
    of_character: dict[str, int] = {}
    for group in groups:
        for character in group:
            of_character[character] = of_character.get(character, 0) | bit[group]
    of_pattern = tuple(sum(bit[group] for group in dict.fromkeys(pattern.needs)) for pattern in patterns())
    return NeedsBits(of_character, of_pattern)


@lru_cache(maxsize=4096)
def patterns_needing(present: int) -> tuple[int, ...]:
    """Indices of the patterns whose every group of needed characters is among the ``present``
    groups (bits of ``needs_bits``)."""
    return tuple(index for index, needs in enumerate(needs_bits().of_pattern) if present & needs == needs)


def choose_longest(candidates: list[Reading]) -> list[Reading]:
    """Leftmost-longest readings that do not overlap: "2025年10月27日" wins over "10月27日"."""
    ordered = sorted(candidates, key=lambda reading: (reading.start, -(reading.end - reading.start)))
    chosen: list[Reading] = []
    for reading in ordered:
        if not chosen or reading.start >= chosen[-1].end:
            chosen.append(reading)
    return chosen


RANGE_ENDS = {"month", "md", "bare_day", "small_day"}
BARE_DAYS = {"bare_day", "small_day"}


def complete_range_ends(folded: str, readings: list[Reading], lexicon: TimeLexicon) -> list[Reading]:
    """The end of a range or list takes what it leaves unwritten from its start: "2018年6月至9月"
    ends in 2018-09, "10月20日至23日" on 2025-10-23 and "9月10日，11日" on 09-11 whatever
    the publication date."""
    completed: list[Reading] = []
    for reading in readings:
        start = completed[-1] if completed else None
        if start is not None and start.value and reading.kind in RANGE_ENDS and reading.match is not None:
            joiner = folded[start.end : reading.start].strip(" \t\u3000")
            joins = joiner in lexicon.range_joiners or (joiner and joiner == joiner[0] * len(joiner) and joiner[0] in lexicon.range_joiners)  # "2——4月"
            lists_days = joiner in lexicon.day_list_joiners and reading.kind in BARE_DAYS and len(start.value) == 10
            if joins or lists_days:
                reading = replace(reading, value=range_end_value(start.value, reading.match) or reading.value)
        elif start is not None and start.value and len(start.value) == 10 and unwritten_year_holiday(reading):
            joiner = folded[start.end : reading.start].strip(" \t\u3000")
            if joiner in lexicon.range_joiners:  # "去年春節到元宵節": the 元宵 after that 春節
                if reading.match is not None:
                    holiday = reading.match["holiday"]
                    reading = replace(reading, value=holiday_from(holiday, dt.date.fromisoformat(start.value), lexicon).isoformat())
        completed.append(reading)
    return completed


def unwritten_year_holiday(reading: Reading) -> bool:
    """True for a holiday written without a year ("元宵節", not "2019年元宵節")."""
    if reading.kind != "holiday" or reading.match is None:
        return False
    return not (reading.match["year"] or reading.match["short_year"] or reading.match["relyear"])


def holiday_from(holiday: str, start: dt.date, lexicon: TimeLexicon) -> dt.date:
    """The first day of ``holiday`` on or after ``start``: the end of a range that opens on it."""
    if holiday in lexicon.solar_holidays or holiday in lexicon.weekday_holidays:
        candidates = [solar_holiday(holiday, start.year + shift, lexicon) for shift in (0, 1)]
    else:
        month, day, shift = lexicon.lunar_holidays[holiday]
        candidates = []
        for year in (start.year - 1, start.year, start.year + 1):
            try:
                candidates.append(lunar_to_solar(year, month, day) + dt.timedelta(days=shift))
            except ValueError:
                continue
    return min(candidate for candidate in candidates if candidate >= start)


def resolve_anchored_readings(readings: list[Reading], lexicon: TimeLexicon) -> list[Reading]:
    """翌日, 同日, 翌年 count from the time mentioned before them (a day for a day word) and
    are dropped when there is none; a weekday right after a date ("10月30日（周四）") is that date."""
    resolved: list[Reading] = []
    last_value: str | None = None  # of the latest resolved reading that has one
    last_day: str | None = None  # of the latest whose value is a day
    dropped: Reading | None = None  # an anchored year just dropped for want of a time before it
    for reading in readings:
        if dropped is not None and reading.kind in YEARLESS_MONTHS and opens_with_anchored_year(dropped, reading):
            continue  # "次年3月" with no year before: the month's year is unknown, not the document's
        dropped = None
        if reading.kind == "anchored_month" and reading.match is not None:
            value = anchored_month_value(reading.match, last_value, lexicon) or reading.value
            if value is None:
                continue
            reading = replace(reading, value=value)
        elif reading.kind in ("anchored_day", "anchored_year") and reading.match is not None:
            value = anchored_value(reading.match.group(reading.kind), reading.kind, last_value, last_day, lexicon)
            if value is None and reading.value is None:
                dropped = reading
                continue
            reading = replace(reading, value=value or reading.value)
        elif reading.kind == "weekday" and resolved and names_the_same_day(resolved[-1], reading):
            reading = replace(reading, value=resolved[-1].value)
        elif reading.kind in YEARLESS_MONTHS and reading.value and resolved and (
            opens_with_anchored_year(resolved[-1], reading) or joins_a_year(resolved[-1], reading, lexicon)
        ):
            # 同年6月, 次年3月, 一年前的11月: the month is of the year named before it, one time
            anchor = resolved.pop()
            reading = replace(reading, start=anchor.start, value=cast(str, anchor.value)[:4] + reading.value[4:])
        resolved.append(reading)
        if reading.value:
            last_value = reading.value
            if len(reading.value) == 10:
                last_day = reading.value
    return resolved


YEARLESS_MONTHS = {"month", "md"}


def opens_with_anchored_year(before: Reading, reading: Reading) -> bool:
    """True when ``reading`` (a month, a month and day) follows an anchored year right away."""
    if before.kind != "anchored_year" or before.match is None:
        return False
    return before.match.string[before.end : reading.start].strip(" \t\u3000") == ""


def joins_a_year(before: Reading, reading: Reading, lexicon: TimeLexicon) -> bool:
    """True when ``reading`` (a month, a month and day) follows a year joined to it (一年前的11月)."""
    if not before.value or len(before.value) != 4 or before.match is None or before.until is not None:
        return False
    return before.match.string[before.end : reading.start].strip(" \t\u3000") in lexicon.year_month_joiners


def anchored_month_value(match: re.Match[str], last_value: str | None, lexicon: TimeLexicon) -> str | None:
    """"同月9號", "次月": the month (and day) from the latest time with a month mentioned before."""
    if last_value is None or len(last_value) < 7:
        return None
    year, month = shift_month(int(last_value[:4]), int(last_value[5:7]), lexicon.anchored_months[match["anchored_month"]])
    try:
        return iso_day(year, month, number_of(match["day"])) if match["day"] else iso_month(year, month)
    except (ValueError, NotANumber):
        return None


def anchored_value(word: str, kind: str, last_value: str | None, last_day: str | None, lexicon: TimeLexicon) -> str | None:
    """The day or year an anchored word names, from the latest day (or time) mentioned before it."""
    if kind == "anchored_day":
        if last_day is None:
            return None
        return (dt.date.fromisoformat(last_day) + dt.timedelta(days=lexicon.anchored_days[word])).isoformat()
    return iso_year(int(last_value[:4]) + lexicon.anchored_years[word]) if last_value else None


def names_the_same_day(date_reading: Reading, weekday_reading: Reading) -> bool:
    """True when a weekday follows a full date directly or in brackets."""
    if not date_reading.value or len(date_reading.value) != 10 or date_reading.match is None:
        return False
    between = date_reading.match.string[date_reading.end : weekday_reading.start]
    return between.strip(" \t\u3000(（") == ""


def range_end_value(start_value: str, match: re.Match[str]) -> str | None:
    """The end's value with the start's year (and month, for a bare day)."""
    fields = match.groupdict()
    year = int(start_value[:4])
    try:
        if fields.get("month") and fields.get("day"):
            return iso_day(year, number_of(fields["month"]), number_of(fields["day"]))
        if fields.get("month"):
            return iso_month(year, number_of(fields["month"]))
        if fields.get("day") and len(start_value) >= 7:
            day, month = number_of(fields["day"]), int(start_value[5:7])
            if len(start_value) == 10 and day < int(start_value[8:]):  # "10月30日至2日" ends in November
                year, month = shift_month(year, month, 1)
            return iso_day(year, month, day)
    except (ValueError, NotANumber):
        return None
    return None


# --- relations ---------------------------------------------------------------------------


def with_relation(folded: str, reading: Reading, lexicon: TimeLexicon) -> Reading:
    """Take in 到/自 before and 前/以來/起 after; "至今" a little later also makes a start."""
    before = relation_before(folded, reading.start, lexicon)
    after = relation_after(folded, reading.end, lexicon)
    if after is None and reading.value and len(reading.value) == 10:  # "6月30日下午6點前"
        clock = clock_phrase().match(folded, reading.end)
        after = relation_after(folded, clock.end(), lexicon) if clock else None
    start, end = reading.start, reading.end
    relation = reading.relation  # an open span's own (未來5年: by)
    if before:
        start, relation = before
    if after:
        end, after_relation = after
        relation = after_relation if relation is None or after_relation == "since" else relation
    if relation is None and since_nearby(folded, end, lexicon):
        relation = "since"
    if (start, end, relation) == (reading.start, reading.end, reading.relation):
        return reading  # as most are: no copy to make
    return replace(reading, start=start, end=end, relation=relation)


@cache
def clock_phrase() -> re.Pattern[str]:
    """A time of day after a date: a part of the day, an hour with 點 or 時 (and minutes,
    半 or a quarter), or HH:MM; a part of the day alone ("午夜") too."""
    lexicon = time_lexicon()
    number = r"(?:\d{1,2}|[零〇一二两三四五六七八九十]{1,3})"
    hour = rf"{number}{SPACE}[点时](?:{SPACE}(?:{number}{SPACE}分?|半|[一三]刻))?|\d{{1,2}}:\d{{2}}"
    return re.compile(rf"{SPACE}(?:(?:{alternatives(lexicon.clock_day_parts)}){SPACE}(?:{hour})?|{hour})")


def relation_before(folded: str, position: int, lexicon: TimeLexicon) -> tuple[int, str] | None:
    index = position
    while index > 0 and folded[index - 1] in " \t\u3000":
        index -= 1
    for word, relation in lexicon.relation_before.items():
        if index >= len(word) and folded.endswith(word, 0, index):
            return index - len(word), relation
    return None


def relation_after(folded: str, position: int, lexicon: TimeLexicon) -> tuple[int, str] | None:
    for word, relation in lexicon.relation_after.items():
        if folded.startswith(word, position):
            end = position + len(word)
            blocked = lexicon.relation_not_followed_by.get(word, ())
            if any(folded.startswith(follower, end) for follower in blocked):
                continue
            return end, relation
    return None


def since_nearby(folded: str, position: int, lexicon: TimeLexicon) -> bool:
    """"2014年建設至今": a 至今 a few characters on, in the same clause, marks a starting point."""
    window = folded[position : position + lexicon.since_reach + 2]
    for index, character in enumerate(window):
        if character in CLAUSE_BREAKS:
            window = window[:index]
            break
    return any(
        not any(folded.startswith(follower, position + index + len(word)) for follower in lexicon.relation_not_followed_by.get(word, ()))
        for word in lexicon.since_words_nearby
        for index in occurrences(window, word)
    )


def occurrences(text: str, word: str) -> Iterable[int]:
    index = text.find(word)
    while index != -1:
        yield index
        index = text.find(word, index + 1)


# --- values ------------------------------------------------------------------------------


def number_of(text: str) -> int:
    """A month, day or offset written in Arabic or Chinese numerals."""
    return int(text) if text.isdigit() else int(chinese_value(text))


def year_of(text: str) -> int:
    """A four-digit year; Chinese years are read digit by digit (二〇二五 = 2025)."""
    if text.isdigit():
        return int(text)
    return int("".join(str(CHINESE_DIGIT_VALUES[character]) for character in text))


def iso_year(year: int) -> str:
    return f"{year:04d}"


def iso_month(year: int, month: int) -> str:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month}")
    return f"{year:04d}-{month:02d}"


def iso_day(year: int, month: int, day: int) -> str:
    return dt.date(year, month, day).isoformat()


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def plausible_year(year: int) -> int:
    """Years an article about diplomacy names; four digits outside this are counts or codes."""
    if not 1800 <= year <= 2199:
        raise ValueError(f"year {year}")
    return year


# --- patterns ----------------------------------------------------------------------------


def alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def first_characters(words: Iterable[str]) -> str:
    """The characters the words start with: a line without one holds none of the words."""
    return "".join(sorted({word[0] for word in words if word}))


def time_pattern(name: str, source: str, resolve: Resolver, needs: tuple[str, ...], starts: str = "") -> Pattern:
    """A Pattern; ``starts`` is a regex character class of what its matches can start with,
    given when the regex opens with a lookbehind or an optional part: the engine would
    otherwise try the whole regex at every position of the text, several times slower."""
    regex = rf"(?=[{starts}]){source}" if starts else source
    return Pattern(name, source, regex, resolve, needs)


def resolve_ymd(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    return iso_day(plausible_year(year_of(match["year"])), number_of(match["month"]), number_of(match["day"]))


DOTTED_JOINER_CHARACTERS = "-—–~～至到"
DOTTED_JOINER = rf"(?:——|[{DOTTED_JOINER_CHARACTERS}])"


def resolve_dotted(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"1999.08" in a résumé's span: a year and month; the end may be a year alone ("2008.03-2009")."""
    year = plausible_year(int(match["year"]))
    return iso_month(year, int(match["month"])) if match["month"] else iso_year(year)


def resolve_ym(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    return iso_month(plausible_year(year_of(match["year"])), number_of(match["month"]))


def resolve_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    year = plausible_year(year_of(match["year"]))
    if any(match.string.startswith(word, match.end()) for word in lexicon.year_not_followed_by):
        raise NotATime(match.group())
    return iso_year(year)


def resolve_era(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    year = number_of(match["era_year"]) + lexicon.era_offsets[match["era"]]
    if match["month"] and match["day"]:
        return iso_day(year, number_of(match["month"]), number_of(match["day"]))
    if match["month"]:
        return iso_month(year, number_of(match["month"]))
    return iso_year(year)


def closes_a_word(match: re.Match[str], lexicon: TimeLexicon) -> bool:
    """True when the relative word's first character ends a longer word ("提前年底", "表明天")."""
    start = match.start()
    if any(match.string.startswith(word, start - 1) for word in lexicon.relative_false_start_breaks):
        return False  # "截至今年4月": 至 and 今年, not 至今
    return start > 0 and match.string[start - 1 : start + 1] in lexicon.relative_false_starts


def relative_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> int | None:
    return None if date is None else date.year + lexicon.relative_years[match["relyear"]]


def resolve_relative_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    if closes_a_word(match, lexicon):
        raise NotATime(match.group())
    year = relative_year(match, date, lexicon)
    if year is None:
        return None
    if match.groupdict().get("month"):
        if match.groupdict().get("day"):
            return iso_day(year, number_of(match["month"]), number_of(match["day"]))
        return iso_month(year, number_of(match["month"]))
    return iso_year(year)


def resolve_month_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """A month and day without a year take the document's year, even for a month still to come."""
    month, day = number_of(match["month"]), number_of(match["day"])
    if date is None:
        iso_day(2024, month, day)  # still reject 2月30日 when the year is unknown
        return None
    return iso_day(date.year, month, day)


def resolve_month(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    month = number_of(match["month"])
    iso_month(2000, month)
    return None if date is None else iso_month(date.year, month)


def resolve_relative_month(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    if closes_a_word(match, lexicon):
        raise NotATime(match.group())
    if date is None:
        return None
    year, month = shift_month(date.year, date.month, lexicon.relative_months[match["relmonth"]])
    if match.groupdict().get("day"):
        return iso_day(year, month, number_of(match["day"]))
    return iso_month(year, month)


def resolve_relative_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    if closes_a_word(match, lexicon):
        raise NotATime(match.group())
    if date is None:
        return None
    return (date + dt.timedelta(days=lexicon.relative_days[match["relday"]])).isoformat()


def resolve_offset(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """兩日前, 3天後, 一年後: the day, month or year that far from the document date;
    none after an event word ("就任一週後" counts from the inauguration)."""
    if any(match.string.endswith(word, 0, match.start()) for word in lexicon.event_anchors):
        raise NotATime(match.group())
    unit = match["unit"]
    count = match["count"] or "0"
    if unit in lexicon.offset_units_chinese_only and count.isdigit():
        raise NotATime(match.group())
    direction = lexicon.offset_directions[match["direction"]]
    amount = number_of(count) * direction
    period = lexicon.offset_units[unit]
    if period == "year" and abs(amount) > lexicon.max_year_offset:
        raise NotATime(match.group())
    if match["lead_half"] or match["half"]:  # "一年半後" is 18 months on, "半年後" 6: a month
        if period != "year":
            raise NotATime(match.group())
        period, amount = "month", amount * 12 + 6 * direction
    elif period == "quarter":
        period, amount = "month", amount * 3
    if date is None:
        return None
    if period == "day":
        return (date + dt.timedelta(days=amount)).isoformat()
    if period == "week":
        return (date + dt.timedelta(weeks=amount)).isoformat()
    if period == "month":
        return iso_month(*shift_month(date.year, date.month, amount))
    return iso_year(date.year + amount)


def resolve_window(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> tuple[str, str] | None:
    """未來5年, 近30天, 三年來, 17天內: the span between the document date and the day that far
    ahead or back (see window_relation). A day or week window ends that many days on (未來7天:
    the 7 days after today); a month or year window the day before (未來5年: to the eve of the
    fifth anniversary). None after an event word (建交30年來 counts from the founding)."""
    before = match.string[max(0, match.start() - 4) : match.start()]
    if before.endswith((*lexicon.event_anchors, *lexicon.window_not_after)):
        raise NotATime(match.group())
    period = lexicon.offset_units[match["unit"]]
    count = number_of(match["count"]) if match["count"] else 0
    ahead = window_relation(match, lexicon) == "by"
    chinese_only = match["unit"] in lexicon.offset_units_chinese_only and bool(match["count"]) and match["count"].isdigit()
    if chinese_only and not ahead:  # 3日以來 is since the 3rd; 60日內 is 60 days
        raise NotATime(match.group())
    if match["lead_half"] or match["half"]:  # 未來半年, 一年半來: months
        if period != "year":
            raise NotATime(match.group())
        period, count = "month", count * 12 + 6
    elif period == "quarter":
        period, count = "month", count * 3
    if count == 0 or (period == "year" and count > lexicon.max_year_offset):
        raise NotATime(match.group())
    if date is None:
        return None
    sign = 1 if ahead else -1
    if period in ("day", "week"):
        far = date + dt.timedelta(days=sign * count * (7 if period == "week" else 1))
    else:
        months = count * (12 if period == "year" else 1)
        year, month = shift_month(date.year, date.month, sign * months)
        far = dt.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))
        if ahead:
            far -= dt.timedelta(days=1)
    return (date.isoformat(), far.isoformat()) if ahead else (far.isoformat(), date.isoformat())


def window_relation(match: re.Match[str], lexicon: TimeLexicon) -> str:
    """`by` for a window ahead (its lead word, else its end word: 三年內), `since` for one back."""
    lead = match.groupdict()  # window_end has no lead groups
    if lead.get("ahead") or (not lead.get("back") and match["end"] in lexicon.window_ahead_ends):
        return "by"
    return "since"


def resolve_relative_run(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> tuple[str, str] | None:
    """"今明兩年", "明後兩天": consecutive years or days counted from the document date, one span."""
    if closes_a_word(match, lexicon):
        raise NotATime(match.group())
    period, first, last = lexicon.relative_runs[match["relrun"]]
    if date is None:
        return None
    if period == "day":
        return (date + dt.timedelta(days=first)).isoformat(), (date + dt.timedelta(days=last)).isoformat()
    return iso_year(date.year + first), iso_year(date.year + last)


def resolve_bare_year_part(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    return None if date is None else iso_year(date.year)


def resolve_bare_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"川普29日表示": a day of the document's month, or of the month before when that day has
    not yet come, lies more than a few days ahead, and nothing says the text looks ahead."""
    folded = match.string
    if any(folded.startswith(word, match.end()) for word in lexicon.bare_day_not_followed_by):
        raise NotATime(match.group())
    if folded[match.start() - 1 : match.start()] == "、" and match.group().endswith("号"):
        raise NotATime(match.group())  # "9號、10號泊位", "3號、4號機組": a list of numbered things
    day = number_of(match["day"])
    if date is None:
        return None
    year, month = date.year, date.month
    lead = folded[max(0, match.start() - 6) : match.start()]
    if day > date.day + lexicon.bare_day_ahead and not any(marker in lead for marker in lexicon.future_markers):
        year, month = shift_month(year, month, -1)
    return iso_day(year, month, day)


def resolve_small_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"普亭四日飛抵": a day below the 10th in Chinese numerals, unless a count word stands
    before it ("連續三日", "一連五日")."""
    if any(match.string.endswith(word, 0, match.start()) for word in lexicon.small_day_not_after):
        raise NotATime(match.group())
    return resolve_bare_day(match, date, lexicon)


def bracketed_day_heads(lexicon: TimeLexicon) -> dict[str, int]:
    """今, 昨, 明 with their day shifts, from the two-character words 今天, 昨日, 明天."""
    return {word[0]: shift for word, shift in lexicon.relative_days.items() if len(word) == 2 and word[1] in "天日"}


def resolve_bracketed_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"今（29）日", "昨 (28) 天": the bracketed day of the month, taken in the month nearest
    the day the word names (the bracket wins when the two disagree)."""
    day = number_of(match["day"])
    if not 1 <= day <= 31:
        raise NotATime(match.group())
    if date is None:
        return None
    named = date + dt.timedelta(days=bracketed_day_heads(lexicon)[match["relhead"]])
    candidates = []
    for shift in (-1, 0, 1):
        year, month = shift_month(named.year, named.month, shift)
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        raise NotATime(match.group())
    return min(candidates, key=lambda candidate: abs((candidate - named).days)).isoformat()


def resolve_weekday(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """本週四 is in the publication week (weeks start on Sunday), 上週六 in the one before,
    上週日 on the Sunday that closed last week (see times.yaml); a bare 周三 is the latest Wednesday up to the publication date, or the next one from it
    when a future marker (將於, 預計) stands just before or 起 right after (周三起訪華)."""
    if date is None:
        return None
    weekday = lexicon.weekdays[match["weekday"]] % 7  # Sunday 0 .. Saturday 6
    if match["weekshift"] is not None and weekday == 0:  # 週日 closes the week of Monday to Sunday
        monday = date - dt.timedelta(days=date.isoweekday() - 1)
        return (monday + dt.timedelta(days=7 * lexicon.week_shifts[match["weekshift"]] + 6)).isoformat()
    if match["weekshift"] is not None:
        week_start = date - dt.timedelta(days=date.isoweekday() % 7)
        return (week_start + dt.timedelta(days=7 * lexicon.week_shifts[match["weekshift"]] + weekday)).isoformat()
    days_since = (date.isoweekday() % 7 - weekday) % 7
    lead = match.string[max(0, match.start() - 6) : match.start()]
    # 周三起訪華 (from Wednesday on): the coming one; 自周一起 (since Monday): the past one
    starting = match.string.startswith(lexicon.future_after, match.end()) and not lead.endswith(lexicon.since_before)
    if starting or any(marker in lead for marker in lexicon.future_markers):
        return (date + dt.timedelta(days=(7 - days_since) % 7)).isoformat()
    return (date - dt.timedelta(days=days_since)).isoformat()


def resolve_week_span(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> tuple[str, str] | None:
    """上週, 本星期, 下下週: the week's Monday to its Sunday (週日 closes a week, see resolve_weekday)."""
    if date is None:
        return None
    monday = date - dt.timedelta(days=date.isoweekday() - 1) + dt.timedelta(weeks=lexicon.week_shifts[match["weekshift"]])
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def resolve_anchored(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """Resolved later, from the time mentioned before it (see resolve_anchored_readings);
    no time inside 首次日中, 這次日本, 不同日期 or 陪同日本."""
    start = match.start()
    if start > 0 and match.string[start - 1 : start + 1] in lexicon.anchored_false_starts:
        raise NotATime(match.group())
    if any(match.string.startswith(word, match.end()) for word in lexicon.anchored_not_followed_by):
        raise NotATime(match.group())
    return None


def resolve_bracket_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """A year written without 年: in brackets ("(2018)") or as the start of a range."""
    return iso_year(plausible_year(year_of(match["year"])))


def resolve_iso(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    return iso_day(plausible_year(int(match["year"])), int(match["month"]), int(match["day"]))


def nearest_century(two_digits: str, date: dt.date | None) -> int:
    """"15年", "91年", "九七年": the year with these last two digits nearest the document date
    (today's century when there is none)."""
    ending = int(two_digits) if two_digits.isdigit() else year_of(two_digits)
    around = (date or dt.date.today()).year
    candidates = [century + ending for century in range(around // 100 * 100 - 100, around // 100 * 100 + 200, 100)]
    return min(candidates, key=lambda year: (abs(year - around), -year))


def year_of_prefix(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> int | None:
    """The year written before a part of it: four digits, two digits, a relative year, or
    none (the document's year)."""
    fields = match.groupdict()
    if fields.get("year"):
        return plausible_year(year_of(fields["year"]))
    if fields.get("short_year"):
        return nearest_century(fields["short_year"], date)
    if fields.get("relyear"):
        if closes_a_word(match, lexicon):
            raise NotATime(match.group())
        return relative_year(match, date, lexicon)
    return None if date is None else date.year


def resolve_short_date(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"15年3月2日", "91年5月": a two-digit year with a month (and day)."""
    year = nearest_century(match["short_year"], date)
    if match.groupdict().get("day"):
        return iso_day(year, number_of(match["month"]), number_of(match["day"]))
    return iso_month(year, number_of(match["month"]))


def starts_a_clause(folded: str, position: int, lead_words: tuple[str, ...]) -> bool:
    """True at the start of the text or a clause, after a space, or right after a lead word."""
    if position == 0 or folded[position - 1] in CLAUSE_BREAKS or folded[position - 1] in " \t\u3000":
        return True
    return any(folded.endswith(word, 0, position) for word in lead_words)


def resolve_short_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"24年", "19年底": a bare two-digit year only where a clause starts or after a lead word
    (在, 自), and not before a word that makes it a span of time ("30年來", "15年的")."""
    folded = match.string
    start = match.start()
    led = any(folded.endswith(word, 0, start) for word in lexicon.short_year_after)  # "定於24年舉行"
    if not led and not starts_a_clause(folded, start, ()):
        raise NotATime(match.group())  # "建交30年", "時隔33年"
    after = folded[match.end() : match.end() + 1]
    if not led and not match["short_part"] and after and after not in CLAUSE_BREAKS and after not in " \t\u3000":
        raise NotATime(match.group())  # "24年前" (years ago) at a clause start
    if any(folded.startswith(word, match.end()) for word in lexicon.short_year_not_followed_by):
        raise NotATime(match.group())
    return iso_year(nearest_century(match["short_year"], date))


@lru_cache(maxsize=16)
def names_roc_institutions(folded: str, words: tuple[str, ...]) -> bool:
    return any(word in folded for word in words)


def resolve_roc_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"114年度預算", "113年" in a Taiwanese document: years of the Republic of China era
    written without 民國, near the document's own year."""
    if not names_roc_institutions(match.string, lexicon.roc_context):
        raise NotATime(match.group())
    if not match["month"] and any(match.string.startswith(word, match.end()) for word in lexicon.roc_not_followed_by):
        raise NotATime(match.group())  # "113年歷史", "100年來"
    year = int(match["roc_year"]) + lexicon.era_offsets["民国"]
    around = (date or dt.date.today()).year
    if abs(year - around) > lexicon.roc_reach:
        raise NotATime(match.group())
    if match["month"] and match["day"]:
        return iso_day(year, number_of(match["month"]), number_of(match["day"]))
    if match["month"]:
        return iso_month(year, number_of(match["month"]))
    return iso_year(year)


# A span of months: the first as YYYY-MM and the last (None when it is the first).
MonthSpan = tuple[str, str | None]


def resolve_year_span(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> MonthSpan | None:
    """"2013年一季度" -> (2013-01, 2013-03); "一季度末" is March alone, "四季度初" October."""
    written = match["year"] or match["short_year"] or match["relyear"]
    if not written and match["span"] in lexicon.year_spans_need_a_year:
        raise NotATime(match.group())  # "國聘行動第三季", "首季糧食"
    year = year_of_prefix(match, date, lexicon)
    first, last = lexicon.year_spans[match["span"]]
    return month_span(year, first, last, match["span_edge"], lexicon)


def month_span(year: int | None, first: int, last: int, edge: str | None, lexicon: TimeLexicon) -> MonthSpan | None:
    if year is None:
        return None
    if edge in lexicon.year_span_starts:
        last = first
    elif edge in lexicon.year_span_ends:
        first = last
    return iso_month(year, first), (iso_month(year, last) if last != first else None)


def resolve_first_months(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> MonthSpan | None:
    """"今年前5個月", "2022年前十一個月": January to the Nth month."""
    count = number_of(match["count"])
    if not 1 <= count <= 12:
        raise NotATime(match.group())
    return month_span(year_of_prefix(match, date, lexicon), 1, count, None, lexicon)


def resolve_relative_quarter(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> MonthSpan | None:
    """"上個季度": the quarter before the document's."""
    if date is None:
        return None
    year, month = shift_month(date.year, (date.month - 1) // 3 * 3 + 1, 3 * lexicon.relative_quarters[match["relquarter"]])
    return iso_month(year, month), iso_month(year, month + 2)


def resolve_loose_month_day(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"6·30", "09-01": a month and day written as headlines do; in quotation marks it names
    an event ("“5·22”地震"), whose year the text does not give."""
    if match.start() > 0 and match.string[match.start() - 1] in OPENING_QUOTES:
        raise NotATime(match.group())
    return resolve_month_day(match, date, lexicon)


OPENING_QUOTES = "“「『\"‘'"


def resolve_anchored_month(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """Resolved later from the time before it; 當月 alone is the document's month."""
    resolve_anchored(match, date, lexicon)
    if date is None or match["anchored_month"] not in lexicon.anchored_fall_back_to_document:
        return None
    if match["day"]:
        return iso_day(date.year, date.month, number_of(match["day"]))
    return iso_month(date.year, date.month)


def resolve_anchored_year(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """Resolved later from the time before it; 這一年 alone is the document's year."""
    resolve_anchored(match, date, lexicon)
    if date is None or match["anchored_year"] not in lexicon.anchored_fall_back_to_document:
        return None
    return iso_year(date.year)


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """A day of the Chinese lunar calendar as a Gregorian date (lunardate; ValueError if none)."""
    from lunardate import LunarDate  # here: only a lunar date or holiday needs its tables

    solar: dt.date = LunarDate(year, month, day, leap).to_solar_date()
    return solar


def nearest_lunar(month: int, day: int, date: dt.date, leap: bool = False, shift: int = 0) -> dt.date:
    """The lunar month and day in the lunar year nearest the document date."""
    candidates = []
    for year in (date.year - 1, date.year, date.year + 1):
        try:
            candidates.append(lunar_to_solar(year, month, day, leap) + dt.timedelta(days=shift))
        except ValueError:
            continue
    if not candidates:
        raise NotATime(f"{month}/{day}")
    return min(candidates, key=lambda candidate: abs((candidate - date).days))


def resolve_holiday(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"春節", "去年中秋節", "2019年元旦": a holiday in the year written before it, else the
    occurrence nearest the document date."""
    holiday = match["holiday"]
    written = match["year"] or match["short_year"] or match["relyear"]
    year = year_of_prefix(match, date, lexicon) if written else None
    if holiday in lexicon.solar_holidays or holiday in lexicon.weekday_holidays:
        if year is not None:
            return solar_holiday(holiday, year, lexicon).isoformat()
        if date is None:
            return None
        candidates = (solar_holiday(holiday, date.year + shift, lexicon) for shift in (-1, 0, 1))
        return min(candidates, key=lambda candidate: abs((candidate - date).days)).isoformat()
    month, day, shift = lexicon.lunar_holidays[holiday]
    if year is not None:
        return (lunar_to_solar(year, month, day) + dt.timedelta(days=shift)).isoformat()
    return None if date is None else nearest_lunar(month, day, date, shift=shift).isoformat()


def solar_holiday(holiday: str, year: int, lexicon: TimeLexicon) -> dt.date:
    """The day of a Gregorian holiday in one year: a fixed day, or the Nth weekday of a month."""
    if holiday in lexicon.solar_holidays:
        return dt.date(year, *lexicon.solar_holidays[holiday])
    month, nth, weekday = lexicon.weekday_holidays[holiday]
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


LUNAR_DAY_VALUES = {"初十": 10, "三十": 30}


def resolve_lunar_date(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> str | None:
    """"農曆正月十五", "大年初十", "臘月初八", "2012年正月初8": a lunar month and day, read only
    when a marker says it is lunar (農曆, a lunar month name, 大年, or a day written 初 or 廿)."""
    day_text = match["lunar_day"]
    month_text = match["lunar_month"] or ""
    leap = month_text.startswith("闰")
    month_text = month_text.removeprefix("闰")
    lunar = bool(match["marker_first"] or match["lunar_marker"] or match["new_year"] or month_text in lexicon.lunar_month_names or leap)
    if not lunar and not day_text.startswith("初"):  # "十月廿二" is a Gregorian day in Hong Kong copy
        raise NotATime(match.group())
    if match["new_year"] and not day_text.startswith("初"):
        raise NotATime(match.group())
    month = 1 if match["new_year"] else lexicon.lunar_month_names.get(month_text) or number_of(month_text)
    day = LUNAR_DAY_VALUES.get(day_text) or number_of(day_text.removeprefix("初"))
    written = match["year"] or match["short_year"] or match["relyear"]
    if written:
        year = year_of_prefix(match, date, lexicon)
        return None if year is None else lunar_to_solar(year, month, day, leap).isoformat()
    return None if date is None else nearest_lunar(month, day, date, leap).isoformat()


def resolve_lunar_month(match: re.Match[str], date: dt.date | None, lexicon: TimeLexicon) -> DaySpan | None:
    """"農曆十月", "閏四月", "明年臘月": the days of a lunar month, in the lunar year written
    before it, else the one nearest the document date (an article of May on 正月 means the
    last one); none inside a word ("真正月薪", "入冬月餘")."""
    month_text = match["lunar_month"]
    start = match.start()
    if start == match.start("lunar_month") and match.string[max(0, start - 1) : start + 1] in lexicon.lunar_month_false_starts:
        raise NotATime(match.group())
    leap = month_text.startswith("闰")
    month_text = month_text.removeprefix("闰")
    month = lexicon.lunar_month_names.get(month_text) or number_of(month_text)
    if match["year"] or match["short_year"] or match["relyear"]:
        year = year_of_prefix(match, date, lexicon)
        return None if year is None else lunar_month_days(year, month, leap)
    if date is None:
        return None
    candidates = []
    for year in (date.year - 1, date.year, date.year + 1):
        try:
            candidates.append(lunar_month_days(year, month, leap))
        except ValueError:  # no such leap month that year
            continue
    if not candidates:
        raise NotATime(match.group())
    return min(candidates, key=lambda days: days_away(date, dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[1])))


# A span of days: the first and last as YYYY-MM-DD.
DaySpan = tuple[str, str]


def lunar_month_days(year: int, month: int, leap: bool = False) -> DaySpan:
    """The first and last Gregorian day of a lunar month (29 or 30 days long)."""
    first = lunar_to_solar(year, month, 1, leap)
    try:
        last = lunar_to_solar(year, month, 30, leap)
    except ValueError:
        last = lunar_to_solar(year, month, 29, leap)
    return first.isoformat(), last.isoformat()


def days_away(date: dt.date, first: dt.date, last: dt.date) -> int:
    """How many days ``date`` lies outside the span from ``first`` to ``last`` (0 within it)."""
    return max((first - date).days, (date - last).days, 0)


@cache
def patterns() -> tuple[Pattern, ...]:
    """The time patterns, built once from the lexicon's words, most specific first."""
    lexicon = time_lexicon()
    year_part = rf"(?:{alternatives(lexicon.year_parts)})?"
    month_part = rf"(?:{alternatives(lexicon.month_parts)})?"
    relyear = rf"(?P<relyear>{alternatives(lexicon.relative_years)})"
    relmonth = rf"(?P<relmonth>{alternatives(lexicon.relative_months)})"
    relday = rf"(?P<relday>{alternatives(lexicon.relative_days)})"
    era = rf"(?P<era>{alternatives(lexicon.era_offsets)})"
    day_mark = "[日号]"
    count = r"(?P<count>(?<![\d.])\d{1,3}(?![\d.])|(?<![一二三四五六七八九十两〇零数几])[一二三四五六七八九十两][一二三四五六七八九十百]*)"
    unit = rf"(?P<unit>{alternatives(lexicon.offset_units)})"
    direction = rf"(?P<direction>{alternatives(lexicon.offset_directions)})"
    joiners = alternatives(lexicon.range_joiners)
    month_range_end = rf"{SPACE}(?:{joiners}){{1,2}}{SPACE}(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]){SPACE}月"
    day_range_end = rf"{SPACE}(?:{joiners}){{1,2}}{SPACE}(?:3[01]|[12]\d|0?[1-9]){SPACE}{day_mark}"
    # A bare day follows a Chinese character, a space, a comma (、 in a list of days), a bracket (a credit's
    # closing one too: 【本報綜合報道】19日上午) or the end of a sentence (。4日，習近平…), never a
    # word that makes it a count or an ordinal ("為期2日", "第3日", "每5日"), nor a decimal point.
    bare_day_lead = rf"(?:^|(?<=[\u4e00-\u9fff ,，、()\n】〕。；;：！!？?]))(?<![{''.join(lexicon.bare_day_not_after)}])"
    no_count_before = r"(?<![\d一二三四五六七八九十两〇零廿卅半多数几年每])"
    small_day_follower = alternatives(lexicon.small_day_followed_by)
    relhead = rf"(?P<relhead>{alternatives(bracketed_day_heads(lexicon))})"
    weekshift = rf"(?P<weekshift>{alternatives(lexicon.week_shifts)})"
    weekday = rf"(?P<weekday>{alternatives(lexicon.weekdays)})"
    # What a line must hold for each pattern to match in it: 年, 月, 日 or 号, and the first
    # characters of the words a pattern requires.
    day_marks = "日号"
    relative_year, relative_month, relative_day, joiner, era_word, week_word, offset_unit, offset_direction = (
        first_characters(words)
        for words in (
            lexicon.relative_years,
            lexicon.relative_months,
            lexicon.relative_days,
            lexicon.range_joiners,
            lexicon.era_offsets,
            lexicon.week_words,
            lexicon.offset_units,
            lexicon.offset_directions,
        )
    )
    bare_year_part = first_characters(lexicon.bare_year_parts)
    short_year = (
        r"(?P<short_year>(?<![\d.])\d{2}(?![\d.])"
        r"|(?<![〇○零一二三四五六七八九十两])[〇○零一二三四五六七八九]{2}(?![〇○零一二三四五六七八九十]))"
    )
    year_prefix = rf"(?:{YEAR}{SPACE}年{SPACE}|{short_year}{SPACE}年{SPACE}|{relyear}{SPACE})"
    # Two digits and 年 ahead: checked first, so the alternatives of a short year are tried
    # only where one can stand.
    short_ahead = rf"(?=(?:\d\d|[〇○零一二三四五六七八九]{{2}}){SPACE}年)"
    prefix_starts = YEAR_STARTS + re.escape(first_characters(lexicon.relative_years))
    span_edges = alternatives(lexicon.year_span_starts + lexicon.year_span_ends)
    # A line is scanned for a year span only when it holds a character every span word has
    # one of (季, 半): the words' first characters (上, 一, 第) are in nearly every line.
    span_marks = "季半"
    if any(not set(word) & set(span_marks) for word in lexicon.year_spans):
        raise ValueError(f"a year span word without any of {span_marks}")
    # What may follow a month and day written without 日: a clause break, a space, the end,
    # or a part of the day; never a digit, a magnitude or a counter ("1月3萬人").
    loose_end = r"(?=$|[\s,.;:!?、()\[\]「」『』“”\"，。；：！？（）]|[上下中晚早凌午傍深清])"
    holiday_words = [*lexicon.solar_holidays, *lexicon.weekday_holidays, *lexicon.lunar_holidays]
    holidays = alternatives(holiday_words)
    # A lunar date needs a sign that it is lunar (see resolve_lunar_date), written into the
    # regex with conditional groups: any day after 農曆 or a lunar month name (正月, 臘月,
    # 閏四月), else only a day written with 初 ("五月初五", "大年初十").
    numbered_month = r"十[一二]?|[一二三四五六七八九]|1[0-2]|0?[1-9]"
    lunar_month = rf"(?P<lunar_named>闰(?:{alternatives(lexicon.lunar_month_names)}|{numbered_month})|{alternatives(lexicon.lunar_month_names)})|{numbered_month}"
    first_days = r"初(?:十|[一二三四五六七八九]|\d)"
    any_lunar_day = rf"{first_days}|廿[一二三四五六七八九]?|二十[一二三四五六七八九]?|三十|十[一二三四五六七八九]?|[一二三四五六七八九]|[12]\d|30|0?[1-9]"
    lunar_day = rf"(?(marker_first)(?:{any_lunar_day})|(?(lunar_marker)(?:{any_lunar_day})|(?(lunar_named)(?:{any_lunar_day})|{first_days})))"
    # A lunar month alone ("農曆十月", "閏四月", "明年臘月"): a numbered month only after a lunar marker.
    named_lunar_month = rf"闰(?:{alternatives(lexicon.lunar_month_names)}|{numbered_month})|{alternatives(lexicon.lunar_month_names)}"
    any_lunar_month = rf"{named_lunar_month}|{numbered_month}"
    lunar_markers = alternatives(lexicon.lunar_markers)
    new_patterns: tuple[Pattern, ...] = (
        time_pattern(
            "year_span",
            rf"{year_prefix}?(?P<span>{alternatives(lexicon.year_spans)})(?P<span_edge>{span_edges})?",
            resolve_year_span,
            needs=(span_marks,),
            starts=prefix_starts + re.escape(first_characters(lexicon.year_spans)),
        ),
        time_pattern(
            "first_months",
            rf"{year_prefix}(?:{alternatives(lexicon.first_months_words)}){count}{SPACE}个?月",
            resolve_first_months,
            needs=("年", "月", first_characters(lexicon.first_months_words)),
            starts=prefix_starts,
        ),
        time_pattern(
            "relquarter",
            rf"(?P<relquarter>{alternatives(lexicon.relative_quarters)})",
            resolve_relative_quarter,
            needs=(first_characters(lexicon.relative_quarters), "季"),
        ),
        time_pattern(
            "short_ym",  # "15年3月2日", "91年5月": one regex for both, as a line is scanned once per pattern
            rf"{short_ahead}{short_year}{SPACE}年{SPACE}{MONTH}{SPACE}月(?:{SPACE}{DAY}{SPACE}{day_mark}|{month_part})",
            resolve_short_date,
            needs=("年", "月"),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "short_year",
            rf"{short_ahead}{short_year}{SPACE}年(?P<short_part>{alternatives(lexicon.year_parts)})?",
            resolve_short_year,
            needs=("年",),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "roc_year",
            rf"(?<![\d.])(?P<roc_year>1\d\d)(?![\d.]){SPACE}年度?(?:{SPACE}{MONTH}{SPACE}月(?:{SPACE}{DAY}{SPACE}{day_mark}|{month_part}))?",
            resolve_roc_year,
            needs=("年",),
            starts="1",
        ),
        time_pattern(
            "dot_md",
            r"(?<![\d.·])(?P<month>1[0-2]|0?[1-9])·(?P<day>3[01]|[12]\d|0?[1-9])(?![\d.·])",
            resolve_loose_month_day,
            needs=("·",),
            starts=r"\d",
        ),
        time_pattern(
            "dash_md",
            rf"(?<![\dA-Za-z./:第-])(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?![\dA-Za-z./:-]){loose_end}",
            resolve_loose_month_day,
            needs=("-",),
            starts="01",
        ),
        time_pattern(
            "compact_ymd",
            r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])(?![\d.,%元万亿])",
            resolve_iso,
            needs=("12",),
            starts="12",
        ),
        time_pattern(
            "spaced_ymd",
            r"(?<![\d.,])(?=(?:19|20)\d\d \d)(?P<year>(?:19|20)\d\d) (?P<month>1[0-2]|0?[1-9]) (?P<day>3[01]|[12]\d|0?[1-9])(?![\d.,])",
            resolve_iso,
            needs=(" ", "0123456789"),
            starts="12",
        ),
        time_pattern(
            "anchored_month",
            rf"(?P<anchored_month>{alternatives(lexicon.anchored_months)})(?:{SPACE}{DAY}{SPACE}{day_mark})?",
            resolve_anchored_month,
            needs=(first_characters(lexicon.anchored_months), "月"),
        ),
        time_pattern(
            "holiday",
            rf"{year_prefix}?(?P<holiday>{holidays})",
            resolve_holiday,
            needs=(first_characters(holiday_words), "".join(sorted({word[-1] for word in holiday_words}))),
            starts=prefix_starts + re.escape(first_characters(holiday_words)),
        ),
        time_pattern(
            "lunar_date",
            # the marker before the year ("農曆二〇一二年正月十五") or after it ("2012年農曆正月十五")
            rf"(?:(?P<marker_first>{alternatives(lexicon.lunar_markers)}){SPACE})?{year_prefix}?(?:(?P<lunar_marker>{alternatives(lexicon.lunar_markers)}){SPACE})?"
            rf"(?:(?P<new_year>{alternatives(lexicon.lunar_new_year_days)})|(?P<lunar_month>{lunar_month})月)(?P<lunar_day>{lunar_day})",
            resolve_lunar_date,
            # ... and one of the signs resolve_lunar_date needs to call a date lunar
            needs=("月" + first_characters(lexicon.lunar_new_year_days), "初闰" + first_characters([*lexicon.lunar_markers, *lexicon.lunar_month_names])),
            starts=prefix_starts
            + re.escape(first_characters([*lexicon.lunar_markers, *lexicon.lunar_new_year_days, *lexicon.lunar_month_names]))
            + "闰一二三四五六七八九十",
        ),
    )
    new_patterns += (
        time_pattern(
            "lunar_month",
            rf"(?:(?P<marker_first>{lunar_markers}){SPACE})?{year_prefix}?(?:(?P<lunar_marker>{lunar_markers}){SPACE})?"
            rf"(?P<lunar_month>(?(marker_first)(?:{any_lunar_month})|(?(lunar_marker)(?:{any_lunar_month})|(?:{named_lunar_month}))))月",
            resolve_lunar_month,
            needs=("月", "闰" + first_characters([*lexicon.lunar_markers, *lexicon.lunar_month_names])),
            starts=prefix_starts + re.escape(first_characters([*lexicon.lunar_markers, *lexicon.lunar_month_names])) + "闰",
        ),
    )
    return new_patterns + (
        time_pattern(
            "ymd",  # also the start of a range of days whose end carries the 日 ("2019年4月12-19日")
            rf"{YEAR}{SPACE}年{SPACE}{MONTH}{SPACE}月{SPACE}{DAY}(?:{SPACE}{day_mark}|(?={day_range_end}))",
            resolve_ymd,
            needs=("年", "月", day_marks),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "iso",  # "2018-12-12", "2019.9.6", and a clock run on ("2018-12-1209:03")
            r"(?<!\d)(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})(?:(?!\d)|(?=\d\d:\d\d))",
            resolve_iso,
            needs=("-/.",),
            starts=r"\d",
        ),
        # Year and month with a dot, as official résumés write their spans ("1999.08—2002.02",
        # "2008.03-2009"): only as a range, as alone "2008.03" is as often a decimal.
        time_pattern(
            "dotted_ym",
            rf"(?<![\d.])(?P<year>(?:19|20)\d\d)\.(?P<month>0[1-9]|1[0-2])(?={SPACE}{DOTTED_JOINER}{SPACE}(?:19|20)\d\d(?:\.(?:0[1-9]|1[0-2]))?(?![\d.]))",
            resolve_dotted,
            needs=(".", DOTTED_JOINER_CHARACTERS),
            starts="12",
        ),
        time_pattern(
            "dotted_ym_end",
            rf"(?:(?<=\d\.\d\d[{DOTTED_JOINER_CHARACTERS}])|(?<=\d\.\d\d——))(?P<year>(?:19|20)\d\d)(?:\.(?P<month>0[1-9]|1[0-2]))?(?![\d.])",
            resolve_dotted,
            needs=(".", DOTTED_JOINER_CHARACTERS),
            starts="12",
        ),
        time_pattern(
            "ym",
            rf"{YEAR}{SPACE}年{SPACE}{MONTH}{SPACE}月{month_part}",
            resolve_ym,
            needs=("年", "月"),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "era",
            rf"{era}{SPACE}(?P<era_year>\d{{2,3}}|[一二三四五六七八九十百]+){SPACE}年"
            rf"(?:{SPACE}{MONTH}{SPACE}月(?:{SPACE}{DAY}{SPACE}{day_mark})?)?",
            resolve_era,
            needs=(era_word, "年"),
        ),
        time_pattern(
            "relyear_md",
            rf"{relyear}{SPACE}{MONTH}{SPACE}月{SPACE}{DAY}{SPACE}{day_mark}",
            resolve_relative_year,
            needs=(relative_year, "月", day_marks),
        ),
        time_pattern(
            "relyear_m",
            rf"{relyear}{SPACE}{MONTH}{SPACE}月{month_part}",
            resolve_relative_year,
            needs=(relative_year, "月"),
        ),
        time_pattern(
            "relmonth_d",
            rf"{relmonth}{SPACE}{DAY}{SPACE}{day_mark}",
            resolve_relative_month,
            needs=(relative_month, day_marks),
        ),
        # With 日/號, or without when a break, a space or a part of the day follows ("1月3 雙方",
        # "四月十三，", "3月15上午") or it starts a range of days ("10月20-23日"); never before
        # a digit, a magnitude or a counter ("1月3萬人").
        time_pattern(
            "md",
            rf"{MONTH}{SPACE}月{SPACE}{DAY}(?:{SPACE}{day_mark}|{loose_end}|(?={day_range_end}))",
            resolve_month_day,
            needs=("月",),
            starts=MONTH_STARTS,
        ),
        time_pattern("year", rf"{YEAR}{SPACE}年{year_part}", resolve_year, needs=("年",), starts=YEAR_STARTS),
        time_pattern(
            "relrun",
            rf"(?P<relrun>{alternatives(lexicon.relative_runs)})",
            resolve_relative_run,
            needs=(first_characters(lexicon.relative_runs), "".join(sorted({word[-1] for word in lexicon.relative_runs}))),
        ),
        time_pattern("relyear", rf"{relyear}{year_part}", resolve_relative_year, needs=(relative_year,)),
        time_pattern("month", rf"{MONTH}{SPACE}月{month_part}", resolve_month, needs=("月",), starts=MONTH_STARTS),
        time_pattern("relmonth", rf"{relmonth}{month_part}", resolve_relative_month, needs=(relative_month,)),
        time_pattern("relday", relday, resolve_relative_day, needs=(relative_day,)),
        time_pattern(
            "bracketed_day",
            rf"{relhead}{SPACE}\({SPACE}(?P<day>\d{{1,2}}){SPACE}\){SPACE}[日天]",
            resolve_bracketed_day,
            needs=(first_characters(bracketed_day_heads(lexicon)), "(", "日天"),
        ),
        time_pattern(
            "offset",  # "兩日前", "3個月後", "一年半後", "半年後"
            rf"(?:{count}|(?P<lead_half>半)){SPACE}{unit}(?P<half>半)?{direction}",
            resolve_offset,
            needs=(offset_unit, offset_direction),
            starts=COUNT_STARTS + "半",
        ),
        # 未來5年, 過去的一年, 近30天 (a lead word), 17天內, 三年來 (an end word alone)
        time_pattern(
            "window",
            rf"(?:(?P<ahead>{alternatives(lexicon.window_ahead_leads)})|(?P<back>{alternatives(lexicon.window_back_leads)}))的?{SPACE}"
            rf"(?:{count}|(?P<lead_half>半)){SPACE}{unit}(?P<half>半)?(?P<end>{alternatives((*lexicon.window_ahead_ends, *lexicon.window_back_ends))})?",
            resolve_window,
            needs=(first_characters((*lexicon.window_ahead_leads, *lexicon.window_back_leads)), offset_unit),
        ),
        time_pattern(
            "window_end",
            rf"(?:{count}|(?P<lead_half>半)){SPACE}{unit}(?P<half>半)?"
            rf"(?P<end>{alternatives((*lexicon.window_ahead_ends, *lexicon.window_back_ends))})",
            resolve_window,
            needs=(offset_unit, first_characters((*lexicon.window_ahead_ends, *lexicon.window_back_ends))),
            starts=COUNT_STARTS + "半",
        ),
        time_pattern(
            "bare_year_part",
            rf"{no_count_before}(?:{alternatives(lexicon.bare_year_parts)})",
            resolve_bare_year_part,
            needs=(bare_year_part,),
            starts=re.escape(bare_year_part),
        ),
        time_pattern(
            "bare_day",
            rf"{bare_day_lead}(?P<day>3[01]|[12]\d|[1-9]){day_mark}",
            resolve_bare_day,
            needs=(day_marks,),
            starts="1-9",
        ),
        # Chinese-numeral days alone from the 10th on: below it "三日" is as often "three days".
        time_pattern(
            "bare_day",
            rf"{bare_day_lead}{no_count_before}(?P<day>{CHINESE_DAY_FROM_TENTH})日",
            resolve_bare_day,
            needs=("日",),
            starts=CHINESE_DAY_FROM_TENTH_STARTS,
        ),
        # Below the 10th only with a part of the day or an event word after it ("四日飛抵", "五日上午").
        time_pattern(
            "small_day",
            rf"{bare_day_lead}{no_count_before}(?P<day>[一二三四五六七八九])日(?={small_day_follower})",
            resolve_small_day,
            needs=("日",),
            starts="一二三四五六七八九",
        ),
        time_pattern(
            "weekday",
            rf"{weekshift}?(?:{alternatives(lexicon.week_words)}){{1,2}}{weekday}",  # "下週五", "下週週五"
            resolve_weekday,
            needs=(week_word,),
            starts=re.escape(first_characters(lexicon.week_shifts) + week_word),
        ),
        time_pattern(
            "week_span",
            rf"{weekshift}(?:{alternatives(lexicon.week_words)})"
            rf"(?!{alternatives(lexicon.weekdays)}|{alternatives(lexicon.week_words)}|{alternatives(lexicon.week_span_not_followed_by)})",
            resolve_week_span,
            needs=(first_characters(lexicon.week_shifts), week_word),
            starts=re.escape(first_characters(lexicon.week_shifts)),
        ),
        time_pattern(
            "anchored_day",
            rf"(?P<anchored_day>{alternatives(lexicon.anchored_days)})",
            resolve_anchored,
            needs=(first_characters(lexicon.anchored_days),),
        ),
        time_pattern(
            "anchored_year",
            rf"(?P<anchored_year>{alternatives(lexicon.anchored_years)})",
            resolve_anchored_year,
            needs=(first_characters(lexicon.anchored_years),),
        ),
        time_pattern("bracket_year", r"\((?P<year>\d{4})\)", resolve_bracket_year, needs=("(", ")")),
        # The start of a range whose end carries the 年 or 月 ("2018至2019年", "二〇二四至二〇二六年",
        # "1985到89年9月": a two-digit end only with its month, as short_ym reads it), or "今年1至9月".
        time_pattern(
            "year_range_start",
            rf"{YEAR}(?={SPACE}(?:{joiners}){SPACE}(?:\d{{4}}|[{CHINESE_YEAR_DIGITS}]{{4}}|(?:\d\d|[{CHINESE_YEAR_DIGITS}]{{2}})(?={SPACE}年{SPACE}{MONTH}{SPACE}月)){SPACE}年)",
            resolve_bracket_year,
            needs=("年", joiner),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "ym_range_start",
            rf"{YEAR}{SPACE}年{SPACE}{MONTH}(?={month_range_end})",
            resolve_ym,
            needs=("年", "月", joiner),
            starts=YEAR_STARTS,
        ),
        time_pattern(
            "relyear_m_range_start",
            rf"{relyear}{SPACE}{MONTH}(?={month_range_end})",
            resolve_relative_year,
            needs=(relative_year, "月", joiner),
        ),
        time_pattern(
            "month_range_start",
            rf"{MONTH}(?={month_range_end})",
            resolve_month,
            needs=("月", joiner),
            starts=MONTH_STARTS,
        ),
        # The end of a range of days whose end alone carries the 日 ("2019年4月12-19日",
        # "10月20-23日"; the start is read by ymd or md): a day right after a digit and a joiner.
        time_pattern(
            "bare_day",
            r"(?<=\d[-~～—–])(?P<day>3[01]|[12]\d|[1-9])[日号]",
            resolve_bare_day,
            needs=("-~～—–", day_marks),
            starts="1-9",
        ),
        # ... and a Chinese-numeral day with 號 right after a day and 到 or 至 ("12月九號到十五號"),
        # where it can only be the end of the range: alone "十五號" is as often a number.
        time_pattern(
            "bare_day",
            rf"(?<=[日号][至到])(?P<day>{CHINESE_DAY_FROM_TENTH}|[一二三四五六七八九])号",
            resolve_bare_day,
            needs=("至到", "号"),
            starts=CHINESE_DAY_FROM_TENTH_STARTS + "一四五六七八九",
        ),
    )
