"""The units of data that cross summitry's pipeline stages.

Every span is a ``(start, end)`` pair of Python string indices into the document text
exactly as decoded from its source; nothing downstream re-finds a span by searching.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

SCHEMA_VERSION = "summitry/1"


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """One decoded source text with the metadata the source carried."""

    id: str
    source: str
    text: str
    date: dt.date | None
    title: str | None = None
    url: str | None = None


# A sentence is a span of the text: one class, so that a sentence is given wherever a span is
# asked for (evidence, a view's source) without copying it.
Sentence = Span


@dataclass(frozen=True)
class TextView:
    """The original text beside a folded copy of equal length.

    ``folded`` is Simplified script with full-width forms made half-width. It is kept
    character-aligned with ``original`` so an index found in one is valid in the other.
    """

    original: str
    folded: str
    sentences: tuple[Sentence, ...]
    script: str  # "Hant", "Hans" or "Latn"/"Zyyy" when no Chinese was found
    # Page chrome (summitry/chrome.py), in text order: spans that report nothing (bylines,
    # breadcrumbs, credits, related stories), and photo captions, which report only what the
    # story does not.
    chrome: tuple[Span, ...] = ()
    captions: tuple[Span, ...] = ()

    def in_chrome(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies wholly within one span that reports nothing."""
        return _within(self.chrome, self._chrome_starts, start, end)

    def in_caption(self, start: int, end: int) -> bool:
        """Whether ``start:end`` lies wholly within one photo caption."""
        return _within(self.captions, self._caption_starts, start, end)

    @cached_property
    def _chrome_starts(self) -> list[int]:
        return [span.start for span in self.chrome]

    @cached_property
    def _caption_starts(self) -> list[int]:
        return [span.start for span in self.captions]


def _within(spans: tuple[Span, ...], starts: list[int], start: int, end: int) -> bool:
    """``start:end`` inside one of ``spans`` (in text order, none inside another but equal)."""
    index = bisect.bisect_right(starts, start) - 1
    return index >= 0 and end <= spans[index].end


@dataclass(frozen=True)
class Office:
    """A post an actor held: ``role`` is a key of actors/data/titles.yaml."""

    role: str
    country: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str  # person, country, organization, company, place
    country: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity_id: str
    how: str = "alias"  # alias, short_form, title, homophone, unknown_person, name_part


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    value: float
    unit: str
    approx: bool = False
    per: str | None = None
    qualifier: str | None = None
    # A range ("3至5億美元") or a vague amount ("數十億", "3000多") is one quantity whose
    # ``value`` is its low end; ``low`` and ``high`` are its bounds, None for one amount.
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    value: str | None
    relation: str | None = None
    # A span ("2013年一季度", "上半年", "6月上旬", "農曆正月", "今明兩年"): its first and last
    # month, day or year; "2013年一季度" is value "2013", first "2013-01", last "2013-03", and
    # "6月上旬" value "2025-06", first "2025-06-01", last "2025-06-10". The value is the month
    # or year the span lies in, or its first year when it crosses one. None when the time is
    # one day, month or year.
    first: str | None = None
    last: str | None = None


# Whether an event happened, as the text tells it (SCHEMA.md §1): the author states it, a side
# or speaker asserts it, it is to come, it is only supposed, or it is denied.
Status = Literal["reported", "claimed", "planned", "hypothetical", "negated"]


@dataclass(frozen=True)
class Event:
    type: str
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None
    place: str | None
    quantities: tuple[Quantity, ...]
    status: Status
    claimed_by: str | None
    evidence: Span
    summary: str
    cameo: str | None = None
    # Where ``date`` comes from: "text" (the document says it) or "publication" (an undated
    # meeting in a same-day report's lead takes the story's date); None when undated.
    date_from: str | None = None


@dataclass(frozen=True)
class Record:
    """Everything ``summitry extract`` knows about one document."""

    document: Document
    script: str
    entities: tuple[Entity, ...]
    mentions: tuple[Mention, ...]
    quantities: tuple[Quantity, ...]
    times: tuple[TimeExpr, ...]
    events: tuple[Event, ...] = field(default=())

    def entity(self, entity_id: str) -> Entity | None:
        """The entity an event, mention or claim names by ``entity_id`` (every such id resolves
        within the record), or None for an id the record does not hold."""
        return self._entities.get(entity_id)

    @cached_property
    def _entities(self) -> dict[str, Entity]:
        return {entity.id: entity for entity in self.entities}
