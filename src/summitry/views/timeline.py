"""The actor timeline: one actor's meetings, commitments made and received, and claims, by date.

The actor is named by English name, id or any alias (``Trump``, ``Q22686``, ``川普``,
``特朗普``); a country gathers its own rows and those of its people and companies.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Any, Iterable, Mapping, Sequence

from pydantic import Field

from summitry.errors import SummitryError
from summitry.model import Record
from summitry.views.evidence import Source, source_of
from summitry.views.ledger import Commitment, describe_amount, ledger
from summitry.views.meetings import Meeting, meetings
from summitry.views.parties import Actors


class UnknownActor(SummitryError, LookupError):
    """A name that no entity of the knowledge base or the records answers to."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: no actor has this name, id or alias")
        self.name = name


class AmbiguousActor(UnknownActor):
    """A name several people answer to (Kim): a timeline is of one actor, so the candidates are
    listed, each with its offices and their dates, for the user to name one by id or full name."""

    SHOWN = 8

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        shown = "; ".join(candidates[: self.SHOWN]) + (f"; (+{len(candidates) - self.SHOWN} more)" if len(candidates) > self.SHOWN else "")
        LookupError.__init__(self, f"{name}: {len(candidates)} people answer to this name; give one by id or full name: {shown}")
        self.name = name
        self.candidates = tuple(candidates)


def _candidate(actors: Actors, entity_id: str) -> str:
    """``Q56226 Kim Jong Un (supreme_leader of PRK 2011-12-17–…)``: enough to tell one Kim from another."""
    entity = actors.entities[entity_id]
    offices = ", ".join(
        f"{o.role} of {o.country} {o.start.isoformat()}–{o.end.isoformat() if o.end else ''}"
        for o in sorted(entity.offices, key=lambda o: o.start, reverse=True)
    )
    return f"{entity_id} {entity.name}" + (f" ({offices})" if offices else "")


def _one_actor(mentioned: Mapping[str, int], actors: Actors, name: str, wanted: frozenset[str]) -> None:
    """Refuse to merge several people into one timeline. The likelier meant lead the list: those
    the records mention most, then those in office now, then by their latest office."""
    people = [i for i in wanted if actors.type_of(i) == "person"]
    if len(people) < 2:
        return

    def likelihood(entity_id: str) -> tuple[int, bool, str]:
        offices = actors.entities[entity_id].offices
        return (mentioned.get(entity_id, 0), any(o.end is None for o in offices), max((o.start.isoformat() for o in offices), default=""))

    people.sort()
    people.sort(key=likelihood, reverse=True)
    raise AmbiguousActor(name, [_candidate(actors, i) for i in people])


@dataclass(frozen=True)
class TimelineEntry:
    """One entry of an actor's timeline; its fields are its JSON in order (views/shape.py),
    ``ref`` written as ``id``."""

    date: str | None
    kind: str  # meeting, commitment_made, commitment_received, claim
    ref: Annotated[str | None, Field(alias="id")]  # the meeting's or commitment's id; None for a claim
    summary: str
    status: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Timeline:
    """An actor's timeline as the CLI's ``actor --json`` writes it (views/shape.py)."""

    actor: str
    name: str
    type: str
    ids: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]


def _amount(commitment: Commitment) -> str:
    return f" ({describe_amount(commitment.amount)})" if commitment.amount else ""


def commitment_summary(commitment: Commitment) -> str:
    """A commitment's line on a timeline, the same whoever's timeline it is on (the store keeps it
    beside the row, so a page of the timeline sorts by it in SQL)."""
    to = f" to {commitment.beneficiary_name}" if commitment.beneficiary_name else ""
    return f"{commitment.pledger_name}{to}: {commitment.item}{_amount(commitment)}"


def meeting_summary(actors: Actors, wanted: frozenset[str], meeting: Meeting) -> str:
    """A meeting's line on the timeline of ``wanted``: whom it met, not itself (the store keeps the
    line for each actor key a filter finds the meeting by, ``store.materialise.actor_keys``)."""
    others = [n for p, n in zip(meeting.participants, meeting.names) if not actors.matches(p, wanted)]
    where = f" in {meeting.place}" if meeting.place else ""
    return f"{meeting.mode or 'meeting'} with {', '.join(others) or 'its own side'}{where}"


def actor_timeline(records: Sequence[Record], name: str) -> Timeline:
    """Everything the records say one actor did, received or claimed, oldest first."""
    records = list(records)
    actors = Actors(records)
    wanted = wanted_actor(actors, name, Counter(m.entity_id for record in records for m in record.mentions))
    claims = [
        (event.date, event.summary, event.status, source_of(record, event.evidence, event.claimed_by))
        for record in records
        for event in record.events
        if actors.matches(event.claimed_by, wanted)
    ]
    return build_timeline(actors, wanted, meetings(records), ledger(records), claims)


def wanted_actor(actors: Actors, name: str, mentioned: Mapping[str, int]) -> frozenset[str]:
    """The ids a timeline's name stands for; ``UnknownActor`` when none, ``AmbiguousActor``
    when several people (``mentioned``: how often the records mention each)."""
    wanted = actors.resolve(name)
    if not wanted:
        raise UnknownActor(name)
    _one_actor(mentioned, actors, name, wanted)
    return wanted


def build_timeline(
    actors: Actors,
    wanted: frozenset[str],
    meeting_rows: Iterable[Meeting],
    commitments: Iterable[Commitment],
    claims: Iterable[tuple[str | None, str, str, Source]],
) -> Timeline:
    """The timeline of ``wanted`` from the meetings and commitments (in their views' order) and
    the claims (in record order) that concern it; rows of others are passed over."""
    entries: list[TimelineEntry] = []
    for meeting in meeting_rows:
        if not any(actors.matches(p, wanted) for p in meeting.participants):
            continue
        summary = meeting_summary(actors, wanted, meeting)
        entries.append(TimelineEntry(meeting.date, "meeting", meeting.id, summary, meeting.status, meeting.sources))
    for commitment in commitments:
        for kind, party in (("commitment_made", commitment.pledger), ("commitment_received", commitment.beneficiary)):
            if actors.matches(party, wanted):
                entries.append(
                    TimelineEntry(commitment.made_on, kind, commitment.id, commitment_summary(commitment), commitment.status, commitment.sources)
                )
    for date, summary, status, source in claims:
        entries.append(TimelineEntry(date, "claim", None, summary, status, (source,)))
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.kind, e.summary))
    return timeline_of(actors, wanted, entries)


def timeline_of(actors: Actors, wanted: frozenset[str], entries: Iterable[TimelineEntry]) -> Timeline:
    """The timeline of ``wanted`` holding ``entries`` (all of them, or one page the store read),
    named after its chief actor: a person or country before anything else, then by name."""
    chief = sorted(wanted, key=lambda i: (actors.type_of(i) not in ("person", "country"), actors.name(i) or i))[0]
    return Timeline(chief, actors.name(chief) or chief, actors.type_of(chief), tuple(sorted(wanted)), tuple(entries))
