"""How the outputs show what the views found: amounts in words, totals, names in both languages.

Shared by the web pages and the reports, so a number reads the same wherever it appears.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from summitry.model import Record
from summitry.store.outlets import outlet_of as outlet_of  # re-exported: the pages and reports read it here
from summitry.views.ledger import Amount, describe_amount

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Percentages are levels, not sums: two tariffs of 10% do not make 20%.
NOT_ADDITIVE = frozenset({"percent", "percent_gdp"})


def is_money(unit: str) -> bool:
    return len(unit) == 3 and unit.isupper()


# Counted things whose English plural is not the noun plus -s.
_IRREGULAR = {"person": "people", "aircraft": "aircraft", "warhead": "warheads", "personnel": "personnel"}
_PERCENT_WORDS = {"percent": "percent", "percent_gdp": "percent of GDP"}


def plural_of(noun: str) -> str:
    """English plural of a counted noun or of the things a page counts (ship, entry, match, person)."""
    if noun in _IRREGULAR:
        return _IRREGULAR[noun]
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


def _counted(unit: str) -> bool:
    return not is_money(unit) and unit not in _PERCENT_WORDS


def amount_text(
    value: float, unit: str, per: str | None = None, approx: bool = False, low: float | None = None, high: float | None = None
) -> str:
    """"$36.2 billion", "47%", "3.3 million tonnes a year", "1 ship", "$1–10 billion":
    ``summitry ledger``'s wording, with a counted noun in the plural whenever the amount is not
    exactly one."""
    text = describe_amount(Amount(value, unit, per, approx, low, high))
    if _counted(unit) and value != 1:
        written = f" {unit}" + (f" a {per}" if per else "")
        if text.endswith(written):
            text = text[: -len(written)] + f" {plural_of(unit)}" + (f" a {per}" if per else "")
    return text


def unit_text(unit: str, per: str | None = None) -> str:
    """The heading of a column of amounts in one unit: "USD", "percent of GDP", "tonnes a year"."""
    if unit in _PERCENT_WORDS:
        words = _PERCENT_WORDS[unit]
    else:
        words = unit if is_money(unit) else plural_of(unit)
    return words + (f" a {per}" if per else "")


def evidence_url(doc: str, start: int, end: int) -> str:
    """The document page with this span highlighted and scrolled into view."""
    return f"/documents/{doc}?start={start}&end={end}#evidence"


@dataclass(frozen=True)
class Total:
    """The sum of one actor's commitments in one unit (and period): units are never mixed."""

    actor: str
    name: str
    unit: str
    per: str | None
    value: float
    approx: bool
    rows: tuple[str, ...]  # ledger row ids summed (the first ``TOTAL_ROWS`` of them when the store sums)
    count: int = 0  # rows summed, when ``rows`` lists only the first

    @property
    def summed(self) -> int:
        return max(self.count, len(self.rows))

    @property
    def text(self) -> str:
        return amount_text(self.value, self.unit, self.per, self.approx)


def ledger_totals(rows: Sequence[dict[str, Any]], side: str) -> list[Total]:
    """Totals by ``side`` ("pledger" or "beneficiary") over ledger rows (SCHEMA.md §2 objects),
    one per actor, unit and period; rows without an amount, in percent, or with only a range
    (數十億美元: "several billion" has no value to add) are left out."""
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = {}
    names: dict[str, str] = {}
    for row in rows:
        amount = row.get("amount")
        actor = row.get(side)
        if not amount or actor is None or amount["unit"] in NOT_ADDITIVE or Amount(**amount).ranged:
            continue
        names[actor] = row.get(f"{side}_name") or actor
        groups.setdefault((actor, amount["unit"], amount.get("per")), []).append(row)
    totals = [
        Total(
            actor=actor,
            name=names[actor],
            unit=unit,
            per=per,
            value=sum(r["amount"]["value"] for r in members),
            approx=any(r["amount"].get("approx") for r in members),
            rows=tuple(r["id"] for r in members),
        )
        for (actor, unit, per), members in groups.items()
    ]
    return sorted(totals, key=lambda t: (t.name, not is_money(t.unit), t.unit, t.per or "", -t.value))


class Directory:
    """Every entity the records mention: English name, kind, country, and how the texts wrote it."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.names: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self.countries: dict[str, str | None] = {}
        written: dict[str, Counter[str]] = {}
        for record in records:
            text = record.document.text
            for entity in record.entities:
                self.names.setdefault(entity.id, entity.name)
                self.types.setdefault(entity.id, entity.type)
                self.countries.setdefault(entity.id, entity.country)
            for mention in record.mentions:
                written.setdefault(mention.entity_id, Counter())[text[mention.start : mention.end]] += 1
        # "As written" is the Chinese the texts used: a Latin surface (Donald Trump, LS Greenlink)
        # says nothing the English name does not.
        self._written = {
            key: [surface for surface, _ in counts.most_common() if HAN.search(surface)] for key, counts in written.items()
        }
        self._by_name = {name.casefold(): key for key, name in self.names.items()}

    def name(self, entity_id: str | None) -> str:
        if entity_id is None:
            return ""
        return self.names.get(entity_id, entity_id)

    def written(self, entity_id: str | None, most: int = 3) -> list[str]:
        """The forms the texts used for an entity, most frequent first (川普, 特朗普); one-character
        short forms (美, 川) only when the texts used no longer one."""
        forms = self._written.get(entity_id, []) if entity_id is not None else []
        return ([f for f in forms if len(f) > 1] or forms)[:most]

    def by_name(self, name: str | None) -> str | None:
        """The id of an entity known by this English name (a meeting's place), if any."""
        return self._by_name.get(name.casefold()) if name else None

    def side(self, entity_id: str) -> str:
        """The country an actor stands for, or the actor itself when it has none."""
        if self.types.get(entity_id) == "country":
            return entity_id
        return self.countries.get(entity_id) or entity_id
