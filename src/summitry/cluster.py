"""Many documents on a Dask cluster: the same per-document pipeline, Parquet shards out.

Documents are read here, grouped into shards and sent to the cluster's workers, which run
``extract_document`` on each; the results come back and are written in input order as
``part-00000.parquet``, ``part-00001.parquet``, ... under the output directory, one row per
document. Needs the ``dask`` extra (``pip install 'summitry[dask]'``) here and on the workers.
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from summitry.actors import KnowledgeBaseError
from summitry.ingest import Rejection
from summitry.measure.lexicon import InvalidLexicon
from summitry.model import Document
from summitry.pipeline import extract_document
from summitry.record import record_to_json

# A shard closes at whichever comes first; its text is what a worker and this process hold.
SHARD_DOCUMENTS = 500
SHARD_CHARACTERS = 16_000_000
# Shards handed to the cluster ahead of the writer, per worker thread: memory stays bounded.
IN_FLIGHT_PER_THREAD = 2
COLUMNS = ("doc_id", "source", "date", "text", "record")


def extract_on_cluster(
    items: Iterable[Document | Rejection], scheduler: str, output_dir: str | os.PathLike[str]
) -> Iterator[Rejection]:
    """Extract every Document on the cluster at ``scheduler`` into Parquet shards in
    ``output_dir``; yields each Rejection (unreadable input or failed extraction) as it is known.

    Each row holds ``doc_id``, ``source``, ``date`` (ISO or null), ``text`` (the decoded text
    the spans point into) and ``record`` (the JSON object ``summitry extract`` prints, as a string).
    """
    try:
        from dask.distributed import Client
    except ImportError as error:
        raise ImportError(f"the dask engine needs the dask extra: pip install 'summitry[dask]' ({error})") from None

    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    if any(output.glob("part-*.parquet")):
        raise FileExistsError(f"{output} already holds Parquet shards; give an empty or new directory")
    with Client(scheduler) as client:
        window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        written = 0
        for shard in _shards(items):
            if isinstance(shard, Rejection):
                yield shard
                continue
            pending.append(client.submit(_extract_shard, shard, pure=False))
            if len(pending) >= window:
                yield from _write_shard(pending.popleft().result(), output, written)
                written += 1
        while pending:
            yield from _write_shard(pending.popleft().result(), output, written)
            written += 1


def _shards(items: Iterable[Document | Rejection]) -> Iterator[list[Document] | Rejection]:
    shard: list[Document] = []
    characters = 0
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        shard.append(item)
        characters += len(item.text)
        if len(shard) >= SHARD_DOCUMENTS or characters >= SHARD_CHARACTERS:
            yield shard
            shard, characters = [], 0
    if shard:
        yield shard


def _extract_shard(documents: list[Document]) -> tuple[list[tuple[str, str, str | None, str, str]], list[Rejection]]:
    """Runs on a worker: (rows, rejections) for one shard, rows in the shard's order."""
    rows: list[tuple[str, str, str | None, str, str]] = []
    rejected: list[Rejection] = []
    for document in documents:
        try:
            record = record_to_json(extract_document(document))
        except (KnowledgeBaseError, InvalidLexicon):
            raise
        except Exception as error:  # a bug met by one document: report it, keep the batch going
            rejected.append(Rejection(document.source, f"extraction failed ({type(error).__name__}: {error})"))
            continue
        date = document.date.isoformat() if document.date else None
        rows.append((document.id, document.source, date, document.text, json.dumps(record, ensure_ascii=False, allow_nan=False)))
    return rows, rejected


def _write_shard(result: tuple[list, list[Rejection]], output: Path, number: int) -> Iterator[Rejection]:
    """Write one shard whole (a partial file is renamed into place only when complete)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows, rejected = result
    columns = {name: [row[index] for row in rows] for index, name in enumerate(COLUMNS)}
    table = pa.table(columns, schema=pa.schema([(name, pa.string()) for name in COLUMNS]))
    target = output / f"part-{number:05d}.parquet"
    partial = output / f".part-{number:05d}.parquet.partial"
    pq.write_table(table, partial, compression="zstd")
    os.replace(partial, target)
    yield from rejected
