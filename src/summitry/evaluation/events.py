"""Scores one article's record against its hand-written gold events (docs/evaluation/GOLD.md).

Pure functions over (GoldArticle, Record): no files, no extraction, so the counting rules can
be tested on a small gold and a record built by hand, and the same numbers come out of the
CLI, the challenge set and a notebook.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from summitry.evaluate import mentioned_entities, normalize_name
from summitry.evaluation.gold import GoldArticle, GoldEvent, Party
from summitry.evaluation.names import NameResolver
from summitry.model import Entity, Event, Record
from summitry.text import split_sentences
from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.meetings import meetings
from summitry.views.scoring import AMOUNT_TOLERANCE, ViewScores, score_ledger_rows, score_meeting_rows

# The fields a matched event is judged on, in the order GOLD.md classes a wrong one by.
FIELDS = ("type", "parties", "date", "status", "claimant")
# Counted apart: an event right on FIELDS is "fully right" when these are right too.
APART = ("place", "amounts")
SYMMETRIC_MODES = ("meeting", "call", "multilateral")


@dataclass(frozen=True)
class Verdict:
    """What became of one gold event (right / wrong / missed) or one record event (spurious)."""

    article: str
    sentence: int | None
    outcome: str  # right | wrong | missed | spurious
    type: str
    error: str | None = None  # the first failing field of FIELDS; for a right event, of APART
    fully_right: bool = False
    reason: str = ""
    mode_wrong: bool = False


@dataclass(frozen=True)
class ArticleScore:
    article: str
    verdicts: tuple[Verdict, ...]
    meetings: ViewScores
    ledger: ViewScores
    officials: tuple[int, int]
    unlinked: tuple[str, ...] = field(default=())


def sentence_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences GOLD.md numbers from 1 (scripts/sentences.py prints the same)."""
    return [(sentence.start, sentence.end) for sentence in split_sentences(text)]


def sentences_of(event: Event, sentences: Sequence[tuple[int, int]]) -> set[int]:
    """Numbers of the sentences an event's evidence overlaps."""
    start, end = event.evidence.start, event.evidence.end
    return {number for number, (s, e) in enumerate(sentences, start=1) if s < max(end, start + 1) and start < e}


