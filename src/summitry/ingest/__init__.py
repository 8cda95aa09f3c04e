"""Ingest: files, directories, HTML pages, JSON Lines and stdin -> ``Document``s.

``read_documents`` is the entry point for inputs; ``document_from_text`` wraps a string
already in hand. It never raises for a bad input: each one comes
back as a ``Rejection`` naming the input and the reason, and the batch goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from summitry.ingest.document import document_from_text
from summitry.ingest.errors import Rejection, UnreadableDocument, printable
from summitry.ingest.files import expand_paths, read_file
from summitry.ingest.seen import SeenDocuments
from summitry.ingest.stdin import STDIN_SOURCE, read_stdin
from summitry.model import Document

# document_from_text is for callers that already hold a string (summitry.extract).
__all__ = ["Rejection", "UnreadableDocument", "document_from_text", "read_documents"]


def read_documents(
    paths: Iterable[str],
    default_date: dt.date | None = None,
    stdin: TextIO | BinaryIO | None = None,
) -> Iterator[Document | Rejection]:
    """Each input's documents in order; the same text seen again is a 'duplicate of' Rejection.

    ``default_date`` dates documents that state no date; ``stdin`` is what ``-`` reads
    (the process's standard input, as bytes, when None).
    """
    seen = SeenDocuments()
    try:
        for path in expand_paths(paths):
            if isinstance(path, Rejection):
                yield path
                continue
            for outcome in read_source(path, default_date, stdin):
                outcome = printable_outcome(outcome)
                if isinstance(outcome, Document):
                    first_source = seen.first_source(outcome.id)
                    if first_source is not None:
                        yield Rejection(outcome.source, f"duplicate of {first_source}")
                        continue
                    seen.add(outcome.id, outcome.source)
                yield outcome
    finally:
        seen.close()


def printable_outcome(outcome: Document | Rejection) -> Document | Rejection:
    """The outcome with its source and reason printable (see ``printable``); the text is untouched."""
    if isinstance(outcome, Rejection):
        return Rejection(printable(outcome.path), printable(outcome.reason))
    source = printable(outcome.source)
    return outcome if source == outcome.source else dataclasses.replace(outcome, source=source)


def read_source(
    path: str, default_date: dt.date | None, stdin: TextIO | BinaryIO | None
) -> Iterator[Document | Rejection]:
    """One input's documents, with a reader's ``UnreadableDocument`` turned into a Rejection."""
    if path == STDIN_SOURCE:
        reader = read_stdin(stdin if stdin is not None else sys.stdin.buffer, default_date)
    else:
        reader = read_file(path, default_date)
    try:
        yield from reader
    except UnreadableDocument as error:
        yield error.as_rejection()
