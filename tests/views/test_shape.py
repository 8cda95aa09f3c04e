"""The view rows against their contract: SCHEMA.md §2's shapes, read from the file itself.

Each row is one dataclass written by views/shape.py for the CLI, the API, the report and the
exports; its JSON schema (as the API's OpenAPI document shows it) is held here to the shapes
SCHEMA.md §2 writes out, field by field, with the kind of each (list, object or a single
value) and whether it may be null. A field §2 names that a row lacks, or a row field §2 does
not name and this file does not list as an addition, fails.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from pydantic import TypeAdapter

from summitry.views.evidence import Evidence, Source
from summitry.views.ledger import Amount, Commitment
from summitry.views.meetings import Meeting
from summitry.views.readouts import Readouts, SideReadout, TopicEvidence
from summitry.views.shape import view_json, views_json
from summitry.views.timeline import TimelineEntry

from tests.conftest import SHARED


@dataclass(frozen=True)
class Shape:
    """A field's kind as §2 writes it: ``fields`` for an object (or a list of objects)."""

    kind: str  # "object", "list" or "value"
    nullable: bool = False
    fields: dict[str, "Shape"] | None = None  # None: not spelled out (a list of ids, a value)


class _Reader:
    """A reader of §2's informal shapes: ``{"id", "sources": [{"doc": id, "evidence":
    {"start","end"}, "text"}], "amount": {"value", ...} or null}``; a list written ``[...]``
    repeats the source object given before it."""

    def __init__(self, text: str, sources: Shape | None) -> None:
        self.text, self.at, self.sources = text, 0, sources

    def _space(self) -> None:
        while self.at < len(self.text) and self.text[self.at].isspace():
            self.at += 1

    def _peek(self) -> str:
        self._space()
        return self.text[self.at]

    def object(self) -> dict[str, Shape]:
        assert self._peek() == "{"
        self.at += 1
        fields: dict[str, Shape] = {}
        while self._peek() != "}":
            if self._peek() == ",":
                self.at += 1
                continue
            match = re.compile(r'"(\w+)"').match(self.text, self.at)
            assert match, f"a field name at {self.text[self.at:self.at + 30]!r}"
            self.at = match.end()
            name = match.group(1)
            if self._peek() == ":":
                self.at += 1
                fields[name] = self.value()
            else:
                fields[name] = Shape("value")
        self.at += 1
        return fields

    def value(self) -> Shape:
        head = self._peek()
        if head == "{":
            start = self.at
            inner = re.compile(r"\{\s*\w+\s*:").match(self.text, start)  # {actor: [topics]}: a mapping
            if inner:
                self.at = self._closing(start)
                shape = Shape("object")
            else:
                shape = Shape("object", fields=self.object())
        elif head == "[":
            end = self._closing(self.at)
            inner = self.text[self.at + 1 : end - 1].strip()
            if inner.startswith("{"):
                self.at += 1
                shape = Shape("list", fields=self.object())
                self._space()
                self.at += 1  # the list's ]
            else:
                self.at = end
                shape = self.sources if inner == "..." and self.sources else Shape("list")
        else:
            end = self.at
            depth_text = re.compile(r'[^,}]*').match(self.text, self.at)
            assert depth_text
            end = depth_text.end()
            words = self.text[self.at : end]
            self.at = end
            return Shape("value", nullable="or null" in words)
        rest = re.compile(r"\s*or null").match(self.text, self.at)
        if rest:
            self.at = rest.end()
            return Shape(shape.kind, True, shape.fields)
        return shape

    def _closing(self, start: int) -> int:
        depth = 0
        for i in range(start, len(self.text)):
            depth += {"{": 1, "[": 1, "}": -1, "]": -1}.get(self.text[i], 0)
            if depth == 0:
                return i + 1
        raise AssertionError(f"unclosed at {start}")


def _contract() -> dict[str, dict[str, Shape]]:
    """§2's shape for each ``summitry COMMAND --json``, by command."""
    text = (SHARED / "SCHEMA.md").read_text(encoding="utf-8")
    section = text[text.index("## 2.") :]
    section = section[: section.find("\n## ", 5)] if "\n## " in section[5:] else section
    shapes: dict[str, dict[str, Shape]] = {}
    sources: Shape | None = None
    for command, shape in re.findall(r"- `summitry (\w+)[^`]*--json` — [^`]*`(\{.*?\})`\.", section, re.S):
        fields = _Reader(shape, sources).object()
        sources = fields.get("sources", sources)
        shapes[command] = fields
    return shapes


