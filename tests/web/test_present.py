"""Amounts in words, totals that keep units apart, charts that link every mark."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from summitry.web.charts import Bar, Node, TimePoint, bar_chart, network, timeline
from summitry.web.present import amount_text, ledger_totals, outlet_of, unit_text


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ((36_200_000_000, "USD"), "$36.2 billion"),
        ((47, "percent"), "47%"),
        ((5, "percent_gdp", None, True), "about 5% of GDP"),
        ((5_000_000_000, "USD", "year"), "$5 billion a year"),
        ((3, "ship"), "3 ships"),
        ((1, "ship"), "1 ship"),
        ((3_300_000, "tonne", "year"), "3.3 million tonnes a year"),
        ((1, "tonne", "year"), "1 tonne a year"),
        ((20, "person"), "20 people"),
        ((103, "aircraft"), "103 aircraft"),
        ((2, "warhead", None, True), "about 2 warheads"),
        # a range or a vague amount shows both ends, in the larger end's scale
        ((1e9, "USD", None, True, 1e9, 1e10), "$1–10 billion"),
        ((3e8, "USD", None, True, 3e8, 5e8), "$300–500 million"),
        ((8500, "HKD", None, True, 8500, 30000), "8,500–30,000 HKD"),
        ((20, "aircraft", None, True, 20, 30), "20–30 aircraft"),
    ],
)
def test_amount_text(amount: tuple, text: str) -> None:
    assert amount_text(*amount) == text


@pytest.mark.parametrize(
    ("unit", "per", "text"),
    [("USD", None, "USD"), ("percent_gdp", None, "percent of GDP"), ("percent", None, "percent"),
     ("tonne", "year", "tonnes a year"), ("person", None, "people")],
)
def test_unit_headings_are_words(unit: str, per: str | None, text: str) -> None:
    """A chart or totals heading says "percent of GDP", not the code percent_gdp."""
    assert unit_text(unit, per) == text


@pytest.mark.parametrize(
    ("url", "outlet"),
    [("https://www.rfi.fr/cn/article", "rfi.fr"), ("http://news.ltn.com.tw/news/1", "news.ltn.com.tw"),
     ("javascript:alert(1)", None), ("file:///etc/passwd", None), (None, None), ("", None)],
)
def test_outlet_only_for_web_urls(url: str | None, outlet: str | None) -> None:
    """Only an http(s) URL becomes a link to the original article; a feed's javascript: URL never does."""
    assert outlet_of(url) == outlet


def _row(id: str, pledger: str, value: float | None, unit: str = "USD", per: str | None = None, high: float | None = None) -> dict:
    amount = {"value": value, "unit": unit, "per": per, "approx": high is not None, "low": value if high else None, "high": high}
    return {
        "id": id, "pledger": pledger, "pledger_name": pledger.title(), "beneficiary": "USA", "beneficiary_name": "United States",
        "amount": None if value is None else amount,
    }


def test_totals_never_mix_units_or_periods() -> None:
    rows = [
        _row("a", "KOR", 350e9), _row("b", "KOR", 5e9, per="year"), _row("c", "KOR", 3.3e6, "tonne", "year"),
        _row("d", "KOR", 1e9), _row("e", "KOR", 47, "percent"), _row("f", "KOR", None), _row("g", "JPN", 550e9),
    ]
    by_pledger = [(t.actor, t.unit, t.per, t.value, t.rows) for t in ledger_totals(rows, "pledger")]
    assert by_pledger == [
        ("JPN", "USD", None, 550e9, ("g",)),
        ("KOR", "USD", None, 351e9, ("a", "d")),
        ("KOR", "USD", "year", 5e9, ("b",)),
        ("KOR", "tonne", "year", 3.3e6, ("c",)),
    ]
    assert [(t.actor, t.value) for t in ledger_totals(rows, "beneficiary") if t.unit == "USD" and not t.per] == [("USA", 901e9)]


def test_totals_leave_out_ranges() -> None:
    """數十億美元 ("several billion") has no value to add: its row stays, the total leaves it out."""
    rows = [_row("a", "KOR", 350e9), _row("b", "KOR", 1e9, high=1e10), _row("c", "JPN", 3e8, high=5e8)]
    assert [(t.actor, t.value, t.rows) for t in ledger_totals(rows, "pledger")] == [("KOR", 350e9, ("a",))]


def _links(svg: str) -> list[str]:
    root = ElementTree.fromstring(svg)
    return [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]


def test_charts_are_svg_whose_marks_link() -> None:
    bars = bar_chart([Bar("Korean Air → Boeing", 36.2e9, "$36.2 billion", "/documents/x?start=1&end=2#evidence")], "USD")
    assert _links(bars) == ["/documents/x?start=1&end=2#evidence"]
    line = timeline([TimePoint("2018-06", "Trump – Kim", "/meetings/a"), TimePoint("2025-10-30", "Trump – Xi", "/meetings/b")])
    assert _links(line) == ["/meetings/a", "/meetings/b"]
    web = network("Donald Trump", [Node("Kim Jong Un", 3, "/actors/Q56226", "/meetings?actor=Q22686&with=Q56226")], "met")
    assert _links(web) == ["/meetings?actor=Q22686&with=Q56226", "/actors/Q56226"]


def test_no_chart_without_data() -> None:
    assert bar_chart([], "x") == timeline([]) == network("x", [], "x") == ""
