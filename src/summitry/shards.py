"""The Parquet shards that ``extract --engine dask`` writes and ``ingest`` loads: one row per document.

Every column is a string: ``doc_id``, ``source``, ``date`` (ISO or null), ``text`` (the
decoded text the spans point into), ``record`` (the JSON object ``summitry extract`` prints)
and ``mentions`` (JSON ``[[start, end, entity_id, how], ...]`` in the record's order: how each
mention was linked, which the record's JSON leaves out, so a store loaded from shards equals
one that extracted the documents itself). ``mentions`` may be missing from older shards; their
mentions are then stored as linked ``how="stored"``. The schema's metadata names the extractor
that wrote the shard (``pipeline.extractor_version``); a shard of another, or of none, gives
its documents to be extracted again rather than records a store would keep as current.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from summitry.ingest import Rejection, UnreadableDocument, read_documents
from summitry.ingest.document import document_id
from summitry.ingest.files import expand_paths
from summitry.ingest.json_lines import json_object
from summitry.model import Document, Mention, Record
from summitry.pipeline import extractor_version
from summitry.record import UnreadableRecord, record_from_json, record_json

REQUIRED_COLUMNS = ("doc_id", "source", "date", "text", "record")
COLUMNS = (*REQUIRED_COLUMNS, "mentions")
SHARD_EXTENSION = ".parquet"
# Rows per row group: what a reader holds at once, whatever the size of the shard.
ROW_GROUP_DOCUMENTS = 100
EXTRACTOR_KEY = b"summitry.extractor"


def is_shard(path: str) -> bool:
    """A Parquet file given to ``ingest`` is read as shards (``part-00000.parquet``, ...), not as text."""
    return path.lower().endswith(SHARD_EXTENSION)


def shard_row(record: Record) -> tuple[str, str, str | None, str, str, str]:
    """The row of one extracted document, in the order of COLUMNS."""
    document = record.document
    date = document.date.isoformat() if document.date else None
    linked = json.dumps([[m.start, m.end, m.entity_id, m.how] for m in record.mentions], ensure_ascii=False)
    return document.id, document.source, date, document.text, record_json(record), linked


def write_shard(rows: list[tuple[Any, ...]], output: Path, number: int) -> Path:
    """Write ``part-NNNNN.parquet`` whole: a partial file is renamed into place only when complete."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {name: [row[index] for row in rows] for index, name in enumerate(COLUMNS)}
    schema = pa.schema([(name, pa.string()) for name in COLUMNS], metadata={EXTRACTOR_KEY: extractor_version().encode("ascii")})
    table = pa.table(columns, schema=schema)
    target = output / f"part-{number:05d}.parquet"
    partial = output / f".part-{number:05d}.parquet.partial"
    pq.write_table(table, partial, compression="zstd", row_group_size=ROW_GROUP_DOCUMENTS)
    os.replace(partial, target)
    return target


def read_shard(path: str) -> Iterator[Record | Document | Rejection]:
    """The records of one shard, a row group at a time, in row order; a shard that is not
    readable Parquet or lacks a column is one Rejection, a bad row is one naming its row
    (counted from 1), and the good rows still come. A shard another extractor wrote gives its
    rows' Documents instead, to be extracted again."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        shard = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        yield Rejection(path, f"not a readable Parquet file ({_first_line(error)})")
        return
    with shard:
        names = shard.schema_arrow.names
        missing = [name for name in REQUIRED_COLUMNS if name not in names]
        if missing:
            yield Rejection(path, f"not a summitry shard: no column {', '.join(missing)} (has {', '.join(names) or 'none'})")
            return
        present = [name for name in COLUMNS if name in names]
        current = (shard.schema_arrow.metadata or {}).get(EXTRACTOR_KEY) == extractor_version().encode("ascii")
        row = 0
        for group in range(shard.num_row_groups):
            size = shard.metadata.row_group(group).num_rows
            try:
                table = shard.read_row_group(group, columns=present)
            except (pa.ArrowException, OSError) as error:
                yield Rejection(f"{path}:rows {row + 1}-{row + size}", f"unreadable ({_first_line(error)})")
                row += size
                continue
            for values in table.to_pylist():
                row += 1
                try:
                    record = _record(values, f"{path}:row {row}")
                    yield record if current else record.document
                except UnreadableDocument as error:
                    yield error.as_rejection()


def _record(values: dict[str, Any], where: str) -> Record:
    """One row's Record, checked against its text so a store loaded from shards keeps the
    promise that a document's id is the hash of its text and every span points into it."""
    text, doc_id = values["text"], values["doc_id"]
    if not isinstance(text, str) or not text:
        raise UnreadableDocument(where, "no text")
    if doc_id != document_id(text):
        raise UnreadableDocument(where, f"doc_id {doc_id!r} is not the id of its text ({document_id(text)})")
    if not isinstance(values["record"], str):
        raise UnreadableDocument(where, "no record")
    try:
        data = json_object(values["record"], where)
    except UnreadableDocument as error:
        raise UnreadableDocument(where, f"record: {error.reason}") from None
    if (data.get("doc") or {}).get("id") != doc_id:
        raise UnreadableDocument(where, f"the record is of document {(data.get('doc') or {}).get('id')!r}, not {doc_id!r}")
    try:
        record = record_from_json(data, text)
    except UnreadableRecord as error:
        raise UnreadableDocument(where, f"record: {error.reason}") from None
    if values.get("mentions") is None:
        return record
    return dataclasses.replace(record, mentions=_linked_mentions(values["mentions"], record, where))


def _linked_mentions(column: str, record: Record, where: str) -> tuple[Mention, ...]:
    try:
        mentions = tuple(Mention(start, end, entity_id, how) for start, end, entity_id, how in json.loads(column))
    except (ValueError, TypeError) as error:
        raise UnreadableDocument(where, f"mentions is not a JSON list of [start, end, entity_id, how] ({error})") from None
    spans = sorted((m.start, m.end, m.entity_id) for m in mentions)
    if spans != sorted((m.start, m.end, m.entity_id) for m in record.mentions):
        raise UnreadableDocument(where, "mentions do not match the record's entities")
    return mentions


def _first_line(error: Exception) -> str:
    message = str(error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def ingest_inputs(paths: tuple[str, ...], date: dt.date | None, stdin: BinaryIO) -> Iterator[Document | Record | Rejection]:
    """PATHS as ``ingest`` reads them: Parquet shards (from ``extract --engine dask``, given
    directly or in a directory) as the records they hold, every other input as documents
    (``-`` is ``stdin``)."""
    inputs = list(expand_paths(paths))
    yield from (item for item in inputs if isinstance(item, Rejection))
    shards = [path for path in inputs if isinstance(path, str) and is_shard(path)]
    others = [path for path in inputs if isinstance(path, str) and not is_shard(path)]
    if others:
        yield from read_documents(others, default_date=date, stdin=stdin)
    for shard in shards:
        yield from read_shard(shard)
