"""A document page names the article it came from: the real title as its heading and a link
to the original URL, when the record has them (JSON Lines and HTML pages carry both).

The store is built from our own sentences, written in the style of the news we read."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from summitry.ingest import Rejection, read_documents
from summitry.store import ingest_records, open_store
from summitry.web import create_app
from tests.web.test_pages import parse, text_of

ARTICLES = [
    {"text": "美國總統川普10月30日在釜山與中國國家主席習近平會晤，雙方同意暫停部分關稅。", "date": "2025-10-30",
     "title": "川習釜山會晤 同意暫停部分關稅", "url": "https://www.example-news.com.tw/news/20251030/1"},
    {"text": "南韩总统李在明表示，韩国将在未来十年向美国投资3500亿美元。", "date": "2025-10-29",
     "title": "李在明：对美投资3500亿美元", "url": "javascript:alert(1)"},
    {"text": "日本首相高市早苗與川普在東京簽署稀土供應協議。", "date": "2025-10-28"},
]


@pytest.fixture(scope="module")
def own_client(tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("own")
    feed = folder / "articles.jsonl"
    feed.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    engine = open_store(str(folder / "own.db"))
    summary = ingest_records(engine, [d for d in read_documents([str(feed)]) if not isinstance(d, Rejection)])
    assert summary.new == len(ARTICLES)
    return TestClient(create_app(engine), base_url="http://localhost")


def _page_of(client: TestClient, text: str) -> str:
    doc = next(d for d in client.get("/api/documents").json() if client.get(f"/api/documents/{d['id']}").json()["text"] == text)
    return client.get(f"/documents/{doc['id']}").text


def test_the_title_heads_the_page_and_the_url_is_a_link(own_client) -> None:
    html = _page_of(own_client, ARTICLES[0]["text"])
    assert text_of(html, id="original") == ["example-news.com.tw: the original article"]
    assert {"href": ARTICLES[0]["url"]} in [{"href": a["href"]} for t, a in parse(html).tags if a.get("id") == "original"]
    assert f"<h1>{ARTICLES[0]['title']}</h1>" in html
    assert f"<title>{ARTICLES[0]['title']} · summitry</title>" in html


def test_a_url_that_is_not_a_web_address_is_never_a_link(own_client) -> None:
    html = _page_of(own_client, ARTICLES[1]["text"])
    assert text_of(html, id="original") == []
    assert "javascript:" not in html
    assert f"<h1>{ARTICLES[1]['title']}</h1>" in html


def test_without_title_or_url_the_file_names_the_document(own_client) -> None:
    html = _page_of(own_client, ARTICLES[2]["text"])
    assert text_of(html, id="original") == []
    assert "<h1>articles.jsonl" in html


def test_outlet_filters_lists_by_site(own_client) -> None:
    """Only the first article has a web URL: an outlet filter keeps the rows it sources."""
    hits = own_client.get("/search", params={"q": "川普", "outlet": "example-news.com.tw", "format": "json"}).json()
    assert hits and {h["doc"] for h in hits} == {d["id"] for d in own_client.get("/api/documents").json()
                                              if d["title"] == ARTICLES[0]["title"]}
    assert own_client.get("/search", params={"q": "川普", "outlet": "elsewhere.org"}).status_code == 400


@pytest.mark.parametrize(("script", "article"), [("Hant", 0), ("Hans", 1)])
def test_script_filter_keeps_documents_of_that_script(own_client, script: str, article: int) -> None:
    """美國 finds 美国 too; script= keeps the sentences of Traditional or Simplified documents."""
    everything = own_client.get("/search", params={"q": "美國", "format": "json"}).json()
    kept = own_client.get("/search", params={"q": "美國", "script": script, "format": "json"}).json()
    assert len(everything) == 2 and len(kept) == 1
    assert ARTICLES[article]["text"].startswith(kept[0]["sentence"]["text"])
