"""Plain text -> Document: identity from the text, date and title from its first lines."""

from __future__ import annotations

import datetime as dt
import hashlib

from summitry.ingest.errors import UnreadableDocument
from summitry.ingest.header import InvalidDate, date_header, title_of
from summitry.model import Document


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
