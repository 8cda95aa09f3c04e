"""Every page renders against the seeds store, shows the API's numbers, and links them to evidence."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from summitry.web.present import amount_text


class _Elements(HTMLParser):
    """Start tags with their attributes, and the text inside elements chosen by id or class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []
        self.texts: list[tuple[str, dict[str, str], str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag not in ("br", "input", "meta", "link", "img"):
            self._open.append((tag, attributes, []))

    def handle_endtag(self, tag) -> None:
        while self._open:
            name, attributes, parts = self._open.pop()
            text = "".join(parts)
            self.texts.append((name, attributes, text))
            if self._open:
                self._open[-1][2].append(text)
            if name == tag:
                break

    def handle_data(self, data) -> None:
        if self._open:
            self._open[-1][2].append(data)


def parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def text_of(html: str, **wanted: str) -> list[str]:
    """Texts of the elements whose attributes include ``wanted`` (class_ for class, one word of it)."""
    found = []
    for _tag, attributes, text in parse(html).texts:
        if all(value in attributes.get(key.rstrip("_"), "").split() if key == "class_" else attributes.get(key) == value for key, value in wanted.items()):
            found.append(text)
    return found


def every_page(client, meetings_json, seeds_records) -> list[str]:
    actors = {p for m in meetings_json for p in m["participants"]}
    return [
        "/", "/search", "/search?q=關稅", "/search?q=关税", "/meetings", "/meetings?actor=Trump&since=2025-10",
        "/ledger", "/ledger?pledger=KOR", "/actors", "/api",
        *(f"/meetings/{m['id']}" for m in meetings_json),
        *(f"/actors/{a}" for a in sorted(actors)),
        *(f"/documents/{r.document.id}" for r in seeds_records),
    ]


def test_every_page_renders(client, meetings_json, seeds_records) -> None:
    for path in every_page(client, meetings_json, seeds_records):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html"), path
        assert "<h1>" in response.text, path


def test_pages_use_no_external_asset(client, meetings_json, seeds_records) -> None:
    for path in every_page(client, meetings_json, seeds_records)[:10]:
        for tag, attributes in parse(client.get(path).text).tags:
            source = attributes.get("src") or (attributes.get("href") if tag == "link" else None)
            assert not source or not re.match(r"(https?:)?//", source), (path, tag, source)


def test_ledger_page_shows_the_api_amounts(client) -> None:
    rows = client.get("/api/ledger").json()
    html = client.get("/ledger").text
    shown = [(a["data-value"], a["data-unit"], a["data-per"]) for t, a in parse(html).tags if "amount" in a.get("class", "").split()]
    expected = [(str(r["amount"]["value"]), r["amount"]["unit"], r["amount"]["per"] or "") for r in rows if r["amount"]]
    assert shown == expected
    assert text_of(html, class_="amount") == [amount_text(**r["amount"]) for r in rows if r["amount"]]
    assert text_of(html, id="row-count")[0].startswith(f"{len(rows)} commitments")


def test_ledger_totals_shown_are_the_api_totals(client) -> None:
    totals = client.get("/api/ledger/totals").json()
    html = client.get("/ledger").text
    assert text_of(html, class_="total") == [t["text"] for t in totals["by_pledger"] + totals["by_beneficiary"]]


def test_every_ledger_amount_links_to_its_evidence(client) -> None:
    rows = {r["id"]: r for r in client.get("/api/ledger").json()}
    links = [a["href"] for t, a in parse(client.get("/ledger").text).tags if "amount" in a.get("class", "").split()]
    amounts = [r for r in rows.values() if r["amount"]]
    assert len(links) == len(amounts)
    for href, row in zip(links, amounts):
        target = urlsplit(href)
        query = {k: int(v[0]) for k, v in parse_qs(target.query).items()}
        source = row["sources"][0]
        assert target.path == f"/documents/{source['doc']}"
        assert (query["start"], query["end"]) == (source["evidence"]["start"], source["evidence"]["end"])
        page = client.get(href)
        assert text_of(page.text, id="evidence") == [source["text"]]


def test_meetings_page_shows_every_meeting(client, meetings_json) -> None:
    html = client.get("/meetings").text
    ids = [a["data-id"] for t, a in parse(html).tags if t == "tr" and "data-id" in a]
    assert ids == [m["id"] for m in meetings_json]
    assert text_of(html, id="meeting-count")[0].startswith(f"{len(meetings_json)} meetings")
    # A dot per meeting dated to the day, a bar across its month or year per one dated less precisely.
    assert html.count("<circle") == sum(1 for m in meetings_json if m["date"] and len(m["date"]) == 10)
    assert html.count('rx="5"') == sum(1 for m in meetings_json if m["date"] and len(m["date"]) < 10)
    assert "習近平" in html and "Xi Jinping" in html  # names as written and in English


def test_search_page_counts_and_marks_matches(client) -> None:
    hits = client.get("/api/search", params={"q": "美国总统"}).json()
    html = client.get("/search", params={"q": "美国总统"}).text
    assert text_of(html, id="hit-count")[0].startswith(f"{len(hits)} sentences")
    assert text_of(html, class_="match") == [m["text"] for h in hits for m in h["matches"]]


def test_meeting_page_puts_the_sides_side_by_side(client, meetings_json) -> None:
    summit = next(m for m in meetings_json if {"Donald Trump", "Xi Jinping"} <= set(m["names"]))
    readouts = client.get(f"/api/meetings/{summit['id']}/readouts").json()
    html = client.get(f"/meetings/{summit['id']}").text
    assert html.count('<section class="side">') == len(readouts["sides"]) == 2
    for side in readouts["sides"]:
        for topic in side["topics"]:
            assert f'<span class="topic">{topic["topic"]}</span>' in html


def test_document_page_keeps_the_text_and_marks_every_annotation(client, seeds_records) -> None:
    for record in seeds_records:
        html = client.get(f"/documents/{record.document.id}").text
        article = next(text for tag, a, text in parse(html).texts if tag == "article")
        assert article == record.document.text
        ids = {a.get("id") for t, a in parse(html).tags}
        assert {f"quantity-{i}" for i in range(len(record.quantities))} <= ids
        assert {f"time-{i}" for i in range(len(record.times))} <= ids
        assert {f"mention-{i}" for i in range(len(record.mentions))} <= ids


def test_document_page_highlights_the_span_asked_for(client, seeds_records) -> None:
    record = seeds_records[0]
    quantity = record.quantities[0]
    html = client.get(f"/documents/{record.document.id}?start={quantity.start}&end={quantity.end}").text
    assert text_of(html, id="evidence") == [quantity.text]
    assert text_of(html, id="focus-offsets") == [f"{quantity.start}:{quantity.end}"]


def test_numbers_on_the_overview_link_somewhere(client, seeds_records) -> None:
    html = client.get("/").text
    numbers = [a for t, a in parse(html).tags if t == "a" and "number" in a.get("class", "").split()]
    assert len(numbers) == 3 + 5 * len(seeds_records)
    assert all(a["href"] for a in numbers)


@pytest.mark.parametrize("path", ["/meetings/000000000000", "/documents/nope", "/actors/Nobody%20Atall"])
def test_missing_pages_are_404(client, path: str) -> None:
    assert client.get(path).status_code == 404
