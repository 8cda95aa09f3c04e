"""web/guard.py: a local server showing third-party text refuses foreign hosts, sends safe
headers, answers HEAD, needs a token beyond loopback, and shows control characters as marks."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import Engine

from summitry import extract
from summitry.store import ingest_records, open_store
from summitry.web import create_app
from summitry.web.guard import host_name, is_loopback, shown


@pytest.mark.parametrize(
    ("base", "status"),
    [
        ("http://localhost", 200),
        ("http://127.0.0.1:8000", 200),
        ("http://[::1]:8000", 200),
        # DNS rebinding: an attacker's name pointed at 127.0.0.1
        ("http://rebind.attacker.example:8000", 400),
        ("http://testserver", 400),
    ],
)
def test_only_the_served_host_names_are_answered(seeds_engine: Engine, base: str, status: int) -> None:
    client = TestClient(create_app(seeds_engine), base_url=base)
    assert client.get("/api/documents").status_code == status


def test_pages_carry_security_headers(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/", "/meetings", "/api/documents"])
def test_head_is_answered_like_get_without_a_body(client: TestClient, path: str) -> None:
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_a_token_is_needed_when_one_is_set(seeds_engine: Engine) -> None:
    client = TestClient(create_app(seeds_engine, token="s3cret"), base_url="http://localhost")
    assert client.get("/api/documents").status_code == 401
    assert client.get("/api/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    # once in the address, then by cookie
    assert client.get("/?token=s3cret").status_code == 200
    assert client.get("/api/documents").status_code == 200


@pytest.mark.parametrize(
    ("header", "name"),
    [("localhost:8000", "localhost"), ("[::1]:8000", "::1"), ("127.0.0.1", "127.0.0.1"), ("Example.ORG", "example.org")],
)
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True), ("0.0.0.0", False), ("192.0.2.7", False)])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_control_characters_are_shown_not_obeyed() -> None:
    assert shown("\u202e5500億美元") == "[U+202E]5500億美元"
    assert shown("第一行\n第二行\t") == "第一行\n第二行\t"
    assert len(shown("a\u2066b\u2069c")) > 3


def test_a_right_to_left_override_in_an_article_is_marked_on_its_page(tmp_path) -> None:
    text = "美國總統川普29日在慶州會見南韓總統李在明，南韓承諾投資\u202e3500億美元。"
    engine = open_store(str(tmp_path / "bidi.db"))
    try:
        record = extract(text, dt.date(2025, 10, 30), source="bidi.txt")
        ingest_records(engine, [record.document])
        client = TestClient(create_app(engine), base_url="http://localhost")
        page = client.get(f"/documents/{record.document.id}")
        assert page.status_code == 200
        assert "\u202e" not in page.text
        assert "承諾投資[U+202E]" in page.text
        # the stored text and its offsets are untouched
        api = client.get(f"/api/documents/{record.document.id}").json()
        assert "\u202e" in api["text"]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("source", "shown_as"),
    [
        ("/home/analyst/cases/secret-project/article.txt", "article.txt"),
        ("https://www.cna.com.tw/news/aopl/1.aspx", "https://www.cna.com.tw/news/aopl/1.aspx"),
        ("feed.jsonl:12", "feed.jsonl:12"),
        ("-", "-"),
    ],
)
def test_pages_show_no_local_folders(source: str, shown_as: str) -> None:
    from summitry.web.guard import origin

    assert origin(source) == shown_as


def test_the_document_page_names_the_file_not_its_folder(client: TestClient, seeds_records) -> None:
    record = seeds_records[0]
    page = client.get(f"/documents/{record.document.id}").text
    folder = record.document.source.rsplit("/", 1)[0]
    assert "/" in record.document.source and folder not in page