class _Judge:
    """Compares record events with gold events of one article."""

    def __init__(self, record: Record, resolver: NameResolver) -> None:
        self.resolver = resolver
        self.entities: Mapping[str, Entity] = {entity.id: entity for entity in record.entities}

    def name(self, entity_id: str | None) -> str:
        if not entity_id:
            return "(none)"
        entity = self.entities.get(entity_id) or self.resolver.kb.entities.get(entity_id)
        return entity.name if entity else entity_id

    def names(self, ids: Sequence[str]) -> str:
        return ", ".join(self.name(i) for i in ids) or "(none)"

    def stands(self, party: Party, entity_id: str) -> bool:
        return self.resolver.any_stands_for(party, entity_id, self.entities)

    def same_parties(self, slots: Sequence[Party], parties: Sequence[str]) -> bool:
        """Every gold slot has a record party standing for it, and every record party a slot."""
        return all(any(self.stands(slot, p) for p in parties) for slot in slots) and all(
            any(self.stands(slot, p) for slot in slots) for p in parties
        )

    def overlap(self, gold: GoldEvent, event: Event) -> bool:
        slots = [*gold.source, *gold.target]
        if not slots:
            return True
        return any(self.stands(slot, p) for slot in slots for p in (*event.source, *event.target))

    @staticmethod
    def symmetric(gold: GoldEvent, event: Event) -> bool:
        event_type = event.type if event.type in gold.type else gold.type[0]
        modes: Sequence[str | None] = gold.mode or [event.mode]
        return gold.unordered or event_type == "AGREE" or (event_type == "CONSULT" and any(mode in SYMMETRIC_MODES for mode in modes))

    def failures(self, gold: GoldEvent, event: Event) -> dict[str, str]:
        """Each failing field of FIELDS and APART, with the reason a person reads."""
        failed: dict[str, str] = {}
        if event.type not in gold.type:
            failed["type"] = f"type {event.type}, gold {' or '.join(gold.type)}"
        modes: Sequence[str | None] = gold.mode or [event.mode]
        if "multilateral" in modes and event.type in gold.type:
            # A summit has more participants than the reader lists: each listed one must be there.
            parties = [*event.source, *event.target]
            right = all(any(self.stands(slot, p) for p in parties) for slot in [*gold.source, *gold.target])
        elif self.symmetric(gold, event):
            right = self.same_parties([*gold.source, *gold.target], [*event.source, *event.target])
        else:
            right = self.same_parties(gold.source, event.source) and self.same_parties(gold.target, event.target)
        if not right:
            failed["parties"] = (
                f"parties {self.names(event.source)} -> {self.names(event.target)}, "
                f"gold {_party_text(gold.source)} -> {_party_text(gold.target)}"
            )
        if event.date not in gold.date:
            failed["date"] = f"date {event.date}, gold {' or '.join(str(d) for d in gold.date)}"
        if event.status not in gold.status:
            failed["status"] = f"status {event.status}, gold {' or '.join(gold.status)}"
        if event.status == "claimed" and gold.claimed_by and not (event.claimed_by and self.stands(gold.claimed_by, event.claimed_by)):
            failed["claimant"] = f"claimed by {self.name(event.claimed_by)}, gold {_party_text([gold.claimed_by])}"
        if gold.place and normalize_name(event.place or "") not in {normalize_name(place) for place in gold.place}:
            failed["place"] = f"place {event.place}, gold {' or '.join(gold.place)}"
        missing = [(value, unit) for value, unit in gold.amounts if not _has_amount(event, value, unit)]
        if missing:
            found = ", ".join(f"{q.value:g} {q.unit}" for q in event.quantities) or "none"
            failed["amounts"] = f"amounts {found}, gold " + ", ".join(f"{v:g} {u}" for v, u in missing)
        return failed

    @staticmethod
    def quality(failed: Mapping[str, str]) -> tuple[int, int]:
        """How good a pairing is: how many leading FIELDS are right, then whether APART are."""
        leading = next((i for i, name in enumerate(FIELDS) if name in failed), len(FIELDS))
        return leading, -sum(1 for name in APART if name in failed)


def _party_text(parties: Sequence[Party | None]) -> str:
    return ", ".join(p if isinstance(p, str) else "/".join(p) for p in parties if p) or "(none)"


def _has_amount(event: Event, value: float, unit: str) -> bool:
    return any(q.unit == unit and abs(q.value - value) <= AMOUNT_TOLERANCE * abs(value) for q in event.quantities)


