"""Every page reads what it shows, not the store: rows fetched per request stay the same
whether the store holds a few dozen documents or a few hundred.

The documents are our own sentences in the style of news reports, varied by leader, place,
date and amount, so the meetings, ledger and search grow with the store.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine.cursor import CursorResult

from summitry.ingest import Document
from summitry.store import ingest_records, open_store
from summitry.web import create_app
from summitry.web.queries import TOTAL_ROWS

LEADERS = [("美國總統川普", "USA"), ("中國國家主席習近平", "CHN"), ("日本首相高市早苗", "JPN"), ("南韓總統李在明", "KOR")]
PLACES = ["釜山", "東京", "吉隆坡", "首爾"]
SENTENCES = [
    "{a}{month}月{day}日在{place}與{b}舉行會談，雙方討論了貿易問題。",
    "{a}{month}月{day}日與{b}通電話，雙方同意加強合作。",
    "白宮表示，{country}承諾對美投資{amount}億美元。",
]


def _documents(count: int) -> list[Document]:
    found = []
    for n in range(count):
        (a, country), (b, _) = LEADERS[n % 4], LEADERS[(n // 4 + 1 + n % 4) % 4]
        if a == b:
            b = LEADERS[(n + 1) % 4][0]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=n * 37 % 300)  # the same months at every size
        text = SENTENCES[n % 3].format(a=a, b=b, month=day.month, day=day.day, place=PLACES[n % 4],
                                        country=country.replace("USA", "日本"), amount=100 + n)
        found.append(Document(id=f"{n:016x}", source=f"own/{n}.txt", text=f"第{n}則\n{text}", date=day, url=f"https://news{n % 3}.example/{n}"))
    return found


@pytest.fixture(scope="module")
def fetched(tmp_path_factory) -> Iterator[Any]:
    """Rows fetched by one request of a path, on a store of some size (the first request
    of each path is not counted: it reads what the app keeps between requests)."""
    counter = {"rows": 0}
    originals = {name: getattr(CursorResult, name) for name in ("_fetchall_impl", "_fetchiter_impl", "_fetchmany_impl", "_fetchone_impl")}

    def counting(name: str) -> Any:
        original = originals[name]

        def fetch(self: Any, *args: Any, **kwargs: Any) -> Any:
            result = original(self, *args, **kwargs)
            if name == "_fetchiter_impl":
                return (counter.__setitem__("rows", counter["rows"] + 1) or row for row in result)
            counter["rows"] += len(result) if isinstance(result, list) else int(result is not None)
            return result

        return fetch

    clients = {}

    engines = {}

    def rows_of(size: int, path: str, warm: bool = True) -> int:
        if size not in engines:
            engines[size] = open_store(str(tmp_path_factory.mktemp(f"scale{size}") / "store.db"))
            ingest_records(engines[size], _documents(size))
            clients[size] = TestClient(create_app(engines[size]), base_url="http://localhost")
        client = clients[size] if warm else TestClient(create_app(engines[size]), base_url="http://localhost")
        if warm:
            assert client.get(path).status_code == 200, path
        counter["rows"] = 0
        for name in originals:
            setattr(CursorResult, name, counting(name))
        try:
            assert client.get(path).status_code == 200
        finally:
            for name, original in originals.items():
                setattr(CursorResult, name, original)
        return counter["rows"]

    yield rows_of


@pytest.mark.parametrize("path", [
    "/?per=10", "/?per=10&sort=-events", "/meetings?per=10", "/meetings?per=10&sort=-sources&script=Hant&outlet=news1.example",
    "/meetings?per=10&country=JPN&since=2025-03", "/ledger?per=10", "/ledger?per=10&sort=amount&country=JPN",
    "/ledger?per=10&since=2025-02&until=2025-09&outlet=news2.example", "/actors?per=10", "/api/meetings?limit=10",
    "/api/ledger?limit=10", "/api/ledger/totals", "/api/documents?limit=10",
    "/actors/Q22686?per=10", "/actors/USA?per=10&sort=-sources", "/actors/JPN?per=5&page=2", "/api/actors/Q22686?limit=10",
])
def test_a_page_fetches_as_many_rows_at_240_documents_as_at_40(fetched, path: str) -> None:
    small, large = fetched(40, path), fetched(240, path)
    # A few more totals, each linking at most its first TOTAL_ROWS rows (by pledger, by
    # beneficiary), never a row per document.
    assert 0 < large <= small + 12 + (2 * TOTAL_ROWS if "ledger" in path else 0), (small, large)


def test_what_the_app_keeps_between_requests_does_not_grow_with_the_documents(fetched) -> None:
    """A new app's first request reads the entities, outlets and modes it keeps: no record."""
    small, large = fetched(40, "/api/documents?limit=1", warm=False), fetched(240, "/api/documents?limit=1", warm=False)
    assert 0 < large <= small + 4, (small, large)
