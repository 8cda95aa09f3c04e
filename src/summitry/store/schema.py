"""The store's tables, as SQLAlchemy Core objects the repository functions query and fill.

The tables are created only by the migrations (``store/migrations/``); this module is the
shape the code relies on, and a test checks that the migrations build exactly this.

Every row below a document is keyed by ``(doc_id, ordinal)``: the position of the item in
the extract record. Keys are then a pure function of the text, so ingesting the same
documents twice, or resuming after an interruption, yields the same rows with the same keys.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

DOCUMENT_ID = String(64)
ENTITY_ID = String(128)

# JSONB on PostgreSQL so later views can query inside records; JSON text elsewhere.
RECORD_JSON = JSON().with_variant(JSONB(), "postgresql")


def _document_key() -> Column[Any]:
    return Column("doc_id", DOCUMENT_ID, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


documents = Table(
    "documents",
    metadata,
    Column("id", DOCUMENT_ID, primary_key=True),
    Column("source", Text, nullable=False),
    Column("date", Date),
    Column("title", Text),
    Column("url", Text),
    Column("script", String(8), nullable=False),
    Column("length", Integer, nullable=False),
    Column("text", Text, nullable=False),
    # The whole extract record (SCHEMA.md §1), so nothing the pipeline said is lost to the tables.
    Column("record_json", RECORD_JSON, nullable=False),
    # pipeline.extractor_version() of the code that made record_json; NULL when unknown (a
    # record stored from a Parquet shard, or by a summitry older than this column).
    Column("extractor", String(32)),
    Column("outlet", Text),  # the site of its URL (rfi.fr), for the web app's filter: store/outlets.py
    Index("ix_documents_date", "date"),
    Index("ix_documents_outlet", "outlet"),
)

sentences = Table(
    "sentences",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

# The searchable copy of each sentence: Simplified, half-width (summitry.text.fold), and
# as long as the original, so a match's offsets hold in the original text too. On SQLite
# the migration makes it an FTS5 table with the trigram tokenizer; on PostgreSQL a plain
# table with a pg_trgm GIN index. No foreign key: an FTS5 table cannot carry one, so the
# ingest writes and deletes it beside ``sentences``.
sentence_search = Table(
    "sentence_search",
    metadata,
    Column("doc_id", DOCUMENT_ID, nullable=False),
    Column("ordinal", Integer, nullable=False),
    Column("folded", Text, nullable=False),
    Index(
        "ix_sentence_search_folded",
        "folded",
        postgresql_using="gin",
        postgresql_ops={"folded": "gin_trgm_ops"},
    ),
    Index("ix_sentence_search_doc", "doc_id", "ordinal"),
)

entities = Table(
    "entities",
    metadata,
    Column("id", ENTITY_ID, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(8)),
)

mentions = Table(
    "mentions",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    Column("entity_id", ENTITY_ID, ForeignKey("entities.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("how", String(32), nullable=False),
    Index("ix_mentions_entity", "entity_id"),
)


def _quantity_columns() -> list[Column[Any]]:
    return [
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
        Column("value", Float, nullable=False),
        Column("unit", String(32), nullable=False),
        Column("approx", Boolean, nullable=False),
        Column("per", String(32)),
        Column("qualifier", String(32)),
    ]


quantities = Table(
    "quantities",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    *_quantity_columns(),
    Index("ix_quantities_unit", "unit"),
)

times = Table(
    "times",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("value", String(32)),
    Column("relation", String(16)),
)

events = Table(
    "events",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("date", String(32)),
    Column("place", Text),
    Column("status", String(16), nullable=False),
    Column("claimed_by", ENTITY_ID),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("summary", Text, nullable=False),
    Index("ix_events_type", "type"),
)

# Participants carry no foreign key to ``entities``: the events stage may name an actor the
# record's entity list does not describe, and the event must still be kept.
event_participants = Table(
    "event_participants",
    metadata,
    Column("doc_id", DOCUMENT_ID, primary_key=True),
    Column("event_ordinal", Integer, primary_key=True),
    Column("role", String(8), primary_key=True),  # "source" or "target"
    Column("position", Integer, primary_key=True),
    Column("entity_id", ENTITY_ID, nullable=False),
    ForeignKeyConstraint(["doc_id", "event_ordinal"], ["events.doc_id", "events.ordinal"], ondelete="CASCADE"),
    Index("ix_event_participants_entity", "entity_id"),
)

event_quantities = Table(
    "event_quantities",
    metadata,
    Column("doc_id", DOCUMENT_ID, primary_key=True),
    Column("event_ordinal", Integer, primary_key=True),
    Column("ordinal", Integer, primary_key=True),
    *_quantity_columns(),
    ForeignKeyConstraint(["doc_id", "event_ordinal"], ["events.doc_id", "events.ordinal"], ondelete="CASCADE"),
)


# -- the views, kept by each ingest batch in its own transaction (store/materialise.py) ----------
# A side set ("CHN|USA") is the sorted countries (or actors without one) a meeting report joins.
SIDES = Text

# One row per meeting-like event of a document: what the meetings view merges, so a batch
# re-merges the reports of the side sets it touches without reading any record.
meeting_reports = Table(
    "meeting_reports",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),  # the report's place among its document's
    Column("sides", SIDES, nullable=False),
    Column("date", String(32)),  # the event's: with the sides, which reports one may merge with
    Column("report", RECORD_JSON, nullable=False),
    Index("ix_meeting_reports_sides", "sides", "date"),
)

# The merged meetings, each whole in ``meeting``; the other columns are for filters and order.
meetings = Table(
    "meetings",
    metadata,
    Column("key", Text, primary_key=True),
    Column("id", String(16), nullable=False),
    Column("sides", SIDES, nullable=False),
    Column("date", String(32)),
    Column("undated", Boolean, nullable=False),
    Column("names", Text, nullable=False),  # the participants' names joined by U+0001: sorts as the tuple does
    Column("mode", String(32)),
    Column("status", String(16), nullable=False),
    Column("meeting", RECORD_JSON, nullable=False),
    Index("ix_meetings_id", "id"),
    Index("ix_meetings_sides", "sides"),
    Index("ix_meetings_order", "undated", "date", "names"),
)


def _meeting_key() -> Column[Any]:
    return Column("meeting", Text, ForeignKey("meetings.key", ondelete="CASCADE"), primary_key=True)


# Who a meeting is of, as a filter matches: each participant and the country it belongs to.
meeting_actors = Table(
    "meeting_actors",
    metadata,
    _meeting_key(),
    Column("actor", ENTITY_ID, primary_key=True),
    Column("named", Boolean, nullable=False, server_default=false()),  # a participant itself, not only its country
    # The meeting's line on this actor's timeline (whom it met): a timeline page sorts by it in SQL.
    Column("summary", Text),
    Index("ix_meeting_actors_actor", "actor"),
)

meeting_documents = Table(
    "meeting_documents",
    metadata,
    _meeting_key(),
    Column("doc_id", DOCUMENT_ID, primary_key=True),
    Index("ix_meeting_documents_doc", "doc_id"),
)

# One row per ledger row a document states (or denial it makes), before merging, keyed for
# the merge: rows merge only within one kind and pledger side, and rows with amounts only
# with rows of the same unit and an amount within 1% (store/materialise.py).
ledger_statements = Table(
    "ledger_statements",
    metadata,
    _document_key(),
    Column("ordinal", Integer, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("side", ENTITY_ID, nullable=False),
    Column("unit", String(32), nullable=False),  # the amount's, "" for a row without one
    Column("amount", Float),
    Column("denial", Boolean, nullable=False),
    Column("statement", RECORD_JSON, nullable=False),
    Index("ix_ledger_statements_key", "kind", "side", "unit", "amount"),
)

commitments = Table(
    "commitments",
    metadata,
    Column("key", Text, primary_key=True),
    Column("id", String(16), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("side", ENTITY_ID, nullable=False),
    Column("unit", String(32), nullable=False),
    Column("founded", Text, nullable=False),  # the first row's place in record order: breaks ties as the merge's order does
    Column("pledger_name", Text, nullable=False),
    Column("amount", Float),  # the ledger's order: the largest amount first
    Column("item", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("summary", Text),  # its line on a timeline, views.timeline.commitment_summary
    Column("commitment", RECORD_JSON, nullable=False),
    # What the ledger's totals group and add (migration 0006): read from columns, never the JSON.
    Column("pledger", ENTITY_ID),
    Column("beneficiary", ENTITY_ID),
    Column("beneficiary_name", Text),
    Column("per", String(32)),
    Column("approx", Boolean, nullable=False, server_default=false()),
    Column("ranged", Boolean, nullable=False, server_default=false()),  # a range (數十億美元) has no value to add
    Index("ix_commitments_id", "id"),
    Index("ix_commitments_pledger_total", "pledger", "unit", "per"),
    Index("ix_commitments_beneficiary_total", "beneficiary", "unit", "per"),
    Index("ix_commitments_key", "kind", "side", "unit", "amount"),
    Index("ix_commitments_order", "pledger_name", "kind", "amount", "item"),
)

# Who a commitment is of: its pledger and beneficiary, each also as the country it belongs to.
commitment_actors = Table(
    "commitment_actors",
    metadata,
    Column("commitment", Text, ForeignKey("commitments.key", ondelete="CASCADE"), primary_key=True),
    Column("role", String(16), primary_key=True),  # pledger or beneficiary
    Column("actor", ENTITY_ID, primary_key=True),
    Column("named", Boolean, nullable=False, server_default=false()),  # the pledger or beneficiary itself
    Index("ix_commitment_actors_actor", "actor", "role"),
)

# The documents a commitment's sources come from: the web app's script and outlet filters.
commitment_documents = Table(
    "commitment_documents",
    metadata,
    Column("commitment", Text, ForeignKey("commitments.key", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", DOCUMENT_ID, primary_key=True),
    Index("ix_commitment_documents_doc", "doc_id"),
)

# Each actor's timeline, one row per entry, in its order (migration 0007): a page of it is a range
# of ix_timeline_order, read without sorting the actor's other rows. Meetings' and commitments'
# rows are written by their re-merge, claims' with their document (``doc_id``).
ORDERED_TEXT = Text().with_variant(Text(collation="C"), "postgresql")  # by code point, as Python compares
timeline = Table(
    "timeline",
    metadata,
    Column("actor", ENTITY_ID, primary_key=True),
    Column("kind", ORDERED_TEXT, primary_key=True),  # meeting, commitment_made, commitment_received, claim
    Column("row", Text, primary_key=True),  # the meeting's or commitment's key; a claim's doc_id#ordinal
    Column("doc_id", DOCUMENT_ID),  # a claim's document: its rows are written and deleted with it
    Column("undated", Boolean, nullable=False),
    Column("date", ORDERED_TEXT),
    Column("summary", ORDERED_TEXT),
    # the order of each view among entries of one date, kind and line (views.source.stored_timeline)
    Column("t1", ORDERED_TEXT, nullable=False),
    Column("t2", ORDERED_TEXT, nullable=False),
    Column("t3", Float, nullable=False),
    Column("t4", ORDERED_TEXT, nullable=False),
    Column("t5", ORDERED_TEXT, nullable=False),
    Column("status", String(16), nullable=False),
    Column("sources", Integer, nullable=False),
    Column("ref", String(16)),
    Index("ix_timeline_order", "actor", "undated", "date", "kind", "summary", "t1", "t2", "t3", "t4", "t5"),
    Index("ix_timeline_doc", "doc_id"),
    Index("ix_timeline_row", "row"),  # a re-merge deletes its meetings' and commitments' entries
)

# Claims for actor timelines: one row per claimed event and actor (the claimant, its country).
claims = Table(
    "claims",
    metadata,
    _document_key(),
    Column("event_ordinal", Integer, primary_key=True),
    Column("actor", ENTITY_ID, primary_key=True),
    Column("date", String(32)),
    Column("claim", RECORD_JSON, nullable=False),
    Index("ix_claims_actor", "actor"),
)

# One row (id 1): the store's revision, which every write transaction of documents or views
# moves on, and how many documents it holds. A reader that keeps figures between requests
# (the web app) reads this row to know they still hold (store/state.py).
store_state = Table(
    "store_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("revision", Integer, nullable=False),
    Column("documents", Integer, nullable=False),
)
