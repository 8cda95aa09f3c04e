"""Quantities an analyst records: money, percentages, shares of GDP and counted things.

A number becomes a quantity only when a unit of interest is written with it (a currency,
a percent sign, a counter such as 架/艘/名, a counted noun such as 就業機會), so years,
dates, ordinals, ages, scores and model numbers are never reported. Matching runs on
``view.folded``; every span is returned as ``view.original[start:end]``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter as Tally
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Mapping, NamedTuple

from summitry.measure.lexicon import CounterWord, UnitLexicon, unit_lexicon
from summitry.measure.numerals import FINANCIAL_DIGITS, Number, arabic_value, find_numbers, is_reportable, plain
from summitry.model import Quantity, Sentence, TextView

CLAUSE_BREAKS = frozenset("，。、；：,.;:!?！？「」『』()（）|\n《》“”\"")
SPACES = " \t\u3000\xa0"
NOUN_REACH = 6  # modifier characters allowed between a counter and its noun ("個美國就業機會")
NOUN_LOOKBACK = 15  # how far back in the clause a noun may name what a bare counter counts
IMPLICIT = "implicit-currency"  # money written without a currency ("3,500億投資")
LOCAL = "local-currency"  # money in 元, whose currency depends on who writes
BARE = "bare-amount"  # a 萬/億 amount with no unit: money only beside money in its sentence


class UnitReading(NamedTuple):
    """The unit found for a number, where its written form ends, and the value in that unit."""

    unit: str
    end: int
    value: Decimal


@dataclass(frozen=True)
class Reading:
    """A quantity while it is being read; ``unit`` may still be IMPLICIT, LOCAL or BARE."""

    start: int
    end: int
    value: Decimal
    unit: str
    approx: bool = False
    per: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None  # the bounds of a range or a vague amount; ``value`` is the low one
    high: Decimal | None = None


def extract_quantities(view: TextView) -> tuple[Quantity, ...]:
    """Every quantity in the document, in text order, with spans into the original."""
    lexicon = unit_lexicon()
    readings = read_all(view, lexicon)
    if not readings:  # most documents and most sentences hold no amount: the context steps are for those that do
        return ()
    layout = Layout(view)
    readings = keep_bare_amounts_beside_money(layout, readings, lexicon)
    readings = apply_gdp_context(view, layout, readings, lexicon)
    readings = resolve_currencies(view, layout, readings, lexicon)
    return tuple(
        Quantity(
            start=reading.start,
            end=reading.end,
            text=view.original[reading.start : reading.end],
            value=plain(reading.value),
            unit=reading.unit,
            approx=reading.approx,
            per=reading.per,
            qualifier=reading.qualifier,
            low=None if reading.low is None else plain(reading.low),
            high=None if reading.high is None else plain(reading.high),
        )
        for reading in readings
        if is_reportable(reading.value) and (reading.high is None or is_reportable(reading.high))  # a range start scaled by its end's 億 may outgrow a float
    )


def read_all(view: TextView, lexicon: UnitLexicon) -> list[Reading]:
    """One reading per number that carries a unit; a range ("3至5億美元", "1萬-5萬元") is one
    reading from its first number to its unit."""
    folded = view.folded
    numbers = find_numbers(folded, view.original)
    readings: list[Reading] = []
    for index, number in enumerate(numbers):
        floor = readings[-1].end if readings else 0
        if number.start < floor:
            continue
        reading = None
        if index + 1 < len(numbers):
            reading = read_range(folded, number, numbers[index + 1], floor, lexicon)
        if reading is None:
            reading = read_quantity(folded, number, floor, lexicon)
        if reading is not None:
            readings.append(reading)
    return readings


# --- the number itself ---------------------------------------------------------------


def is_embedded(folded: str, number: Number, lexicon: UnitLexicon) -> bool:
    """True when the digits belong to something else: a model number (F-35, 火星-18),
    an ordinal (第二), a code, or a vague amount (數十億, 上千)."""
    before = folded[number.start - 1] if number.start > 0 else ""
    embedded = (
        (before.isascii() and before.isalpha())
        or before in ("_", "第")
        or (before == "-" and number.start > 1 and not folded[number.start - 2].isdigit())
        or (number.chinese and before in lexicon.vague_before)
    )
    # ... unless a word of the quantity ends there (百分之九十, RMB500億, GDP5%): looked up last,
    # as few numbers get this far and every number asks.
    return embedded and not any(word_ending_at(folded, number.start, words) for words in written_before_number(lexicon))


def written_before_number(lexicon: UnitLexicon) -> tuple[tuple[str, ...] | dict[str, str], ...]:
    """Words that may stand right before a number and belong to its quantity."""
    return (lexicon.percent_words_before, lexicon.currency_symbols, lexicon.gdp_words)


# --- small text helpers ----------------------------------------------------------------


def word_at(folded: str, position: int, words: tuple[str, ...] | Mapping[str, object]) -> str | None:
    """The longest of ``words`` that starts at ``position`` (word lists are longest first)."""
    entry = _BY_FIRST.get(id(words))  # as words_by_edge, without a call: quantities look up words by the thousand
    grouped = entry[1] if entry is not None and entry[0] is words else words_by_edge(words, _BY_FIRST, 0)
    for word in grouped.get(folded[position : position + 1], ()):
        if folded.startswith(word, position):
            return word
    return None


def word_ending_at(folded: str, position: int, words: tuple[str, ...] | Mapping[str, object]) -> str | None:
    """The longest of ``words`` that ends at ``position``."""
    entry = _BY_LAST.get(id(words))
    grouped = entry[1] if entry is not None and entry[0] is words else words_by_edge(words, _BY_LAST, -1)
    for word in grouped.get(folded[position - 1 : position] if position > 0 else "", ()):
        if position >= len(word) and folded.endswith(word, 0, position):
            return word
    return None


# Word lists grouped by first and by last character, under the list's id (and checked by
# identity): the lexicon's lists live as long as the process, so each is grouped once.
_BY_FIRST: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}
_BY_LAST: dict[int, tuple[object, dict[str, tuple[str, ...]]]] = {}
_COUNTERS_BY_FIRST: dict[int, tuple[object, dict[str, tuple[CounterWord, ...]]]] = {}


def words_by_edge(
    words: tuple[str, ...] | Mapping[str, object], groups: dict[int, tuple[object, dict[str, tuple[str, ...]]]], edge: int
) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their character at ``edge`` (0 first, -1 last), each group in the
    list's own order, so only the words that can match at a position are tried."""
    entry = groups.get(id(words))
    if entry is not None and entry[0] is words:
        return entry[1]
    grouped: dict[str, list[str]] = {}
    for word in words:
        if word:  # the data files hold no empty word; one would only ever match as ""
            grouped.setdefault(word[edge], []).append(word)
    groups[id(words)] = (words, {character: tuple(group) for character, group in grouped.items()})
    return groups[id(words)][1]


