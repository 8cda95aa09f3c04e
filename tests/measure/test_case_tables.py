"""Amounts and dates as news writes them, one case a line in amounts.tsv and dates.tsv
(our own sentences, in both scripts): every kind the measure stage reads, and beside them
sentences that hold none."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from summitry.measure import extract_quantities, extract_times
from summitry.text import build_view

HERE = Path(__file__).parent


def table(name: str) -> list[dict[str, str]]:
    lines = [line for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def blank(cell: str) -> str | None:
    return None if cell == "-" else cell


def number(cell: str) -> float | None:
    return None if cell == "-" else float(cell)


AMOUNTS = table("amounts.tsv")
DATES = table("dates.tsv") if (HERE / "dates.tsv").exists() else []


@pytest.mark.parametrize("case", AMOUNTS, ids=[case["sentence"] for case in AMOUNTS])
def test_amount(case: dict[str, str]) -> None:
    found = extract_quantities(build_view(case["sentence"]))
    if case["text"] == "-":
        assert [quantity.text for quantity in found] == []
        return
    matching = [quantity for quantity in found if quantity.text == case["text"]]
    assert matching, [quantity.text for quantity in found]
    quantity = matching[0]
    assert quantity.value == pytest.approx(float(case["value"]))
    assert quantity.unit == case["unit"]
    assert quantity.approx is (case["approx"] == "1")
    assert quantity.qualifier == blank(case["qualifier"])
    assert quantity.low == (None if case["low"] == "-" else pytest.approx(number(case["low"])))
    assert quantity.high == (None if case["high"] == "-" else pytest.approx(number(case["high"])))


@pytest.mark.parametrize("case", DATES, ids=[case["sentence"] for case in DATES])
def test_date(case: dict[str, str]) -> None:
    found = extract_times(build_view(case["sentence"]), dt.date.fromisoformat(case["date"]))
    if case["text"] == "-":
        assert [time.text for time in found if time.value] == []
        return
    matching = [time for time in found if time.text == case["text"]]
    assert matching, [(time.text, time.value) for time in found]
    time = matching[0]
    expected = (blank(case["value"]), blank(case["first"]), blank(case["last"]), blank(case["relation"]))
    assert (time.value, time.first, time.last, time.relation) == expected


def test_the_tables_cover_both_scripts_and_enough_cases() -> None:
    assert len(AMOUNTS) >= 200 and len(DATES) >= 200
    for rows in (AMOUNTS, DATES):
        folded = [build_view(row["sentence"]) for row in rows]
        assert {view.script for view in folded} >= {"Hant", "Hans"}
