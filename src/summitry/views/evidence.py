"""Where a view's row comes from: a document, a span of its text, and that text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Iterable

from pydantic import Field

from summitry.model import Record, Span


@dataclass(frozen=True)
class Evidence:
    """Where in its document a source's text stands (character offsets, end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """One piece of evidence: ``text`` is ``document.text[start:end]`` exactly. Its fields are
    SCHEMA.md §2's source object in order (views/shape.py writes it); the document's path is
    written as ``source``, and who claims the fact is kept for the views, not written."""

    doc: str
    path: Annotated[str, Field(alias="source")]
    evidence: Evidence
    text: str
    claimed_by: Annotated[str | None, Field(exclude=True)] = None

    @property
    def start(self) -> int:
        return self.evidence.start

    @property
    def end(self) -> int:
        return self.evidence.end


def source_of(record: Record, span: Span, claimed_by: str | None = None) -> Source:
    document = record.document
    return Source(document.id, document.source, Evidence(span.start, span.end), document.text[span.start : span.end], claimed_by)


def source_data(source: Source) -> list[Any]:
    """A source whole (path and claimant too) as a JSON list, for the rows the store keeps."""
    return [source.doc, source.start, source.end, source.text, source.path, source.claimed_by]


def source_from_data(data: list[Any]) -> Source:
    doc, start, end, text, path, claimed_by = data
    return Source(doc, path, Evidence(start, end), text, claimed_by)


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
