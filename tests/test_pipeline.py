"""The Python API: a string and a date in, typed dataclasses out, every span inside the text."""

from __future__ import annotations

import datetime as dt

import pytest

from summitry import extract
from summitry.model import Entity, Quantity, Record, TimeExpr


def test_a_sentence_becomes_a_typed_record() -> None:
    text = "南韓總統李在明29日在慶州會見川普，韓方承諾對美投資3,500億美元。"
    record = extract(text, dt.date(2025, 10, 30))
    assert isinstance(record, Record)
    assert all(isinstance(e, Entity) for e in record.entities)
    assert {"Lee Jae-myung", "Donald Trump"} <= {e.name for e in record.entities}
    money = [q for q in record.quantities if q.unit == "USD"]
    assert money and isinstance(money[0], Quantity) and money[0].value == 350_000_000_000
    assert [t.value for t in record.times if isinstance(t, TimeExpr)] == ["2025-10-29"]
    for mention in record.mentions:
        assert 0 <= mention.start < mention.end <= len(text)


def test_date_header_in_the_text_wins_over_the_argument() -> None:
    record = extract(" date 2019-06-30 美國總統當天在板門店跨過軍事分界線。", dt.date(2025, 1, 1))
    assert record.document.date == dt.date(2019, 6, 30)
    assert "Donald Trump" in {e.name for e in record.entities}


@pytest.mark.parametrize(("date", "expected"), [(dt.date(2025, 8, 16), ["2025-08-15", "2025-07"]), (None, ["2025-08-15", None])])
def test_relative_dates_need_a_document_date(date: dt.date | None, expected: list[str | None]) -> None:
    record = extract("2025年8月15日峰會落幕，雙方上月已有接觸。", date)
    assert [t.value for t in record.times] == expected


def test_same_text_same_id() -> None:
    assert extract("川普與習近平會晤。").document.id == extract("川普與習近平會晤。").document.id
