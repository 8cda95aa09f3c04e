"""The actor timeline: one actor's meetings, commitments made and received, and claims, by date.

The actor is named by English name, id or any alias (``Trump``, ``Q22686``, ``川普``,
``特朗普``); a country gathers its own rows and those of its people and companies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from summitry.errors import SummitryError
from summitry.model import Record
from summitry.views.evidence import Source, source_json, source_of
from summitry.views.ledger import Commitment, describe_amount, ledger
from summitry.views.meetings import meetings
from summitry.views.parties import Actors


class UnknownActor(SummitryError, LookupError):
    """A name that no entity of the knowledge base or the records answers to."""

    def __init__(self, name: str) -> None:
        super().__init__(f"{name}: no actor has this name, id or alias")
        self.name = name


@dataclass(frozen=True)
class TimelineEntry:
    date: str | None
    kind: str  # meeting, commitment_made, commitment_received, claim
    ref: str | None  # the meeting's or commitment's id; None for a claim
    summary: str
    status: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Timeline:
    actor: str
    name: str
    type: str
    ids: tuple[str, ...]
    entries: tuple[TimelineEntry, ...]


def _amount(commitment: Commitment) -> str:
    return f" ({describe_amount(commitment.amount)})" if commitment.amount else ""


def _commitment_summary(commitment: Commitment) -> str:
    to = f" to {commitment.beneficiary_name}" if commitment.beneficiary_name else ""
    return f"{commitment.pledger_name}{to}: {commitment.item}{_amount(commitment)}"


def actor_timeline(records: Sequence[Record], name: str) -> Timeline:
    """Everything the records say one actor did, received or claimed, oldest first."""
    records = list(records)
    actors = Actors(records)
    wanted = actors.resolve(name)
    if not wanted:
        raise UnknownActor(name)
    chief = sorted(wanted, key=lambda i: (actors.type_of(i) not in ("person", "country"), actors.name(i) or i))[0]
    entries: list[TimelineEntry] = []
    for meeting in meetings(records):
        if not any(actors.matches(p, wanted) for p in meeting.participants):
            continue
        others = [n for p, n in zip(meeting.participants, meeting.names) if not actors.matches(p, wanted)]
        where = f" in {meeting.place}" if meeting.place else ""
        summary = f"{meeting.mode or 'meeting'} with {', '.join(others) or 'its own side'}{where}"
        entries.append(TimelineEntry(meeting.date, "meeting", meeting.id, summary, meeting.status, meeting.sources))
    for commitment in ledger(records):
        for kind, party in (("commitment_made", commitment.pledger), ("commitment_received", commitment.beneficiary)):
            if actors.matches(party, wanted):
                entries.append(
                    TimelineEntry(commitment.made_on, kind, commitment.id, _commitment_summary(commitment), commitment.status, commitment.sources)
                )
    for record in records:
        for event in record.events:
            if actors.matches(event.claimed_by, wanted):
                entries.append(
                    TimelineEntry(event.date, "claim", None, event.summary, event.status, (source_of(record, event.evidence, event.claimed_by),))
                )
    entries.sort(key=lambda e: (e.date is None, e.date or "", e.kind, e.summary))
    return Timeline(chief, actors.name(chief) or chief, actors.type_of(chief), tuple(sorted(wanted)), tuple(entries))


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "actor": timeline.actor,
        "name": timeline.name,
        "type": timeline.type,
        "ids": list(timeline.ids),
        "entries": [
            {
                "date": entry.date,
                "kind": entry.kind,
                "id": entry.ref,
                "summary": entry.summary,
                "status": entry.status,
                "sources": [source_json(s) for s in entry.sources],
            }
            for entry in timeline.entries
        ],
    }