def judge_events(article: GoldArticle, record: Record, resolver: NameResolver) -> list[Verdict]:
    """One verdict per gold event and per record event no gold event claims.

    A record event is a candidate for a gold event when its evidence lies in one of the gold
    sentences and one of its parties stands for a gold party. Pairs are taken best first (the
    later the first failing field, the better). A gold event left without a pair may then take
    an event of its own type in a neighbouring sentence (GOLD.md: a trigger repeated next door).
    """
    judge = _Judge(record, resolver)
    sentences = sentence_numbers(record.document.text)
    where = [sentences_of(event, sentences) for event in record.events]
    pairs: list[tuple[tuple[int, int], int, int, dict[str, str]]] = []
    for g, gold in enumerate(article.events):
        for e, event in enumerate(record.events):
            if where[e] & set(gold.at) and judge.overlap(gold, event):
                failed = judge.failures(gold, event)
                pairs.append((judge.quality(failed), g, e, failed))
    taken: dict[int, tuple[int, dict[str, str]]] = {}
    used: set[int] = set()
    for _, g, e, failed in sorted(pairs, key=lambda item: (-item[0][0], -item[0][1], item[1], item[2])):
        if g not in taken and e not in used:
            taken[g] = (e, failed)
            used.add(e)
    for g, gold in enumerate(article.events):
        if g in taken:
            continue
        near = {n + step for n in gold.at for step in (-1, 1)}
        for e, event in enumerate(record.events):
            if e not in used and event.type in gold.type and where[e] & near and judge.overlap(gold, event):
                taken[g] = (e, judge.failures(gold, event))
                used.add(e)
                break
    verdicts: list[Verdict] = []
    for g, gold in enumerate(article.events):
        at: int | None = gold.at[0]
        if g not in taken:
            reason = f"no event in sentence {'/'.join(map(str, gold.at))} with a party of {_party_text([*gold.source, *gold.target])}"
            verdicts.append(Verdict(article.id, at, "missed", gold.type[0], reason=f"missed {'/'.join(gold.type)}: {reason}"))
            continue
        e, failed = taken[g]
        event = record.events[e]
        mode_wrong = bool(gold.mode) and event.mode not in gold.mode
        first = next((name for name in FIELDS if name in failed), None)
        if first:
            verdicts.append(Verdict(article.id, at, "wrong", gold.type[0], error=first, reason=f"{gold.type[0]}: {failed[first]}", mode_wrong=mode_wrong))
            continue
        apart = next((name for name in APART if name in failed), None)
        reason = "; ".join(failed[name] for name in APART if name in failed)
        verdicts.append(Verdict(article.id, at, "right", event.type, error=apart, fully_right=apart is None, reason=reason, mode_wrong=mode_wrong))
    for e, event in enumerate(record.events):
        if e in used:
            continue
        at = min(where[e]) if where[e] else None
        reason = f"spurious {event.type}: {judge.names(event.source)} -> {judge.names(event.target)} ({event.status}, {event.date})"
        verdicts.append(Verdict(article.id, at, "spurious", event.type, reason=reason))
    return verdicts


def score_views(article: GoldArticle, record: Record, resolver: NameResolver) -> tuple[ViewScores, ViewScores]:
    """The meetings and ledger views of this article alone against its gold rows
    (../shared/gold/README.md: core and optional rows, alternatives, amounts within 1%)."""
    entities = {entity.id: entity for entity in record.entities}

    def split(rows: list[dict[str, Any]], optional: Sequence[bool]) -> dict[str, list[dict[str, Any]]]:
        return {
            "core": [row for row, extra in zip(rows, optional) if not extra],
            "optional": [row for row, extra in zip(rows, optional) if extra],
        }

    gold_meetings = [
        {"participants": [resolver.row_keys(p, entities) for p in meeting.participants], "date": meeting.date}
        for meeting in article.meetings
    ]
    gold_ledger = [
        {
            "pledger": resolver.row_keys(row.pledger, entities),
            "amount": {"value": row.amount[0], "unit": row.amount[1]} if row.amount else None,
            "item": row.kind,
        }
        for row in article.ledger
    ]
    meeting_rows = [view_json(m) for m in meetings([record])]
    ledger_rows = [view_json(c) for c in ledger([record])]
    return (
        score_meeting_rows(meeting_rows, split(gold_meetings, [m.optional for m in article.meetings])),
        score_ledger_rows(ledger_rows, split(gold_ledger, [row.optional for row in article.ledger])),
    )


def linked_officials(names: Sequence[str], record: Record, resolver: NameResolver) -> list[str]:
    """The gold officials no mentioned person entity of the record is (GOLD.md: linked by name)."""
    people = [entity for entity in mentioned_entities(record) if entity.type == "person"]
    ids = {entity.id for entity in people}
    keys = {normalize_name(entity.name) for entity in people}
    return [name for name in names if resolver.resolve(name).entity_id not in ids and normalize_name(name) not in keys]


def score_article(article: GoldArticle, record: Record, resolver: NameResolver) -> ArticleScore:
    """Every score GOLD.md defines for one article."""
    meeting_scores, ledger_scores = score_views(article, record, resolver)
    unlinked = linked_officials(article.officials, record, resolver)
    return ArticleScore(
        article=article.id,
        verdicts=tuple(judge_events(article, record, resolver)),
        meetings=meeting_scores,
        ledger=ledger_scores,
        officials=(len(article.officials) - len(unlinked), len(article.officials)),
        unlinked=tuple(unlinked),
    )


