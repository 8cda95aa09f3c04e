"""Where a view's row comes from: a document, a span of its text, and that text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

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


def source_data(source: Source) -> list[Any]:
    """A source whole (path and claimant too) as a JSON list, for the rows the store keeps."""
    return [source.doc, source.start, source.end, source.text, source.path, source.claimed_by]


def source_from_data(data: list[Any]) -> Source:
    return Source(*data)


def _order(source: Source) -> tuple[str, int, int, bool, str, str, str]:
    """Document and text order; of two reports of one span, the one whose claimant is known
    first. ``claimed_by`` may be None beside a string (two events on one span, one of them
    claimed), which plain tuple order cannot compare."""
    return (source.doc, source.start, source.end, source.claimed_by is None, source.claimed_by or "", source.text, source.path)


def unique_sources(sources: Iterable[Source]) -> tuple[Source, ...]:
    """Each span once, in document and text order (the claimed report of a span kept)."""
    seen: dict[tuple[str, int, int], Source] = {}
    for source in sorted(sources, key=_order):
        seen.setdefault((source.doc, source.start, source.end), source)
    return tuple(seen.values())
