"""A page reads a page's worth: on a store of a few hundred documents, the ledger, search and
an actor's timeline fetch the rows they show (and the figures above them), never every
matching row, and say truly how many there are in all.

The documents are our own sentences in the style of wire reports, varied by leader, country,
city, date and amount, so that every list holds far more rows than one page.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from summitry.ingest import Document
from summitry.store import ingest_records, open_store
from summitry.web import create_app, pages

SIDES = [("美國總統川普", "美國"), ("日本首相高市早苗", "日本"), ("南韓總統李在明", "南韓"), ("中國國家主席習近平", "中國")]
CITIES = ["東京", "首爾", "北京", "吉隆坡", "河內"]
TEMPLATES = [
    "{a}{month}月{day}日在{city}會晤{b}，雙方同意深化經貿合作。{country}承諾向{other}提供{amount}億美元貸款。",
    "{b}{month}月{day}日在{city}會晤{a}。{country}政府宣布將在三年內對{other}投資{amount}億美元。",
]
DOCUMENTS = 300
PER = 5


def _documents() -> list[Document]:
    found = []
    for n in range(DOCUMENTS):
        (a, country), (b, other) = SIDES[n % 4], SIDES[(n // 4 + 1 + n % 4) % 4]
        if a == b:
            b, other = SIDES[(n + 1) % 4]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=n * 7 % 330)
        text = TEMPLATES[n % 2].format(a=a, b=b, country=country, other=other, city=CITIES[n % 5], month=day.month,
                                       day=day.day, amount=10 + n)
        found.append(Document(id=f"{n:016x}", source=f"own/{n}.txt", text=f"第{n}則\n{text}", date=day + dt.timedelta(days=1),
                              url=f"https://wire{n % 3}.example/{n}"))
    return found


@dataclass(frozen=True)
class Reads:
    """What one request read from the store: rows fetched, those holding a view row's or a
    record's JSON object, and SQL statements run."""

    rows: int
    objects: int
    statements: int
    sql: tuple[tuple[str, Any], ...] = ()


@pytest.fixture(scope="module")
def reading(tmp_path_factory) -> Iterator[Any]:
    engine = open_store(str(tmp_path_factory.mktemp("reads") / "store.db"))
    ingest_records(engine, _documents())
    counted = {"rows": 0, "objects": 0, "statements": 0}
    run: list[tuple[str, Any]] = []

    def row(cursor: Any, values: tuple[Any, ...]) -> tuple[Any, ...]:
        counted["rows"] += 1
        counted["objects"] += any(isinstance(v, str) and v.startswith('{"') for v in values)
        return values

    @event.listens_for(engine, "connect")
    def count_rows(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.row_factory = row

    @event.listens_for(engine, "before_cursor_execute")
    def count_statements(_connection: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        counted["statements"] += 1
        run.append((statement, parameters))

    engine.dispose()  # new connections, each counting
    client = TestClient(create_app(engine), base_url="http://localhost")

    def read(path: str) -> tuple[Reads, str]:
        assert client.get(path).status_code == 200, path  # the first request fills what the app keeps
        counted.update(rows=0, objects=0, statements=0)
        run.clear()
        response = client.get(path)
        assert response.status_code == 200, path
        return Reads(**counted, sql=tuple(run)), response.text

    read.engine = engine  # type: ignore[attr-defined]
    yield read
    engine.dispose()


@pytest.mark.parametrize("path", [
    f"/ledger?per={PER}", f"/ledger?per={PER}&page=3&sort=-amount", f"/ledger?per={PER}&country=JPN&since=2025-03",
    f"/api/ledger?limit={PER}&offset={PER * 4}", f"/actors/Q22686?per={PER}", f"/actors/USA?per={PER}&page=2&sort=-sources",
    f"/api/actors/Q22686?limit={PER}&offset={PER * 3}",
])
def test_a_list_reads_the_view_rows_of_its_page_only(reading, path: str) -> None:
    reads, _ = reading(path)
    # The counterparts and totals are counted by the store: rows of figures, not view rows.
    assert 0 < reads.objects <= PER, reads


@pytest.mark.parametrize("path", [
    f"/search?q=會晤&per={PER}", f"/search?q=会晤&per={PER}&page=7", f"/search?q=會晤&per={PER}&actor=Q22686&since=2025-04",
    f"/search?q=深化經貿合作&per={PER}&country=KOR&outlet=wire1.example", f"/search?q=投資&per={PER}&script=Hant",
])
def test_search_fetches_the_hits_it_shows_and_a_count(reading, path: str) -> None:
    reads, _ = reading(path)
    # the page's hits, the count, the store's state the app checks: no hit beyond the page
    assert reads.rows <= PER + 3 and reads.objects == 0, reads
    assert reads.statements <= 8, reads


@pytest.mark.parametrize(("query", "wanted"), [
    ("會晤", lambda d: True),
    ("深化經貿合作", lambda d: "合作" in d.text),
    ("會晤&actor=Q22686", lambda d: "川普" in d.text),
    ("投資&since=2025-06-01&until=2025-08-31", lambda d: "投資" in d.text and "2025-06" <= d.date.isoformat()[:7] <= "2025-08"),
])
def test_search_says_how_many_sentences_match_in_all(reading, query: str, wanted: Any) -> None:
    total = sum(1 for d in _documents() if wanted(d))
    assert PER < total
    _, first = reading(f"/search?q={query}&per={PER}")
    assert re.search(rf"{total:,} sentences</a> contain", first), (total, query)
    _, second = reading(f"/search?q={query}&per={PER}&page=2")
    offsets = re.compile(r'class="offsets">\[(\d+):(\d+)\]')
    assert len(offsets.findall(first)) == len(offsets.findall(second)) == PER
    assert f"{PER + 1}–{2 * PER} shown" in second


def test_the_ledger_page_shows_the_first_totals_and_says_how_many_there_are(reading, monkeypatch) -> None:
    monkeypatch.setattr(pages, "TOTALS_SHOWN", 2)
    reads, html = reading(f"/ledger?per={PER}")
    assert reads.objects <= PER
    for side in ("pledger", "beneficiary"):
        table = html[html.index(f'id="totals-{side}"'):]
        table = table[: table.index("</table>")]
        assert table.count("<tr data-actor=") == 2
        assert re.search(rf"The first 2 of \d+ totals by {side}", html), side


@pytest.mark.parametrize("path", [f"/actors/Q22686?per={PER}&page=3", f"/api/actors/JPN?limit={PER}"])
def test_an_actor_page_is_a_range_of_the_timeline_index_not_a_sort_of_all_its_rows(reading, path: str) -> None:
    reads, _ = reading(path)
    (statement, parameters), = [(s, p) for s, p in reads.sql if "FROM timeline" in s and "ORDER BY" in s]
    with reading.engine.connect() as connection:
        plan = " / ".join(row[-1] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters))
    assert "ix_timeline_order" in plan and "TEMP B-TREE" not in plan, plan
