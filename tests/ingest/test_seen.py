"""The run's record of documents already read: duplicates still found, memory not growing with the corpus."""

from __future__ import annotations

import json
import tracemalloc

import pytest

from summitry import text
from summitry.ingest import Rejection, read_documents
from summitry.ingest.seen import SeenDocuments


@pytest.mark.parametrize(
    "added, asked, expected",
    [
        ([("a1", "feed.jsonl:line 1")], "a1", "feed.jsonl:line 1"),
        ([("a1", "feed.jsonl:line 1"), ("b2", "峰會.txt")], "b2", "峰會.txt"),
        ([("a1", "feed.jsonl:line 1")], "b2", None),
    ],
)
def test_first_source_is_the_one_added(added, asked, expected):
    seen = SeenDocuments()
    for doc_id, source in added:
        seen.add(doc_id, source)
    assert seen.first_source(asked) == expected
    seen.close()


def test_a_repeat_far_into_a_long_feed_is_still_named(write_file):
    lines = [json.dumps({"text": f"第{number}則：兩國外長通電話。"}, ensure_ascii=False) for number in range(3000)]
    lines.append(lines[7])
    path = write_file("feed.jsonl", "\n".join(lines) + "\n")
    outcomes = list(read_documents([path]))
    assert [outcome for outcome in outcomes if isinstance(outcome, Rejection)] == [
        Rejection(f"{path}:line 3001", f"duplicate of {path}:line 8")
    ]


def test_python_memory_does_not_grow_with_the_documents_read(write_file):
    # 30,000 ids and sources kept in a dict took ~5.5 MB of Python memory here; the
    # SQLite table keeps them outside Python, in a bounded page cache spilling to disk.
    lines = (json.dumps({"text": f"第{number}則：雙方簽署合作備忘錄。"}, ensure_ascii=False) for number in range(30000))
    path = write_file("feed.jsonl", "\n".join(lines) + "\n")
    # Loaded once, not grown: script conversion tables, chrome patterns, and the kept
    # conversions of short chunks (text.py), which stop at a fixed count. Fill them before
    # measuring, as the earlier tests of a full run already have.
    warm = (json.dumps({"text": f"第{number}篇"}, ensure_ascii=False) for number in range(text._SHORT_CONVERSIONS_LIMIT + 1))
    assert sum(1 for _ in read_documents([write_file("warm.jsonl", "\n".join(warm) + "\n")])) > 0
    assert len(text._SHORT_CONVERSIONS) >= text._SHORT_CONVERSIONS_LIMIT
    tracemalloc.start()
    try:
        read = sum(1 for _ in read_documents([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert read == 30000
    assert peak < 1_000_000
