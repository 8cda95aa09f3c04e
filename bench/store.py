"""Throughput of the store: ingest with and without extraction, a rerun, and search latency.

Run on demand, never by the tests:

    .venv/bin/python bench/store.py                          # SQLite in a temporary folder
    .venv/bin/python bench/store.py --db postgresql://u:p@localhost/empty_db
    .venv/bin/python bench/store.py --copies 200             # more documents

The corpus is the reference seeds (../shared/seeds), each copied ``--copies`` times behind a
numbered first line so every copy is a distinct document. Extraction is timed alone first,
so the store's own cost (rows, folding, indexes, commits) can be read off beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from summitry.ingest import document_from_text
from summitry.pipeline import extract_document
from summitry.store import ingest_records, open_store, search

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
QUERIES = ("美国总统", "關稅", "习近平", "釜山")


def _corpus(copies: int):
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return [
        document_from_text(f"第{n}份\n{text}", f"copy-{n}/{i}.txt", dt.date(2025, 10, 30))
        for n in range(copies)
        for i, text in enumerate(texts)
    ]


def _rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.1f} docs/s ({count} in {seconds:.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an empty store to fill (default: a new SQLite file)")
    parser.add_argument("--copies", type=int, default=20, help="copies of each seed (default 20)")
    arguments = parser.parse_args()
    documents = _corpus(arguments.copies)
    extract_document(documents[0])  # load the knowledge base outside the timings

    started = time.perf_counter()
    records = [extract_document(d) for d in documents]
    print(f"extraction alone       {_rate(len(records), time.perf_counter() - started)}")

    with tempfile.TemporaryDirectory() as folder:
        for label, items in (("ingest records", records), ("ingest documents", documents)):
            location = arguments.db or f"sqlite:///{Path(folder) / (label.replace(' ', '-') + '.db')}"
            engine = open_store(location)
            started = time.perf_counter()
            summary = ingest_records(engine, items)
            print(f"{label:<22} {_rate(summary.new, time.perf_counter() - started)}")
            started = time.perf_counter()
            summary = ingest_records(engine, items)
            print(f"  rerun (all present)  {_rate(summary.present, time.perf_counter() - started)}")
            for query in QUERIES:
                started = time.perf_counter()
                hits = search(engine, query, limit=50)
                print(f"  search {query:<8} {len(hits):3d} hits in {1000 * (time.perf_counter() - started):6.1f} ms")
            engine.dispose()
            if arguments.db:
                break  # one run fills the given store; a second would find everything present


if __name__ == "__main__":
    main()
