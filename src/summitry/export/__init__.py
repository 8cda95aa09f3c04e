"""Events and the ledger in files the field's tools read.

``export_records(records, format, directory)`` writes, from the extract records:

- ``csv``, ``parquet``, ``jsonl``: ``events.FORMAT`` (one row per event, flat columns) and
  ``ledger.FORMAT`` (one row per commitment, SCHEMA.md §2, amount flattened);
- ``plover``: ``events.plover.jsonl``, one PLOVER JSON record per event (id, date, source,
  recipient, event, mode, quad_code, event_text, text_info, cite_info, ...), the fields
  POLECAT's records carry;
- ``cameo``: ``events.cameo.tsv``, the GDELT event table's columns that a text-level
  extractor can fill (GLOBALEVENTID, SQLDATE, Actor1/2 code, name and country, EventCode,
  EventBaseCode, EventRootCode, QuadClass, ActionGeo_FullName, DATEADDED, SOURCEURL, ...),
  for events that carry a CAMEO code.

Every row keeps its evidence: document id, offsets and the sentence itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable, Sequence, cast

from summitry.data import DataModel, load_data
from summitry.model import Event, Record
from summitry.output import open_output
from summitry.views.ledger import ledger
from summitry.views.shape import view_json

FORMATS = ("csv", "parquet", "jsonl", "plover", "cameo")


@dataclass(frozen=True)
class _Codes:
    plover_quad: dict[str, int]
    cameo_quad: dict[str, int]
    coder: str
    codebook: str
    language: str


class CodesData(DataModel):
    """codes.yaml: the quad class of each PLOVER type and CAMEO root, and who coded the export."""

    plover_quad: dict[str, int]
    cameo_quad: dict[int, list[str]]
    coder: str
    codebook: str
    language: str


@cache
def _codes() -> _Codes:
    raw = load_data("export", "codes.yaml", CodesData)
    return _Codes(
        plover_quad={str(k): int(v) for k, v in raw["plover_quad"].items()},
        cameo_quad={root: int(quad) for quad, roots in raw["cameo_quad"].items() for root in roots},
        coder=raw["coder"],
        codebook=raw["codebook"],
        language=raw["language"],
    )


def _event_id(record: Record, index: int) -> str:
    return f"{record.document.id}-{index:04d}"


def _names(record: Record) -> dict[str, Any]:
    return {e.id: e for e in record.entities}


# -- flat tables ---------------------------------------------------------------------------------
_EVENT_COLUMNS = (
    "event_id", "doc_id", "source_path", "published", "date", "type", "mode", "cameo", "quad_code", "status",
    "claimed_by", "claimed_by_name", "source_actors", "source_names", "target_actors", "target_names", "place",
    "amounts", "summary", "evidence_start", "evidence_end", "evidence_text",
)
_LEDGER_COLUMNS = (
    "id", "kind", "pledger", "pledger_name", "beneficiary", "beneficiary_name", "counterparts", "item",
    "amount_value", "amount_unit", "amount_per", "amount_approx", "amount_low", "amount_high", "deadline", "made_on", "status",
    "source_docs", "evidence", "evidence_text",
)


def _event_rows(records: Sequence[Record]) -> list[dict[str, Any]]:
    rows = []
    quads = _codes().plover_quad
    for record in records:
        names = {entity_id: entity.name for entity_id, entity in _names(record).items()}
        document = record.document
        for index, event in enumerate(record.events):
            rows.append({
                "event_id": _event_id(record, index),
                "doc_id": document.id,
                "source_path": document.source,
                "published": document.date.isoformat() if document.date else None,
                "date": event.date,
                "type": event.type,
                "mode": event.mode,
                "cameo": event.cameo,
                "quad_code": quads.get(event.type),
                "status": event.status,
                "claimed_by": event.claimed_by,
                "claimed_by_name": names.get(cast(str, event.claimed_by), event.claimed_by),  # None: None
                "source_actors": ";".join(event.source),
                "source_names": ";".join(names.get(i, i) for i in event.source),
                "target_actors": ";".join(event.target),
                "target_names": ";".join(names.get(i, i) for i in event.target),
                "place": event.place,
                "amounts": ";".join(f"{q.value:g} {q.unit}" + (f"/{q.per}" if q.per else "") for q in event.quantities),
                "summary": event.summary,
                "evidence_start": event.evidence.start,
                "evidence_end": event.evidence.end,
                "evidence_text": document.text[event.evidence.start : event.evidence.end],
            })
    return rows


def _ledger_rows(records: Sequence[Record]) -> list[dict[str, Any]]:
    rows = []
    for commitment in ledger(records):
        row = view_json(commitment)
        amount = row["amount"] or {}
        rows.append({
            "id": row["id"],
            "kind": row["kind"],
            "pledger": row["pledger"],
            "pledger_name": row["pledger_name"],
            "beneficiary": row["beneficiary"],
            "beneficiary_name": row["beneficiary_name"],
            "counterparts": ";".join(row["counterparts"]),
            "item": row["item"],
            "amount_value": float(amount["value"]) if amount else None,
            "amount_unit": amount.get("unit"),
            "amount_per": amount.get("per"),
            "amount_approx": amount.get("approx"),
            "amount_low": None if amount.get("low") is None else float(amount["low"]),
            "amount_high": None if amount.get("high") is None else float(amount["high"]),
            "deadline": row["deadline"],
            "made_on": row["made_on"],
            "status": row["status"],
            "source_docs": ";".join(dict.fromkeys(s["doc"] for s in row["sources"])),
            "evidence": ";".join(f"{s['doc']}:{s['evidence']['start']}-{s['evidence']['end']}" for s in row["sources"]),
            "evidence_text": "\n".join(s["text"] for s in row["sources"]),
        })
    return rows


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], delimiter: str = ",") -> None:
    # utf-8-sig: spreadsheet programs then read the Chinese text as UTF-8.
    with open_output(path, encoding="utf-8-sig" if delimiter == "," else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(columns), delimiter=delimiter, extrasaction="raise")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})


def _write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with open_output(path) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")


def _write_parquet(path: Path, columns: Sequence[str], rows: list[dict[str, Any]], types: dict[str, Any]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(column, types.get(column, pa.string())) for column in columns])
    table = pa.Table.from_pylist(rows, schema=schema)
    with open_output(path, binary=True) as handle:
        pq.write_table(table, handle)


# -- PLOVER ----------------------------------------------------------------------------------------
def _plover_actor(actor: str, record: Record) -> dict[str, Any]:
    entity = _names(record).get(actor)
    text = record.document.text
    surface = next((text[m.start : m.end] for m in record.mentions if m.entity_id == actor), None)
    country = (entity.id if entity.type == "country" else entity.country) if entity else None
    found = {
        "code": country or actor,
        "actor_text": surface,
        "identifier_id": actor,
        "identifier_text": entity.name if entity else actor,
        "type": entity.type if entity else None,
    }
    return {key: value for key, value in found.items() if value is not None}


def _plover_record(record: Record, index: int, event: Event, coded: str) -> dict[str, Any]:
    codes = _codes()
    document = record.document
    start, end = event.evidence.start, event.evidence.end
    plover = {
        "id": _event_id(record, index),
        "date": event.date,
        "source": [_plover_actor(a, record) for a in event.source],
        "recipient": [_plover_actor(a, record) for a in event.target],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [],
        "quad_code": codes.plover_quad.get(event.type),
        "event_text": [document.text[start:end]],
        "event_loc": {"name": event.place} if event.place else None,
        "text_info": {"start": start, "end": end, "sequence": None},
        "cite_info": {
            "citation": document.id,
            "url": document.url,
            "title": document.title,
            "language": codes.language,
            "coder": codes.coder,
            "codebook": codes.codebook,
            "version": "summitry/1",
        },
        "coder": codes.coder,
        "coded_date": coded,
        "comment": event.summary,
        # Beyond PLOVER's fields: what summitry adds to every event.
        "status": event.status,
        "claimed_by": event.claimed_by,
        "cameo": event.cameo,
        "publication_date": document.date.isoformat() if document.date else None,
        "amounts": [
            {"value": q.value, "unit": q.unit, "per": q.per, "approx": q.approx, "text": q.text} for q in event.quantities
        ],
    }
    return plover


# -- CAMEO / GDELT ---------------------------------------------------------------------------------
CAMEO_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "NumMentions", "NumSources", "NumArticles",
    "ActionGeo_Type", "ActionGeo_FullName",
    "DATEADDED", "SOURCEURL",
)


def _fraction_date(date: str) -> float | None:
    parts = [int(p) for p in date.split("-")]
    if len(parts) < 2:
        return None
    year, month, day = (parts + [1])[:3]
    start = dt.date(year, 1, 1)
    return round(year + (dt.date(year, month, day) - start).days / 365, 4)


def _cameo_actor(actors: Sequence[str], record: Record) -> dict[str, str]:
    if not actors:
        return {"Code": "", "Name": "", "CountryCode": "", "Type1Code": ""}
    entity = _names(record).get(actors[0])
    country = (entity.id if entity.type == "country" else entity.country) if entity else None
    # Heads of state and ministers are government; CAMEO's GOV is the closest code for them.
    kind = "GOV" if entity and entity.type == "person" else ""
    return {
        "Code": (country or "") + kind,
        "Name": (entity.name if entity else actors[0]).upper(),
        "CountryCode": country or "",
        "Type1Code": kind,
    }


def _cameo_rows(records: Sequence[Record]) -> list[dict[str, Any]]:
    quads = _codes().cameo_quad
    rows = []
    for record in records:
        document = record.document
        first = min((e.evidence.start for e in record.events), default=0)
        for index, event in enumerate(record.events):
            if not event.cameo:
                continue
            code = event.cameo if len(event.cameo) >= 3 else event.cameo + "0"
            date = event.date or ""
            one, two = _cameo_actor(event.source, record), _cameo_actor(event.target, record)
            rows.append({
                "GLOBALEVENTID": _event_id(record, index),
                "SQLDATE": date.replace("-", "") if len(date) == 10 else "",
                "MonthYear": date[:7].replace("-", "") if len(date) >= 7 else "",
                "Year": date[:4],
                "FractionDate": _fraction_date(date) if date else "",
                **{f"Actor1{key}": value for key, value in one.items()},
                **{f"Actor2{key}": value for key, value in two.items()},
                "IsRootEvent": 1 if event.evidence.start == first else 0,
                "EventCode": code,
                "EventBaseCode": code[:3],
                "EventRootCode": code[:2],
                "QuadClass": quads.get(code[:2], ""),
                "NumMentions": 1,
                "NumSources": 1,
                "NumArticles": 1,
                "ActionGeo_Type": 1 if event.place else 0,
                "ActionGeo_FullName": event.place or "",
                "DATEADDED": document.date.strftime("%Y%m%d") if document.date else "",
                "SOURCEURL": document.url or document.source,
            })
    return rows


# -- entry point -----------------------------------------------------------------------------------
def export_records(records: Sequence[Record], format: str, directory: str | Path, coded: dt.date | None = None) -> list[Path]:
    """Write the records' events (and, for the table formats, the ledger) into ``directory``;
    the paths written, in order. Raises ValueError for an unknown format."""
    if format not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    records = list(records)
    if format == "plover":
        path = folder / "events.plover.jsonl"
        coded_on = (coded or dt.date.today()).isoformat()
        _write_jsonl(path, (_plover_record(r, i, e, coded_on) for r in records for i, e in enumerate(r.events)))
        return [path]
    if format == "cameo":
        path = folder / "events.cameo.tsv"
        _write_csv(path, CAMEO_COLUMNS, _cameo_rows(records), delimiter="\t")
        return [path]
    events, commitments = _event_rows(records), _ledger_rows(records)
    paths = [folder / f"events.{format}", folder / f"ledger.{format}"]
    if format == "csv":
        _write_csv(paths[0], _EVENT_COLUMNS, events)
        _write_csv(paths[1], _LEDGER_COLUMNS, commitments)
    elif format == "jsonl":
        _write_jsonl(paths[0], events)
        _write_jsonl(paths[1], commitments)
    else:
        import pyarrow as pa

        _write_parquet(paths[0], _EVENT_COLUMNS, events, {"quad_code": pa.int8(), "evidence_start": pa.int64(), "evidence_end": pa.int64()})
        _write_parquet(paths[1], _LEDGER_COLUMNS, commitments, {"amount_value": pa.float64(), "amount_approx": pa.bool_(), "amount_low": pa.float64(), "amount_high": pa.float64()})
    return paths
