"""The challenge set: short items of our own, each with what a careful reader finds in it,
grouped by the error class of issue #10 they probe, scored as the share of items right per class.

CI cannot fetch the held-out articles, so this set stands in for them on every push. Its
scores are pinned beside a hash of the set (pins.json): a change that lowers a class, or an
edit of the set without re-pinning, fails the default test run (tests/evaluation/).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal, Sequence

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from summitry.evaluate import mentioned_entities, occurrences, overlaps
from summitry.evaluation.events import judge_events
from summitry.evaluation.gold import GoldArticle, GoldCommitment, GoldEvent, GoldFileError, read_yaml, validation_reason
from summitry.evaluation.names import NameResolver
from summitry.model import Record
from summitry.text import split_sentences
from summitry.views.ledger import ledger
from summitry.views.shape import view_json
from summitry.views.scoring import AMOUNT_TOLERANCE

PINS_FILE = "pins.json"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChallengeEvent(GoldEvent):
    """A gold event whose sentence may go unsaid: the item is one to three sentences."""

    at: list[int] = []


class Official(_Strict):
    """A person the item names: linked at ``surface``, to ``name`` when the KB knows him, and to
    ``country`` (ISO3) when the title says whose official an unknown name is."""

    surface: str
    name: str | None = None
    country: str | None = None


class ChallengeItem(_Strict):
    id: str
    outlet: str
    script: Literal["Hant", "Hans"]
    date: dt.date
    text: str
    events: list[ChallengeEvent] = []
    ledger: list[GoldCommitment] | None = None  # None: the ledger is not judged for this item
    officials: list[Official] = []
    absent: list[str] = []  # entities the text must not be read as naming (日本語版 is no Japan)
    note: str | None = None

    @field_validator("text")
    @classmethod
    def _short(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the text is empty")
        return value.strip("\n")


class ChallengeFile(_Strict):
    """One file of the set: the items of one error class."""

    error_class: str
    about: str
    items: list[ChallengeItem]

    @model_validator(mode="before")
    @classmethod
    def _class_key(cls, data: object) -> object:
        if isinstance(data, dict) and "class" in data:
            data = {("error_class" if key == "class" else key): value for key, value in data.items()}
        return data


@dataclass(frozen=True)
class ItemResult:
    item: str
    error_class: str
    outlet: str
    script: str
    right: bool
    reasons: tuple[str, ...]
    sentences: int


@dataclass(frozen=True)
class ChallengeReport:
    results: tuple[ItemResult, ...]
    digest: str

    def by(self, key: str) -> dict[str, tuple[int, int]]:
        """(items right, items) per error class, outlet or script."""
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for result in self.results:
            total[getattr(result, key)] += 1
            right[getattr(result, key)] += result.right
        return {name: (right[name], total[name]) for name in sorted(total)}

    def class_scores(self) -> dict[str, float]:
        return {name: round(hits / total, 4) for name, (hits, total) in self.by("error_class").items()}

    @property
    def sentences(self) -> int:
        return sum(result.sentences for result in self.results)

    def misses(self) -> list[str]:
        return [f"{r.error_class} {r.item} ({r.outlet}): {reason}" for r in self.results if not r.right for reason in r.reasons]

    def as_json(self) -> dict[str, Any]:
        return {
            "hash": self.digest,
            "items": len(self.results),
            "sentences": self.sentences,
            "classes": {name: {"right": hits, "items": total} for name, (hits, total) in self.by("error_class").items()},
            "outlets": {name: {"right": hits, "items": total} for name, (hits, total) in self.by("outlet").items()},
            "scripts": {name: {"right": hits, "items": total} for name, (hits, total) in self.by("script").items()},
            "misses": self.misses(),
        }


def challenge_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def set_digest(folder: Path) -> str:
    """A hash of every YAML file of the set (names and bytes): the pins hold only for this content."""
    digest = hashlib.sha256()
    for path in challenge_files(folder):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def load_challenge(folder: str | Path) -> list[ChallengeFile]:
    """Every file of the set, validated; GoldFileError names a bad file, the item and the reason."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldFileError(folder, "is not a folder of challenge files")
    files = challenge_files(folder)
    if not files:
        raise GoldFileError(folder, "holds no *.yaml challenge files")
    loaded, seen = [], set()
    for path in files:
        data = read_yaml(path)
        try:
            challenge = ChallengeFile.model_validate(data)
        except ValidationError as error:
            raise GoldFileError(path, validation_reason(error, data)) from None
        for item in challenge.items:
            if item.id in seen:
                raise GoldFileError(path, f"item id {item.id!r} is used twice in the set")
            seen.add(item.id)
        loaded.append(challenge)
    return loaded


def _as_article(item: ChallengeItem, sentences: int) -> GoldArticle:
    """The item as a one-article gold: an event with no ``at`` may lie in any of its sentences."""
    every = list(range(1, sentences + 1))
    events: list[GoldEvent] = [event.model_copy(update={"at": event.at or every}) for event in item.events]
    return GoldArticle(id=item.id, outlet=item.outlet, script=item.script, date=item.date, events=events)