def counters_by_first(counters: tuple[CounterWord, ...]) -> dict[str, tuple[CounterWord, ...]]:
    """The counters grouped by their word's first character, each group in the lexicon's order,
    so a number is tried only against the counters that can follow it."""
    entry = _COUNTERS_BY_FIRST.get(id(counters))
    if entry is not None and entry[0] is counters:
        return entry[1]
    grouped: dict[str, list[CounterWord]] = {}
    for counter in counters:
        if counter.word:
            grouped.setdefault(counter.word[0], []).append(counter)
    _COUNTERS_BY_FIRST[id(counters)] = (counters, {character: tuple(group) for character, group in grouped.items()})
    return _COUNTERS_BY_FIRST[id(counters)][1]


def skip_spaces(folded: str, position: int) -> int:
    while position < len(folded) and folded[position] in SPACES:
        position += 1
    return position


def skip_spaces_back(folded: str, position: int) -> int:
    while position > 0 and folded[position - 1] in SPACES:
        position -= 1
    return position


def clause_before(folded: str, position: int, reach: int) -> str:
    """Up to ``reach`` characters before ``position``, cut at the last clause break."""
    window = folded[max(0, position - reach) : position]
    for index in range(len(window) - 1, -1, -1):
        if window[index] in CLAUSE_BREAKS:
            return window[index + 1 :]
    return window


# --- units after the number -----------------------------------------------------------


def read_unit(folded: str, number: Number, lexicon: UnitLexicon) -> UnitReading | None:
    """The unit written after the number, tried from the least ambiguous sign to the most:
    percent, currency, counter, then a bare 萬/億 amount next to a money word."""
    position = skip_spaces(folded, number.end)
    return (
        read_percent(folded, number, position, lexicon)
        or read_currency(folded, position, number, lexicon)
        or read_counter(folded, number, position, lexicon)
        or (None if word_at(folded, position, lexicon.count_words_after) else read_money_left_implicit(folded, number, lexicon))
    )


def read_money_left_implicit(folded: str, number: Number, lexicon: UnitLexicon) -> UnitReading | None:
    """A 萬/億 amount with no unit, read as money by the words around it or its sentence; never
    one a measure word of counted things follows (新設外商投資企業2.4萬家: 24,000 firms)."""
    return read_implicit_money(folded, number, lexicon) or read_bare_amount(folded, number)


def read_percent(folded: str, number: Number, position: int, lexicon: UnitLexicon) -> UnitReading | None:
    """57%, 3個百分點, 兩成 (tenths: 一成 = 10 percent)."""
    sign = word_at(folded, position, lexicon.percent_signs)
    if sign:
        return UnitReading("percent", position + len(sign), number.value)
    points = word_at(folded, position, lexicon.percent_points)
    if points:
        return UnitReading("percentage_point", position + len(points), number.value)
    tenths = word_at(folded, number.end, lexicon.tenths)
    if tenths and number.value <= 10 and not number.magnitude:
        after = number.end + len(tenths)
        if folded.startswith("半", after):  # 兩成半 = 25 percent
            return UnitReading("percent", after + 1, number.value * 10 + 5)
        if not word_at(folded, after, lexicon.tenths_not_followed_by):
            return UnitReading("percent", after, number.value * 10)
    return None


