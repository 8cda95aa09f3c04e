"""The views' knowledge, read from views/data/*.yaml: which events are meetings or
commitments, the words that name items and topics. Words may be in either script; callers
fold them with ``summitry.text.fold`` as the events stage does."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

from summitry.data import DataModel, load_data


Words = list[str]


class _Kind(DataModel):
    name: str
    events: list[str]
    needs: Literal["amount", "parties"]
    pledger: Literal["source", "target"]
    beneficiary: Literal["source", "target"]
    template: str
    units: list[str] = []
    fallback: list[Literal["place", "object", "seller", "counterpart"]] = []
    pledger_fallback: list[str] = []
    one_sided: list[str] = []
    cues: Words = []
    status: str | None = None
    status_when_reported: str | None = None
    change: bool = False
    claimant_not_pledger: bool = False
    tallied: bool = False
    yields_to: list[str] = []
    default_object: str | None = None


class _Verb(DataModel):
    words: Words
    verb: str


class _Item(DataModel):
    words: Words
    item: str


class _Tariff(DataModel):
    words: Words
    name: str


class LedgerData(DataModel):
    """ledger.yaml: which events are commitments, and the words that name their items."""

    kinds: list[_Kind]
    verbs: list[_Verb]
    items: list[_Item]
    tariffs: list[_Tariff]
    previous: Words
    reached: Words = []
    conversions: Words = []
    aggregate: Words
    list_marks: Words
    joins: Words = []
    worth: Words = []
    caps: Words = []
    containing: Words = []
    sought: Words
    laws: Words
    firms: Words = []
    firm_stops: Words = []
    firm_reach: int = 12
    firm_drivers: Words = []
    recipient_marks: Words = []
    home_words: Words = []
    purchases: Words = []
    promise_words: Words = []
    promised: Words = []
    unnamed_givers: Words = []
    not_givers_after: Words = []
    asks: Words = []
    legislatures: Words = []
    funding_kind: str = "aid"
    announcements: Words = []
    sellers: Words = []
    statistics: Words
    not_statistics: Words = []
    tallies: Words = []
    rate_changes: Words = []
    rate_reach: int = 3
    parts: Words = []
    joint_statements: Words = []
    instalments: Words = []
    cue_reach: int
    counted_units: list[str]
    skip_statuses: list[str]


class MeetingsData(DataModel):
    """meetings.yaml: which events make the meetings view."""

    anchors: dict[str, list[str]]
    joiners: dict[str, list[str]]
    statuses: list[str]
    announced: list[str] = []
    dated_only: dict[str, list[str]] = {}
    mode_order: list[str]
    cross_document_days: int
    visit_days: int = 0
    publication_days: int = 0


class _Topic(DataModel):
    topic: str
    words: list[str | int]


class ReadoutsData(DataModel):
    """readouts.yaml: the topics of a side's statements and the words that mark a readout."""

    topics: list[_Topic]
    speech: Words
    speaker_reach: int
    readout_markers: Words
    readout_colons: Words


_SCHEMAS: dict[str, type[DataModel]] = {"ledger.yaml": LedgerData, "meetings.yaml": MeetingsData, "readouts.yaml": ReadoutsData}


@cache
def view_data(name: str) -> Any:
    """The content of one data file shipped with the views package, checked against its schema."""
    return load_data("views", name, _SCHEMAS[name])


