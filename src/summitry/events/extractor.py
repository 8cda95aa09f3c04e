"""The events stage: triggers, parties, date, place, amounts and status, sentence by sentence.

Sentences are read in order and each event is remembered, because news prose leans on what
came before: 雙方 means the two sides of the last meeting, 此次訪問 is the visit already
reported, and a meeting mentioned again without a date is the same meeting as before.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace

from summitry.actors.kb import KnowledgeBase
from summitry.actors.linker import LinkedActors
from summitry.events.arguments import ActorIndex, Parties, SentenceActors
from summitry.events.dating import Dater, as_date, is_after
from summitry.events.layout import SentenceLayout, sentence_layouts
from summitry.events.lexicon import EventLexicon, event_lexicon
from summitry.events.status import Attributor
from summitry.events.summary import summarize
from summitry.events.triggers import TriggerHit, find_triggers
from summitry.model import Event, Quantity, Span, TextView, TimeExpr

# Types whose events stand for a meeting of their parties: 雙方 refers back to them, and a
# later undated report of the same parties takes their date.
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
_BOTH_SIDES_LOOKBACK = 8  # sentences


@dataclass
class _Found:
    event: Event
    sentence: int
    date_how: str
    symmetric: bool

    @property
    def participants(self) -> frozenset[str]:
        return frozenset(self.event.source) | frozenset(self.event.target)


class _Extraction:
    def __init__(
        self,
        view: TextView,
        linked: LinkedActors,
        quantities: tuple[Quantity, ...],
        times: tuple[TimeExpr, ...],
        kb: KnowledgeBase,
        document_date: dt.date | None,
        lexicon: EventLexicon,
    ) -> None:
        self.view = view
        self.folded = view.folded
        self.lexicon = lexicon
        self.kb = kb
        self.document_date = document_date
        self.quantities = tuple(sorted(quantities, key=lambda q: q.start))
        entities = {**{e.id: e for e in linked.entities}, **kb.entities}
        self.actors = ActorIndex(linked.mentions, entities, kb)
        self.layouts = sentence_layouts(view, lexicon.status.quotation_min_length)
        self.sentence_starts = [layout.sentence.start for layout in self.layouts]
        self.dater = Dater(self.folded, times, document_date, lexicon.dating)
        self.titles = tuple(sorted(set(kb.titles) | set(lexicon.arguments.leader_words), key=len, reverse=True))
        self.found: list[_Found] = []

    # -- context resolvers -------------------------------------------------------------
    def _sentence_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def _pronoun(self, offset: int) -> str | None:
        """The last person named before ``offset`` in its paragraph or the sentence before."""
        here = self._sentence_of(offset)
        paragraph = self.layouts[here].paragraph if self.layouts else 0
        for mention in reversed(self.actors.mentions):
            if mention.end > offset or self.actors.type_of(mention.entity_id) != "person":
                continue
            there = self._sentence_of(mention.start)
            if self.layouts[there].paragraph == paragraph or there >= here - 1:
                return mention.entity_id
            return None
        return None

    def _both_sides(self, sentence: int) -> "callable":
        def resolve(kind: str) -> tuple[str, ...]:
            for found in reversed(self.found):
                if found.sentence < sentence - _BOTH_SIDES_LOOKBACK:
                    break
                if found.event.type in MEETING_TYPES and len(found.participants) >= 2 and found.event.status != "hypothetical":
                    ordered = tuple(dict.fromkeys(found.event.source + found.event.target))
                    persons = tuple(i for i in ordered if self.actors.type_of(i) == "person")
                    return persons if kind == "persons" and len(persons) >= 2 else ordered
            return ()

        return resolve

    def _sentence_actors(self, layout: SentenceLayout, on: dt.date | None) -> SentenceActors:
        return SentenceActors(
            self.folded,
            layout,
            self.actors,
            self.lexicon.arguments,
            self.titles,
            self._pronoun,
            self._both_sides(layout.index),
            on,
        )

    # -- one trigger -------------------------------------------------------------------
    def _series_parties(self, hit: TriggerHit, layout: SentenceLayout) -> Parties | None:
        """A summit the text does not name parties for, in a series (第二次河內峰會) or a list."""
        if hit.group.type != "CONSULT" or not hit.group.pattern.symmetric:
            return None
        before = self.folded[max(hit.clause.start, hit.start - 10) : hit.start]
        in_series = any(word in before for word in self.lexicon.arguments.series)
        for found in reversed(self.found):
            if found.event.type == "CONSULT" and found.symmetric and len(found.participants) >= 2:
                if in_series or found.sentence == layout.index - 1:
                    return Parties(found.event.source, found.event.target)
                return None
        return None

    def _place(self, actors: SentenceActors, hit: TriggerHit, parties: Parties) -> str | None:
        places = [p for p in actors.places(hit) if p not in parties.source and p not in parties.target]
        if places:
            return self.actors.name(places[0])
        if hit.group.mode == "visit" and len(parties.target) == 1 and self.actors.type_of(parties.target[0]) == "country":
            return self.actors.name(parties.target[0])
        return None

    def _amounts(self, hit: TriggerHit, layout: SentenceLayout) -> tuple[Quantity, ...]:
        scope = hit.group.amounts
        if scope == "none":
            return ()
        start, end = (hit.clause.start, hit.clause.end) if scope == "clause" else (layout.sentence.start, layout.sentence.end)
        return tuple(q for q in self.quantities if start <= q.start and q.end <= end)

    def _enough(self, hit: TriggerHit, parties: Parties) -> bool:
        pattern = hit.group.pattern
        everyone = set(parties.source) | set(parties.target)
        if len(everyone) < pattern.min_parties or (pattern.require_target and not parties.target):
            return False
        return len({self.actors.side_key(i) for i in everyone}) >= pattern.min_sides

    def _events_for(self, hit: TriggerHit, layout: SentenceLayout, previous: SentenceLayout | None) -> list[_Found]:
        if hit.anaphoric and any(f.event.type == hit.group.type for f in self.found):
            return []  # 此次訪問: the visit is already on record
        date, how = self.dater.date(hit, layout, previous)
        on = as_date(date) or self.document_date
        actors = self._sentence_actors(layout, on)
        attribution = Attributor(self.folded, actors, self.lexicon.status).attribute(hit)
        candidates = actors.parties_for(hit, hit.group.pattern, attribution.speaker, on)
        if not any(self._enough(hit, parties) for parties in candidates):
            inherited = self._series_parties(hit, layout)
            candidates = [inherited] if inherited else []
        status = attribution.status
        if status in ("reported", "claimed") and date and self.document_date and self.lexicon.dating.future_is_planned:
            if is_after(date, self.document_date):
                status = "planned"
        claimed_by = attribution.claimed_by
        if status == "claimed" and set(attribution.speakers) >= set(candidates[0].source + candidates[0].target if candidates else ()):
            status, claimed_by = "reported", None  # 雙方宣佈: a joint statement is no one party's claim
        events = []
        for parties in candidates:
            if not self._enough(hit, parties):
                continue
            place = self._place(actors, hit, parties)
            event = Event(
                type=hit.group.type,
                mode=hit.group.mode,
                source=parties.source,
                target=parties.target,
                date=date,
                place=place,
                quantities=self._amounts(hit, layout),
                status=status,
                claimed_by=claimed_by,
                evidence=Span(layout.sentence.start, layout.sentence.end),
                summary="",
                cameo=hit.group.cameo,
            )
            events.append(_Found(event, layout.index, how, hit.group.pattern.symmetric))
        return events

    # -- the document --------------------------------------------------------------------
    def run(self) -> tuple[Event, ...]:
        previous = None
        for layout in self.layouts:
            hits = find_triggers(self.folded, layout, self.actors.mentions, self.lexicon)
            seen: set[tuple] = set()
            for hit in hits:
                for found in self._events_for(hit, layout, previous):
                    key = _identity(found)
                    if key in seen:
                        continue
                    seen.add(key)
                    self.found.append(found)
            previous = layout
        self._inherit_dates()
        return tuple(
            replace(
                f.event,
                summary=summarize(
                    next(g.summary for g in self.lexicon.groups if g.key == (f.event.type, f.event.mode) and g.pattern.symmetric == f.symmetric),
                    f.event.source,
                    f.event.target,
                    f.event.place,
                    f.event.status,
                    f.event.claimed_by,
                    self.actors.name,
                ),
            )
            for f in self.found
        )

    def _inherit_dates(self) -> None:
        """An undated report of a meeting takes the date of a dated report of the same parties."""
        for index, found in enumerate(self.found):
            if found.event.date is not None or found.event.type not in MEETING_TYPES:
                continue
            dated = [
                (abs(other.sentence - found.sentence) + (0.5 if other.sentence > found.sentence else 0), other)
                for other in self.found
                if other.event.date and other.event.type in MEETING_TYPES and other.participants == found.participants
                and other.date_how != "inherited" and other.event.status not in ("hypothetical", "negated")
            ]
            if dated:
                _, source = min(dated, key=lambda pair: pair[0])
                self.found[index] = _Found(replace(found.event, date=source.event.date), found.sentence, "inherited", found.symmetric)


def _identity(found: _Found) -> tuple:
    event = found.event
    parties = (found.participants,) if found.symmetric else (event.source, event.target)
    return (event.type, event.mode, parties, event.status)


def extract_events(
    view: TextView,
    linked: LinkedActors,
    quantities: tuple[Quantity, ...],
    times: tuple[TimeExpr, ...],
    kb: KnowledgeBase,
    document_date: dt.date | None,
) -> tuple[Event, ...]:
    """The one entry point: every event the document reports, each pointing to its sentence."""
    return _Extraction(view, linked, quantities, times, kb, document_date, event_lexicon()).run()
