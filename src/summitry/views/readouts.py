"""The readouts view: for one meeting, what each side's statements cover, topic by topic.

A sentence is a side's statement when a party of that side speaks it (川普表示…,
習近平指出…, 中方強調…), when an event in it is that side's claim, or when it stands in
that side's own readout (中國外交部發表的…全文：…, to the end of the document). Reported
speech carries on through its paragraph until someone else speaks; a quotation standing
alone before "X表示" is X's. Topics are keywords (views/data/readouts.yaml).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Callable, Mapping, Sequence, cast

from summitry.errors import SummitryError
from summitry.events.lexicon import Cue, event_lexicon
from summitry.model import Record, Sentence, Span
from summitry.text import build_view, longest_first
from summitry.views.evidence import Source, source_of, unique_sources
from summitry.views.shape import view_json
from summitry.views.lexicon import view_data
from summitry.views.meetings import Meeting, meetings
from summitry.views.parties import Actors

_CLAUSE_MARKS = set("，,；;。！？!?：:")
_QUESTION_MARKS = set("？?")
_OTHER = "other"  # a speaker who is no party of the meeting


class UnknownMeeting(SummitryError, LookupError):
    """No meeting (or more than one) has the id asked for."""

    lead = "meeting"

    def __init__(self, meeting_id: str, reason: str) -> None:
        super().__init__(f"{meeting_id}: {reason}")
        self.meeting_id = meeting_id
        self.reason = reason


@dataclass(frozen=True)
class TopicEvidence:
    topic: str
    evidence: tuple[Source, ...]


@dataclass(frozen=True)
class SideReadout:
    actor: str
    name: str
    topics: tuple[TopicEvidence, ...]


@dataclass(frozen=True)
class Readouts:
    """Each side's readout of one meeting, as SCHEMA.md §2's readouts object in order (with the
    meeting's names and date and the ``shared`` topics beside it; views/shape.py writes it)."""

    meeting: str  # the meeting's id
    names: tuple[str, ...]
    date: str | None
    sides: tuple[SideReadout, ...]
    only_in: Mapping[str, tuple[str, ...]]
    shared: tuple[str, ...]


@dataclass(frozen=True)
class _Rules:
    topics: tuple[tuple[str, tuple[str, ...]], ...]
    speech: tuple[str, ...]
    speaker_reach: int
    readout_markers: tuple[str, ...]
    readout_colons: tuple[str, ...]


@cache
def _rules() -> _Rules:
    raw = view_data("readouts.yaml")
    return _Rules(
        topics=tuple((entry["topic"], longest_first(entry["words"])) for entry in raw["topics"]),
        speech=longest_first(raw["speech"]),
        speaker_reach=int(raw["speaker_reach"]),
        readout_markers=longest_first(raw["readout_markers"]),
        readout_colons=tuple(raw["readout_colons"]),
    )


def _find_meeting(rows: Sequence[Meeting], meeting_id: str) -> Meeting:
    exact = [m for m in rows if m.id == meeting_id]
    if exact:
        return exact[0]
    prefixed = [m for m in rows if m.id.startswith(meeting_id)] if len(meeting_id) >= 4 else []
    if len(prefixed) == 1:
        return prefixed[0]
    raise UnknownMeeting(meeting_id, "no meeting has this id" if not prefixed else "several meetings start with this id")


class _Statements:
    """The sentences of one document that a party of the meeting states."""

    def __init__(self, record: Record, meeting: Meeting, actors: Actors, rules: _Rules) -> None:
        self.record = record
        self.actors = actors
        self.rules = rules
        self.view = build_view(record.document.text)
        self.folded = self.view.folded
        self.sides = {actors.side(p): p for p in meeting.participants}
        self.mentions = [m for m in record.mentions if actors.type_of(m.entity_id) != "place"]
        # 白宮表示, 克里姆林宮發表的聲明全文：a seat of government speaks for its side
        self.seats = [m for m in record.mentions if actors.type_of(m.entity_id) == "place"]
        self.cues: tuple[Cue, ...] = event_lexicon().status.reporting
        self.sentences = list(self.view.sentences)
        self.paragraphs = self._paragraphs()
        self.meeting = meeting

    def _paragraphs(self) -> list[int]:
        numbers, paragraph, previous_end = [], 0, 0
        for sentence in self.sentences:
            if "\n" in self.view.original[previous_end : sentence.start]:
                paragraph += 1
            numbers.append(paragraph)
            previous_end = sentence.end
        return numbers

    # -- who speaks ----------------------------------------------------------------------------
    def _clause_start(self, offset: int, floor: int) -> int:
        while offset > floor and self.folded[offset - 1] not in _CLAUSE_MARKS:
            offset -= 1
        return offset

    def _cue_positions(self, sentence: Sentence) -> list[int]:
        positions = []
        for cue in self.cues:
            at = self.folded.find(cue.word, sentence.start, sentence.end)
            while at != -1:
                if cue.fits(self.folded, at):
                    positions.append(at)
                at = self.folded.find(cue.word, at + 1, sentence.end)
        for word in self.rules.speech:
            at = self.folded.find(word, sentence.start, sentence.end)
            while at != -1:
                positions.append(at)
                at = self.folded.find(word, at + 1, sentence.end)
        return sorted(positions)

    def _speaker_before(self, position: int, floor: int) -> str | None:
        """The actor named before a verb of saying in its clause; places between are skipped
        (川普在空軍一號他表示) unless a place stands right before the verb (白宮表示)."""
        start = max(self._clause_start(position, floor), position - self.rules.speaker_reach)
        seat = [m for m in self.seats if start <= m.start and 0 <= position - m.end <= 1]
        if seat:
            return seat[-1].entity_id
        before = [m for m in self.mentions if start <= m.start and m.end <= position]
        return before[-1].entity_id if before else None

    def _party(self, entity_id: str) -> str:
        return self.sides.get(self.actors.side(entity_id), _OTHER)

    def speaker(self, sentence: Sentence) -> str | None:
        """The meeting party speaking the sentence, ``_OTHER`` for anyone else, None for no one."""
        for position in self._cue_positions(sentence):
            entity_id = self._speaker_before(position, sentence.start)
            if entity_id is not None:
                return self._party(entity_id)
        for event in self.record.events:
            if event.claimed_by and sentence.start <= event.evidence.start < sentence.end:
                return self._party(event.claimed_by)
        return None

    def _readout(self) -> tuple[int, str] | None:
        """Where a side's own readout starts (after 全文：), and the party whose side it is."""
        for sentence in self.sentences:
            text = self.folded[sentence.start : sentence.end]
            for marker in self.rules.readout_markers:
                at = text.find(marker)
                while at != -1:
                    after = at + len(marker)
                    tail = text[after : after + 2].lstrip(" 」』”")
                    if tail.startswith(self.rules.readout_colons):
                        owner = self._publisher(sentence, sentence.start + at)
                        if owner is not None and self._party(owner) != _OTHER:
                            colon = text.index(tail[0], after)
                            return sentence.start + colon + 1, self._party(owner)
                    at = text.find(marker, at + 1)
        return None

    def _publisher(self, sentence: Sentence, marker: int) -> str | None:
        """Who publishes a readout: the first actor named before its marker, outside the
        quoted title (外交部公布的「習近平同某國總統…會談」全文)."""
        depth, quoted = 0, set()
        for offset in range(sentence.start, marker):
            char = self.folded[offset]
            if char in "「『“":
                depth += 1
            elif char in "」』”":
                depth = max(0, depth - 1)
            elif depth:
                quoted.add(offset)
        named = sorted(
            (m for m in [*self.mentions, *self.seats] if sentence.start <= m.start and m.end <= marker and m.start not in quoted),
            key=lambda m: m.start,
        )
        return named[0].entity_id if named else None

    def _relevant_paragraphs(self, main: bool) -> set[int] | None:
        if main:
            return None
        here = [s for s in self.meeting.sources if s.doc == self.record.document.id]
        return {self.paragraphs[i] for i, sentence in enumerate(self.sentences) for s in here if sentence.start <= s.start < sentence.end}

    def statements(self, main: bool) -> list[tuple[str, Span]]:
        """(party, span) for every sentence a party of the meeting states."""
        readout = self._readout()
        relevant = self._relevant_paragraphs(main)
        found: list[tuple[str, Span]] = []
        speakers: list[str | None] = [self.speaker(s) for s in self.sentences]
        carried: str | None = None
        for index, sentence in enumerate(self.sentences):
            paragraph = self.paragraphs[index]
            if index and paragraph != self.paragraphs[index - 1]:
                carried = None
            if readout is not None and sentence.end > readout[0]:
                found.append((readout[1], Span(max(sentence.start, readout[0]), sentence.end)))
                continue
            if relevant is not None and paragraph not in relevant:
                continue
            speaker = speakers[index]
            if speaker is None and self._quotation(sentence) and index + 1 < len(self.sentences) and self.paragraphs[index + 1] == paragraph:
                speaker = speakers[index + 1]  # 「…」川普表示，…: the quotation is his
            if speaker is not None:
                carried = speaker
            elif self._question(sentence):
                continue
            else:
                speaker = carried
            if speaker is not None and speaker != _OTHER:
                found.append((speaker, sentence))
        return found

    def _quotation(self, sentence: Sentence) -> bool:
        text = self.view.original[sentence.start : sentence.end].strip()
        return text[:1] in "「『“" and text[-1:] in "」』”"

    def _question(self, sentence: Sentence) -> bool:
        return any(mark in self.folded[sentence.start : sentence.end] for mark in _QUESTION_MARKS)


def _topics(text: str, rules: _Rules) -> list[str]:
    return [topic for topic, words in rules.topics if any(word in text for word in words)]


def _main_meeting(record: Record, rows: Sequence[Meeting]) -> str | None:
    """The meeting a document reports most often: the one it is about."""
    counts = {m.id: sum(1 for s in m.sources if s.doc == record.document.id) for m in rows}
    best = max(counts.values(), default=0)
    leaders = [i for i, n in counts.items() if n == best and n > 0]
    return leaders[0] if len(leaders) == 1 else None


def readouts(records: Sequence[Record], meeting_id: str, rows: Sequence[Meeting] | None = None) -> Readouts:
    """Each side's account of one meeting (a meetings-view id, or a unique prefix of one).
    ``rows``: the meetings of the records, when the store has them merged already (those of
    the meeting's documents are enough, with the records of those documents)."""
    records = list(records)
    rows = meetings(records) if rows is None else rows
    meeting = _find_meeting(rows, meeting_id)
    rules = _rules()
    actors = Actors.knowing(e for r in records for e in r.entities)  # the knowledge base's index is built once
    documents = {s.doc for s in meeting.sources}
    evidence: dict[str, dict[str, list[Source]]] = {p: {} for p in meeting.participants}
    for record in records:
        if record.document.id not in documents:
            continue
        statements = _Statements(record, meeting, actors, rules)
        for party, span in statements.statements(main=_main_meeting(record, rows) == meeting.id):
            text = statements.folded[span.start : span.end]
            for topic in _topics(text, rules):
                evidence[party].setdefault(topic, []).append(source_of(record, span))
    order = {topic: i for i, (topic, _) in enumerate(rules.topics)}
    sides = tuple(
        SideReadout(
            actor=party,
            name=actors.name(party) or party,
            topics=tuple(
                TopicEvidence(topic, unique_sources(found))
                for topic, found in sorted(evidence[party].items(), key=lambda item: order[item[0]])
            ),
        )
        for party in meeting.participants
    )
    covered = {side.actor: {t.topic for t in side.topics} for side in sides}
    everyone = set.intersection(*covered.values()) if covered else set()
    only_in = {
        side.actor: tuple(t.topic for t in side.topics if t.topic not in everyone)
        for side in sides
    }
    shared = tuple(sorted(everyone, key=cast("Callable[[str], int]", order.get)))  # every topic is the rules'
    return Readouts(meeting.id, meeting.names, meeting.date, sides, only_in, shared)
