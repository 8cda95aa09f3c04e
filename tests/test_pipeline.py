"""The Python API: a string and a date in, typed dataclasses out, every span inside the text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import summitry
from summitry import extract
from summitry.actors import load_knowledge_base
from summitry.ingest import Rejection
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


@pytest.mark.parametrize(
    "amount",
    [
        "３，５００億美元",  # full-width digits and comma
        "3\u00a0500億美元",  # a no-break space between thousands
        "3\u202f500億美元",  # a narrow no-break space
        "３\u3000５００億美元",  # a full-width space in full-width digits
        "3\u0301500億美元",  # a combining mark on a digit
        "3\u200b500億美元",  # a zero-width space
    ],
)
def test_a_number_with_an_invisible_or_grouping_character_inside_reads_whole(amount: str) -> None:
    text = f"南韓總統李在明29日在慶州會見川普，韓方承諾對美投資{amount}。"
    [money] = [q for q in extract(text, dt.date(2025, 10, 30)).quantities if q.unit == "USD"]
    assert money.value == 350_000_000_000
    assert text[money.start : money.end] == money.text == amount


@pytest.mark.parametrize("name", ["川\u200d普", "川\ufe0f普", "川\u200b普", "川\u0308普", "川\u00ad普"])
def test_a_name_with_a_joiner_or_a_selector_inside_is_linked_over_the_whole_span(name: str) -> None:
    text = f"南韓總統李在明29日在慶州會見{name}，雙方會談約兩小時。"
    record = extract(text, dt.date(2025, 10, 30))
    spans = [(m.start, m.end) for m in record.mentions if m.entity_id == "Q22686"]
    assert [text[start:end] for start, end in spans] == [name]
    assert record.document.text == text and record.document.id == extract(text).document.id
    assert [time.text for time in record.times] == ["29日"]
    for event in record.events:
        assert 0 <= event.evidence.start < event.evidence.end <= len(text)


@pytest.mark.parametrize("text", ["3 500人", "第3\u00a05000號", "1,000,000美元", "增長3，500家"])
def test_spaces_and_commas_that_are_no_thousands_separator_are_kept(text: str) -> None:
    from summitry.text import compact

    assert compact(text) is None


# -- the pipeline as an object ------------------------------------------------------------

ITEM = "date 2025-10-30\n美國總統拜登29日在慶州與南韓總統李在明舉行會談。"


def test_a_loaded_pipeline_makes_extracts_records() -> None:
    nlp = summitry.load()
    assert nlp(ITEM) == extract(ITEM)


def test_pipe_keeps_order_and_turns_a_failure_into_a_rejection(monkeypatch) -> None:
    nlp = summitry.load()
    texts = [ITEM, "date 2025-10-31\n南韓總統李在明與日本首相高市早苗通話。"]
    records = list(nlp.pipe(texts))
    assert [r.document.date for r in records] == [dt.date(2025, 10, 30), dt.date(2025, 10, 31)]
    assert all(isinstance(r, Record) for r in records)

    def broken(self, document):  # a bug met by one document
        raise KeyError("boom")

    monkeypatch.setattr(summitry.Pipeline, "_extract", broken)
    [rejected] = list(nlp.pipe([ITEM]))
    assert isinstance(rejected, Rejection) and "KeyError" in rejected.reason and rejected.path == "<item 1>"


def test_a_knowledge_base_of_ones_own_is_the_one_used() -> None:
    shipped = load_knowledge_base()
    biden = next(e.id for e in shipped.entities.values() if e.name == "Joe Biden")
    without = dataclasses.replace(
        shipped,
        alias_index={alias: ids for alias, ids in shipped.alias_index.items() if biden not in ids},
        fingerprint=shipped.fingerprint + "-without-biden",
    )
    assert biden in {e.id for e in summitry.load()(ITEM).entities}
    assert biden not in {e.id for e in summitry.load(kb=without)(ITEM).entities}
    with pytest.raises(ValueError, match="jobs=1"):
        list(summitry.load(kb=without).pipe([ITEM], jobs=2))


def test_an_events_parties_are_the_records_entities() -> None:
    record = extract(ITEM)
    [meeting] = [e for e in record.events if e.type == "CONSULT"]
    assert {record.entity(i).name for i in meeting.source + meeting.target} == {"Joe Biden", "Lee Jae-myung"}
    assert record.entity("no-such-id") is None
