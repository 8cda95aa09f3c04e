"""JSON Lines: good lines become documents, bad lines become Rejections naming the line."""

from __future__ import annotations

import codecs
import datetime as dt
import json

import pytest

from summitry.ingest import Rejection, read_documents
from summitry.ingest.json_lines import documents_from_json_lines
from summitry.model import Document


def line(**record) -> str:
    return json.dumps(record, ensure_ascii=False)


FEED = [
    line(text="兩國元首在釜山會晤。", date="2025-10-30", title="釜山會晤", url="https://news.example.org/1"),
    "{not json",
    line(title="只有標題"),
    line(text="雙方同意暫停加徵關稅。", date="2025-10-30T23:30:00+08:00"),
    line(text="會談約一百分鐘。", date="2025-13-40"),
    "",
    json.dumps(["兩國元首會談。"], ensure_ascii=False),
    line(text="美方稱將擴大採購大豆。"),
    line(text="date 2025-08-16 阿拉斯加峰會落幕。"),
    line(text="   "),
    line(text="韓方表示歡迎。", date=20251030),
    '{"text": "峰會落幕，雙方發表聯合聲明',
]

EXPECTED = [
    (1, "document", dt.date(2025, 10, 30)),
    (2, "not JSON (Expecting property name enclosed in double quotes at column 2)", None),
    (3, "no text", None),
    (4, "document", dt.date(2025, 10, 30)),
    (5, "date: invalid date '2025-13-40'", None),
    (7, "not a JSON object", None),
    (8, "document", dt.date(2025, 11, 1)),
    (9, "document", dt.date(2025, 8, 16)),
    (10, "no text", None),
    (11, "date is not a string", None),
    (12, "not JSON (Unterminated string starting at column 10)", None),
]


@pytest.mark.parametrize("extension", [".jsonl", ".ndjson"])
def test_good_lines_come_through_and_bad_lines_are_named(write_file, extension):
    path = write_file("feed" + extension, "\n".join(FEED) + "\n")
    outcomes = list(read_documents([path], default_date=dt.date(2025, 11, 1)))
    assert len(outcomes) == len(EXPECTED)
    for outcome, (number, expected, date) in zip(outcomes, EXPECTED):
        where = f"{path}:line {number}"
        if expected == "document":
            assert isinstance(outcome, Document)
            assert (outcome.source, outcome.date) == (where, date)
        else:
            assert isinstance(outcome, Rejection)
            assert outcome.path == where
            assert outcome.reason.startswith(expected)


def test_title_and_url_are_carried(write_file):
    [document] = read_documents([write_file("feed.jsonl", FEED[0])])
    assert (document.title, document.url) == ("釜山會晤", "https://news.example.org/1")
    assert document.text == "兩國元首在釜山會晤。"


def test_bom_crlf_and_a_non_utf8_line(write_file):
    raw = (
        codecs.BOM_UTF8
        + line(text="兩國元首會談。").encode("utf-8")
        + b"\r\n"
        + line(text="雙方同意合作。").encode("big5")
        + b"\r\n"
        + line(text="會後發表聲明。").encode("utf-8")
        + b"\r\n"
    )
    path = write_file("feed.jsonl", raw)
    outcomes = list(read_documents([path]))
    assert outcomes[0].text == "兩國元首會談。"
    assert outcomes[1].text == "會後發表聲明。"
    # Lines not UTF-8 are named after the file's documents, in one line (see below).
    assert outcomes[2] == Rejection(f"{path}:line 2", "not UTF-8")


def test_a_duplicate_line_is_rejected_against_the_first(write_file):
    path = write_file("feed.jsonl", "\n".join([FEED[0], FEED[0]]))
    outcomes = list(read_documents([path]))
    assert outcomes[1] == Rejection(f"{path}:line 2", f"duplicate of {path}:line 1")


def test_a_lone_surrogate_is_a_rejection_not_a_crash(write_file):
    path = write_file("feed.jsonl", '{"text": "\\ud800 會談"}\n')
    [rejection] = read_documents([path])
    assert rejection == Rejection(f"{path}:line 1", "text has an unpaired surrogate")


def test_lines_are_read_one_at_a_time():
    def lines():
        yield line(text="兩國元首會談。").encode("utf-8")
        raise AssertionError("read past the first line before it was needed")

    first = next(documents_from_json_lines(lines(), "feed.jsonl", None))
    assert first.source == "feed.jsonl:line 1"


def test_a_file_of_junk_lines_is_one_rejection_with_a_count(write_file):
    junk = b"".join(bytes([0x80 + i % 64, 0xFF, 0xFE, i % 256]) + b"\n" for i in range(3000))
    path = write_file("junk.jsonl", line(text="兩國元首會談。").encode("utf-8") + b"\n" + junk)
    outcomes = list(read_documents([path]))
    assert isinstance(outcomes[0], Document)
    assert outcomes[1:] == [Rejection(path, "3000 lines not UTF-8 (line 2, 3, 4, 5, 6, ...)")]


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty file"), (b"\n  \r\n\t\n", "whitespace only")])
def test_an_empty_json_lines_file_is_rejected_like_an_empty_text_file(write_file, content, reason):
    path = write_file("feed.jsonl", content)
    assert list(read_documents([path])) == [Rejection(path, reason)]
