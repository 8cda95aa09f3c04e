"""Scores meetings against the promises of news headlines (a silver standard at scale).

A mainland evening-news headline such as 「习近平会见格林纳达总理」 promises that the story
reports a meeting of that leader, on the story's date or the day before (readouts abroad are
dated in local time), with a counterpart of the country or organisation the headline names.
Checking every such headline of a corpus measures meeting recall on thousands of stories
nobody annotated. The same pass counts events that have a source credit or a dateline as a
party (央视网消息, 新华社北京…电): a credit says who reports, never who acts.

The leaders, verbs and credits are data (data/headlines.yaml); the meetings are read from
the meetings view over each story's own record, as a user would see them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Iterable

from summitry.data import DataModel, load_data
from summitry.model import Entity, Event, Record
from summitry.text import fold
from summitry.views.meetings import Meeting, meetings

HOME = "CHN"
ERROR_CLASSES = (
    "no_event",
    "leader_missing",
    "counterpart_missing",
    "counterpart_country_only",
    "date_missing",
    "date_wrong",
    "status_wrong",
)


@dataclass(frozen=True)
class _Rules:
    leaders: dict[str, str]
    not_meetings: tuple[str, ...]
    credits: tuple[re.Pattern[str], ...]
    headline: re.Pattern[str]


class HeadlineData(DataModel):
    """data/headlines.yaml: which headline words promise a leader's meeting, and credits to skip."""

    leaders: dict[str, str]  # the name as headlines write it -> knowledge-base id
    direct_verbs: list[str]
    with_markers: list[str]
    with_verbs: list[str]
    between: list[str]
    not_meetings: list[str]
    credits: list[str]


