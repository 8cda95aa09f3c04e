"""Hypothesis strategies for arbitrary *valid* extract Records, to run every view and output over.

A valid record is one ``record_from_json`` reads back: every span lies in the text, dates are
ISO at day, month or year precision, statuses and PLOVER types are those SCHEMA.md names. Within
that, anything goes that the pipeline could plausibly produce — fields null or set in any mix,
events duplicated on one span (one claimed, one not), parties the record has no entity for,
empty party lists, undated, planned and negated events, tables of commitments — because a view
that sorts or groups on a field must survive every one of them.

The sentences are our own, written in the style of the news summitry reads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from hypothesis import strategies as st

from summitry.model import Document, Entity, Event, Mention, Quantity, Record, Span, TimeExpr
from summitry.record import record_from_json, record_json

SENTENCES = (
    "美國總統川普10月30日在釜山與國家主席習近平會談。",
    "南韓總統李在明29日在慶州會見川普後共同會見記者時說，雙方同意擴大合作。",
    "白宮表示，南韓將在2030年前對美投資3500億美元，每年最多200億美元。",
    "中方宣布暫停稀土出口管制一年，美方則將關稅從57%降至47%。",
    "日本首相高市早苗承諾購買約100架波音飛機。",
    "如果北韓再次試射導彈，美國將考慮新的制裁。",
    "習近平沒有出席記者會。",
    "據報導，雙方計劃明年4月在北京再次會晤。",
    "川普稱，南韓同意每年支付超過100億美元的駐軍費用。",
    "\n表3:韓國企業對美投資承諾\n項目 | 韓方合作夥伴 | 美方受益方 | 預估金額 |\n"
    "飛機採購 | 大韓航空 | 波音 | 362億美元 |\n液化天然氣 | 韓國天然氣公社 | 美國 | 每年約30億美元 |\n",
    "Trump met Xi in Busan.",
    "",
)

# Entities the knowledge base knows, one it has an alias clash in, and ids it has never heard of.
ENTITIES = (
    Entity("USA", "United States", "country"),
    Entity("CHN", "China", "country"),
    Entity("KOR", "South Korea", "country"),
    Entity("JPN", "Japan", "country"),
    Entity("Q22686", "Donald Trump", "person", "USA"),
    Entity("Q15031", "Xi Jinping", "person", "CHN"),
    Entity("org:korean-air", "Korean Air", "company", "KOR"),
    Entity("place:busan", "Busan", "place", "KOR"),
    Entity("person:unknown-1", "Kim", "person", None),
    Entity("person:unknown-2", "Kim", "person", "PRK"),
    Entity("Q99999999", "", "organization", None),
    # One id, told otherwise by another record: another name, type and country.
    Entity("Q22686", "特朗普", "person", None),
    Entity("XXX", "Nowhere", "country", None),
)
ENTITY_IDS = tuple(e.id for e in ENTITIES) + ("XXX", "person:never-seen")

TYPES_AND_MODES = (
    ("CONSULT", "meeting"), ("CONSULT", "visit"), ("CONSULT", "call"), ("CONSULT", "multilateral"), ("CONSULT", None),
    ("AGREE", "sign"), ("AGREE", "deal"), ("AGREE", None), ("COOPERATE", "economic"), ("AID", "military"),
    ("REQUEST", None), ("SANCTION", "tariff"), ("SANCTION", "export_control"), ("THREATEN", None),
    ("RETREAT", None), ("SUPPORT", None), ("CONCEDE", None), ("REJECT", None), ("ACCUSE", None),
    ("PROTEST", None), ("MOBILIZE", None), ("COERCE", None), ("ASSAULT", None),
)
STATUSES = ("reported", "claimed", "planned", "hypothetical", "negated")
UNITS = ("USD", "CNY", "KRW", "JPY", "EUR", "percent", "percent_gdp", "tonne", "person", "aircraft", "job", "ship")

day = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
partial_date = st.one_of(
    st.none(),
    day.map(dt.date.isoformat),
    day.map(lambda d: d.isoformat()[:7]),
    day.map(lambda d: d.isoformat()[:4]),
)
party = st.sampled_from(ENTITY_IDS)
parties = st.lists(party, max_size=3).map(tuple)


@st.composite
def spans(draw, text: str) -> tuple[int, int]:
    start = draw(st.integers(0, len(text)))
    return start, draw(st.integers(start, len(text)))


@st.composite
def quantities(draw, text: str) -> Quantity:
    start, end = draw(spans(text))
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value=draw(st.one_of(st.integers(0, 10**13), st.floats(0, 1e13, allow_nan=False, allow_infinity=False))),
        unit=draw(st.sampled_from(UNITS)),
        approx=draw(st.booleans()),
        per=draw(st.sampled_from((None, "year", "month"))),
        qualifier=draw(st.sampled_from((None, "more_than", "up_to"))),
    )


@st.composite
def events(draw, text: str) -> Event:
    start, end = draw(spans(text))
    kind, mode = draw(st.sampled_from(TYPES_AND_MODES))
    return Event(
        type=kind,
        mode=mode,
        source=draw(parties),
        target=draw(parties),
        date=draw(partial_date),
        place=draw(st.sampled_from((None, "Busan", "Gyeongju", "Beijing", "Anchorage"))),
        quantities=tuple(draw(st.lists(quantities(text), max_size=2))),
        status=draw(st.sampled_from(STATUSES)),
        claimed_by=draw(st.one_of(st.none(), party)),
        evidence=Span(start, end),
        summary=draw(st.sampled_from(("", "Donald Trump met Xi Jinping in Busan", "South Korea pledged to invest"))),
        cameo=draw(st.sampled_from((None, "043", "057", "0831", "172"))),
    )


@st.composite
def twins(draw, event: Event) -> list[Event]:
    """The event and, sometimes, a second one on its span: the same report, claimed and unclaimed."""
    if not draw(st.booleans()):
        return [event]
    other = Event(**{**event.__dict__, "claimed_by": draw(st.one_of(st.none(), party)), "status": draw(st.sampled_from(STATUSES))})
    return [event, other]


@st.composite
def records(draw) -> Record:
    text = "".join(draw(st.lists(st.sampled_from(SENTENCES), max_size=5)))
    entities = tuple(draw(st.lists(st.sampled_from(ENTITIES), max_size=6, unique_by=lambda e: e.id)))
    mentions = []
    for entity in entities:
        for _ in range(draw(st.integers(0, 2))):
            start, end = draw(spans(text))
            mentions.append(Mention(start, end, entity.id, how="stored"))
    times = []
    for _ in range(draw(st.integers(0, 3))):
        start, end = draw(spans(text))
        times.append(TimeExpr(start, end, text[start:end], draw(partial_date), draw(st.sampled_from((None, "before", "by", "after", "since")))))
    record_events: list[Event] = []
    for _ in range(draw(st.integers(0, 5))):
        record_events.extend(draw(twins(draw(events(text)))))
    document = Document(
        id=hashlib.sha256(f"{text}|{draw(st.integers(0, 10**6))}".encode()).hexdigest()[:16],
        source=draw(st.sampled_from(("news/a.txt", "https://example.org/story", "-", ""))),
        text=text,
        date=draw(st.one_of(st.none(), day)),
        title=draw(st.sampled_from((None, "", "川習會"))),
        url=draw(st.sampled_from((None, "https://example.org/story"))),
    )
    record = Record(
        document=document,
        script=draw(st.sampled_from(("Hant", "Hans", "Zyyy"))),
        entities=entities,
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        quantities=tuple(draw(st.lists(quantities(text), max_size=3))),
        times=tuple(times),
        events=tuple(record_events),
    )
    # What every reader of the store sees: the record as stored and read back.
    return record_from_json(json.loads(record_json(record)), text)


corpora = st.lists(records(), min_size=1, max_size=4, unique_by=lambda r: r.document.id)
