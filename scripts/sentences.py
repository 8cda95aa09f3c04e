"""Print a document's sentences, numbered from 1, for writing gold facts (docs/evaluation/GOLD.md).

Only the text view is built: no extraction runs, so nothing summitry would find can leak into
the gold a person writes from this listing.
"""

from __future__ import annotations

import sys

from summitry.ingest import Rejection, read_documents
from summitry.text import split_sentences


def main(paths: list[str]) -> int:
    status = 0
    for item in read_documents(paths):
        if isinstance(item, Rejection):
            print(f"sentences: rejected {item.path}: {item.reason}", file=sys.stderr)
            status = 1
            continue
        print(f"# {item.source} ({item.date})")
        for number, sentence in enumerate(split_sentences(item.text), start=1):
            print(f"{number:3d}  {item.text[sentence.start:sentence.end]}")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
