"""Many documents on a Dask cluster: the same per-document pipeline, Parquet shards out.

Documents are read here, grouped into shards and sent to the cluster's workers, which run
``extract_document`` on each; the results come back and are written in input order as
``part-00000.parquet``, ``part-00001.parquet``, ... under the output directory, one row per
document (the format is ``summitry.shards``; ``summitry ingest`` loads it). Needs the ``dask``
extra (``pip install 'summitry[dask]'``) here and on the workers.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from summitry.ingest import Rejection
from summitry.model import Document
from summitry.parallel import extract_or_reject
from summitry.shards import shard_row, write_shard

# A shard closes at whichever comes first; its text is what a worker and this process hold.
SHARD_DOCUMENTS = 500
SHARD_CHARACTERS = 16_000_000
# Shards handed to the cluster ahead of the writer, per worker thread: memory stays bounded.
IN_FLIGHT_PER_THREAD = 2


def extract_on_cluster(
    items: Iterable[Document | Rejection], scheduler: str, output_dir: str | os.PathLike[str]
) -> Iterator[Rejection]:
    """Extract every Document on the cluster at ``scheduler`` into Parquet shards in
    ``output_dir``; yields each Rejection (unreadable input or failed extraction) as it is known.
    The shards' columns are ``summitry.shards.COLUMNS``.
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
        pending: deque[Any] = deque()
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


def _extract_shard(documents: list[Document]) -> tuple[list[tuple[Any, ...]], list[Rejection]]:
    """Runs on a worker: (rows, rejections) for one shard, rows in the shard's order."""
    rows: list[tuple[Any, ...]] = []
    rejected: list[Rejection] = []
    for document in documents:
        outcome = extract_or_reject(document)
        if isinstance(outcome, Rejection):
            rejected.append(outcome)
        else:
            rows.append(shard_row(outcome))
    return rows, rejected


def _write_shard(result: tuple[list[tuple[Any, ...]], list[Rejection]], output: Path, number: int) -> Iterator[Rejection]:
    rows, rejected = result
    write_shard(rows, output, number)
    yield from rejected
