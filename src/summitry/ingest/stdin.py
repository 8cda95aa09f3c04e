"""``-`` as a path: standard input, either one text or a JSON Lines stream."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import chain
from typing import Any, BinaryIO, TextIO

from summitry.ingest.decoding import checked_text, decode_document_bytes
from summitry.ingest.document import document_from_text
from summitry.ingest.errors import Rejection
from summitry.ingest.json_lines import documents_from_json_lines, is_json_object_line
from summitry.ingest.webpage import document_from_html, looks_like_html
from summitry.model import Document

STDIN_SOURCE = "-"


def read_stdin(
    stream: TextIO | BinaryIO, default_date: dt.date | None
) -> Iterator[Document | Rejection]:
    """JSON Lines when the first non-blank line is a JSON object, else one whole text."""
    lines: Iterator[str | bytes] = iter(stream)
    leading: list[str | bytes] = []
    for line in lines:
        leading.append(line)
        if line.strip():
            break
    if not any(line.strip() for line in leading):
        yield Rejection(STDIN_SOURCE, "empty input")
        return
    if is_json_object_line(leading[-1]):
        yield from documents_from_json_lines(chain(leading, lines), STDIN_SOURCE, default_date)
        return
    yield document_from_stream_text(stream_text(leading, lines), default_date)


def stream_text(leading: list[Any], rest: Iterator[Any]) -> str:
    """A binary stream goes through the file decoder; a text stream is already decoded."""
    if isinstance(leading[0], bytes):
        return decode_document_bytes(b"".join(chain(leading, rest)), STDIN_SOURCE)
    return checked_text("".join(chain(leading, rest)).removeprefix("\ufeff"), STDIN_SOURCE)


def document_from_stream_text(text: str, default_date: dt.date | None) -> Document:
    if looks_like_html(text):
        return document_from_html(text, STDIN_SOURCE, default_date)
    return document_from_text(text, STDIN_SOURCE, default_date)