def read_currency(folded: str, position: int, number: Number, lexicon: UnitLexicon) -> UnitReading | None:
    """5500億美元, 50 億日圓, 300億元; a currency word that starts a longer word (元首) is not one."""
    word = word_at(folded, position, lexicon.currencies)
    if word is None:
        return None
    after = position + len(word)
    if word_at(folded, after, lexicon.currency_not_followed_by.get(word, ())):
        return None
    unit = LOCAL if word in lexicon.local_currency_words else lexicon.currencies[word]
    return UnitReading(unit, after, number.value)


def read_counter(folded: str, number: Number, position: int, lexicon: UnitLexicon) -> UnitReading | None:
    """103 架, 3艘, 約50枚核彈頭, 6000 個美國就業機會: the first counter whose conditions hold."""
    # A lone Chinese "一" before a counter is the article "a", not a count an analyst records.
    if number.chinese and number.value == 1:
        return None
    for counter in counters_by_first(lexicon.counters).get(folded[position : position + 1], ()):
        if folded.startswith(counter.word, position):
            end = counter_end(folded, number, position, counter)
            if end is not None:
                return UnitReading(counter.unit, end, number.value)
    return None


def counter_end(folded: str, number: Number, position: int, counter: CounterWord) -> int | None:
    """Where a quantity with this counter ends (after its noun when the noun follows),
    or None when the counter's conditions fail."""
    after = position + len(counter.word)
    if word_at(folded, after, counter.not_followed_by):
        return None
    if number.chinese and number.value < counter.min_chinese:
        return None
    if not counter.nouns:
        return after
    noun_end = noun_after(folded, after, counter.nouns)
    if noun_end is not None:
        return noun_end
    if any(noun in clause_before(folded, number.start, NOUN_LOOKBACK) for noun in counter.nouns):
        return after
    return None


def noun_after(folded: str, position: int, nouns: tuple[str, ...]) -> int | None:
    """End of the first noun within a short modifier after ``position``, in the same clause."""
    for gap in range(NOUN_REACH + 1):
        start = position + gap
        if gap and (start > len(folded) or folded[start - 1] in CLAUSE_BREAKS or folded[start - 1].isdigit()):
            return None
        noun = word_at(folded, start, nouns)
        if noun:
            return start + len(noun)
    return None


def has_large_magnitude(folded: str, number: Number) -> bool:
    """True for amounts written with 萬/億/兆 (Arabic "362 億" or Chinese "三千五百億")."""
    written = number.magnitude or folded[number.start : number.end]
    return "万" in written or "亿" in written or "兆" in written


def read_implicit_money(folded: str, number: Number, lexicon: UnitLexicon) -> UnitReading | None:
    """3,500億投資 or 斥資 3,500 億: money in 萬/億/兆 whose currency the context must supply."""
    if not has_large_magnitude(folded, number):
        return None
    after = skip_spaces(folded, number.end)
    if folded.startswith("的", after):
        after = skip_spaces(folded, after + 1)
    if word_at(folded, after, lexicon.money_nouns_after):
        return UnitReading(IMPLICIT, number.end, number.value)
    before = skip_spaces_back(folded, number.start)
    modifier = word_ending_at(folded, before, lexicon.approx_before) or word_ending_at(
        folded, before, lexicon.qualifiers_before
    )
    before -= len(modifier or "")
    if any(cue in clause_before(folded, before, lexicon.money_cue_reach + 2) for cue in lexicon.money_cues_before):
        return UnitReading(IMPLICIT, number.end, number.value)
    return None


def read_bare_amount(folded: str, number: Number) -> UnitReading | None:
    """现金部分为2000亿: a 萬/億 amount whose unit only its sentence can tell."""
    if number.bare or not has_large_magnitude(folded, number):
        return None
    return UnitReading(BARE, number.end, number.value)


# --- units before the number ----------------------------------------------------------


def read_unit_before(folded: str, number: Number, lexicon: UnitLexicon) -> tuple[UnitReading, int] | None:
    """百分之五, US$50億 or 人民幣 500 億: a unit written before the number -> (reading, start)."""
    percent_word = word_ending_at(folded, number.start, lexicon.percent_words_before)
    if percent_word:
        return UnitReading("percent", number.end, number.value), number.start - len(percent_word)
    symbol = word_ending_at(folded, number.start, lexicon.currency_symbols)
    if symbol:
        return UnitReading(lexicon.currency_symbols[symbol], number.end, number.value), number.start - len(symbol)
    currency = currency_before(folded, number.start, lexicon)
    if currency and has_large_magnitude(folded, number):
        code, start = currency
        return UnitReading(code, number.end, number.value), start
    return None