@cache
def _rules() -> _Rules:
    data = load_data("", "headlines.yaml", HeadlineData)
    leaders = dict(data["leaders"])

    def alternatives(words: list[str]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    headline = re.compile(
        f"({alternatives(list(leaders))})(?:{alternatives(data['between'])})?"
        f"(?:{alternatives(data['direct_verbs'])}|(?:{alternatives(data['with_markers'])})[^，,；;]{{1,30}}?"
        f"(?:{alternatives(data['with_verbs'])}))"
    )
    return _Rules(
        leaders=leaders,
        not_meetings=tuple(data["not_meetings"]),
        credits=tuple(re.compile(p) for p in data["credits"]),
        headline=headline,
    )


@dataclass(frozen=True)
class Promise:
    """One meeting a headline promises: ``leader`` met someone of ``counterpart`` (a country or organisation id)."""

    doc: str
    date: str
    title: str
    leader: str
    counterpart: str


@dataclass(frozen=True)
class Outcome:
    promise: Promise
    error: str | None  # None when the story's meetings keep the promise, else one of ERROR_CLASSES
    found: tuple[str, ...] = ()  # the meetings seen, for reading a miss


@dataclass
class HeadlineScores:
    outcomes: list[Outcome] = field(default_factory=list)
    stories: int = 0
    headline_stories: int = 0
    without_counterpart: int = 0  # leader-meeting headlines naming no foreign country or organisation
    credit_parties: list[tuple[str, str, str]] = field(default_factory=list)  # (doc, entity id, event summary)
    names: dict[str, str] = field(default_factory=dict)  # leader id -> English name

    def recall(self, leader: str | None = None) -> tuple[int, int]:
        chosen = [o for o in self.outcomes if leader is None or o.promise.leader == leader]
        return sum(o.error is None for o in chosen), len(chosen)

    def errors(self) -> Counter[str]:
        return Counter(o.error for o in self.outcomes if o.error)

    def to_json(self) -> dict[str, Any]:
        hits, total = self.recall()
        by_leader = {}
        for leader in sorted({o.promise.leader for o in self.outcomes}):
            h, t = self.recall(leader)
            by_leader[leader] = {"hits": h, "total": t, "recall": h / t if t else 1.0}
        return {
            "stories": self.stories,
            "headline_stories": self.headline_stories,
            "without_counterpart": self.without_counterpart,
            "promises": total,
            "hits": hits,
            "recall": hits / total if total else 1.0,
            "by_leader": by_leader,
            "errors": {name: self.errors().get(name, 0) for name in ERROR_CLASSES},
            "credit_parties": len(self.credit_parties),
            "misses": [
                {"doc": o.promise.doc, "date": o.promise.date, "title": o.promise.title, "leader": o.promise.leader,
                 "counterpart": o.promise.counterpart, "error": o.error, "found": list(o.found)}
                for o in self.outcomes if o.error
            ],
            "credit_party_events": [{"doc": d, "party": p, "event": s} for d, p, s in self.credit_parties],
        }


def headline_leader(title: str) -> str | None:
    """The leader a headline says met or phoned someone, or None."""
    rules = _rules()
    if any(word in title for word in rules.not_meetings):
        return None
    match = rules.headline.search(title)
    return rules.leaders[match.group(1)] if match else None


def promises(record: Record) -> list[Promise]:
    """The meetings ``record``'s headline promises: one per foreign country or international organisation it names."""
    document = record.document
    title = document.title or ""
    leader = headline_leader(title)
    if leader is None or document.date is None or not document.text.startswith(title):
        return []
    entities = {e.id: e for e in record.entities}
    counterparts: list[str] = []
    people: list[str] = []
    for mention in sorted(record.mentions, key=lambda m: m.start):
        entity = entities.get(mention.entity_id)
        if mention.end > len(title) or entity is None:
            continue
        if entity.type == "country":
            side = entity.id
        elif entity.type == "organization" and entity.country != HOME:
            # 越南共产党代表团, 韩国国会议长: a foreign party or parliament speaks for its country, so
            # the promise is a person of that country, as for 越南总理; only a body of no country
            # (世界银行, 欧盟委员会) is a counterpart of its own.
            side = entity.country or entity.id
        elif entity.type == "person" and entity.country:
            people.append(entity.country)  # 联合国秘书长 is Guterres, but the side is the UN, not Portugal
            continue
        else:
            continue
        if side != HOME and side not in counterparts:
            counterparts.append(side)
    if not counterparts:  # 习近平同拜登通电话: the person's country is the side
        counterparts = [side for side in dict.fromkeys(people) if side != HOME]
    return [Promise(document.id, document.date.isoformat(), title, leader, side) for side in counterparts]


def _of_side(participant: str, side: str, entities: dict[str, Any]) -> str | None:
    """'person' when ``participant`` is a person of ``side``, 'side' when it is ``side`` itself, else None.

    The knowledge base does not say who serves an organisation, so for one any foreign person counts.
    """
    if participant == side:
        return "side"
    entity = entities.get(participant)
    if entity is None or entity.type != "person":
        return None
    side_entity = entities.get(side)
    if side_entity is not None and side_entity.type == "organization":
        return "person" if entity.country != HOME else None
    return "person" if entity.country == side else None


def _names_a_foreign_person(meeting: Meeting, record: Record, entities: dict[str, Entity]) -> bool:
    """Whether the sentences behind ``meeting`` name anyone but mainland people: then only a person
    keeps the promise, the country alone does not (the one named may be the counterpart, linked to
    no country or to the wrong one)."""
    spans = [(source.start, source.end) for source in meeting.sources]
    return any(
        entities.get(m.entity_id) is not None and entities[m.entity_id].type == "person" and entities[m.entity_id].country != HOME
        and any(start <= m.start and m.end <= end for start, end in spans)
        for m in record.mentions
    )


def _judge(promise: Promise, record: Record, rows: list[Meeting]) -> Outcome:
    entities = {e.id: e for e in record.entities}
    published = dt.date.fromisoformat(promise.date)
    good_dates = {published.isoformat(), (published - dt.timedelta(days=1)).isoformat()}
    found = tuple(f"{m.date} {' / '.join(m.names)} ({m.status})" for m in rows)

    def outcome(error: str | None) -> Outcome:
        return Outcome(promise, error, found)

    with_leader = [m for m in rows if promise.leader in m.participants]
    matched = []
    country_only = []
    for meeting in with_leader:
        kinds = {_of_side(p, promise.counterpart, entities) for p in meeting.participants if p != promise.leader}
        if "person" in kinds or ("side" in kinds and entities[promise.counterpart].type == "organization"):
            matched.append(meeting)
        elif "side" in kinds:
            country_only.append(meeting)
    if any(m.date in good_dates and m.status == "reported" for m in matched):
        return outcome(None)
    # Person, else country: 会见美国工商界代表团 names no one, so the country is the counterpart.
    if any(m.date in good_dates and m.status == "reported" and not _names_a_foreign_person(m, record, entities) for m in country_only):
        return outcome(None)
    if any(m.date in good_dates for m in matched):
        return outcome("status_wrong")
    if matched:
        return outcome("date_missing" if all(m.date is None for m in matched) else "date_wrong")
    body = len(promise.title)
    consults = [e for e in record.events if e.type == "CONSULT" and promise.leader in e.source + e.target and e.evidence.start >= body]
    if any(e.status != "reported" and any(_of_side(p, promise.counterpart, entities) for p in e.source + e.target)
           for e in consults):
        return outcome("status_wrong")
    if country_only:
        return outcome("counterpart_country_only")
    if with_leader or consults:
        return outcome("counterpart_missing")
    if rows or any(e.type == "CONSULT" and e.evidence.start >= body for e in record.events):
        return outcome("leader_missing")
    return outcome("no_event")


def credit_spans(folded: str) -> list[tuple[int, int]]:
    """Where ``folded`` text names a source credit or a dateline."""
    return [match.span() for pattern in _rules().credits for match in pattern.finditer(folded)]


def credit_parties(record: Record) -> list[tuple[str, str]]:
    """(party id, event summary) for each event party the document names only inside a credit or dateline."""
    spans = credit_spans(fold(record.document.text))
    if not spans:
        return []
    inside: dict[str, bool] = {}
    for mention in record.mentions:
        within = any(start <= mention.start and mention.end <= end for start, end in spans)
        inside[mention.entity_id] = inside.get(mention.entity_id, True) and within
    found = []
    for event in record.events:
        for party in dict.fromkeys(event.source + event.target):
            if inside.get(party):
                found.append((party, event.summary))
    return found


def score_headlines(records: Iterable[Record]) -> HeadlineScores:
    """Every headline promise of ``records`` judged against the story's own meetings, and the credit parties of all."""
    scores = HeadlineScores()
    for record in records:
        scores.stories += 1
        for party, summary in credit_parties(record):
            scores.credit_parties.append((record.document.id, party, summary))
        if headline_leader(record.document.title or "") is None:
            continue
        scores.headline_stories += 1
        wanted = promises(record)
        if not wanted:
            scores.without_counterpart += 1
            continue
        scores.names.update((e.id, e.name) for e in record.entities if e.id in _rules().leaders.values())
        # The headline restates the promise; only a meeting the body reports can keep it.
        body = len(record.document.title or "")
        rows = [m for m in meetings([record]) if any(source.start >= body for source in m.sources)]
        scores.outcomes.extend(_judge(promise, record, rows) for promise in wanted)
    return scores


def format_scores(scores: HeadlineScores, show_misses: bool) -> list[str]:
    """The human table: recall overall and per leader, misses by class, credit parties."""
    hits, total = scores.recall()
    lines = [
        f"stories {scores.stories}, leader-meeting headlines {scores.headline_stories} "
        f"({scores.without_counterpart} name no foreign counterpart), promised meetings {total}",
        f"headline-meeting recall {hits}/{total} = {hits / total if total else 1.0:.3f}",
    ]
    for leader in sorted({o.promise.leader for o in scores.outcomes}, key=lambda l: -scores.recall(l)[1]):
        h, t = scores.recall(leader)
        lines.append(f"  {scores.names.get(leader, leader):<20} {h:>4}/{t:<4} {h / t:.3f}")
    lines.append("misses by class:")
    errors = scores.errors()
    lines.extend(f"  {name:<26} {errors.get(name, 0)}" for name in ERROR_CLASSES)
    lines.append(f"events with a source credit or dateline as a party: {len(scores.credit_parties)}")
    if show_misses:
        for o in scores.outcomes:
            if o.error:
                lines.append(f"  miss {o.error}: {o.promise.date} {o.promise.title} [{o.promise.counterpart}] "
                             f"doc {o.promise.doc}; found: {'; '.join(o.found) or 'none'}")
        for doc, party, summary in scores.credit_parties:
            lines.append(f"  credit party {party}: {summary} (doc {doc})")
    return lines
