"""Plain text -> Document: identity from the text, date and title from its first lines."""

from __future__ import annotations

import datetime as dt
import hashlib

from summitry.ingest.errors import UnreadableDocument
from summitry.ingest.header import InvalidDate, date_header, title_of
from summitry.model import Document

# One article, or one long report, is far below this (the longest seed is under 10,000
# characters); a larger "document" is a dump of many that should be split into articles.
# The limit bounds the time and memory that one document can take in the pipeline, and so
# in each worker of a pool, whatever the input.
MAX_DOCUMENT_CHARACTERS = 1_000_000
# A character takes at most 4 bytes in UTF-8 and UTF-16: a file larger than this cannot hold
# a document within the limit, and is refused before it is read.
MAX_DOCUMENT_BYTES = 4 * MAX_DOCUMENT_CHARACTERS
SPLIT_ADVICE = "split it into articles, e.g. JSON Lines with one article per line"


def too_large(size: int, limit: int, unit: str) -> str:
    """The reason an input is refused for its size, in one line (``size`` past ``limit``
    means "more than the limit": a line that is cut short has no known length)."""
    stated = f"{size:,} {unit}" if size > limit + 1 else f"more than {limit:,} {unit}"
    return f"too large: {stated}, over the limit of {limit:,} {unit} for one document; {SPLIT_ADVICE}"


def check_length(text: str, source: str) -> None:
    if len(text) > MAX_DOCUMENT_CHARACTERS:
        raise UnreadableDocument(source, too_large(len(text), MAX_DOCUMENT_CHARACTERS, "characters"))


def document_id(text: str) -> str:
    """Identity is the text itself, so the same article under two names is one document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def document_from_text(
    text: str,
    source: str,
    default_date: dt.date | None,
    title: str | None = None,
    url: str | None = None,
) -> Document:
    """Wrap decoded text unchanged; a ``date`` header beats ``default_date``."""
    check_length(text, source)
    try:
        stated_date, body_start = date_header(text)
    except InvalidDate as error:
        raise UnreadableDocument(source, f"date header: {error}") from None
    return Document(
        id=document_id(text),
        source=source,
        text=text,
        date=stated_date or default_date,
        title=title or title_of(text, body_start),
        url=url,
    )