def currency_before(folded: str, position: int, lexicon: UnitLexicon) -> tuple[str, int] | None:
    """A specific currency word right before a number ("新台幣1.2兆元") -> (code, start)."""
    before = skip_spaces_back(folded, position)
    word = word_ending_at(folded, before, lexicon.currencies)
    if word is None or word in lexicon.local_currency_words:
        return None
    return lexicon.currencies[word], before - len(word)


# --- one quantity ---------------------------------------------------------------------


def read_quantity(
    folded: str, number: Number, floor: int, lexicon: UnitLexicon, range_end: bool = False
) -> Reading | None:
    """The quantity built around one number, or None when no unit of interest goes with it;
    the end of a range ("1萬-5萬元") is no model number for the dash before it."""
    if cannot_have_unit(folded, number, lexicon):
        return None
    if (not range_end and is_embedded(folded, number, lexicon)) or (number.bare and not modified_before(folded, number, lexicon)):
        return None
    qualifier = None
    unit_reading = None
    step = None
    between = word_at(folded, number.end, lexicon.qualifiers_between)
    if between:  # "400多名", "300餘人", "十幾萬人"
        vague = vague_number(folded, number, between)
        unit_reading = read_unit(folded, vague, lexicon)
        if unit_reading:
            qualifier = lexicon.qualifiers_between[between]
            step = vague_step(number.value) * (vague.value / number.value) if number.value else None
            number = vague
        elif word_at(folded, skip_spaces(folded, vague.end), lexicon.count_words_after):
            return None  # 設立了1.6萬多家企業: 16,000-odd firms, no money in a sentence of money
    unit_reading = unit_reading or read_unit(folded, number, lexicon)
    if unit_reading is not None and unit_reading.unit == LOCAL and not between:
        unit_reading = with_subunits(folded, unit_reading, lexicon)
    start = number.start
    if unit_reading is not None and unit_reading.unit == LOCAL:
        currency = currency_before(folded, number.start, lexicon)  # "新台幣1.2兆元"
        if currency is not None:
            unit_reading = unit_reading._replace(unit=currency[0])
            start = currency[1]
    if unit_reading is None or unit_reading.unit == BARE:
        unit_reading, start = read_unit_before(folded, number, lexicon) or (unit_reading, start)
    if unit_reading is not None and unit_reading.unit == BARE:
        unit_reading = unit_reading._replace(unit=unit_named_before(folded, number, lexicon) or BARE)
    if unit_reading is None:
        return None
    reading = Reading(start, unit_reading.end, unit_reading.value, unit_reading.unit, qualifier=qualifier)
    reading = extend_after(folded, extend_before(folded, reading, floor, lexicon), lexicon)
    scale = unit_reading.value / number.value if number.value else Decimal(1)
    if number.high is not None:  # "八九億", "數十億": a vague range
        reading = replace(reading, approx=True, low=reading.value, high=number.high * scale)
    elif step is not None:  # "3000多" runs to 4000
        reading = replace(reading, approx=True, low=reading.value, high=reading.value + step * scale)
    return reading


def vague_number(folded: str, number: Number, between: str) -> Number:
    """The number with a 多/餘/幾 after it taken in, and the 萬/億 that may follow it ("十幾萬")."""
    end = number.end + len(between)
    magnitude = ""
    while end < len(folded) and folded[end] in "万亿":
        magnitude += folded[end]
        end += 1
    if not magnitude:
        return replace(number, end=end)
    return replace(number, end=end, value=arabic_value(str(number.value), magnitude), magnitude=number.magnitude + magnitude)


def vague_step(value: Decimal) -> Decimal:
    """How far "N多" may run past N: one unit of its last non-zero digit ("3000多" up to 4000,
    "十多" up to 20, "1.5萬多" up to 1.6萬)."""
    step = Decimal(1)
    if value != value.to_integral_value():
        exponent = value.normalize().as_tuple().exponent
        return Decimal(1).scaleb(int(exponent)) if isinstance(exponent, int) else step
    whole = int(value)
    while whole and whole % 10 == 0:
        whole //= 10
        step *= 10
    return step


SUBUNIT_DIGITS = "0123456789一二三四五六七八九两"


def with_subunits(folded: str, unit_reading: UnitReading, lexicon: UnitLexicon) -> UnitReading:
    """"一百二十三元1角1分", "六十四萬零一百四十三元一角七分": the 角 and 分 after 元 added in."""
    position = unit_reading.end
    value = unit_reading.value
    for word, share in sorted(lexicon.subunits.items(), key=lambda item: -item[1]):  # 角 before 分
        digit = folded[position : position + 1]
        if digit and digit in SUBUNIT_DIGITS and folded.startswith(word, position + 1):
            after = position + 1 + len(word)
            if word_at(folded, after, lexicon.subunit_not_followed_by):
                break
            count = int(digit) if digit.isdigit() else int(chinese_digit_value(digit))
            value += Decimal(count) * Decimal(str(share))
            position = after
    return unit_reading._replace(end=position, value=value)


