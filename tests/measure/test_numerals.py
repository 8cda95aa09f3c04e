"""Numbers as Chinese news writes them, read on the folded (Simplified, half-width) text."""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest

from summitry.measure.numerals import NUMBER, NUMBER_SOURCE, find_numbers, plain
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
