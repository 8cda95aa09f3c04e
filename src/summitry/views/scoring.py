"""Recall and precision of the meetings and ledger views against gold rows (gold/README.md).

Both views are scored on their JSON rows, as ``summitry meetings --json`` and ``summitry
ledger --json`` print them:

- meetings: a row matches a gold meeting when every gold participant slot has one
  alternative among the row's ``participants`` ids or ``names``, and the row's ``date``
  starts with the gold date (a null gold date matches any). Rows whose status is planned,
  hypothetical or negated are not counted.
- ledger: a row matches a gold commitment when one ``pledger`` alternative is the row's
  pledger id or name, and, where the gold gives an amount, the row's amount has the same
  unit and a value within 1%.

Each core item is matched once (rows and core items are paired to hit as many as possible);
a further row matching a core item is a duplicate and counts against precision, as does a
row matching neither a core nor an optional item. Recall is over the core items.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, NamedTuple, Sequence

from summitry.evaluate import normalize_name

UNCOUNTED_STATUSES = ("planned", "hypothetical", "negated")
AMOUNT_TOLERANCE = 0.01

Row = dict[str, Any]
Gold = dict[str, Any]


class ViewScores(NamedTuple):
    recall: float
    precision: float
    misses: tuple[str, ...]
    # The counts behind the ratios, so scores of several articles can be summed (evaluation/).
    found: int = 0  # core items matched
    core: int = 0
    correct: int = 0  # counted rows matching a core or optional item, duplicates excepted
    counted: int = 0


def _named(alternatives: Sequence[str], keys: set[str]) -> bool:
    return any(alt in keys or normalize_name(alt) in keys for alt in alternatives)


def _keys(*values: Any) -> set[str]:
    keys = set()
    for value in values:
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item:
                keys.update({item, normalize_name(str(item))})
    return keys


def meeting_matches(row: Row, gold: Gold) -> bool:
    keys = _keys(row.get("participants") or [], row.get("names") or [])
    if not all(_named(slot, keys) for slot in gold["participants"]):
        return False
    wanted = gold.get("date")
    return wanted is None or (row.get("date") or "").startswith(wanted)


def commitment_matches(row: Row, gold: Gold) -> bool:
    if not _named(gold["pledger"], _keys(row.get("pledger"), row.get("pledger_name"))):
        return False
    wanted = gold.get("amount")
    if not wanted:
        return True
    amount = row.get("amount")
    if not amount or amount.get("unit") != wanted["unit"]:
        return False
    close: bool = abs(float(amount["value"]) - wanted["value"]) <= AMOUNT_TOLERANCE * abs(wanted["value"])
    return close


def _pairs(rows: Sequence[Row], core: Sequence[Gold], matches: Callable[[Row, Gold], bool]) -> dict[int, int]:
    """A largest pairing of rows with core items they match (row index -> core index)."""
    options = [[g for g, gold in enumerate(core) if matches(row, gold)] for row in rows]
    owner: dict[int, int] = {}  # core index -> row index

    def place(row: int, seen: set[int]) -> bool:
        for gold in options[row]:
            if gold in seen:
                continue
            seen.add(gold)
            if gold not in owner or place(owner[gold], seen):
                owner[gold] = row
                return True
        return False

    for row in range(len(rows)):
        place(row, set())
    return {row: gold for gold, row in owner.items()}


def _score(
    rows: Sequence[Row], gold: Mapping[str, Sequence[Gold]], matches: Callable[[Row, Gold], bool], describe: Callable[[Gold], str], label: Callable[[Row], str]
) -> ViewScores:
    core, optional = list(gold.get("core", ())), list(gold.get("optional", ()))
    counted = [row for row in rows if row.get("status") not in UNCOUNTED_STATUSES]
    paired = _pairs(counted, core, matches)
    misses: list[str] = []
    correct = 0
    for index, row in enumerate(counted):
        if index in paired:
            correct += 1
        elif any(matches(row, g) for g in core):
            misses.append(f"duplicate: {label(row)}")
        elif any(matches(row, g) for g in optional):
            correct += 1
        else:
            misses.append(f"extra: {label(row)}")
    found = set(paired.values())
    misses.extend(f"missed: {describe(g)}" for i, g in enumerate(core) if i not in found)
    recall = len(found) / len(core) if core else 1.0
    precision = correct / len(counted) if counted else 1.0
    return ViewScores(recall, precision, tuple(misses), len(found), len(core), correct, len(counted))


def score_meeting_rows(rows: Sequence[Row], gold_meetings: Mapping[str, Sequence[Gold]]) -> ViewScores:
    """Meeting recall over core meetings and precision over counted rows."""
    return _score(
        rows,
        gold_meetings,
        meeting_matches,
        lambda g: " & ".join(slot[0] for slot in g["participants"]) + f" {g.get('date')}",
        lambda r: " & ".join(r.get("names") or r.get("participants") or []) + f" {r.get('date')} [{r.get('id')}]",
    )


def score_ledger_rows(rows: Sequence[Row], gold_ledger: Mapping[str, Sequence[Gold]]) -> ViewScores:
    """Ledger recall over core commitments and precision over all rows."""

    def amount(value: dict[str, Any] | None) -> str:
        if not value:
            return "no amount"
        return f"{value['value']:g} {value['unit']}" + (f" per {value['per']}" if value.get("per") else "")

    return _score(
        rows,
        gold_ledger,
        commitment_matches,
        lambda g: f"{g['pledger'][0]}: {g.get('item')} ({amount(g.get('amount'))})",
        lambda r: f"{r.get('pledger_name')} -> {r.get('beneficiary_name')}: {r.get('item')} ({amount(r.get('amount'))}) [{r.get('id')}]",
    )
