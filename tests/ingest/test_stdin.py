"""``-`` reads standard input: one text, or JSON Lines when the first line is a JSON object."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from summitry.ingest import Rejection, read_documents
from summitry.model import Document

ARTICLE = "date 2025-10-30 兩國元首在釜山會晤。\n雙方同意暫停加徵關稅一年。\n"


@pytest.mark.parametrize(
    "stream",
    [
        io.BytesIO(ARTICLE.encode("utf-8")),
        io.BytesIO(ARTICLE.encode("big5")),
        io.BytesIO(ARTICLE.encode("utf-16")),
        io.StringIO(ARTICLE),
        io.StringIO("\ufeff" + ARTICLE),
    ],
    ids=["utf-8 bytes", "big5 bytes", "utf-16 bytes", "text", "text with BOM"],
)
def test_stdin_text(stream):
    [document] = read_documents(["-"], stdin=stream)
    assert isinstance(document, Document)
    assert (document.source, document.text, document.date) == ("-", ARTICLE, dt.date(2025, 10, 30))


def feed_lines() -> list[str]:
    return [
        "",
        json.dumps({"text": "兩國元首會談。", "date": "2025-10-30"}, ensure_ascii=False),
        "not a record",
        json.dumps({"text": "雙方同意合作。"}, ensure_ascii=False),
    ]


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "text"])
def test_stdin_json_lines_are_sniffed(as_bytes):
    content = "\n".join(feed_lines()) + "\n"
    stream = io.BytesIO(content.encode("utf-8")) if as_bytes else io.StringIO(content)
    outcomes = list(read_documents(["-"], default_date=dt.date(2025, 11, 1), stdin=stream))
    assert [outcome.source if isinstance(outcome, Document) else outcome.path for outcome in outcomes] == [
        "-:line 2",
        "-:line 3",
        "-:line 4",
    ]
    assert isinstance(outcomes[1], Rejection)
    assert [outcomes[0].date, outcomes[2].date] == [dt.date(2025, 10, 30), dt.date(2025, 11, 1)]


def test_text_that_opens_with_a_brace_is_still_text():
    text = "{編者按} 本文為讀者投書。\n兩國元首會談。\n"
    [document] = read_documents(["-"], stdin=io.StringIO(text))
    assert document.text == text


def test_stdin_html_gives_its_main_text():
    html = (
        "<!DOCTYPE html><html><head><title>釜山會晤</title></head><body><article>"
        "<p>兩國元首在釜山舉行了約一百分鐘的會談，雙方同意暫停部分加徵的關稅。</p>"
        "</article></body></html>"
    )
    [document] = read_documents(["-"], stdin=io.BytesIO(html.encode("utf-8")))
    assert "兩國元首在釜山舉行了約一百分鐘的會談" in document.text
    assert "<p>" not in document.text


@pytest.mark.parametrize(
    "stream, reason",
    [
        (io.BytesIO(b""), "empty input"),
        (io.StringIO("\n  \n"), "empty input"),
        (io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), "binary content (PNG image)"),
    ],
)
def test_unusable_stdin_is_a_rejection(stream, reason):
    assert list(read_documents(["-"], stdin=stream)) == [Rejection("-", reason)]


def test_stdin_between_files_keeps_the_order(write_file):
    before = write_file("a.txt", "會談之前。\n")
    after = write_file("b.txt", "會談之後。\n")
    outcomes = list(read_documents([before, "-", after], stdin=io.StringIO(ARTICLE)))
    assert [outcome.source for outcome in outcomes] == [before, "-", after]