def _row_matches(row: dict[str, Any], gold: GoldCommitment, record: Record, resolver: NameResolver) -> bool:
    """A ledger row is the gold commitment: pledger, and where given beneficiary, amount (1%),
    status and a word of the item."""
    entities = {entity.id: entity for entity in record.entities}

    def party(ids: Sequence[str | None], names: Sequence[str]) -> bool:
        return any(i and resolver.any_stands_for(names, i, entities) for i in ids)

    if not party([row.get("pledger")], gold.pledger):
        return False
    if gold.beneficiary and not party([row.get("beneficiary"), *(row.get("counterparts") or [])], gold.beneficiary):
        return False
    if gold.amount:
        amount = row.get("amount") or {}
        value, unit = gold.amount
        if amount.get("unit") != unit or abs(float(amount.get("value") or 0) - value) > AMOUNT_TOLERANCE * abs(value):
            return False
    if gold.status and row.get("status") not in gold.status:
        return False
    item = (row.get("item") or "").casefold()
    return not gold.item or any(word.casefold() in item for word in gold.item)


def _ledger_reasons(item: ChallengeItem, record: Record, resolver: NameResolver) -> list[str]:
    rows = [view_json(c) for c in ledger([record])]
    unused = list(range(len(rows)))
    reasons = []
    for gold in item.ledger or []:
        match = next((i for i in unused if _row_matches(rows[i], gold, record, resolver)), None)
        if match is None:
            amount = f" {gold.amount[0]:g} {gold.amount[1]}" if gold.amount else ""
            reasons.append(f"ledger row missed: {'/'.join(gold.pledger)}{amount} {'/'.join(gold.status)}".rstrip())
        else:
            unused.remove(match)
    for i in unused:
        row = rows[i]
        extra: dict[str, Any] = row.get("amount") or {}
        reasons.append(
            f"ledger row extra: {row.get('pledger_name')} -> {row.get('beneficiary_name')}: {row.get('item')}"
            f" ({extra.get('value', 'no amount')} {extra.get('unit', '')}, {row.get('status')})"
        )
    return reasons


def _official_reasons(item: ChallengeItem, record: Record, resolver: NameResolver) -> list[str]:
    text = record.document.text
    entities = {entity.id: entity for entity in record.entities}
    reasons = []
    for official in item.officials:
        spots = occurrences(text, official.surface)
        linked = [
            entities[m.entity_id]
            for m in record.mentions
            if m.entity_id in entities and entities[m.entity_id].type == "person" and any(overlaps(s, (m.start, m.end)) for s in spots)
        ]
        fits = [
            person
            for person in linked
            if (not official.name or resolver.stands_for(official.name, person.id, {}) and resolver.resolve(official.name).kind != "country")
            and (not official.country or person.country == (resolver.resolve(official.country).entity_id or official.country))
        ]
        if not fits:
            found = ", ".join(f"{p.name} ({p.country})" for p in linked) or "no person"
            wanted = official.name or official.country or "a person"
            reasons.append(f"official {official.surface} not linked to {wanted}: {found}")
    named = {entity.id for entity in mentioned_entities(record)}
    for name in item.absent:
        if resolver.resolve(name).entity_id in named:
            reasons.append(f"{name} is read where the text names no such actor")
    return reasons


def judge_item(item: ChallengeItem, record: Record, resolver: NameResolver, error_class: str) -> ItemResult:
    """An item is right when each of its events is fully right, no other event is found, its
    ledger (when the item judges it) has exactly its rows, and its officials are linked."""
    sentences = len(split_sentences(record.document.text))
    reasons = []
    for verdict in judge_events(_as_article(item, sentences), record, resolver):
        if verdict.outcome != "right" or not verdict.fully_right:
            reasons.append(verdict.reason if verdict.outcome != "right" else f"{verdict.type}: {verdict.reason}")
    if item.ledger is not None:
        reasons.extend(_ledger_reasons(item, record, resolver))
    reasons.extend(_official_reasons(item, record, resolver))
    return ItemResult(item.id, error_class, item.outlet, item.script, not reasons, tuple(reasons), sentences)


def score_challenge(files: Iterable[ChallengeFile], records: dict[str, Record], resolver: NameResolver, digest: str) -> ChallengeReport:
    """Each item against its record (``records`` by item id)."""
    results = [judge_item(item, records[item.id], resolver, challenge.error_class) for challenge in files for item in challenge.items]
    return ChallengeReport(tuple(results), digest)


def read_pins(folder: Path) -> dict[str, Any] | None:
    path = folder / PINS_FILE
    if not path.is_file():
        return None
    try:
        pins: dict[str, Any] | None = json.loads(path.read_text(encoding="utf-8"))
        return pins
    except (OSError, ValueError) as error:
        raise GoldFileError(path, f"is not a readable pin file ({error})") from None


def write_pins(folder: Path, report: ChallengeReport) -> Path:
    """Pin today's per-class scores beside the set's hash (re-made on purpose, never by a test)."""
    path = folder / PINS_FILE
    pins = {
        "hash": report.digest,
        "items": len(report.results),
        "sentences": report.sentences,
        "classes": {name: {"score": score, **dict(zip(("right", "items"), report.by("error_class")[name]))} for name, score in report.class_scores().items()},
    }
    path.write_text(json.dumps(pins, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def pin_problems(report: ChallengeReport, pins: dict[str, Any] | None) -> list[str]:
    """Why the set fails its gate: a changed set not re-pinned, or a class below its pin."""
    remake = "re-pin deliberately: summitry eval --challenge tests/challenge --pin"
    if pins is None:
        return [f"no {PINS_FILE}: {remake}"]
    if pins.get("hash") != report.digest:
        return [f"the set's hash is {report.digest}, the pins are for {pins.get('hash')}: {remake}"]
    problems = []
    scores = report.class_scores()
    for name, pinned in sorted(pins.get("classes", {}).items()):
        if scores.get(name, 0.0) + 1e-9 < pinned["score"]:
            problems.append(f"{name}: {scores.get(name, 0.0):.4f} is below its pin {pinned['score']:.4f}")
    return problems

