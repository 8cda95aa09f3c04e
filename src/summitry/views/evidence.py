"""Where a view's row comes from: a document, a span of its text, and that text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from summitry.model import Record, Span


@dataclass(frozen=True, order=True)
class Source:
    """One piece of evidence: ``text`` is ``document.text[start:end]`` exactly."""

    doc: str
    start: int
    end: int
    text: str
    path: str = ""
    claimed_by: str | None = None


def source_of(record: Record, span: Span, claimed_by: str | None = None) -> Source:
    document = record.document
    return Source(document.id, span.start, span.end, document.text[span.start : span.end], document.source, claimed_by)


def source_json(source: Source) -> dict[str, Any]:
    """SCHEMA.md §2's source object, with the document's path beside its id."""
    return {
        "doc": source.doc,
        "source": source.path,
        "evidence": {"start": source.start, "end": source.end},
        "text": source.text,
    }


def unique_sources(sources) -> tuple[Source, ...]:
    """Each span once, in document and text order."""
    seen: dict[tuple[str, int, int], Source] = {}
    for source in sorted(sources):
        seen.setdefault((source.doc, source.start, source.end), source)
    return tuple(seen.values())
