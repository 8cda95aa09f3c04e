"""Numbers as Chinese news writes them: Arabic, Chinese, or Arabic with 萬/億/兆.

Matching runs on the folded text (Simplified, half-width), so the patterns below name
Simplified characters only; every match offset is valid in the original text too.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

# A value past the largest float is no amount anyone reports ("1" and 400 zeros, then 億);
# it could not be written as a JSON number either.
LARGEST_VALUE = Decimal(sys.float_info.max)

MAGNITUDES = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000, "兆": 10**12}

# ○ (a white circle) stands for 〇 in Taiwanese digit-by-digit numerals ("三五○○億");
# 廿 and 卅 are 20 and 30 ("廿八日", "卅萬").
CHINESE_DIGITS = "零〇○一二三四五六七八九两廿卅"
CHINESE_NUMERAL = rf"[{CHINESE_DIGITS}十][{CHINESE_DIGITS}十百千万亿兆]*"
DIGIT_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# "6萬7000", "2万8500", "1億2000萬", "2萬5,000", "2萬5千", "1億5千萬": Arabic digits on both
# sides of a magnitude.
COMPOUND_NUMERAL = (
    r"(?P<compound_high>\d+)"
    r"(?P<compound_unit>亿(?=\d{1,4}千?万)|万(?=\d{4}(?!\d)|\d,\d{3}(?![\d,])|\d{1,3}千))"
    r"(?P<compound_low>\d,\d{3}|\d{1,4})(?P<compound_low_unit>千?万|千|)"
)
# "三點一五兆": Chinese digits with a decimal point (folded 點 -> 点), then 萬/億/兆.
CHINESE_DECIMAL = rf"(?P<decimal_whole>[{CHINESE_DIGITS}十百]+)点(?P<decimal_digits>[零〇○一二三四五六七八九]+)(?P<decimal_magnitude>[万亿兆]*)"
# "3,500" with separators, "13.5", "362"; magnitudes may follow after one space ("362 亿").
ARABIC_NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
ARABIC_MAGNITUDE = r"[百千万亿兆]*[万亿兆]|[千百]"

# "八九億", "三五百", "四五千": two neighbouring digits (or the idiom 三五) before a magnitude
# are a vague range, from the first digit's amount to the second's.
PAIRED_DIGITS = r"(?P<pair_low>[一二三四五六七八])(?P<pair_high>[二三四五六七八九])(?P<pair_magnitude>[十百千万亿]+)"
# "數十億", "幾十萬", "數百", "數兆": a vague count of a magnitude, one to ten of it.
VAGUE_MAGNITUDE = rf"(?<![{CHINESE_DIGITS}十百千])[数几](?P<vague_magnitude>[十百千][万亿兆]*|[万亿兆]+)"
# "兩個億", "三個億": a count of 億 (or 萬) with the measure word 個 between.
COUNTED_MAGNITUDE = rf"(?P<counted>[{CHINESE_DIGITS}十百千]+)个(?P<counted_magnitude>[万亿])"

NUMBER_SOURCE = (
    rf"{COMPOUND_NUMERAL}"
    rf"|{CHINESE_DECIMAL}"
    rf"|(?P<arabic>{ARABIC_NUMERAL})(?:[ \u3000]?(?P<magnitude>{ARABIC_MAGNITUDE}))?"
    rf"|{PAIRED_DIGITS}"
    rf"|{COUNTED_MAGNITUDE}"
    rf"|(?P<chinese>{CHINESE_NUMERAL})"
    rf"|(?P<vague>{VAGUE_MAGNITUDE})"
    r"|(?P<bare>[百千万亿]+)"
)
# The same regex behind a lookahead on the characters a number starts with: without it the
# engine tries every alternative at every character of the text, several times slower.
NUMBER = re.compile(rf"(?=[\d{CHINESE_DIGITS}十百千万亿数几])(?:{NUMBER_SOURCE})")
PAIRS = {("三", "五")} | {(low, high) for low, high in zip("一二三四五六七八", "二三四五六七八九")}

# Financial numerals (大寫, on cheques and contracts: "壹萬貳仟", "肆佰叁拾萬"), folded, and the
# ordinary numeral each stands for. A run is read as a number only when it holds two of them,
# or one beside 萬/億, or a 佰/仟 after a digit ("三仟"): alone, 陸 and 拾 are 大陸 and 收拾.
FINANCIAL_DIGITS = str.maketrans("壹贰叁参肆伍陆柒捌玖拾佰仟", "一二三三四五六七八九十百千")
FINANCIAL_RUN = re.compile(r"[壹贰叁参肆伍陆柒捌玖拾佰仟零〇一二三四五六七八九十百千万亿]{2,}")
FINANCIAL_CHARACTERS = frozenset("壹贰叁参肆伍陆柒捌玖拾佰仟")
ANY_FINANCIAL = re.compile("[壹贰叁参肆伍陆柒捌玖拾佰仟]")
FINANCIAL_MAGNITUDE_AFTER_DIGIT = re.compile(r"[一二三四五六七八九两][佰仟]")  # "三仟", "五佰"

# A digit group separator that only a grouped number explains: a full-width comma between
# groups of a number that also has a "," group or a decimal part ("82，225.00", "233,333，333"),
# or a no-break or thin space between groups ("3\u00a0500").
GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[,，\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?![\d,，])")
GROUP_SEPARATORS = "，\u00a0\u2009\u202f"
GROUP_GAP = re.compile(r"\d，\d{3}")


@dataclass(frozen=True)
class Number:
    """One number found in the folded text, with its value and how it was written."""

    start: int
    end: int
    value: Decimal
    chinese: bool  # written in Chinese numerals ("兩", "三千五百億")
    magnitude: str  # the 萬/億/兆 written after Arabic digits, "" when none
    bare: bool = False  # a magnitude with no digit ("近千名", "逾萬人"): a number only after 近/逾
    high: Decimal | None = None  # the top of a vague number ("八九億", "數十億"); ``value`` is its bottom


class NotANumber(ValueError):
    """A run of numeral characters that does not spell a number (e.g. "十十")."""


@lru_cache(maxsize=4096)  # news repeats its numerals (兩, 三十, 五百), and cn2an is slow
def chinese_value(numeral: str) -> Decimal:
    """Value of a Chinese numeral; cn2an reads 萬/億 but not 兆, 卅 or digit-by-digit numbers
    with a magnitude ("三五〇〇億"), so those are taken apart here."""
    numeral = numeral.replace("○", "〇").replace("卅", "三十").replace("廿", "二十")
    if "兆" in numeral:
        high, _, low = numeral.partition("兆")
        return chinese_value(high or "一") * MAGNITUDES["兆"] + (chinese_value(low) if low else 0)
    digits = numeral.rstrip("万亿")
    if digits and all(character in DIGIT_VALUES for character in digits):
        return digit_by_digit(digits) * arabic_value("1", numeral[len(digits) :])
    standard = standard_value(numeral)
    if standard is not None:
        return Decimal(standard)
    import cn2an  # here: a tenth of a second to import, for numerals not spelled the plain way

    try:
        return Decimal(str(cn2an.cn2an(numeral, "normal")))
    except (ValueError, KeyError) as error:
        raise NotANumber(numeral) from error


SPELLED_DIGITS = "零一二三四五六七八九"
SMALL_UNITS = {"十": 10, "百": 100, "千": 1_000}


def standard_value(numeral: str) -> int | None:
    """The value of a numeral spelled the standard way (三千五百亿, 一万零五, 十二, 两千), else
    None and cn2an reads it: importing cn2an costs a one-file extract a tenth of a second, and
    nearly every numeral in the news is spelled so. The numeral is read, then spelled back from
    its value; only an exact match counts, so a form cn2an reads its own way (一万五 = 15000, 一零)
    or refuses (一亿一千) is left to it (tests/measure/test_numerals.py checks agreement)."""
    total = section = digit = 0
    for character in numeral:
        if character in DIGIT_VALUES:
            digit = DIGIT_VALUES[character]
        elif character in SMALL_UNITS:
            section += (digit or 1) * SMALL_UNITS[character]
            digit = 0
        elif character == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif character == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            return None
    value = total + section + digit
    if not 0 < value < 10**12 or spelled(value) != numeral.replace("两", "二"):
        return None
    return value


def spelled(number: int) -> str:
    """The standard spelling of 0 < number < 10**12: 零 for skipped units and sections, 十 alone
    for a leading ten (十二, but 一百一十二)."""
    parts: list[str] = []
    skipped = False
    for size, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        section = number // size % 10_000 if size < 100_000_000 else number // size
        if section == 0:
            skipped = bool(parts)
            continue
        if parts and (section < 1_000 or skipped):
            parts.append("零")
        parts.append(_spelled_section(section, first=not parts) + name)
    return "".join(parts)


def _spelled_section(number: int, first: bool) -> str:
    out: list[str] = []
    zero = False
    for unit, name in ((1_000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (first and not out and unit == 10 and digit == 1):
            out.append(SPELLED_DIGITS[digit])
        out.append(name)
    return "".join(out)


def digit_by_digit(digits: str) -> Decimal:
    """"三五〇〇" is 3500; two digits side by side ("兩三", "七八") are a vague "two or three"."""
    if len(digits) == 2:
        raise NotANumber(digits)
    return Decimal("".join(str(DIGIT_VALUES[character]) for character in digits))


def arabic_value(digits: str, magnitude: str) -> Decimal:
    """Value of Arabic digits with separators removed, times each magnitude character."""
    value = Decimal(digits.replace(",", ""))
    for character in magnitude:
        value *= MAGNITUDES[character]
    return value


def find_numbers(folded: str, original: str) -> list[Number]:
    """Every number in the folded text; a full-width comma (folded to ",") never groups digits."""
    numbers: list[Number] = []
    text = with_financial_digits(with_group_separators(with_clause_commas(folded, original), original))
    for match in NUMBER.finditer(text):
        arabic, magnitude, chinese, compound_high, bare, pair_low, vague, counted = match.group(
            "arabic", "magnitude", "chinese", "compound_high", "bare", "pair_low", "vague", "counted"
        )
        if arabic:  # most numbers: one look-up of the groups, then this branch
            if len(arabic) > 1 and arabic[0] == "0" and arabic[1].isdigit():
                continue  # "000萬" is the tail of a number split by a space ("12 000萬"), no amount
            magnitude = magnitude or ""
            numbers.append(Number(match.start(), match.end(), arabic_value(arabic, magnitude), False, magnitude))
        elif chinese:
            try:
                value = chinese_value(chinese)
            except NotANumber:
                continue
            numbers.append(Number(match.start(), match.end(), value, True, ""))
        elif compound_high:
            numbers.append(Number(match.start(), match.end(), compound_value(match), False, ""))
        elif pair_low:
            number = paired_number(match)
            if number is not None:
                numbers.append(number)
        elif vague:
            magnitude_value = arabic_value("1", match.group("vague_magnitude"))
            numbers.append(Number(match.start(), match.end(), magnitude_value, True, "", high=magnitude_value * 10))
        elif counted:
            try:
                value = chinese_value(counted) * MAGNITUDES[match.group("counted_magnitude")]
            except NotANumber:
                continue
            numbers.append(Number(match.start(), match.end(), value, True, match.group("counted_magnitude")))
        elif bare:
            numbers.append(Number(match.start(), match.end(), arabic_value("1", bare), True, "", bare=True))
        else:  # Chinese digits with a decimal point ("三點一五兆")
            try:
                value = chinese_decimal_value(match)
            except NotANumber:
                continue
            numbers.append(Number(match.start(), match.end(), value, True, match.group("decimal_magnitude")))
    return [number for number in numbers if is_reportable(number.value)]


def paired_number(match: re.Match[str]) -> Number | None:
    """"八九億" = 8億 to 9億: two neighbouring digits (or 三五) before a magnitude."""
    low, high = match.group("pair_low", "pair_high")
    if (low, high) not in PAIRS:
        return None
    try:
        scale = chinese_value("一" + match.group("pair_magnitude"))
    except NotANumber:
        return None
    return Number(match.start(), match.end(), DIGIT_VALUES[low] * scale, True, "", high=DIGIT_VALUES[high] * scale)


def with_group_separators(text: str, original: str) -> str:
    """``text`` with the separators of grouped numbers made ","; same length, so offsets hold."""
    if GROUP_GAP.search(text) is None and not any(space in original for space in GROUP_SEPARATORS[1:]):
        return text
    characters = None
    for match in GROUPED.finditer(with_spaces_of(text, original)):
        written = match.group()
        ascii_grouped = "," in written
        spaced = any(separator in written for separator in "\u00a0\u2009\u202f")
        if not (ascii_grouped or spaced or "." in written):
            continue  # "5，300" is two numbers in a list
        if characters is None:
            characters = list(text)
        for index in range(match.start(), match.end()):
            if characters[index] in GROUP_SEPARATORS or original[index] in GROUP_SEPARATORS:
                characters[index] = ","
    return text if characters is None else "".join(characters)


def with_spaces_of(text: str, original: str) -> str:
    """``text`` with the original's no-break and thin spaces put back (the folded copy may
    have made them plain spaces)."""
    if not any(space in original for space in "\u00a0\u2009\u202f"):
        return text
    return "".join(
        character if character in "\u00a0\u2009\u202f" else text[index] for index, character in enumerate(original)
    )


def with_financial_digits(text: str) -> str:
    """``text`` with runs of financial numerals written as ordinary ones; same length."""
    if ANY_FINANCIAL.search(text) is None:  # as in nearly every text: one C-speed scan
        return text
    characters = None
    for match in FINANCIAL_RUN.finditer(text):
        run = match.group()
        financial = sum(character in FINANCIAL_CHARACTERS for character in run)
        if financial >= 2 or (financial == 1 and ("万" in run or "亿" in run or FINANCIAL_MAGNITUDE_AFTER_DIGIT.search(run))):
            if characters is None:
                characters = list(text)
            characters[match.start() : match.end()] = run.translate(FINANCIAL_DIGITS)
    return text if characters is None else "".join(characters)


def is_reportable(value: Decimal) -> bool:
    """A finite value that a float, and so JSON, can hold."""
    return value.is_finite() and abs(value) <= LARGEST_VALUE


def compound_value(match: re.Match[str]) -> Decimal:
    """"6萬7000" = 6×10⁴ + 7000; "1億2000萬" = 1×10⁸ + 2000×10⁴."""
    high = arabic_value(match.group("compound_high"), match.group("compound_unit"))
    return high + arabic_value(match.group("compound_low"), match.group("compound_low_unit"))


def chinese_decimal_value(match: re.Match[str]) -> Decimal:
    """"三點一五兆" = 3.15 × 10¹²: the whole part as a Chinese numeral, then digit by digit."""
    whole = chinese_value(match.group("decimal_whole"))
    fraction = "".join(str(DIGIT_VALUES[character.replace("○", "〇")]) for character in match.group("decimal_digits"))
    return arabic_value(f"{whole}.{fraction}", match.group("decimal_magnitude"))


def with_clause_commas(folded: str, original: str) -> str:
    """The folded text with each full-width comma put back, so "5，300" stays two numbers;
    same length, so offsets still hold."""
    if "," not in folded:
        return folded
    full_width = folded.replace(",", "，")
    if "," not in original:  # as in most Chinese text: every comma was full-width
        return full_width
    characters = list(full_width)  # then the few written as "," (3,500) are put back
    comma = original.find(",")
    while comma >= 0:
        characters[comma] = ","
        comma = original.find(",", comma + 1)
    return "".join(characters)


def plain(value: Decimal) -> int | float:
    """The value as JSON should show it: an int when whole, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)
