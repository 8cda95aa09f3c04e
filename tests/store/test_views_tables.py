"""The views kept as tables (store/materialise.py): each ingest batch re-merges the groups it
touches, and the tables then say what the views computed from every record say."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import delete, func, select

from summitry.ingest import Document
from summitry.store import ingest_records, refresh_records
from summitry.store.migrations import downgrade_to, upgrade_to_head
from summitry.store.schema import commitments, documents, meeting_reports, meetings
from summitry.views.ledger import commitment_data, ledger
from summitry.views.meetings import meeting_data, meetings as merged_meetings, related_reports
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
        ("CHN|USA 2025-10-30", ["JPN|USA 2025-10-28", "CHN|USA 2025-10-30"], ["CHN|USA 2025-10-30"]),  # Busan does not reach Tokyo
        # A superset of sides on the same day is linked; on a day a month later, or of other sides, it is not.
        ("CHN|USA 2025-10-30", ["CHN|KOR|USA 2025-10-30", "CHN|KOR|USA 2025-12-01", "JPN|KOR|USA 2025-10-30"],
         ["CHN|KOR|USA 2025-10-30", "CHN|USA 2025-10-30"]),
        # A report dated by its month reaches that month's days of its sides and their supersets.
        ("CHN|USA 2025-10", ["CHN|USA 2025-10-30", "CHN|KOR|USA 2025-10-31", "CHN|USA 2025-09-02"],
         ["CHN|USA 2025-10", "CHN|USA 2025-10-30", "CHN|KOR|USA 2025-10-31"]),
        # An undated report merges only with its own sides, at any date; a visit reaches its own sides' talks days later.
        ("CHN|USA -", ["CHN|USA 2019-06-29", "CHN|USA 2025-10-30", "CHN|KOR|USA -"], ["CHN|USA -", "CHN|USA 2019-06-29", "CHN|USA 2025-10-30"]),
        ("KOR|USA 2025-10-27", ["KOR|USA 2025-10-29", "KOR|USA 2025-11-05"], ["KOR|USA 2025-10-27", "KOR|USA 2025-10-29"]),
        ("MYS|USA 2025-10-26", [], ["MYS|USA 2025-10-26"]),
    ],
)
def test_a_batch_re_merges_the_reports_a_merge_could_link_to_its_own(touched, stored, related) -> None:
    def as_key(text: str) -> tuple[frozenset[str], str | None]:
        sides, date = text.split(" ")
        return frozenset(sides.split("|")), None if date == "-" else date

    assert related_reports({as_key(touched)}, {as_key(s) for s in stored}) == {as_key(s) for s in related}


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


def test_a_store_of_revision_0003_gets_the_filter_columns_from_its_own_rows(store) -> None:
    """Migration 0004 fills outlets, report dates, named actors and commitment documents from
    the rows' JSON (no view code), exactly as an ingest at the head revision writes them."""
    from summitry.store.schema import commitment_actors, commitment_documents, meeting_actors

    articles = [dataclasses.replace(d, url=f"https://www.news{i % 2}.example/{i}") for i, d in enumerate(_documents())]
    ingest_records(store, articles)

    def filled() -> list[list]:
        with store.connect() as connection:
            return [
                sorted(connection.execute(select(documents.c.id, documents.c.outlet)).all()),
                sorted(connection.execute(select(meeting_reports.c.doc_id, meeting_reports.c.ordinal, meeting_reports.c.date)).all()),
                sorted(connection.execute(select(meeting_actors.c.meeting, meeting_actors.c.actor, meeting_actors.c.named)).all()),
                sorted(connection.execute(select(commitment_actors)).all()),
                sorted(connection.execute(select(commitment_documents)).all()),
            ]

    expected = filled()
    assert {outlet for _, outlet in expected[0]} == {"news0.example", "news1.example"}
    assert any(named for *_, named in expected[2]) and not all(named for *_, named in expected[2])
    assert expected[4] and any(date for *_, date in expected[1]) and not all(date for *_, date in expected[1])
    with store.begin() as connection:
        downgrade_to(connection, "0003")
    with store.begin() as connection:
        upgrade_to_head(connection)
    assert filled() == expected


def test_a_store_of_revision_0004_gets_each_timelines_lines(store) -> None:
    """Migration 0005's lines (a meeting's as each of its actors sees it, a commitment's) come
    from today's view code, rebuilt at the head revision: a timeline reads the same after it."""
    from summitry.store.schema import meeting_actors
    from summitry.views.source import stored_timeline
    from summitry.views.shape import view_json

    ingest_records(store, _documents())

    def timelines() -> list[dict]:
        with store.connect() as connection:
            return [view_json(stored_timeline(connection, name)) for name in ("川普", "JPN", "CHN")]

    expected = timelines()
    assert all(t["entries"] for t in expected)
    with store.begin() as connection:
        downgrade_to(connection, "0004")
    with store.begin() as connection:
        upgrade_to_head(connection)
    assert timelines() == expected
    with store.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(meeting_actors).where(meeting_actors.c.summary.is_(None))) == 0
        assert connection.scalar(select(func.count()).select_from(commitments).where(commitments.c.summary.is_(None))) == 0


# Our own sentences in the official style: a headline the events stage dates by publication (the
# 9th) over a body that dates the meeting the day before.
HEADLINED = [
    ("2025-05-09", "韩正会见冰岛外交部长\n新华社北京5月8日电 国家副主席韩正8日在北京会见冰岛外交部长吉尔法森。"),
    ("2025-09-17", "赵乐际会见智利众议长\n新华社北京9月16日电 全国人大常委会委员长赵乐际16日在人民大会堂会见智利众议长卡斯特罗。"),
]


@pytest.mark.parametrize(("published", "text"), HEADLINED)
def test_a_headline_dated_by_publication_joins_its_body_in_the_table_as_in_the_view(store, published, text) -> None:
    ingest_records(store, [Document(id="headlined0000000", source="own/headlined.txt", text=text, date=dt.date.fromisoformat(published))])
    stored, computed = _tables(store)[0], _computed(store)[0]
    assert stored == computed  # the stored report keeps where its date came from
    assert [(len(m["sources"]), m["date"]) for m in stored] == [(2, computed[0]["date"])]
    assert computed[0]["date"] < published