def _row_shape(kind: type) -> dict[str, Shape]:
    """A row's fields as its JSON schema gives them (serialization, by alias: what is written)."""
    schema = TypeAdapter(kind).json_schema(mode="serialization", by_alias=True)
    definitions = schema.get("$defs", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        return definitions[node["$ref"].split("/")[-1]] if "$ref" in node else node

    def shape(node: dict[str, Any]) -> Shape:
        options = node.get("anyOf", [node])
        nullable = any(o.get("type") == "null" for o in options)
        solid = [resolve(o) for o in options if o.get("type") != "null"]
        first = solid[0]
        if first.get("type") == "array":
            items = resolve(first["items"])
            return Shape("list", nullable, fields(items) if "properties" in items else None)
        if "properties" in first:
            return Shape("object", nullable, fields(first))
        if first.get("type") == "object":
            return Shape("object", nullable)
        return Shape("value", nullable)

    def fields(node: dict[str, Any]) -> dict[str, Shape]:
        return {name: shape(field) for name, field in node["properties"].items()}

    return fields(resolve(schema))


# What the rows write beyond §2, each said once: a new field must be added here (and to
# SCHEMA.md) knowingly. Dotted names reach into objects and lists of objects.
_ADDITIONS = {
    "meetings": {"sources.source"},
    "ledger": {"kind", "amount.low", "amount.high", "sources.source"},
    "readouts": {"names", "date", "shared", "sides.name", "sides.topics.evidence.source"},
}


def _compare(contract: dict[str, Shape], row: dict[str, Shape], prefix: str = "") -> list[str]:
    """What differs between §2's fields and a row's, as readable lines."""
    problems = []
    for name, wanted in contract.items():
        dotted = f"{prefix}{name}"
        got = row.get(name)
        if got is None:
            problems.append(f"{dotted}: in SCHEMA.md §2, not in the row")
            continue
        if wanted.kind != got.kind:
            problems.append(f"{dotted}: §2 has a {wanted.kind}, the row a {got.kind}")
        if wanted.kind != "value" and not wanted.nullable and got.nullable:
            problems.append(f"{dotted}: the row may write null, §2 never")
        if wanted.nullable and not got.nullable:
            problems.append(f"{dotted}: §2 allows null, the row never writes it")
        if wanted.fields is not None and got.fields is not None:
            problems += _compare(wanted.fields, got.fields, f"{dotted}.")
    for name, got in row.items():
        if name not in contract:
            problems.append(f"{prefix}{name}: written by the row, not in SCHEMA.md §2")
    return problems


@pytest.mark.parametrize(("command", "kind"), [("meetings", Meeting), ("ledger", Commitment), ("readouts", Readouts)])
def test_row_is_the_schema_shape(command: str, kind: type) -> None:
    problems = _compare(_contract()[command], _row_shape(kind))
    unexplained = [p for p in problems if p.split(":")[0] not in _ADDITIONS[command]]
    assert not unexplained, unexplained
    # each listed addition is still written: a stale entry would let a real drift hide behind it
    assert {p.split(":")[0] for p in problems} == _ADDITIONS[command]


@pytest.mark.parametrize(
    ("contract", "row", "drift"),
    [
        ({"id": Shape("value"), "names": Shape("list")}, {"id": Shape("value")}, "names: in SCHEMA.md §2, not in the row"),
        ({"id": Shape("value")}, {"id": Shape("value"), "extra": Shape("value")}, "extra: written by the row, not in SCHEMA.md §2"),
        ({"amount": Shape("object", True)}, {"amount": Shape("object")}, "amount: §2 allows null, the row never writes it"),
        ({"sources": Shape("list")}, {"sources": Shape("value")}, "sources: §2 has a list, the row a value"),
    ],
)
def test_a_drift_is_named(contract: dict[str, Shape], row: dict[str, Shape], drift: str) -> None:
    assert _compare(contract, row) == [drift]


def test_the_contract_is_read_whole() -> None:
    """The reader finds §2's nested shapes, so the comparison above has something to compare."""
    contract = _contract()
    source = contract["meetings"]["sources"]
    assert source.kind == "list" and source.fields is not None and source.fields["evidence"].fields == {"start": Shape("value"), "end": Shape("value")}
    assert contract["ledger"]["sources"] == source  # written [...]: the same source object
    assert contract["readouts"]["sides"].fields["topics"].fields["evidence"] == source  # type: ignore[index]
    assert contract["readouts"]["only_in"] == Shape("object")
    amount = contract["ledger"]["amount"]
    assert amount.nullable and amount.fields is not None and set(amount.fields) == {"value", "unit", "per", "approx"}


@pytest.mark.parametrize(
    ("row", "written"),
    [
        (Source("d1", "a/b.txt", Evidence(3, 5), "會見", "CHN"), {"doc": "d1", "source": "a/b.txt", "evidence": {"start": 3, "end": 5}, "text": "會見"}),
        (Amount(5.5e11, "USD"), {"value": 550000000000, "unit": "USD", "per": None, "approx": False, "low": None, "high": None}),
        (Amount(2.5, "USD", "year", True, 2.0, 3.0), {"value": 2.5, "unit": "USD", "per": "year", "approx": True, "low": 2, "high": 3}),
        (TimelineEntry("2025-10-29", "meeting", "m1", "會見", "happened", ()), {"date": "2025-10-29", "kind": "meeting", "id": "m1", "summary": "會見", "status": "happened", "sources": []}),
        (
            Readouts("m1", ("Xi Jinping", "Donald Trump"), "2025-10-30", (SideReadout("CHN", "China", (TopicEvidence("trade", ()),)),), {"CHN": ("trade",)}, ()),
            {"meeting": "m1", "names": ["Xi Jinping", "Donald Trump"], "date": "2025-10-30",
             "sides": [{"actor": "CHN", "name": "China", "topics": [{"topic": "trade", "evidence": []}]}], "only_in": {"CHN": ["trade"]}, "shared": []},
        ),
    ],
)
def test_rows_are_written_as_section_2_shows(row: Any, written: dict[str, Any]) -> None:
    assert view_json(row) == written
    assert list(view_json(row)) == list(written)  # in §2's order: the CLI's --json is byte for byte


@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_list_is_written_as_its_rows(count: int) -> None:
    rows = [Source(f"d{i}", "", Evidence(i, i + 2), "會談", None) for i in range(count)]
    assert views_json(rows) == [view_json(row) for row in rows]
