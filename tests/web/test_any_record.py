"""Every page and API endpoint survives a store of any valid records (tests/records.py).

Each example ingests its records into a fresh SQLite store, as `summitry ingest` would, and
asks the app for every page and endpoint, for every meeting, actor, document and evidence
span of the records. The TestClient raises what the app raises, so a crash is a failure here,
not a 500 to look for."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from summitry.model import Record
from summitry.store import ingest_records, open_store
from summitry.views.meetings import meetings
from summitry.web import create_app
from tests.records import corpora
from tests.views.test_any_record import actor_names


def urls(records: list[Record], data: st.DataObject) -> list[str]:
    """Every page and endpoint the records give a reason to ask for."""
    asked = ["/", "/meetings", "/ledger", "/actors", "/api", "/api/documents", "/api/meetings", "/api/ledger",
             "/api/ledger/totals", "/api/openapi.json", "/search?q=川普", "/api/search?q=美國", "/api/search?q=%20"]
    for meeting in meetings(records)[:2]:
        asked += [f"/meetings/{meeting.id}", f"/api/meetings/{meeting.id}", f"/api/meetings/{meeting.id}/readouts"]
    for name in actor_names(records, data):
        name = quote(name, safe="")
        asked += [f"/actors/{name}", f"/api/actors/{name}", f"/meetings?actor={name}", f"/ledger?pledger={name}",
                  f"/api/meetings?actor={name}&with={name}", f"/api/ledger?beneficiary={name}"]
    for record in records:
        doc = record.document.id
        asked += [f"/documents/{doc}", f"/api/documents/{doc}"]
        asked += [f"/documents/{doc}?start={e.evidence.start}&end={e.evidence.end}" for e in record.events]
    return asked


@settings(max_examples=10)
@given(corpora, st.data())
def test_every_page_and_endpoint_survives_any_record(records: list[Record], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as folder:
        engine = open_store(str(Path(folder) / "store.db"))
        try:
            summary = ingest_records(engine, records)
            assert summary.new == len(records) and not summary.rejected
            client = TestClient(create_app(engine), base_url="http://localhost")
            for url in urls(records, data):
                response = client.get(url)
                assert response.status_code in (200, 404, 422), (url, response.status_code, response.text[:300])
        finally:
            engine.dispose()
