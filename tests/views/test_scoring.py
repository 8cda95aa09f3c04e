"""The view scorer on hand-made rows, each case one rule of views/scoring.py's docstring."""

from __future__ import annotations

import pytest

from summitry.views.scoring import score_ledger_rows, score_meeting_rows

MEETINGS = {
    "core": [
        {"participants": [["Donald Trump"], ["Xi Jinping", "CHN"]], "date": "2025-10-30"},
        {"participants": [["Donald Trump"], ["Kim Jong Un"]], "date": "2019-06"},
    ],
    "optional": [{"participants": [["Donald Trump"], ["Naruhito"]], "date": None}],
}


def meeting(names: list[str], date: str | None, status: str = "reported", ids: list[str] | None = None) -> dict:
    return {"id": "m", "participants": ids or [], "names": names, "date": date, "status": status, "sources": []}


@pytest.mark.parametrize(
    ("rows", "recall", "precision"),
    [
        ([meeting(["Donald Trump", "Xi Jinping"], "2025-10-30"), meeting(["Donald Trump", "Kim Jong Un"], "2019-06-30")], 1.0, 1.0),
        ([meeting(["Donald Trump"], "2025-10-30", ids=["Q22686", "CHN"])], 0.5, 1.0),  # an id is an alternative too
        ([meeting(["Donald Trump", "Xi Jinping"], "2025-10")], 0.0, 0.0),  # coarser than the gold's date
        ([meeting(["Donald Trump", "Xi Jinping"], "2025-10-30")] * 2, 0.5, 0.5),  # a duplicate
        ([meeting(["Donald Trump", "Naruhito"], None)], 0.0, 1.0),  # optional: right, no recall
        ([meeting(["Donald Trump", "Xi Jinping"], "2025-10-30", status="planned")], 0.0, 1.0),  # not counted
        ([meeting(["Pete Hegseth", "Dong Jun"], "2025-11-01")], 0.0, 0.0),  # neither core nor optional
    ],
    ids=["all", "ids", "coarse-date", "duplicate", "optional", "planned", "extra"],
)
def test_meeting_rows(rows, recall: float, precision: float) -> None:
    scores = score_meeting_rows(rows, MEETINGS)
    assert (scores.recall, scores.precision) == (recall, precision)


def test_rows_pair_with_core_meetings_to_hit_the_most() -> None:
    gold = {"core": [{"participants": [["Donald Trump"], ["Kim Jong Un"]], "date": "2019"}, {"participants": [["Donald Trump"], ["Kim Jong Un"]], "date": "2019-02"}]}
    rows = [meeting(["Donald Trump", "Kim Jong Un"], "2019-02"), meeting(["Donald Trump", "Kim Jong Un"], "2019-06")]
    assert score_meeting_rows(rows, gold).recall == 1.0  # the first row must not take the 2019 one


LEDGER = {
    "core": [{"pledger": ["Korean Air", "KOR"], "amount": {"value": 36200000000, "unit": "USD"}}],
    "optional": [{"pledger": ["USA"], "amount": None}],
}


def commitment(pledger: str, value: float | None, unit: str = "USD", pledger_id: str = "x") -> dict:
    amount = None if value is None else {"value": value, "unit": unit, "per": None, "approx": False}
    return {"id": "c", "pledger": pledger_id, "pledger_name": pledger, "amount": amount, "status": "claimed", "sources": []}


@pytest.mark.parametrize(
    ("rows", "recall", "precision"),
    [
        ([commitment("Korean Air", 36.2e9)], 1.0, 1.0),
        ([commitment("Korean Air", 36.5e9)], 1.0, 1.0),  # within 1%
        ([commitment("Korean Air", 37e9)], 0.0, 0.0),  # not within 1%
        ([commitment("Korean Air", 36.2e9, unit="KRW")], 0.0, 0.0),  # another unit
        ([commitment("South Korea", 36.2e9, pledger_id="KOR")], 1.0, 1.0),  # the pledger's id
        ([commitment("United States", None, pledger_id="USA")], 0.0, 1.0),  # optional without an amount
        ([commitment("Korean Air", 36.2e9)] * 2, 1.0, 0.5),  # a duplicate
    ],
    ids=["exact", "within-1%", "off", "unit", "id", "optional", "duplicate"],
)
def test_ledger_rows(rows, recall: float, precision: float) -> None:
    scores = score_ledger_rows(rows, LEDGER)
    assert (scores.recall, scores.precision) == (recall, precision)


def test_misses_name_what_was_missed_and_what_was_extra() -> None:
    scores = score_ledger_rows([commitment("Boeing", 1e9)], LEDGER)
    assert any(m.startswith("missed: Korean Air") for m in scores.misses)
    assert any(m.startswith("extra: Boeing") for m in scores.misses)
