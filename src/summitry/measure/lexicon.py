"""The measure stage's knowledge, read once from data/*.yaml and folded for matching.

The YAML files may spell words in either script; every word is folded here with the same
function that builds the text view, so a word written once matches both scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import opencc

from summitry import cache as disk_cache
from summitry import text as text_module
from summitry.errors import DataFileError
from summitry.text import fold, longest_first


class InvalidLexicon(DataFileError, ValueError):
    """A measure data file that breaks its own rules (unknown code, empty list, ...)."""


    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__(f"{name}: " + "; ".join(problems))
        self.name = name
        self.problems = problems


@dataclass(frozen=True)
class CounterWord:
    """A measure word after a number, the unit it counts, and the nouns it needs."""

    word: str
    unit: str
    nouns: tuple[str, ...] = ()
    min_chinese: int = 0
    not_followed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitLexicon:
    currencies: dict[str, str]  # folded word -> ISO 4217
    currency_symbols: dict[str, str]
    currency_not_followed_by: dict[str, tuple[str, ...]]
    local_currency_words: tuple[str, ...]
    local_currencies: tuple[str, ...]
    range_joiners: tuple[str, ...]
    counters: tuple[CounterWord, ...]
    percent_signs: tuple[str, ...]
    percent_words_before: tuple[str, ...]
    tenths: tuple[str, ...]
    tenths_not_followed_by: tuple[str, ...]
    percent_points: tuple[str, ...]
    gdp_words: tuple[str, ...]
    defence_spending_words: tuple[str, ...]
    share_words: tuple[str, ...]
    gdp_share_breakers: tuple[str, ...]
    approx_before: tuple[str, ...]
    approx_joiners: tuple[str, ...]
    approx_adverb_reach: int
    approx_false_friends: tuple[str, ...]
    approx_after: tuple[str, ...]
    qualifiers_before: dict[str, str]  # word -> qualifier
    qualifiers_between: dict[str, str]
    qualifiers_after: dict[str, str]
    per_before: dict[str, str]  # word -> period
    per_after: dict[str, str]
    per_reach: int
    vague_before: frozenset[str]
    units_named_before: dict[str, str]  # noun -> unit
    traded_goods_nouns: tuple[str, ...]
    money_nouns_after: tuple[str, ...]
    money_cues_before: tuple[str, ...]
    count_words_after: tuple[str, ...]
    money_cue_reach: int
    currency_when_mentioned: dict[str, str]
    currency_otherwise: str
    subunits: dict[str, float]  # word after 元 -> share of a 元
    subunit_not_followed_by: tuple[str, ...]
    inclusive_marks: tuple[str, ...]
    inclusive_qualifiers: dict[str, str]


@dataclass(frozen=True)
class TimeLexicon:
    relative_years: dict[str, int]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    relative_false_starts: frozenset[str]
    relative_false_start_breaks: tuple[str, ...]
    anchored_days: dict[str, int]
    anchored_years: dict[str, int]
    anchored_false_starts: frozenset[str]
    anchored_not_followed_by: tuple[str, ...]
    week_words: tuple[str, ...]
    weekdays: dict[str, int]
    week_shifts: dict[str, int]
    event_anchors: tuple[str, ...]
    year_parts: tuple[str, ...]
    month_parts: tuple[str, ...]
    bare_year_parts: tuple[str, ...]
    relation_after: dict[str, str]
    relation_not_followed_by: dict[str, tuple[str, ...]]
    relation_before: dict[str, str]
    range_joiners: tuple[str, ...]
    day_list_joiners: tuple[str, ...]
    clock_day_parts: tuple[str, ...]
    since_words_nearby: tuple[str, ...]
    since_reach: int
    offset_units: dict[str, str]
    offset_directions: dict[str, int]
    offset_units_chinese_only: tuple[str, ...]
    window_ahead_leads: tuple[str, ...]
    week_span_not_followed_by: tuple[str, ...]
    window_back_leads: tuple[str, ...]
    window_ahead_ends: tuple[str, ...]
    window_back_ends: tuple[str, ...]
    window_not_after: tuple[str, ...]
    max_year_offset: int
    bare_day_not_after: tuple[str, ...]
    bare_day_not_followed_by: tuple[str, ...]
    small_day_followed_by: tuple[str, ...]
    small_day_not_after: tuple[str, ...]
    future_markers: tuple[str, ...]
    future_after: tuple[str, ...]
    since_before: tuple[str, ...]
    bare_day_ahead: int
    year_not_followed_by: tuple[str, ...]
    era_offsets: dict[str, int]
    dateline_endings: tuple[str, ...]
    dateline_reach: int
    anchored_months: dict[str, int]
    anchored_fall_back_to_document: frozenset[str]
    year_spans: dict[str, tuple[int, int]]  # folded word -> (first month, last month)
    year_span_starts: tuple[str, ...]
    year_spans_need_a_year: frozenset[str]
    year_span_ends: tuple[str, ...]
    first_months_words: tuple[str, ...]
    relative_quarters: dict[str, int]
    short_year_after: tuple[str, ...]
    short_year_not_followed_by: tuple[str, ...]
    roc_context: tuple[str, ...]
    roc_reach: int
    roc_not_followed_by: tuple[str, ...]
    solar_holidays: dict[str, tuple[int, int]]
    weekday_holidays: dict[str, tuple[int, int, int]]
    lunar_holidays: dict[str, tuple[int, int, int]]
    lunar_markers: tuple[str, ...]
    lunar_month_names: dict[str, int]
    lunar_new_year_days: tuple[str, ...]
    lunar_month_false_starts: frozenset[str]
    month_part_days: dict[str, tuple[int, int]]
    relative_runs: dict[str, tuple[str, int, int]]  # folded word -> (year or day, first, last)
    year_month_joiners: tuple[str, ...] = ()  # 一年前的11月: a year and a month joined as one time


def read_data(name: str) -> dict[str, Any]:
    """The mapping of one data file shipped with the package, checked against its schema. The
    loader and the schemas (YAML, pydantic) are imported here, when a lexicon is built: a
    process that finds its lexicons in the disk cache never needs them (issue 13)."""
    from summitry.data import load_data
    from summitry.measure.schemas import SCHEMAS

    data: dict[str, Any] = load_data("measure", name, SCHEMAS[name])
    return data



def folded_map(mapping: dict[str, Any]) -> dict[str, Any]:
    """A word-keyed mapping with folded keys, longest key first."""
    folded = {fold(str(word)): value for word, value in mapping.items()}
    return dict(sorted(folded.items(), key=lambda item: (-len(item[0]), item[0])))


# Pickled for the disk cache by their constructors, so the compiled build reads them too.
disk_cache.picklable_by_fields(CounterWord, UnitLexicon, TimeLexicon)
_HERE = Path(__file__).resolve().parent
DATA = _HERE / "data"
# The code a lexicon is built with besides this module: its schemas, the data loader, folding.
_BUILDING_CODE = (str(_HERE / "schemas.py"), str(_HERE.parent / "data.py"), text_module.__file__)


def _key() -> str:
    """What the lexicons are built from: the data files, this module, the schemas, the loader
    and the folding (with OpenCC's version)."""
    return disk_cache.stage_key(__file__, DATA, *_BUILDING_CODE, labels=(opencc.__version__,))


@cache
def unit_lexicon() -> UnitLexicon:
    """units.yaml, validated and folded; once per process, from the disk cache (summitry.cache)
    when nothing it is built from changed: validating units.yaml (pycountry's currency codes
    among it) took a tenth of a one-file extract's start (issue 13)."""
    return disk_cache.built("unit-lexicon", _key(), _build_unit_lexicon, UnitLexicon)


def _build_unit_lexicon() -> UnitLexicon:
    """units.yaml, validated and folded."""
    raw = read_data("units.yaml")
    problems = unit_problems(raw)
    if problems:
        raise InvalidLexicon("units.yaml", problems)
    qualifiers = raw["qualifiers"]
    per = raw["per"]
    return UnitLexicon(
        currencies=folded_map({word: code for code, words in raw["currencies"].items() for word in words}),
        currency_symbols=folded_map(raw["currency_symbols"]),
        currency_not_followed_by={
            fold(word): longest_first(after) for word, after in raw["currency_not_followed_by"].items()
        },
        local_currency_words=longest_first(raw["local_currency_words"]),
        local_currencies=tuple(raw["local_currencies"]),
        range_joiners=longest_first(raw["range_joiners"]),
        counters=tuple(
            CounterWord(
                word=fold(entry["word"]),
                unit=entry["unit"],
                nouns=longest_first(entry.get("nouns", ())),
                min_chinese=int(entry.get("min_chinese", 0)),
                not_followed_by=longest_first(entry.get("not_followed_by", ())),
            )
            for entry in sorted(raw["counters"], key=lambda entry: -len(entry["word"]))
        ),
        percent_signs=longest_first(raw["percent"]["signs"]),
        percent_words_before=longest_first(raw["percent"]["words_before"]),
        tenths=longest_first(raw["percent"]["tenths"]),
        tenths_not_followed_by=longest_first(raw["percent"]["tenths_not_followed_by"]),
        percent_points=longest_first(raw["percent"]["points"]),
        gdp_words=longest_first(raw["gdp_words"]),
        defence_spending_words=longest_first(raw["defence_spending_words"]),
        share_words=longest_first(raw["share_words"]),
        gdp_share_breakers=longest_first(raw["gdp_share_breakers"]),
        approx_before=longest_first(raw["approx_before"]),
        approx_joiners=longest_first(raw["approx_joiners"]),
        approx_adverb_reach=int(raw["approx_adverb_reach"]),
        approx_false_friends=longest_first(raw["approx_false_friends"]),
        approx_after=longest_first(raw["approx_after"]),
        qualifiers_before=_words_by_kind(qualifiers, "before"),
        qualifiers_between=_words_by_kind(qualifiers, "between"),
        qualifiers_after=_words_by_kind(qualifiers, "after"),
        per_before=_words_by_kind(per, "before"),
        per_after=_words_by_kind(per, "after"),
        per_reach=int(raw["per_reach"]),
        vague_before=frozenset(fold(word) for word in raw["vague_before"]),
        units_named_before=folded_map(raw["units_named_before"]),
        traded_goods_nouns=longest_first(raw["traded_goods_nouns"]),
        money_nouns_after=longest_first(raw["money_nouns_after"]),
        money_cues_before=longest_first(raw["money_cues_before"]),
        count_words_after=longest_first(raw["count_words_after"]),
        money_cue_reach=int(raw["money_cue_reach"]),
        currency_when_mentioned=folded_map(raw["default_currency"]["when_mentioned"]),
        currency_otherwise=raw["default_currency"]["otherwise"],
        subunits=folded_map(raw["subunits"]),
        subunit_not_followed_by=longest_first(raw["subunit_not_followed_by"]),
        inclusive_marks=longest_first(raw["inclusive_marks"]),
        inclusive_qualifiers=dict(raw["inclusive_qualifiers"]),
    )


def _words_by_kind(groups: dict[str, dict[str, list[str]]], position: str) -> dict[str, str]:
    """Invert {kind: {position: [words]}} to {folded word: kind} for one position."""
    return folded_map({word: kind for kind, where in groups.items() for word in where.get(position) or ()})


@cache
def time_lexicon() -> TimeLexicon:
    """times.yaml, validated and folded; once per process, from the disk cache when nothing it
    is built from changed (see unit_lexicon)."""
    return disk_cache.built("time-lexicon", _key(), _build_time_lexicon, TimeLexicon)


def _build_time_lexicon() -> TimeLexicon:
    """times.yaml, validated and folded; read once per process."""
    raw = read_data("times.yaml")
    problems = time_problems(raw)
    if problems:
        raise InvalidLexicon("times.yaml", problems)
    return TimeLexicon(
        relative_years=folded_map(raw["relative_years"]),
        relative_months=folded_map(raw["relative_months"]),
        relative_days=folded_map(raw["relative_days"]),
        relative_false_starts=frozenset(fold(word) for word in raw["relative_false_starts"]),
        relative_false_start_breaks=longest_first(raw["relative_false_start_breaks"]),
        anchored_days=folded_map(raw["anchored_days"]),
        anchored_years=folded_map(raw["anchored_years"]),
        anchored_false_starts=frozenset(fold(word) for word in raw["anchored_false_starts"]),
        anchored_not_followed_by=longest_first(raw["anchored_not_followed_by"]),
        week_words=longest_first(raw["week_words"]),
        weekdays=folded_map(raw["weekdays"]),
        week_shifts=folded_map(raw["week_shifts"]),
        event_anchors=longest_first(raw["event_anchors"]),
        year_parts=longest_first(raw["year_parts"]),
        month_parts=longest_first(raw["month_parts"]),
        bare_year_parts=longest_first(raw["bare_year_parts"]),
        relation_after=folded_map(raw["relation_after"]),
        relation_not_followed_by={
            fold(word): longest_first(after) for word, after in raw["relation_not_followed_by"].items()
        },
        relation_before=folded_map(raw["relation_before"]),
        range_joiners=longest_first(raw["range_joiners"]),
        day_list_joiners=longest_first(raw["day_list_joiners"]),
        clock_day_parts=longest_first(raw["clock_day_parts"]),
        since_words_nearby=longest_first(raw["since_words_nearby"]),
        since_reach=int(raw["since_reach"]),
        offset_units=folded_map(raw["offset_units"]),
        offset_directions=folded_map(raw["offset_directions"]),
        offset_units_chinese_only=longest_first(raw["offset_units_chinese_only"]),
        window_ahead_leads=longest_first(raw["window_ahead_leads"]),
        week_span_not_followed_by=longest_first(raw["week_span_not_followed_by"]),
        window_back_leads=longest_first(raw["window_back_leads"]),
        window_ahead_ends=longest_first(raw["window_ahead_ends"]),
        window_back_ends=longest_first(raw["window_back_ends"]),
        window_not_after=longest_first(raw["window_not_after"]),
        max_year_offset=int(raw["max_year_offset"]),
        bare_day_not_after=longest_first(raw["bare_day_not_after"]),
        bare_day_not_followed_by=longest_first(raw["bare_day_not_followed_by"]),
        small_day_followed_by=longest_first(raw["small_day_followed_by"]),
        small_day_not_after=longest_first(raw["small_day_not_after"]),
        future_markers=longest_first(raw["future_markers"]),
        future_after=longest_first(raw.get("future_after")),
        since_before=longest_first(raw.get("since_before")),
        bare_day_ahead=int(raw["bare_day_ahead"]),
        year_not_followed_by=longest_first(raw["year_not_followed_by"]),
        era_offsets=folded_map(raw["era_offsets"]),
        dateline_endings=longest_first(raw["dateline"]["endings"]),
        dateline_reach=int(raw["dateline"]["reach"]),
        anchored_months=folded_map(raw["anchored_months"]),
        anchored_fall_back_to_document=frozenset(fold(word) for word in raw["anchored_fall_back_to_document"]),
        year_spans={word: (int(span[0]), int(span[1])) for word, span in folded_map(raw["year_spans"]).items()},
        year_span_starts=longest_first(raw["year_span_starts"]),
        year_spans_need_a_year=frozenset(fold(word) for word in raw["year_spans_need_a_year"]),
        year_span_ends=longest_first(raw["year_span_ends"]),
        first_months_words=longest_first(raw["first_months_words"]),
        relative_quarters=folded_map(raw["relative_quarters"]),
        short_year_after=longest_first(raw["short_year_after"]),
        short_year_not_followed_by=longest_first(raw["short_year_not_followed_by"]),
        roc_context=longest_first(raw["roc_context"]),
        roc_reach=int(raw["roc_reach"]),
        roc_not_followed_by=longest_first(raw["roc_not_followed_by"]),
        solar_holidays={word: (int(day[0]), int(day[1])) for word, day in folded_map(raw["solar_holidays"]).items()},
        weekday_holidays={word: (int(day[0]), int(day[1]), int(day[2])) for word, day in folded_map(raw["weekday_holidays"]).items()},
        lunar_holidays={word: (int(day[0]), int(day[1]), int(day[2])) for word, day in folded_map(raw["lunar_holidays"]).items()},
        lunar_markers=longest_first(raw["lunar_markers"]),
        lunar_month_names=folded_map(raw["lunar_month_names"]),
        lunar_new_year_days=longest_first(raw["lunar_new_year_days"]),
        lunar_month_false_starts=frozenset(fold(word) for word in raw["lunar_month_false_starts"]),
        relative_runs={word: (str(run[0]), int(run[1]), int(run[2])) for word, run in folded_map(raw["relative_runs"]).items()},
        month_part_days={word: (int(days[0]), int(days[1])) for word, days in folded_map(raw["month_part_days"]).items()},
        year_month_joiners=longest_first(raw.get("year_month_joiners")),
    )


UNIT_NAME_CHARACTERS = set("abcdefghijklmnopqrstuvwxyz_")
RELATIONS = {"before", "by", "after", "since"}
PERIODS = {"year", "month", "week", "day"}
QUALIFIERS = {"more_than", "at_least", "up_to", "less_than"}


def unit_problems(raw: dict[str, Any]) -> list[str]:
    """Everything wrong with a units.yaml mapping; empty when it is sound."""
    import pycountry  # here: the ISO tables are the validator's, not the stage's

    problems: list[str] = []
    for code, words in raw["currencies"].items():
        if pycountry.currencies.get(alpha_3=code) is None:
            problems.append(f"{code} is not an ISO 4217 code")
        if not words:
            problems.append(f"{code} has no words")
    for symbol, code in raw["currency_symbols"].items():
        if code not in raw["currencies"]:
            problems.append(f"symbol {symbol} names {code}, which has no words")
    seen_currency_words: set[str] = set()
    for words in raw["currencies"].values():
        for word in words:
            if fold(word) in seen_currency_words:
                problems.append(f"currency word {word} is listed twice (the loader folds scripts)")
            seen_currency_words.add(fold(word))
    seen_counters: set[tuple[str, tuple[str, ...]]] = set()
    for entry in raw["counters"]:
        unit = str(entry.get("unit", ""))
        if not unit or not set(unit) <= UNIT_NAME_CHARACTERS:
            problems.append(f"counter {entry.get('word')} has unit {unit!r}: want a lower-case noun")
        key = (fold(entry["word"]), tuple(sorted(fold(noun) for noun in entry.get("nouns", ()))))
        if key in seen_counters:
            problems.append(f"counter {entry['word']} is listed twice with the same nouns")
        seen_counters.add(key)
    for kind in raw["qualifiers"]:
        if kind not in QUALIFIERS:
            problems.append(f"unknown qualifier {kind}")
    for kind, inclusive in raw["inclusive_qualifiers"].items():
        if kind not in QUALIFIERS or inclusive not in QUALIFIERS:
            problems.append(f"inclusive_qualifiers {kind}: {inclusive} names an unknown qualifier")
    for word, share in raw["subunits"].items():
        if not 0 < share < 1:
            problems.append(f"subunit {word} must be a share of one unit, not {share!r}")
    for period in raw["per"]:
        if period not in PERIODS:
            problems.append(f"unknown period {period}")
    for code in raw["local_currencies"]:
        if code not in raw["currencies"] and pycountry.currencies.get(alpha_3=code) is None:
            problems.append(f"local currency {code} is not an ISO 4217 code")
    for word in raw["local_currency_words"]:
        if not any(word in words for words in raw["currencies"].values()):
            problems.append(f"local currency word {word} is not a currency word")
    for code in raw["default_currency"]["when_mentioned"].values():
        if code not in raw["currencies"]:
            problems.append(f"default currency {code} has no words")
    if raw["default_currency"]["otherwise"] not in raw["currencies"]:
        problems.append("default_currency.otherwise has no words")
    for name in ("approx_before", "approx_after", "gdp_words", "money_nouns_after", "money_cues_before"):
        if not raw.get(name):
            problems.append(f"{name} is empty")
    return problems


def time_problems(raw: dict[str, Any]) -> list[str]:
    """Everything wrong with a times.yaml mapping; empty when it is sound."""
    problems: list[str] = []
    for word, weekday in raw["weekdays"].items():
        if weekday not in range(1, 8):
            problems.append(f"weekday {word} must be 1 (Monday) to 7 (Sunday)")
    shift_groups = ("relative_years", "relative_months", "relative_days", "anchored_days", "anchored_years", "week_shifts")
    for word in raw["bare_day_not_after"]:
        if len(word) != 1:
            problems.append(f"bare_day_not_after {word} must be one character")
    for group in shift_groups:
        for word, shift in raw[group].items():
            if not isinstance(shift, int):
                problems.append(f"{group}.{word} must be a whole number, not {shift!r}")
    for name in ("relative_false_starts", "anchored_false_starts"):
        for word in raw[name]:
            if len(word) != 2:
                problems.append(f"{name} {word} must be two characters")
    for group in ("relation_after", "relation_before"):
        for word, relation in raw[group].items():
            if relation not in RELATIONS:
                problems.append(f"{group}.{word} names unknown relation {relation!r}")
    for word, period in raw["offset_units"].items():
        if period not in PERIODS | {"quarter"}:
            problems.append(f"offset unit {word} names unknown period {period!r}")
    for word, direction in raw["offset_directions"].items():
        if direction not in (-1, 1):
            problems.append(f"offset direction {word} must be -1 or 1")
    for word in raw["offset_units_chinese_only"]:
        if word not in raw["offset_units"]:
            problems.append(f"{word} is Chinese-only but not an offset unit")
    for word, (first, last) in raw["year_spans"].items():
        if not 1 <= first <= last <= 12:
            problems.append(f"year span {word} must run from one month to a later one, not {first}..{last}")
    for word, run in raw["relative_runs"].items():
        if len(run) != 3 or run[0] not in ("year", "day") or not isinstance(run[1], int) or not isinstance(run[2], int) or run[1] >= run[2]:
            problems.append(f"relative run {word} must be [year or day, first, a later last], not {run!r}")
    for word, days in raw["month_part_days"].items():
        if len(days) != 2 or not 1 <= days[0] <= days[1] <= 31 or word not in raw["month_parts"] or not word.endswith("旬"):
            problems.append(f"month part {word} must be a month part ending in 旬 with [first day, last day], not {days!r}")
    for group in ("solar_holidays", "lunar_holidays"):
        for word, day in raw[group].items():
            if not (1 <= day[0] <= 12 and 1 <= day[1] <= 31):
                problems.append(f"{group}.{word} names no day of the year: {day!r}")
    for word, (month, nth, weekday) in raw["weekday_holidays"].items():
        if not (1 <= month <= 12 and 1 <= nth <= 5 and 1 <= weekday <= 7):
            problems.append(f"weekday_holidays.{word} must be [month, 1..5, weekday 1..7]")
    for word, month in raw["lunar_month_names"].items():
        if month not in range(1, 13):
            problems.append(f"lunar month {word} must be 1 to 12")
    for word in raw["year_spans_need_a_year"]:
        if word not in raw["year_spans"]:
            problems.append(f"{word} needs a year but is no year span")
    for word in raw["anchored_fall_back_to_document"]:
        if word not in raw["anchored_months"] and word not in raw["anchored_years"]:
            problems.append(f"{word} falls back to the document but is no anchored month or year")
    if not raw["dateline"]["endings"]:
        problems.append("dateline.endings must name at least one word")
    if not isinstance(raw["dateline"]["reach"], int) or raw["dateline"]["reach"] < 1:
        problems.append("dateline.reach must be a positive whole number of characters")
    return problems
