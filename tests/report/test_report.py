"""Reports: one self-contained file whose ledger table is `summitry ledger --json`, row for row."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from summitry.cli import main
from summitry.report import build_report
from summitry.web.present import amount_text


class _Rows(HTMLParser):
    """The rows of one table (by id): their data attributes and the text of each cell."""

    def __init__(self, table_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.table_id, self.inside, self.rows = table_id, False, []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        if tag == "table":
            self.inside = attributes.get("id") == self.table_id
        elif self.inside and tag == "tr" and "data-id" in attributes:
            self.rows.append({"attrs": attributes, "cells": []})
        elif self.inside and tag == "td" and self.rows:
            self._cell = []

    def handle_endtag(self, tag) -> None:
        if tag == "table":
            self.inside = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1]["cells"].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)


def table_rows(html: str, table_id: str) -> list[dict]:
    parser = _Rows(table_id)
    parser.feed(html)
    return parser.rows


def _report(database: str, tmp_path: Path, *args: str, name: str = "report.html") -> str:
    target = tmp_path / name
    result = CliRunner().invoke(main, ["report", *args, "-o", str(target), "--db", database])
    assert result.exit_code == 0, result.output
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def ledger_html(seeds_database: str, tmp_path_factory) -> str:
    return _report(seeds_database, tmp_path_factory.mktemp("report"), "--ledger")


def external_references(html: str) -> list[str]:
    """Anything the file would fetch: src=, <link href=>, CSS url() and @import."""
    found = re.findall(r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", html, re.IGNORECASE)
    found += re.findall(r"""<link\b[^>]*href\s*=\s*["']?(?:https?:)?//[^"'\s>]*""", html, re.IGNORECASE)
    found += re.findall(r"""url\(\s*["']?(?:https?:)?//[^)]*\)""", html, re.IGNORECASE)
    found += re.findall(r"@import", html)
    return found


def test_html_report_opens_offline(ledger_html: str) -> None:
    assert external_references(ledger_html) == []
    assert "<script" not in ledger_html and "<style>" in ledger_html and "<svg" in ledger_html
    # The charts' only URL is SVG's namespace, which nothing fetches.
    assert set(re.findall(r"https?://[^\"'\s<>]+", ledger_html)) <= {"http://www.w3.org/2000/svg"}


def test_the_offline_check_would_catch_an_external_asset() -> None:
    assert external_references('<img src="https://example.org/x.png">') != []
    assert external_references('<link rel="stylesheet" href="//cdn.example.org/a.css">') != []
    assert external_references("body { background: url(http://example.org/a.png) }") != []


def test_ledger_table_is_the_cli_ledger_row_for_row(ledger_html: str, ledger_json: list[dict]) -> None:
    rows = table_rows(ledger_html, "ledger")
    assert [r["attrs"]["data-id"] for r in rows] == [c["id"] for c in ledger_json]
    for row, commitment in zip(rows, ledger_json):
        attrs, cells = row["attrs"], row["cells"]
        amount = commitment["amount"]
        assert attrs["data-pledger"] == commitment["pledger"]
        assert attrs["data-beneficiary"] == (commitment["beneficiary"] or "")
        assert attrs["data-status"] == commitment["status"] == cells[7]
        assert int(attrs["data-sources"]) == len(commitment["sources"])
        assert cells[1].startswith(commitment["pledger_name"])
        assert cells[2].startswith(commitment["beneficiary_name"] or "—")
        assert cells[3] == commitment["item"]
        if amount is None:
            assert attrs["data-value"] == "" and cells[4] == "—"
        else:
            assert float(attrs["data-value"]) == amount["value"] and attrs["data-unit"] == amount["unit"]
            assert attrs["data-per"] == (amount["per"] or "")
            assert cells[4] == amount_text(**amount)
        assert cells[5] == (commitment["deadline"] or "")
        assert cells[6] == (commitment["made_on"] or "")


# Seed 001's Table 1, restated in our words: pledger, beneficiary, amount (None: undisclosed).
TABLE_1 = [
    ("Korean Air", "Boeing", (36_200_000_000, "USD", None)),
    ("Korean Air", "GE Aerospace", (13_700_000_000, "USD", None)),
    ("Republic of Korea Air Force", "L3Harris", (2_300_000_000, "USD", None)),
    ("Korea Gas Corporation", "United States", (3_300_000, "tonne", "year")),
    ("POSCO International", "ReElement Technologies", None),
    ("LS Group", "LS Greenlink", (3_000_000_000, "USD", None)),
]


@pytest.mark.parametrize(("pledger", "beneficiary", "amount"), TABLE_1)
def test_ledger_report_rebuilds_table_1_of_seed_001(ledger_html: str, ledger_json: list[dict], pledger, beneficiary, amount) -> None:
    by_id = {c["id"]: c for c in ledger_json}
    found = [by_id[r["attrs"]["data-id"]] for r in table_rows(ledger_html, "ledger")]
    matches = [c for c in found if c["pledger_name"] == pledger and c["beneficiary_name"] == beneficiary]
    assert len(matches) == 1, (pledger, beneficiary)
    commitment = matches[0]
    if amount is None:
        assert commitment["amount"] is None
    else:
        value, unit, per = amount
        assert (commitment["amount"]["value"], commitment["amount"]["unit"], commitment["amount"]["per"]) == (value, unit, per)
    assert any(s["source"].endswith("001_92620de8a60cbd2d.txt") for s in commitment["sources"])


def test_every_number_cites_a_note_that_quotes_the_text(ledger_html: str, seeds_records) -> None:
    texts = {r.document.id: r.document.text for r in seeds_records}
    notes = re.findall(r'<li id="ev-(\d+)"><q lang="zh">(.*?)</q>\s*<span class="where">.*? · document (\w+) · characters (\d+)–(\d+)</span>', ledger_html, re.S)
    assert notes
    from html import unescape

    for number, quoted, doc, start, end in notes:
        assert unescape(quoted) == texts[doc][int(start) : int(end)], number
    cited = set(re.findall(r'href="#ev-(\d+)"', ledger_html))
    assert cited == {n for n, *_ in notes}


def test_markdown_report_has_the_same_rows(seeds_database: str, tmp_path: Path, ledger_json: list[dict]) -> None:
    markdown = _report(seeds_database, tmp_path, "--ledger", name="ledger.md")
    rows = [line for line in markdown.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == len(ledger_json)
    assert all(c["item"].replace("|", "\\|") in row for row, c in zip(rows, ledger_json))
    assert "](data:image/svg+xml;base64," in markdown and "http" not in markdown.replace("http://www.w3.org/2000/svg", "")


def test_meeting_report_sets_the_readouts_side_by_side(seeds_database: str, tmp_path: Path, meetings_json: list[dict]) -> None:
    summit = next(m for m in meetings_json if {"Donald Trump", "Xi Jinping"} <= set(m["names"]))
    html = _report(seeds_database, tmp_path, "--meeting", summit["id"])
    header = re.search(r'<table id="readouts">\s*<thead><tr>(.*?)</tr>', html, re.S).group(1)
    assert header.count("<th>") == 3 and "Donald Trump" in header and "Xi Jinping" in header and "習近平" in header
    assert external_references(html) == []


def test_actor_report(seeds_records) -> None:
    html = build_report(seeds_records, actor="川普", format="html")
    assert "<h1>Actor: Donald Trump</h1>" in html and "Kim Jong Un" in html
    markdown = build_report(seeds_records, actor="KOR", format="md")
    assert markdown.startswith("# Actor: South Korea")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--meeting", "000000000000"], "no meeting has this id"),
        (["--actor", "Nobody Atall"], "no actor has this name"),
        (["--ledger", "--actor", "Trump"], "exactly one of"),
        (["--ledger", "-o", "report.pdf"], ".html or .md"),
    ],
)
def test_report_refuses_clearly(seeds_database: str, tmp_path: Path, args: list[str], message: str) -> None:
    output = [] if "-o" in args else ["-o", str(tmp_path / "r.html")]
    result = CliRunner().invoke(main, ["report", *args, *output, "--db", seeds_database])
    assert result.exit_code != 0 and message in result.output
    assert not (tmp_path / "r.html").exists()
