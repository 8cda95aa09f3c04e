"""Numbers as Chinese news writes them, read on the folded (Simplified, half-width) text."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest

from summitry.measure.numerals import NUMBER, NUMBER_SOURCE, find_numbers, plain, spelled, standard_value
from summitry.text import fold

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


def numbers(original: str):
    return [(found.value, found.magnitude) for found in find_numbers(fold(original), original)]


@pytest.mark.parametrize(
    ("original", "value"),
    [
        ("5500億", Decimal("550000000000")),
        ("3,500億", Decimal("350000000000")),
        ("362 億", Decimal("36200000000")),
        ("13.5 萬", Decimal("135000")),
        ("6.81億", Decimal("681000000")),
        ("1.2兆", Decimal("1200000000000")),
        ("1.5萬億", Decimal("1500000000000")),
        ("三千五百億", Decimal("350000000000")),
        ("兩萬五千", Decimal("25000")),
        ("一百零三", Decimal("103")),
        ("二兆五千億", Decimal("2500000000000")),
        ("１０３", Decimal("103")),
    ],
)
def test_value(original, value):
    assert numbers(original)[0][0] == value


def test_a_full_width_comma_separates_clauses_not_thousands():
    assert [value for value, _ in numbers("增加了5，300人")] == [Decimal(5), Decimal(300)]


@pytest.mark.parametrize(("value", "shown"), [(Decimal("550000000000"), 550000000000), (Decimal("5.2"), 5.2)])
def test_plain_values_are_ints_when_whole(value, shown):
    assert plain(value) == shown and type(plain(value)) is type(shown)


def test_the_lookahead_on_first_characters_finds_every_number_the_regex_finds():
    """NUMBER only adds a lookahead to NUMBER_SOURCE for speed: the matches must be the same."""
    pieces = ["5500", "3,500", "1.2", "362 ", "億", "萬", "兆", "千", "百", "三千五百", "兩", "廿", "卅", "○", "十", "零",
              "6萬7000", "1億2000萬", "2萬5,000", "2萬5千", "1億5千萬", "三點一五", "點", "，", "。", "美元", "人", "年", "x", " ", "\u3000", "-", "\n"]
    randomness = random.Random(7)
    text = fold("".join(randomness.choice(pieces) for _ in range(20_000)))
    seeds = [fold(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))]
    for sample in [text, *seeds]:
        assert [m.span() for m in NUMBER.finditer(sample)] == [m.span() for m in re.compile(NUMBER_SOURCE).finditer(sample)]


def _cn2an(numeral: str) -> int | float | None:
    import cn2an

    try:
        return cn2an.cn2an(numeral, "normal")
    except (ValueError, KeyError):
        return None


@pytest.mark.parametrize(
    "numeral, value",
    [("十二", 12), ("一百一十二", 112), ("两千", 2000), ("一万零五", 10005), ("三千五百亿", 350_000_000_000),
     ("一亿零一千", 100_001_000), ("一万五", None), ("一零", None), ("一亿一千", None), ("〇", None), ("零", None)],
)
def test_standard_numerals_are_read_without_cn2an(numeral: str, value: int | None) -> None:
    """Standard spellings are read here; others (cn2an's shorthand 一万五, forms it refuses) are not."""
    assert standard_value(numeral) == value


def test_the_standard_reader_agrees_with_cn2an_wherever_it_reads() -> None:
    """Every number to 20,000, with 两 for 二 too, and spread samples to 10**12, as spelled; and
    every string of up to three numeral characters: where the reader gives a value, cn2an gives
    the same int (the reader only spares its import)."""
    rng = random.Random(13)
    numbers = [*range(1, 20_001), *(rng.randrange(1, 10**12) for _ in range(3_000)),
               *(rng.randrange(1, 10**4) * 10**8 + rng.randrange(0, 10**4) for _ in range(1_000))]
    numerals = {form for n in numbers for form in (spelled(n), spelled(n).replace("二", "两"))}
    alphabet = "零〇一二两三四五六七八九十百千万亿"
    numerals |= {a + b + c for a in alphabet for b in alphabet + " " for c in alphabet + " "}
    read = 0
    for numeral in sorted(numerals):
        value = standard_value(numeral.replace(" ", ""))
        if value is not None:
            read += 1
            found = _cn2an(numeral.replace(" ", ""))
            assert type(found) is int and found == value, numeral
    assert read > 30_000
