"""The schemas of the measure stage's data files (data/units.yaml, data/times.yaml), for
``summitry.data.load_data``: every key known, every value of its kind, so a misspelled key fails
loudly; what the values mean is checked by the lexicon's own validation."""

from __future__ import annotations

from summitry.data import DataModel


class Counter(DataModel):
    word: str
    unit: str
    nouns: list[str] = []
    not_followed_by: list[str] = []
    min_chinese: int | None = None


class Percent(DataModel):
    signs: list[str]
    words_before: list[str]
    tenths: list[str]
    tenths_not_followed_by: list[str]
    points: list[str]


class Around(DataModel):
    """Words before or after an amount (and, for qualifiers, between its digits and unit)."""

    before: list[str] = []
    after: list[str] = []
    between: list[str] = []


class DefaultCurrency(DataModel):
    when_mentioned: dict[str, str]
    otherwise: str


class UnitsData(DataModel):
    """units.yaml: currencies, counters, percent forms, qualifiers and periods."""

    currencies: dict[str, list[str]]
    currency_symbols: dict[str, str]
    local_currency_words: list[str]
    local_currencies: list[str]
    currency_not_followed_by: dict[str, list[str]]
    subunits: dict[str, float]
    subunit_not_followed_by: list[str]
    inclusive_marks: list[str]
    counters: list[Counter]
    percent: Percent
    gdp_words: list[str]
    defence_spending_words: list[str]
    share_words: list[str]
    gdp_share_breakers: list[str]
    range_joiners: list[str]
    approx_before: list[str]
    approx_joiners: list[str]
    approx_adverb_reach: int
    approx_false_friends: list[str]
    approx_after: list[str]
    qualifiers: dict[str, Around]
    inclusive_qualifiers: dict[str, str]
    per: dict[str, Around]
    per_reach: int
    vague_before: list[str]
    units_named_before: dict[str, str]
    money_nouns_after: list[str]
    money_cues_before: list[str]
    money_cue_reach: int
    count_words_after: list[str]
    traded_goods_nouns: list[str]
    default_currency: DefaultCurrency


class Dateline(DataModel):
    endings: list[str]
    reach: int


class TimesData(DataModel):
    """times.yaml: relative and anchored dates, weeks, relations, offsets and datelines."""

    relative_years: dict[str, int]
    relative_false_starts: list[str]
    relative_false_start_breaks: list[str]
    relative_months: dict[str, int]
    relative_days: dict[str, int]
    relative_runs: dict[str, list[str | int]]
    anchored_days: dict[str, int]
    anchored_years: dict[str, int]
    anchored_months: dict[str, int]
    anchored_fall_back_to_document: list[str]
    anchored_false_starts: list[str]
    anchored_not_followed_by: list[str]
    week_words: list[str]
    weekdays: dict[str, int]
    week_shifts: dict[str, int]
    year_parts: list[str]
    year_spans: dict[str, list[int]]
    year_spans_need_a_year: list[str]
    year_span_starts: list[str]
    year_span_ends: list[str]
    first_months_words: list[str]
    relative_quarters: dict[str, int]
    short_year_after: list[str]
    short_year_not_followed_by: list[str]
    roc_context: list[str]
    roc_reach: int
    roc_not_followed_by: list[str]
    solar_holidays: dict[str, list[int]]
    weekday_holidays: dict[str, list[int]]
    lunar_holidays: dict[str, list[int]]
    lunar_markers: list[str]
    lunar_month_names: dict[str, int]
    lunar_new_year_days: list[str]
    lunar_month_false_starts: list[str]
    month_parts: list[str]
    month_part_days: dict[str, list[int]]
    bare_year_parts: list[str]
    relation_after: dict[str, str]
    relation_not_followed_by: dict[str, list[str]]
    relation_before: dict[str, str]
    range_joiners: list[str]
    day_list_joiners: list[str]
    clock_day_parts: list[str]
    since_words_nearby: list[str]
    since_reach: int
    event_anchors: list[str]
    max_year_offset: int
    offset_units: dict[str, str]
    offset_directions: dict[str, int]
    offset_units_chinese_only: list[str]
    window_ahead_leads: list[str]
    week_span_not_followed_by: list[str]
    window_back_leads: list[str]
    window_ahead_ends: list[str]
    window_back_ends: list[str]
    window_not_after: list[str]
    bare_day_not_after: list[str]
    bare_day_ahead: int
    bare_day_not_followed_by: list[str]
    small_day_followed_by: list[str]
    small_day_not_after: list[str]
    future_markers: list[str]
    future_after: list[str] = []
    since_before: list[str] = []
    year_not_followed_by: list[str]
    era_offsets: dict[str, int]
    dateline: Dateline
    year_month_joiners: list[str] = []


SCHEMAS: dict[str, type[DataModel]] = {"units.yaml": UnitsData, "times.yaml": TimesData}
