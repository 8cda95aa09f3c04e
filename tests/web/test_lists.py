"""Every list page (documents, search, meetings, ledger, actors, an actor's timeline): pages
with true totals, filters in the URL, the rows on screen as CSV or JSON, sort buttons, and
error pages that say what was wrong. Against the seeds store, through TestClient."""

from __future__ import annotations

import csv
import io

import pytest

from tests.web.test_pages import parse, text_of

# (path, noun): every paginated list, and what its summary counts.
LISTS = [
    ("/", "documents"),
    ("/search?q=美國", "sentences"),
    ("/meetings", "meetings"),
    ("/ledger", "commitments"),
    ("/actors", "actors"),
    ("/actors/Q22686", "entries"),
]


def _join(path: str, **params: object) -> str:
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return path + ("&" if "?" in path else "?") + extra


def _rows(client, path: str, **params: object) -> list[dict]:
    response = client.get(_join(path, format="json", **params))
    assert response.status_code == 200, (path, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


@pytest.mark.parametrize(("path", "noun"), LISTS)
def test_pages_together_hold_every_row_once_and_say_how_many(client, path: str, noun: str) -> None:
    everything = _rows(client, path, per=500)
    assert len(everything) >= 5, "the seeds give every list several rows"
    per = 2 if len(everything) < 10 else 7
    pages = -(-len(everything) // per)
    seen = []
    for number in range(1, pages + 1):
        seen += _rows(client, path, per=per, page=number)
        html = client.get(_join(path, per=per, page=number)).text
        summary = text_of(html, class_="summary")[0]
        last = min(number * per, len(everything))
        assert summary == f"{(number - 1) * per + 1}–{last} of {len(everything)} {noun}"
        assert f"page {number} of {pages}" in html
    assert seen == everything


def test_search_counts_every_sentence_not_the_page(client) -> None:
    """20 sentences hold 稀土; the page shows 5 of them and says 20, not 5."""
    every = client.get("/api/search", params={"q": "稀土", "limit": 500}).json()
    assert len(every) > 5
    html = client.get("/search", params={"q": "稀土", "per": 5}).text
    assert text_of(html, id="hit-count")[0].startswith(f"{len(every)} sentences contain")
    assert len(text_of(html, class_="hit")) == 5


def test_a_single_result_reads_in_the_singular(client) -> None:
    html = client.get("/ledger", params={"kind": "aid"}).text
    assert text_of(html, class_="summary")[0] == "1 commitment"
    assert "1 commitments" not in html


# (path, filters, what every row kept must satisfy): each filter keeps some rows and drops others.
FILTERS = [
    ("/ledger", {"kind": "tariff"}, lambda r, c: r["kind"] == "tariff"),
    ("/ledger", {"status": "demanded"}, lambda r, c: r["status"] == "demanded"),
    ("/ledger", {"country": "KOR"}, lambda r, c: "KOR" in {_side(c, r["pledger"]), _side(c, r["beneficiary"])}),
    ("/ledger", {"actor": "川普"}, lambda r, c: "Q22686" in (r["pledger"], r["beneficiary"])),
    ("/ledger", {"since": "2025-10", "until": "2025-10-31"}, lambda r, c: (r["made_on"] or "2025-10")[:7] == "2025-10"),
    ("/meetings", {"mode": "visit"}, lambda r, c: r["mode"] == "visit"),
    ("/meetings", {"country": "PRK"}, lambda r, c: "PRK" in {_side(c, p) for p in r["participants"]}),
    ("/meetings", {"actor": "Trump", "since": "2025"}, lambda r, c: "Q22686" in r["participants"] and r["date"] >= "2025"),
    ("/meetings", {"actor": "川普", "with": "習近平"}, lambda r, c: {"Q22686", "Q15031"} <= set(r["participants"])),
    ("/search?q=美國", {"actor": "Trump"}, lambda r, c: True),
    ("/search?q=美國", {"until": "2025-10-29"}, lambda r, c: r["date"] <= "2025-10-29"),
]


def _side(client, actor: str | None) -> str | None:
    if actor is None:
        return None
    entity = client.get(f"/api/actors/{actor}").json()
    return actor if entity["type"] == "country" else client.app.app.state.corpus.snapshot().directory.side(actor)


@pytest.mark.parametrize(("path", "filters", "keeps"), FILTERS)
def test_filters_keep_some_rows_and_drop_others(client, path: str, filters: dict, keeps) -> None:
    everything = _rows(client, path, per=500)
    kept = _rows(client, path, per=500, **filters)
    assert 0 < len(kept) < len(everything)
    assert all(keeps(row, client) for row in kept)
    assert all(row in everything for row in kept)
    # The filter is in the page's own links: the next page and the downloads keep it.
    html = client.get(_join(path, per=1, **filters)).text
    links = [a["href"] for t, a in parse(html).tags if t == "a" and ("download" in a or a.get("rel") == "next")]
    assert links and all(all(f"{k}=" in href for k in filters) for href in links)


def test_filter_values_stay_in_the_form(client) -> None:
    html = client.get("/meetings", params={"actor": "川普", "since": "2025-10", "mode": "meeting"}).text
    values = {a.get("name"): a.get("value") for t, a in parse(html).tags if t == "input"}
    assert values["actor"] == "川普" and values["since"] == "2025-10"
    assert ("option", {"selected": ""}) in [(t, {k: v for k, v in a.items() if k == "selected"}) for t, a in parse(html).tags]


@pytest.mark.parametrize(
    ("path", "problem", "hint"),
    [
        ("/meetings?since=Oct 2025", "since=Oct 2025", "YYYY-MM"),
        ("/ledger?until=2025-13", "until=2025-13", "no month 13"),
        ("/meetings?until=2025-02-30", "until=2025-02-30", "no day 30"),
        ("/search?q=美國&since=last week", "since=last week", "YYYY-MM-DD"),
        ("/ledger?kind=bribe", "kind=bribe", "pledge"),
        ("/ledger?status=rumoured", "status=rumoured", "demanded"),
        ("/meetings?status=rumoured", "status=rumoured", "reported"),
        ("/meetings?mode=dinner", "mode=dinner", "visit"),
        ("/meetings?country=XYZ", "country=XYZ", "KOR"),
        ("/meetings?script=Latn", "script=Latn", "Hant"),
        ("/ledger?outlet=example.com", "outlet=example.com", "records the URL"),
        ("/ledger?per=0", "per=0", "from 1 to 500"),
        ("/actors?per=many", "per=many", "whole number"),
        ("/meetings?page=99", "page=99", "a page from 1 to"),
        ("/ledger?sort=colour", "sort=colour", "amount"),
        ("/?format=xml", "format=xml", "csv"),
    ],
)
def test_a_bad_filter_value_gets_a_page_saying_what_would_work(client, path: str, problem: str, hint: str) -> None:
    response = client.get(path)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("text/html")
    assert text_of(response.text, id="problem") == [problem]
    assert hint in text_of(response.text, id="expected")[0]
    # One click gives the same view without the bad parameter, and that view works.
    retry = next(a["href"] for t, a in parse(response.text).tags if a.get("id") == "retry")
    assert f"&{problem.split('=')[0]}=" not in "&" + (retry.split("?", 1)[1] if "?" in retry else "")
    assert client.get(retry).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/meetings?actor=Nobody Atall", "/meetings?actor=Trump&with=Nobody Atall", "/ledger?pledger=Nobody Atall",
     "/ledger?actor=Nobody Atall", "/search?q=美國&actor=Nobody Atall", "/actors/Nobody Atall", "/documents/nope",
     "/meetings/000000000000"],
)
def test_an_unknown_name_or_id_gets_a_404_page(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert text_of(response.text, id="problem") and "<h1>Not found</h1>" in response.text


def test_the_api_keeps_answering_errors_in_json(client) -> None:
    response = client.get("/api/actors/Nobody Atall")
    assert response.status_code == 404 and "no actor" in response.json()["detail"]
    assert client.get("/api/search", params={"q": "x", "limit": "many"}).status_code == 422


def test_a_malformed_page_parameter_is_a_400_page_not_json(client) -> None:
    response = client.get("/documents/" + client.get("/api/documents").json()[0]["id"], params={"start": "ten"})
    assert response.status_code == 400 and response.headers["content-type"].startswith("text/html")
    assert "start" in text_of(response.text, id="problem")[0]


@pytest.mark.parametrize(("path", "noun"), LISTS)
def test_downloads_hold_exactly_the_rows_on_screen(client, path: str, noun: str) -> None:
    page = _join(path, per=3, page=2, sort="-" + ("sources" if "meetings" in path or "ledger" in path else "date")) \
        if path not in ("/actors", "/search?q=美國") else _join(path, per=3, page=2)
    listed = _rows(client, page)
    response = client.get(_join(page, format="csv"))
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert len(table) == len(listed) == min(3, len(_rows(client, path, per=500)) - 3)
    key = "actor" if path == "/actors" else ("doc" if path.startswith("/search") else "id")
    # CSV has no null: a claim's entry (no meeting or commitment id) is an empty cell
    assert [row[key] for row in table] == ["" if row[key] is None else str(row[key]) for row in listed]


def test_ledger_csv_keeps_amounts_and_units(client) -> None:
    rows = _rows(client, "/ledger", kind="pledge", per=500)
    table = list(csv.DictReader(io.StringIO(client.get("/ledger?kind=pledge&per=500&format=csv").text.lstrip("\ufeff"))))
    assert [(t["amount"], t["unit"]) for t in table] == [
        (f"{r['amount']['value']}" if r["amount"] else "", r["amount"]["unit"] if r["amount"] else "") for r in rows
    ]


@pytest.mark.parametrize(("path", "key", "numeric"), [("/ledger", "amount", True), ("/meetings", "date", False),
                                                      ("/actors", "meetings", True), ("/", "length", True)])
def test_headers_are_sort_buttons_and_sort_every_page(client, path: str, key: str, numeric: bool) -> None:
    html = client.get(path, params={"sort": "-" + key, "per": 3}).text
    buttons = [a for t, a in parse(html).tags if t == "button" and a.get("name") == "sort"]
    assert buttons and all(a.get("form") == "list" for a in buttons)
    assert {"value": key} in [{"value": a["value"]} for a in buttons]  # pressing it again sorts ascending
    assert [a.get("aria-sort") for t, a in parse(html).tags if t == "th" and a.get("aria-sort")] == ["descending"]
    everything = _rows(client, path, per=500, sort="-" + key)
    field = {"amount": lambda r: r["amount"]["value"] if r["amount"] else None}.get(key, lambda r: r[key])
    values = [field(r) for r in everything if field(r) is not None]
    assert values == sorted(values, reverse=True)
    assert [field(r) for r in everything][len(values):] == [None] * (len(everything) - len(values))  # blanks last


def test_actor_counts_are_the_lengths_of_the_lists_they_link_to(client) -> None:
    """USA's meetings are its people's (Trump's): the count says so, as its link's list does."""
    html = client.get("/actors", params={"per": 500}).text
    links = [(a["href"], text) for t, a, text in parse(html).texts if t == "a" and "number" in a.get("class", "").split()]
    assert len(links) == 3 * len(_rows(client, "/actors", per=500))
    for href, shown in links:
        assert int(shown) == len(_rows(client, href, per=500)), href
    usa = client.get("/actors", params={"per": 500, "format": "json"}).json()
    assert next(a for a in usa if a["actor"] == "USA")["meetings"] >= next(a for a in usa if a["actor"] == "Q22686")["meetings"]


def test_ledger_explains_its_codes(client) -> None:
    html = client.get("/ledger").text
    legend = text_of(html, class_="legend-codes")[0]
    for code in ("percent_gdp", "claimed", "demanded", "disputed", "tariff", "Hant"):
        assert code in legend
    meetings = text_of(client.get("/meetings").text, class_="legend-codes")[0]
    assert "multilateral" in meetings and "reported" in meetings
    overview = text_of(client.get("/").text, class_="legend-codes")[0]
    assert "CONSULT/meeting" in overview


def test_overview_charts_events_by_type(client, seeds_records) -> None:
    html = client.get("/").text
    assert '<figure class="chart" id="volume">' in html
    types = {e.type for r in seeds_records for e in r.events if e.date and len(e.date) >= 7}
    assert all(f">{t} (" in html for t in list(types)[:7]) or ">other (" in html


def test_counterpart_counts_are_the_lengths_of_the_lists_they_link_to(client) -> None:
    """On an actor's page, '3 meetings' with South Korea opens a list of 3 (its president's too)."""
    checked = 0
    for actor in ("USA", "Q22686", "KOR", "CHN"):
        html = client.get(f"/actors/{actor}").text
        for href, shown in [(a["href"], text) for t, a, text in parse(html).texts
                            if t == "a" and "number" in a.get("class", "").split() and "with=" in a.get("href", "")]:
            assert int(shown.split()[0]) == len(_rows(client, href, per=500)), href
            checked += 1
    assert checked > 5


def test_links_to_a_ledger_row_open_that_row_whatever_page_it_is_on(client) -> None:
    """An actor's timeline and the totals link to one commitment by id, not to an anchor that
    may sit on another page of the ledger."""
    links = [a["href"] for t, a in parse(client.get("/actors/KOR").text).tags if t == "a" and a.get("href", "").startswith("/ledger?id=")]
    links += [a["href"] for t, a in parse(client.get("/ledger", params={"per": 1}).text).tags
              if t == "a" and a.get("href", "").startswith("/ledger?id=")]
    assert len(links) > 5
    for href in links:
        row_id = href.split("id=")[1].split("#")[0]
        assert [r["id"] for r in _rows(client, href.split("#")[0])] == [row_id]
    assert client.get("/ledger", params={"id": "000000000000"}).status_code == 404
