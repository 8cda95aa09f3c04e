"""The views kept as tables (store/materialise.py): each ingest batch re-merges the groups it
touches, and the tables then say what the views computed from every record say."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, func, select

from summitry.ingest import Document
from summitry.store import ingest_records, refresh_records
from summitry.store.migrations import downgrade_to, upgrade_to_head
from summitry.store.schema import commitments, documents, meeting_reports, meetings
from summitry.views.ledger import commitment_data, ledger
from summitry.views.meetings import meeting_data, meetings as merged_meetings, related_sides
from summitry.views.source import stored_ledger, stored_meetings, stored_records

# Our own sentences in the style of the news: one summit reported dated, then undated in a
# later story; one pledge stated by two stories.
ARTICLES = [
    ("2025-10-30", "美國總統川普10月30日在釜山與中國國家主席習近平舉行會談，雙方討論了關稅問題。"),
    ("2025-11-02", "川普與習近平日前在釜山舉行會談後，白宮表示中國同意每年購買2500萬噸美國大豆。"),
    ("2025-11-03", "白宮表示，中國承諾每年購買2500萬噸美國大豆。"),
    ("2025-10-28", "日本首相高市早苗10月28日在東京與美國總統川普會談，日本承諾對美投資5500億美元。"),
    ("2025-10-29", "高市早苗承諾日本將對美投資5500億美元。"),
    # 5,580 is within 1% of 5,540 and 5,540 of 5,500: one commitment by a chain of steps,
    # whichever batch brings which; 800 is another.
    ("2025-11-01", "日本承諾對美投資5580億美元。"),
    ("2025-10-31", "日本政府表示，日本承諾對美投資5540億美元。"),
    ("2025-11-02", "日本承諾對美投資800億美元。"),
]


def _documents() -> list[Document]:
    return [Document(id=f"{i:016x}", source=f"own/{i}.txt", text=text, date=dt.date.fromisoformat(day)) for i, (day, text) in enumerate(ARTICLES)]


def _tables(engine) -> tuple[list, list]:
    with engine.connect() as connection:
        return [meeting_data(m) for m in stored_meetings(connection)], [commitment_data(c) for c in stored_ledger(connection)]


def _computed(engine) -> tuple[list, list]:
    records = stored_records(engine)
    return [meeting_data(m) for m in merged_meetings(records)], [commitment_data(c) for c in ledger(records)]


@pytest.mark.parametrize("order", [(0, 1, 2, 3, 4, 5, 6, 7), (7, 6, 5, 4, 3, 2, 1, 0), (5, 1, 2, 0, 7, 4, 3, 6)])
@pytest.mark.parametrize("batch_size", [1, 2, 50])
def test_batches_in_any_order_keep_the_tables_equal_to_the_views_of_every_record(store, order, batch_size) -> None:
    articles = _documents()
    ingest_records(store, [articles[i] for i in order], batch_size=batch_size)
    meetings_now, ledger_now = _tables(store)
    assert (meetings_now, ledger_now) == _computed(store)
    summit = next(m for m in meetings_now if m["date"] == "2025-10-30")
    assert sorted({s[0] for s in summit["sources"]}) == [articles[0].id, articles[1].id]  # the undated report joined
    soybeans = next(c for c in ledger_now if c["amount"] and c["amount"]["unit"] == "tonne")
    assert sorted({s[0] for s in soybeans["sources"]}) == [articles[1].id, articles[2].id]
    usd = sorted((c["amount"]["value"], len({s[0] for s in c["sources"]})) for c in ledger_now if c["amount"] and c["amount"]["unit"] == "USD")
    assert usd == [(80000000000, 1), (550000000000, 4)]


@pytest.mark.parametrize(
    ("touched", "stored", "related"),
    [
        ("CHN|USA", ["JPN|USA", "CHN|USA"], ["CHN|USA"]),  # Busan does not reach Tokyo
        ("CHN|USA", ["CHN|KOR|USA", "JPN|KOR|USA", "JPN|USA"], ["CHN|KOR|USA", "CHN|USA"]),
        ("JPN|USA", ["CHN|KOR|USA", "JPN|KOR|USA", "KOR|USA"], ["JPN|KOR|USA", "JPN|USA", "KOR|USA", "CHN|KOR|USA"]),
        ("MYS|USA", [], ["MYS|USA"]),
    ],
)
def test_a_batch_re_merges_the_side_sets_linked_to_its_own_by_subsets(touched, stored, related) -> None:
    as_set = lambda text: frozenset(text.split("|"))  # noqa: E731
    assert related_sides({as_set(touched)}, {as_set(s) for s in stored}) == {as_set(s) for s in related}


def test_a_later_batch_of_other_sides_leaves_the_stored_meetings_as_they_were(store) -> None:
    articles = _documents()
    ingest_records(store, articles[3:])  # Japan and the United States
    japan = _tables(store)[0]
    ingest_records(store, articles[:3])  # China and the United States: another side set
    assert all(m in _tables(store)[0] for m in japan)
    assert _tables(store) == _computed(store)


def test_the_seeds_tables_equal_their_views_and_a_refresh_keeps_them_so(store, seed_documents) -> None:
    ingest_records(store, seed_documents, batch_size=2)
    before = _tables(store)
    assert before == _computed(store)
    assert before[0] and before[1]
    with store.begin() as connection:
        connection.execute(documents.update().values(extractor="0.9-old"))
    refresh_records(store, batch_size=3)
    assert _tables(store) == before


def test_a_store_made_before_the_tables_gets_them_filled_once(store) -> None:
    ingest_records(store, _documents())
    expected = _tables(store)
    with store.begin() as connection:
        downgrade_to(connection, "0002")
    with store.begin() as connection:
        upgrade_to_head(connection)
    assert _tables(store) == expected
    with store.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(meeting_reports)) > 0
        assert connection.scalar(select(func.count()).select_from(commitments)) == len(expected[1])


def test_removing_a_documents_view_rows_and_re_merging_its_groups_drops_its_sources(store) -> None:
    """What a refresh does to a document whose new record reports nothing: its groups re-merge without it."""
    from summitry.store.materialise import stored_groups, update_views
    from summitry.store.schema import claims, ledger_statements

    articles = _documents()
    ingest_records(store, articles)
    with store.begin() as connection:
        touched = stored_groups(connection, [articles[1].id])
        for table in (meeting_reports, ledger_statements, claims):
            connection.execute(delete(table).where(table.c.doc_id == articles[1].id))
        update_views(connection, touched)
    meetings_now, ledger_now = _tables(store)
    assert all(s[0] != articles[1].id for row in meetings_now + ledger_now for s in row["sources"])
