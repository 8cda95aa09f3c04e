"""The commitments ledger: one row per pledge, purchase, investment, demand, tariff change,
approval or supply guarantee with a stake, however many sentences, tables and documents state it.

Which events are commitments, whose side pays, which amounts count and what an item is
called are data (views/data/ledger.yaml). A row is kept only where there is a stake: an
amount, or an approval or guarantee between two named parties. Rows stating the same
commitment — the same pledger side and amount, or for rows without an amount the same
parties and item — merge, keeping every source: a report's table row and its prose, or two
documents.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any, Sequence

from summitry.events.tables import Table, TableRow, read_tables
from summitry.measure.lexicon import unit_lexicon
from summitry.model import Event, Quantity, Record, Span
from summitry.text import build_view, longest_first
from summitry.views.evidence import Source, source_data, source_from_data, source_of, unique_sources
from summitry.views.lexicon import view_data
from summitry.views.parties import Actors
from summitry.views.shape import Number

_CLAUSE_MARKS = set("，,；;。！？!?：:\n")
_MONEY = re.compile(r"^[A-Z]{3}$")
_OPENING_BRACKETS = ("(", "（", "[", "［")
_ITEM_REACHES = (10, 20)  # characters either side of an amount, read before its whole sentence


@dataclass(frozen=True)
class Amount:
    """A commitment's amount. ``low``/``high`` are set when the text gives only a range or a
    vague amount (3至5億美元, 數十億美元): kept and shown, but never added into a total."""

    value: Number
    unit: str
    per: str | None = None
    approx: bool = False
    low: Number | None = None
    high: Number | None = None

    @property
    def ranged(self) -> bool:
        return self.low is not None and self.high is not None


@dataclass(frozen=True)
class Commitment:
    """One row of the ledger; its fields are SCHEMA.md §2's ledger object in order, with
    ``kind`` beside them (views/shape.py writes it for the CLI, the API, the report and the
    exports)."""

    id: str
    kind: str
    pledger: str
    pledger_name: str
    beneficiary: str | None
    beneficiary_name: str | None
    counterparts: tuple[str, ...]
    item: str
    amount: Amount | None
    deadline: str | None
    made_on: str | None
    status: str
    sources: tuple[Source, ...]


# -- the rules ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Kind:
    name: str
    events: frozenset[tuple[str, str]]
    units: frozenset[str]
    needs: str
    pledger: str
    beneficiary: str
    fallback: tuple[str, ...]
    status: str
    status_when_reported: str | None
    change: bool
    cues: tuple[str, ...]
    template: str
    one_sided: frozenset[tuple[str, str]]
    pledger_fallback: tuple[str, ...]
    default_object: str
    claimant_not_pledger: bool
    tallied: bool
    yields_to: tuple[str, ...]


# Kinds whose row needs a side other than the pledger's: a tariff on all imports (對進口汽車
# 徵收25%關稅) names no partner and is still one between sides.
_DOMESTIC_KINDS = frozenset({"pledge", "aid"})


@dataclass(frozen=True)
class _Rules:
    kinds: tuple[_Kind, ...]
    verbs: tuple[tuple[tuple[str, ...], str], ...]
    items: tuple[tuple[tuple[str, ...], str], ...]
    tariffs: tuple[tuple[tuple[str, ...], str], ...]
    previous: tuple[str, ...]
    reached: tuple[str, ...]
    conversions: tuple[str, ...]
    aggregate: tuple[str, ...]
    list_marks: tuple[str, ...]
    joins: tuple[str, ...]
    worth: tuple[str, ...]
    caps: tuple[str, ...]
    containing: tuple[str, ...]
    parts: tuple[str, ...]
    sought: tuple[str, ...]
    laws: tuple[str, ...]
    firms: tuple[str, ...]
    firm_stops: tuple[str, ...]
    firm_reach: int
    firm_drivers: tuple[str, ...]
    recipient_marks: tuple[str, ...]
    home_words: tuple[str, ...]
    purchases: tuple[str, ...]
    promise_words: tuple[str, ...]
    promised: tuple[str, ...]
    unnamed_givers: tuple[str, ...]
    not_givers_after: tuple[str, ...]
    asks: tuple[str, ...]
    legislatures: tuple[str, ...]
    funding_kind: str
    announcements: tuple[str, ...]
    sellers: tuple[str, ...]
    statistics: tuple[str, ...]
    not_statistics: tuple[str, ...]
    tallies: tuple[str, ...]
    rate_changes: tuple[str, ...]
    rate_reach: int
    joint_statements: tuple[str, ...]
    instalments: tuple[str, ...]
    cue_reach: int
    skip_statuses: frozenset[str]
    counted_units: frozenset[str]


def _labelled(entries: Sequence[dict[str, Any]], label: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    return tuple((longest_first(entry["words"]), entry[label]) for entry in entries)


@cache
def _rules() -> _Rules:
    raw = view_data("ledger.yaml")
    kinds = tuple(
        _Kind(
            name=kind["name"],
            events=frozenset(tuple(entry.split("/", 1)) for entry in kind["events"]),
            units=frozenset(kind.get("units") or ()),
            needs=kind["needs"],
            pledger=kind["pledger"],
            beneficiary=kind["beneficiary"],
            fallback=tuple(kind.get("fallback") or ()),
            status=kind.get("status", "claimed"),
            status_when_reported=kind.get("status_when_reported"),
            change=bool(kind.get("change", False)),
            cues=longest_first(kind.get("cues")),
            template=kind["template"],
            one_sided=frozenset(tuple(entry.split("/", 1)) for entry in kind.get("one_sided") or ()),
            pledger_fallback=tuple(kind.get("pledger_fallback") or ()),
            default_object=kind.get("default_object", "terms"),
            claimant_not_pledger=bool(kind.get("claimant_not_pledger", False)),
            tallied=bool(kind.get("tallied", False)),
            yields_to=tuple(kind.get("yields_to") or ()),
        )
        for kind in raw["kinds"]
    )
    return _Rules(
        kinds=kinds,
        verbs=_labelled(raw["verbs"], "verb"),
        items=_labelled(raw["items"], "item"),
        tariffs=_labelled(raw["tariffs"], "name"),
        previous=longest_first(raw["previous"]),
        reached=longest_first(raw.get("reached")),
        conversions=longest_first(raw.get("conversions")),
        aggregate=longest_first(raw["aggregate"]),
        list_marks=tuple(raw["list_marks"]),
        joins=longest_first(raw.get("joins")),
        worth=longest_first(raw.get("worth")),
        caps=longest_first(raw.get("caps")),
        containing=longest_first(raw.get("containing")),
        parts=longest_first(raw["parts"]),
        sought=longest_first(raw["sought"]),
        laws=longest_first(raw["laws"]),
        firms=longest_first(raw["firms"]),
        firm_stops=longest_first(raw.get("firm_stops")),
        firm_reach=int(raw.get("firm_reach", 12)),
        firm_drivers=longest_first(raw.get("firm_drivers")),
        recipient_marks=longest_first(raw.get("recipient_marks")),
        home_words=longest_first(raw.get("home_words")),
        purchases=longest_first(raw.get("purchases")),
        promise_words=longest_first(raw.get("promise_words")),
        promised=longest_first(raw.get("promised")),
        unnamed_givers=longest_first(raw.get("unnamed_givers")),
        not_givers_after=longest_first(raw.get("not_givers_after")),
        asks=longest_first(raw.get("asks")),
        legislatures=longest_first(raw.get("legislatures")),
        funding_kind=str(raw.get("funding_kind", "aid")),
        announcements=longest_first(raw["announcements"]),
        sellers=longest_first(raw.get("sellers")),
        statistics=longest_first(raw["statistics"]),
        not_statistics=longest_first(raw.get("not_statistics")),
        tallies=longest_first(raw["tallies"]),
        rate_changes=longest_first(raw.get("rate_changes")),
        rate_reach=int(raw.get("rate_reach", 3)),
        joint_statements=longest_first(raw["joint_statements"]),
        instalments=longest_first(raw["instalments"]),
        cue_reach=int(raw.get("cue_reach", 4)),
        skip_statuses=frozenset(raw["skip_statuses"]),
        counted_units=frozenset(raw["counted_units"]),
    )


# -- one document -----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Stake:
    """One amount an event commits: the earlier level it changes, and whether it is no
    commitment after all (a sum over items listed elsewhere, a share, a sought amount, a tally)."""

    amount: Quantity | None
    old: Quantity | None
    excluded: bool


@dataclass
class _StatedCommitment:
    """A commitment as one source states it, before rows stating the same one merge."""

    kind: _Kind
    pledger: str
    beneficiary: str | None
    counterparts: list[str]
    amount: Quantity | None
    old: Quantity | None
    object: str | None
    verb: str | None
    deadline: str | None
    made_on: str | None
    statuses: list[str]
    claimants: list[str]
    sources: list[Source]
    from_table: bool = False
    named_beneficiary: bool = True
    beneficiary_name: str | None = None
    joint: bool = False  # stated as both sides' word (a joint statement)
    instalment: bool = False  # stated as a new one of a series (新一批, 再提供)


class _LedgerReading:
    """What the ledger reads in one record: its folded text, clauses, tables and meetings."""

    def __init__(self, record: Record, actors: Actors, rules: _Rules) -> None:
        self.record = record
        self.actors = actors
        self.rules = rules
        self.text = record.document.text
        self.view = build_view(self.text)
        self.folded = self.view.folded
        self.tables: tuple[Table, ...] = read_tables(self.view)
        self.counterparts = self._meeting_counterparts()

    def _meeting_counterparts(self) -> dict[str, Counter[str]]:
        """For each side, how often the document has it meet each other side."""
        met: dict[str, Counter[str]] = {}
        for event in self.record.events:
            if event.type != "CONSULT" or event.status not in ("reported", "claimed"):
                continue
            sides = {self.actors.side(p) for p in (*event.source, *event.target)}
            for side in sides:
                met.setdefault(side, Counter()).update(sides - {side})
        return met

    # -- text around an amount --------------------------------------------------------------
    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding [start, end): from the clause mark before it to the one after (an
        offset past the text, as the clause after the last one asks for, is the text's end)."""
        start, end = min(start, len(self.folded)), min(end, len(self.folded))
        left = start
        while left > 0 and not self._breaks(left - 1):
            left -= 1
        right = end
        while right < len(self.folded) and not self._breaks(right):
            right += 1
        return left, right

    def _breaks(self, index: int) -> bool:
        char = self.folded[index]
        if char not in _CLAUSE_MARKS:
            return False
        digits = char == "," and index > 0 and self.folded[index - 1].isdigit() and self.folded[index + 1 : index + 2].isdigit()
        return not digits

    def before(self, offset: int) -> str:
        return self.folded[max(0, offset - self.rules.cue_reach) : offset]

    def table_row(self, span: Span) -> tuple[Table, TableRow] | None:
        for table in self.tables:
            row = table.row_at(span.start, span.end)
            if row is not None:
                return table, row
        return None

    # -- rows ---------------------------------------------------------------------------------
    def rows(self) -> list[_StatedCommitment]:
        found = []
        for event in self.record.events:
            if event.status in self.rules.skip_statuses:
                continue
            for kind in self.rules.kinds:
                if (event.type, event.mode) in kind.events:
                    rows = self._rows(event, kind)
                    if rows:
                        found.extend(rows)
                        break
        return self._without_caps(self._without_yielded(found))

    def _without_yielded(self, rows: list[_StatedCommitment]) -> list[_StatedCommitment]:
        """One amount is one commitment: a row whose amount a row of a kind it yields to also
        reads (提供21億美元用於購買軍事裝備給烏克蘭: aid, whose use is a purchase) goes."""
        taken = {(r.kind.name, r.amount.start, r.amount.end) for r in rows if r.amount is not None}
        return [
            r for r in rows
            if r.amount is None or not any((other, r.amount.start, r.amount.end) in taken for other in r.kind.yields_to)
        ]

    def _without_caps(self, rows: list[_StatedCommitment]) -> list[_StatedCommitment]:
        """A cap on a larger commitment the document states (投資3500億美元…年度投資上限為200億
        美元) is one of its terms, not a commitment of its own: a row whose amount is an upper
        bound written with a cap word goes when a row of its kind and pledger side has more."""
        return [r for r in rows if not (r.amount is not None and self._cap(r.amount) and any(
            other.amount is not None and other.kind is r.kind and other.amount.unit == r.amount.unit
            and other.amount.value > r.amount.value and self.actors.side(other.pledger) == self.actors.side(r.pledger)
            for other in rows
        ))]

    def _cap(self, amount: Quantity) -> bool:
        start, end = self.clause(amount.start, amount.end)
        return amount.qualifier == "up_to" and _holds_any(self.folded[start:end], self.rules.caps)

    def denials(self) -> list[_StatedCommitment]:
        """Commitments someone says were never made (中國商務部否認曾承諾購買美國大豆): no rows
        of their own, they dispute the rows that state the same commitment."""
        found = []
        for event in self.record.events:
            if event.status != "negated" or not event.claimed_by:
                continue
            for kind in self.rules.kinds:
                if (event.type, event.mode) in kind.events:
                    rows = self._rows(event, kind, denial=True)
                    if rows:
                        found.extend(rows)
                        break
        return found

    def _accepts(self, kind: _Kind, quantity: Quantity) -> bool:
        unit = "money" if _MONEY.match(quantity.unit) else quantity.unit
        return unit in kind.units

    def _amounts(self, event: Event, kind: _Kind) -> list[_Stake]:
        """The amounts the event commits, each with the earlier level it changes (if any) and
        whether it is only a sum over items listed elsewhere or a sought, not committed, amount.
        Each amount of money is a commitment of its own (採購45億美元的農產品與150億美元的能源
        is two purchases); a count is one only when no amount of money gives its value."""
        accepted = [q for q in event.quantities if self._accepts(kind, q)]
        if not accepted:
            return [_Stake(None, None, False)]
        previous = [q for q in accepted if _holds_any(self.before(q.start), self.rules.previous)]
        current = [q for q in accepted if q not in previous]
        if kind.change and len(accepted) >= 2 and not previous:
            previous, current = [accepted[0]], accepted[1:]  # 20%降為10%: old first, new second
        if not current:
            return [_Stake(None, None, False)]
        money = [q for q in current if _MONEY.match(q.unit)]
        if kind.change:
            # one change: the level written after 降至/提高到 is the new one, else the first
            reached = [q for q in current if _holds_any(self.before(q.start), self.rules.reached)]
            committed = [(reached or money or current)[0]]
        else:
            committed = [q for q in current if q in money or not any(self._values(m, q) for m in money)]
        return [
            _Stake(amount, next((q for q in previous if q.unit == amount.unit), None), self._excluded(amount, kind, event))
            for amount in committed
        ]

    def _excluded(self, amount: Quantity, kind: _Kind, event: Event) -> bool:
        if _holds_any(self.before(amount.start), self.rules.conversions) or self._bracketed_conversion(amount):
            return True  # 641億日元，約合32.7億元人民幣: the amount before, in another currency
        return self._aggregate(amount) or self._part(amount) or self._sought(amount, kind, event.evidence) or self._law(amount, kind)

    def _bracketed_conversion(self, amount: Quantity) -> bool:
        """5500億美元（約新台幣18.3兆元）: an amount of money in brackets right after one in
        another currency is that amount converted, no commitment of its own; so is one after
        the other's currency written out (15億元人民幣（約8億令吉）)."""
        if not _MONEY.match(amount.unit):
            return False
        currencies = unit_lexicon().currencies
        for other in self.record.quantities:
            if not (_MONEY.match(other.unit) and other.unit != amount.unit and other.end <= amount.start):
                continue
            between = self.folded[other.end : amount.start].strip()
            if between[-1:] in _OPENING_BRACKETS and (not between[:-1] or currencies.get(between[:-1].strip()) == other.unit):
                return True
        return False

    def _segment(self, amount: Quantity) -> tuple[int, int]:
        """The part of the amount's clause that is its own: cut at the list marks (、) and at
        the last joining word (與, 和, 及) between it and another amount of money in the clause
        (採購45億美元的美國農產品與150億美元的美國能源: the energy is the second's)."""
        start, end = self.clause(amount.start, amount.end)
        marks = self.rules.list_marks
        own_start = max([start, *(self.folded.rfind(mark, start, amount.start) + 1 for mark in marks)])
        own_end = min([end, *(i for i in (self.folded.find(mark, amount.end, end) for mark in marks) if i >= 0)])
        for other in self.record.quantities:
            if other == amount or not _MONEY.match(other.unit) or not (start <= other.start and other.end <= end):
                continue
            if other.end <= amount.start:
                own_start = max(own_start, self._join(other.end, amount.start, after=True) or own_start)
            elif amount.end <= other.start:
                own_end = min(own_end, self._join(amount.end, other.start, after=False) or own_end)
        return own_start, own_end

    def _join(self, start: int, end: int, after: bool) -> int | None:
        """Where the last joining word between two amounts starts (or, with ``after``, ends)."""
        found = [(at, len(word)) for word in self.rules.joins if (at := self.folded.rfind(word, start, end)) >= 0]
        if not found:
            return None
        at, length = max(found)
        return at + length if after else at

    def _values(self, money: Quantity, count: Quantity) -> bool:
        """Whether an amount of money gives a count's value: it stands in the count's own part
        of the clause (以200億美元購買100架飛機) or opens the next clause with a word of worth
        (採購103架客機，總值362億美元): the count joins that row's item, no row of its own."""
        start, end = self._segment(count)
        if start <= money.start and money.end <= end:
            return True
        clause_start, clause_end = self.clause(count.start, count.end)
        if any(_MONEY.match(q.unit) and clause_start <= q.start < clause_end for q in self.record.quantities):
            return False  # 購買100架飛機、追加購買液化天然氣70億美元: the money is the next item's
        next_start, next_end = self.clause(clause_end + 1, clause_end + 1)
        if not (next_start <= money.start and money.end <= next_end):
            return False
        return self.folded[next_start : money.start].lstrip().startswith((*self.rules.aggregate, *self.rules.worth))

    def _part(self, amount: Quantity) -> bool:
        """A share of an amount stated before it: its clause opens with 其中, or the amount
        follows another amount of money of its clause and a word of containing (3500億美元對美
        投資包含2000億美元現金投資)."""
        start, _ = self.clause(amount.start, amount.end)
        if self.folded[start : amount.start].lstrip().startswith((*self.rules.parts, *self.rules.containing)):
            return True
        whole = [q for q in self.record.quantities if _MONEY.match(q.unit) and start <= q.start and q.end <= amount.start]
        return any(_holds_any(self.folded[q.end : amount.start], self.rules.containing) for q in whole)

    def _aggregate(self, amount: Quantity) -> bool:
        if not _holds_any(self.folded[max(0, amount.start - 6) : amount.start], self.rules.aggregate):
            return False
        start, _ = self.clause(amount.start, amount.end)
        before_start, _ = self.clause(max(0, start - 2), max(0, start - 1))
        listing = self.folded[before_start:start]
        return any(mark in listing for mark in self.rules.list_marks)

    def _sought(self, amount: Quantity, kind: _Kind, sentence: Span) -> bool:
        """A pledge only sought (爭取…投資), or a pledge or aid only tallied (去年…進口,
        完成投資…同比增長, 累計提供): no commitment."""
        if not kind.tallied:
            return False
        start, end = self.clause(amount.start, amount.end)
        if kind.name == "pledge" and any(word in self.folded[start : amount.start] for word in self.rules.sought):
            return True
        if any(table.start <= amount.start < table.end for table in self.tables):
            return False
        return (
            _holds_any(self._without_lookalikes(start, end), self.rules.statistics)
            or _holds_any(self._without_lookalikes(sentence.start, sentence.end), self.rules.tallies)
            or self._growth_rate_in(sentence)
        )

    def _without_lookalikes(self, start: int, end: int) -> str:
        """The text with the words that only hold a word of a tally blanked (日曆年 is no 歷年:
        自美採購…2020日曆年不少於329億美元 is a quota, not a figure over the years)."""
        text = self.folded[start:end]
        for word in self.rules.not_statistics:
            text = text.replace(word, " " * len(word))
        return text

    def _law(self, amount: Quantity, kind: _Kind) -> bool:
        """A pledge whose amount is a law's or a budget's (簽署1.7萬億美元的支出法案): a country's
        own spending, voted or signed at home, no promise to another side."""
        if kind.name != "pledge":
            return False
        start, end = self.clause(amount.start, amount.end)
        return _holds_any(self.folded[start:end], self.rules.laws)

    def _growth_rate_in(self, sentence: Span) -> bool:
        """A percentage written right after a change word (增長20%, 同比下降了5%) in the sentence."""
        window = self.rules.rate_reach + max((len(word) for word in self.rules.rate_changes), default=0)
        return any(
            quantity.unit == "percent"
            and sentence.start <= quantity.start < sentence.end
            and _holds_any(self.folded[max(sentence.start, quantity.start - window) : quantity.start], self.rules.rate_changes)
            for quantity in self.record.quantities
        )

    def _parties(self, event: Event, kind: _Kind) -> tuple[list[str], list[str]]:
        source = self.actors.prefer_specific(event.source)
        target = [t for t in self.actors.prefer_specific(event.target) if t not in source]
        return (source, target) if kind.pledger == "source" else (target, source)

    def _fallback(self, kind: _Kind, event: Event, pledger: str, amount: Quantity | None) -> str | None:
        side = self.actors.side(pledger)
        for way in kind.fallback:
            if way == "object" and amount is not None:
                _, end = self.clause(amount.start, amount.end)
                after = [
                    m.entity_id for m in self.record.mentions
                    if amount.end <= m.start and m.end <= end and self.actors.type_of(m.entity_id) == "country" and m.entity_id != side
                ]
                if after:
                    return after[0]
            elif way == "seller" and amount is not None:
                start, end = self.clause(amount.start, amount.end)
                sellers = [
                    m.entity_id for m in self.record.mentions
                    if start <= m.start and m.end <= end and self.actors.type_of(m.entity_id) == "country" and m.entity_id != side
                    and self.folded[max(start, m.start - 1) : m.start] in self.rules.sellers
                ]
                if sellers:
                    return sellers[0]
            elif way == "place":
                place = self.actors.by_name(event.place)
                country = self.actors.country_of(place) if place else None
                if country and country != side:
                    return country
            elif way == "counterpart":
                met = self.counterparts.get(side)
                if met:
                    return met.most_common(1)[0][0]
        return None

    def _rows(self, event: Event, kind: _Kind, denial: bool = False) -> list[_StatedCommitment]:
        """The event's rows of this kind: one for each amount it commits."""
        if kind.name == "demand" and not denial:
            funding = self._funding_asked(event)
            if funding is not None:
                event, kind = funding
        rows = [self._row(event, kind, stake, denial) for stake in self._amounts(event, kind)]
        return [row for row in rows if row is not None]

    def _funding_asked(self, event: Event) -> tuple[Event, _Kind] | None:
        """拜登要求國會批准向烏克蘭提供330億美元: a leader asking his own legislature for money
        to give is no demand on the recipient; it is his side's promise of that aid, not yet
        voted (planned). The recipient is the event's target of another side, else the first
        country of another side the sentence names after the ask; with none, the money is
        for the side itself and the demand is read as before."""
        sentence = self.folded[event.evidence.start : event.evidence.end]
        asked = [sentence.find(ask + body) for ask in self.rules.asks for body in self.rules.legislatures if ask + body in sentence]
        funded = next((k for k in self.rules.kinds if k.name == self.rules.funding_kind), None)
        if not asked or funded is None or not event.source:
            return None
        side = self.actors.side(self.actors.prefer_specific(event.source)[0])
        ask_at = event.evidence.start + min(asked)
        recipients = [t for t in event.target if self.actors.side(t) != side] or [
            m.entity_id for m in self.record.mentions
            if ask_at <= m.start < event.evidence.end and self.actors.type_of(m.entity_id) == "country" and self.actors.side(m.entity_id) != side
        ]
        if not recipients:
            return None  # 美國政府要求國會追加撥款: money for itself, no commitment between sides
        kind_event = next(iter(sorted(funded.events)))
        return dataclasses.replace(event, type=kind_event[0], mode=kind_event[1], target=tuple(recipients[:1]), status="planned"), funded

    def _row(self, event: Event, kind: _Kind, stake: _Stake, denial: bool) -> _StatedCommitment | None:
        pledgers, beneficiaries = self._parties(event, kind)
        if stake.amount is not None:
            beneficiaries = self._named_with(stake.amount, event, kind) or beneficiaries
        if not pledgers and "claimant" in kind.pledger_fallback and event.claimed_by:
            pledgers = [event.claimed_by]
            beneficiaries = [b for b in beneficiaries if b != event.claimed_by]
        if not pledgers and "counterpart" in kind.pledger_fallback and beneficiaries:
            pledgers = self._counterpart_of(beneficiaries[0])
        if not pledgers or ((event.type, event.mode) in kind.one_sided and event.target):
            return None
        pledger = self._speaking_for(kind, event, pledgers[0])
        located = self.table_row(event.evidence)
        amount, old, excluded = stake.amount, stake.old, stake.excluded
        if amount is not None and (
            self._announced_for_a_firm(kind, event, pledger, amount) or self._firm_of(kind, event, pledger, amount) or self._given_by_a_group(kind, event, pledger, amount)
        ):
            return None
        named = bool(beneficiaries)
        if excluded or (kind.needs == "amount" and amount is None and not (located and named) and not denial):
            return None
        sentence = self.folded[event.evidence.start : event.evidence.end]
        if kind.cues and not any(cue in sentence for cue in kind.cues):
            return None
        beneficiary = beneficiaries[0] if beneficiaries else self._fallback(kind, event, pledger, amount)
        if kind.needs == "parties" and not denial and (beneficiary is None or (not named and "counterpart" not in kind.fallback)):
            return None
        if beneficiary is not None and self.actors.side(beneficiary) == self.actors.side(pledger):
            if named and located is None and not denial:
                # 美國政府要求國會追加撥款, 以色列總理辦公室批准…進入以色列: a side asking or
                # granting itself is its own business, not a commitment between sides
                return None
            beneficiary = None
        if kind.name in _DOMESTIC_KINDS and beneficiary is None and len(pledgers) == 1 and located is None and not denial and self._domestic(event, kind, pledger, amount):
            return None
        if located is not None and old is None and amount is not None:
            old = self._table_previous(located[1], amount)
        windows = self._windows(event, amount, located, kind)
        deadline = self._deadline(event, amount, located)
        others = [*pledgers[1:], *beneficiaries[1:]]
        return _StatedCommitment(
            kind=kind,
            pledger=pledger,
            beneficiary=beneficiary,
            counterparts=others,
            amount=amount,
            old=old,
            object=self._counted(event, amount, self._first(windows, kind)),
            verb=self._verb(windows[:2] if located is not None else windows),  # a caption says what the table is, not the row
            deadline=deadline,
            made_on=event.date,
            statuses=[self._announced_status(kind, event, amount)],
            claimants=[event.claimed_by] if event.claimed_by else [],
            sources=[source_of(self.record, event.evidence, event.claimed_by)],
            from_table=located is not None,
            named_beneficiary=named,
            beneficiary_name=self.actors.name(beneficiary) if named else None,
            joint=_holds_any(sentence, self.rules.joint_statements),
            instalment=_holds_any(sentence, self.rules.instalments),
        )

    def _named_with(self, amount: Quantity, event: Event, kind: _Kind) -> list[str]:
        """The event's beneficiaries named in the amount's own part of its clause, when the
        event names several: 採購80架美國波音客機、另購美國液化天然氣60億美元 — the LNG
        is bought from the United States, not from Boeing."""
        others = list(dict.fromkeys(event.target if kind.pledger == "source" else event.source))
        if len(others) < 2:
            return []
        start, end = self._segment(amount)
        named = {m.entity_id for m in self.record.mentions if start <= m.start and m.end <= end}
        return self.actors.prefer_specific([o for o in others if o in named])

    def _counterpart_of(self, beneficiary: str) -> list[str]:
        """The side the beneficiary meets most in the document: who cuts a tariff on Japan
        that names no one cutting it (將日本汽車關稅從27.5%下調至15%) in a story of Japan's
        talks with the United States."""
        met = self.counterparts.get(self.actors.side(beneficiary))
        return [met.most_common(1)[0][0]] if met else []

    def _domestic(self, event: Event, kind: _Kind, pledger: str, amount: Quantity | None) -> bool:
        """A commitment whose sentence names no actor or place of another side than its
        pledger's (國家電網投資1000億元推動陝西電網升級, 海關總署減稅448億元) is the country's own
        business, not one between sides: no row. A foreign firm's plant (寶馬在遼寧瀋陽投資) is one.
        So is a signing read as one side's pledge whose sentence names only that country
        (國家能源局與中國農業銀行簽署協議，…提供3萬億元: two bodies of one country), and a
        country's own spending that its clause gives to no one abroad (下達中央投資320億元,
        我國5G網絡建設投資達1.2萬億元, 芬蘭政府將向該國電力公司提供貸款) in a story where it meets
        or agrees with no other side; a country that gives
        to someone summitry cannot name (中方將向有需要的發展中國家提供…援助) or buys (芬蘭將購買
        60架戰機) still commits to another side."""
        side = self.actors.side(pledger)
        if side == pledger and self.actors.type_of(pledger) != "country":
            return False  # a pledger of no known country: nothing to compare
        if self.actors.type_of(pledger) == "country" and (event.type, event.mode) not in kind.one_sided:
            if not self._given_home(amount) and (
                self._goes_abroad(kind, amount) or self._deals_abroad(side) or self._promised_to_someone(event, amount)
            ):
                return False
        sentence = event.evidence
        return all(
            self.actors.side(m.entity_id) == side
            for m in self.record.mentions
            if sentence.start <= m.start < sentence.end and m.how != "credit"
        )

    def _given_by_a_group(self, kind: _Kind, event: Event, pledger: str, amount: Quantity) -> bool:
        """發達國家承諾每年提供1000億美元, 埃及等國領導人強調，發達國家應…每年提供…, 針對美西方
        決定…向烏克蘭提供500億美元貸款一事，扎哈羅娃指責: the givers are a group summitry cannot
        name, written before the amount with no mention of the pledger after them; the
        speaker, host or critic mentioned is no pledger. A group after a recipient mark
        (向發展中國家提供) is the beneficiary and counts not."""
        if kind.name not in _DOMESTIC_KINDS:
            return False
        sentence = event.evidence
        text = self.folded[sentence.start : amount.start]
        for group in self.rules.unnamed_givers:
            at = text.rfind(group)
            if at < 0 or _holds_any(text[max(0, at - 2) : at], self.rules.recipient_marks):
                continue
            group_end = sentence.start + at + len(group)
            # the pledger itself, or an actor of the pledger country, named after the group is the giver
            # (應對西方國家的制裁，中國將向俄羅斯提供); a mere mention of its side is not, nor one
            # that owns or suffers (美西方決定用俄羅斯被凍結資產的收益…提供…, 扎哈羅娃指責)
            if not any(
                group_end <= m.start < amount.start and pledger in (m.entity_id, self.actors.side(m.entity_id))
                and not self.folded.startswith(self.rules.not_givers_after, m.end)
                for m in self.record.mentions
            ):
                return True
        return False

    def _announced_status(self, kind: _Kind, event: Event, amount: Quantity | None) -> str:
        """美國國防部10日宣布再向烏克蘭提供4億美元武器, 總統已批准向以色列出售6.8億美元的武器:
        the announcement or the approval is reported, the package only promised. A kind whose
        reported rows are fulfilled (aid delivered) reads such a row as claimed instead."""
        if event.status != "reported" or not kind.status_when_reported:
            return event.status
        end = amount.start if amount is not None else event.evidence.end
        if _holds_any(self.folded[event.evidence.start : end], self.rules.promised):
            return "claimed"
        return event.status

    def _deals_abroad(self, side: str) -> bool:
        """Whether the document has an event between the side and another side (a meeting, a
        deal, a tariff): in a story of talks (美國與日本達成貿易協議。日本承諾投資5500億美元) a
        pledge whose sentence names only its pledger is still made to the other side."""
        return any(
            event.status not in self.rules.skip_statuses
            and side in {self.actors.side(p) for p in (*event.source, *event.target)}
            and any(self.actors.side(p) != side for p in (*event.source, *event.target))
            for event in self.record.events
        )

    def _goes_abroad(self, kind: _Kind, amount: Quantity | None) -> bool:
        """Whether a country's amount goes to another side though none is named: its clause
        gives it to a recipient (向非洲提供, 給中美洲投資) or buys with it (購買戰機: bought from a
        seller). Aid is given to someone by its nature (600億美元將以政府援助…方式提供)."""
        if amount is None or kind.name == "aid":
            return True
        start, end = self.clause(amount.start, amount.end)
        if _holds_any(self.folded[start:end], self.rules.purchases):
            return True
        return any(not home for home in self._recipients(amount))

    def _promised_to_someone(self, event: Event, amount: Quantity | None) -> bool:
        """日本承諾投資5500億美元: a promise word before the amount makes it a promise to
        someone, though the sentence names no one; home programmes are not promised so."""
        end = amount.start if amount is not None else event.evidence.end
        return _holds_any(self.folded[event.evidence.start : end], self.rules.promise_words)

    def _given_home(self, amount: Quantity | None) -> bool:
        """Whether the amount's clause gives it home (芬蘭政府將向該國電力公司提供貸款)."""
        return amount is not None and any(self._recipients(amount))

    def _recipients(self, amount: Quantity) -> list[bool]:
        """For each recipient mark before the amount in its clause, whether home follows it."""
        start, _ = self.clause(amount.start, amount.end)
        text = self.folded[start : amount.start]
        found = []
        for mark in self.rules.recipient_marks:
            at = text.find(mark)
            while at >= 0:
                found.append(text.startswith(self.rules.home_words, at + len(mark)))
                at = text.find(mark, at + len(mark))
        return found

    def _announced_for_a_firm(self, kind: _Kind, event: Event, pledger: str, amount: Quantity) -> bool:
        """瑞士政府宣布瑞銀集團以30億瑞士法郎收購瑞信: the government announces a firm's deal;
        the firm, named after the announcer and before the amount, is the pledger, not the
        announcer. A firm summitry does not know makes no row. The announcer is the claimant,
        or, when 宣布 reads as the speaker's own act (reported, no claimant), the pledger itself."""
        if kind.name != "pledge":
            return False
        if event.claimed_by is not None and self.actors.side(event.claimed_by) != self.actors.side(pledger):
            return False
        mentions = [
            m for m in self.record.mentions
            if event.evidence.start <= m.start and m.end <= amount.start and self.actors.side(m.entity_id) == self.actors.side(pledger)
        ]
        if not mentions:
            return False
        start = max(m.end for m in mentions)
        if event.claimed_by is None and not _holds_any(self.folded[min(m.start for m in mentions) : amount.start], self.rules.announcements):
            return False
        between = list(self.folded[start : amount.start])
        for m in self.record.mentions:  # 向波音公司採購: a known firm is a party of its own
            if start <= m.start and m.end <= amount.start:
                between[m.start - start : m.end - start] = " " * (m.end - m.start)
        return _holds_any("".join(between), self.rules.firms)

    def _firm_of(self, kind: _Kind, event: Event, pledger: str, amount: Quantity) -> bool:
        """德國一家化工集團在湛江投資100億歐元: the country named before the amount only says
        whose firm invests. A firm word right after a mention of the pledger's side, with no
        word making the firm another party between (日本將向美國企業投資), makes the pledge the
        firm's; a known firm is a mention of its own and the pledger already, so no row. A
        country that drives its firms (推動中國企業對非洲投資) stays the pledger, and so does one
        whose firms invest as a body (韓國企業將對美投資1500億美元: no firm named or counted)."""
        if kind.name != "pledge" or self.actors.type_of(pledger) == "company":
            return False
        side = self.actors.side(pledger)
        sentence = event.evidence
        for mention in self.record.mentions:
            if not (sentence.start <= mention.start and mention.end <= amount.start) or self.actors.side(mention.entity_id) != side:
                continue
            if self.actors.type_of(mention.entity_id) == "company" or _holds_any(self.before(mention.start), self.rules.firm_drivers):
                continue
            if any(o.start <= mention.start and mention.end <= o.end and (o.end - o.start) > (mention.end - mention.start) for o in self.record.mentions):
                continue  # 美國國際開發金融公司: the country inside a known body's name is no firm's origin
            clause_end = self.clause(mention.start, mention.end)[1]
            reach = self.folded[mention.end : min(mention.end + self.rules.firm_reach, amount.start, clause_end)]
            firm = min((at for word in self.rules.firms if (at := reach.find(word)) >= 0), default=None)
            if firm is None:
                continue
            before_firm = reach[:firm]
            crossed = any(
                mention.end <= other.start < mention.end + firm and self.actors.side(other.entity_id) != side
                for other in self.record.mentions
            )
            # 韓國企業將在美國投資: a country's firms as a body, at a summit its side's package; one
            # firm is named or counted between (泰國天絲集團, 德國一家化工集團)
            collective = not before_firm.replace("的", "").strip()
            if not crossed and not collective and not _holds_any(before_firm, self.rules.firm_stops):
                return True
        return False

    def _speaking_for(self, kind: _Kind, event: Event, pledger: str) -> str:
        """A spokesman or official who describes a deal is its claimant, not its pledger: his
        country is (a leader or firm that is the clause's own subject stays, not claiming)."""
        if not kind.claimant_not_pledger or pledger != event.claimed_by or self.actors.type_of(pledger) != "person":
            return pledger
        country = self.actors.country_of(pledger)
        return country or pledger

    def _table_previous(self, row: TableRow, amount: Quantity) -> Quantity | None:
        """The earlier level a table gives in its own column (原有水準: 每年約10億美元)."""
        cell = row.cell("previous")
        if cell is None:
            return None
        return next(
            (q for q in self.record.quantities if cell.start <= q.start and q.end <= cell.end and q.unit == amount.unit),
            None,
        )

    def _windows(self, event: Event, amount: Quantity | None, located: tuple[Table, TableRow] | None, kind: _Kind) -> list[str]:
        """Text to read the item from, nearest first: a table row's item cell and caption; or
        the amount's place in a list (購買100架波音飛機、追加購買液化天然氣70億美元: the 70億
        is the LNG's), its clause, the sentence within a few characters of it, and the
        whole sentence (採購103架客機，總值362億美元，…要採購引擎: the aircraft are nearer),
        unless the clause of a commitment other than a change has a verb of its own."""
        windows = []
        if located is not None:
            table, row = located
            item = row.cell("item")
            if item is not None:
                windows.append(self.folded[item.start : item.end])
            windows.append(self.folded[row.start : row.end])
            if table.caption is not None:
                windows.append(self.folded[table.caption.start : table.caption.end])
            return windows
        sentence = self._sentence_for(event.evidence, amount)
        if amount is not None:
            start, end = self.clause(amount.start, amount.end)
            segment_start, segment_end = self._segment(amount)
            windows.append(self.folded[segment_start:segment_end])
            windows.append(self.folded[start:end])
            if not kind.change and any(_holds_any(self.folded[start:end], words) for words, _ in self.rules.verbs):
                # 要求日本對美投資5500億美元，同時增加進口美國農產品: a clause with its own verb
                # says what it commits; the next clause's goods are another commitment's
                return windows
            at = amount.start - event.evidence.start
            windows.extend(sentence[max(0, at - reach) : at + reach] for reach in _ITEM_REACHES)
        windows.append(sentence)
        return windows

    def _sentence_for(self, sentence: Span, amount: Quantity | None) -> str:
        """The sentence without the clauses of its other amounts of money: 投資3500億美元，
        並將採購1000億美元的液化天然氣 — the investment is not an LNG purchase."""
        text = list(self.folded[sentence.start : sentence.end])
        own = self.clause(amount.start, amount.end) if amount is not None else None
        for other in self.record.quantities:
            if not (sentence.start <= other.start and other.end <= sentence.end) or not _MONEY.match(other.unit):
                continue
            start, end = self.clause(other.start, other.end)
            if (start, end) != own:
                text[start - sentence.start : end - sentence.start] = " " * (end - start)
        return "".join(text)

    def _first(self, windows: list[str], kind: _Kind) -> str | None:
        entries = self.rules.tariffs if kind.name == "tariff" else self.rules.items
        for window in windows:
            for words, label in entries:
                if any(word in window for word in words):
                    return label
        return None

    def _counted(self, event: Event, amount: Quantity | None, obj: str | None) -> str | None:
        """採購 103 架波音新型飛機，總額達 362 億美元: the count joins the item ("103 aircraft")."""
        if obj is None or amount is None or not _MONEY.match(amount.unit):
            return obj
        count = next((q for q in event.quantities if q.unit in self.rules.counted_units and obj.endswith(q.unit)), None)
        return f"{count.value:g} {obj}" if count else obj

    def _verb(self, windows: list[str]) -> str | None:
        for window in windows:
            found = [(min(window.find(w) for w in words if w in window), verb) for words, verb in self.rules.verbs if any(w in window for w in words)]
            if found:
                return min(found)[1]
        return None

    def _deadline(self, event: Event, amount: Quantity | None, located: tuple[Table, TableRow] | None) -> str | None:
        """A time with a by/before relation (2030年前) in the amount's clause or table row."""
        if located is not None:
            start, end = located[1].start, located[1].end
        elif amount is not None:
            start, end = self.clause(amount.start, amount.end)
        else:
            start, end = event.evidence.start, event.evidence.end
        for time in self.record.times:
            if start <= time.start and time.end <= end and time.relation in ("before", "by") and time.value:
                return time.value
        return None


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` stands in ``text`` (the few characters before an amount)."""
    return any(word in text for word in words)


# -- merging ------------------------------------------------------------------------------------
def _same_amount(a: Quantity, b: Quantity) -> bool:
    if a.unit != b.unit or (a.per and b.per and a.per != b.per):
        return False
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), abs(b.value))


def _other_instalments(a: _StatedCommitment, b: _StatedCommitment) -> bool:
    """Two equal amounts made on different days, one of them stated as a new one of a series
    (美國7日宣布向烏克蘭提供新一批8億美元武器; 16日再提供8億美元): two packages, not one told twice."""
    return (a.instalment or b.instalment) and a.made_on is not None and b.made_on is not None and a.made_on != b.made_on


class _Ledger:
    def __init__(self, actors: Actors) -> None:
        self.actors = actors

    def _same_pledger(self, a: str, b: str) -> bool:
        if a == b:
            return True
        countries = [x for x in (a, b) if self.actors.type_of(x) == "country"]
        return bool(countries) and self.actors.side(a) == self.actors.side(b)

    def _same_side(self, a: str | None, b: str | None) -> bool:
        return a is None or b is None or self.actors.side(a) == self.actors.side(b)

    def _beneficiaries_agree(self, a: _StatedCommitment, b: _StatedCommitment) -> bool:
        """Named beneficiaries of one side (a table's several sellers count each); a row that
        names none agrees with any row of its own document only (a 25% tariff on India and
        an unnamed 25% tariff elsewhere are two)."""
        here, there = self._named_sides(a), self._named_sides(b)
        if here and there:
            return bool(here & there)
        same_document = bool({s.doc for s in a.sources} & {s.doc for s in b.sources})
        return same_document or a.kind.name != "tariff"

    def _named_sides(self, row: _StatedCommitment) -> set[str]:
        if not row.named_beneficiary:
            return set()
        return {self.actors.side(p) for p in [row.beneficiary, *row.counterparts] if p}

    def same(self, a: _StatedCommitment, b: _StatedCommitment) -> bool:
        if a.kind.name != b.kind.name or not self._same_pledger(a.pledger, b.pledger):
            return False
        if a.amount is not None and b.amount is not None:
            return _same_amount(a.amount, b.amount) and not _other_instalments(a, b) and (a.object == b.object or None in (a.object, b.object) or a.from_table or b.from_table) and self._beneficiaries_agree(a, b)
        if a.amount is not None or b.amount is not None:
            return False
        return self._same_side(a.beneficiary, b.beneficiary) and (a.object == b.object or None in (a.object, b.object))

    def disputes(self, group: list[_StatedCommitment], denial: _StatedCommitment) -> bool:
        """A denial disputes a commitment of the same kind and pledger side about the same
        thing (the same amount, or the same item when the denial names no amount)."""
        row = group[0]
        if row.kind.name != denial.kind.name or self.actors.side(row.pledger) != self.actors.side(denial.pledger):
            return False
        if denial.amount is not None:
            return any(r.amount is not None and _same_amount(r.amount, denial.amount) for r in group)
        return denial.object is not None and any(r.object == denial.object for r in group)

    def merge(self, rows: list[_StatedCommitment]) -> list[list[_StatedCommitment]]:
        """Each row joins the first group (in order of creation) holding a row that states the
        same commitment, or starts one. Only groups that can hold such a row are tried: one with
        an amount of the row's unit within 1% of it (``_same_amount``), or, for a row without an
        amount, one with a row without; so a pledger with thousands of rows merges in n log n."""
        groups: list[list[_StatedCommitment]] = []
        amounts: dict[str, list[tuple[float, int]]] = {}  # unit -> (value, group) of rows with amounts, by value
        unpriced: list[int] = []  # groups holding a row without an amount, in order
        for row in rows:
            if row.amount is None:
                candidates = unpriced
            else:
                values = amounts.get(row.amount.unit, [])
                low, high = sorted((row.amount.value * 0.99, row.amount.value / 0.99))
                start = bisect.bisect_left(values, (low - abs(low) * 1e-9, -1))
                end = bisect.bisect_right(values, (high + abs(high) * 1e-9, len(groups)))
                candidates = sorted({index for _, index in values[start:end]})
            home = next((i for i in candidates if any(self.same(row, other) for other in groups[i])), None)
            if home is None:
                home = len(groups)
                groups.append([row])
            else:
                groups[home].append(row)
            if row.amount is None:
                if home not in unpriced:
                    bisect.insort(unpriced, home)
            else:
                bisect.insort(amounts.setdefault(row.amount.unit, []), (row.amount.value, home))
        return groups


def _status(rows: list[_StatedCommitment], actors: Actors) -> str:
    kind = rows[0].kind
    if any("negated" in row.statuses for row in rows):
        return "disputed"
    if kind.status != "claimed":
        return kind.status
    statuses = {s for row in rows for s in row.statuses}
    if kind.status_when_reported and "reported" in statuses:
        return kind.status_when_reported
    if any(row.joint for row in rows):
        return "confirmed"
    claimant_sides = {actors.side(c) for row in rows for c in row.claimants}
    pledger_side = actors.side(rows[0].pledger)
    beneficiary_sides = {actors.side(r.beneficiary) for r in rows if r.beneficiary}
    if pledger_side in claimant_sides and claimant_sides & beneficiary_sides:
        return "confirmed"
    return "claimed"


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "JPY": "¥", "CNY": "CN¥", "KRW": "₩", "GBP": "£"}
_UNIT_WORDS = {"percent": "%", "percent_gdp": "% of GDP"}


def _amount_of(quantity: Quantity) -> Amount:
    return Amount(quantity.value, quantity.unit, quantity.per, quantity.approx, quantity.low, quantity.high)


def _amount_text(quantity: Quantity) -> str:
    return describe_amount(_amount_of(quantity))


def _scaled(value: float, scale: tuple[float, str] | None) -> str:
    if scale is None:
        return f"{value:,g}"
    return f"{value / scale[0]:g}{scale[1]}"


def _scale_of(value: float) -> tuple[float, str] | None:
    return next(((s, w) for s, w in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")) if abs(value) >= s), None)


def describe_amount(amount: Amount) -> str:
    """An amount as English reads it: "$1 billion a year", "57%", "3.3 million tonne"."""
    quantity = amount
    if amount.low is not None and amount.high is not None:
        # 數十億美元: "$1–10 billion", both ends in the high end's scale when the low end has it too.
        scale = _scale_of(amount.high)
        low_scale = scale if scale and abs(amount.low) >= scale[0] / 1000 else _scale_of(amount.low)
        low = _scaled(amount.low, low_scale)
        number = (low[: -len(scale[1])] if scale and low_scale == scale else low) + "–" + _scaled(amount.high, scale)
    else:
        number = _scaled(quantity.value, _scale_of(quantity.value))
    if quantity.unit in _UNIT_WORDS:
        text = f"{number}{_UNIT_WORDS[quantity.unit]}"
    elif _MONEY.match(quantity.unit):
        sign = _CURRENCY_SIGNS.get(quantity.unit)
        text = f"{sign}{number}" if sign else f"{number} {quantity.unit}"
    else:
        text = f"{number} {quantity.unit}"
    if quantity.approx and not amount.ranged:
        text = "about " + text
    return text + (f" a {quantity.per}" if quantity.per else "")


def _item(rows: list[_StatedCommitment]) -> str:
    chief = next((r for r in rows if r.from_table), rows[0])
    kind = chief.kind
    obj = next((r.object for r in [chief, *rows] if r.object), None)
    counted = [r.object for r in rows if r.object and obj and r.object[0].isdigit() and r.object.endswith(obj)]
    obj = counted[0] if counted else obj  # the table says "aircraft", the prose "103 aircraft"
    verb = next((r.verb for r in [chief, *rows] if r.verb), None)
    old = next((r.old for r in [chief, *rows] if r.old), None)
    if kind.name == "tariff":
        new = chief.amount
        direction = ""
        if old is not None and new is not None:
            moved = "cut" if new.value < old.value else "raised"
            direction = f" {moved} from {_amount_text(old)} to {_amount_text(new)}"
        elif new is not None:
            direction = f" of {_amount_text(new)}"
        return kind.template.format(object=f"{obj} " if obj else "", direction=direction).strip()
    if obj is None and kind.name == "pledge":
        obj = next((r.beneficiary_name for r in [chief, *rows] if r.beneficiary_name), None) or "goods and services"
    text = kind.template.format(
        object=obj or kind.default_object,
        verb=verb or "",
        old=f", up from {_amount_text(old)}" if old is not None else "",
        new="",
        direction="",
    )
    return " ".join(text.split())


def _commitment(group: list[_StatedCommitment], actors: Actors) -> Commitment:
    rows = [r for r in group if "negated" not in r.statuses]  # a denial disputes; it says nothing of the terms
    pledgers = Counter(r.pledger for r in rows)
    specific = [p for p, _ in pledgers.most_common() if actors.type_of(p) != "country"]
    pledger = specific[0] if specific else pledgers.most_common(1)[0][0]
    named = [r.beneficiary for r in rows if r.beneficiary and r.named_beneficiary]
    beneficiaries = Counter(named or [r.beneficiary for r in rows if r.beneficiary])
    beneficiary = beneficiaries.most_common(1)[0][0] if beneficiaries else None
    parties = {pledger, beneficiary}
    counterparts = [
        p for p in dict.fromkeys([*(r.beneficiary for r in rows if r.beneficiary), *(c for r in rows for c in r.counterparts), *pledgers])
        if p not in parties
    ]
    amounts = [r.amount for r in rows if r.amount is not None]
    amount = None
    if amounts:
        best = max(amounts, key=lambda q: (q.per is not None, q.low is None, not q.approx))
        amount = _amount_of(best)
    item = _item(rows)
    deadline = next((r.deadline for r in rows if r.deadline), None)
    dates = sorted(r.made_on for r in rows if r.made_on)
    key = "|".join([rows[0].kind.name, pledger, f"{amount.value:g} {amount.unit}" if amount else item])
    return Commitment(
        id=hashlib.sha256(key.encode("utf-8")).hexdigest()[:12],
        kind=rows[0].kind.name,
        pledger=pledger,
        pledger_name=actors.name(pledger) or pledger,
        beneficiary=beneficiary,
        beneficiary_name=actors.name(beneficiary),
        counterparts=tuple(counterparts),
        item=item,
        amount=amount,
        deadline=deadline,
        made_on=dates[0] if dates else None,
        status=_status(group, actors),
        sources=unique_sources(s for r in group for s in r.sources),
    )


@dataclass(frozen=True)
class Statements:
    """What one record states for the ledger: its rows in record order, and its denials."""

    rows: tuple[_StatedCommitment, ...]
    denials: tuple[_StatedCommitment, ...]


def ledger_statements(record: Record, actors: Actors) -> Statements:
    """One record's ledger rows before any merge: the costly reading of its text (clauses,
    tables), done once per document so the store can re-merge rows without re-reading it."""
    document = _LedgerReading(record, actors, _rules())
    return Statements(tuple(document.rows()), tuple(document.denials()))


def merge_key(row: _StatedCommitment, actors: Actors) -> tuple[str, str]:
    """Rows merge, and a denial disputes, only within one kind and one pledger side: the
    store re-merges just the keys a batch touches."""
    return row.kind.name, actors.side(row.pledger)


def merge_ledger(rows: Sequence[_StatedCommitment], denials: Sequence[_StatedCommitment], actors: Actors) -> list[Commitment]:
    """The commitments rows state once merged, in record order (publication date, document id,
    row); ``denials`` dispute the commitments they deny."""
    return [commitment for _, commitment in merged_groups(rows, denials, actors)]


def merged_groups(rows: Sequence[_StatedCommitment], denials: Sequence[_StatedCommitment], actors: Actors) -> list[tuple[_StatedCommitment, Commitment]]:
    """``merge_ledger``'s commitments, each with the row that started its group (the store keys
    a commitment by it)."""
    merger = _Ledger(actors)
    groups = merger.merge(list(rows))
    # Without an amount a row must at least say what is committed (approval of what?).
    groups = [g for g in groups if any(r.amount is not None or r.object is not None for r in g)]
    for denial in denials:
        for group in groups:
            if merger.disputes(group, denial):
                group.append(denial)
    return [(group[0], _commitment(group, actors)) for group in groups]


def ledger_order(commitment: Commitment) -> tuple[Any, ...]:
    return (commitment.pledger_name, commitment.kind, -(commitment.amount.value if commitment.amount else 0), commitment.item)


def ledger(records: Sequence[Record], pledger: str | None = None, beneficiary: str | None = None) -> list[Commitment]:
    """Every commitment with a stake the records state, merged across sentences, tables and
    documents. ``pledger``/``beneficiary`` keep rows of that actor (a name, id or alias; a
    country also matches its companies and people)."""
    records = list(records)
    actors = Actors(records)
    statements = [ledger_statements(record, actors) for record in records]
    commitments = merge_ledger([r for s in statements for r in s.rows], [d for s in statements for d in s.denials], actors)
    if pledger is not None:
        wanted = actors.resolve(pledger)
        commitments = [c for c in commitments if actors.matches(c.pledger, wanted)]
    if beneficiary is not None:
        wanted = actors.resolve(beneficiary)
        commitments = [c for c in commitments if actors.matches(c.beneficiary, wanted)]
    return sorted(commitments, key=ledger_order)


# -- rows and commitments as the store keeps them ------------------------------------------------
def _quantity_json(quantity: Quantity | None) -> dict[str, Any] | None:
    return None if quantity is None else dataclasses.asdict(quantity)



def row_json(row: _StatedCommitment) -> dict[str, Any]:
    """A ledger row before merging, as JSON (its kind by name), for the store's statement table."""
    data = {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    data["kind"] = row.kind.name
    data["amount"] = _quantity_json(row.amount)
    data["old"] = _quantity_json(row.old)
    data["sources"] = [source_data(s) for s in row.sources]
    return data


def row_from_json(data: dict[str, Any]) -> _StatedCommitment:
    kinds = {kind.name: kind for kind in _rules().kinds}
    values = dict(data)
    values["kind"] = kinds[data["kind"]]
    values["amount"] = Quantity(**data["amount"]) if data["amount"] else None
    values["old"] = Quantity(**data["old"]) if data["old"] else None
    values["sources"] = [source_from_data(s) for s in data["sources"]]
    return _StatedCommitment(**values)


def commitment_data(commitment: Commitment) -> dict[str, Any]:
    """A commitment whole (its sources' paths and claimants too), for the store's ledger table."""
    data = dataclasses.asdict(commitment)
    data["sources"] = [source_data(s) for s in commitment.sources]
    return data


def commitment_from_data(data: dict[str, Any]) -> Commitment:
    values = dict(data)
    values["counterparts"] = tuple(data["counterparts"])
    values["amount"] = Amount(**data["amount"]) if data["amount"] else None
    values["sources"] = tuple(source_from_data(s) for s in data["sources"])
    return Commitment(**values)
