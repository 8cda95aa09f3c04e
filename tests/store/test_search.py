"""Search on each backend: either script finds the other, and matches point into the original."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from summitry.cli import main
from summitry.ingest import document_from_text
from summitry.pipeline import extract_document
from summitry.store import InvalidQuery, ingest_records, search
from summitry.text import fold

# Our own sentences, one document in each script and one with full-width Latin and digits.
TRADITIONAL = "美國總統川普與中國國家主席習近平在釜山會晤。雙方同意暫停加徵關稅，並恢復採購大豆。"
SIMPLIFIED = "韩国总统李在明在庆州会见日本首相高市早苗。两国将扩大对美投资。"
FULL_WIDTH = "ＡＰＥＣ峰會期間，關稅從５７％降至４７％。外長表示：「會談富有成果」。"
DOCUMENTS = {
    "busan.txt": (TRADITIONAL, dt.date(2025, 10, 30)),
    "gyeongju.txt": (SIMPLIFIED, dt.date(2025, 10, 29)),
    "apec.txt": (FULL_WIDTH, dt.date(2025, 11, 1)),
}


@pytest.fixture
def news_store(store):
    documents = [document_from_text(text, name, date) for name, (text, date) in DOCUMENTS.items()]
    ingest_records(store, [extract_document(d) for d in documents])
    return store


@pytest.mark.parametrize(
    ("query", "source", "as_written"),
    [
        ("美国总统", "busan.txt", ["美國總統"]),  # Simplified finds Traditional
        ("美國總統", "busan.txt", ["美國總統"]),
        ("采购", "busan.txt", ["採購"]),  # two characters: the LIKE path
        ("習", "busan.txt", ["習"]),  # one character
        ("會見日本首相", "gyeongju.txt", ["会见日本首相"]),  # Traditional finds Simplified
        ("慶州", "gyeongju.txt", ["庆州"]),
        ("擴大對美投資", "gyeongju.txt", ["扩大对美投资"]),
        ("APEC", "apec.txt", ["ＡＰＥＣ"]),  # half-width finds full-width
        ("apec峰会", "apec.txt", ["ＡＰＥＣ峰會"]),  # and case does not matter
        ("57%", "apec.txt", ["５７％"]),
        ("「會談富有", "apec.txt", ["「會談富有"]),
    ],
)
def test_a_query_in_either_script_finds_the_text_as_written(news_store, query, source, as_written) -> None:
    hits = search(news_store, query)
    assert [hit.source for hit in hits] == [source]
    hit = hits[0]
    text = DOCUMENTS[source][0]
    assert text[hit.sentence.start : hit.sentence.end] == hit.sentence_text
    assert [text[m.start : m.end] for m in hit.matches] == as_written
    assert [hit.matched_text(m) for m in hit.matches] == as_written


@pytest.mark.parametrize("query", ["首相习近平", "50%", "5_%", "大豆%", "豆%", "_豆", '"雙方"', "關稅 OR 大豆", "NEAR(美國 總統)"])
def test_a_query_matches_only_literally(news_store, query) -> None:
    assert search(news_store, query) == []


def test_every_match_in_a_sentence_is_reported(store) -> None:
    text = "川普說川普會再來，川普還說了很多。"
    ingest_records(store, [extract_document(document_from_text(text, "repeat.txt", None))])
    (hit,) = search(store, "川普")
    assert [(m.start, m.end) for m in hit.matches] == [(0, 2), (3, 5), (9, 11)]
    assert hit.date is None


def test_hits_come_newest_first_and_stop_at_the_limit(news_store) -> None:
    hits = search(news_store, "關稅")
    assert [hit.source for hit in hits] == ["apec.txt", "busan.txt"]
    assert [hit.source for hit in search(news_store, "關稅", limit=1)] == ["apec.txt"]


@pytest.mark.parametrize(("query", "limit"), [("", 10), ("   ", 10), ("關稅", 0)])
def test_an_empty_query_or_a_limit_below_one_is_refused(news_store, query, limit) -> None:
    with pytest.raises(InvalidQuery):
        search(news_store, query, limit)


def test_search_in_simplified_finds_the_traditional_seeds(store, seed_records) -> None:
    ingest_records(store, seed_records)
    hits = search(store, "习近平", limit=500)
    texts = {record.document.id: record.document.text for record in seed_records}
    expected = sum(fold(text).count("习近平") for text in texts.values())
    assert sum(len(hit.matches) for hit in hits) == expected > 0
    for hit in hits:
        for match in hit.matches:
            assert texts[hit.doc_id][match.start : match.end] == "習近平"


def test_search_command_prints_json_with_offsets_into_the_original(news_store, store_location) -> None:
    result = CliRunner().invoke(main, ["search", "关税", "--db", store_location, "--json"])
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(h["doc"], h["source"], h["date"]) for h in hits] == [
        (hits[0]["doc"], "apec.txt", "2025-11-01"),
        (hits[1]["doc"], "busan.txt", "2025-10-30"),
    ]
    for hit in hits:
        text = DOCUMENTS[hit["source"]][0]
        assert text[hit["sentence"]["start"] : hit["sentence"]["end"]] == hit["sentence"]["text"]
        assert [text[m["start"] : m["end"]] for m in hit["matches"]] == [m["text"] for m in hit["matches"]] == ["關稅"]


def test_search_command_prints_sentences_under_their_document(news_store, store_location) -> None:
    result = CliRunner().invoke(main, ["search", "会见", "--db", store_location])
    assert result.exit_code == 0, result.output
    header, sentence = result.stdout.splitlines()
    assert "gyeongju.txt" in header and "2025-10-29" in header
    assert "韩国总统李在明在庆州会见日本首相高市早苗。" in sentence
    assert "\x1b[" not in result.stdout  # no terminal, no colour codes


def test_search_command_names_a_missing_store(tmp_path) -> None:
    result = CliRunner().invoke(main, ["search", "关税", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "none.db" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("query", "sources"),
    [
        ("會談", ["apec.txt"]),
        ("关税", ["apec.txt", "busan.txt"]),  # Simplified finds Traditional through the pairs too
        ("大豆", ["busan.txt"]),
        ("ＡＰ", ["apec.txt"]),  # full-width letters fold to a pair of Latin ones
        ("ec", ["apec.txt"]),  # case-blind, as the scan is
        ("57", ["apec.txt"]),
        ("：「", ["apec.txt"]),  # marks are no pair: found by the scan
        ("豆雙", []),  # across a sentence's end: never a match
        ("暂停加", ["busan.txt"]),
    ],
)
def test_two_character_queries_find_what_a_scan_finds(news_store, query, sources) -> None:
    """On SQLite a pair of letters is looked up in the pairs' index (migration 0008); every
    backend must find the same sentences a scan of the folded text finds."""
    assert sorted(hit.source for hit in search(news_store, query)) == sources
    folded = fold(query)
    scanned = sorted(
        source for source, (text, _date) in DOCUMENTS.items()
        if any(folded.casefold() in fold(sentence).casefold() for sentence in text.replace("。", "。\n").splitlines())
    )
    assert scanned == sources


def test_a_refreshed_document_keeps_one_row_of_pairs(store) -> None:
    """Replacing a document's rows (ingest --refresh) replaces its pairs, so a hit is never
    listed twice."""
    from sqlalchemy import update

    from summitry.store import refresh_records
    from summitry.store.schema import documents

    ingest_records(store, [extract_document(document_from_text(TRADITIONAL, "busan.txt", dt.date(2025, 10, 30)))])
    with store.begin() as connection:
        connection.execute(update(documents).values(extractor="older"))
    refresh_records(store)
    assert [hit.source for hit in search(store, "大豆")] == ["busan.txt"]
