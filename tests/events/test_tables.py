"""Tables of commitments read by their header (events/tables.py), on tables of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry import extract
from summitry.events.lexicon import read_data
from summitry.events.tables import read_tables, table_lexicon, table_problems
from summitry.text import build_view

COMMITMENTS = "\n".join(
    [
        "表3:日本企業對美投資承諾",
        "項目 | 日方投資方 | 美方受益方 | 預估金額 | 說明 |",
        "汽車工廠擴建 | 豐田汽車 | 美國 | 2030年前投資100億美元 | 在美國新增產能 |",
        "核電機組 | 三星電子 | 西屋電氣 | 80億美元 | 建設期長;",
        "需政府貸款 |",
        "通信網絡 | 軟銀集團 | 美國 | 未披露 | |",
    ]
)
DEMANDS = "\n".join(
    [
        "表4:美國對日本駐軍經費的要求",
        "年份 | 原有水準 | 美方要求 | 說明 |",
        "2020年 | 每年約20億美元 | 每年80億美元 | 談判要求 |",
    ]
)


def _events(text: str):
    return [e for e in extract(text, dt.date(2025, 10, 30)).events]


def test_header_words_give_each_column_its_role() -> None:
    (table,) = read_tables(build_view(COMMITMENTS))
    assert [cell.role for cell in table.header] == ["item", "pledger", "beneficiary", "amount", None]
    assert table.kind is not None and table.kind.name == "commitment"
    assert COMMITMENTS[table.caption.start : table.caption.end].startswith("表3")


def test_a_cell_broken_over_two_lines_stays_in_its_row() -> None:
    (table,) = read_tables(build_view(COMMITMENTS))
    assert len(table.rows) == 3
    assert COMMITMENTS[table.rows[1].start : table.rows[1].end].endswith("需政府貸款 |")


@pytest.mark.parametrize(
    ("row", "source", "target", "amounts"),
    [
        (0, {"company:toyota"}, {"USA"}, ["100億美元"]),
        (1, {"company:samsung-electronics"}, {"company:westinghouse"}, ["80億美元"]),
        (2, {"company:softbank"}, {"USA"}, []),
    ],
)
def test_each_row_is_one_event_with_the_row_as_evidence(row: int, source: set, target: set, amounts: list) -> None:
    events = [e for e in _events(COMMITMENTS) if "|" in COMMITMENTS[e.evidence.start : e.evidence.end]]
    assert len(events) == 3  # and the sentence rules read none of the rows
    event = events[row]
    assert (event.type, event.mode, event.status) == ("COOPERATE", "economic", "reported")
    assert (set(event.source), set(event.target), [q.text for q in event.quantities]) == (source, target, amounts)


def test_a_demand_table_takes_its_parties_from_header_and_caption() -> None:
    (event,) = [e for e in _events(DEMANDS) if "|" in DEMANDS[e.evidence.start : e.evidence.end]]
    assert (event.type, event.source, event.target, event.date) == ("REQUEST", ("USA",), ("JPN",), "2020")
    assert [(q.value, q.per) for q in event.quantities] == [(8e9, "year")]  # the demanded sum, not the old level


def test_lines_that_are_no_table_stay_sentences() -> None:
    text = "川普與習近平30日在釜山會晤。這條線 | 不是表格。"
    assert read_tables(build_view(text)) == ()
    assert any(e.type == "CONSULT" for e in _events(text))


def test_the_data_file_keeps_its_rules() -> None:
    assert table_problems(read_data("tables.yaml")) == []
    assert table_lexicon().kinds
    broken = {"separator": "|", "columns": [{"role": "amount", "words": []}], "kinds": [{"name": "x", "type": "PRAISE", "amount_from": "cost", "source_from": ["cell:pledger"], "summary": "no source"}]}
    problems = " ".join(table_problems(broken))
    for expected in ("no words", "PLOVER", "unknown role 'cost'", "party source", "summary"):
        assert expected in problems
