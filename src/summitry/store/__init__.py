"""The store: documents and their extract records in SQLite or PostgreSQL, searchable by text.

One public function per job: ``open_store`` (connect and migrate), ``ingest_records``
(write records, idempotent by document id), ``refresh_records`` (re-extract in place those an
older extractor made; ``count_stale`` counts them) and ``search`` (sentences containing a
phrase, in either script).
"""

from summitry.defaults import BATCH_SIZE, DEFAULT_URL
from summitry.store.database import StoreError, open_store, store_error, store_failures, store_url
from summitry.store.ingest import IngestSummary, count_stale, ingest_records, refresh_records
from summitry.store.search import InvalidQuery, SearchFilter, SearchHit, count_hits, hit_json, search

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_URL",
    "IngestSummary",
    "InvalidQuery",
    "SearchFilter",
    "SearchHit",
    "StoreError",
    "count_hits",
    "count_stale",
    "hit_json",
    "ingest_records",
    "open_store",
    "refresh_records",
    "search",
    "store_error",
    "store_failures",
    "store_url",
]
