"""Meeting recall and precision of extract records against gold meetings (gold/README.md).

The gold file scores `summitry meetings`, where one meeting reported by several documents is
one row. Extract records have no such merging, so this scorer decides what counts as one
reported meeting, document by document:

1. Candidates are the CONSULT and AGREE events of a record whose status is reported or
   claimed (planned, hypothetical and negated ones are not meetings that took place) and
   that have at least two distinct parties.
2. Within one document, reports of one meeting collapse: events with the same parties and
   date are one; an event is dropped when another in the same document has all its parties
   (a country counting as present when a person of it is) and a date at least as precise
   that agrees with its own (a null date agrees with any). So 特朗普跟普京會面 (no date) folds
   into the dated caption, and Trump's visit to Japan into his meeting with Takaichi.
3. Each remaining event is matched against the gold: participants as the README says (every
   gold slot has one alternative among the event's party ids or English names), and the
   event's date starting with the gold date (a null gold date matches any).
   - matches a core meeting not yet matched in this document: a hit. A core meeting reported
     by two documents is a hit in each; recall counts it once.
   - matches a core meeting already matched in this document: a duplicate, an error.
   - matches an optional meeting: correct, no recall.
   - has the parties of a core or optional meeting but a less precise date that agrees with
     it (2025-10 for 2025-10-30, or none): correct but unspecific, no recall. A meeting view
     merges such a report into the dated one; it is not a meeting the gold does not know.
   - anything else: an error.
   AGREE events count only when they are a core hit: an agreement is not a meeting, so one
   that matches no meeting is neither right nor wrong here.
4. recall = core meetings hit in any document / core meetings;
   precision = correct counted events / counted events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from summitry.evaluate import normalize_name
from summitry.model import Entity, Event, Record

MEETING_TYPES = ("CONSULT", "AGREE")
COUNTED_STATUSES = ("reported", "claimed")


class MeetingScores(NamedTuple):
    recall: float
    precision: float
    misses: tuple[str, ...]


@dataclass(frozen=True)
class _Report:
    """One candidate meeting of one document: its parties and what they are called."""

    event: Event
    parties: frozenset[str]
    keys: frozenset[str]  # ids and normalised English names of the parties
    countries: frozenset[str]  # countries the parties stand for


@dataclass
class _Tally:
    counted: int = 0
    correct: int = 0
    misses: list[str] = field(default_factory=list)


def _entity_lookup(record: Record) -> Callable[[str], Entity | None]:
    local = {entity.id: entity for entity in record.entities}
    try:  # parties named only through a title or 兩國元首 may be missing from the record
        from summitry.actors import load_knowledge_base

        known = load_knowledge_base().entities
    except Exception:  # noqa: BLE001 - scoring must not fail for want of the knowledge base
        known = {}
    return lambda entity_id: local.get(entity_id) or known.get(entity_id)


def _reports(record: Record) -> list[_Report]:
    lookup = _entity_lookup(record)
    reports = []
    for event in record.events:
        parties = frozenset(event.source) | frozenset(event.target)
        if event.type not in MEETING_TYPES or event.status not in COUNTED_STATUSES or len(parties) < 2:
            continue
        keys, countries = set(parties), set()
        for entity_id in parties:
            entity = lookup(entity_id)
            if entity is not None:
                keys.add(normalize_name(entity.name))
                countries.add(entity.id if entity.type == "country" else entity.country)
        reports.append(_Report(event, parties, frozenset(keys), frozenset(c for c in countries if c)))
    return reports


def _agrees(coarse: str | None, fine: str | None) -> bool:
    """Whether ``fine`` is at least as precise as ``coarse`` and says the same."""
    return coarse is None or (fine is not None and fine.startswith(coarse))


def _collapse(reports: list[_Report]) -> list[_Report]:
    """One report per meeting of the document (rule 2 of the module docstring)."""
    unique: dict[tuple[frozenset[str], str | None], _Report] = {}
    for report in reports:
        unique.setdefault((report.parties, report.event.date), report)
    kept = list(unique.values())

    def covers(big: _Report, small: _Report) -> bool:
        return all(p in big.parties or p in big.countries for p in small.parties)

    def subsumed(small: _Report, big: _Report) -> bool:
        if small is big or not _agrees(small.event.date, big.event.date) or not covers(big, small):
            return False
        if small.parties == big.parties:
            return (big.event.date or "") > (small.event.date or "")  # the same parties, dated more precisely
        return not covers(small, big) or len(big.parties) > len(small.parties)

    return [r for r in kept if not any(subsumed(r, other) for other in kept)]


def _has_parties(report: _Report, gold: dict[str, Any]) -> bool:
    return all(any(alt in report.keys or normalize_name(alt) in report.keys for alt in slot) for slot in gold["participants"])


def _matches(report: _Report, gold: dict[str, Any]) -> bool:
    return _has_parties(report, gold) and _agrees(gold.get("date"), report.event.date)


def _unspecific(report: _Report, gold: dict[str, Any]) -> bool:
    date, wanted = report.event.date, gold.get("date")
    return _has_parties(report, gold) and (date is None or (wanted is not None and wanted.startswith(date)))


def _describe(gold: dict[str, Any]) -> str:
    return " & ".join(slot[0] for slot in gold["participants"]) + f" {gold.get('date')}"


def score_meetings(
    records: Iterable[Record], gold_meetings: dict[str, Sequence[dict[str, Any]]], unspecific_is_error: bool = False
) -> MeetingScores:
    """Recall over core meetings and precision over reported meeting events (module docstring).

    ``unspecific_is_error`` reads the README literally: a report of a gold meeting's parties
    without the gold's date precision then counts against precision too.
    """
    core, optional = list(gold_meetings.get("core", ())), list(gold_meetings.get("optional", ()))
    tally = _Tally()
    hit_docs: dict[int, set[str]] = {}
    for record in records:
        document = Path(record.document.source).name
        matched_here: set[int] = set()
        for report in _collapse(_reports(record)):
            event = report.event
            core_hits = [i for i, gold in enumerate(core) if _matches(report, gold)]
            fresh = [i for i in core_hits if i not in matched_here]
            if fresh:
                matched_here.add(fresh[0])
                hit_docs.setdefault(fresh[0], set()).add(document)
                tally.counted += 1
                tally.correct += 1
                continue
            if event.type != "CONSULT":
                continue
            tally.counted += 1
            if core_hits:
                tally.misses.append(f"duplicate in {document}: {event.summary} [{event.date}]")
            elif any(_matches(report, gold) for gold in optional):
                tally.correct += 1
            elif any(_unspecific(report, gold) for gold in core + optional):
                if unspecific_is_error:
                    tally.misses.append(f"unspecific in {document}: {event.summary} [{event.date}]")
                else:
                    tally.correct += 1
            else:
                tally.misses.append(f"extra in {document}: {event.summary} [{event.date}]")
    for index, gold in enumerate(core):
        found_in = hit_docs.get(index, set())
        if not found_in:
            tally.misses.append(f"missed: {_describe(gold)} (in {', '.join(gold.get('docs', [])) or 'any document'})")
        else:
            for document in gold.get("docs", []):
                if document not in found_in:
                    tally.misses.append(f"not in {document} (found elsewhere): {_describe(gold)}")
    recall = len(hit_docs) / len(core) if core else 1.0
    precision = tally.correct / tally.counted if tally.counted else 1.0
    return MeetingScores(recall, precision, tuple(tally.misses))