def chinese_digit_value(digit: str) -> int:
    return "零一二三四五六七八九".index(digit) if digit != "两" else 2


def unit_named_before(folded: str, number: Number, lexicon: UnitLexicon) -> str | None:
    """人口約140萬: the unit a noun earlier in the clause names for a bare 萬/億 amount; a list
    item (cut at 、) keeps its own noun, so money later in the list lends it no currency."""
    clause = clause_before(folded, number.start, NOUN_LOOKBACK)
    return next((unit for noun, unit in lexicon.units_named_before.items() if noun in clause), None)


class UnitEdges(NamedTuple):
    """The characters a unit can begin or end with, where ``read_quantity`` looks for one."""

    after: frozenset[str]  # first characters of percent signs and points, currencies and counters
    at_end: frozenset[str]  # first characters of tenths (兩成) and of qualifiers between (400多)
    before: frozenset[str]  # last characters of percent words (百分之) and currency symbols (US$)


_UNIT_EDGES: dict[int, tuple[UnitLexicon, UnitEdges]] = {}


def unit_edges(lexicon: UnitLexicon) -> UnitEdges:
    entry = _UNIT_EDGES.get(id(lexicon))
    if entry is not None and entry[0] is lexicon:
        return entry[1]
    after = [*lexicon.percent_signs, *lexicon.percent_points, *lexicon.currencies, *(c.word for c in lexicon.counters)]
    edges = UnitEdges(
        after=frozenset(word[0] for word in after if word),
        at_end=frozenset(word[0] for word in (*lexicon.tenths, *lexicon.qualifiers_between) if word),
        before=frozenset(word[-1] for word in (*lexicon.percent_words_before, *lexicon.currency_symbols) if word),
    )
    _UNIT_EDGES[id(lexicon)] = (lexicon, edges)
    return edges


def cannot_have_unit(folded: str, number: Number, lexicon: UnitLexicon) -> bool:
    """True when no unit can go with a number written without 萬/億/兆: no unit word starts
    after it or ends before it. Most numbers (years, days, counts of nothing) are passed over
    so, with three look-ups instead of a dozen; the rules that follow would find nothing either."""
    if number.bare or has_large_magnitude(folded, number):
        return False  # money words, cues and bare amounts can stand further away
    edges = unit_edges(lexicon)
    position = skip_spaces(folded, number.end)
    return (
        folded[position : position + 1] not in edges.after
        and folded[number.end : number.end + 1] not in edges.at_end
        and (folded[number.start - 1] if number.start > 0 else "") not in edges.before
    )


def modified_before(folded: str, number: Number, lexicon: UnitLexicon) -> bool:
    """True when an approximate or qualifying word stands right before the number."""
    position = skip_spaces_back(folded, number.start)
    return bool(
        word_ending_at(folded, position, lexicon.approx_before)
        or word_ending_at(folded, position, lexicon.qualifiers_before)
    )


_RANGE_JOINERS: dict[int, tuple[UnitLexicon, re.Pattern[str]]] = {}


def range_joiner_pattern(lexicon: UnitLexicon) -> re.Pattern[str]:
    """Any range joiner, as one regex: searched between every two neighbouring numbers."""
    entry = _RANGE_JOINERS.get(id(lexicon))
    if entry is None or entry[0] is not lexicon:
        entry = (lexicon, re.compile("|".join(re.escape(joiner) for joiner in lexicon.range_joiners)))
        _RANGE_JOINERS[id(lexicon)] = entry
    return entry[1]


RANGE_REACH = 12  # characters between the two numbers of a range: a unit, (含), a joiner


