"""The JSON API under /api, through FastAPI's TestClient, against the seeds store."""

from __future__ import annotations

import pytest

from summitry.web.present import amount_text


def test_openapi_lists_every_endpoint(client) -> None:
    schema = client.get("/api/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/documents", "/api/documents/{doc_id}", "/api/search", "/api/meetings", "/api/meetings/{meeting_id}",
        "/api/meetings/{meeting_id}/readouts", "/api/ledger", "/api/ledger/totals", "/api/actors/{actor}",
    }
    assert {"Meeting", "Commitment", "Amount", "Source", "Readouts", "TimelineEntry", "ActorOut"} <= set(schema["components"]["schemas"])


def test_ledger_is_the_cli_ledger(client, ledger_json) -> None:
    assert client.get("/api/ledger").json() == ledger_json


def test_meetings_are_the_cli_meetings(client, meetings_json) -> None:
    assert client.get("/api/meetings").json() == meetings_json


def test_meetings_filter_by_actor_and_date(client) -> None:
    rows = client.get("/api/meetings", params={"actor": "金正恩", "until": "2019-12"}).json()
    assert [row["date"] for row in rows] == ["2018-06", "2019-02", "2019-06"]
    with_xi = client.get("/api/meetings", params={"actor": "川普", "with": "習近平"}).json()
    assert [row["place"] for row in with_xi] == ["Busan"]


def test_one_meeting_and_its_readouts(client, meetings_json) -> None:
    summit = next(m for m in meetings_json if {"Donald Trump", "Xi Jinping"} <= set(m["names"]))
    assert client.get(f"/api/meetings/{summit['id']}").json() == summit
    readouts = client.get(f"/api/meetings/{summit['id']}/readouts").json()
    assert readouts["meeting"] == summit["id"]
    assert [side["actor"] for side in readouts["sides"]] == summit["participants"]
    assert all(topic["evidence"] for side in readouts["sides"] for topic in side["topics"])


def test_totals_add_each_unit_apart(client, ledger_json) -> None:
    totals = client.get("/api/ledger/totals").json()
    korean_air = [t for t in totals["by_pledger"] if t["name"] == "Korean Air"]
    assert [(t["unit"], t["value"]) for t in korean_air] == [("USD", 36_200_000_000 + 13_700_000_000)]
    assert korean_air[0]["text"] == amount_text(49_900_000_000, "USD")
    for total in totals["by_pledger"] + totals["by_beneficiary"]:
        rows = [r for r in ledger_json if r["id"] in total["rows"]]
        assert {(r["amount"]["unit"], r["amount"]["per"]) for r in rows} == {(total["unit"], total["per"])}
        assert total["value"] == pytest.approx(sum(r["amount"]["value"] for r in rows))
    assert not any(t["unit"].startswith("percent") for t in totals["by_pledger"])


def test_actor_has_timeline_and_counterparts(client) -> None:
    trump = client.get("/api/actors/川普").json()
    assert trump["actor"] == "Q22686" and "川普" in trump["written"] and "特朗普" in trump["written"]
    met = {c["name"]: c["meetings"] for c in trump["counterparts"]}
    assert met["Kim Jong Un"] >= 3 and met["Xi Jinping"] == 1
    assert "Donald Trump" not in met
    assert any(e["kind"] == "meeting" for e in trump["entries"])


def test_documents_and_their_records(client, seeds_records) -> None:
    listed = client.get("/api/documents").json()
    assert sorted(d["id"] for d in listed) == sorted(r.document.id for r in seeds_records)
    document = client.get(f"/api/documents/{listed[0]['id']}").json()
    text = document["text"]
    assert document["schema"] == "summitry/1" and len(text) == document["doc"]["length"]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in document["quantities"])


@pytest.mark.parametrize("query", ["美國總統", "美国总统"])
def test_search_finds_either_script(client, query: str) -> None:
    hits = client.get("/api/search", params={"q": query}).json()
    assert len(hits) >= 5
    assert {m["text"] for h in hits for m in h["matches"]} >= {"美國總統"}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/meetings/000000000000", 404),
        ("/api/meetings/000000000000/readouts", 404),
        ("/api/documents/nope", 404),
        ("/api/actors/Nobody%20Atall", 404),
        ("/api/search?q=%20", 422),
    ],
)
def test_unknown_things_are_clear_errors(client, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["detail"]


@pytest.mark.parametrize(("path", "params"), [
    ("/api/meetings", {}),
    ("/api/meetings", {"actor": "川普"}),
    ("/api/ledger", {}),
    ("/api/ledger", {"pledger": "KOR"}),
    ("/api/documents", {}),
])
def test_api_lists_come_a_page_at_a_time_with_their_total(client, path: str, params: dict) -> None:
    whole = client.get(path, params=params)
    rows = whole.json()
    assert int(whole.headers["X-Total-Count"]) == len(rows) >= 3
    page = client.get(path, params={**params, "limit": 2, "offset": 1})
    assert page.json() == rows[1:3] and page.headers["X-Total-Count"] == whole.headers["X-Total-Count"]
    assert client.get(path, params={**params, "limit": 0}).status_code == 422