@dataclass(frozen=True)
class Tally:
    """Events of one kind (all, or one PLOVER type): gold total and what became of them."""

    total: int = 0
    right: int = 0
    fully_right: int = 0
    missed: int = 0
    spurious: int = 0

    def add(self, verdict: Verdict) -> "Tally":
        gold = verdict.outcome != "spurious"
        return Tally(
            self.total + gold,
            self.right + (verdict.outcome == "right"),
            self.fully_right + verdict.fully_right,
            self.missed + (verdict.outcome == "missed"),
            self.spurious + (not gold),
        )

    def as_json(self) -> dict[str, int]:
        return {"total": self.total, "right": self.right, "fully_right": self.fully_right, "missed": self.missed, "spurious": self.spurious}


@dataclass(frozen=True)
class EventsReport:
    """The scores of a whole gold set, summed over its articles (micro-averaged)."""

    articles: tuple[ArticleScore, ...]
    skipped: tuple[str, ...] = ()  # no cache file
    unreadable: tuple[tuple[str, str], ...] = ()  # (article id, why its cache file cannot be read)

    @property
    def verdicts(self) -> list[Verdict]:
        return [verdict for article in self.articles for verdict in article.verdicts]

    @property
    def events(self) -> Tally:
        tally = Tally()
        for verdict in self.verdicts:
            tally = tally.add(verdict)
        return tally

    def by_type(self) -> dict[str, Tally]:
        tallies: dict[str, Tally] = {}
        for verdict in self.verdicts:
            tallies[verdict.type] = tallies.get(verdict.type, Tally()).add(verdict)
        return dict(sorted(tallies.items()))

    def errors(self) -> Counter[str]:
        """Wrong events by the first failing field, then right ones wrong in place or amounts."""
        counts: Counter[str] = Counter({name: 0 for name in (*FIELDS, *APART)})
        for verdict in self.verdicts:
            if verdict.error:
                counts[verdict.error] += 1
        counts["mode"] = sum(1 for verdict in self.verdicts if verdict.mode_wrong)
        return counts

    def _view(self, pick: str) -> tuple[int, int, int, int]:
        scores = [getattr(article, pick) for article in self.articles]
        return (sum(s.found for s in scores), sum(s.core for s in scores), sum(s.correct for s in scores), sum(s.counted for s in scores))

    def view_scores(self, pick: str) -> tuple[float, float]:
        """Recall and precision of the meetings or ledger view over all articles."""
        found, core, correct, counted = self._view(pick)
        return (found / core if core else 1.0, correct / counted if counted else 1.0)

    @property
    def officials(self) -> tuple[int, int]:
        return (sum(a.officials[0] for a in self.articles), sum(a.officials[1] for a in self.articles))

    def misses(self) -> list[str]:
        """Each wrong, missed or spurious event (and view row, unlinked official) as one line."""
        lines = []
        for article in self.articles:
            for verdict in article.verdicts:
                if verdict.outcome == "right" and verdict.fully_right:
                    continue
                label = verdict.outcome if verdict.outcome != "right" else f"right but {verdict.error}"
                lines.append(f"{article.article} s{verdict.sentence}: {label}: {verdict.reason}")
            lines.extend(f"{article.article}: meetings view {miss}" for miss in article.meetings.misses)
            lines.extend(f"{article.article}: ledger {miss}" for miss in article.ledger.misses)
            lines.extend(f"{article.article}: official not linked: {name}" for name in article.unlinked)
        return lines

    def as_json(self) -> dict[str, Any]:
        meeting_recall, meeting_precision = self.view_scores("meetings")
        ledger_recall, ledger_precision = self.view_scores("ledger")
        hits, total = self.officials
        return {
            "articles": len(self.articles),
            "skipped": list(self.skipped),
            "unreadable": dict(self.unreadable),
            "events": self.events.as_json(),
            "by_type": {name: tally.as_json() for name, tally in self.by_type().items()},
            "errors": dict(self.errors()),
            "meetings": {"recall": round(meeting_recall, 4), "precision": round(meeting_precision, 4)},
            "ledger": {"recall": round(ledger_recall, 4), "precision": round(ledger_precision, 4)},
            "officials_linked": {"linked": hits, "total": total},
            "misses": self.misses(),
        }