def read_range(folded: str, number: Number, following: Number, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """"3至5億美元", "30-40%", "從8500到3萬港元", "1萬(含)-5萬元": one reading from the first
    number to the unit of the second, with the two bounds as low and high. The first number
    takes the unit of the second, and its 萬/億 when it has none of its own and the range
    stays in order ("兩到三千" is 2000 to 3000, "8500到3萬" is 8500 to 30000)."""
    if following.start - number.end > RANGE_REACH or range_joiner_pattern(lexicon).search(folded, number.end, following.start) is None:
        return None  # most pairs of numbers: no range, and nothing more to look up
    first_end = number.end
    own = None
    if not folded.startswith(tuple(lexicon.range_joiners), skip_spaces(folded, first_end)):
        own = read_quantity(folded, number, floor, lexicon)  # "1萬元--5萬元": each with its unit
        if own is None:
            return None
        first_end = own.end
    joiner_at = skip_spaces(folded, first_end)
    inclusive = word_at(folded, joiner_at, lexicon.inclusive_marks)
    if inclusive:
        joiner_at = skip_spaces(folded, joiner_at + len(inclusive))
    joiner = word_at(folded, joiner_at, lexicon.range_joiners)
    while joiner and folded.startswith(joiner, joiner_at + len(joiner)):  # "1萬元--5萬元", "2——3萬"
        joiner_at += len(joiner)
    if joiner is None or skip_spaces(folded, joiner_at + len(joiner)) != following.start:
        return None
    if is_embedded(folded, number, lexicon):
        return None
    second = read_quantity(folded, following, floor, lexicon, range_end=True)
    if second is None or following.value == 0 or second.unit == BARE:
        return None
    scale = second.value / following.value  # a unit that rescales (萬元 read as a plain 元 amount)
    if own is not None:
        if own.unit not in (second.unit, BARE, IMPLICIT) or own.unit == "percent" and second.unit != "percent":
            return None
        low = own.value
    else:
        low = number.value * scale
        if not number.magnitude and not has_large_magnitude(folded, number):
            low = number.value * scale * borrowed_magnitude(folded, number, following)
    high = second.high if second.high is not None else second.value
    if low <= 0 or low >= high:
        return None  # "從57%降至47%" is a change, not a range
    start = own.start if own is not None else number.start
    reading = replace(second, start=start, value=low, approx=False)
    if own is None:
        reading = extend_before(folded, reading, floor, lexicon)
    return replace(reading, low=low, high=high, approx=True)


def borrowed_magnitude(folded: str, number: Number, following: Number) -> Decimal:
    """The 萬/億/千/百 factor the first number of a range takes from the second: the longest
    run of the second's trailing magnitude characters that keeps the range in order."""
    written = following.magnitude or folded[following.start : following.end].translate(FINANCIAL_DIGITS)
    run = ""
    for character in reversed(written):
        if character not in "百千万亿兆":
            break
        run = character + run
    while run:
        factor = arabic_value("1", run)
        if number.value * factor < following.value:
            return factor
        run = run[1:]
    return Decimal(1)


def extend_before(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading:
    """Take in the words before the number that the span keeps: 約/近 (approx),
    超過/最多 (qualifier), GDP的 (share of GDP), 每年 (rate)."""
    while True:
        extended = (
            take_approx_before(folded, reading, floor, lexicon)
            or take_qualifier_before(folded, reading, floor, lexicon)
            or take_gdp_before(folded, reading, floor, lexicon)
        )
        if extended is None:
            break
        reading = extended
    if not reading.approx:
        reading = take_approx_adverb(folded, reading, floor, lexicon) or reading
    return take_per_before(folded, reading, floor, lexicon) or reading


def take_approx_before(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """約 / 近 / 約為 right before the number (最近, 附近 are not approximations)."""
    if reading.approx:
        return None
    position = skip_spaces_back(folded, reading.start)
    joiner = word_ending_at(folded, position, lexicon.approx_joiners)
    for candidate in (position - len(joiner), position) if joiner else (position,):
        word = word_ending_at(folded, candidate, lexicon.approx_before)
        if word and not word_ending_at(folded, candidate, lexicon.approx_false_friends):
            start = candidate - len(word)
            if start >= floor:
                return replace(reading, start=start, approx=True)
    return None


def take_approx_adverb(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """大約擁有 50 枚: an approximate adverb of two or more characters before a short verb."""
    position = skip_spaces_back(folded, reading.start)
    for gap in range(1, lexicon.approx_adverb_reach + 1):
        end = position - gap
        if end < floor or folded[end] in CLAUSE_BREAKS or folded[end].isdigit():
            return None
        word = word_ending_at(folded, end, lexicon.approx_before)
        if word and len(word) >= 2 and end - len(word) >= floor:
            return replace(reading, start=end - len(word), approx=True)
    return None


def take_qualifier_before(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """超過 / 逾 / 最多 right before the number (or before its approximate word)."""
    if reading.qualifier is not None:
        return None
    position = skip_spaces_back(folded, reading.start)
    word = word_ending_at(folded, position, lexicon.qualifiers_before)
    if word and position - len(word) >= floor:
        return replace(reading, start=position - len(word), qualifier=lexicon.qualifiers_before[word])
    return None


def take_gdp_before(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """GDP的5%, GDP 5%, 國內生產毛額(GDP)的 5%: a percentage written after a GDP word."""
    if reading.unit != "percent":
        return None
    position = skip_spaces_back(folded, reading.start)
    if folded.endswith("的", 0, position):
        position = skip_spaces_back(folded, position - 1)
    if folded.endswith(")", 0, position):
        opening = folded.rfind("(", max(0, position - 8), position)
        if opening > 0 and word_at(folded, skip_spaces(folded, opening + 1), lexicon.gdp_words):
            position = skip_spaces_back(folded, opening)
    word = word_ending_at(folded, position, lexicon.gdp_words)
    if word is None or position - len(word) < floor:
        return None
    return replace(reading, start=position - len(word), unit="percent_gdp")


def take_per_before(folded: str, reading: Reading, floor: int, lexicon: UnitLexicon) -> Reading | None:
    """每年 a few characters before the number, with at most a verb between (每年支付 50 億美元);
    一年 only right before it, since "為期一年的" names a term, not a rate."""
    position = skip_spaces_back(folded, reading.start)
    for gap in range(lexicon.per_reach + 1):
        end = position - gap
        if end < floor or (gap and (folded[end] in CLAUSE_BREAKS or folded[end] == "的" or folded[end].isdigit())):
            return None
        word = word_ending_at(folded, end, lexicon.per_before)
        if word and (gap == 0 or word != "一年") and end - len(word) >= floor:
            return replace(reading, start=end - len(word), per=lexicon.per_before[word])
    return None


def extend_after(folded: str, reading: Reading, lexicon: UnitLexicon) -> Reading:
    """Take in 左右 (approx), 以上/以下 (qualifier), /年 (rate) and "5% GDP" after the unit."""
    position = skip_spaces(folded, reading.end)
    inclusive = word_at(folded, position, lexicon.inclusive_marks)
    if inclusive:  # "50萬元（含）以上": at least 500,000
        qualifier_at = skip_spaces(folded, position + len(inclusive))
        qualifier = word_at(folded, qualifier_at, lexicon.qualifiers_after)
        if qualifier and reading.qualifier is None:
            kind = lexicon.qualifiers_after[qualifier]
            kind = lexicon.inclusive_qualifiers.get(kind, kind)
            return replace(reading, end=qualifier_at + len(qualifier), qualifier=kind)
        return reading
    approx = word_at(folded, position, lexicon.approx_after)
    if approx:
        return extend_after(folded, replace(reading, end=position + len(approx), approx=True), lexicon)
    qualifier = word_at(folded, position, lexicon.qualifiers_after)
    if qualifier and reading.qualifier is None:
        reading = replace(reading, end=position + len(qualifier), qualifier=lexicon.qualifiers_after[qualifier])
        return extend_after(folded, reading, lexicon)
    per = word_at(folded, reading.end, lexicon.per_after)
    if per and reading.per is None:
        return replace(reading, end=reading.end + len(per), per=lexicon.per_after[per])
    if reading.unit == "percent":
        gdp_position = skip_spaces(folded, position + 1) if folded.startswith("的", position) else position
        word = word_at(folded, gdp_position, lexicon.gdp_words)
        if word:
            return replace(reading, end=gdp_position + len(word), unit="percent_gdp")
    return reading


# --- context ---------------------------------------------------------------------------


LINE_BREAK = re.compile("\n")


class Layout:
    """Sentences and paragraphs of a view, found by bisection: a long document has thousands
    of each and every amount asks for its own, so a linear search would make the cost quadratic."""

    def __init__(self, view: TextView) -> None:
        self.sentences = view.sentences
        self.sentence_starts = [sentence.start for sentence in view.sentences]
        self.line_breaks = [line_break.start() for line_break in LINE_BREAK.finditer(view.original)]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The same answer as ``TextView.sentence_at``: sentences are in order and never overlap."""
        position = bisect.bisect_right(self.sentence_starts, offset) - 1
        if position >= 0 and offset < self.sentences[position].end:
            return self.sentences[position]
        return None

    def paragraph_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts (``original.rfind("\\n", 0, offset) + 1``)."""
        position = bisect.bisect_left(self.line_breaks, offset) - 1
        return self.line_breaks[position] + 1 if position >= 0 else 0


class InOrder:
    """Readings in text order, with the ones starting in a span found by bisection."""

    def __init__(self, readings: list[Reading]) -> None:
        self.readings = readings
        self.starts = [reading.start for reading in readings]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:]))

    def starting_within(self, start: int, end: int) -> list[Reading]:
        """The readings that start in ``start:end``, in their order."""
        if not self.sorted:
            return [reading for reading in self.readings if start <= reading.start < end]
        return self.readings[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]


def keep_bare_amounts_beside_money(layout: Layout, readings: list[Reading], lexicon: UnitLexicon) -> list[Reading]:
    """A bare 萬/億 amount is money, in a currency left implicit, when its sentence also has
    an amount with a written currency; otherwise it is dropped (人口14億 is not money)."""
    currency_codes = set(lexicon.currencies.values()) | {LOCAL}
    money_sentences = {layout.sentence_at(reading.start) for reading in readings if reading.unit in currency_codes}
    kept: list[Reading] = []
    for reading in readings:
        if reading.unit == BARE:
            if layout.sentence_at(reading.start) not in money_sentences:
                continue
            reading = replace(reading, unit=IMPLICIT)
        kept.append(reading)
    return kept


def apply_gdp_context(view: TextView, layout: Layout, readings: list[Reading], lexicon: UnitLexicon) -> list[Reading]:
    """A bare percentage in a sentence about a share of GDP or of defence spending is a share
    of GDP too ("GDP 的 5%（當時南韓約為 3.5%）"), unless a rate, tariff or change word
    stands between the cue and the number."""
    result: list[Reading] = []
    shares = InOrder([reading for reading in readings if reading.unit == "percent_gdp"])
    cues_by_sentence: dict[Sentence | None, list[tuple[int, int]]] = {}  # a long sentence is searched once, not per percentage
    for reading in readings:
        if reading.unit == "percent":
            sentence = layout.sentence_at(reading.start)
            if sentence not in cues_by_sentence:
                cues_by_sentence[sentence] = gdp_cues(view, sentence, shares, lexicon)
            cues = cues_by_sentence[sentence]
            if any(not breaks_share(view.folded, cue, reading, lexicon) for cue in cues):
                reading = replace(reading, unit="percent_gdp")
        result.append(reading)
    return result


def gdp_cues(view: TextView, sentence: Sentence | None, shares: InOrder, lexicon: UnitLexicon) -> list[tuple[int, int]]:
    """Spans in a percentage's sentence that make it a share of GDP: another share of GDP
    (``shares``), or a GDP or defence-spending word in a sentence that speaks of a share (占, 比重)."""
    if sentence is None:
        return []
    cues = [(other.start, other.end) for other in shares.starting_within(sentence.start, sentence.end)]
    text = view.folded[sentence.start : sentence.end]
    if any(word in text for word in lexicon.share_words):
        for word in lexicon.gdp_words + lexicon.defence_spending_words:
            index = text.find(word)
            while index >= 0:
                cues.append((sentence.start + index, sentence.start + index + len(word)))
                index = text.find(word, index + 1)
    return cues


def breaks_share(folded: str, cue: tuple[int, int], reading: Reading, lexicon: UnitLexicon) -> bool:
    """True when a rate, tariff or change word stands between a GDP cue and a percentage."""
    between = folded[cue[1] : reading.start] if cue[1] <= reading.start else folded[reading.end : cue[0]]
    return any(word in between for word in lexicon.gdp_share_breakers)


def resolve_currencies(view: TextView, layout: Layout, readings: list[Reading], lexicon: UnitLexicon) -> list[Reading]:
    """Give every amount an ISO code: 元 takes the local currency the document writes out,
    and money written without a currency takes the currency of its context."""
    if any(reading.unit == LOCAL for reading in readings):  # counting the local currency's names takes a pass per name
        named = named_local_currency(view.folded, lexicon)
        readings = [
            replace(reading, unit=named or unnamed_local_currency(view.folded, reading, lexicon))
            if reading.unit == LOCAL
            else reading
            for reading in readings
        ]
    if not any(reading.unit == IMPLICIT for reading in readings):
        return readings
    currency_codes = set(lexicon.currencies.values())
    explicit = [reading for reading in readings if reading.unit in currency_codes]
    document_default = most_frequent_currency(explicit) or default_currency(view.folded, lexicon)
    explicit_in_order = InOrder(explicit)
    return [
        replace(reading, unit=context_currency(layout, reading, explicit_in_order) or document_default)
        if reading.unit == IMPLICIT
        else reading
        for reading in readings
    ]


def named_local_currency(folded: str, lexicon: UnitLexicon) -> str | None:
    """The local currency the document names most often (人民幣, 新台幣, 港元), if any."""
    tally: Tally[str] = Tally()
    for word, code in lexicon.currencies.items():
        if code in lexicon.local_currencies and word not in lexicon.local_currency_words:
            tally[code] += folded.count(word)
    named = [code for code, count in tally.most_common() if count]
    return named[0] if named else None


def unnamed_local_currency(folded: str, reading: Reading, lexicon: UnitLexicon) -> str:
    """元 in a document that names no local currency: before traded goods ("3000億元商品")
    the currency trade is reported in (see default_currency), else the first local one listed."""
    if noun_after(folded, reading.end, lexicon.traded_goods_nouns) is not None:
        return default_currency(folded, lexicon)
    return lexicon.local_currencies[0]


def context_currency(layout: Layout, reading: Reading, explicit: InOrder) -> str | None:
    """The currency of the nearest explicit amount in the same sentence, else earlier in the paragraph."""
    sentence = layout.sentence_at(reading.start)
    if sentence is not None:
        same_sentence = explicit.starting_within(sentence.start, sentence.end)
        if same_sentence:
            return min(same_sentence, key=lambda other: abs(other.start - reading.start)).unit
    earlier = explicit.starting_within(layout.paragraph_start(reading.start), reading.start)
    return earlier[-1].unit if earlier else None


def most_frequent_currency(explicit: list[Reading]) -> str | None:
    tally = Tally(reading.unit for reading in explicit)
    return tally.most_common(1)[0][0] if tally else None


def default_currency(folded: str, lexicon: UnitLexicon) -> str:
    """USD for a document that speaks of the United States, else the configured default."""
    for word, code in lexicon.currency_when_mentioned.items():
        if word in folded:
            return code
    return lexicon.currency_otherwise
